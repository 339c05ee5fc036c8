"""The shared path field (ui/path_picker.py) used by the create-vault and settings dialogs."""

from __future__ import annotations

from typing import Any

import pytest
from a11y import accessible_name, assert_accessible, assert_tab_reaches_all
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from msp_desktop.ui.path_picker import PathMode, PathPicker

Calls = list[tuple[str, tuple[Any, ...]]]


@pytest.fixture
def dialog_calls(monkeypatch) -> Calls:
    """Record the file-dialog calls instead of opening a dialog; answer as if chosen."""
    calls: Calls = []

    def folder(*args: Any) -> str:
        calls.append(("folder", args))
        return "/tmp/chosen-folder"

    def file(*args: Any) -> tuple[str, str]:
        calls.append(("file", args))
        return "/tmp/card.json", ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", file)
    return calls


def make(qtbot, **kwargs: Any) -> PathPicker:
    picker = PathPicker("Vault folder", "Browse for the vault folder", "Choose a folder", **kwargs)
    qtbot.addWidget(picker)
    return picker


def test_folder_mode_opens_a_non_native_folder_dialog(qtbot, dialog_calls: Calls) -> None:
    picker = make(qtbot)
    picker.set_path("/start")
    picker.browse.click()
    [(kind, args)] = dialog_calls
    assert kind == "folder"
    assert args[1:3] == ("Choose a folder", "/start")
    assert args[3] & QFileDialog.Option.DontUseNativeDialog
    assert args[3] & QFileDialog.Option.ShowDirsOnly
    assert picker.path() == "/tmp/chosen-folder"


def test_file_mode_uses_the_name_filter(qtbot, dialog_calls: Calls) -> None:
    picker = make(qtbot, mode=PathMode.FILE, name_filter="Cards (*.json);;All files (*)")
    picker.browse.click()
    [(kind, args)] = dialog_calls
    assert kind == "file"
    assert args[1:4] == ("Choose a folder", "", "Cards (*.json);;All files (*)")
    assert args[5] & QFileDialog.Option.DontUseNativeDialog
    assert picker.path() == "/tmp/card.json"


def test_cancel_keeps_the_path(qtbot, monkeypatch) -> None:
    picker = make(qtbot)
    picker.set_path("/kept")
    monkeypatch.setattr(picker, "choose", lambda start: "")
    picker.browse.click()
    assert picker.path() == "/kept"


def test_path_is_trimmed_and_placeholder_shown(qtbot) -> None:
    picker = make(qtbot, placeholder="Not set")
    picker.edit.setText("  /tmp/out  ")
    assert picker.path() == "/tmp/out"
    assert picker.edit.placeholderText() == "Not set"


def test_a_filter_needs_file_mode(qtbot) -> None:
    with pytest.raises(ValueError):
        PathPicker("a", "b", "c", name_filter="*.json")


def test_named_and_keyboard_reachable(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    picker = PathPicker("Vault folder", "Browse for the vault folder", "Choose", parent=host)
    QVBoxLayout(host).addWidget(picker)
    host.show()
    assert_accessible(host)
    assert accessible_name(picker.edit) == "Vault folder"
    assert accessible_name(picker.browse) == "Browse for the vault folder"
    assert assert_tab_reaches_all(host) == [picker.edit, picker.browse]
    assert picker.focusProxy() is picker.edit  # a label's buddy lands in the edit
