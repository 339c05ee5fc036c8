"""An unlocked vault with its record store: what every service call works on."""

from __future__ import annotations

import getpass
import os
import platform
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Any

from msp_desktop.storage import marks
from msp_desktop.storage.audit import AuditLog
from msp_desktop.storage.clock import Clock
from msp_desktop.storage.drafts import DraftStore
from msp_desktop.storage.errors import VaultDamaged, WrongPassphrase
from msp_desktop.storage.head import HeadKeeper
from msp_desktop.storage.identity import (
    DeviceIdentity,
    create_device,
    load_device,
    replace_device,
    set_author,
)
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.storage.recovery import RecoveryReply, read_pending, record_card, remove_pending
from msp_desktop.storage.store import RecordStore
from msp_desktop.storage.unlock_failures import NONE as NO_FAILURES
from msp_desktop.storage.unlock_failures import (
    FailedUnlocks,
    clear_failures,
    read_failures,
    record_failure,
)
from msp_desktop.storage.vault import DatabaseError, Vault
from msp_desktop.storage.vault_meta import bind_vault_id
from msp_desktop.sync.cards import OfficeCard, load_card, parse_identity

RecoveryCard = OfficeCard | str | os.PathLike[str]

# KdfParams is part of this service's API: callers choose key-derivation costs (tests, the
# demo vault) without reaching into storage/.
__all__ = ["KdfParams", "RecoveryCard", "Session", "default_author", "default_device_name"]

OLD_BACKUPS_NOTE = (
    "Backups made before this change still open with the old passphrase and the old key "
    "file{rekey}. Keep them safe, or delete those you no longer need."
)


def old_backups_note(*, rekey: bool) -> str:
    """The plain statement shown after `passwd` and `rekey` about earlier backups."""
    if rekey:
        return OLD_BACKUPS_NOTE.format(rekey=", but not this vault any more: they hold the "
                                       "records as they were then")
    return OLD_BACKUPS_NOTE.format(rekey=", and so does the current vault with them until "
                                   "you change the encryption key (vault rekey)")


MAX_AUTHOR_LENGTH = 120


def default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "worker"


def default_device_name() -> str:
    return platform.node() or "This laptop"


