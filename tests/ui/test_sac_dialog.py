"""The Safeguarding Adults Collection from the app: year and council, the step-up, the files
and audit entry, and the list of records that cannot be counted, which opens the case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from a11y import assert_accessible, assert_tab_reaches_all, assert_unique_mnemonics
from PySide6.QtCore import Qt

from msp_desktop.services import records, sac_report
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.main_window import MainWindow
from msp_desktop.ui.sac_dialog import SacDialog, last_completed_year
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.workspace import CaseWorkspace

PASSPHRASE = "pass phrase words"  # tests/ui/qthelpers.make_vault_case
TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(("today", "start"), [
    (dt.date(2026, 12, 3), 2025), (dt.date(2026, 4, 1), 2025), (dt.date(2026, 3, 31), 2024),
    (dt.date(2027, 1, 1), 2025),
])
def test_the_default_year_is_the_last_one_that_ended(today: dt.date, start: int) -> None:
    assert last_completed_year(today) == start


def _key(qtbot, combo, key) -> None:
    """Press a key where a real desktop sends it: to the match list while it is open (it
    grabs the keyboard, which the offscreen platform cannot do)."""
    popup = combo.completer().popup()
    qtbot.keyClick(popup if popup.isVisible() else combo.lineEdit(), key)


def _ctx(session, tmp_path: Path) -> tuple[UiContext, Path]:
    out = tmp_path / "exports"
    out.mkdir()
    settings = Settings(tmp_path / "settings.ini")
    settings.default_export_dir = str(out)
    return UiContext(session, settings=settings), out


def _concern_without_host_council(session, case_id: str) -> None:
    records.create(session, "concern", {
        "case_id": case_id, "received_at": "2025-06-02T10:00", "description": "Bruising seen",
        "reasonable_cause_checked": True, "reasonable_cause_checked_by": "t",
        "reasonable_cause_checked_at": "2025-06-03T10:00"})


def test_defaults_and_accessibility(qtbot, vault, tmp_path) -> None:
    session, _case_id = vault
    sac_report.set_reporting_council(session, "E09000012")
    ctx, out = _ctx(session, tmp_path)
    dialog = SacDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.year.currentData() == 2025
    assert dialog.year.currentText().startswith("2025-26 (1 April 2025 to 31 March 2026)")
    assert dialog.council.code() == "E09000012"  # the vault's reporting council
    assert "Hackney (E09000012)" in dialog.council.currentText()
    assert dialog.step_up.folder.path() == str(out)
    assert dialog.step_up.destination.text().startswith(
        "safeguarding-adults-collection-2025-26-E09000012")
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert_unique_mnemonics(dialog)


def test_the_council_is_found_by_name_or_code_and_welsh_ones_are_not_offered(
        qtbot, vault, tmp_path) -> None:
    session, _case_id = vault
    ctx, _out = _ctx(session, tmp_path)
    dialog = SacDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.council.code() is None  # no reporting council set yet
    assert dialog.council.findData("W06000015") < 0  # Cardiff reports to Wales, not the SAC
    line = dialog.council.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "e08000025")
    _key(qtbot, dialog.council, Qt.Key.Key_Tab)  # leaving the field keeps the council typed
    assert dialog.council.code() == "E08000025"
    assert dialog.council.currentText() == "Birmingham (E08000025)"
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "no such council")
    _key(qtbot, dialog.council, Qt.Key.Key_Tab)
    assert dialog.council.code() == "E08000025"
    assert dialog.council.currentText() == "Birmingham (E08000025)"
    line.selectAll()
    qtbot.keyClicks(line, "hackn")  # part of a name: the one match is offered, Enter takes it
    popup = dialog.council.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.council.code() == "E09000012"


def test_a_wrong_passphrase_writes_nothing(qtbot, vault, tmp_path) -> None:
    session, case_id = vault
    _concern_without_host_council(session, case_id)
    sac_report.set_reporting_council(session, "E09000012")
    ctx, out = _ctx(session, tmp_path)
    dialog = SacDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.step_up.passphrase, "wrong words")
    qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    assert "passphrase is incorrect" in dialog.error_label.text()
    assert list(out.iterdir()) == []
    assert not [e for e in session.audit.entries() if e.action == "export"]


def test_a_year_or_council_the_collection_cannot_take_is_explained_in_its_own_words(
        qtbot, vault, tmp_path, monkeypatch) -> None:
    session, _case_id = vault
    sac_report.set_reporting_council(session, "E09000012")
    ctx, out = _ctx(session, tmp_path)
    words = "--year is outside the years the collection has."

    def refuse(*_args, **_kwargs):
        raise sac_report.SacRequestInvalid(words)

    monkeypatch.setattr(sac_report, "write_report_with_names", refuse)
    dialog = SacDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.step_up.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    assert dialog.error_label.text() == words
    assert list(out.iterdir()) == []


def test_writes_the_return_and_lists_what_cannot_be_counted(qtbot, vault, tmp_path) -> None:
    session, case_id = vault
    _concern_without_host_council(session, case_id)
    sac_report.set_reporting_council(session, "E09000012")
    ctx, out = _ctx(session, tmp_path)
    dialog = SacDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    opened: list[Path] = []
    dialog.open_folder = opened.append
    qtbot.keyClicks(dialog.step_up.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.written):
        qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    [folder] = list(out.iterdir())
    assert folder.name.startswith("safeguarding-adults-collection-2025-26-E09000012")
    names = {p.name for p in folder.iterdir()}
    assert "sac-summary.pdf" in names and sum(n.endswith(".csv") for n in names) >= 13
    [entry] = [e for e in session.audit.entries() if e.action == "export"]
    assert entry.detail["kind"] == "sac" and entry.detail["sha256"] in dialog.result_label.text()
    assert "13 tables for 2025-26, Hackney" in dialog.result_label.text()

    # The adult has no date of birth, ethnicity or gender, the case no host council and no
    # primary support reason: five things to fix, each with its case, record and words.
    model = dialog.missing_model
    assert model.rowCount() == 5
    assert dialog.missing_title.text() == "Records that cannot be counted: 5"
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(5)]
    assert all(r[0].startswith("Jones · ") and case_id[:8].upper() in r[0] for r in rows)
    assert rows[0][1].startswith("Safeguarding case") and "host council" in rows[0][2]
    assert any(r[1].startswith("Adult") and "Date of birth" in r[2] for r in rows)
    assert dialog.focusWidget() is dialog.missing  # straight to the list, from the keyboard
    qtbot.keyClick(dialog.open_button, Qt.Key.Key_Space)
    assert opened == [folder]
    # A second run goes to a new folder; the first is left as it was.
    assert dialog.step_up.target() != folder
    assert_accessible(dialog)
    chain = assert_tab_reaches_all(dialog)
    assert dialog.missing in chain and dialog.open_button in chain
    assert_unique_mnemonics(dialog)


def test_enter_on_a_missing_record_opens_its_case(qtbot, vault, tmp_path) -> None:
    session, case_id = vault
    _concern_without_host_council(session, case_id)
    sac_report.set_reporting_council(session, "E09000012")
    ctx, _out = _ctx(session, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.sac_action.trigger()
    dialog = win.sac_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    dialog.step_up.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.written):
        dialog.write_button.click()
    qtbot.keyClick(dialog.missing, Qt.Key.Key_Return)
    ws = win.cases.currentWidget()
    assert isinstance(ws, CaseWorkspace) and ws.case_id == case_id
    assert not dialog.isVisible()
    win.sac_action.trigger()  # the list comes back as it was
    assert win.sac_dialog is dialog and dialog.isVisible()
    assert dialog.missing_model.rowCount() == 5
    win.teardown()
    assert dialog.missing_model.rowCount() == 0


def test_a_return_with_nothing_to_fix_leaves_the_form_readable(qtbot, vault, tmp_path) -> None:
    """Seen under Xvfb: with nothing to list, the result lines were added without the dialog
    growing, so the form above them was squeezed into slivers."""
    session, _case_id = vault  # no concern: every (empty) table counts, nothing is missing
    sac_report.set_reporting_council(session, "E09000012")
    ctx, _out = _ctx(session, tmp_path)
    dialog = SacDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.step_up.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.written):
        qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    assert dialog.missing_title.text() == "Every record could be counted."
    qtbot.wait(10)
    for widget in (dialog.step_up.passphrase, dialog.council, dialog.year):
        assert widget.height() >= widget.minimumSizeHint().height(), widget.accessibleName()
    label = dialog.result_label
    assert label.height() >= label.heightForWidth(label.width())
    # The next run's folder name ("...-2 (a new folder)") is longer: it must not run off the edge.
    destination = dialog.step_up.destination
    assert destination.text().endswith("-2 (a new folder)")
    assert destination.width() >= destination.sizeHint().width()
