"""The encrypted vault: a folder holding ``vault.db`` (SQLCipher 4, raw data key, WAL) and
``keyslots.json`` (design.md §3; reliability.md ENC-1..10, DUR-1, DUR-7, DUR-8).

Opening order matters and is deliberate:
1. check the driver really is SQLCipher >= 4 (on ``:memory:``, so no file is touched);
2. read keyslots.json and unwrap the data key: a wrong passphrase fails here, before vault.db is
   opened, so it cannot create or change any file (not even -wal/-shm);
3. take the process lock (vault.lock) -> VaultInUse;
4. open vault.db with ``mode=rw`` (never creates a file), check the header is not plaintext,
   key it, prove the key with a real query; from here any SQLite error means VaultDamaged;
5. set and read back the hardening/durability pragmas;
6. integrity check (see FULL_CHECK_AT_UNLOCK_MAX_BYTES), then migrations (backup first).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from msp_desktop.storage import migrations as migrations_mod
from msp_desktop.storage.atomic import (
    O_BINARY,
    O_NOFOLLOW,
    TMP_SUFFIX,
    atomic_write_bytes,
    clean_orphan_temps,
    fsync_dir,
    fsync_file,
    make_private,
    make_private_dirs,
    remove_if_present,
)
from msp_desktop.storage.errors import (
    DiskFull,
    EncryptionUnavailable,
    RecoveryFailed,
    RekeyInterrupted,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    WrongPassphrase,
)
from msp_desktop.storage.keyslots import (
    KEYSLOTS_BAK_SUFFIX,
    KEYSLOTS_FILE,
    REKEY_FILE,
    KdfParams,
    KeySlots,
    PendingRekey,
    make_passphrase_slot,
    make_recovery_slot,
    new_data_key,
    new_vault_id,
    open_passphrase_slot,
    open_recovery_slot,
    read_keyslots,
    read_pending_rekey,
    remove_pending_rekey,
    write_keyslots,
    write_pending_rekey,
)
from msp_desktop.storage.lockfile import LOCK_FILE, VaultLock, same_file
from msp_desktop.storage.migrations import Step
from msp_desktop.storage.recovery import PENDING_FILE, PendingRequest, RecoveryReply, open_reply
from msp_desktop.storage.unlock_failures import FAILURES_FILE

Connection = Any  # sqlcipher3 ships no type information

DB_FILE = "vault.db"
REKEY_DB_FILE = "vault.db.rekey"  # the re-encrypted copy while `vault rekey` runs
BACKUPS_DIR = "backups"
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
MIN_CIPHER_MAJOR = 4

# Integrity check at unlock. Measured on this machine (2 cores, SQLCipher 4.19): on a 99 MB
# vault `PRAGMA quick_check` took ~255 ms and `PRAGMA cipher_integrity_check` ~170 ms, i.e.
# about 4 ms per MB for both (every page is decrypted and its HMAC checked). That is far above
# the 100 ms unlock budget for a 100 MB vault, so the full pair runs at unlock only while the
# vault is small (<= 16 MiB, about 65 ms); above that unlock does a cheap structural check
# (schema + the first page of every table) and callers run `vault.full_check()` when idle and
# before backups/bundles (backup() always checks its copy fully).
FULL_CHECK_AT_UNLOCK_MAX_BYTES = 16 * 1024 * 1024

KEY_FILE_DAMAGED = (
    "The vault's key file (keyslots.json) is damaged or is not a key file, so your passphrase "
    "could not be checked. Do not delete anything: restore keyslots.json from the latest "
    "backup of this vault, or contact your IT support."
)

# `vault init` racing another init (or an open) of the same folder waits this long for the
# lock before saying a vault is already there.
CREATE_LOCK_WAIT_SECONDS = 10.0

# SQLite's primary error codes (sqlite_errorcode & 0xFF) for "database or disk is full" and
# "disk I/O error"; the latter counts as a full disk when less than this is free.
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_NEARLY_FULL_BYTES = 1024 * 1024

# What storage callers catch to turn a failing step into a report line (services/maintenance).
DatabaseError = sqlite3.DatabaseError

_PRAGMAS: tuple[tuple[str, str, object], ...] = (
    # (pragma, value to set, expected read-back)
    ("foreign_keys", "ON", 1),
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("temp_store", "MEMORY", 2),
    ("secure_delete", "ON", 1),
    # cipher_memory_security wipes and locks every SQLCipher allocation. Measured here it is
    # process-wide once set, and slows saves about 5x and FTS search about 30x (2 ms -> 60 ms
    # median), which breaks the save and search targets. Decision: OFF, set explicitly; the
    # residual risk (key material in process memory) is covered by core dumps being disabled
    # at start-up, the key buffer being zeroed on lock, and full-disk encryption (README).
    ("cipher_memory_security", "OFF", "0"),
) + ((("fullfsync", "ON", 1),) if sys.platform == "darwin" else ())


@dataclass(frozen=True)
class CheckReport:
    cipher_version: str
    quick_check: list[str]
    cipher_integrity_check: list[str]
    pragmas: dict[str, object] = field(default_factory=dict)
    schema_version: int = 0

    @property
    def ok(self) -> bool:
        return self.quick_check == ["ok"] and not self.cipher_integrity_check

    def items(self) -> list[tuple[str, bool, str]]:
        """(check name, passed, detail) rows for `vault check` style reports."""
        wrong = {
            n: self.pragmas.get(n) for n, _v, exp in _PRAGMAS if self.pragmas.get(n) != exp
        }
        return [
            ("SQLCipher version >= 4", _parse_cipher_major(self.cipher_version) >= 4,
             self.cipher_version),
            ("quick_check", self.quick_check == ["ok"], "; ".join(self.quick_check[:5])),
            ("cipher_integrity_check (page HMACs)", not self.cipher_integrity_check,
             "; ".join(self.cipher_integrity_check[:5])),
            ("pragmas", not wrong, ", ".join(f"{k}={v}" for k, v in wrong.items())),
        ]

    def problems(self) -> list[str]:
        out = [] if self.quick_check == ["ok"] else list(self.quick_check)
        return out + list(self.cipher_integrity_check)


class Vault:
    """An unlocked vault. Use the classmethods to obtain one; ``lock()`` when done."""

    def __init__(
        self, folder: Path, slots: KeySlots, key: bytearray, conn: Connection, lock: VaultLock
    ) -> None:
        self._path = folder
        self._slots = slots
        self._key = key
        self._conn: Connection | None = conn
        self._lock = lock
        self._cipher_version = _cipher_version(conn)
        self._savepoint_depth = 0
        # Set when unlock skipped the full page check (large vault): the app runs
        # background_check() soon after, on its own connection (ENC-6).
        self.needs_background_check = False
        self._read_only_reason: str | None = None
        # "completed" / "rolled_back" when this unlock settled a rekey a crash interrupted.
        self.rekey_outcome: str | None = None

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        recovery_recipient: str | None = None,
        recovery_fingerprint: str = "",
        kdf: KdfParams | None = None,
        migrations: Sequence[Step] | None = None,
    ) -> Vault:
        """Make a new vault folder and return it unlocked. ``kdf=None`` calibrates Argon2id.

        recovery_recipient: the office's age X25519 recipient (``age1...``); the data key is
        also wrapped to it. recovery_fingerprint: the office card's fingerprint, kept with the
        slot so people can check which office key it is."""
        folder = Path(path)
        _driver_check()
        if _vault_files_present(folder):
            raise VaultExists(str(folder))
        steps = _default_migrations() if migrations is None else migrations
        params = KdfParams.calibrate() if kdf is None else kdf

        # Everything below undoes only what this call made: the folders it created, the lock
        # file if it created it, and files it created exclusively. Each created file is kept
        # open until the end, so its inode cannot be reused, and is removed only if the name
        # still points at that inode: a file another process put there is never removed.
        made_dirs = make_private_dirs(folder)
        lock = VaultLock(folder / LOCK_FILE)
        try:
            _lock_for_create(lock, folder)
        except BaseException:
            _remove_empty_dirs(made_dirs)
            raise
        make_private(folder)
        key = new_data_key()
        vault_id = new_vault_id()
        created: list[tuple[Path, int]] = []  # (path, open descriptor of the file we made)
        conn: Connection | None = None
        db = folder / DB_FILE
        sides = [p for p in (_side(db, "-wal"), _side(db, "-shm")) if not os.path.lexists(p)]
        try:
            recovery = (
                make_recovery_slot(key, recovery_recipient, recovery_fingerprint, vault_id)
                if recovery_recipient is not None
                else None
            )
            slots = KeySlots(vault_id, make_passphrase_slot(key, passphrase, vault_id, params),
                             recovery)
            # keyslots.json first: once a database exists its key is already on disk. Linked
            # into place, so an existing file is never replaced.
            try:
                atomic_write_bytes(folder / KEYSLOTS_FILE, slots.to_bytes(), mode=0o600,
                                   overwrite=False)
            except FileExistsError:
                raise VaultExists(str(folder)) from None
            created.append((folder / KEYSLOTS_FILE, _open_nofollow(folder / KEYSLOTS_FILE)))
            created.append((db, _create_exclusive(db, folder)))
            conn = _connect(db, key, create=False)
            vault = cls(folder, slots, key, conn, lock)
            vault._prepare(steps, check_integrity=False)
            fsync_dir(folder)
            return vault
        except BaseException:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            # -wal/-shm absent before we took the lock were made by SQLite for our database.
            for p in sides:
                with contextlib.suppress(OSError):
                    created.append((p, _open_nofollow(p)))
            for p, fd in created:
                _unlink_if_same(p, fd)
            _zero(key)
            lock.release(remove=lock.created)
            _remove_empty_dirs(made_dirs)
            raise
        finally:
            for _p, fd in created:
                os.close(fd)

    @classmethod
    def unlock(
        cls, path: Path | str, passphrase: str, *, migrations: Sequence[Step] | None = None,
        keep_damaged: bool = False,
    ) -> Vault:
        """keep_damaged: a vault that fails its unlock check opens read-only (no migration,
        no write) instead of raising, so `vault check` can report on it."""
        folder = Path(path)
        _driver_check()
        slots = _read_slots(folder)
        # Read before the lock, only to choose which slot the passphrase should open;
        # _settle_rekey reads the record again under the lock and acts on that reading.
        pending = read_pending_rekey(folder)
        if pending is not None and pending.new_slots.vault_id == slots.vault_id:
            # A rekey that a crash interrupted: its new slot first (it leads to both keys).
            try:
                key = open_passphrase_slot(pending.new_slots.passphrase, passphrase,
                                           slots.vault_id)
            except WrongPassphrase:
                key = open_passphrase_slot(slots.passphrase, passphrase, slots.vault_id)
        else:
            key = open_passphrase_slot(slots.passphrase, passphrase, slots.vault_id)
        return cls._open(folder, slots, key, migrations, keep_damaged=keep_damaged)

    @classmethod
    def unlock_with_recovery(
        cls, path: Path | str, age_identity: str, *, migrations: Sequence[Step] | None = None
    ) -> Vault:
        """Open with the office's age identity (an ``AGE-SECRET-KEY-1...`` string). The caller
        then sets a new passphrase with ``change_passphrase``."""
        folder = Path(path)
        _driver_check()
        slots = _read_slots(folder)
        if slots.recovery is None:
            raise RecoveryFailed("this vault has no recovery slot")
        key = open_recovery_slot(slots.recovery, age_identity, slots.vault_id)
        return cls._open(folder, slots, key, migrations)

    @classmethod
    def unlock_with_recovery_reply(
        cls,
        path: Path | str,
        reply: RecoveryReply,
        pending: PendingRequest | None,
        *,
        migrations: Sequence[Step] | None = None,
    ) -> Vault:
        """Open with the office's reply to this laptop's recovery request (see
        storage/recovery.py). The key must open vault.db: a reply that decrypts but carries
        another key (anyone can encrypt to the one-time key) is refused. The caller then sets
        a new passphrase with ``change_passphrase``."""
        folder = Path(path)
        _driver_check()
        slots = _read_slots(folder)
        key = open_reply(reply, pending, slots.vault_id)
        try:
            return cls._open(folder, slots, key, migrations)
        except VaultDamaged as exc:
            raise RecoveryFailed(
                exc.detail,
                user_message="The key in the office's reply does not open this vault. Nothing "
                "was changed. Ask the office to check they answered this vault's latest "
                "request; if they did, the vault file may be damaged: contact your IT support.",
            ) from None

    @classmethod
    def _open(
        cls,
        folder: Path,
        slots: KeySlots,
        key: bytearray,
        migrations: Sequence[Step] | None,
        *,
        keep_damaged: bool = False,
    ) -> Vault:
        # Lock by the real folder: the same database reached through a symbolic link to its
        # folder takes the same lock, so it can never be open twice.
        folder = folder.resolve()
        lock = VaultLock(folder / LOCK_FILE)
        conn: Connection | None = None
        try:
            steps = _default_migrations() if migrations is None else migrations
            lock.acquire()
            db = folder / DB_FILE
            _check_file(db)
            slots, key, outcome = _settle_rekey(folder, slots, key)
            conn = _connect(db, key, create=False)
            vault = cls(folder, slots, key, conn, lock)
            vault.rekey_outcome = outcome
            vault._prepare(steps, check_integrity=True, keep_damaged=keep_damaged)
        except BaseException:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            _zero(key)
            lock.release()
            raise
        # Leftovers of a crash mid-write (DUR-5); only after a successful open, so a failed
        # unlock never changes a file. Likewise owner-only permissions are restored here.
        for p in (folder, folder / DB_FILE, folder / KEYSLOTS_FILE):
            make_private(p)
        # Lazily: head.py imports storage modules that may import this one.
        from msp_desktop.storage.head import HEAD_FILE

        clean_orphan_temps(folder, names=(
            KEYSLOTS_FILE, KEYSLOTS_FILE + KEYSLOTS_BAK_SUFFIX, REKEY_FILE, HEAD_FILE,
            FAILURES_FILE, PENDING_FILE))
        _clean_backup_temps(folder / BACKUPS_DIR)
        return vault

    def _prepare(
        self, steps: Sequence[Step], *, check_integrity: bool, keep_damaged: bool = False
    ) -> None:
        conn = self._live()
        try:
            _apply_pragmas(conn)
            if check_integrity:
                size = _db_bytes(self._path / DB_FILE)
                if size <= FULL_CHECK_AT_UNLOCK_MAX_BYTES:
                    report = self.check()
                    if not report.ok:
                        if not keep_damaged:
                            raise VaultDamaged("; ".join(report.problems()[:5]))
                        self.set_read_only("; ".join(report.problems()[:3]))
                        # A page that failed its HMAC can leave this connection in SQLite's
                        # error state; the read-only session gets a fresh one.
                        self._conn = None
                        conn.close()
                        self._conn = self._second_connection()
                        _apply_pragmas(self._conn)
                        return  # no migration: nothing is written to a damaged vault
                else:
                    try:
                        _cheap_check(conn)
                    except sqlite3.DatabaseError as exc:
                        if not keep_damaged:
                            raise
                        self.set_read_only(f"{type(exc).__name__}: {exc}")
                        return
                    self.needs_background_check = True
            migrations_mod.apply(conn, steps, backup=self._backup_before_migration)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise _storage_error(exc, f"{type(exc).__name__}: {exc}", self._path) from exc

    # --- properties --------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def vault_id(self) -> str:
        return self._slots.vault_id

    @property
    def conn(self) -> Connection:
        """The connection (autocommit mode), or None once locked (callers test ``is None``)."""
        return self._conn

    def _live(self) -> Connection:
        if self._conn is None:
            raise VaultError("the vault is locked", user_message="The vault is locked. "
                             "Unlock it with your passphrase to continue.")
        return self._conn

    @property
    def schema_version(self) -> int:
        return migrations_mod.user_version(self._live())

    @property
    def cipher_version(self) -> str:
        return self._cipher_version

    @property
    def is_locked(self) -> bool:
        return self._conn is None

    @property
    def has_recovery(self) -> bool:
        return self._slots.recovery is not None

    @property
    def recovery_card(self) -> tuple[str, str] | None:
        """(fingerprint, age recipient) of the recovery slot in keyslots.json, or None."""
        rec = self._slots.recovery
        return (rec.fingerprint, rec.recipient) if rec is not None else None

    @property
    def kdf_params(self) -> KdfParams:
        return self._slots.passphrase.kdf

    @property
    def weak_kdf(self) -> bool:
        """The passphrase slot's key derivation is below the minimums (design.md §3)."""
        return not self._slots.passphrase.kdf.meets_minimums()

    # --- operations --------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception. Nested use becomes a
        SAVEPOINT, so an inner failure rolls back only the inner part when caught."""
        conn = self._live()
        if self._read_only_reason is not None:
            raise VaultDamaged(
                f"read-only after a failed integrity check: {self._read_only_reason}",
                user_message="This vault was found to be damaged, so MSP Desktop is not "
                "writing to it any more. Your records can still be read. Restore the "
                "latest backup, or contact your IT support.",
            )
        if conn.in_transaction:
            self._savepoint_depth += 1
            name = f"sp{self._savepoint_depth}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            else:
                conn.execute(f"RELEASE {name}")
            finally:
                self._savepoint_depth -= 1
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            # Also covers a failed COMMIT (e.g. disk full), which can leave the transaction open.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if is_disk_full(exc, self._path):
                raise DiskFull(f"{type(exc).__name__}: {exc}") from exc
            raise

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under a new passphrase; vault.db is not touched.

        Writing keyslots.json removes any keyslots.json.bak an earlier version left
        (write_keyslots). The new file is re-read and opened with the new passphrase before
        the key file of every backup in the vault's backups folder that holds this same data
        key is replaced by the new slots (so they open with the new passphrase only). Backups
        elsewhere keep the old passphrase: only `rekey` makes them useless against today's
        vault."""
        self._live()
        params = KdfParams.calibrate() if kdf is None else kdf
        slot = make_passphrase_slot(self._key, new_passphrase, self.vault_id, params)
        new_slots = self._slots.with_passphrase(slot)
        self._install_slots(new_slots, new_passphrase)
        self._rewrap_backups(new_slots)

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise WrongPassphrase unless ``passphrase`` opens the current passphrase slot."""
        self._live()
        if not self._holds_our_key(self._slots, passphrase):
            raise VaultDamaged("the passphrase slot holds another data key")

    def strengthen_kdf(self, passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the key under the same passphrase with calibrated key derivation (a vault
        made with weak parameters). The passphrase is checked first."""
        self.verify_passphrase(passphrase)
        self.change_passphrase(passphrase, kdf=kdf)

    def _install_slots(self, new_slots: KeySlots, passphrase: str) -> None:
        """Write keyslots.json, then prove it: re-read from disk and open with ``passphrase``.
        If the proof fails, the previous slots are put back and the error raised."""
        write_keyslots(self._path, new_slots)
        try:
            written = read_keyslots(self._path)
            if (not self._holds_our_key(written, passphrase)
                    or written.to_bytes() != new_slots.to_bytes()):
                raise VaultDamaged("the new keyslots.json does not read back as written")
        except BaseException:
            write_keyslots(self._path, self._slots)
            raise
        self._slots = new_slots

    def _holds_our_key(self, slots: KeySlots, passphrase: str) -> bool:
        """``passphrase`` opens the passphrase slot of ``slots`` (else WrongPassphrase), and
        the key it holds is the one in use."""
        key = open_passphrase_slot(slots.passphrase, passphrase, slots.vault_id)
        same = key == self._key
        _zero(key)
        return same

    def _rewrap_backups(self, new_slots: KeySlots) -> None:
        backups = self._path / BACKUPS_DIR
        if not backups.is_dir():
            return
        for folder in sorted(backups.iterdir()):
            db = folder / DB_FILE
            if folder.is_symlink() or not (folder / KEYSLOTS_FILE).is_file() or not db.is_file():
                continue
            if not _opens_with(db, self._key, refused=VaultError):
                continue  # made under an earlier data key (before a rekey): not this key
            write_keyslots(folder, new_slots)

    def rekey(
        self,
        passphrase: str,
        *,
        new_passphrase: str | None = None,
        kdf: KdfParams | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        crash_at: Callable[[str], None] | None = None,
    ) -> None:
        """Replace the data key: vault.db is re-encrypted under a new random key and every
        slot is re-made for it (the passphrase slot under ``new_passphrase`` or the current
        passphrase, which is checked first; the recovery slot to the same office recipient).

        Crash safety: the re-encryption runs on a checked copy (backup API, then PRAGMA rekey
        on the copy); keyslots.rekey.json, holding the new slots and each key wrapped under
        the other, is written before the copy is renamed over vault.db, and removed only once
        keyslots.json holds the new slots. Unlock settles an interrupted rekey either way
        (_settle_rekey). ``crash_at`` is a test hook called at each step's boundary."""
        conn = self._live()
        if conn.in_transaction or self._read_only_reason is not None:
            raise VaultError("rekey needs an idle, writable vault")
        step = crash_at or (lambda _name: None)
        report = progress or (lambda _s, _d, _t: None)
        self.verify_passphrase(passphrase)
        folder, db = self._path, self._path / DB_FILE
        tmp = folder / REKEY_DB_FILE
        params = KdfParams.calibrate() if kdf is None else kdf
        report("Preparing the new key", 0, 1)
        new_key = new_data_key()
        phrase = passphrase if new_passphrase is None else new_passphrase
        rec = self._slots.recovery
        new_slots = KeySlots(
            self.vault_id, make_passphrase_slot(new_key, phrase, self.vault_id, params),
            make_recovery_slot(new_key, rec.recipient, rec.fingerprint, self.vault_id)
            if rec is not None else None,
        )
        try:
            remove_if_present(tmp)
            self._write_rekeyed_copy(tmp, new_key, report)
            step("copy-written")
            write_pending_rekey(folder, PendingRekey.make(new_slots, self._key, new_key))
            step("pending-written")
        except BaseException:
            remove_if_present(tmp)
            remove_pending_rekey(folder)
            _zero(new_key)
            raise
        report("Switching to the new key", 0, 1)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            self._conn = None
            conn.close()
            wal = _side(db, "-wal")
            if wal.exists() and wal.stat().st_size:
                raise VaultError(f"the write-ahead log still holds {wal.stat().st_size} bytes")
            for side in (wal, _side(db, "-shm")):
                remove_if_present(side)
            step("before-swap")
            os.replace(tmp, db)  # atomic: either done or not (e.g. file in use on Windows)
        except BaseException:
            remove_if_present(tmp)
            remove_pending_rekey(folder)
            _zero(new_key)
            self._conn = _connect(db, self._key, create=False)
            _apply_pragmas(self._conn)
            raise
        try:
            fsync_dir(folder)
            step("swapped")
            new_conn = _connect(db, new_key, create=False)
            _apply_pragmas(new_conn)
            old_key = self._key
            self._key, self._conn = new_key, new_conn
            _zero(old_key)
            self._install_slots(new_slots, phrase)
            step("slots-written")
            remove_pending_rekey(folder)
        except VaultError:
            raise
        except Exception as exc:
            raise RekeyInterrupted(f"{type(exc).__name__}: {exc}") from exc
        report("Switching to the new key", 1, 1)

    def _write_rekeyed_copy(
        self, tmp: Path, new_key: bytearray, report: Callable[[str, int, int], None]
    ) -> None:
        conn = self._live()

        def copied(_status: int, remaining: int, total: int) -> None:
            report("Copying the vault", total - remaining, total)

        def rekey_copy(target: Connection) -> None:
            report("Encrypting the copy with the new key", 0, 1)
            # PRAGMA key takes no bound parameters; our own random bytes, as hex.
            target.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            report("Encrypting the copy with the new key", 1, 1)

        self._copy_database(tmp, pages=256, progress=copied, finish=rekey_copy)
        report("Checking the copy", 0, 1)
        check = _connect(tmp, new_key, create=False)
        try:
            quick, cipher = _page_check(check)
            version = check.execute("PRAGMA user_version").fetchone()[0]
        finally:
            check.close()
        if quick != ["ok"] or cipher or version != migrations_mod.user_version(conn):
            raise VaultDamaged(f"the re-encrypted copy failed its check: {(quick + cipher)[:5]}")
        report("Checking the copy", 1, 1)

    def _copy_database(
        self,
        dest: Path,
        *,
        pages: int = -1,
        progress: Callable[[int, int, int], None] | None = None,
        finish: Callable[[Connection], None] | None = None,
    ) -> None:
        """Copy the database into the new file ``dest`` with SQLite's backup API (a
        consistent snapshot), keyed with the same data key, as one self-contained file (no
        -wal to forget when copying it), owner-only and durable. ``finish`` runs on the copy
        before it is closed. The caller re-opens and checks it."""
        target = _connect(dest, self._key, create=True)
        try:
            self._live().backup(target, pages=pages, progress=progress)
            target.execute("PRAGMA journal_mode = DELETE").fetchone()
            if finish is not None:
                finish(target)
        finally:
            target.close()
        os.chmod(dest, 0o600)
        fsync_file(dest)

    def backup(self, dest: Path | str) -> Path:
        """Write an encrypted copy as a new vault folder ``dest`` (vault.db + keyslots.json,
        openable with the same passphrase) and return it.

        SQLite's backup API copies a consistent snapshot into a temp folder next to dest, keyed
        with the same data key; the copy is re-opened and fully checked before the folder is
        renamed into place, so a half-written or bad backup never appears under ``dest``.
        """
        conn = self._live()
        if conn.in_transaction:
            raise VaultError("backup() inside a transaction would copy uncommitted changes")
        dest = Path(dest)
        _refuse_used_dest(dest)
        tmp = _temp_folder_for(dest)
        try:
            tmp_db = tmp / DB_FILE
            self._copy_database(tmp_db)
            check = _connect(tmp_db, self._key, create=False)
            try:
                quick, cipher = _page_check(check)
                if quick == ["ok"] and not cipher:
                    _copy_head(check, tmp)
            finally:
                check.close()
            if quick != ["ok"] or cipher:
                raise VaultDamaged(f"the backup copy failed its check: {(quick + cipher)[:5]}")
            atomic_write_bytes(tmp / KEYSLOTS_FILE, self._slots.to_bytes(), mode=0o600)
            _publish_folder(tmp, dest)
        except (sqlite3.DatabaseError, OSError) as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, OSError) and not is_disk_full(exc):
                raise
            raise _storage_error(exc, f"backup failed: {type(exc).__name__}: {exc}",
                                 dest.parent) from exc
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return dest

    def check(self) -> CheckReport:
        """Full page check: quick_check + cipher_integrity_check (HMAC of every page)."""
        conn = self._live()
        # Each part runs on its own: a page that cannot be read fails that part (its error is
        # the detail) and the others still run, so a damaged vault gets a report, not a crash.
        quick = _pragma_rows(conn, "quick_check")
        cipher = _pragma_rows(conn, "cipher_integrity_check")
        try:
            pragmas = read_pragmas(conn)
        except sqlite3.DatabaseError as exc:
            pragmas = {"error": f"{type(exc).__name__}: {exc}"}
        try:
            version = migrations_mod.user_version(conn)
        except sqlite3.DatabaseError:
            version = 0
        return CheckReport(
            cipher_version=self._cipher_version,
            quick_check=quick,
            cipher_integrity_check=cipher,
            pragmas=pragmas,
            schema_version=version,
        )

    def _second_connection(self) -> Connection:
        """Another connection to vault.db, keyed with a copy of the key (lock() zeroes ours;
        the copy is zeroed here)."""
        key = bytearray(self._key)
        try:
            return _connect(self._path / DB_FILE, key, create=False)
        finally:
            _zero(key)

    def open_reader(self) -> Connection:
        """A second connection to the same database that refuses writes, for reads on a
        worker thread while the main connection stays with the GUI (WAL lets both proceed).
        The caller closes it, before the vault is locked."""
        self._live()
        conn = self._second_connection()
        try:
            for pragma in ("query_only = ON", "temp_store = MEMORY", "foreign_keys = ON"):
                conn.execute(f"PRAGMA {pragma}")
        except BaseException:
            conn.close()
            raise
        return conn

    def background_check(self) -> list[str]:
        """Full page check on a second connection, so it can run on a worker thread while
        the app keeps using the main one. Returns the problems found (empty when sound)."""
        try:
            conn = self._second_connection()
        except VaultError as exc:
            return [exc.detail or str(exc)]
        try:
            quick, cipher = _page_check(conn)
        except sqlite3.DatabaseError as exc:
            return [f"{type(exc).__name__}: {exc}"]
        finally:
            conn.close()
        problems = [] if quick == ["ok"] else quick[:5]
        return problems + cipher[:5]

    def set_read_only(self, reason: str) -> None:
        """Refuse every further write (the vault failed a check); reads still work."""
        self._read_only_reason = reason

    @property
    def read_only(self) -> bool:
        return self._read_only_reason is not None

    def full_check(self) -> CheckReport:
        """The deferred check for large vaults: raises VaultDamaged if any page is bad."""
        try:
            report = self.check()
        except sqlite3.DatabaseError as exc:
            raise VaultDamaged(f"{type(exc).__name__}: {exc}") from exc
        if not report.ok:
            raise VaultDamaged("; ".join(report.problems()[:5]))
        return report

    def lock(self) -> None:
        """Close the connection, zero the data key and release vault.lock. Idempotent."""
        conn, self._conn = self._conn, None
        try:
            if conn is not None:
                conn.close()
        finally:
            _zero(self._key)
            self._lock.release()

    close = lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def __repr__(self) -> str:
        state = "locked" if self.is_locked else "unlocked"
        return f"<Vault {self._path} {state}>"

    # --- internals ---------------------------------------------------------------------------

    def snapshot(self, label: str, *, keep: int | None = None) -> Path:
        """A checked backup in the vault's backups folder, named by the time and ``label``
        (no personal data). With ``keep``, only the newest ``keep`` of that label stay."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        base = self._path / BACKUPS_DIR
        base.mkdir(exist_ok=True, mode=0o700)
        dest = base / f"{stamp}-{label}"
        n = 1
        while dest.exists():
            n += 1
            dest = base / f"{stamp}-{label}-{n}"
        self.backup(dest)
        if keep is not None:
            # Names start with the UTC time, so they sort oldest first.
            same = sorted(p for p in base.iterdir()
                          if p.is_dir() and p.name[len(stamp):].startswith(f"-{label}"))
            for old in same[:-keep]:
                shutil.rmtree(old)
        return dest

    def _backup_before_migration(self) -> None:
        version = migrations_mod.user_version(self._live())
        self.snapshot(f"before-migration-from-v{version}")


# --- module helpers ------------------------------------------------------------------------------


def _zero(buf: bytearray) -> None:
    buf[:] = bytes(len(buf))  # in place: the same buffer, not a new object


def _side(db: Path, suffix: str) -> Path:
    return db.with_name(db.name + suffix)


def _default_migrations() -> Sequence[Step]:
    # Imported lazily: schema.py (the SQL) is owned by another module and may import us.
    from msp_desktop.storage.schema import MIGRATIONS

    return MIGRATIONS


def _parse_cipher_major(version: str) -> int:
    m = re.match(r"\s*(\d+)\.", version)
    return int(m.group(1)) if m else 0


def _cipher_version(conn: Connection) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row and row[0] else ""


def _driver_check() -> None:
    """ENC-1: refuse to run without SQLCipher >= 4. Uses :memory: so no file is created."""
    try:
        conn = sqlite3.connect(":memory:")
    except Exception as exc:
        raise EncryptionUnavailable(f"cannot load the database driver: {exc}") from exc
    try:
        version = _cipher_version(conn)
    finally:
        conn.close()
    if _parse_cipher_major(version) < MIN_CIPHER_MAJOR:
        raise EncryptionUnavailable(f"cipher_version is {version or 'empty'!r}; need >= 4")


def _read_slots(folder: Path) -> KeySlots:
    db = folder / DB_FILE
    try:
        return read_keyslots(folder)
    except VaultDamaged as exc:
        # Before any passphrase check: "the passphrase is correct" would be untrue here.
        raise VaultDamaged(exc.detail, user_message=KEY_FILE_DAMAGED) from exc
    except VaultNotFound:
        if db.exists():
            raise VaultDamaged(
                "keyslots.json is missing",
                user_message="The vault's key file (keyslots.json) is missing, so the vault "
                "cannot be opened. Restore keyslots.json from a backup of this vault, "
                "or contact your IT support. Do not delete vault.db.",
            ) from None
        raise VaultNotFound(f"no vault at {folder}") from None


def _opens_with(
    db: Path, key: bytearray, *, refused: type[VaultError] = VaultDamaged
) -> bool:
    """``db`` opens with ``key``. Failures of the ``refused`` kind mean "no"; others (by
    default a full disk, which says nothing about the key) are raised."""
    try:
        _connect(db, key, create=False).close()
    except refused:
        return False
    return True


def _settle_rekey(
    folder: Path, slots: KeySlots, key: bytearray
) -> tuple[KeySlots, bytearray, str | None]:
    """Finish or undo a `rekey` that a crash interrupted (keyslots.rekey.json is present).
    Runs under the vault lock, before vault.db is opened for use.

    The database is under exactly one of the two keys (it is swapped by one rename): if that
    is the new key, the new slots become keyslots.json; if the old one, the copy and the
    record are removed. Returns the slots and key to open with and what was done."""
    db = folder / DB_FILE
    # Read again on purpose: unlock's first reading was taken before the lock, and another
    # process may have settled (or started) a rekey between the two.
    pending = read_pending_rekey(folder)
    if pending is None:
        remove_if_present(folder / REKEY_DB_FILE)  # a copy from a rekey that never got this far
        return slots, key, None
    pair = (pending.keys(key) if pending.new_slots.vault_id == slots.vault_id else None)
    if pair is None:
        if not _opens_with(db, key):
            raise VaultDamaged(f"{REKEY_FILE} matches neither the key file nor vault.db")
        remove_pending_rekey(folder)  # left from an older rekey; the key file is current
        remove_if_present(folder / REKEY_DB_FILE)
        return slots, key, None
    old_key, new_key = pair
    if new_key is None:  # reached through the old passphrase
        if _opens_with(db, old_key):
            remove_if_present(folder / REKEY_DB_FILE)
            remove_pending_rekey(folder)
            _zero(old_key)
            return slots, key, "rolled_back"
        _zero(old_key)
        raise WrongPassphrase(
            "rekey interrupted after the swap; the old passphrase cannot finish it",
            user_message="A change of the encryption key was interrupted after the vault had "
            "been re-encrypted, so the previous passphrase no longer opens it. Unlock with "
            "the passphrase chosen for the new key (the same one, if you did not choose a "
            "new one). Nothing was changed.")
    if _opens_with(db, new_key):
        write_keyslots(folder, pending.new_slots)
        remove_pending_rekey(folder)
        remove_if_present(folder / REKEY_DB_FILE)
        _zero(old_key)
        if key is not new_key:
            key[:] = new_key  # the caller's buffer now holds the key in use
            _zero(new_key)
        return pending.new_slots, key, "completed"
    if _opens_with(db, old_key):
        remove_if_present(folder / REKEY_DB_FILE)
        remove_pending_rekey(folder)
        _zero(new_key)
        if key is not old_key:
            key[:] = old_key
            _zero(old_key)
        return read_keyslots(folder), key, "rolled_back"
    _zero(old_key)
    _zero(new_key)
    raise VaultDamaged("vault.db opens with neither the old nor the new key of a rekey")


def _check_file(db: Path) -> None:
    """Never let SQLite create or reinterpret vault.db: it must exist, be non-empty and have no
    plaintext header. Neither it nor its -wal/-shm may be a symbolic link (or anything but a
    file): SQLite would follow the link and read or write a file elsewhere."""
    for p in (db, _side(db, "-wal"), _side(db, "-shm")):
        try:
            st = os.stat(p, follow_symlinks=False)
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(st.st_mode):
            raise VaultDamaged(
                f"{p.name} is not a regular file",
                user_message=f"The vault folder holds a link or other special file named "
                f"{p.name} instead of the vault's own file, so the vault was not opened. Ask "
                "your IT support to check the vault folder; do not delete anything.",
            )
    try:
        with open(db, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise VaultDamaged("vault.db is missing but keyslots.json is present") from None
    if head == SQLITE_PLAIN_HEADER:
        raise EncryptionUnavailable("vault.db has a plaintext SQLite header: it is not encrypted")
    if len(head) < 16:
        raise VaultDamaged(f"vault.db is truncated ({len(head)} bytes)")


def _connect(db: Path, key: bytearray, *, create: bool) -> Connection:
    """Open and key a SQLCipher database. ``mode=rw`` makes SQLite fail rather than create a
    new, empty database when the file is missing (ENC-1)."""
    uri = db.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    try:
        # The GUI derives the key and opens the vault on a worker thread, then uses the
        # connection on the GUI thread only; access is never concurrent, so the same-thread
        # check would only get in the way.
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _storage_error(exc, f"cannot open vault.db: {exc}", db.parent) from exc
    try:
        # Before the key, or a wrong/damaged page 1 prints HMAC errors on stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # PRAGMA key takes no bound parameters; a hex literal of our own bytes is safe to inline
        # and skips SQLCipher's PBKDF2 (the key is already random).
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if _parse_cipher_major(_cipher_version(conn)) < MIN_CIPHER_MAJOR:
            raise EncryptionUnavailable("cipher_version < 4 on the vault connection")
    except sqlite3.DatabaseError as exc:
        conn.close()
        # The key was proven by the key slot, so an unreadable file is damage, not a bad key
        # (unless the disk is full).
        raise _storage_error(exc, f"vault.db cannot be read with its key: {exc}",
                             db.parent) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def read_pragmas(conn: Connection) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, _value, _expected in _PRAGMAS:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        out[name] = row[0] if row else None
    return out


def _apply_pragmas(conn: Connection) -> None:
    for name, value, _expected in _PRAGMAS:
        conn.execute(f"PRAGMA {name} = {value}").fetchall()
    got = read_pragmas(conn)
    wrong = {n: got[n] for n, _v, expected in _PRAGMAS if got[n] != expected}
    if wrong:
        raise VaultError(
            f"pragmas not applied: {wrong}",
            user_message="The vault could not be opened with its safety settings. Keep the "
            "vault on a local disk and contact your IT support.",
        )


def _db_bytes(db: Path) -> int:
    total = 0
    for p in (db, _side(db, "-wal")):
        with contextlib.suppress(FileNotFoundError):
            total += p.stat().st_size
    return total


def _cheap_check(conn: Connection) -> None:
    """Unlock-time check for large vaults: the schema parses and the first page of every
    ordinary table decrypts (HMAC) and parses. O(number of tables), not O(size)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0"
    ).fetchall()
    for (name,) in rows:
        quoted = '"' + str(name).replace('"', '""') + '"'
        conn.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()


