"""The plaintext-export confirmation (reliability.md EXP-1): the warning, the destination,
the step-up passphrase; a wrong passphrase writes nothing; then where the file went."""

from __future__ import annotations

from pathlib import Path

from a11y import assert_accessible, assert_tab_reaches_all, assert_unique_mnemonics
from PySide6.QtCore import Qt

from msp_desktop.domain.sac import case_reference
from msp_desktop.services import exports
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.export_dialog import (
    ExportDialog,
    ExportJob,
    dated_stem,
    unique_path,
)
from msp_desktop.ui.settings import Settings

PASSPHRASE = "pass phrase words"  # tests/ui/qthelpers.make_vault_case


def _job(case_id: str) -> ExportJob:
    return ExportJob(
        title="Export the case summary (PDF)", what="The case summary, as a PDF.",
        stem=dated_stem("case-summary", case_reference(case_id)), suffix=".pdf",
        write=lambda session, path: exports.case_summary_pdf(session, case_id, path))


def _export_audits(session) -> list:
    return [e for e in session.audit.entries() if e.action == "export"]


def _dialog(qtbot, vault, tmp_path: Path) -> tuple[ExportDialog, Path]:
    session, case_id = vault
    out = tmp_path / "exports"
    out.mkdir()
    settings = Settings(tmp_path / "settings.ini")
    settings.default_export_dir = str(out)
    dialog = ExportDialog(UiContext(session, settings=settings), _job(case_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, out


def test_it_says_the_file_is_not_encrypted_and_where_it_goes(qtbot, vault, tmp_path) -> None:
    dialog, out = _dialog(qtbot, vault, tmp_path)
    assert "will not be encrypted" in dialog.step_up.warning.text()
    assert "Anyone who gets a copy can read it" in dialog.step_up.warning.text()
    shown = dialog.step_up.destination.text()
    assert shown.startswith("case-summary-") and shown.endswith(".pdf")
    assert dialog.step_up.folder.path() == str(out)  # the Settings' default export folder
    assert not dialog.open_button.isVisible()
    assert "Jones" not in shown  # the adult's name never goes into a file name
    assert dialog.focusWidget() is dialog.step_up.passphrase
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert_unique_mnemonics(dialog)


def test_a_wrong_passphrase_is_refused_and_nothing_is_written(qtbot, vault, tmp_path) -> None:
    dialog, out = _dialog(qtbot, vault, tmp_path)
    session, _case_id = vault
    before = len(_export_audits(session))
    qtbot.keyClicks(dialog.step_up.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert "passphrase is incorrect, so nothing was written" in dialog.error_label.text()
    assert list(out.iterdir()) == []
    assert len(_export_audits(session)) == before
    assert dialog.written is None and dialog.isVisible()
    assert dialog.step_up.passphrase.text() == ""  # not kept in the field

    qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)  # empty: asked to type it
    assert "Type the vault passphrase" in dialog.error_label.text()
    assert list(out.iterdir()) == []


def test_the_right_passphrase_writes_and_shows_id_hash_and_folder(qtbot, vault, tmp_path) -> None:
    dialog, out = _dialog(qtbot, vault, tmp_path)
    session, case_id = vault
    opened: list[Path] = []
    dialog.open_folder = opened.append
    qtbot.keyClicks(dialog.step_up.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.exported):
        qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    [written] = list(out.iterdir())
    assert written.name.startswith(f"case-summary-{case_reference(case_id)}-")
    assert written.read_bytes().startswith(b"%PDF")
    [entry] = _export_audits(session)
    assert dialog.written is not None
    text = dialog.result_label.text()
    assert str(written) in text
    assert entry.detail["export_id"] in text and entry.detail["sha256"] in text
    assert dialog.focusWidget() is dialog.open_button
    qtbot.keyClick(dialog.open_button, Qt.Key.Key_Space)
    assert opened == [out]
    assert_accessible(dialog)
    assert_unique_mnemonics(dialog)


def test_a_missing_folder_is_refused(qtbot, vault, tmp_path) -> None:
    dialog, out = _dialog(qtbot, vault, tmp_path)
    dialog.step_up.folder.set_path(str(out / "nowhere"))
    assert dialog.step_up.destination.text() == "Choose an existing folder."
    dialog.step_up.passphrase.setText(PASSPHRASE)
    dialog.write_button.click()
    assert "Choose an existing folder" in dialog.error_label.text()
    assert not (out / "nowhere").exists()


def test_names_never_replace_an_earlier_export(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"old")
    (tmp_path / "x-2.pdf").write_bytes(b"old")
    assert unique_path(tmp_path, "x", ".pdf") == tmp_path / "x-3.pdf"
    assert case_reference("1a2b-3c4d-5e6f") == "1A2B3C4D"


def test_repeated_wrong_passphrases_make_the_next_try_wait(qtbot, vault, tmp_path) -> None:
    from qthelpers import FakeClock

    from msp_desktop.ui.backoff import UnlockBackoff

    dialog, out = _dialog(qtbot, vault, tmp_path)
    clock = FakeClock()
    dialog.ctx.step_up_backoff = UnlockBackoff(clock=clock)
    for _ in range(3):
        dialog.step_up.passphrase.setText("not the passphrase")
        dialog.write_button.click()
        assert "passphrase is incorrect" in dialog.error_label.text()
    dialog.step_up.passphrase.setText(PASSPHRASE)
    dialog.write_button.click()  # the right one, but too soon: not even checked
    assert dialog.error_label.text() == (
        "Too many wrong passphrases. Wait 1 second, then try again.")
    assert dialog.written is None and list(out.iterdir()) == []
    clock.advance(1.0)
    dialog.write_button.click()
    assert dialog.written is not None and len(list(out.iterdir())) == 1
