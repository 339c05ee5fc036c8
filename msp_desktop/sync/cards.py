"""Office keys and cards (`msp-desktop office keygen OUTDIR`).

The office holds ``office-identity.txt`` offline: the age X25519 secret (recovery slots and
bundles are encrypted to it) and an Ed25519 signing seed (kept for signed office messages later).
Devices get ``office-card.json``, the public half, checked by its fingerprint read aloud.

The identity file stays readable by the age CLI (``age -d -i office-identity.txt``): age
accepts only identity lines and ``#`` comments, so the Ed25519 seed is stored in a comment line.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nacl.signing
from pyrage import x25519

from msp_desktop.domain.fingerprints import fingerprint as _fingerprint
from msp_desktop.storage.atomic import atomic_write_bytes
from msp_desktop.storage.errors import InputFileRejected, RecoveryFailed, VaultError
from msp_desktop.storage.safe_read import read_small_file, read_small_text

CARD_TYPE = "msp-office-card"
CARD_FORMAT = 1
IDENTITY_FILE = "office-identity.txt"
CARD_FILE = "office-card.json"
_SEED_PREFIX = "# msp-ed25519-seed: "
_FPR_DOMAIN = b"msp-office-card-fingerprint-v1\x00"
# A card is a few hundred bytes; a larger file is not one (and is not read whole).
MAX_CARD_BYTES = 64 * 1024


class CardInvalid(VaultError):
    """A card that cannot be used: not a card, a format we do not know, or altered."""

    user_message = (
        "This card is not valid (wrong format or altered). Ask whoever gave it to you for a"
        " new copy."
    )
    exit_code = 4


@dataclass(frozen=True)
class OfficeCard:
    name: str
    age_recipient: str
    ed25519_public: bytes
    fingerprint: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": CARD_TYPE,
            "format": CARD_FORMAT,
            "name": self.name,
            "age_recipient": self.age_recipient,
            "ed25519_public": self.ed25519_public.hex(),
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, repr=False)
class OfficeIdentity:
    name: str
    age_identity: str  # AGE-SECRET-KEY-1...
    ed25519_seed: bytes

    @property
    def age_recipient(self) -> str:
        return str(x25519.Identity.from_str(self.age_identity).to_public())

    @property
    def ed25519_public(self) -> bytes:
        return bytes(nacl.signing.SigningKey(self.ed25519_seed).verify_key)

    def card(self) -> OfficeCard:
        pub = self.ed25519_public
        return OfficeCard(self.name, self.age_recipient, pub, fingerprint(self.age_recipient, pub))

    def __repr__(self) -> str:  # never print secrets in tracebacks or logs
        return f"OfficeIdentity(name={self.name!r}, age_recipient={self.age_recipient!r})"


def fingerprint(age_recipient: str, ed25519_public: bytes) -> str:
    """The office card's fingerprint (see domain/fingerprints.py)."""
    return _fingerprint(_FPR_DOMAIN, age_recipient.encode("ascii") + b"\x00" + ed25519_public)


@dataclass(frozen=True)
class OfficeKeys:
    identity_path: Path
    card_path: Path
    card: OfficeCard


