"""Recovery by request and reply (design.md §3): the office's identity never goes to a laptop.

1. The laptop writes a *request* (no passphrase needed): the vault id, the vault's recovery
   slot (the data key encrypted to the office, copied from keyslots.json), the office card it
   was made for, and a fresh one-time age X25519 public key. The one-time secret stays in the
   vault folder (``recovery-request-secret.json``, 0600) until the recovery succeeds; a new
   request replaces it, so only the latest request can be answered.
2. The office, offline, opens the recovery slot with its identity, checks the vault id inside
   it, and writes a *reply*: the data key, with the vault id and request id bound in, encrypted
   to the one-time key. The data key is never written anywhere in plaintext.
3. The laptop opens the reply with the one-time secret, checks vault id and request id, proves
   the key opens vault.db, sets a new passphrase and deletes the one-time secret.

The request code (four groups of four, like card fingerprints) covers the vault id, the request
id, the one-time public key, the office recipient and the recovery slot: the worker reads it out
by phone and the office compares it with what its command printed, so a request swapped or
altered on the way is noticed before it is answered.

age gives confidentiality and integrity but does not say who encrypted: anyone holding the
request could write a "reply" with a key of their choosing. Such a key does not open vault.db,
so the laptop refuses it before anything is written.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519

from msp_desktop.domain.fingerprints import fingerprint
from msp_desktop.storage import marks
from msp_desktop.storage.atomic import atomic_write_bytes, remove_durably
from msp_desktop.storage.errors import RecoveryFailed, RecoveryFileInvalid
from msp_desktop.storage.keyslots import KEY_BYTES, KeySlots, RecoverySlot, open_recovery_slot
from msp_desktop.storage.safe_read import read_small_file

REQUEST_TYPE = "msp-recovery-request"
REPLY_TYPE = "msp-recovery-reply"
PENDING_TYPE = "msp-recovery-pending"
FILE_FORMAT = 1
PENDING_FILE = "recovery-request-secret.json"
MAX_SLOT_BYTES = 4096  # an age file for one X25519 recipient and 58 bytes is about 250 bytes

_REPLY_MAGIC = b"MSP-RECOVERY-REPLY-1\x00"
_CODE_DOMAIN = b"msp-recovery-request-code-v1\x00"
_HEX32 = re.compile(r"\A[0-9a-f]{32}\Z")
_NOT_A_REQUEST = (
    "This is not a recovery request made by MSP Desktop, or it was damaged or changed on the "
    "way. Nothing was written. Ask the worker to make a new request and send it again."
)
_NOT_A_REPLY = (
    "This reply is damaged, incomplete or not a recovery reply. Nothing was changed. Ask the "
    "office to send the reply again."
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _field(doc: dict[str, Any], name: str, message: str) -> str:
    value = doc.get(name)
    # Printable ASCII only: these fields are printed for the office to read, and a line break
    # or control character could fake a line such as "Request code: ...".
    if (not isinstance(value, str) or not value or len(value) > 200
            or not all(" " <= ch <= "~" for ch in value)):
        raise RecoveryFileInvalid(f"{name} is missing or malformed", user_message=message)
    return value


def _hex_id(doc: dict[str, Any], name: str, message: str) -> str:
    value = _field(doc, name, message)
    if not _HEX32.match(value):
        raise RecoveryFileInvalid(f"{name} is not a 128-bit hex id", user_message=message)
    return value


def _bytes(doc: dict[str, Any], name: str, message: str) -> bytes:
    value = doc.get(name)
    if not isinstance(value, str) or len(value) > MAX_SLOT_BYTES * 2:
        raise RecoveryFileInvalid(f"{name} is missing or too long", user_message=message)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise RecoveryFileInvalid(f"{name} is not base64", user_message=message) from None


def _recipient(doc: dict[str, Any], name: str, message: str) -> str:
    value = _field(doc, name, message)
    try:
        x25519.Recipient.from_str(value)
    except Exception:
        raise RecoveryFileInvalid(f"{name} is not an age recipient", user_message=message) from None
    return value


def _load(raw: bytes, kind: str, message: str) -> dict[str, Any]:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise RecoveryFileInvalid("not JSON", user_message=message) from None
    if not isinstance(doc, dict) or doc.get("type") != kind:
        raise RecoveryFileInvalid(f"type is not {kind}", user_message=message)
    if doc.get("format") != FILE_FORMAT:
        raise RecoveryFileInvalid(
            f"unknown format {doc.get('format')!r}",
            user_message="This recovery file was made by another version of MSP Desktop. "
            "Nothing was changed. Use the same version at the office and on the laptop.",
        )
    return doc


def _dump(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=True) + "\n").encode("ascii")


# --- the request -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoveryRequest:
    vault_id: str
    request_id: str
    created_at: str
    card_fingerprint: str
    office_recipient: str
    recovery_slot: bytes  # the age ciphertext of the vault's recovery slot
    reply_recipient: str  # the one-time age X25519 public key

    @property
    def code(self) -> str:
        """The code read out by phone (covers everything the office acts on)."""
        return request_code(self.vault_id, self.request_id, self.reply_recipient,
                            self.office_recipient, self.recovery_slot)

    def slot(self) -> RecoverySlot:
        return RecoverySlot(self.office_recipient, self.card_fingerprint, self.recovery_slot)

    def to_bytes(self) -> bytes:
        return _dump({
            "type": REQUEST_TYPE,
            "format": FILE_FORMAT,
            "vault_id": self.vault_id,
            "request_id": self.request_id,
            "created_at": self.created_at,
            "card_fingerprint": self.card_fingerprint,
            "office_recipient": self.office_recipient,
            "recovery_slot": _b64(self.recovery_slot),
            "reply_to": self.reply_recipient,
            "code": self.code,
        })

    @classmethod
    def from_bytes(cls, raw: bytes) -> RecoveryRequest:
        doc = _load(raw, REQUEST_TYPE, _NOT_A_REQUEST)
        req = cls(
            vault_id=_hex_id(doc, "vault_id", _NOT_A_REQUEST),
            request_id=_hex_id(doc, "request_id", _NOT_A_REQUEST),
            created_at=_field(doc, "created_at", _NOT_A_REQUEST),
            card_fingerprint=_field(doc, "card_fingerprint", _NOT_A_REQUEST),
            office_recipient=_recipient(doc, "office_recipient", _NOT_A_REQUEST),
            recovery_slot=_bytes(doc, "recovery_slot", _NOT_A_REQUEST),
            reply_recipient=_recipient(doc, "reply_to", _NOT_A_REQUEST),
        )
        if not req.recovery_slot:
            raise RecoveryFileInvalid("empty recovery slot", user_message=_NOT_A_REQUEST)
        if doc.get("code") != req.code:  # the code printed in the file: a quick self-check
            raise RecoveryFileInvalid("request code does not match", user_message=_NOT_A_REQUEST)
        return req


def request_code(vault_id: str, request_id: str, reply_recipient: str, office_recipient: str,
                 recovery_slot: bytes) -> str:
    return fingerprint(
        _CODE_DOMAIN, vault_id.encode("ascii"), request_id.encode("ascii"),
        reply_recipient.encode("ascii"), office_recipient.encode("ascii"),
        hashlib.sha256(recovery_slot).digest(),
    )


@dataclass(frozen=True, repr=False)
class PendingRequest:
    """The laptop's half of a request: the one-time secret (kept in the vault folder)."""

    vault_id: str
    request_id: str
    created_at: str
    code: str
    one_time_identity: str  # AGE-SECRET-KEY-1...

    def __repr__(self) -> str:  # never print the secret
        return f"PendingRequest(vault_id={self.vault_id!r}, request_id={self.request_id!r})"


