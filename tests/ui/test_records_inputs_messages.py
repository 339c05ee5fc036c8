"""Messages that stay true: a field's problem goes as soon as it is put right, and the
window shows one save state."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication
from qthelpers import choose, live_case
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    open_case,
    unlocked_gui,
    vault,
)

from msp_desktop.services.session import Session
from msp_desktop.ui.records.editor import RecordEditor


def new_editor(qtbot: Any, session: Session, case_id: str, kind: str) -> RecordEditor:
    live = live_case(session, case_id)
    editor = RecordEditor(live.ctx, live, kind)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.confirm_finalise = lambda: True
    return editor


def test_problems_clear_as_the_worker_types_and_chooses(qtbot: Any, tmp_path: Any,
                                                        themed_app: QApplication) -> None:
    from qthelpers import make_vault_case

    session, case_id = make_vault_case(tmp_path)
    assert isinstance(session, Session)
    try:
        ed = new_editor(qtbot, session, case_id, "desired_outcome")
        form = ed.form
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
        assert form.problem_text("statement"), ed.message_text()
        assert form.problem_text("first_expressed_at")
        listed = ed.message_text().count("•")
        # Typing the statement clears its message at once; the other stays, and the notice
        # above the form lists only what is still wrong.
        edit = form.input("statement").edit
        edit.setFocus()
        qtbot.keyClicks(edit, "Stay at home")
        assert form.problem_text("statement") == ""
        assert not form.rows["statement"].error.isVisible()
        assert form.input("statement").widget.accessibleDescription() == \
            form.rows["statement"].help_text
        assert form.problem_text("first_expressed_at")
        assert ed.message_text().count("•") == listed - 1
        assert QApplication.focusWidget() is edit  # re-checking never moves the cursor
        # Emptying it again brings the message back: it is the truth as it is now.
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        assert form.problem_text("statement")
        qtbot.keyClicks(edit, "Stay at home")
        # Choosing a date puts that one right; the last answers put everything right, and
        # the notice says so.
        form.input("first_expressed_at").edit.setDateTime(
            QDateTime(QDate(2026, 1, 6), QTime(0, 0)))
        assert form.problem_text("first_expressed_at") == ""
        choose(form.input("expressed_by").combo, "ADULT")
        choose(form.input("status").combo, "ACTIVE")
        assert "put right" in ed.message_text() and "•" not in ed.message_text()
        assert ed.save(), ed.message_text()
        # After a save, typing takes "Saved." away: it is no longer true of the form.
        assert ed.message_text() == "Saved."
        qtbot.keyClicks(edit, " please")
        assert ed.message_text() == ""
        assert ed.status() == "Changes not saved yet"
    finally:
        session.close()


def test_a_chosen_answer_clears_its_problem(qtbot: Any, tmp_path: Any,
                                            themed_app: QApplication) -> None:
    from qthelpers import make_vault_case

    session, case_id = make_vault_case(tmp_path)
    assert isinstance(session, Session)
    try:
        ed = new_editor(qtbot, session, case_id, "contact_note")
        form = ed.form
        choose(form.input("note_type").combo, "HOME_VISIT")
        assert not ed.finalise()
        assert "Record whether the adult was there" in form.problem_text("adult_present")
        choose(form.input("adult_present").combo, False)
        assert form.problem_text("adult_present") == ""
        assert "Record whether the adult was there" not in ed.message_text()
    finally:
        session.close()


def test_one_save_state_in_the_window(qtbot: Any, gui_factory: Any, vault: Any) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    assert ws.open_record(vault["info"]["note_id"])
    editor = ws.tabs.currentWidget().editor
    win.activateWindow()
    edit = editor.form.input("location").edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Office")
    assert editor.status() == "Changes not saved yet"
    shown = [w.text() for w in (win.saved_label, editor.status_label) if w.isVisible()]
    assert "All changes saved" not in shown
    assert win.saved_label.text() == "Changes not saved yet"
    assert editor.save(), editor.message_text()
    assert "Saved" in win.saved_label.text() and editor.status() == "Saved"
