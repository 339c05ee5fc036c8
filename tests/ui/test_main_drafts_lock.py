"""After Ctrl+L and unlocking, the worker lands back in the editor that was open (issue 9)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qthelpers import type_text
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    open_case,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.services import records
from msp_desktop.ui.records.tabs import RecordListModel


def lock_with_keys(qtbot: Any, gui: Any) -> None:
    win = gui.main_window
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert gui.session is None and gui.main_window is None


def reopened(qtbot: Any, gui: Any, case_id: str) -> Any:
    unlock(qtbot, gui)
    assert gui.main_window is not None
    ws = gui.main_window.workspace(case_id)
    assert ws is not None
    qtbot.waitUntil(lambda: ws.is_loaded, timeout=5000)
    return ws


def test_unlock_returns_to_a_new_record_draft(qtbot: Any, gui_factory: Any,
                                              vault: dict[str, Any]) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    case_id = vault["info"]["case_id"]
    ws = open_case(qtbot, gui.main_window, case_id)
    tab = ws.tab_for_kind("contact_note")
    ws.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_buttons["contact_note"], Qt.MouseButton.LeftButton)
    facts = tab.editor.form.input("facts").edit
    facts.setFocus()
    type_text(facts, "Visited, Zażółć gęślą jaźń")
    lock_with_keys(qtbot, gui)

    ws = reopened(qtbot, gui, case_id)
    assert gui.main_window.cases.currentWidget() is ws
    assert ws.tabs.currentWidget() is ws.tab_for_kind("contact_note")  # not the Chronology
    tab = ws.tabs.currentWidget()
    editor = tab.editor
    assert editor is not None and editor.record_id is None
    assert editor.form.input("facts").value() == "Visited, Zażółć gęślą jaźń"
    # The same draft goes on (no second copy), and its row is the one highlighted.
    [draft] = records.drafts_for_case(gui.session, case_id)
    assert editor.draft_id == draft.draft_id
    [selected] = tab.view.selectionModel().selectedRows()
    assert tab.model.index(selected.row(), RecordListModel.STATUS).data() == (
        "Draft, not saved")
    # The keyboard is back in the field it was in: the first key press goes there.
    assert QApplication.focusWidget() is editor.form.input("facts").edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)
    assert editor.form.input("facts").value() == "Visited, Zażółć gęślą jaźńx"


def test_unlock_returns_to_a_saved_record_with_its_changes(qtbot: Any, gui_factory: Any,
                                                           vault: dict[str, Any]) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    case_id, note_id = vault["info"]["case_id"], vault["info"]["note_id"]
    ws = open_case(qtbot, gui.main_window, case_id)
    assert ws.open_record(note_id)
    editor = ws.tabs.currentWidget().editor
    facts = editor.form.input("facts").edit
    facts.setFocus()
    facts.moveCursor(facts.textCursor().MoveOperation.End)
    type_text(facts, " Then the neighbour called.")
    typed = editor.form.input("facts").value()
    lock_with_keys(qtbot, gui)

    ws = reopened(qtbot, gui, case_id)
    tab = ws.tabs.currentWidget()
    assert tab is ws.tab_for_kind("contact_note")
    editor = tab.editor
    assert editor is not None and editor.record_id == note_id
    assert editor.form.input("facts").value() == typed
    assert not editor.draft_bar.isVisible()  # it is the draft, shown: nothing to restore
    assert QApplication.focusWidget() is editor.form.input("facts").edit


def test_unlock_with_the_caseload_in_front_stays_there(qtbot: Any, gui_factory: Any,
                                                       vault: dict[str, Any]) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    case_id = vault["info"]["case_id"]
    ws = open_case(qtbot, gui.main_window, case_id)
    assert ws.open_record(vault["info"]["note_id"])
    win = gui.main_window
    win.cases.setCurrentWidget(win.caseload_page)
    lock_with_keys(qtbot, gui)
    ws = reopened(qtbot, gui, case_id)
    assert gui.main_window.cases.currentWidget() is not ws  # where the worker was
    assert ws.tabs.currentWidget() is ws.tab_for_kind("contact_note")
    assert ws.tabs.currentWidget().editor.record_id == vault["info"]["note_id"]
