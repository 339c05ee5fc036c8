"""Fixtures for storage-level tests: an in-memory SQLCipher db with the real schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from msp_desktop.storage import contacts
from msp_desktop.storage.clock import Clock
from msp_desktop.storage.identity import DeviceIdentity, create_device
from msp_desktop.storage.schema import MIGRATIONS
from msp_desktop.storage.store import RecordStore


class FakeClock(Clock):
    def __init__(self, start_ms: int = 1_767_000_000_000) -> None:
        self.ms = start_ms
        super().__init__(now_ms=lambda: self.ms)

    def advance(self, seconds: float) -> None:
        self.ms += int(seconds * 1000)


def make_conn() -> Any:
    conn = sqlcipher.connect(":memory:", isolation_level=None)
    for step in MIGRATIONS:
        step(conn)
    return conn


def make_store(clock: Clock | None = None, name: str = "Laptop") -> tuple[Any, RecordStore]:
    conn = make_conn()
    device = create_device(conn, name, f"{name.lower()}.worker", "2026-01-01T00:00:00+00:00")
    return conn, RecordStore(conn, device, clock or FakeClock())


def introduce(stores: list[RecordStore]) -> None:
    """Each store trusts every other store's device (as `keys trust` would)."""
    for s in stores:
        for other in stores:
            if other is not s:
                d = other.device
                contacts.add_device(
                    s._conn, device_id=d.device_id, display_name=d.display_name,
                    author=d.author, verify_key=d.verify_key_hex, age_recipient=d.age_recipient,
                    role=contacts.DEVICE, trust=contacts.TRUSTED, added_at="2026-01-01",
                )


def note_payload(case_id: str, **kw: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "case_id": case_id, "note_type": "HOME_VISIT",
        "event_start": "2026-02-03T10:00:00+00:00", "adult_present": True, "seen_alone": True,
        "purpose": "Talk about the concern", "facts": "Visited at home.",
    }
    payload.update(kw)
    return payload


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock: FakeClock) -> Iterator[RecordStore]:
    conn, s = make_store(clock)
    yield s
    conn.close()


@pytest.fixture
def device(store: RecordStore) -> DeviceIdentity:
    return store.device
