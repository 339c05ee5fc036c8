"""The chronology tab as a worker uses it: newest first (the order remembered), who wrote
each event, significant events marked from the keyboard and filtered, and what is only
planned kept in "Coming up"."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from test_main_support import (  # noqa: F401 (fixtures)
    add_case,
    add_note,
    add_outcome,
    fake_clock,
    gui_factory,
    make_vault,
    open_case,
    unlocked_gui,
)

from msp_desktop.services import records, search
from msp_desktop.services.session import Session


def _fill(session: Session) -> dict[str, str]:
    case_id = add_case(session, "Nowak", "Mirosław")  # opened 2025-01-06
    add_outcome(session, case_id, "I want to stay in my own home")  # 2025-01-07
    phoned = add_note(session, case_id, "Rang about the bank statements.")  # 2025-02-03
    visit = records.create_and_finalise(session, "contact_note", {
        "case_id": case_id, "note_type": "HOME_VISIT", "event_start": "2025-03-04T10:00",
        "purpose": "Disclosure at home", "facts": "Spoke of the money taken.",
        "adult_present": True, "seen_alone": True,
    }).state.record_id
    plan = records.create(session, "safeguarding_plan", {
        "case_id": case_id, "status": "ACTIVE", "started_at": "2025-03-10",
        "review_date": "2025-06-10"}).state.record_id
    for due, what in (("2025-03-20", "Call the bank"), ("2099-01-05", "Visit with the GP")):
        records.create(session, "plan_action", {
            "case_id": case_id, "plan_id": plan, "action": what, "owner": "A. Worker",
            "due_date": due, "status": "NOT_STARTED"})
    return {"case_id": case_id, "phoned": phoned, "visit": visit}


@pytest.fixture
def vault(tmp_path: Path) -> dict[str, Any]:
    return make_vault(tmp_path / "vault", _fill)


def _column(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _focus(qtbot: Any, widget: Any) -> None:
    """Give the widget the keyboard focus in an active window (shortcuts need one)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def _opened(qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> tuple[Any, Any]:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    win.activateWindow()
    return gui, ws


def test_newest_first_with_authors_and_the_order_is_remembered(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> None:
    gui, ws = _opened(qtbot, gui_factory, vault)
    model = ws.chronology_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Author" in headers and "Significant" in headers
    dates = _column(model, 0)
    assert dates[0] == "20 Mar 2025" and dates[-1] == "6 Jan 2025"  # newest first
    assert set(_column(model, headers.index("Author"))) == {"test.worker"}
    assert ws.newest_first.isChecked()

    ws.newest_first.setFocus()
    qtbot.keyClick(ws.newest_first, Qt.Key.Key_Space)  # the worker flips the order
    assert not ws.newest_first.isChecked()
    assert _column(model, 0)[0] == "6 Jan 2025"
    assert gui.settings.chronology_newest_first is False

    gui.main_window.close_case_action.trigger()
    again = open_case(qtbot, gui.main_window, vault["info"]["case_id"])
    assert not again.newest_first.isChecked()  # remembered
    assert _column(again.chronology_model, 0)[0] == "6 Jan 2025"


def test_mark_a_finalised_note_significant_from_the_keyboard_and_filter(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> None:
    _gui, ws = _opened(qtbot, gui_factory, vault)
    model = ws.chronology_model
    table = ws.chronology
    assert not ws.mark_button.isEnabled()  # nothing selected yet
    assert ws.mark_button.accessibleName()
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    while table.currentIndex().data() != "4 Mar 2025":  # move down to the home visit
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert ws.mark_button.isEnabled()

    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = ws.mark_dialog
    assert dialog is not None and dialog.isVisible()
    box = dialog.findChild(QLineEdit)
    qtbot.waitUntil(box.hasFocus, timeout=2000)  # the worker types straight away
    assert box.accessibleName() == "Why it is significant"
    qtbot.keyClicks(box, "First disclosure of financial abuse")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Significant" in _column(model, 5), timeout=5000)

    row = _column(model, 0).index("4 Mar 2025")
    assert _column(model, 5)[row] == "Significant"
    assert model.index(row, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert "First disclosure" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert table.currentIndex().row() == row  # the selection stays on the event
    assert "Unmark" in ws.mark_button.text().replace("&", "")

    _focus(qtbot, ws.significant_only)
    qtbot.keyClick(ws.significant_only, Qt.Key.Key_Space)
    assert _column(model, 0) == ["4 Mar 2025"]

    _focus(qtbot, table)  # back from the dialog
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # unmark
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    assert ws.chronology_empty.isVisibleTo(ws)
    assert "No significant events" in ws.chronology_empty.text()
    qtbot.keyClick(ws.significant_only, Qt.Key.Key_Space)
    assert "Significant" not in _column(model, 5)
    assert not ws.chronology_empty.isVisibleTo(ws)
    assert len(_column(model, 0)) == 6  # every past event again


def test_planned_actions_are_coming_up_not_in_the_chronology(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> None:
    _gui, ws = _opened(qtbot, gui_factory, vault)
    assert "Visit with the GP" not in _column(ws.chronology_model, 2)
    assert "Call the bank" in _column(ws.chronology_model, 2)  # its date has passed
    assert ws.coming_up.isVisibleTo(ws) and ws.coming_up_title.isVisibleTo(ws)
    assert _column(ws.coming_up_model, 2) == ["Visit with the GP"]
    assert _column(ws.coming_up_model, 0) == ["5 Jan 2099"]
    assert ws.coming_up.accessibleName() == "Coming up"
    # the kind filter has no entry for marks: they are not events
    kinds = [ws.chronology_filter.itemText(i) for i in range(ws.chronology_filter.count())]
    assert "Chronology mark" not in kinds


def test_tab_goes_through_the_controls_then_the_tables(qtbot: Any, gui_factory: Any,
                                                       vault: dict[str, Any]) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    ws = open_case(qtbot, gui.main_window, vault["info"]["case_id"])
    ws.chronology.setCurrentIndex(ws.chronology_model.index(0, 0))  # the mark button is live
    expected = [ws.chronology_filter, ws.significant_only, ws.newest_first, ws.mark_button,
                ws.chronology, ws.coming_up]
    ws.chronology_filter.setFocus()
    qtbot.waitUntil(ws.chronology_filter.hasFocus, timeout=2000)
    for here, there in itertools.pairwise(expected):
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        qtbot.waitUntil(there.hasFocus, timeout=2000)
    gui.quit()
def test_ctrl_m_marks_only_the_named_chronology_event_never_a_coming_up_plan(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> None:
    gui, ws = _opened(qtbot, gui_factory, vault)
    model, table = ws.chronology_model, ws.chronology
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    while table.currentIndex().data() != "4 Mar 2025":
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert ws.mark_button.isEnabled()

    # The worker moves to "Coming up" and picks the planned visit: that row is what is
    # selected now, not the home visit still highlighted above, and a plan cannot be marked.
    _focus(qtbot, ws.coming_up)
    qtbot.keyClick(ws.coming_up, Qt.Key.Key_Home)
    assert ws.coming_up.currentIndex().data() == "5 Jan 2099"
    assert not table.currentIndex().isValid()
    assert not ws.mark_button.isEnabled()
    qtbot.keyClick(ws.coming_up, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert ws.mark_dialog is None
    assert "Significant" not in _column(model, 5)  # nothing was marked silently

    # Back in the chronology the dialog names the event it marks.
    _focus(qtbot, table)
    table.setCurrentIndex(model.index(_column(model, 0).index("4 Mar 2025"), 0))
    assert not ws.coming_up.currentIndex().isValid()
    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = ws.mark_dialog
    assert dialog is not None
    assert "4 Mar 2025" in dialog.labelText() and "Disclosure at home" in dialog.labelText()
    box = dialog.findChild(QLineEdit)
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    qtbot.keyClicks(box, "First disclosure")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Significant" in _column(model, 5), timeout=5000)

    # Unmarking says in the status line what was unmarked, and the reason it had.
    _focus(qtbot, table)
    table.setCurrentIndex(model.index(_column(model, 0).index("4 Mar 2025"), 0))
    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Significant" not in _column(model, 5), timeout=5000)
    said = gui.main_window.statusBar().currentMessage()
    assert "No longer marked significant" in said
    assert "4 Mar 2025" in said and "Disclosure at home" in said and "First disclosure" in said


def test_a_mark_opened_from_search_selects_the_event_it_marks(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> None:
    gui, ws = _opened(qtbot, gui_factory, vault)
    assert ws.set_mark(vault["info"]["phoned"], True, "Bank statements first mentioned")
    qtbot.waitUntil(lambda: "Significant" in _column(ws.chronology_model, 5), timeout=5000)
    ws.chronology_filter.setCurrentIndex(ws.chronology_filter.findText("Desired outcome"))
    hits = search.search(gui.session, "Bank statements first mentioned")
    hit = next(h for h in hits if h.kind == "chronology_mark")
    gui.main_window.open_record(hit.case_id, hit.record_id, hit.kind)  # what a result does
    qtbot.waitUntil(lambda: ws.chronology.currentIndex().isValid(), timeout=5000)
    assert ws.tabs.currentWidget() is ws.chronology_page
    event = ws.selected_event()
    assert event is not None and event.record_id == vault["info"]["phoned"]
    assert event.significant
