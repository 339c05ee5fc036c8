"""Drafts and linked lists in the record tabs (issue 9): every draft is a row of its list,
a restore never replaces newer typing without asking, the list highlights what is open, the
rows say what each record is, and a consent form makes its capacity assessment directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QStyleOptionViewItem,
    QTabWidget,
)
from qthelpers import choose, live_case

from msp_desktop.domain.days import day_text
from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui.records import make_case_tabs
from msp_desktop.ui.records.editor import RecordEditor
from msp_desktop.ui.records.tabs import RecordListModel, RecordTab

RISK_AND_PLAN = ["risk_assessment", "risk_item", "safeguarding_plan", "plan_action",
                 "plan_review"]


def tab_for(qtbot: Any, session: Session, case_id: str, title: str,
            kinds: list[str]) -> RecordTab:
    live = live_case(session, case_id)
    tab = RecordTab(live.ctx, live, title, kinds)
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    return tab


def click_row(qtbot: Any, tab: RecordTab, row: int) -> None:
    """Click a row of the record list as a worker would."""
    rect = tab.view.visualRect(tab.model.index(row, RecordListModel.TITLE))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def column(tab: RecordTab, col: int) -> list[str]:
    return [tab.model.index(r, col).data() for r in range(tab.model.rowCount())]


def settle(qtbot: Any) -> None:
    qtbot.wait(20)  # queued list refreshes run


def answer_next_question(button_text: str, seen: list[str]) -> None:
    """Click the button of the question box that is about to open (and note its text)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        texts = [b.text().replace("&", "") for b in box.buttons()]
        seen.extend(texts)
        for b in box.buttons():
            if b.text().replace("&", "") == button_text:
                b.click()
                return
        raise AssertionError(f"no {button_text!r} in {texts}")

    QTimer.singleShot(0, click)


def set_date(editor: RecordEditor, name: str, y: int, m: int, d: int) -> None:
    editor.form.input(name).edit.setDateTime(QDateTime(QDate(y, m, d), QTime(10, 0)))


# ----- 1. every draft is a row --------------------------------------------------------------

