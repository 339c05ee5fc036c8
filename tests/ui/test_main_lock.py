"""Locking: idle auto-lock, Ctrl+L, clipboard, drafts, and no client data left behind."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from qthelpers import type_text
from test_main_support import (  # noqa: F401 (fixtures)
    MARKER,
    NOTE_WORD,
    fake_clock,
    gui_factory,
    open_case,
    search,
    unlock,
    unlocked_gui,
    vault,
    widget_texts,
)

from msp_desktop.services import records


def settle() -> None:
    """Let deferred deletes run, so destroyed widgets are really gone."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def assert_no_client_data() -> None:
    settle()
    texts = "\n".join(widget_texts())
    assert MARKER not in texts
    assert NOTE_WORD not in texts
    assert "I want to stay in my own home" not in texts
    for w in QApplication.topLevelWidgets():
        assert MARKER not in w.windowTitle()


def open_everything(qtbot, gui, vault) -> None:
    win = gui.main_window
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    assert ws.open_record(vault["info"]["note_id"])
    assert search(qtbot, win, NOTE_WORD) == 1
    assert MARKER in "\n".join(widget_texts())  # the check below can see client data


def test_idle_auto_lock(qtbot, gui_factory, vault, fake_clock) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    open_everything(qtbot, gui, vault)
    session = gui.session
    minutes = gui.settings.auto_lock_minutes
    assert minutes == 5
    fake_clock.advance(minutes * 60 - 61)
    gui.idle.poke()
    assert gui.session is session and not gui.lock_warning.isVisible()
    fake_clock.advance(30)  # 31 s left: the warning shows
    gui.idle.poke()
    assert gui.lock_warning.isVisible()
    assert gui.lock_warning.accessibleName()
    # a key press resets the timer
    qtbot.keyClick(gui.main_window.caseload.table, Qt.Key.Key_Down)
    assert not gui.lock_warning.isVisible()
    fake_clock.advance(minutes * 60 - 1)
    gui.idle.poke()
    assert gui.session is session and gui.main_window is not None
    fake_clock.advance(1)
    gui.idle.poke()
    assert gui.session is None
    assert not session.is_open
    assert gui.main_window is None
    assert gui.unlock_window is not None and gui.unlock_window.isVisible()
    assert gui.unlock_window.windowTitle() == "MSP Desktop"
    assert_no_client_data()
    # unlock again: the main window comes back with the case that was open
    unlock(qtbot, gui)
    assert gui.main_window is not None
    assert gui.main_window.open_case_ids() == [vault["info"]["case_id"]]
    assert gui.idle.is_enabled() and gui.idle.is_armed()


def test_ctrl_l_locks_and_clears_the_clipboard(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    open_everything(qtbot, gui, vault)
    win = gui.main_window
    table = win.caseload.results
    table.setFocus()
    table.setCurrentIndex(win.caseload.results_model.index(0, 0))
    win.copy_action.trigger()
    assert MARKER in QGuiApplication.clipboard().text()
    session = gui.session
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert gui.session is None and not session.is_open
    assert QGuiApplication.clipboard().text() == ""
    assert gui.unlock_window is not None
    assert_no_client_data()


def test_draft_survives_lock(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    ws = open_case(qtbot, gui.main_window, vault["info"]["case_id"])
    assert ws.open_record(vault["info"]["note_id"])
    tab = ws.tabs.currentWidget()
    editor = tab.editor
    facts = editor.form.input("facts")
    widget = getattr(facts, "widget", None) or facts
    edit = widget if hasattr(widget, "toPlainText") else next(
        w for w in widget.findChildren(object) if hasattr(w, "toPlainText"))
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " Draft words: café visit")
    assert editor.dirty
    gui.lock()
    assert gui.session is None
    unlock(qtbot, gui)
    session = gui.session
    drafts = records.drafts_for_case(session, vault["info"]["case_id"])
    assert len(drafts) == 1 and "café visit" in drafts[0].payload["facts"]
    ws = gui.main_window.workspace(vault["info"]["case_id"])
    assert ws is not None
    qtbot.waitUntil(lambda: ws.is_loaded, timeout=5000)
    assert ws.open_record(vault["info"]["note_id"])
    editor = ws.tabs.currentWidget().editor
    assert editor.offered_draft is not None
    assert editor.draft_bar.isVisibleTo(editor)


def test_quit_flushes_and_closes(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    session = gui.session
    gui.clipboard.copy("case words")
    gui.shutdown()
    assert not session.is_open
    assert gui.main_window is None
    assert QGuiApplication.clipboard().text() == ""


def test_window_title_never_names_the_client(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    open_case(qtbot, win, vault["info"]["case_id"])
    assert win.windowTitle() == "MSP Desktop"
    assert MARKER in win.cases.tabText(1)  # inside the window only
    assert all(MARKER not in w.windowTitle() for w in QApplication.topLevelWidgets())