# backup() writes into ``.<dest name>.<8 hex>.tmp``; snapshot() names dest ``<UTC stamp>-<label>``.
_BACKUP_TMP_RE = re.compile(
    r"\.\d{8}T\d{6}Z-[A-Za-z0-9._-]+\.[0-9a-f]{8}" + re.escape(TMP_SUFFIX))


def _page_check(conn: Connection) -> tuple[list[str], list[str]]:
    """(quick_check rows, cipher_integrity_check rows): sound when (["ok"], []). Every page
    is read and its HMAC checked."""
    quick = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    return quick, cipher


def _refuse_used_dest(dest: Path) -> None:
    """A backup or restored copy goes to a new or empty folder only."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise VaultExists(f"{dest} exists and is not an empty folder")


def _temp_folder_for(dest: Path) -> Path:
    """A new owner-only folder next to ``dest`` (its missing parents made owner-only) to
    fill before _publish_folder renames it to ``dest``; named ``.<dest name>.<8 hex>.tmp``,
    as _clean_backup_temps expects after a crash."""
    make_private_dirs(dest.parent)
    tmp = dest.parent / f".{dest.name}.{secrets.token_hex(4)}{TMP_SUFFIX}"
    tmp.mkdir(mode=0o700)
    return tmp


def _publish_folder(tmp: Path, dest: Path) -> None:
    """Make the filled temp folder durable and rename it to ``dest`` (new or empty)."""
    fsync_dir(tmp)
    if dest.exists():
        dest.rmdir()  # empty (checked before); rename cannot replace a folder on Windows
    os.replace(tmp, dest)
    fsync_dir(dest.parent)


def _copy_head(conn: Connection, folder: Path) -> None:
    """The backup's head.json, from the signed head its database holds (storage/head.py), so
    the backup folder opens as a whole."""
    from msp_desktop.storage import head

    head.copy_to_backup(conn, folder)


def _clean_backup_temps(backups: Path) -> None:
    """Remove half-written backup folders a crash left behind: only folders named exactly as
    snapshot()/backup() name them (``.<UTC stamp>-<label>.<8 hex>.tmp``), never a link, a file,
    or a folder of the user's that merely starts with a dot and ends in .tmp."""
    if not backups.is_dir() or backups.is_symlink():
        return
    for entry in backups.iterdir():
        if (_BACKUP_TMP_RE.fullmatch(entry.name) and entry.is_dir()
                and not entry.is_symlink()):
            shutil.rmtree(entry, ignore_errors=True)


