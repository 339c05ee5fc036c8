"""Contact cards: a vault's public half, handed to colleagues and the office so they can send it
bundles and check what it signs (`keys card PATH OUT`).

A card holds the device id, a display name, the author, the Ed25519 verify key, the age
recipient and a fingerprint people compare aloud before trusting the card.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.signing
from pyrage import x25519

from msp_desktop.domain.fingerprints import device_fingerprint
from msp_desktop.storage.atomic import atomic_write_bytes
from msp_desktop.storage.identity import DeviceIdentity
from msp_desktop.sync.cards import CARD_TYPE as OFFICE_CARD_TYPE
from msp_desktop.sync.cards import CardInvalid, OfficeCard, parse_card

CARD_TYPE = "msp-device-card"
CARD_FORMAT = 1
_HEX_ID = re.compile(r"^[0-9a-f]{32}$")
_MAX_CARD_BYTES = 64 * 1024
_MAX_NAME = 200


@dataclass(frozen=True)
class DeviceCard:
    device_id: str
    display_name: str
    author: str
    verify_key: str  # hex
    age_recipient: str
    fingerprint: str

    @property
    def short_id(self) -> str:
        return self.device_id[:8]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": CARD_TYPE,
            "format": CARD_FORMAT,
            "device_id": self.device_id,
            "display_name": self.display_name,
            "author": self.author,
            "verify_key": self.verify_key,
            "age_recipient": self.age_recipient,
            "fingerprint": self.fingerprint,
        }


Card = DeviceCard | OfficeCard


def card_of(device: DeviceIdentity) -> DeviceCard:
    return DeviceCard(
        device_id=device.device_id, display_name=device.display_name, author=device.author,
        verify_key=device.verify_key_hex, age_recipient=device.age_recipient,
        fingerprint=device.fingerprint(),
    )


def write_card(device: DeviceIdentity, out: Path | str) -> DeviceCard:
    card = card_of(device)
    data = (json.dumps(card.to_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    atomic_write_bytes(Path(out), data, mode=0o644)
    return card


def parse_device_card(data: Any) -> DeviceCard:
    if not isinstance(data, dict):
        raise CardInvalid("card is not a JSON object")
    if data.get("type") != CARD_TYPE:
        raise CardInvalid(f"type is {data.get('type')!r}, expected {CARD_TYPE!r}")
    if data.get("format") != CARD_FORMAT:
        raise CardInvalid(f"unsupported card format {data.get('format')!r}")
    fields = ("device_id", "display_name", "author", "verify_key", "age_recipient",
              "fingerprint")
    values = [data.get(f) for f in fields]
    if not all(isinstance(v, str) for v in values):
        raise CardInvalid("missing or non-text field")
    device_id, name, author, verify_key, recipient, fpr = (str(v) for v in values)
    if not _HEX_ID.match(device_id):
        raise CardInvalid("device_id is not a device id")
    if not name.strip() or len(name) > _MAX_NAME or len(author) > _MAX_NAME:
        raise CardInvalid("display name missing or too long")
    try:
        nacl.signing.VerifyKey(bytes.fromhex(verify_key))
    except Exception as exc:
        raise CardInvalid("verify_key is not a 32-byte hex key") from exc
    try:
        x25519.Recipient.from_str(recipient)
    except Exception as exc:
        raise CardInvalid("age_recipient is not an age X25519 recipient") from exc
    if fpr != device_fingerprint(device_id, verify_key, recipient):
        raise CardInvalid("fingerprint does not match the keys (the card was altered)")
    return DeviceCard(device_id, " ".join(name.split()), author, verify_key, recipient, fpr)


def parse_any_card(data: Any) -> Card:
    if isinstance(data, dict) and data.get("type") == OFFICE_CARD_TYPE:
        return parse_card(data)
    return parse_device_card(data)


def load_any_card(path: Path | str) -> Card:
    """A colleague's contact card or the office card, whichever the file holds."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(_MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise CardInvalid(f"cannot read {path}: {exc.strerror}") from exc
    if len(raw) > _MAX_CARD_BYTES:
        raise CardInvalid("the file is far too large to be a card")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CardInvalid("not a JSON file") from exc
    return parse_any_card(data)
