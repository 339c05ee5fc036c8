"""Exports from the app: the case record and subject-access PDFs from the case workspace, the
whole vault as JSON or CSV from the Reports menu, and the JSON import with its preview."""

from __future__ import annotations

import json
from pathlib import Path

from a11y import (
    assert_accessible,
    assert_tab_reaches_all,
    assert_unique_mnemonics,
    mnemonics,
)
from PySide6.QtCore import Qt

from msp_desktop.domain.sac import case_reference
from msp_desktop.services import caseload, data_export, data_import, records
from msp_desktop.services.session import KdfParams, Session
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.export_dialog import ExportDialog
from msp_desktop.ui.main_window import MainWindow
from msp_desktop.ui.reports import ImportDialog
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.workers import TaskRunner

PASSPHRASE = "pass phrase words"  # tests/ui/qthelpers.make_vault_case


def _window(qtbot, session, tmp_path: Path, runner: TaskRunner | None = None
            ) -> tuple[MainWindow, Path]:
    out = tmp_path / "exports"
    out.mkdir()
    settings = Settings(tmp_path / "settings.ini")
    settings.default_export_dir = str(out)
    win = MainWindow(UiContext(session, settings=settings, runner=runner))
    qtbot.addWidget(win)
    win.show()
    return win, out


def _exports(session) -> list:
    return [e for e in session.audit.entries() if e.action == "export"]


def _confirm(qtbot, dialog: ExportDialog, passphrase: str = PASSPHRASE) -> None:
    qtbot.keyClicks(dialog.step_up.passphrase, passphrase)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)


def test_the_workspace_offers_both_pdfs_with_unique_keys(qtbot, vault, tmp_path) -> None:
    session, case_id = vault
    win, _out = _window(qtbot, session, tmp_path)
    ws = win.open_case(case_id)
    assert ws is not None
    assert ws.export_button.accessibleName() == "Export this case"
    assert [a.text() for a in ws.export_button.menu().actions()] == [
        "&Export case record (PDF)…", "&Subject-access copy (PDF)…"]
    assert_accessible(win)
    assert_unique_mnemonics(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus == ["&File", "&Case", "&View", "S&ync", "Re&ports", "&Help"]
    bar_keys = [t[t.index("&") + 1].lower() for t in menus]
    assert len(set(bar_keys)) == len(bar_keys)
    assert "x" in mnemonics(win) and "x" not in bar_keys and "p" not in mnemonics(win)


def test_case_record_pdf_from_the_workspace(qtbot, qapp, vault, tmp_path) -> None:
    session, case_id = vault
    runner = TaskRunner(qapp)  # a real worker thread, as in the app
    win, out = _window(qtbot, session, tmp_path, runner)
    ws = win.open_case(case_id)
    assert ws is not None
    qtbot.waitUntil(lambda: ws.is_loaded)
    ws.export_record_action.trigger()
    dialog = ws.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() != Qt.WindowModality.NonModal  # the worker writes
    assert dialog.accessibleName() == "Export case record (PDF)"
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert_unique_mnemonics(dialog)
    qtbot.keyClicks(dialog.step_up.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.step_up.passphrase, Qt.Key.Key_Return)
    assert dialog.busy and dialog.progress.isVisible()  # working, off the GUI thread
    assert not dialog.write_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert not dialog.busy and not dialog.progress.isVisible()
    [pdf] = list(out.iterdir())
    assert pdf.name.startswith(f"case-record-{case_reference(case_id)}-")
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert "Jones" not in pdf.name
    [entry] = _exports(session)
    assert entry.case_id == case_id and entry.detail["profile"] == "full"
    assert entry.detail["export_id"] in dialog.result_label.text()
    assert entry.detail["sha256"] in dialog.result_label.text()


def test_subject_access_copy_from_the_workspace(qtbot, vault, tmp_path) -> None:
    session, case_id = vault
    win, out = _window(qtbot, session, tmp_path)
    ws = win.open_case(case_id)
    assert ws is not None
    ws.tabs.setCurrentWidget(ws.audit_page)
    ws.export_sar_action.trigger()
    dialog = ws.export_dialog
    assert dialog is not None
    assert "withheld" in dialog.what_label.text()
    before = ws.audit_model.rowCount()
    _confirm(qtbot, dialog)
    [pdf] = list(out.iterdir())
    assert pdf.name.startswith(f"subject-access-{case_reference(case_id)}-")
    [entry] = _exports(session)
    assert entry.detail["profile"] == "sar"
    # The open audit trail shows the export at once.
    assert ws.audit_model.rowCount() == before + 1
    assert ws.audit_model.index(before, 2).data() == "Exported"


def test_json_and_csv_of_every_record(qtbot, vault, tmp_path) -> None:
    session, _case_id = vault
    win, out = _window(qtbot, session, tmp_path)
    win.export_json_action.trigger()
    dialog = win.report_dialog
    assert isinstance(dialog, ExportDialog)
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert_unique_mnemonics(dialog)
    assert dialog.option_box is not None and not dialog.option_box.isChecked()
    qtbot.keyClick(dialog.option_box, Qt.Key.Key_Space)  # every revision too
    _confirm(qtbot, dialog)
    [json_file] = list(out.iterdir())
    assert json_file.name.startswith("msp-records-") and json_file.suffix == ".json"
    doc = json.loads(json_file.read_text(encoding="utf-8"))
    assert doc["records"]["case"] and doc["history"] is True and doc["revisions"]

    win.export_csv_action.trigger()
    dialog = win.report_dialog
    assert isinstance(dialog, ExportDialog)
    assert "will not be encrypted" in dialog.step_up.warning.text()
    assert dialog.step_up.destination.text().endswith("(a new folder)")
    _confirm(qtbot, dialog)
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    assert folder.name.startswith("msp-records-csv-")
    assert any(p.suffix == ".csv" for p in folder.iterdir())
    assert "files, one per kind of record" in dialog.result_label.text()
    opened: list[Path] = []
    dialog.open_folder = opened.append
    dialog.open_button.click()
    assert opened == [folder]
    assert [e.detail.get("format") for e in _exports(session)] == ["json", "csv"]


def _other_vault(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "other", "other vault words", kdf=KdfParams.fast(),
                          author="o", device_name="o")


def test_import_previews_then_imports(qtbot, qapp, vault, tmp_path) -> None:
    session, case_id = vault
    source = tmp_path / "source.json"
    data_export.export_json(session, source)
    other = _other_vault(tmp_path)
    runner = TaskRunner(qapp)  # the preview reads and the import writes on the worker
    try:
        win, _out = _window(qtbot, other, tmp_path, runner)
        changed: list = []
        win.ctx.changed.connect(changed.append)
        win.import_json_action.trigger()
        dialog = win.report_dialog
        assert isinstance(dialog, ImportDialog)
        assert_accessible(dialog)
        assert_tab_reaches_all(dialog)
        assert_unique_mnemonics(dialog)
        assert not dialog.import_button.isEnabled()  # a preview comes first
        qtbot.keyClicks(dialog.file.edit, str(source))
        qtbot.keyClick(dialog.file.edit, Qt.Key.Key_Return)  # Preview is the default button
        qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=20000)
        assert dialog.summary.text().startswith(
            "To add: 2. To update: 0. Already in this vault (skipped): 0.")
        assert "To add: adults 1, safeguarding cases 1" in dialog.summary.text()
        assert "Nothing has been written yet" in dialog.summary.text()
        assert caseload.row(other, case_id) is None  # the dry run wrote nothing
        assert dialog.focusWidget() is dialog.import_button
        with qtbot.waitSignal(dialog.imported):
            qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
        assert caseload.row(other, case_id) is not None
        assert dialog.summary.text().startswith(
            "Imported. Added: 2. Updated: 0. Already in this vault (skipped): 0.")
        assert changed and case_id in changed[-1].cases

        dialog.preview()  # again: everything is here now
        qtbot.waitUntil(lambda: not dialog.busy and dialog.summary.isVisible(), timeout=20000)
        assert "Already in this vault (skipped): 2." in dialog.summary.text()
        assert not dialog.import_button.isEnabled()
    finally:
        runner.wait()
        other.close()


