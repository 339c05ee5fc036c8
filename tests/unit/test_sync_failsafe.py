"""A bundle that hides many records at once needs a person's confirmation (reliability.md
SYNC-8); a reused change number from a vault restored from backup is refused with a reason."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop import cli
from msp_desktop.domain.lifecycle import RecordError
from msp_desktop.services import records
from msp_desktop.services import sync as sync_service
from msp_desktop.services.session import Session
from tests.unit._sync_helpers import (
    PASS,
    close_all,
    export_to,
    finalised_note,
    make_replicas,
    open_case,
    vault_files,
)
from tests.unit.conftest import note_payload


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Session]]:
    sessions = make_replicas(tmp_path, 2)
    yield sessions
    close_all(sessions)


def _notes(a: Session, b: Session, out: Path, n: int) -> tuple[str, list[str]]:
    """A case with n finalised notes, already held by b."""
    case_id, _ = open_case(a)
    notes = [finalised_note(a, case_id) for _ in range(n)]
    [path] = export_to(a, out / "first", [b])
    sync_service.import_bundle(b, path)
    return case_id, notes


def _hide(a: Session, case_id: str, notes: list[str]) -> None:
    for note_id in notes:
        records.amend(a, note_id, note_payload(case_id), reason="Written on the wrong case",
                      amendment_type="ENTERED_IN_ERROR")


def test_hiding_more_than_the_limit_waits_for_confirmation(pair: list[Session],
                                                          tmp_path: Path) -> None:
    a, b = pair
    case_id, notes = _notes(a, b, tmp_path, sync_service.MASS_HIDE + 1)
    _hide(a, case_id, notes)
    [path] = export_to(a, tmp_path / "hide", [b])

    preview = sync_service.preview_import(b, path)
    assert sorted(preview.outcome.hidden) == sorted(notes) and preview.needs_confirmation
    assert any("entered in error" in line and "confirm" in line for line in preview.lines())

    before = (b.store.state_digest(), vault_files(b.path))
    with pytest.raises(sync_service.NeedsConfirmation, match=f"{len(notes)} records"):
        sync_service.import_bundle(b, path)
    assert (b.store.state_digest(), vault_files(b.path)) == before

    done = sync_service.import_bundle(b, path, confirmed=True)
    assert len(done.preview.outcome.hidden) == len(notes)
    assert b.store.state_digest() == a.store.state_digest()
    entry = [e for e in b.audit.entries() if e.action == "bundle.import"][-1]
    assert entry.detail["hidden"] == len(notes)


def test_an_everyday_correction_imports_without_asking(pair: list[Session],
                                                        tmp_path: Path) -> None:
    a, b = pair
    case_id, notes = _notes(a, b, tmp_path, sync_service.MASS_HIDE)
    _hide(a, case_id, notes)
    [path] = export_to(a, tmp_path / "hide", [b])
    result = sync_service.import_bundle(b, path)
    assert len(result.preview.outcome.hidden) == sync_service.MASS_HIDE
    assert not result.preview.needs_confirmation


def test_the_command_line_refuses_then_imports_with_the_flag(
        pair: list[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    a, b = pair
    case_id, notes = _notes(a, b, tmp_path, sync_service.MASS_HIDE + 1)
    _hide(a, case_id, notes)
    [path] = export_to(a, tmp_path / "hide", [b])
    vault_path = b.path
    b.close()
    monkeypatch.setenv("MSP_PASSPHRASE", PASS)
    assert cli.main(["bundle", "import", str(vault_path), str(path)]) == cli.EXIT_REJECTED
    err = capsys.readouterr().err
    assert "--confirm-mass-change" in err and "Nothing was imported" in err
    assert cli.main(["bundle", "import", str(vault_path), str(path),
                     "--confirm-mass-change"]) == cli.EXIT_OK
    assert "entered in error" in capsys.readouterr().out


def _restored_after_sending(a: Session, b: Session, case_id: str, tmp_path: Path) -> Session:
    """a's vault is backed up (a copy of its folder while closed), then a writes a note and
    sends it to b, then a's laptop is lost: the vault is opened again from the backup.
    Closes a; returns the restored session."""
    backup = tmp_path / "backup"
    a.close()
    shutil.copytree(a.path, backup)
    later = Session.open(a.path, PASS)
    finalised_note(later, case_id)
    [sent] = export_to(later, tmp_path / "sent", [b])
    sync_service.import_bundle(b, sent)
    later.close()
    return Session.open(backup, PASS)


def test_a_restored_vault_reusing_numbers_is_refused_with_a_reason(
        pair: list[Session], tmp_path: Path) -> None:
    a, b = pair
    case_id, _ = _notes(a, b, tmp_path, 1)
    restored = _restored_after_sending(a, b, case_id, tmp_path)
    try:
        finalised_note(restored, case_id)  # numbered like the note sent before the loss
        [again] = export_to(restored, tmp_path / "again", [b])
        before = b.store.state_digest()
        with pytest.raises(RecordError, match="restored from a backup"):
            sync_service.import_bundle(b, again)
        assert b.store.state_digest() == before
    finally:
        restored.close()


def test_a_large_import_is_preceded_by_a_checked_backup(
        pair: list[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    [small] = export_to(a, tmp_path / "small", [b])
    sync_service.import_bundle(b, small)
    backups = b.path / "backups"
    assert not backups.exists() or not any(backups.iterdir())  # small: no backup

    monkeypatch.setattr(sync_service, "LARGE_IMPORT", 3)
    for n in range(3):
        for _ in range(3):
            finalised_note(a, case_id)
        [large] = export_to(a, tmp_path / f"large{n}", [b])
        held = b.store.revision_count()
        sync_service.import_bundle(b, large)
    kept = sorted(p.name for p in backups.iterdir())
    assert len(kept) == sync_service.BACKUPS_KEPT and all("before-import" in k for k in kept)
    b.close()
    copy = Session.open(backups / kept[-1], PASS)  # the newest: as before the last import
    try:
        assert copy.store.revision_count() == held
    finally:
        copy.close()


def test_a_restored_vault_that_imports_first_carries_on_without_clashes(
        pair: list[Session], tmp_path: Path) -> None:
    a, b = pair
    case_id, _ = _notes(a, b, tmp_path, 1)
    restored = _restored_after_sending(a, b, case_id, tmp_path)
    try:
        # The worker imports what the office or a colleague sends before writing anything;
        # the preview says what the vault lost and how to get it back.
        [from_b] = export_to(b, tmp_path / "from-b", [restored])
        told = sync_service.import_bundle(restored, from_b).preview
        assert told.outcome.own_missing == 2  # the lost note's create and finalise
        assert any("restored from a backup" in line for line in told.lines())
        [everything] = export_to(b, tmp_path / "everything", [restored], everything=True)
        back = sync_service.import_bundle(restored, everything).preview
        assert back.outcome.new == 2 and back.outcome.own_missing == 0
        finalised_note(restored, case_id)
        [again] = export_to(restored, tmp_path / "again", [b])  # reuses bundle number 2
        result = sync_service.import_bundle(b, again)
        assert result.preview.outcome.new > 0
        assert not any("imported before" in line for line in result.preview.lines())
        assert b.store.state_digest() == restored.store.state_digest()
    finally:
        restored.close()