# --- create: exclusive files, undo only what this call made ------------------------------------


def _vault_files_present(folder: Path) -> bool:
    return any(os.path.lexists(folder / name) for name in (DB_FILE, KEYSLOTS_FILE))


def _remove_empty_dirs(made: list[Path]) -> None:
    for d in reversed(made):
        with contextlib.suppress(OSError):
            d.rmdir()  # only if empty: another process may be using it by now


def _lock_for_create(lock: VaultLock, folder: Path) -> None:
    """Take the folder's lock for `create`, then check again under it that no vault is there.
    A concurrent init holding the lock is waited for (up to CREATE_LOCK_WAIT_SECONDS): if it
    made a vault, this call reports VaultExists; if it failed, this one goes ahead."""
    deadline = time.monotonic() + CREATE_LOCK_WAIT_SECONDS
    while True:
        try:
            lock.acquire()
            break
        except VaultInUse:
            if _vault_files_present(folder) or time.monotonic() >= deadline:
                raise VaultExists(f"{folder} is in use") from None
            time.sleep(0.05)
    if _vault_files_present(folder):
        lock.release(remove=lock.created)
        raise VaultExists(str(folder))


def _open_nofollow(path: Path) -> int:
    return os.open(path, os.O_RDONLY | O_NOFOLLOW | O_BINARY)


