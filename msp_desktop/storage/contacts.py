"""Known devices and office cards: whose signatures this vault accepts, and whom it can send to.

Rows only; deciding whether to trust a card is the caller's business (sync/ and services/).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SELF, DEVICE, OFFICE = "self", "device", "office"
TRUSTED, INTRODUCED, REVOKED = "trusted", "introduced", "revoked"

_COLUMNS = (
    "device_id, display_name, author, verify_key, age_recipient, role, trust, added_at,"
    " introduced_by, revoked_at, revoked_after_seq"
)


@dataclass(frozen=True)
class KnownDevice:
    device_id: str
    display_name: str
    author: str
    verify_key: str
    age_recipient: str
    role: str
    trust: str
    added_at: str | None
    introduced_by: str | None
    revoked_at: str | None
    revoked_after_seq: int | None

    @property
    def revoked(self) -> bool:
        return self.trust == REVOKED

    @property
    def is_office(self) -> bool:
        return self.role == OFFICE

    def accepts_seq(self, device_seq: int) -> bool:
        """A revoked device's changes made before the revocation stay valid."""
        return not self.revoked or device_seq <= (self.revoked_after_seq or 0)


@dataclass(frozen=True)
class OfficeCardRow:
    fingerprint: str
    name: str
    age_recipient: str
    verify_key: str
    added_at: str


def get(conn: Any, device_id: str) -> KnownDevice | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM known_devices WHERE device_id = ?", (device_id,)
    ).fetchone()
    return KnownDevice(*row) if row else None


def all_devices(conn: Any) -> list[KnownDevice]:
    return [KnownDevice(*r) for r in conn.execute(
        f"SELECT {_COLUMNS} FROM known_devices ORDER BY role = 'self' DESC, display_name, device_id"
    )]


def verify_keys(conn: Any) -> dict[str, str]:
    return dict(conn.execute("SELECT device_id, verify_key FROM known_devices"))


def add_device(
    conn: Any, *, device_id: str, display_name: str, author: str, verify_key: str,
    age_recipient: str, role: str, trust: str, added_at: str, introduced_by: str | None = None,
) -> None:
    """Register a device, or raise its trust (introduced -> trusted, and a role change to
    office). Keys never change here: callers refuse a card whose keys differ."""
    conn.execute(
        "INSERT INTO known_devices (device_id, display_name, author, verify_key, age_recipient,"
        " role, trust, added_at, introduced_by) VALUES (?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (device_id) DO UPDATE SET display_name = excluded.display_name,"
        " author = excluded.author, role = excluded.role, trust = excluded.trust,"
        " introduced_by = excluded.introduced_by, revoked_at = NULL, revoked_after_seq = NULL"
        " WHERE known_devices.role != 'self'",
        (device_id, display_name, author, verify_key, age_recipient, role, trust, added_at,
         introduced_by),
    )


def revoke(conn: Any, device_id: str, at: str, after_seq: int) -> None:
    conn.execute(
        "UPDATE known_devices SET trust = 'revoked', revoked_at = ?, revoked_after_seq = ?"
        " WHERE device_id = ? AND role != 'self'",
        (at, after_seq, device_id),
    )


def add_office_card(
    conn: Any, *, fingerprint: str, name: str, age_recipient: str, verify_key: str, added_at: str
) -> None:
    conn.execute(
        "INSERT INTO office_cards (fingerprint, name, age_recipient, verify_key, added_at)"
        " VALUES (?,?,?,?,?) ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name",
        (fingerprint, name, age_recipient, verify_key, added_at),
    )


def office_cards(conn: Any) -> list[OfficeCardRow]:
    return [OfficeCardRow(*r) for r in conn.execute(
        "SELECT fingerprint, name, age_recipient, verify_key, added_at FROM office_cards"
        " ORDER BY name, fingerprint"
    )]
