"""ENC-6: a large vault gets only a cheap check at unlock, then a full check in the
background; damage makes the vault read-only, and what is saved stays readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_desktop.services import cases, records
from msp_desktop.services.maintenance import background_integrity_check
from msp_desktop.services.session import Session
from msp_desktop.storage import vault as vault_mod
from msp_desktop.storage.errors import VaultDamaged
from msp_desktop.storage.keyslots import KdfParams

PASS = "background check pass phrase"


def _filled_vault(path: Path, notes: int = 120) -> str:
    session = Session.create(path, PASS, kdf=KdfParams.fast(), author="t", device_name="t")
    case = cases.open_case(session, {"family_name": "Hughes", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-01-05"}).state
    for i in range(notes):
        records.create(session, "contact_note", {
            "case_id": case.record_id, "note_type": "PHONE",
            "event_start": "2026-01-06T10:00:00+00:00",
            "facts": f"Call {i}: " + "the adult talked about the week at some length. " * 20,
        })
    session.close()
    return case.record_id


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    # Treat every vault as "large", so unlock takes the cheap path.
    monkeypatch.setattr(vault_mod, "FULL_CHECK_AT_UNLOCK_MAX_BYTES", 0)


def test_sound_large_vault_passes_the_background_check(tmp_path: Path, large: None) -> None:
    _filled_vault(tmp_path / "v", notes=10)
    session = Session.open(tmp_path / "v", PASS)
    try:
        assert session.vault.needs_background_check
        assert background_integrity_check(session) == []
        assert not session.vault.read_only
    finally:
        session.close()


def test_small_vault_is_fully_checked_at_unlock(tmp_path: Path) -> None:
    _filled_vault(tmp_path / "v", notes=2)
    session = Session.open(tmp_path / "v", PASS)
    try:
        assert not session.vault.needs_background_check
    finally:
        session.close()


def test_damage_missed_at_unlock_is_found_and_the_vault_goes_read_only(
    tmp_path: Path, large: None
) -> None:
    case_id = _filled_vault(tmp_path / "v")
    db = tmp_path / "v" / "vault.db"
    original = db.read_bytes()
    page = 4096
    pages = len(original) // page
    assert pages > 20
    session = None
    # Damage one page in the middle; try a few in case one is read by the cheap check.
    for n in range(pages // 2, pages - 1):
        data = bytearray(original)
        data[n * page + 100] ^= 0xFF
        db.write_bytes(bytes(data))
        try:
            session = Session.open(tmp_path / "v", PASS)
            break
        except VaultDamaged:
            continue
    assert session is not None, "every damaged page was caught at unlock"
    try:
        problems = background_integrity_check(session)
        assert problems, "the background check missed a damaged page"
        assert session.vault.read_only
        with pytest.raises(VaultDamaged, match="damaged"):
            records.create(session, "contact_note", {
                "case_id": case_id, "note_type": "PHONE",
                "event_start": "2026-01-07T10:00:00+00:00", "facts": "Not written.",
            })
        assert session.store.get(case_id) is not None  # reading still works
    finally:
        session.close()  # no audit write on a read-only vault
    # The lock was released: the (still damaged) vault can be opened again to read or back up.
    again = Session.open(tmp_path / "v", PASS)
    try:
        assert background_integrity_check(again)
    finally:
        again.close()