def new_request(slots: KeySlots, created_at: str) -> tuple[RecoveryRequest, PendingRequest]:
    """A fresh request for this vault and its one-time secret. Raises RecoveryFailed when the
    vault has no recovery slot."""
    if slots.recovery is None:
        raise RecoveryFailed(
            "this vault has no recovery slot",
            user_message="This vault was created without an office recovery card, so the "
            "office cannot help open it. Nobody can open it without the passphrase.",
        )
    ident = x25519.Identity.generate()
    req = RecoveryRequest(
        vault_id=slots.vault_id,
        request_id=os.urandom(16).hex(),
        created_at=created_at,
        card_fingerprint=slots.recovery.fingerprint or "unknown",
        office_recipient=slots.recovery.recipient,
        recovery_slot=slots.recovery.ciphertext,
        reply_recipient=str(ident.to_public()),
    )
    pending = PendingRequest(req.vault_id, req.request_id, created_at, req.code, str(ident))
    return req, pending


def pending_path(folder: Path) -> Path:
    return Path(folder) / PENDING_FILE


def write_pending(folder: Path, pending: PendingRequest) -> None:
    """Store the one-time secret (0600), replacing any earlier request's."""
    doc = {
        "type": PENDING_TYPE,
        "format": FILE_FORMAT,
        "note": "One-time key of a recovery request. Deleted when the recovery succeeds.",
        "vault_id": pending.vault_id,
        "request_id": pending.request_id,
        "created_at": pending.created_at,
        "code": pending.code,
        "one_time_identity": pending.one_time_identity,
    }
    atomic_write_bytes(pending_path(folder), _dump(doc), mode=0o600)


