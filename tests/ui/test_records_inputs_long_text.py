"""Long notes: a finalised note reads in full, and big text boxes count their characters."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from qthelpers import live_case, type_text

from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui.records.editor import RecordEditor
from msp_desktop.ui.records.inputs import LongTextInput

PARAGRAPH = ("Visited Mrs Jones at home with her daughter present for part of the visit; "
             "she described the week in detail and we went through each worry in turn. ")


def long_note(limit: int = 20000) -> str:
    text = ""
    while len(text) + len(PARAGRAPH) + 1 <= limit:
        text += PARAGRAPH + ("\n" if len(text) % 7 == 0 else "")
    return text + "Last words." * ((limit - len(text) - 20) // 11)


def editor(qtbot: Any, session: Session, case_id: str, kind: str,
           record_id: str | None = None) -> RecordEditor:
    live = live_case(session, case_id)
    ed = RecordEditor(live.ctx, live, kind, record_id)
    qtbot.addWidget(ed)
    ed.resize(1000, 800)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_a_finalised_long_note_reads_in_full(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    text = long_note()
    assert 19900 <= len(text) <= 20000
    state = records.create(session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2026-01-06T10:00:00+00:00",
        "adult_present": False, "facts": text, "analysis": "Short."}).state
    records.finalise(session, state.record_id)
    ed = editor(qtbot, session, case_id, "contact_note", state.record_id)
    facts = ed.form.input("facts")
    assert isinstance(facts, LongTextInput)
    edit = facts.edit
    QApplication.processEvents()
    assert edit.isReadOnly() and edit.toPlainText() == text
    # The box is as tall as its text: nothing is hidden behind a scroll inside the box ...
    assert edit.verticalScrollBar().maximum() == 0
    assert edit.height() > 40 * edit.fontMetrics().lineSpacing()
    # ... and the form scrolls instead, down to the last line.
    bar = ed.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    # A short text is not blown up: it keeps the normal box.
    analysis = ed.form.input("analysis").edit
    assert analysis.height() <= 8 * analysis.fontMetrics().lineSpacing() + 18
    # A narrower window wraps more lines: the box grows again to show them all.
    before = edit.height()
    ed.resize(700, 800)
    QApplication.processEvents()
    assert edit.height() > before
    assert edit.verticalScrollBar().maximum() == 0
    # Amending gives the normal editing box back, with its count.
    ed.amend_button.click()
    assert not edit.isReadOnly() and edit.verticalScrollBar().maximum() > 0
    assert facts.counter.isVisible()


def test_big_text_fields_count_characters_live(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor(qtbot, session, case_id, "contact_note")
    facts = ed.form.input("facts")
    assert isinstance(facts, LongTextInput)
    counter = facts.counter
    assert counter.isVisible()
    assert counter.text() == "0 of 20,000 characters"
    facts.edit.setFocus()
    qtbot.keyClicks(facts.edit, "Met her")
    assert counter.text() == "7 of 20,000 characters"
    assert counter.accessibleName() == counter.text()
    # Near the limit it warns, saying how much is left ...
    near = long_note(18500)
    facts.edit.setPlainText(near + "x" * (18500 - len(near)))
    assert "1,500 left" in counter.text()
    # ... and past it, by how much to shorten, while typing, before Finalise is tried.
    facts.edit.setPlainText(near + "x" * (19995 - len(near)))
    facts.edit.moveCursor(facts.edit.textCursor().MoveOperation.End)
    type_text(facts.edit, " and")
    assert "1 left" in counter.text()
    type_text(facts.edit, " more words")
    assert counter.text().startswith("20,010 of 20,000 characters")
    assert "10 too many" in counter.text()
    # Every long box warns near its limit, even those without a running count.
    long_boxes = [row.input for row in ed.form.rows.values()
                  if isinstance(row.input, LongTextInput) and not row.input.always_count]
    assert long_boxes
    quiet = long_boxes[0]
    assert not quiet.counter.isVisible()
    quiet.edit.setPlainText("z" * 19000)
    assert quiet.counter.isVisible() and "1,000 left" in quiet.counter.text()
