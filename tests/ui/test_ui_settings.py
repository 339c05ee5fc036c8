"""Typed settings and the Settings dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import assert_accessible, assert_tab_reaches_all
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from msp_desktop.ui.settings import Settings, default_settings_path
from msp_desktop.ui.settings_dialog import SettingsDialog


def test_defaults(settings: Settings) -> None:
    assert settings.auto_lock_minutes == 5
    assert settings.last_vault_path == ""
    assert settings.default_export_dir == ""
    assert settings.default_bundle_dir == ""
    assert settings.font_scale == 1.0


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings(path)
    s.auto_lock_minutes = 12
    s.last_vault_path = "/home/worker/Vault Ŵ"
    s.default_export_dir = "/tmp/exports"
    s.default_bundle_dir = "/tmp/bundles"
    s.font_scale = 1.5
    s.sync()
    again = Settings(path)
    assert again.auto_lock_minutes == 12
    assert again.last_vault_path == "/home/worker/Vault Ŵ"
    assert again.default_export_dir == "/tmp/exports"
    assert again.default_bundle_dir == "/tmp/bundles"
    assert again.font_scale == 1.5
    assert path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("bad", [0, 61, -5])
def test_bounds_rejected_on_write(settings: Settings, bad: int) -> None:
    with pytest.raises(ValueError):
        settings.auto_lock_minutes = bad


def test_bounds_accepted_at_the_edges(settings: Settings) -> None:
    settings.auto_lock_minutes = 1
    assert settings.auto_lock_minutes == 1
    settings.auto_lock_minutes = 60
    assert settings.auto_lock_minutes == 60


def test_wrong_type_rejected(settings: Settings) -> None:
    with pytest.raises(TypeError):
        settings.auto_lock_minutes = "10"  # type: ignore[assignment]
    with pytest.raises(TypeError):
        settings.auto_lock_minutes = True  # type: ignore[assignment]


def test_hand_edited_file_is_clamped_or_defaulted(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    raw.setValue("security/auto_lock_minutes", "600")
    raw.setValue("appearance/font_scale", "huge")
    raw.sync()
    s = Settings(path)
    assert s.auto_lock_minutes == 60
    assert s.font_scale == 1.0


def test_every_setting_declared_once() -> None:
    keys = [v.key for v in Settings.declared()]
    assert len(keys) == len(set(keys)) == 8


def test_default_path_is_platform_config_dir() -> None:
    path = default_settings_path()
    assert path.name == "settings.ini"
    assert "MSP Desktop" in str(path)


def test_dialog_loads_and_saves(qtbot, settings: Settings) -> None:
    settings.auto_lock_minutes = 7
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.auto_lock.value() == 7
    assert dialog.font_size.value() == 100
    dialog.auto_lock.setValue(15)
    dialog.font_size.setValue(150)
    dialog.export_dir.edit.setText("/tmp/out")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert settings.auto_lock_minutes == 15
    assert settings.font_scale == 1.5
    assert settings.default_export_dir == "/tmp/out"


def test_dialog_spinbox_enforces_bounds(qtbot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.auto_lock.setValue(500)
    assert dialog.auto_lock.value() == 60


def test_browse_uses_chosen_folder(qtbot, settings: Settings, monkeypatch) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog.bundle_dir, "choose", lambda start: "/tmp/chosen")
    dialog.bundle_dir.browse.click()
    assert dialog.bundle_dir.edit.text() == "/tmp/chosen"


def test_dialog_accessible(qtbot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    buddies = [label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()]
    for field in (dialog.auto_lock, dialog.export_dir, dialog.bundle_dir, dialog.font_size):
        assert field in buddies
    assert dialog.windowTitle() == "MSP Desktop"
