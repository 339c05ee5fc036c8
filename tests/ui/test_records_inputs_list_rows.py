"""'Add an entry' from the keyboard: the new entry appears, in view, with the cursor in it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from qthelpers import live_case

from msp_desktop.services.session import Session
from msp_desktop.ui.records.editor import RecordEditor
from msp_desktop.ui.records.inputs import ListInput


def open_new(qtbot: Any, session: Session, case_id: str, kind: str) -> RecordEditor:
    live = live_case(session, case_id)
    editor = RecordEditor(live.ctx, live, kind)
    qtbot.addWidget(editor)
    editor.resize(1000, 600)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    return editor


def in_view(editor: RecordEditor, widget: Any) -> bool:
    viewport = editor.scroll_area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0))
    return top.y() >= 0 and top.y() + widget.height() <= viewport.height()


@pytest.mark.parametrize(("kind", "field", "key"), [
    ("contact_note", "actions", Qt.Key.Key_Space),
    ("contact_note", "attendees", Qt.Key.Key_Return),
    ("risk_assessment", "entries", Qt.Key.Key_Space),
    ("best_interests_decision", "consultees", Qt.Key.Key_Enter),
])
def test_add_an_entry_moves_focus_into_the_new_entry(qtbot: Any, vault: tuple[Session, str],
                                                     kind: str, field: str, key: Any) -> None:
    session, case_id = vault
    ed = open_new(qtbot, session, case_id, kind)
    rows = ed.form.input(field)
    assert isinstance(rows, ListInput)
    button = rows.add_button
    button.setFocus()
    ed.scroll_area.ensureWidgetVisible(button)
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, key)
    assert len(rows.rows) == 1
    card = rows.rows[0]["card"]
    first = next(iter(rows.rows[0]["inputs"].values()))
    # Something visibly happened: the entry is on screen, and the cursor is in its first box,
    # whose name a screen reader reads out ("..., entry 1").
    assert card.isVisible() and not rows.empty_label.isVisible()
    assert QApplication.focusWidget() is first.widget
    assert "entry 1" in first.widget.accessibleName()
    assert in_view(ed, first.widget)
    # A second press (back on the button) adds entry 2 and goes into it: never silently.
    button.setFocus()
    qtbot.keyClick(button, key)
    assert len(rows.rows) == 2
    second = next(iter(rows.rows[1]["inputs"].values()))
    assert QApplication.focusWidget() is second.widget
    assert "entry 2" in second.widget.accessibleName()