def read_pending(folder: Path) -> PendingRequest | None:
    """The waiting request, or None when there is none."""
    path = pending_path(folder)
    if not path.exists() and not path.is_symlink():
        return None
    message = (
        "The recovery request kept on this laptop is damaged. Make a new recovery request "
        "and send it to the office; an answer to the old one cannot be used."
    )
    doc = _load(read_small_file(path, what="the recovery request secret"), PENDING_TYPE,
                message)
    ident = _field(doc, "one_time_identity", message)
    try:
        x25519.Identity.from_str(ident)
    except Exception:
        raise RecoveryFileInvalid("one-time identity is malformed", user_message=message) from None
    return PendingRequest(
        vault_id=_hex_id(doc, "vault_id", message),
        request_id=_hex_id(doc, "request_id", message),
        created_at=_field(doc, "created_at", message),
        code=_field(doc, "code", message),
        one_time_identity=ident,
    )


def remove_pending(folder: Path) -> None:
    remove_durably(pending_path(folder))


# --- the reply -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoveryReply:
    vault_id: str
    request_id: str
    created_at: str
    card_fingerprint: str
    ciphertext: bytes  # age, to the request's one-time key

    def to_bytes(self) -> bytes:
        return _dump({
            "type": REPLY_TYPE,
            "format": FILE_FORMAT,
            "vault_id": self.vault_id,
            "request_id": self.request_id,
            "created_at": self.created_at,
            "card_fingerprint": self.card_fingerprint,
            "age": _b64(self.ciphertext),
        })

    @classmethod
    def from_bytes(cls, raw: bytes) -> RecoveryReply:
        doc = _load(raw, REPLY_TYPE, _NOT_A_REPLY)
        reply = cls(
            vault_id=_hex_id(doc, "vault_id", _NOT_A_REPLY),
            request_id=_hex_id(doc, "request_id", _NOT_A_REPLY),
            created_at=_field(doc, "created_at", _NOT_A_REPLY),
            card_fingerprint=_field(doc, "card_fingerprint", _NOT_A_REPLY),
            ciphertext=_bytes(doc, "age", _NOT_A_REPLY),
        )
        if not reply.ciphertext:
            raise RecoveryFileInvalid("empty ciphertext", user_message=_NOT_A_REPLY)
        return reply


def _reply_prefix(vault_id: str, request_id: str) -> bytes:
    return _REPLY_MAGIC + bytes.fromhex(vault_id) + bytes.fromhex(request_id)