def _create_exclusive(db: Path, folder: Path) -> int:
    """Create an empty vault.db that did not exist (never through a link); return it open."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | O_BINARY
    try:
        return os.open(db, flags, 0o600)
    except FileExistsError:
        raise VaultExists(str(folder)) from None


def _unlink_if_same(path: Path, fd: int) -> None:
    """Remove ``path`` only if it is still the very file we created (and hold open ``fd``
    of, so its inode number cannot have been given to another file)."""
    if same_file(fd, path):
        with contextlib.suppress(OSError):
            path.unlink()


# --- errors ------------------------------------------------------------------------------------


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """ENOSPC/EDQUOT, SQLITE_FULL, or (with ``folder``) an SQLite I/O error on a disk with
    (almost) no free space left: opening a vault on a full disk fails creating its -shm/-wal
    files, which SQLite reports only as "disk I/O error"."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    if not isinstance(exc, sqlite3.Error):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_FULL or "database or disk is full" in str(exc):
        return True
    if folder is not None and (primary == _SQLITE_IOERR or "disk I/O error" in str(exc)):
        try:
            return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
        except OSError:
            return False
    return False


def _storage_error(exc: BaseException, detail: str, folder: Path | None = None) -> VaultError:
    """A failing SQLite (or file) operation on a vault whose key is proven: a full disk is
    DiskFull (nothing is wrong with the vault); anything else is damage."""
    if is_disk_full(exc, folder):
        return DiskFull(detail)
    return VaultDamaged(detail)


