"""The device identity: an Ed25519 signing key and an age X25519 identity, kept in the vault."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pyrage
from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from msp_desktop.domain.fingerprints import device_fingerprint


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    display_name: str
    author: str
    signing_key: SigningKey
    age_identity: str

    @property
    def verify_key_hex(self) -> str:
        return bytes(self.signing_key.verify_key).hex()

    @property
    def age_recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())

    @property
    def short_id(self) -> str:
        return self.device_id[:8]

    def sign(self, message: bytes) -> bytes:
        return bytes(self.signing_key.sign(message).signature)

    def fingerprint(self) -> str:
        return device_fingerprint(self.device_id, self.verify_key_hex, self.age_recipient)


def verify(verify_key_hex: str, message: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(bytes.fromhex(verify_key_hex)).verify(message, signature)
    except (BadSignatureError, ValueError):
        return False
    return True


def create_device(conn: Any, display_name: str, author: str, created_at: str) -> DeviceIdentity:
    """Make this vault's device identity (once, at vault creation)."""
    device = DeviceIdentity(
        device_id=uuid.uuid4().hex,
        display_name=display_name,
        author=author,
        signing_key=SigningKey.generate(),
        age_identity=str(pyrage.x25519.Identity.generate()),
    )
    conn.execute(
        "INSERT INTO device (device_id, display_name, author, sign_seed, age_identity, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            device.device_id,
            display_name,
            author,
            bytes(device.signing_key),
            device.age_identity,
            created_at,
        ),
    )
    conn.execute(
        "INSERT INTO known_devices (device_id, display_name, author, verify_key, age_recipient,"
        " role, trust, added_at) VALUES (?, ?, ?, ?, ?, 'self', 'trusted', ?)",
        (device.device_id, display_name, author, device.verify_key_hex, device.age_recipient,
         created_at),
    )
    return device


def load_device(conn: Any) -> DeviceIdentity | None:
    row = conn.execute(
        "SELECT device_id, display_name, author, sign_seed, age_identity FROM device LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return DeviceIdentity(
        device_id=row[0],
        display_name=row[1],
        author=row[2],
        signing_key=SigningKey(bytes(row[3])),
        age_identity=row[4],
    )


def set_author(conn: Any, device_id: str, author: str) -> None:
    """Change the name this device writes on new records (in the caller's transaction);
    revisions already written keep the name they were signed with."""
    conn.execute("UPDATE device SET author = ? WHERE device_id = ?", (author, device_id))
    conn.execute("UPDATE known_devices SET author = ? WHERE device_id = ?", (author, device_id))


def replace_device(
    conn: Any, display_name: str, author: str, created_at: str,
) -> tuple[DeviceIdentity, str]:
    """Give this vault a new device identity (a backup restored onto another laptop), in the
    caller's transaction; return it and the old device's id.

    The old device's revisions keep their signatures and stay valid: it stays in
    known_devices, now as another trusted device (the laptop the backup came from may still
    be in use and send changes), so its new changes import like a colleague's. This vault
    numbers its own changes afresh under the new id, so the two laptops never reuse a
    number."""
    old = load_device(conn)
    if old is None:
        raise ValueError("this vault has no device identity to replace")
    conn.execute(
        "UPDATE known_devices SET role = 'device', trust = 'trusted' WHERE device_id = ?",
        (old.device_id,),
    )
    # A vault's own changes count as held up to its highest number (they were written here,
    # one after another); as another device's, they need that progress row to import the
    # old device's later changes in order.
    conn.execute(
        "INSERT INTO device_progress (device_id, contiguous)"
        " SELECT ?, coalesce(max(device_seq), 0) FROM revisions WHERE device_id = ?"
        " ON CONFLICT (device_id) DO UPDATE SET contiguous = max(contiguous, excluded.contiguous)",
        (old.device_id, old.device_id),
    )
    conn.execute("DELETE FROM device")
    return create_device(conn, display_name, author, created_at), old.device_id
