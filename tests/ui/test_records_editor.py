"""The record editor, driven through its widgets: conversations, drafts, amendments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication
from qthelpers import choose, live_case, make_vault_case, type_text

from msp_desktop.domain.drafts import Draft
from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui.records.amend_dialog import AmendDialog
from msp_desktop.ui.records.editor import RecordEditor


def editor_for(qtbot: Any, session: Session, case_id: str, kind: str,
               record_id: str | None = None, autosave: float = 3.0,
               draft: Draft | None = None) -> RecordEditor:
    live = live_case(session, case_id, autosave_seconds=autosave)
    editor = RecordEditor(live.ctx, live, kind, record_id, draft=draft)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    editor.confirm_finalise = lambda: True
    return editor


def set_when(editor: RecordEditor, name: str, y: int, m: int, d: int, h: int = 10) -> None:
    editor.form.input(name).edit.setDateTime(QDateTime(QDate(y, m, d), QTime(h, 0)))


def test_conversation_save_finalise_amend(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "contact_note")
    form = ed.form
    assert ed.finalise_button.isVisible() and not ed.amend_button.isVisible()
    choose(form.input("note_type").combo, "HOME_VISIT")
    set_when(ed, "event_start", 2026, 1, 6)
    qtbot.keyClicks(form.input("purpose").edit, "Check in after the concern")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert ed.record_id is not None, ed.message_text()
    assert ed.status() == "Saved"
    assert records.get(session, ed.record_id).payload["purpose"] == "Check in after the concern"

    # Finalise without content: each missing item is shown under its field and announced.
    assert not ed.finalise()
    facts_msg = form.problem_text("facts")
    assert "before finalising" in facts_msg
    assert facts_msg in form.input("facts").widget.accessibleDescription()
    assert "Record whether the adult was there" in form.problem_text("adult_present")
    assert "Record whether the adult was there" in ed.message_text()
    assert records.get(session, ed.record_id).status == "saved"

    # The adult was there, not seen alone: the reason field appears and is then required.
    assert not form.is_shown("seen_alone")
    choose(form.input("adult_present").combo, True)
    assert form.is_shown("seen_alone") and not form.is_shown("not_seen_alone_reason")
    choose(form.input("seen_alone").combo, False)
    assert form.is_shown("not_seen_alone_reason")
    qtbot.keyClicks(form.input("facts").edit, "Met Mrs Jones at home.")
    type_text(form.input("adult_own_words").edit, "Dw i eisiau aros adref – I feel safe.")
    qtbot.keyClicks(form.input("analysis").edit, "She appears to understand the risks.")
    assert not ed.finalise()
    assert "not seen alone" in form.problem_text("not_seen_alone_reason")
    assert form.problem_text("facts") == ""
    qtbot.keyClicks(form.input("not_seen_alone_reason").edit, "Her son would not leave")
    assert ed.finalise(), ed.message_text()
    state = records.get(session, ed.record_id)
    assert state.status == "final"
    assert state.payload["adult_own_words"] == "Dw i eisiau aros adref – I feel safe."
    assert ed.status() == "Finalised"
    assert form.is_read_only() and form.input("facts").edit.isReadOnly()
    assert ed.amend_button.isVisible() and not ed.save_button.isVisible()
    assert not ed.finalise_button.isVisible()

    # Amend: refused without a reason; the record is unchanged.
    ed.amend_button.click()
    assert ed.amending and not form.input("facts").edit.isReadOnly()
    form.input("facts").edit.moveCursor(form.input("facts").edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.input("facts").edit, " Her son was present throughout.")
    assert not ed.save_amendment("CORRECTION", "  ")
    assert "reason" in ed.message_text()
    assert records.get(session, ed.record_id).status == "final"

    # Through the dialog: OK with no reason is refused inline, then a reason is accepted.
    seen: dict[str, Any] = {}

    def drive_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AmendDialog)
        dialog.ok_button.click()
        seen["error"] = dialog.error.text()
        seen["still_open"] = dialog.isVisible()
        choose(dialog.type_combo, "ADDENDUM")
        qtbot.keyClicks(dialog.reason_edit, "Son's presence was left out")
        dialog.ok_button.click()

    QTimer.singleShot(0, drive_dialog)
    assert ed.save_amendment(), ed.message_text()
    assert "reason" in seen["error"] and seen["still_open"]
    state = records.get(session, ed.record_id)
    assert state.status == "amended"
    assert state.payload["facts"].endswith("Her son was present throughout.")

    # History: create, edit?, finalise, amend, with author and reason; the original is readable.
    ops = [records.history(session, ed.record_id)[i].op
           for i in range(ed.history_model.rowCount())]
    assert ops == ["create", "finalise", "amend"]
    assert ed.history_model.index(2, 3).data() == "Son's presence was left out"
    assert ed.history_model.index(2, 2).data() == "t"
    finalised = records.history(session, ed.record_id)[1]
    assert ed.show_revision(finalised.revision_id)
    assert ed.history_pane.isVisible()
    assert ed.history_form.input("facts").value() == "Met Mrs Jones at home."
    assert ed.history_form.is_read_only()
    assert "Finalised" in ed.version_label.text()


def test_desired_outcome_and_achievement(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "desired_outcome")
    form = ed.form
    assert not ed.finalise_button.isVisible()
    qtbot.keyClicks(form.input("statement").edit, "I want my money to be safe")
    choose(form.input("expressed_by").combo, "ADULT")
    set_when(ed, "first_expressed_at", 2026, 1, 6)
    choose(form.input("status").combo, "ACTIVE")
    assert not form.is_shown("representative_name")
    assert ed.save(), ed.message_text()
    rid = ed.record_id
    assert rid is not None
    # Achievement without the date it was agreed: refused, with the date field marked.
    choose(form.input("achievement").combo, "FULLY")
    assert not ed.save()
    assert "date" in form.problem_text("achievement_assessed_at")
    set_when(ed, "achievement_assessed_at", 2026, 3, 1)
    qtbot.keyClicks(form.input("adult_view_on_achievement").edit, "I feel safer now")
    assert ed.save(), ed.message_text()
    payload = records.get(session, rid).payload
    assert payload["achievement"] == "FULLY"
    assert payload["achievement_assessed_at"] == "2026-03-01"
    assert len(records.history(session, rid)) == 2


def test_consent_override_needs_grounds(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "consent_decision")
    form = ed.form
    choose(form.input("consent_type").combo, "SHARE_INFO")
    set_when(ed, "decided_at", 2026, 1, 7)
    assert not form.is_shown("override")
    choose(form.input("status").combo, "REFUSED")
    assert form.is_shown("override")
    assert not form.is_shown("override_grounds") and not form.is_shown("accepted_risk_statement")
    choose(form.input("override").combo, True)
    assert form.is_shown("override_grounds") and form.is_shown("proportionality_rationale")
    assert not form.is_shown("accepted_risk_statement")
    assert not ed.save()
    for name, words in (("override_grounds", "ground"), ("proportionality_rationale",
                        "proportionality"), ("decision_maker", "Name who decided"),
                        ("adult_informed", "told")):
        text = form.problem_text(name)
        assert words in text, (name, text)
        assert text in form.input(name).widget.accessibleDescription()
    assert ed.record_id is None
    # Fill it in: a ground, proportionality, who decided, and whether the adult was told.
    grounds = form.input("override_grounds")
    dict(grounds.boxes)["RISK_TO_CHILDREN"].click()
    qtbot.keyClicks(form.input("proportionality_rationale").edit, "Children live there")
    qtbot.keyClicks(form.input("decision_maker").edit, "Team manager")
    choose(form.input("adult_informed").combo, True)
    assert form.is_shown("adult_informed_at") and not form.is_shown("not_informed_reason")
    assert ed.save(), ed.message_text()
    payload = records.get(session, ed.record_id or "").payload
    assert payload["override"] is True
    assert payload["override_grounds"] == ["RISK_TO_CHILDREN"]
    assert form.problem_text("override_grounds") == ""


def test_consent_respected_refusal(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "consent_decision")
    form = ed.form
    choose(form.input("consent_type").combo, "S42_INVOLVEMENT")
    set_when(ed, "decided_at", 2026, 1, 7)
    choose(form.input("status").combo, "REFUSED")
    choose(form.input("override").combo, False)
    assert form.is_shown("accepted_risk_statement") and not form.is_shown("override_grounds")
    assert not ed.save()
    assert "risk" in form.problem_text("accepted_risk_statement")
    assert "at risk" in form.problem_text("others_at_risk_assessment")
    assert "review" in form.problem_text("review_date")
    qtbot.keyClicks(form.input("accepted_risk_statement").edit, "She accepts the risk of")
    qtbot.keyClicks(form.input("others_at_risk_assessment").edit, "No one else lives there")
    set_when(ed, "review_date", 2026, 2, 7)
    assert ed.save(), ed.message_text()
    assert records.get(session, ed.record_id or "").payload["override"] is False


def fill_capacity(qtbot: Any, ed: RecordEditor) -> None:
    form = ed.form
    set_when(ed, "assessed_at", 2026, 1, 8)
    qtbot.keyClicks(form.input("decision_in_question").edit, "Where to live")
    choices = form.kind.field("decision_category").choices
    assert choices is not None
    choose(form.input("decision_category").combo, next(iter(choices)).code)
    qtbot.keyClicks(form.input("trigger").edit, "Memory problems")
    qtbot.keyClicks(form.input("assessor").edit, "A Worker")


def test_capacity_rule_needs_an_unable_item(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "capacity_assessment")
    form = ed.form
    fill_capacity(qtbot, ed)
    choose(form.input("conclusion").combo, "LACKS_CAPACITY")
    choose(form.input("understand_result").combo, "ABLE")
    assert not ed.save()
    assert "unable to do" in form.problem_text("conclusion")
    # The guided order follows the Act: decision, support, the four items, impairment, nexus.
    names = list(form.rows)
    assert names.index("support_given") < names.index("understand_result") < names.index(
        "communicate_result") < names.index("impairment") < names.index(
        "causative_nexus") < names.index("conclusion")
    choose(form.input("understand_result").combo, "UNABLE")
    qtbot.keyClicks(form.input("understand_evidence").edit, "Could not repeat the options")
    form.input("impairment").box.click()
    assert form.is_shown("impairment_description")
    qtbot.keyClicks(form.input("impairment_description").edit, "Dementia (GP letter)")
    qtbot.keyClicks(form.input("causative_nexus").edit, "Because of the dementia")
    qtbot.keyClicks(form.input("support_given").edit, "Quiet room, pictures, two visits")
    assert ed.save(), ed.message_text()


def test_stale_edit_keeps_the_draft(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    state = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "Stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE"}).state
    ed = editor_for(qtbot, session, case_id, "desired_outcome", state.record_id)
    assert ed.form.input("statement").value() == "Stay at home"
    records.edit(session, state.record_id, {**state.payload, "asked_by": "Someone else"})
    qtbot.keyClicks(ed.form.input("asked_by").edit, "Me")
    assert not ed.save()
    assert "changed since you opened it" in ed.message_text()
    drafts = records.drafts_for_case(session, case_id)
    assert [d.payload["asked_by"] for d in drafts] == ["Me"]


def test_draft_survives_a_crash(qtbot: Any, tmp_path: Path, themed_app: QApplication) -> None:
    session, case_id = make_vault_case(tmp_path)
    assert isinstance(session, Session)
    ed = editor_for(qtbot, session, case_id, "contact_note", autosave=0.05)
    qtbot.keyClicks(ed.form.input("purpose").edit, "Unsaved visit")
    type_text(ed.form.input("facts").edit, "Zażółć – not saved")
    assert ed.status() == "Changes not saved yet"
    qtbot.waitUntil(lambda: ed.status().startswith("Draft saved"), timeout=3000)
    assert ed.status_label.accessibleName() == ed.status()
    # Crash: no save, no lock entry; the editor is dropped and the vault closed under it.
    ed.hide()
    ed.setParent(None)
    session.vault.lock()

    session = Session.open(tmp_path / "v", "pass phrase words")
    try:
        # A new record's draft is a row of the record list (test_records_drafts.py), not
        # offered by every new editor: a new editor starts empty; the draft opens as itself.
        fresh = editor_for(qtbot, session, case_id, "contact_note")
        assert not fresh.draft_bar.isVisible()
        assert fresh.form.input("purpose").value() is None
        [draft] = records.drafts_for_case(session, case_id)
        ed2 = editor_for(qtbot, session, case_id, "contact_note", draft=draft)
        assert ed2.form.input("purpose").value() == "Unsaved visit"
        assert ed2.form.input("facts").value() == "Zażółć – not saved"
        assert not ed2.draft_bar.isVisible()
        # Saving turns the draft into a record and discards the draft.
        choose(ed2.form.input("note_type").combo, "PHONE")
        set_when(ed2, "event_start", 2026, 1, 9)
        assert ed2.save(), ed2.message_text()
        assert records.drafts_for_case(session, case_id) == []
        # flush_draft saves at once (lock / quit), and Discard drops an offered draft.
        qtbot.keyClicks(ed2.form.input("location").edit, "Office")
        assert ed2.flush_draft()
        ed3 = editor_for(qtbot, session, case_id, "contact_note", ed2.record_id)
        assert ed3.draft_bar.isVisible()
        ed3.discard_button.click()
        assert records.drafts_for_case(session, case_id) == []
        assert ed3.form.input("location").value() is None
    finally:
        session.close()


def test_history_model(qtbot: Any, qtmodeltester: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    state = records.create(session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2026-01-06T10:00:00+00:00",
        "adult_present": False, "facts": "Phoned."}).state
    records.finalise(session, state.record_id)
    records.amend(session, state.record_id, {**state.payload, "facts": "Phoned twice."},
                  reason="Second call left out", amendment_type="ADDENDUM")
    ed = editor_for(qtbot, session, case_id, "contact_note", state.record_id)
    assert ed.history_model.rowCount() == 3
    assert ed.history_model.index(2, 1).data() == "Amended: Addendum"
    qtmodeltester.check(ed.history_model)
    assert ed.status() == "Amended"
    assert ed.form.is_read_only()
    # A read-only record reads like a document: empty fields are not shown.
    assert not ed.form.is_shown("analysis") and ed.form.is_shown("facts")


def test_keyboard_shortcut_saves(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "plan_review")
    with qtbot.waitActive(ed):
        ed.activateWindow()
    edit = ed.form.input("summary").edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Going well")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # Saving is refused (no plan, no date) but the shortcut reached Save: problems shown.
    assert "Plan" in ed.form.problem_text("plan_id"), (ed.message_text(), ed.form.summary.text())
    assert ed.message_text().startswith("Not saved")
    # Ctrl+Shift+F does nothing for a kind that is not finalised (no button, no error).
    qtbot.keyClick(edit, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_a_refusal_shows_the_first_problem_field(qtbot: Any,
                                                 vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "contact_note")
    ed.setFixedSize(1000, 560)  # as in a window: the message takes room from the fields
    choose(ed.form.input("note_type").combo, "PHONE")
    qtbot.keyClicks(ed.form.input("purpose").edit, "Check in")
    ed.form.input("adult_present").set_value(True)
    facts = ed.form.input("facts").edit
    area = ed.scroll_area
    # The empty "facts" just shows at the foot of the fields when Finalise is pressed;
    # the red message that then opens above must not push it out of sight.
    top = facts.mapTo(ed.form, facts.rect().topLeft()).y()
    area.verticalScrollBar().setValue(top - area.viewport().height() + 30)
    assert not ed.finalise()
    assert "Not finalised" in ed.message_text()
    assert ed.focusWidget() is facts  # the first problem
    qtbot.wait(30)
    # The box and its first lines are in view, to read and type in.
    top = facts.mapTo(area.viewport(), facts.rect().topLeft()).y()
    lines = 3 * facts.fontMetrics().lineSpacing()
    assert top >= 0 and top + lines <= area.viewport().height(), (
        top, area.viewport().height())
