"""The vault's reporting council in Settings: shown only with a vault open, kept in the vault
(not in the settings file), chosen by name or ONS code."""

from __future__ import annotations

from pathlib import Path

from a11y import assert_accessible, assert_tab_reaches_all, assert_unique_mnemonics

from msp_desktop.services import sac_report
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.settings_dialog import SettingsDialog


def test_no_council_without_a_vault(qtbot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(dialog)
    assert dialog.reporting_council is None


def test_the_council_is_stored_in_the_vault(qtbot, vault, tmp_path: Path) -> None:
    session, _case_id = vault
    settings = Settings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings, change_key=lambda: None, session=session)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.reporting_council
    assert combo is not None and combo.code() is None
    assert combo.itemText(0) == "— not set —"
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert_unique_mnemonics(dialog)
    assert combo.set_code("E08000025")
    dialog.accept()
    assert sac_report.reporting_council(session) == "E08000025"
    assert "E08000025" not in (tmp_path / "settings.ini").read_text()
    [entry] = [e for e in session.audit.entries() if e.action == "settings.change"]
    assert entry.detail == {"setting": "reporting_council", "value": "E08000025"}

    again = SettingsDialog(settings, session=session)
    qtbot.addWidget(again)
    assert again.reporting_council is not None
    assert again.reporting_council.currentText() == "Birmingham (E08000025)"
    assert again.reporting_council.findData(None) < 0  # once set, no going back to "not set"
    again.accept()  # unchanged: nothing written
    assert len([e for e in session.audit.entries() if e.action == "settings.change"]) == 1
