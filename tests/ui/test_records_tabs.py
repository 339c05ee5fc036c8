"""The per-case record tabs: lists, new-record buttons, gating, plans, risk ratings, a11y."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from a11y import assert_accessible, focus_chain, focusable_widgets
from PySide6.QtCore import QDate, QDateTime, QTime
from qthelpers import choose, live_case

from msp_desktop.domain.enums import RAG
from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui.records import make_case_tabs
from msp_desktop.ui.records.editor import RecordEditor
from msp_desktop.ui.records.tabs import RecordListModel, RecordTab

TAB_KINDS = [
    ("Conversations", ["contact_note"]),
    ("Desired outcomes", ["desired_outcome"]),
    ("Consent", ["consent_decision"]),
    ("Mental capacity", ["capacity_assessment", "best_interests_decision"]),
    ("Risk and plan", ["risk_assessment", "risk_item", "safeguarding_plan", "plan_action",
                       "plan_review"]),
    ("Enquiry", ["concern", "concern_decision", "enquiry", "closure"]),
]


def tab_for(qtbot: Any, session: Session, case_id: str, title: str,
            kinds: list[str]) -> RecordTab:
    live = live_case(session, case_id)
    tab = RecordTab(live.ctx, live, title, kinds)
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    return tab


def set_date(editor: RecordEditor, name: str, y: int, m: int, d: int) -> None:
    editor.form.input(name).edit.setDateTime(QDateTime(QDate(y, m, d), QTime(0, 0)))


def lacking_assessment(session: Session, case_id: str, conclusion: str) -> str:
    body: dict[str, Any] = {
        "case_id": case_id, "assessed_at": "2026-01-08T10:00:00+00:00",
        "decision_in_question": f"Where to live ({conclusion})", "decision_category": "OTHER",
        "trigger": "Memory", "assessor": "A Worker", "conclusion": conclusion,
    }
    if conclusion == "LACKS_CAPACITY":
        body.update(understand_result="UNABLE", understand_evidence="Could not recall",
                    impairment=True, impairment_description="Dementia",
                    causative_nexus="Because of dementia", support_given="Two visits")
    return records.create(session, "capacity_assessment", body).state.record_id


def test_make_case_tabs_order_and_accessibility(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    live = live_case(session, case_id)
    tabs = make_case_tabs(live.ctx, live)
    assert [(t.title, t.kinds) for t in tabs] == TAB_KINDS
    for tab in tabs:
        qtbot.addWidget(tab)
        tab.resize(1300, 850)
        tab.show()
        assert_accessible(tab)
        for kind in tab.kinds:
            if tab.new_buttons[kind].isEnabled():
                tab.new_buttons[kind].click()
                assert tab.editor is not None and tab.editor.kind_name == kind
                assert_accessible(tab)


@pytest.mark.parametrize("kind", [k for _, kinds in TAB_KINDS for k in kinds])
def test_every_editor_is_accessible(qtbot: Any, vault: tuple[Session, str], kind: str) -> None:
    session, case_id = vault
    live = live_case(session, case_id)
    editor = RecordEditor(live.ctx, live, kind)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    # Lists start empty: add an entry to each so row inputs are checked too.
    for f in KINDS[kind].fields:
        if f.type.value == "list":
            editor.form.input(f.name).add_button.click()
    assert_accessible(editor)
    # (assert_tab_reaches_all walks at most 500 widgets; the consent form has more.)
    chain = focus_chain(editor, limit=5000)
    missed = [type(w).__name__ for w in focusable_widgets(editor) if w not in chain]
    assert not missed, f"not reachable with Tab: {missed}"
    order = [w for w in editor.form.focus_order() if w.isVisibleTo(editor)]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions), "Tab order does not follow the form's order"
    # Every shown input has its label as accessible name, and help as description.
    for name, row in editor.form.rows.items():
        assert row.input.widget.accessibleName(), name
        if row.field.help:
            assert row.field.help in row.input.widget.accessibleDescription()


def test_list_model_and_entered_in_error(qtbot: Any, qtmodeltester: Any,
                                         vault: tuple[Session, str]) -> None:
    session, case_id = vault
    base = {"case_id": case_id, "expressed_by": "ADULT", "status": "ACTIVE"}
    keep = records.create(session, "desired_outcome", {
        **base, "statement": "Feel safe", "first_expressed_at": "2026-01-06"}).state
    wrong = records.create(session, "desired_outcome", {
        **base, "statement": "Wrong person", "first_expressed_at": "2026-01-07"}).state
    records.amend(session, wrong.record_id, wrong.payload, reason="Written on the wrong case",
                  amendment_type="ENTERED_IN_ERROR")
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 2).data() == "Feel safe"
    assert tab.model.index(0, RecordListModel.STATUS).data() == "Saved"
    assert "(1)" in tab.show_error_box.text()
    tab.show_error_box.setChecked(True)
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 2
    # Newest first.
    assert tab.model.index(0, RecordListModel.STATUS).data() == "Entered in error"
    editor = tab.open_record(wrong.record_id)
    assert editor is not None and editor.form.is_read_only()
    assert "entered in error" in editor.message_text()
    assert "Written on the wrong case" in editor.message_text()
    assert tab.open_record(keep.record_id) is tab.editor
    assert tab.editor is not None and tab.editor.record_id == keep.record_id
    assert tab.view.currentIndex().row() == tab.model.row_of(keep.record_id)


def test_new_record_from_tab_refreshes_the_list(qtbot: Any,
                                                vault: tuple[Session, str]) -> None:
    session, case_id = vault
    tab = tab_for(qtbot, session, case_id, "Desired outcomes", ["desired_outcome"])
    assert tab.empty_label.isVisible() and tab.model.rowCount() == 0
    tab.new_buttons["desired_outcome"].click()
    ed = tab.editor
    assert ed is not None
    qtbot.keyClicks(ed.form.input("statement").edit, "To see my grandchildren")
    choose(ed.form.input("expressed_by").combo, "ADULT")
    set_date(ed, "first_expressed_at", 2026, 1, 6)
    choose(ed.form.input("status").combo, "ACTIVE")
    with qtbot.waitSignal(tab.ctx.changed, timeout=1000):
        assert ed.save()
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 2).data() == "To see my grandchildren"
    assert tab.view.currentIndex().row() == 0
    assert tab.editor is ed


def test_best_interests_needs_lacking_capacity(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    has = lacking_assessment(session, case_id, "HAS_CAPACITY")
    tab = tab_for(qtbot, session, case_id, "Mental capacity",
                  ["capacity_assessment", "best_interests_decision"])
    button = tab.new_buttons["best_interests_decision"]
    assert not button.isEnabled()
    assert tab.gate_note.isVisible() and "lacks capacity" in tab.gate_note.text()
    lacks = lacking_assessment(session, case_id, "LACKS_CAPACITY")
    tab.live.load()
    assert button.isEnabled() and not tab.gate_note.isVisible()
    button.click()
    ed = tab.editor
    assert ed is not None and ed.kind_name == "best_interests_decision"
    combo = ed.form.input("capacity_assessment_id").combo
    offered = [combo.itemData(i) for i in range(1, combo.count())]
    assert offered == [lacks]
    # The rule holds even if an assessment that found capacity is linked some other way.
    ed.form.input("capacity_assessment_id").set_value(has)
    ed.form.input("lpa_deputy_checked").box.click()
    set_date(ed, "decided_at", 2026, 1, 9)
    qtbot.keyClicks(ed.form.input("decision_maker").edit, "A Worker")
    qtbot.keyClicks(ed.form.input("decision").edit, "Move to extra care")
    qtbot.keyClicks(ed.form.input("least_restrictive_rationale").edit, "Keeps her tenancy")
    assert not ed.save()
    assert "lacks capacity" in ed.form.problem_text("capacity_assessment_id")
    choose(combo, lacks)
    assert ed.save(), ed.message_text()
    assert tab.model.rowCount() == 3


def test_plan_with_actions(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    tab = tab_for(qtbot, session, case_id, "Risk and plan", TAB_KINDS[4][1])
    tab.new_buttons["safeguarding_plan"].click()
    plan = tab.editor
    assert plan is not None
    choose(plan.form.input("status").combo, "ACTIVE")
    set_date(plan, "started_at", 2026, 1, 10)
    assert not plan.save()
    assert "review" in plan.form.problem_text("review_date")
    set_date(plan, "review_date", 2026, 2, 10)
    qtbot.keyClicks(plan.form.input("lead").edit, "A Worker")
    assert plan.save(), plan.message_text()
    plan_id = plan.record_id

    tab.new_buttons["plan_action"].click()
    action = tab.editor
    assert action is not None and action.kind_name == "plan_action"
    choose(action.form.input("plan_id").combo, plan_id)
    qtbot.keyClicks(action.form.input("action").edit, "Refer to the bank's fraud team")
    qtbot.keyClicks(action.form.input("owner").edit, "Nephew's bank liaison")
    set_date(action, "due_date", 2026, 1, 20)
    choose(action.form.input("status").combo, "NOT_STARTED")
    assert not action.form.is_shown("completion_note")
    assert action.save(), action.message_text()
    payload = records.get(session, action.record_id or "").payload
    assert payload["plan_id"] == plan_id and payload["due_date"] == "2026-01-20"
    assert payload["owner"] == "Nephew's bank liaison"
    # Cancelling needs a reason, which appears when the status is Cancelled.
    choose(action.form.input("status").combo, "CANCELLED")
    assert action.form.is_shown("completion_note")
    assert not action.save()
    assert "cancelled" in action.form.problem_text("completion_note")
    assert tab.model.rowCount() == 2


def test_risk_entries_show_rag_as_text(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    live = live_case(session, case_id)
    ed = RecordEditor(live.ctx, live, "risk_assessment")
    qtbot.addWidget(ed)
    ed.show()
    set_date(ed, "assessed_at", 2026, 1, 7)
    entries = ed.form.input("entries")
    entries.add_button.click()
    row = entries.rows[0]
    rag = row["rag"]
    assert "choose likelihood and impact" in rag.text()
    row["inputs"]["likelihood"].spin.setValue(4)
    row["inputs"]["impact"].spin.setValue(4)
    assert RAG.label("RED") in rag.text() and "16" in rag.text()
    assert rag.accessibleName() == rag.text()
    assert "#B3261E" in rag.styleSheet()
    row["inputs"]["impact"].spin.setValue(2)
    assert RAG.label("AMBER") in rag.text()
    row["inputs"]["likelihood"].spin.setValue(1)
    assert RAG.label("GREEN") in rag.text()
    # The description is required for each entry.
    assert not ed.save()
    assert "entry 1" in ed.form.problem_text("entries")
    qtbot.keyClicks(row["inputs"]["description"].edit, "Falls on the stairs")
    # A rating that differs from the score needs a reason.
    choose(row["inputs"]["rag"].combo, "RED")
    assert "the score alone gives " + RAG.label("GREEN") in rag.text()
    assert not ed.save()
    assert "say why" in ed.form.problem_text("entries")
    qtbot.keyClicks(row["inputs"]["rag_override_reason"].edit, "Two falls this week")
    entries.add_button.click()
    qtbot.keyClicks(entries.rows[1]["inputs"]["description"].edit, "Scam calls")
    entries.rows[1]["inputs"]["likelihood"].spin.setValue(3)
    entries.rows[1]["inputs"]["impact"].spin.setValue(3)
    assert ed.save(), ed.message_text()
    saved = records.get(session, ed.record_id or "").payload["entries"]
    assert [e["description"] for e in saved] == ["Falls on the stairs", "Scam calls"]
    assert saved[0]["rag"] == "RED" and "rag" not in saved[1]
    # Remove an entry: the others are renumbered.
    ed.form.input("entries").rows[0]["remove"].click()
    assert entries.rows[0]["title"].text() == "Entry 1"
    assert entries.rows[0]["inputs"]["description"].value() == "Scam calls"


def test_tabs_render(qtbot: Any, vault: tuple[Session, str], tmp_path: Path) -> None:
    session, case_id = vault
    records.create(session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2026-01-06T10:00:00+00:00",
        "adult_present": False, "facts": "Phoned.", "purpose": "Check in"})
    live = live_case(session, case_id)
    for tab in make_case_tabs(live.ctx, live):
        qtbot.addWidget(tab)
        tab.resize(1300, 850)
        tab.show()
        if tab.model.rowCount():
            tab.open_record(tab.model.record(0).record_id)
        out = tmp_path / f"{tab.title}.png"
        assert tab.grab().save(str(out))
        assert out.stat().st_size > 1000
