"""The exports in the running app (ui/flow.py): the export dialogs start in the Settings'
default export folder, and Settings shows the vault's reporting council."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from test_main_support import (  # noqa: F401 (fixtures)
    MARKER,
    PASSPHRASE,
    fake_clock,
    gui_factory,
    unlocked_gui,
    vault,
    widget_texts,
)

from msp_desktop.services import records, sac_report
from msp_desktop.ui.export_dialog import ExportDialog
from msp_desktop.ui.settings_dialog import SettingsDialog


def test_the_app_passes_its_settings_and_session(qtbot, gui_factory, vault, tmp_path: Path,
                                                  monkeypatch) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    out = tmp_path / "chosen exports"
    out.mkdir()
    gui.settings.default_export_dir = str(out)
    win = gui.main_window
    assert win is not None and win.ctx.settings is gui.settings
    dialog = win.export_all("json")
    assert isinstance(dialog, ExportDialog)
    assert dialog.step_up.folder.path() == str(out)
    dialog.step_up.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.write_button.click()
    assert [p.suffix for p in out.iterdir()] == [".json"]
    dialog.close()

    shown: list[SettingsDialog] = []

    def fake_exec(self: SettingsDialog) -> int:
        shown.append(self)
        assert self.reporting_council is not None
        self.reporting_council.set_code("E06000023")
        self.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    win.settings_action.trigger()
    assert shown and gui.session is not None
    assert sac_report.reporting_council(gui.session) == "E06000023"  # Bristol


def test_a_lock_leaves_no_name_from_the_sac_list(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    session = gui.session
    assert session is not None and gui.main_window is not None
    records.create(session, "concern", {
        "case_id": vault["info"]["case_id"], "received_at": "2025-06-02T10:00",
        "description": "Bruising seen", "reasonable_cause_checked": True,
        "reasonable_cause_checked_by": "t", "reasonable_cause_checked_at": "2025-06-03T10:00"})
    sac_report.set_reporting_council(session, "E09000012")
    dialog = gui.main_window.open_sac()
    assert dialog is not None
    dialog.step_up.passphrase.setText(PASSPHRASE)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.error_label.text() == ""
    assert MARKER in "\n".join(widget_texts())  # the list names the adult
    gui.lock()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    assert MARKER not in "\n".join(widget_texts())