def generate_office_keys(outdir: Path | str, name: str) -> OfficeKeys:
    """Write office-identity.txt (mode 0600) and office-card.json into ``outdir``.

    Refuses to overwrite either file: replacing an office identity would orphan every recovery
    slot made for the old one.
    """
    outdir = Path(outdir)
    name = name.strip()
    if not name:
        raise ValueError("The office name must not be empty.")
    identity_path = outdir / IDENTITY_FILE
    card_path = outdir / CARD_FILE
    for p in (identity_path, card_path):
        if p.exists():
            raise FileExistsError(f"{p} already exists; refusing to overwrite office keys.")
    outdir.mkdir(parents=True, exist_ok=True)

    age_id = x25519.Identity.generate()
    seed = os.urandom(32)
    ident = OfficeIdentity(name=name, age_identity=str(age_id), ed25519_seed=seed)
    card = ident.card()
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    identity_text = (
        f"# MSP Desktop office identity: {_one_line(name)}\n"
        f"# created: {created}\n"
        "# KEEP SECRET AND OFFLINE. Anyone holding this file can open every vault and bundle\n"
        "# made for this office.\n"
        f"# public key: {card.age_recipient}\n"
        f"# fingerprint: {card.fingerprint}\n"
        f"{_SEED_PREFIX}{seed.hex()}\n"
        f"{ident.age_identity}\n"
    )
    card_bytes = (json.dumps(card.to_json(), indent=2, ensure_ascii=False) + "\n").encode()
    atomic_write_bytes(identity_path, identity_text.encode("ascii", "replace"), mode=0o600,
                       overwrite=False)
    atomic_write_bytes(card_path, card_bytes, mode=0o644, overwrite=False)
    return OfficeKeys(identity_path, card_path, card)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def parse_card(data: Any) -> OfficeCard:
    if not isinstance(data, dict):
        raise CardInvalid("card is not a JSON object")
    if data.get("type") != CARD_TYPE:
        raise CardInvalid(f"type is {data.get('type')!r}, expected {CARD_TYPE!r}")
    if data.get("format") != CARD_FORMAT:
        raise CardInvalid(f"unsupported card format {data.get('format')!r}")
    name, recipient = data.get("name"), data.get("age_recipient")
    pub_hex, fpr = data.get("ed25519_public"), data.get("fingerprint")
    if not all(isinstance(v, str) for v in (name, recipient, pub_hex, fpr)):
        raise CardInvalid("missing or non-text field")
    assert isinstance(name, str) and isinstance(recipient, str)
    assert isinstance(pub_hex, str) and isinstance(fpr, str)
    try:
        x25519.Recipient.from_str(recipient)
    except Exception as exc:
        raise CardInvalid("age_recipient is not an age X25519 recipient") from exc
    try:
        pub = bytes.fromhex(pub_hex)
        nacl.signing.VerifyKey(pub)
    except Exception as exc:
        raise CardInvalid("ed25519_public is not a 32-byte hex key") from exc
    expected = fingerprint(recipient, pub)
    if fpr != expected:
        raise CardInvalid("fingerprint does not match the keys (the card was altered)")
    return OfficeCard(name=name, age_recipient=recipient, ed25519_public=pub, fingerprint=fpr)


def load_card(path: Path | str, *, what: str = "the card") -> OfficeCard:
    """The office card in a file; anything that is not one (too large, not JSON, nested
    absurdly deep, altered) is CardInvalid, read no further than MAX_CARD_BYTES. ``what``
    names the file in messages ("the recovery card")."""
    try:
        raw = read_small_file(path, what=what, limit=MAX_CARD_BYTES)
    except InputFileRejected as exc:
        raise CardInvalid(f"cannot read {path}: {exc.detail}",
                          user_message=exc.user_message) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CardInvalid("not a JSON file") from exc
    return parse_card(data)


def parse_identity(text: str) -> OfficeIdentity:
    """Parse identity-file text. A bare ``AGE-SECRET-KEY-1...`` (e.g. from age-keygen) is
    accepted too; its Ed25519 seed is then empty."""
    name = ""
    age_secret: str | None = None
    seed = b""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# MSP Desktop office identity:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith(_SEED_PREFIX.strip()):
            try:
                seed = bytes.fromhex(line.split(":", 1)[1].strip())
            except ValueError as exc:
                raise RecoveryFailed("the Ed25519 seed line is malformed") from exc
        elif line.upper().startswith("AGE-SECRET-KEY-1"):
            if age_secret is not None:
                raise RecoveryFailed("more than one AGE-SECRET-KEY in the identity file")
            age_secret = line
    if age_secret is None:
        raise RecoveryFailed("no AGE-SECRET-KEY line in the identity file")
    try:
        x25519.Identity.from_str(age_secret)
    except Exception as exc:
        raise RecoveryFailed("the AGE-SECRET-KEY line is not a valid age identity") from exc
    if seed and len(seed) != 32:
        raise RecoveryFailed("the Ed25519 seed must be 32 bytes")
    return OfficeIdentity(name=name, age_identity=age_secret, ed25519_seed=seed)


def read_identity_text(path: Path | str) -> str:
    """An office identity file's text: a regular file of at most 64 KiB, else refused
    (InputFileRejected)."""
    return read_small_text(path, what="the identity file")


def load_identity(path: Path | str) -> OfficeIdentity:
    try:
        text = read_identity_text(path)
    except InputFileRejected as exc:
        raise RecoveryFailed(f"cannot read the identity file {path}",
                             user_message=exc.user_message) from exc
    return parse_identity(text)
