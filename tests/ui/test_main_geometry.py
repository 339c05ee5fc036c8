"""Issue 9: the main window keeps its size and place across unlocks and restarts."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from test_main_support import (  # noqa: F401 (fixtures)
    MARKER,
    fake_clock,
    gui_factory,
    unlock,
    unlocked_gui,
    vault,
)


def test_size_survives_lock_unlock_and_restart(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win.size() == QSize(1280, 800)  # the first-run default
    # Smaller than the offscreen screen (800 pixels wide) and than the first-run default.
    win.resize(700, 540)
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert gui.main_window is None and gui.unlock_window is not None
    unlock(qtbot, gui)
    assert gui.main_window is not None
    assert gui.main_window.size() == QSize(700, 540), "the size reset after unlocking"
    gui.main_window.resize(760, 620)
    gui.quit()

    again = gui_factory(str(vault["path"]))  # a new run, the same settings file
    again.show_first_window()
    unlock(qtbot, again)
    assert again.main_window is not None
    assert again.main_window.size() == QSize(760, 620), "the size reset after a restart"
    stored = again.settings.path().read_text(encoding="utf-8")
    assert MARKER not in stored and "main_geometry" in stored