def _pragma_rows(conn: Connection, pragma: str) -> list[str]:
    try:
        return [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [f"{type(exc).__name__}: {exc}"]


# --- restoring a backup ----------------------------------------------------------------------

_COPY_CHUNK = 1024 * 1024


def copy_backup(src: Path | str, dest: Path | str) -> Path:
    """Copy a backup folder (as `backup` / `snapshot` write it: vault.db and keyslots.json)
    to the new folder ``dest``, checked: each file is copied into a temp folder next to dest,
    made durable and read back against the hash of what was read, and only then is the folder
    renamed into place. The backup itself is only read. The caller opens the copy to prove
    the passphrase and check every page."""
    src, dest = Path(src), Path(dest)
    if not (src / DB_FILE).is_file() or not (src / KEYSLOTS_FILE).is_file():
        raise VaultNotFound(f"{src} holds no vault.db and keyslots.json",
                            user_message="No backup was found at this location. Choose the"
                                         " backup folder (it holds vault.db and keyslots.json).")
    _refuse_used_dest(dest)
    from msp_desktop.storage.head import HEAD_FILE

    names = [KEYSLOTS_FILE, DB_FILE] + [
        # a copied, closed vault folder may hold a -wal; backups hold the signed head's copy
        n for n in (DB_FILE + "-wal", HEAD_FILE) if (src / n).is_file()
    ]
    for name in names:
        if (src / name).is_symlink():
            raise VaultDamaged(f"{name} in the backup is a symbolic link",
                               user_message="This backup folder holds a link instead of a file,"
                                            " so it is not restored. Choose the real backup.")
    tmp = _temp_folder_for(dest)
    try:
        for name in names:
            _checked_copy(src / name, tmp / name)
        _publish_folder(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


def _checked_copy(src: Path, dest: Path) -> None:
    digest = hashlib.sha256()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_BINARY
    with open(src, "rb") as fin, os.fdopen(os.open(dest, flags, 0o600), "wb") as fout:
        while chunk := fin.read(_COPY_CHUNK):
            digest.update(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    again = hashlib.sha256()
    with open(dest, "rb") as fh:
        while chunk := fh.read(_COPY_CHUNK):
            again.update(chunk)
    if again.digest() != digest.digest():
        raise VaultDamaged(f"the copy of {src.name} does not match the backup",
                           user_message="The backup could not be copied correctly (the copy"
                                        " differs from the backup). Check the disk and try"
                                        " again.")
