"""Issue 9: F1 lists every shortcut the window really has (built from its actions)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    open_case,
    unlocked_gui,
    vault,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def listed_keys(win) -> str:
    return "\n".join(keys for keys, _what in win.shortcut_rows())


def test_f1_lists_editor_and_tab_keys(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_F1)
    box = win.findChild(QMessageBox, "shortcuts_box")
    assert box is not None and box.isVisible(), "F1 showed no list"
    text = box.text()
    for keys in ("Ctrl+S", "Ctrl+Shift+F", "Ctrl+Tab", "Ctrl+L", "Ctrl+N", "F5"):
        assert keys in text, f"F1 does not list {keys}"
    box.close()


def test_every_shortcut_of_the_window_is_listed(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    assert ws.open_record(vault["info"]["note_id"]) is not None
    tab = next(t for t in ws.record_tabs if t.editor is not None)
    tab.new_record(tab.kinds[0])
    QApplication.processEvents()
    keys: set[str] = set()
    for shortcut in win.findChildren(QShortcut):
        sequences = shortcut.keys()  # QShortcut.keys(): a list, not a dict
        keys.update(k.toString(NATIVE) for k in sequences if not k.isEmpty())
    for action in win.findChildren(QAction):
        keys.update(k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty())
    assert {"Ctrl+S", "Ctrl+Shift+F", "Ctrl+L"} <= keys  # the window really has them
    listed = listed_keys(win)
    missing = sorted(k for k in keys if k not in listed)
    assert not missing, f"shortcuts missing from F1: {missing}"


def test_f1_descriptions_are_extracted_for_translation(tmp_path) -> None:
    """Review of issue 9: lupdate finds every F1 description of OTHER_KEYS (they were plain
    strings, so a translator never saw them and F1 stayed in English)."""
    import html
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    from msp_desktop.ui import main_window

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        found = shutil.which("pyside6-lupdate")
        if found is None:
            pytest.skip("pyside6-lupdate is not installed")
        lupdate = Path(found)
    ts = tmp_path / "mw.ts"
    subprocess.run([str(lupdate), main_window.__file__, "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    text = html.unescape(ts.read_text(encoding="utf-8"))
    for _keys, what in main_window.OTHER_KEYS:
        assert f"<source>{what}</source>" in text, what