def answer_request(request: RecoveryRequest, office_age_identity: str,
                   created_at: str) -> RecoveryReply:
    """The office's side: open the recovery slot (which checks the vault id inside it) and
    re-wrap the data key to the request's one-time key. Raises RecoveryFailed when this
    identity does not open the slot."""
    try:
        office_recipient = str(x25519.Identity.from_str(office_age_identity.strip()).to_public())
    except Exception:
        raise RecoveryFailed("the office identity is not an age identity") from None
    if office_recipient != request.office_recipient:
        raise RecoveryFailed(
            "the request was made for another office key",
            user_message="This request was made for another office recovery card (fingerprint "
            f"{request.card_fingerprint}), not the one of this identity file. Nothing was "
            "written. Use the identity file of that card.",
        )
    key = open_recovery_slot(request.slot(), office_age_identity, request.vault_id)
    try:
        plaintext = bytearray(_reply_prefix(request.vault_id, request.request_id)) + key
        try:
            ct = pyrage.encrypt(bytes(plaintext),
                                [x25519.Recipient.from_str(request.reply_recipient)])
        finally:
            plaintext[:] = bytes(len(plaintext))
    finally:
        key[:] = bytes(len(key))
    return RecoveryReply(request.vault_id, request.request_id, created_at,
                         request.card_fingerprint, bytes(ct))


def open_reply(reply: RecoveryReply, pending: PendingRequest | None, vault_id: str) -> bytearray:
    """The laptop's side: the data key from a reply, after checking it answers this vault's
    waiting request. The caller must still prove the key opens vault.db."""
    if reply.vault_id != vault_id:
        raise RecoveryFileInvalid(
            "reply for another vault",
            user_message="This reply was made for another vault, not this one. Nothing was "
            "changed. Check that you chose the right vault and the right reply file.",
        )
    if pending is None:
        raise RecoveryFileInvalid(
            "no request is waiting",
            user_message="There is no recovery request waiting on this laptop for this vault "
            "(it was used already, or made on another computer). Nothing was changed. Make a "
            "new recovery request and send it to the office.",
        )
    if pending.vault_id != vault_id:
        raise RecoveryFileInvalid("the waiting request belongs to another vault",
                                  user_message=_NOT_A_REPLY)
    if reply.request_id != pending.request_id:
        raise RecoveryFileInvalid(
            "reply to another request",
            user_message="This reply answers a different recovery request (an older one, or "
            f"one from another computer). Nothing was changed. The request waiting here has "
            f"code {pending.code}: ask the office to answer that one.",
        )
    try:
        ident = x25519.Identity.from_str(pending.one_time_identity)
        plaintext = bytearray(pyrage.decrypt(reply.ciphertext, [ident]))
    except Exception:  # pyrage raises its own exception types for every failure
        raise RecoveryFileInvalid("the reply does not decrypt", user_message=_NOT_A_REPLY) from None
    try:
        prefix = _reply_prefix(vault_id, pending.request_id)
        if len(plaintext) != len(prefix) + KEY_BYTES or not plaintext.startswith(prefix):
            raise RecoveryFileInvalid("the reply's content does not match its request",
                                      user_message=_NOT_A_REPLY)
        return bytearray(plaintext[len(prefix):])
    finally:
        plaintext[:] = bytes(len(plaintext))


# --- the card recorded at creation ------------------------------------------------------------

_META_CARD_FPR = "recovery_card_fingerprint"
_META_CARD_RECIPIENT = "recovery_card_recipient"


def record_card(conn: Any, fingerprint_text: str, recipient: str) -> None:
    """Keep the confirmed office card inside the encrypted database (call in a transaction):
    keyslots.json is not authenticated as a whole, the database is."""
    marks.put(conn, _META_CARD_FPR, fingerprint_text)
    marks.put(conn, _META_CARD_RECIPIENT, recipient)


def recorded_card(conn: Any) -> tuple[str, str] | None:
    """(fingerprint, recipient) recorded at creation, or None (no card, or an older vault)."""
    fpr, recipient = marks.get(conn, _META_CARD_FPR), marks.get(conn, _META_CARD_RECIPIENT)
    if fpr is not None and recipient is not None:
        return fpr, recipient
    return None
