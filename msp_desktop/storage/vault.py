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
import os
import re
import secrets
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from msp_desktop.storage import migrations as migrations_mod
from msp_desktop.storage.atomic import (
    atomic_write_bytes,
    clean_orphan_temps,
    fsync_dir,
    fsync_file,
)
from msp_desktop.storage.errors import (
    EncryptionUnavailable,
    RecoveryFailed,
    RekeyInterrupted,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from msp_desktop.storage.keyslots import (
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
    remove_stale_backup,
    write_keyslots,
    write_pending_rekey,
)
from msp_desktop.storage.lockfile import LOCK_FILE, VaultLock
from msp_desktop.storage.migrations import Step

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
        if (folder / DB_FILE).exists() or (folder / KEYSLOTS_FILE).exists():
            raise VaultExists(str(folder))
        steps = _default_migrations() if migrations is None else migrations
        params = KdfParams.calibrate() if kdf is None else kdf

        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = VaultLock(folder / LOCK_FILE)
        lock.acquire()
        key = new_data_key()
        vault_id = new_vault_id()
        created: list[Path] = []
        conn: Connection | None = None
        try:
            recovery = (
                make_recovery_slot(key, recovery_recipient, recovery_fingerprint, vault_id)
                if recovery_recipient is not None
                else None
            )
            slots = KeySlots(vault_id, make_passphrase_slot(key, passphrase, vault_id, params),
                             recovery)
            # keyslots.json first: once a database exists its key is already on disk.
            created.append(folder / KEYSLOTS_FILE)
            write_keyslots(folder, slots)
            db = folder / DB_FILE
            created += [db, _side(db, "-wal"), _side(db, "-shm")]
            conn = _connect(db, key, create=True)
            os.chmod(db, 0o600)
            vault = cls(folder, slots, key, conn, lock)
            vault._prepare(steps, check_integrity=False)
            fsync_dir(folder)
            return vault
        except BaseException:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            for p in created:  # only files this call made; the folder check above ensured that
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            _zero(key)
            lock.release()
            raise

    @classmethod
    def unlock(
        cls, path: Path | str, passphrase: str, *, migrations: Sequence[Step] | None = None
    ) -> Vault:
        folder = Path(path)
        _driver_check()
        slots = _read_slots(folder)
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
        return cls._open(folder, slots, key, migrations)

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
    def _open(
        cls,
        folder: Path,
        slots: KeySlots,
        key: bytearray,
        migrations: Sequence[Step] | None,
    ) -> Vault:
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
            vault._prepare(steps, check_integrity=True)
        except BaseException:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            _zero(key)
            lock.release()
            raise
        # Leftovers of a crash mid-write (DUR-5); only after a successful open, so a failed
        # unlock never changes a file.
        clean_orphan_temps(folder)
        _clean_backup_temps(folder / BACKUPS_DIR)
        return vault

    def _prepare(self, steps: Sequence[Step], *, check_integrity: bool) -> None:
        conn = self._live()
        try:
            _apply_pragmas(conn)
            if check_integrity:
                size = _db_bytes(self._path / DB_FILE)
                if size <= FULL_CHECK_AT_UNLOCK_MAX_BYTES:
                    report = self.check()
                    if not report.ok:
                        raise VaultDamaged("; ".join(report.problems()[:5]))
                else:
                    _cheap_check(conn)
                    self.needs_background_check = True
            migrations_mod.apply(conn, steps, backup=self._backup_before_migration)
        except sqlite3.DatabaseError as exc:
            raise VaultDamaged(f"{type(exc).__name__}: {exc}") from exc

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
    def kdf_params(self) -> KdfParams:
        return self._slots.passphrase.kdf

    @property
    def weak_kdf(self) -> bool:
        """The passphrase slot's key derivation is below the minimums (design.md §3)."""
        return self._slots.weak_kdf()

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
        except BaseException:
            # Also covers a failed COMMIT (e.g. disk full), which can leave the transaction open.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under a new passphrase; vault.db is not touched.

        The new keyslots.json is re-read and opened with the new passphrase before anything
        that wraps the key under the old one is removed: keyslots.json.bak, and the key file of
        every backup in the vault's backups folder that holds this same data key (those get
        the new slots, so they open with the new passphrase only). Backups elsewhere keep
        the old passphrase: only `rekey` makes them useless against today's vault."""
        self._live()
        params = KdfParams.calibrate() if kdf is None else kdf
        slot = make_passphrase_slot(self._key, new_passphrase, self.vault_id, params)
        new_slots = self._slots.with_passphrase(slot)
        self._install_slots(new_slots, new_passphrase)
        self._rewrap_backups(new_slots)

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise WrongPassphrase unless ``passphrase`` opens the current passphrase slot."""
        self._live()
        key = open_passphrase_slot(self._slots.passphrase, passphrase, self.vault_id)
        same = key == self._key
        _zero(key)
        if not same:
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
            key = open_passphrase_slot(written.passphrase, passphrase, written.vault_id)
            same = key == self._key
            _zero(key)
            if not same or written.to_bytes() != new_slots.to_bytes():
                raise VaultDamaged("the new keyslots.json does not read back as written")
        except BaseException:
            write_keyslots(self._path, self._slots)
            raise
        remove_stale_backup(self._path)
        self._slots = new_slots

    def _rewrap_backups(self, new_slots: KeySlots) -> None:
        backups = self._path / BACKUPS_DIR
        if not backups.is_dir():
            return
        for folder in sorted(backups.iterdir()):
            db = folder / DB_FILE
            if folder.is_symlink() or not (folder / KEYSLOTS_FILE).is_file() or not db.is_file():
                continue
            try:
                probe = _connect(db, self._key, create=False)
            except VaultError:
                continue  # made under an earlier data key (before a rekey): not this key
            probe.close()
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
            _remove(tmp)
            self._write_rekeyed_copy(tmp, new_key, report)
            step("copy-written")
            write_pending_rekey(folder, PendingRekey.make(new_slots, self._key, new_key))
            step("pending-written")
        except BaseException:
            _remove(tmp)
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
                _remove(side)
            step("before-swap")
            os.replace(tmp, db)  # atomic: either done or not (e.g. file in use on Windows)
        except BaseException:
            _remove(tmp)
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
        target = _connect(tmp, self._key, create=True)
        try:
            def copied(_status: int, remaining: int, total: int) -> None:
                report("Copying the vault", total - remaining, total)

            conn.backup(target, pages=256, progress=copied)
            target.execute("PRAGMA journal_mode = DELETE").fetchone()
            report("Encrypting the copy with the new key", 0, 1)
            # PRAGMA key takes no bound parameters; our own random bytes, as hex.
            target.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            report("Encrypting the copy with the new key", 1, 1)
        finally:
            target.close()
        os.chmod(tmp, 0o600)
        fsync_file(tmp)
        report("Checking the copy", 0, 1)
        check = _connect(tmp, new_key, create=False)
        try:
            quick = [str(r[0]) for r in check.execute("PRAGMA quick_check").fetchall()]
            cipher = [str(r[0]) for r in check.execute("PRAGMA cipher_integrity_check")]
            version = check.execute("PRAGMA user_version").fetchone()[0]
        finally:
            check.close()
        if quick != ["ok"] or cipher or version != migrations_mod.user_version(conn):
            raise VaultDamaged(f"the re-encrypted copy failed its check: {(quick + cipher)[:5]}")
        report("Checking the copy", 1, 1)

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
        if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
            raise VaultExists(f"{dest} exists and is not an empty folder")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.parent / f".{dest.name}.{secrets.token_hex(4)}.tmp"
        tmp.mkdir(mode=0o700)
        try:
            tmp_db = tmp / DB_FILE
            target = _connect(tmp_db, self._key, create=True)
            try:
                conn.backup(target)
                # A single self-contained file: no -wal to forget when copying the backup.
                target.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                target.close()
            os.chmod(tmp_db, 0o600)
            fsync_file(tmp_db)
            check = _connect(tmp_db, self._key, create=False)
            try:
                quick = [str(r[0]) for r in check.execute("PRAGMA quick_check").fetchall()]
                cipher = [str(r[0]) for r in check.execute("PRAGMA cipher_integrity_check")]
            finally:
                check.close()
            if quick != ["ok"] or cipher:
                raise VaultDamaged(f"the backup copy failed its check: {(quick + cipher)[:5]}")
            atomic_write_bytes(tmp / KEYSLOTS_FILE, self._slots.to_bytes(), mode=0o600)
            fsync_dir(tmp)
            if dest.exists():
                dest.rmdir()  # empty (checked above); rename cannot replace a folder on Windows
            os.replace(tmp, dest)
            fsync_dir(dest.parent)
        except sqlite3.DatabaseError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise VaultDamaged(f"backup failed: {type(exc).__name__}: {exc}") from exc
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return dest

    def check(self) -> CheckReport:
        """Full page check: quick_check + cipher_integrity_check (HMAC of every page)."""
        conn = self._live()
        quick = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        return CheckReport(
            cipher_version=self._cipher_version,
            quick_check=quick,
            cipher_integrity_check=cipher,
            pragmas=read_pragmas(conn),
            schema_version=migrations_mod.user_version(conn),
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
            quick = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
            cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
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
    except VaultNotFound:
        if db.exists():
            raise VaultDamaged(
                "keyslots.json is missing",
                user_message="The vault's key file (keyslots.json) is missing, so the vault "
                "cannot be opened. Restore keyslots.json from a backup of this vault, "
                "or contact your IT support. Do not delete vault.db.",
            ) from None
        raise VaultNotFound(f"no vault at {folder}") from None


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _opens_with(db: Path, key: bytearray) -> bool:
    try:
        _connect(db, key, create=False).close()
    except VaultDamaged:
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
    pending = read_pending_rekey(folder)
    if pending is None:
        _remove(folder / REKEY_DB_FILE)  # a copy from a rekey that never got this far
        return slots, key, None
    pair = (pending.keys(key) if pending.new_slots.vault_id == slots.vault_id else None)
    if pair is None:
        if not _opens_with(db, key):
            raise VaultDamaged(f"{REKEY_FILE} matches neither the key file nor vault.db")
        remove_pending_rekey(folder)  # left from an older rekey; the key file is current
        _remove(folder / REKEY_DB_FILE)
        return slots, key, None
    old_key, new_key = pair
    if new_key is None:  # reached through the old passphrase
        if _opens_with(db, old_key):
            _remove(folder / REKEY_DB_FILE)
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
        _remove(folder / REKEY_DB_FILE)
        _zero(old_key)
        if key is not new_key:
            key[:] = new_key  # the caller's buffer now holds the key in use
            _zero(new_key)
        return pending.new_slots, key, "completed"
    if _opens_with(db, old_key):
        _remove(folder / REKEY_DB_FILE)
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
    plaintext header."""
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
        raise VaultDamaged(f"cannot open vault.db: {exc}") from exc
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
        # The key was proven by the key slot, so an unreadable file is damage, not a bad key.
        raise VaultDamaged(f"vault.db cannot be read with its key: {exc}") from exc
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


def _clean_backup_temps(backups: Path) -> None:
    """Remove half-written backup folders a crash left behind (ours: ``.<name>.<hex>.tmp``)."""
    if not backups.is_dir():
        return
    for entry in backups.iterdir():
        if entry.is_dir() and entry.name.startswith(".") and entry.name.endswith(".tmp"):
            shutil.rmtree(entry, ignore_errors=True)
