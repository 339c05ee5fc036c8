"""The exports in the running app (ui/flow.py): the export dialogs start in the Settings'
default export folder, and Settings shows the vault's reporting council."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path

from test_main_support import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    fake_clock,
    gui_factory,
    unlocked_gui,
    vault,
)

from msp_desktop.services import sac_report
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
