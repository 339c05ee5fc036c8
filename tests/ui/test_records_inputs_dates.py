"""Date inputs from the keyboard: Tab leaves them, letters are refused, digits start a date,
Clear goes back to "not set", and a new conversation's "Started" is now."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qthelpers import live_case

from msp_desktop.services.session import Session
from msp_desktop.ui.records.editor import RecordEditor
from msp_desktop.ui.records.inputs import DateInput

KINDS_WITH_DATES = ["contact_note", "consent_decision", "capacity_assessment",
                    "desired_outcome", "plan_action"]


def open_new(qtbot: Any, session: Session, case_id: str, kind: str) -> RecordEditor:
    live = live_case(session, case_id)
    editor = RecordEditor(live.ctx, live, kind)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    return editor


def shown_dates(editor: RecordEditor) -> list[DateInput]:
    return [row.input for name, row in editor.form.rows.items()
            if isinstance(row.input, DateInput) and editor.form.is_shown(name)]


@pytest.mark.parametrize("kind", KINDS_WITH_DATES)
def test_tab_leaves_every_date_of_a_new_record(qtbot: Any, vault: tuple[Session, str],
                                               kind: str) -> None:
    session, case_id = vault
    ed = open_new(qtbot, session, case_id, kind)
    dates = shown_dates(ed)
    assert dates, f"{kind} shows no date field"
    for inp in dates:
        inp.edit.setFocus()
        assert QApplication.focusWidget() is inp.edit
        qtbot.keyClick(inp.edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is inp.clear_button, inp.name
        qtbot.keyClick(inp.clear_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is inp.edit, inp.name
        # A date that is set is left with one Tab too (arrows move between its parts).
        qtbot.keyClick(inp.edit, Qt.Key.Key_Up)
        assert inp.value() is not None
        qtbot.keyClick(inp.edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is inp.clear_button, inp.name


@pytest.mark.parametrize("kind", KINDS_WITH_DATES)
def test_letters_typed_into_a_date_are_refused(qtbot: Any, vault: tuple[Session, str],
                                               kind: str) -> None:
    session, case_id = vault
    ed = open_new(qtbot, session, case_id, kind)
    for inp in shown_dates(ed):
        before = inp.edit.text()
        inp.edit.setFocus()
        qtbot.keyClicks(inp.edit, "zz/")
        assert inp.edit.text() == before, inp.name
        assert "z" not in inp.edit.lineEdit().text()


def test_digits_start_a_date_and_clear_unsets_it(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = open_new(qtbot, session, case_id, "desired_outcome")
    inp = ed.form.input("first_expressed_at")
    assert isinstance(inp, DateInput)
    assert inp.edit.text() == "not set" and inp.value() is None
    inp.edit.setFocus()
    qtbot.keyClicks(inp.edit, "0")
    qtbot.keyClicks(inp.edit, "7")
    assert inp.value() is not None
    assert inp.value()[8:10] == "07", inp.edit.text()
    qtbot.keyClicks(inp.edit, "q")
    assert "q" not in inp.edit.text()
    qtbot.mouseClick(inp.clear_button, Qt.MouseButton.LeftButton)
    assert inp.value() is None and inp.edit.text() == "not set"


def test_a_new_conversation_started_now(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    before = dt.datetime.now().replace(second=0, microsecond=0)
    ed = open_new(qtbot, session, case_id, "contact_note")
    started = ed.form.input("event_start")
    value = started.value()
    assert value is not None, started.edit.text()
    when = dt.datetime.fromisoformat(value).astimezone().replace(tzinfo=None)
    assert before <= when <= dt.datetime.now()
    assert ed.form.input("event_end").value() is None
    # Shown without claiming unsaved changes; still editable from the keyboard.
    assert ed.status() == "Not saved yet"
    assert not ed.dirty
    started.edit.setFocus()
    qtbot.keyClick(started.edit, Qt.Key.Key_Down)
    assert started.value() != value


def test_shift_tab_into_a_set_date_types_from_the_day(qtbot: Any,
                                                      vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = open_new(qtbot, session, case_id, "contact_note")
    inp = ed.form.input("event_start")
    assert isinstance(inp, DateInput) and inp.value() is not None
    inp.clear_button.setFocus()
    qtbot.keyClick(inp.clear_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is inp.edit
    qtbot.keyClicks(inp.edit, "15112026 0930")
    assert inp.edit.text() == "15/11/2026 09:30"
