"""Forgotten passphrase, the laptop's side (design.md §3): write a recovery request, then
apply the office's reply and set a new passphrase. No passphrase is needed for either, and
the office's identity never comes to the laptop. The office's side is services/office.py.

Also the checks a person makes on the office recovery card when a vault is created: the card
is loaded once, its fingerprint shown, and the one the office read out compared with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msp_desktop.domain.fingerprints import fingerprints_match
from msp_desktop.services.session import KdfParams, Session
from msp_desktop.storage.atomic import atomic_write_bytes
from msp_desktop.storage.clock import Clock
from msp_desktop.storage.keyslots import read_keyslots
from msp_desktop.storage.recovery import (
    PENDING_FILE,
    PendingRequest,
    RecoveryReply,
    new_request,
    open_reply,
    read_pending,
    recorded_card,
    write_pending,
)
from msp_desktop.storage.safe_read import read_small_file
from msp_desktop.sync.cards import OfficeCard, load_card, read_identity_text

__all__ = [
    "PENDING_FILE", "OfficeCard", "PendingInfo", "RequestInfo", "card_fingerprint_matches",
    "check_reply", "has_recovery_slot", "load_recovery_card", "pending_request",
    "read_identity_text", "recover_with_reply", "recovery_card_fingerprint",
    "write_recovery_request",
]


@dataclass(frozen=True)
class RequestInfo:
    path: Path
    vault_id: str
    request_id: str
    code: str
    card_fingerprint: str


@dataclass(frozen=True)
class PendingInfo:
    vault_id: str
    request_id: str
    code: str
    created_at: str

    @classmethod
    def of(cls, pending: PendingRequest) -> PendingInfo:
        return cls(pending.vault_id, pending.request_id, pending.code, pending.created_at)


def has_recovery_slot(vault_path: str | Path) -> bool:
    """Whether the vault was created with an office recovery card (reads keyslots.json only)."""
    return read_keyslots(Path(vault_path)).recovery is not None


def write_recovery_request(vault_path: str | Path, out: str | Path,
                           clock: Clock | None = None) -> RequestInfo:
    """Write a recovery request file to ``out`` and keep its one-time secret in the vault
    folder (replacing any earlier request's). Needs no passphrase."""
    folder = Path(vault_path)
    slots = read_keyslots(folder)
    request, pending = new_request(slots, (clock or Clock()).iso_now())
    out = Path(out)
    if out.resolve().parent == folder.resolve():
        raise ValueError("Save the recovery request outside the vault folder (for example on "
                         "a USB stick or in your documents), so you can send it to the office.")
    # The request first: if it cannot be written, an earlier waiting request stays usable.
    atomic_write_bytes(out, request.to_bytes(), mode=0o600)
    try:
        write_pending(folder, pending)
    except BaseException:
        out.unlink(missing_ok=True)  # a request nobody could use the answer to
        raise
    return RequestInfo(out, request.vault_id, request.request_id, request.code,
                       request.card_fingerprint)


def pending_request(vault_path: str | Path) -> PendingInfo | None:
    """The request waiting for the office's reply, or None."""
    pending = read_pending(Path(vault_path))
    return PendingInfo.of(pending) if pending is not None else None


def read_reply(reply_file: str | Path) -> bytes:
    return read_small_file(reply_file, what="the recovery reply")


def check_reply(vault_path: str | Path, reply_file: str | Path) -> PendingInfo:
    """Check, before asking for a new passphrase, that the reply answers this vault's waiting
    request and decrypts (it is not yet proven to open vault.db). Changes nothing."""
    folder = Path(vault_path)
    reply = RecoveryReply.from_bytes(read_reply(reply_file))
    pending = read_pending(folder)
    key = open_reply(reply, pending, read_keyslots(folder).vault_id)
    key[:] = bytes(len(key))
    assert pending is not None  # open_reply refuses a missing request
    return PendingInfo.of(pending)


def recover_with_reply(
    vault_path: str | Path, reply_file: str | Path, new_passphrase: str, *,
    kdf: KdfParams | None = None, clock: Clock | None = None,
) -> Session:
    """Open the vault with the office's reply and set the new passphrase; returns it open."""
    return Session.recover_with_reply(vault_path, read_reply(reply_file), new_passphrase,
                                      kdf=kdf, clock=clock)


def load_recovery_card(path: str | Path) -> OfficeCard:
    """Load the office recovery card once (the object, not the path, is then used to create
    the vault, so the file checked is the file used)."""
    return load_card(Path(path), what="the recovery card")


def card_fingerprint_matches(card: OfficeCard, given: str) -> bool:
    """Whether what the person typed is the card's fingerprint (spaces, dashes and case do not
    matter)."""
    return fingerprints_match(given, card.fingerprint)


def recovery_card_fingerprint(session: Session) -> str:
    """The office card fingerprint the vault's recovery slot was made for, or 'none'.

    The card confirmed at creation is also kept inside the encrypted database; when
    keyslots.json names another key, that is said plainly."""
    slot: Any = session.vault.recovery_card
    recorded = recorded_card(session.conn)
    if slot is None:
        return "none" if recorded is None else (
            f"none (the vault was created with card {recorded[0]}, but its key file has no "
            "recovery slot)")
    fpr, recipient = slot
    if recorded is None:
        return fpr or "unknown"
    if recorded[1] != recipient:
        return (f"{fpr or 'unknown'} (does not match card {recorded[0]} confirmed when the vault "
                "was created: the key file was changed)")
    return recorded[0]