def test_every_draft_is_its_own_row_and_opens(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    tab = tab_for(qtbot, session, case_id, "Conversations", ["contact_note"])
    tab.new_buttons["contact_note"].click()
    qtbot.keyClicks(tab.editor.form.input("purpose").edit, "First visit")
    tab.new_buttons["contact_note"].click()  # the first one is kept as a draft
    qtbot.keyClicks(tab.editor.form.input("purpose").edit, "Second visit")
    tab.new_buttons["contact_note"].click()
    settle(qtbot)
    assert tab.model.rowCount() == 2
    assert sorted(column(tab, RecordListModel.TITLE)) == ["First visit", "Second visit"]
    assert column(tab, RecordListModel.STATUS) == ["Draft, not saved"] * 2
    assert all(column(tab, RecordListModel.DATE))  # when it was last typed
    status = tab.model.index(0, RecordListModel.STATUS).data(
        Qt.ItemDataRole.AccessibleTextRole)
    assert "last typed" in status
    assert not tab.empty_label.isVisible()
    # Each opens as itself, with its text; typing goes on into the same draft.
    row = column(tab, RecordListModel.TITLE).index("First visit")
    click_row(qtbot, tab, row)
    ed = tab.editor
    assert ed is not None and ed.form.input("purpose").value() == "First visit"
    assert tab.view.selectionModel().selectedRows()[0].row() == tab.model.row_of_draft(
        ed.draft_id)
    qtbot.keyClicks(ed.form.input("purpose").edit, ", then a call")
    assert ed.flush_draft()
    settle(qtbot)
    assert sorted(column(tab, RecordListModel.TITLE)) == ["First visit, then a call",
                                                          "Second visit"]
    # Saving it turns that row into the record; the other draft stays a row.
    choose(ed.form.input("note_type").combo, "PHONE")
    ed.form.input("event_start").edit.setDateTime(QDateTime(QDate(2026, 1, 9), QTime(10, 0)))
    qtbot.keyClicks(ed.form.input("facts").edit, "Spoke to Sam")
    assert ed.save(), ed.message_text()
    settle(qtbot)
    assert column(tab, RecordListModel.STATUS) == ["Draft, not saved", "Saved"]
    assert [d.payload["purpose"] for d in records.drafts_for_case(session, case_id)] == [
        "Second visit"]


def test_drafts_of_a_saved_record_are_rows_too(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    saved = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    for words in ("Stay at home, with help", "Stay at home with my cat"):
        records.save_draft(session, records.new_draft_id(), kind="desired_outcome",
                           case_id=case_id, record_id=saved.record_id,
                           base_heads=saved.heads, payload={**saved.payload,
                                                            "statement": words})
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    assert column(tab, RecordListModel.STATUS) == ["Draft, not saved", "Draft, not saved",
                                                   "Saved"]
    assert set(column(tab, RecordListModel.TITLE)[:2]) == {"Stay at home, with help",
                                                           "Stay at home with my cat"}


# ----- 1. restore asks before replacing newer typing ----------------------------------------

def test_restore_asks_before_replacing_newer_typing(qtbot: Any,
                                                     vault: tuple[Session, str]) -> None:
    session, case_id = vault
    saved = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    records.save_draft(session, records.new_draft_id(), kind="desired_outcome",
                       case_id=case_id, record_id=saved.record_id, base_heads=saved.heads,
                       payload={**saved.payload, "statement": "Older draft words"})
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    click_row(qtbot, tab, tab.model.row_of(saved.record_id))
    ed = tab.editor
    assert ed is not None and ed.draft_bar.isVisible()
    statement = ed.form.input("statement").edit
    statement.setFocus()
    qtbot.keyClick(statement, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(statement, " and newer typing")
    seen: list[str] = []
    answer_next_question("Keep what I typed", seen)
    qtbot.mouseClick(ed.restore_button, Qt.MouseButton.LeftButton)
    assert "Replace" in seen[0] and "Use the older draft" in seen
    assert ed.form.input("statement").value() == "Stay at home and newer typing"
    assert ed.draft_bar.isVisible()  # still on offer
    seen.clear()
    answer_next_question("Use the older draft", seen)
    qtbot.mouseClick(ed.restore_button, Qt.MouseButton.LeftButton)
    assert ed.form.input("statement").value() == "Older draft words"
    settle(qtbot)
    # The newer typing was kept as a draft of its own, a row of the list.
    titles = column(tab, RecordListModel.TITLE)
    assert "Stay at home and newer typing" in titles and "Older draft words" in titles
    # Without typing since it opened, Restore asks nothing.
    click_row(qtbot, tab, tab.model.row_of(saved.record_id))
    assert tab.editor is not ed
    ed2 = tab.editor
    assert ed2.draft_bar.isVisible()
    qtbot.mouseClick(ed2.restore_button, Qt.MouseButton.LeftButton)
    assert not ed2.draft_bar.isVisible()


# ----- 4. the list highlights what is open --------------------------------------------------

class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_list_highlights_the_open_record(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    old = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Feel safe", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    click_row(qtbot, tab, 0)
    assert tab.editor is not None and tab.editor.record_id == old.record_id
    paints = _Paints()
    tab.view.viewport().installEventFilter(paints)
    qtbot.mouseClick(tab.new_buttons["desired_outcome"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: paints.count > 0, timeout=1000)  # the highlight is redrawn
    assert tab.view.selectionModel().selectedRows() == []
    assert not tab.view.currentIndex().isValid()  # no focus frame left on the old row
    ed = tab.editor
    qtbot.keyClicks(ed.form.input("statement").edit, "See my grandchildren")
    choose(ed.form.input("expressed_by").combo, "ADULT")
    set_date(ed, "first_expressed_at", 2026, 1, 7)
    choose(ed.form.input("status").combo, "ACTIVE")
    paints.count = 0
    assert ed.save(), ed.message_text()
    settle(qtbot)
    [selected] = tab.view.selectionModel().selectedRows()
    assert tab.model.record(selected.row()).record_id == ed.record_id
    assert tab.view.currentIndex().row() == selected.row()
    assert paints.count > 0
    # Opening another record moves the highlight with it.
    tab.open_record(old.record_id)
    [selected] = tab.view.selectionModel().selectedRows()
    assert tab.model.record(selected.row()).record_id == old.record_id


# ----- 3. the rows say what each record is --------------------------------------------------

def test_rows_say_what_each_record_is(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    plan = records.create(session, "safeguarding_plan", {
        "case_id": case_id, "status": "ACTIVE", "started_at": "2026-01-10",
        "review_date": "2026-02-10", "lead": "A Worker"}).state
    today = dt.date.today()
    late = (today - dt.timedelta(days=3)).isoformat()
    soon = (today + dt.timedelta(days=5)).isoformat()
    base = {"case_id": case_id, "plan_id": plan.record_id}
    records.create(session, "plan_action", {**base, "action": "Fit a key safe",
                                            "owner": "Sam Patel", "due_date": late,
                                            "status": "IN_PROGRESS"})
    records.create(session, "plan_action", {**base, "action": "Call the GP",
                                            "owner": "Ann Lee", "due_date": soon,
                                            "status": "NOT_STARTED"})
    tab = tab_for(qtbot, session, case_id, "Risk and plan", RISK_AND_PLAN)
    details = dict(zip(column(tab, RecordListModel.TITLE),
                       column(tab, RecordListModel.DETAIL), strict=True))
    late_text = day_text(today - dt.timedelta(days=3))
    soon_text = day_text(today + dt.timedelta(days=5))
    assert details["Fit a key safe"] == (
        f"Overdue by 3 days · In progress · Sam Patel · due {late_text}")
    assert details["Call the GP"] == f"Not started · Ann Lee · due {soon_text}"
    # Shown whole as a second line under the title, at the width of a 1400-pixel window.
    tab.resize(1400 - 16, 850)
    qtbot.wait(20)
    row = column(tab, RecordListModel.TITLE).index("Fit a key safe")
    index = tab.model.index(row, RecordListModel.TITLE)
    option = QStyleOptionViewItem()
    tab.view.itemDelegateForColumn(RecordListModel.TITLE).initStyleOption(option, index)
    assert option.text == f"Fit a key safe\u2028{details['Fit a key safe']}"
    line = tab.view.fontMetrics().lineSpacing()
    assert tab.view.rowHeight(row) >= 2 * line
    rect = tab.view.visualRect(index)
    assert tab.view.viewport().rect().contains(rect.topLeft())
    needed = tab.view.itemDelegateForColumn(RecordListModel.TITLE).sizeHint(option, index)
    assert needed.height() <= tab.view.rowHeight(row)  # nothing cut at the bottom
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"Fit a key safe, {details['Fit a key safe']}")


# ----- 2. linked lists and "New capacity assessment..." -------------------------------------

def _consent_with_assessed_capacity(tabs: list[RecordTab]) -> RecordEditor:
    consent = tabs[2]
    assert consent.title == "Consent"
    ed = consent.new_record("consent_decision")
    choose(ed.form.input("consent_type").combo, "SHARE_INFO")
    set_date(ed, "decided_at", 2026, 1, 9)
    choose(ed.form.input("capacity_for_this_decision").combo, "ASSESSED_HAS")
    choose(ed.form.input("status").combo, "GIVEN")
    return ed


def _fill_assessment(qtbot: Any, ed: RecordEditor) -> None:
    set_date(ed, "assessed_at", 2026, 1, 8)
    choose(ed.form.input("decision_category").combo, "OTHER")
    qtbot.keyClicks(ed.form.input("trigger").edit, "Memory")
    qtbot.keyClicks(ed.form.input("assessor").edit, "A Worker")
    choose(ed.form.input("conclusion").combo, "HAS_CAPACITY")


def case_tabs(qtbot: Any, session: Session, case_id: str) -> tuple[QTabWidget,
                                                                     list[RecordTab]]:
    live = live_case(session, case_id)
    holder = QTabWidget()
    qtbot.addWidget(holder)
    tabs = make_case_tabs(live.ctx, live)
    for tab in tabs:
        holder.addTab(tab, tab.title)
    holder.resize(1300, 900)
    holder.show()
    return holder, tabs


def test_a_saved_assessment_joins_the_open_consent_list(qtbot: Any,
                                                        vault: tuple[Session, str]) -> None:
    session, case_id = vault
    holder, tabs = case_tabs(qtbot, session, case_id)
    consent = _consent_with_assessed_capacity(tabs)
    assert not consent.save()  # no assessment to link yet
    holder.setCurrentWidget(tabs[3])
    qtbot.mouseClick(tabs[3].new_buttons["capacity_assessment"], Qt.MouseButton.LeftButton)
    cap = tabs[3].editor
    qtbot.keyClicks(cap.form.input("decision_in_question").edit, "Share with the GP")
    _fill_assessment(qtbot, cap)
    assert cap.save(), cap.message_text()
    link = consent.form.input("capacity_link").combo
    assert link.findData(cap.record_id) > 0
    choose(link, cap.record_id)
    assert consent.save(), consent.message_text()


def test_consent_form_makes_its_capacity_assessment(qtbot: Any,
                                                    vault: tuple[Session, str]) -> None:
    session, case_id = vault
    holder, tabs = case_tabs(qtbot, session, case_id)
    holder.setCurrentWidget(tabs[2])
    consent = _consent_with_assessed_capacity(tabs)
    qtbot.keyClicks(consent.form.input("scope_purpose").edit, "Hospital discharge")
    button = consent.new_linked_buttons["capacity_link"]
    assert isinstance(button, QAbstractButton) and button.isVisible()
    assert button.accessibleName() == "New capacity assessment…"
    link = consent.form.input("capacity_link").combo
    # Directly next to the choice, and next in the Tab order.
    assert abs(button.mapToGlobal(button.rect().center()).y()
               - link.mapToGlobal(link.rect().center()).y()) < link.height()
    assert link.nextInFocusChain() is button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert holder.currentWidget() is tabs[3]
    cap = tabs[3].editor
    assert cap is not None and cap.kind_name == "capacity_assessment" and cap.record_id is None
    decision = cap.form.input("decision_in_question").value()
    assert decision == "Sharing information: Hospital discharge"
    _fill_assessment(qtbot, cap)
    qtbot.mouseClick(cap.save_button, Qt.MouseButton.LeftButton)
    assert cap.record_id is not None, cap.message_text()
    # Back in the consent form, with the new assessment chosen; the consent now saves.
    assert holder.currentWidget() is tabs[2]
    assert consent.form.input("capacity_link").value() == cap.record_id
    assert holder.focusWidget() is link
    assert consent.save(), consent.message_text()
    # The button shows only where the capacity choice does.
    choose(consent.form.input("capacity_for_this_decision").combo, "PRESUMED")
    assert not button.isVisible()


def test_an_opened_draft_can_be_discarded(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    tab = tab_for(qtbot, session, case_id, "Conversations", ["contact_note"])
    qtbot.mouseClick(tab.new_buttons["contact_note"], Qt.MouseButton.LeftButton)
    ed = tab.editor
    assert not ed.drop_draft_button.isVisible()  # nothing written yet
    qtbot.keyClicks(ed.form.input("purpose").edit, "Not needed after all")
    assert ed.flush_draft()
    settle(qtbot)
    assert ed.drop_draft_button.isVisible()
    assert column(tab, RecordListModel.STATUS) == ["Draft, not saved"]
    seen: list[str] = []
    answer_next_question("Keep it", seen)
    qtbot.mouseClick(ed.drop_draft_button, Qt.MouseButton.LeftButton)
    assert "deleted" in seen[0]
    assert len(records.drafts_for_case(session, case_id)) == 1
    answer_next_question("Discard the draft", seen)
    qtbot.mouseClick(ed.drop_draft_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert records.drafts_for_case(session, case_id) == []
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisible()
    assert ed.form.input("purpose").value() is None
    assert not ed.drop_draft_button.isVisible()


def test_opening_an_older_draft_row_asks_first(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    saved = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    old_id = records.new_draft_id()
    records.save_draft(session, old_id, kind="desired_outcome", case_id=case_id,
                       record_id=saved.record_id, base_heads=saved.heads,
                       payload={**saved.payload, "statement": "Older draft words"})
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    click_row(qtbot, tab, tab.model.row_of(saved.record_id))
    ed = tab.editor
    statement = ed.form.input("statement").edit
    statement.setFocus()
    qtbot.keyClick(statement, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(statement, ", newer")
    seen: list[str] = []
    answer_next_question("Keep what I typed", seen)
    click_row(qtbot, tab, tab.model.row_of_draft(old_id))
    assert seen and "Replace" in seen[0]
    assert tab.editor is ed and ed.form.input("statement").value() == "Stay at home, newer"
    settle(qtbot)
    [selected] = tab.view.selectionModel().selectedRows()
    assert selected.row() == tab.editor_row()  # the highlight stays on what is open
    answer_next_question("Use the older draft", seen)
    click_row(qtbot, tab, tab.model.row_of_draft(old_id))
    settle(qtbot)
    assert tab.editor.form.input("statement").value() == "Older draft words"
    titles = column(tab, RecordListModel.TITLE)
    assert "Stay at home, newer" in titles  # kept, as a row of its own


def test_saving_the_new_assessment_again_leaves_the_consent_choice(
        qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    holder, tabs = case_tabs(qtbot, session, case_id)
    holder.setCurrentWidget(tabs[2])
    consent = _consent_with_assessed_capacity(tabs)
    holder.setCurrentWidget(tabs[3])
    other = tabs[3].new_record("capacity_assessment")
    qtbot.keyClicks(other.form.input("decision_in_question").edit, "Another decision")
    _fill_assessment(qtbot, other)
    assert other.save(), other.message_text()
    holder.setCurrentWidget(tabs[2])
    qtbot.mouseClick(consent.new_linked_buttons["capacity_link"], Qt.MouseButton.LeftButton)
    cap = tabs[3].editor
    _fill_assessment(qtbot, cap)
    assert cap.save(), cap.message_text()
    settle(qtbot)
    assert holder.currentWidget() is tabs[2]
    assert consent.form.input("capacity_link").value() == cap.record_id
    # The worker chooses the other assessment after all, then goes on with the new one.
    choose(consent.form.input("capacity_link").combo, other.record_id)
    holder.setCurrentWidget(tabs[3])
    qtbot.keyClicks(cap.form.input("trigger").edit, " and confusion")
    assert cap.save(), cap.message_text()
    settle(qtbot)
    assert holder.currentWidget() is tabs[3]  # no jump back to Consent
    assert consent.form.input("capacity_link").value() == other.record_id


def test_restoring_after_a_refused_save_clears_its_problems(qtbot: Any,
                                                           vault: tuple[Session, str]) -> None:
    session, case_id = vault
    saved = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    records.save_draft(session, records.new_draft_id(), kind="desired_outcome",
                       case_id=case_id, record_id=saved.record_id, base_heads=saved.heads,
                       payload={**saved.payload, "statement": "Older draft words"})
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    click_row(qtbot, tab, tab.model.row_of(saved.record_id))
    ed = tab.editor
    statement = ed.form.input("statement").edit
    statement.selectAll()
    qtbot.keyClick(statement, Qt.Key.Key_Delete)
    assert not ed.save()
    assert "Not saved" in ed.message_text() and ed.problem_action == "save"
    seen: list[str] = []
    answer_next_question("Use the older draft", seen)
    qtbot.mouseClick(ed.restore_button, Qt.MouseButton.LeftButton)
    assert ed.form.input("statement").value() == "Older draft words"
    assert ed.message_text() == "" and ed.problem_action is None
    assert ed.form.summary.isHidden()
    qtbot.keyClicks(statement, "!")  # typing on brings back no stale problems
    assert ed.message_text() == ""


def test_arrowing_onto_a_draft_row_keeps_the_keyboard_in_the_list(
        qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    saved = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    records.save_draft(session, records.new_draft_id(), kind="desired_outcome",
                       case_id=case_id, record_id=saved.record_id, base_heads=saved.heads,
                       payload={**saved.payload, "statement": "Older draft words"})
    records.save_draft(session, records.new_draft_id(), kind="desired_outcome",
                       case_id=case_id, record_id=None, base_heads=(),
                       payload={"statement": "A new one"})
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    assert column(tab, RecordListModel.STATUS)[:2] == ["Draft, not saved"] * 2
    titles = column(tab, RecordListModel.TITLE)
    assert sorted(titles[:2]) == ["A new one", "Older draft words"]
    click_row(qtbot, tab, 2)
    tab.view.setFocus()
    opened = []
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Down):
        qtbot.keyClick(tab.view, key)
        opened.append(tab.editor.form.input("statement").value())
        assert tab.window().focusWidget() is tab.view, key
    assert opened == [titles[1], titles[0], titles[1], "Stay at home"]


def test_restore_puts_the_keyboard_in_the_form(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    saved = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    records.save_draft(session, records.new_draft_id(), kind="desired_outcome",
                       case_id=case_id, record_id=saved.record_id, base_heads=saved.heads,
                       payload={**saved.payload, "statement": "Older draft words"})
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    click_row(qtbot, tab, tab.model.row_of(saved.record_id))
    ed = tab.editor
    ed.restore_button.setFocus()
    qtbot.keyClick(ed.restore_button, Qt.Key.Key_Space)
    assert ed.form.input("statement").value() == "Older draft words"
    assert ed.window().focusWidget() is ed.form.focus_order()[0]


def test_a_read_only_consent_offers_no_new_assessment(qtbot: Any,
                                                      vault: tuple[Session, str]) -> None:
    session, case_id = vault
    holder, tabs = case_tabs(qtbot, session, case_id)
    consent = _consent_with_assessed_capacity(tabs)
    cap = tabs[3].new_record("capacity_assessment")
    qtbot.keyClicks(cap.form.input("decision_in_question").edit, "Share with the GP")
    _fill_assessment(qtbot, cap)
    assert cap.save(), cap.message_text()
    settle(qtbot)
    choose(consent.form.input("capacity_link").combo, cap.record_id)
    assert consent.save(), consent.message_text()
    other = tabs[3].new_record("capacity_assessment")
    qtbot.keyClicks(other.form.input("decision_in_question").edit, "Another decision")
    _fill_assessment(qtbot, other)
    assert other.save(), other.message_text()
    wrong = records.get(session, consent.record_id)
    records.amend(session, wrong.record_id, wrong.payload, reason="Wrong person",
                  amendment_type="ENTERED_IN_ERROR")
    holder, tabs = case_tabs(qtbot, session, case_id)  # the case as opened afresh
    holder.setCurrentWidget(tabs[2])
    ed = tabs[2].open_record(wrong.record_id)
    assert ed is not None and ed.form.is_read_only()
    assert ed.form.input("capacity_link").combo.isVisible()
    assert not ed.new_linked_buttons["capacity_link"].isVisible()
    assert not ed.link_to("capacity_link", other.record_id)
    assert ed.form.input("capacity_link").value() == cap.record_id


class _Welsh(QTranslator):
    WORDS = {("RecordTab", "Overdue by %1 days"): "Hwyr o %1 diwrnod",
             ("choices", "In progress"): "Ar waith",
             ("RecordTab", "due %1"): "erbyn %1"}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self.WORDS.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


def test_row_details_are_in_the_workers_language(qtbot: Any,
                                                 vault: tuple[Session, str]) -> None:
    session, case_id = vault
    plan = records.create(session, "safeguarding_plan", {
        "case_id": case_id, "status": "ACTIVE", "started_at": "2026-01-10",
        "review_date": "2026-02-10", "lead": "A Worker"}).state
    due = dt.date.today() - dt.timedelta(days=3)
    records.create(session, "plan_action", {
        "case_id": case_id, "plan_id": plan.record_id, "action": "Fit a key safe",
        "owner": "Sam Patel", "due_date": due.isoformat(), "status": "IN_PROGRESS"})
    welsh = _Welsh()
    QApplication.installTranslator(welsh)
    try:
        tab = tab_for(qtbot, session, case_id, "Risk and plan", RISK_AND_PLAN)
        details = dict(zip(column(tab, RecordListModel.TITLE),
                           column(tab, RecordListModel.DETAIL), strict=True))
    finally:
        QApplication.removeTranslator(welsh)
    assert details["Fit a key safe"] == (
        f"Hwyr o 3 diwrnod · Ar waith · Sam Patel · erbyn {due.strftime('%d %b %Y')}")