def test_a_bad_file_shows_where_it_is_wrong(qtbot, vault, tmp_path) -> None:
    session, case_id = vault
    source = tmp_path / "source.json"
    data_export.export_json(session, source)
    doc = json.loads(source.read_text(encoding="utf-8"))
    doc["records"]["case"][0]["payload"]["status"] = {"code": "NOPE", "label": "Nope"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    other = _other_vault(tmp_path)
    try:
        dialog = ImportDialog(UiContext(other))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.file.set_path(str(bad))
        dialog.preview_button.click()
        assert dialog.error_label.text() == "This file cannot be imported. Nothing was written."
        where = dialog.location.text()
        assert f"record {case_id} (case), field status (Stage)" in where
        assert "$.records.case[0].payload.status" in where and "'NOPE'" in where
        assert not dialog.import_button.isEnabled()
        assert dialog.focusWidget() is dialog.file.edit
        assert caseload.row(other, case_id) is None

        truncated = tmp_path / "cut.json"
        truncated.write_text(source.read_text(encoding="utf-8")[:50], encoding="utf-8")
        dialog.file.set_path(str(truncated))
        assert not dialog.location.isVisible()  # a new file: the old problem goes
        dialog.preview_button.click()
        assert "cut.json, line" in dialog.location.text()
    finally:
        other.close()


def test_the_preview_names_records_changed_here_since_the_export(qtbot, vault,
                                                                tmp_path) -> None:
    session, case_id = vault
    source = tmp_path / "source.json"
    data_export.export_json(session, source)
    person_id = records.get(session, case_id).payload["person_id"]
    person = records.get(session, person_id)
    records.edit(session, person_id, {**person.payload, "given_names": "Siân"})
    dialog = ImportDialog(UiContext(session))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file.set_path(str(source))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.summary.isVisible(), timeout=20000)
    assert "Changed here since that export (kept as they are): 1." in dialog.summary.text()
    assert dialog.plan is not None and not data_import.changes_of(dialog.plan).records


def test_alt_x_then_the_keyboard_opens_the_subject_access_copy(qtbot, vault, tmp_path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    session, case_id = vault
    win, _out = _window(qtbot, session, tmp_path)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    ws = win.open_case(case_id)
    assert ws is not None
    menu = ws.export_button.menu()

    def choose_second() -> None:  # runs inside the menu's own event loop
        popup = QApplication.activePopupWidget()
        assert popup is menu
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose_second)
    qtbot.keyClick(win, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: ws.export_dialog is not None, timeout=5000)
    assert ws.export_dialog.accessibleName() == "Subject-access copy (PDF)"
    assert ws.export_dialog.focusWidget() is ws.export_dialog.step_up.passphrase