class Session:
    """One unlocked vault. A write service call = one transaction (`with session.write():`)."""

    def __init__(
        self, vault: Vault, device: DeviceIdentity, clock: Clock | None = None, *,
        reader_conn: Any = None,
    ) -> None:
        self.vault = vault
        self.read_only = reader_conn is not None
        self.conn = reader_conn if reader_conn is not None else vault.conn
        self.clock = clock or Clock()
        self.device = device
        self.store = RecordStore(self.conn, device, self.clock)
        self.audit = AuditLog(self.conn)
        self.drafts = DraftStore(self.conn)
        self._reader: Session | None = None
        # The signed head (storage/head.py), kept by the writing session only.
        self.heads: HeadKeeper | None = None if self.read_only else HeadKeeper(
            self.conn, Path(vault.path), vault.vault_id, device, self.clock.iso_now,
            # Through self.store each time: the store and its clock are replaced (a rolled-back
            # import, a new device identity, rekey), and the head must sign the live clock.
            lambda: self.store.hlc.last())
        # Set by the unlock that opened this session: failed attempts counted since the last
        # unlock, and what was done with a rekey a crash interrupted ("completed" or
        # "rolled_back"), for the app to tell the worker.
        self.failed_unlocks: FailedUnlocks = NO_FAILURES
        self.rekey_outcome: str | None = None

    def reader(self) -> Session:
        """A read-only session over a second connection, for the one worker thread that runs
        slow reads (case loading, search) while the GUI keeps this one. Made on first use;
        closed by `close`. Read services take it like any session; writing through it fails."""
        if self.read_only:
            return self
        if self._reader is None:
            self._reader = Session(self.vault, self.device, self.clock,
                                   reader_conn=self.vault.open_reader())
        return self._reader

    @property
    def path(self) -> Path:
        return Path(self.vault.path)

    @property
    def author(self) -> str:
        return self.device.author

    @property
    def author_confirmed(self) -> bool:
        """Whether the worker has given or confirmed the name on their records (a vault made
        without a name, e.g. from the command line, starts with the computer login)."""
        return marks.author_confirmed(self.conn)

    def author_needs_asking(self) -> bool:
        """Whether to ask the worker's name at unlock: only when it was never confirmed and
        is still the computer login (a vault made without a name). A vault from before the
        question existed that already carries another name was marked confirmed at open."""
        return not self.read_only and not self.author_confirmed and \
            self.author == default_author()

    def confirm_author(self, name: str) -> None:
        """Set the name written on this worker's new records and exports, and remember that
        it was confirmed (it is asked once). Records already written keep their name."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("the author's name is empty")  # the dialog refuses it first
        if len(name) > MAX_AUTHOR_LENGTH:
            raise ValueError(f"the author's name is longer than {MAX_AUTHOR_LENGTH} characters")
        if self.read_only:
            raise RuntimeError("a read-only session cannot write")  # a bug, not a user error
        device = dc_replace(self.device, author=name)
        with self.write():
            set_author(self.conn, device.device_id, name)
            marks.mark_author_confirmed(self.conn)
            self.log("settings.change", entity_kind="device", entity_id=device.device_id,
                     detail={"changed": "author"})
        # After the commit: a failed write leaves the session as it was.
        for session in (self, self._reader):
            if session is not None:
                session.device = device
                session.store.device = device

    # ----- opening and closing -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | Path,
        passphrase: str,
        *,
        author: str | None = None,
        device_name: str | None = None,
        recovery_card: RecoveryCard | None = None,
        kdf: KdfParams | None = None,
        clock: Clock | None = None,
    ) -> Session:
        """Create a vault (and this laptop's device identity) and return it open.

        recovery_card: the office card, or the path of its file; the data key is then also
        wrapped to the office's recovery key."""
        card = _card(recovery_card)
        vault = Vault.create(
            Path(path), passphrase, kdf=kdf,
            recovery_recipient=card.age_recipient if card else None,
            recovery_fingerprint=card.fingerprint if card else "",
        )
        clock = clock or Clock()
        try:
            with vault.transaction():
                device = create_device(
                    vault.conn, device_name or default_device_name(), author or default_author(),
                    clock.iso_now(),
                )
                if card is not None:  # the card the person confirmed, kept in the database
                    record_card(vault.conn, card.fingerprint, card.age_recipient)
                if author:  # named by the worker: never asked again (else the OS login)
                    marks.mark_author_confirmed(vault.conn)
                bind_vault_id(vault.conn, vault.vault_id)
            session = cls(vault, device, clock)
            with session.write():
                session.store.mark_search_index_current()  # empty: nothing to index
                session.log("vault.create")
        except BaseException:
            vault.lock()
            raise
        return session

    @classmethod
    def open(
        cls, path: str | Path, passphrase: str, *, clock: Clock | None = None,
        full_check: bool = False, keep_damaged: bool = False,
    ) -> Session:
        """Unlock. A large vault gets only a cheap check at unlock (the GUI runs the full one
        in the background). full_check=True runs the full page check first, before anything
        is written, and raises VaultDamaged on damage: for one-shot commands that write (the
        CLI). keep_damaged=True runs it too but opens a vault with damaged pages (of any
        size) read-only instead of raising (no write at all, not even the unlock audit
        entry), so `vault check` can report on it."""
        try:
            vault = Vault.unlock(Path(path), passphrase, keep_damaged=keep_damaged)
        except WrongPassphrase:
            # Cannot go into the encrypted log now: counted beside it, moved in at next unlock.
            record_failure(Path(path), (clock or Clock()).iso_now())
            raise
        if full_check or keep_damaged:
            _full_check_first(vault, keep_damaged=keep_damaged)
        return cls._after_unlock(vault, clock, "unlock")

    @classmethod
    def recover(
        cls,
        path: str | Path,
        identity_text: str,
        new_passphrase: str,
        *,
        kdf: Any = None,
        clock: Clock | None = None,
    ) -> Session:
        """Open with the office recovery identity (its file's text) and set a new passphrase."""
        identity = parse_identity(identity_text)
        vault = Vault.unlock_with_recovery(Path(path), identity.age_identity)
        return cls._after_recovery(vault, new_passphrase, kdf, clock,
                                   {"method": "office-identity"})

    @classmethod
    def recover_with_reply(
        cls,
        path: str | Path,
        reply_bytes: bytes,
        new_passphrase: str,
        *,
        kdf: Any = None,
        clock: Clock | None = None,
    ) -> Session:
        """Apply the office's reply to this laptop's recovery request: check it answers this
        vault's waiting request, prove its key opens vault.db, set the new passphrase, record
        the recovery in the audit log and delete the one-time secret. A reply that is refused
        changes nothing."""
        folder = Path(path)
        reply = RecoveryReply.from_bytes(reply_bytes)
        vault = Vault.unlock_with_recovery_reply(folder, reply, read_pending(folder))
        session = cls._after_recovery(vault, new_passphrase, kdf, clock,
                                      {"method": "office-reply", "request_id": reply.request_id})
        remove_pending(folder)  # the reply is useless from now on
        return session

    @classmethod
    def _after_recovery(
        cls, vault: Vault, new_passphrase: str, kdf: Any, clock: Clock | None,
        detail: Mapping[str, Any],
    ) -> Session:
        """A vault opened with the office's key: set the new passphrase (locked again if that
        fails), then finish the unlock with the recovery in the audit log."""
        try:
            vault.change_passphrase(new_passphrase, kdf=kdf)
        except BaseException:
            vault.lock()
            raise
        return cls._after_unlock(vault, clock, "recovery", detail=detail)

    @classmethod
    def _after_unlock(
        cls, vault: Vault, clock: Clock | None, action: str,
        detail: Mapping[str, Any] | None = None,
    ) -> Session:
        try:
            try:
                device = load_device(vault.conn)
            except DatabaseError as exc:  # its page cannot be read
                raise VaultDamaged(f"device identity: {type(exc).__name__}: {exc}") from exc
            if device is None:
                raise VaultDamaged("This vault has no device identity. It may be damaged.")
            session = cls(vault, device, clock)
            if not vault.read_only:  # a damaged vault is not written to, even to audit
                failures = read_failures(vault.path)
                with session.write():
                    session.store.ensure_search_index()  # once, for an index of an older form
                    bind_vault_id(vault.conn, vault.vault_id)
                    if not marks.author_confirmed(vault.conn) and \
                            session.author != default_author():
                        # Made before the name question, with a real name: never asked.
                        marks.mark_author_confirmed(vault.conn)
                    for at in failures.times or ((failures.since,) if failures else ()):
                        session.log("unlock.failed",
                                    detail={"at": at, "recorded": "next unlock"})
                    if failures.count > len(failures.times) and failures.times:
                        session.log("unlock.failed", detail={
                            "earlier_attempts": failures.count - len(failures.times),
                            "since": failures.since, "recorded": "next unlock"})
                    if vault.rekey_outcome is not None:
                        session.log("vault.rekey", detail={"stage": vault.rekey_outcome,
                                                           "recorded": "next unlock"})
                    session.log(action, detail=detail)
                clear_failures(vault.path)
                session.failed_unlocks = failures
            session.rekey_outcome = vault.rekey_outcome
        except BaseException:
            vault.lock()
            raise
        return session

    def become_new_device(self, device_name: str | None = None) -> str:
        """Give this vault a new device identity (a restored backup used on another laptop)
        and record it; return the previous device's id. The previous device's revisions stay
        valid; this vault's own changes are numbered afresh under the new identity."""
        if self.read_only:
            raise RuntimeError("a read-only session cannot write")  # a bug, not a user error
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()
        before = self.device, self.store, self.heads
        try:
            with self.write():  # the change, its audit entry and the new device's first head
                device, previous = replace_device(
                    self.conn, device_name or default_device_name(), self.device.author,
                    self.clock.iso_now(),
                )
                self.device = device
                self.store = RecordStore(self.conn, device, self.clock)
                if self.heads is not None:
                    self.heads = self.heads.for_new_device(device)
                self.log("device.replace", entity_kind="device", entity_id=device.device_id,
                         detail={"previous_device": previous, "reason": "restored backup"})
        except BaseException:
            self.device, self.store, self.heads = before
            raise
        return previous

    def change_passphrase(self, new_passphrase: str, *, kdf: Any = None) -> None:
        """Re-wrap the key under a new passphrase; the old one stops working (storage/vault.py
        change_passphrase). Audited before and after, so a crash between the key file and
        the audit commit still leaves a record of the change having started."""
        self._key_change("passphrase.change",
                         lambda: self.vault.change_passphrase(new_passphrase, kdf=kdf))

    def rekey(
        self, passphrase: str, *, new_passphrase: str | None = None, kdf: Any = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> None:
        """A new data key for the database and new slots (storage/vault.py rekey)."""
        self.vault.verify_passphrase(passphrase)
        if self._reader is not None:  # its connection would keep reading the old file
            self._reader.close()
            self._reader = None
        def change() -> None:
            try:
                self.vault.rekey(passphrase, new_passphrase=new_passphrase, kdf=kdf,
                                 progress=progress)
            finally:
                if self.vault.conn is not None and self.vault.conn is not self.conn:
                    self._rebind(self.vault.conn)

        self._key_change("vault.rekey", change)

    def _rebind(self, conn: Any) -> None:
        """The database file was replaced (rekey): use its new connection everywhere."""
        hlc = self.store.hlc
        self.conn = conn
        self.store = RecordStore(conn, self.device, self.clock)
        self.store.hlc = hlc  # the clock state lives on, ticks not yet saved included
        self.audit = AuditLog(conn)
        self.drafts = DraftStore(conn)
        if self.heads is not None:
            self.heads.conn = conn

    def strengthen_kdf(self, passphrase: str, *, kdf: Any = None) -> None:
        """Re-wrap the passphrase slot with calibrated key derivation (same passphrase)."""
        self.vault.verify_passphrase(passphrase)
        self._key_change("passphrase.change",
                         lambda: self.vault.strengthen_kdf(passphrase, kdf=kdf),
                         reason="strengthen key derivation")

    def _key_change(self, action: str, change: Callable[[], None], reason: str = "") -> None:
        extra = {"reason": reason} if reason else {}
        with self.write():
            self.log(action, detail={"stage": "started", **extra})
        try:
            change()
        except BaseException as exc:
            if self.vault.conn is not None and not isinstance(exc, WrongPassphrase):
                with self.write():
                    self.log(action, detail={"stage": "failed", **extra})
            raise
        with self.write():
            self.log(action, detail={"stage": "completed", **extra})

    def close(self) -> None:
        """Lock: record it, close the database and drop key material. The worker that uses
        the reader must be idle by now."""
        if self.read_only:
            self.conn.close()
            return
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()
        if self.vault.conn is None:
            return
        try:
            if not self.vault.read_only:  # a damaged vault is not written to, even to audit
                with self.write():
                    self.log("lock")
                if self.heads is not None:
                    self.heads.flush()
        finally:
            self.vault.lock()

    @property
    def is_open(self) -> bool:
        return self.vault.conn is not None

    # ----- helpers for services ------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[None]:
        if self.read_only:
            raise RuntimeError("a read-only session cannot write")  # a bug, not a user error
        if self.heads is None or self.conn.in_transaction:
            try:
                with self.vault.transaction():  # nested: part of the outer write
                    yield
            except BaseException:
                self.audit.begin()  # an entry it appended may have been rolled back
                raise
            return
        # The outermost write also signs the new head, in the same transaction, and writes its
        # copy outside the database once committed.
        try:
            with self.vault.transaction():
                self.heads.begin()
                self.audit.begin()
                yield
                head = self.heads.stage(self.store.take_skipped(), self.audit.appended)
        except BaseException:
            self.store.forget_uncommitted()
            raise
        self.heads.committed(head)

    def log(
        self,
        action: str,
        *,
        entity_kind: str | None = None,
        entity_id: str | None = None,
        case_id: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> None:
        """Append an audit entry (IDs only). Call inside the action's transaction."""
        self.audit.append(
            at=self.clock.iso_now(), hlc=self.store.hlc.tick(), device_id=self.device.device_id,
            author=self.device.author, action=action, entity_kind=entity_kind,
            entity_id=entity_id, case_id=case_id, detail=detail,
        )


def _full_check_first(vault: Vault, *, keep_damaged: bool) -> None:
    """The full page check unlock deferred (large vault), run now; damage either locks the
    vault and raises VaultDamaged, or (keep_damaged) makes it read-only."""
    if not vault.needs_background_check:
        return  # unlock already checked every page (or found damage: read-only)
    try:
        problems = vault.background_check()
    except BaseException:
        vault.lock()
        raise
    if not problems:
        vault.needs_background_check = False
        return
    if keep_damaged:
        vault.set_read_only("; ".join(problems[:3]))
        return
    vault.lock()
    raise VaultDamaged("; ".join(problems[:5]))


def _card(card: RecoveryCard | None) -> OfficeCard | None:
    if card is None or isinstance(card, OfficeCard):
        return card
    return load_card(Path(card))
