"""The record editor offers the SAC answers the record gives: an enquiry's MSP and capacity
answers, the SAC source of a risk from its detailed source, and old free text kept visible."""

from __future__ import annotations

from typing import Any

from qthelpers import choose, live_case

from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui.records.editor import RecordEditor


def editor_for(qtbot: Any, session: Session, case_id: str, kind: str,
               record_id: str | None = None) -> RecordEditor:
    live = live_case(session, case_id)
    editor = RecordEditor(live.ctx, live, kind, record_id)
    qtbot.addWidget(editor)
    editor.resize(1000, 900)
    editor.show()
    return editor


def test_enquiry_answers_are_filled_in_from_the_record(
    qtbot: Any, vault: tuple[Session, str]
) -> None:
    session, case_id = vault
    records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "I want to stay at home.", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-06", "status": "ACTIVE", "achievement": "FULLY",
        "achievement_assessed_at": "2026-02-01"})
    enquiry = records.create(session, "enquiry", {
        "case_id": case_id, "enquiry_type": "OTHER", "started_at": "2026-01-07"}).state
    ed = editor_for(qtbot, session, case_id, "enquiry", enquiry.record_id)
    assert ed.prefill_button.isVisible()
    assert ed.prefill_sac_answers() == 3
    payload = ed.form.get_payload()
    assert payload["msp_asked"] == "ASKED_EXPRESSED"
    assert payload["msp_outcomes_achieved"] == "FULLY"
    assert payload["sac_lacked_capacity"] == "NOT_LACKED"
    assert "Filled in 3" in ed.message_text()
    # A second press changes nothing the worker has answered.
    choose(ed.form.input("sac_lacked_capacity").combo, "DONT_KNOW")
    assert ed.prefill_sac_answers() == 0
    assert ed.form.get_payload()["sac_lacked_capacity"] == "DONT_KNOW"


def test_risk_source_follows_its_detail(qtbot: Any, vault: tuple[Session, str]) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "risk_item")
    assert not ed.prefill_button.isVisible()
    form = ed.form
    choose(form.input("source_relationship").combo, "DIRECT_PAYMENT_CARER")
    assert form.get_payload()["source_of_risk"] == "SERVICE_PROVIDER"
    choose(form.input("source_relationship").combo, "POLICE")  # the worker must choose
    assert "source_of_risk" not in form.get_payload()
    choose(form.input("source_of_risk").combo, "OTHER_UNKNOWN")
    choose(form.input("source_relationship").combo, "HEALTH")
    assert form.get_payload()["source_of_risk"] == "OTHER_UNKNOWN"


def test_old_council_text_shows_only_when_there_is_some(
    qtbot: Any, vault: tuple[Session, str]
) -> None:
    session, case_id = vault
    ed = editor_for(qtbot, session, case_id, "case", case_id)
    assert not ed.form.is_shown("host_la")
    assert ed.form.is_shown("host_council")
    case = records.get(session, case_id)
    ed.form.set_payload({**case.payload, "host_la": "Kent and Medway",
                         "placing_la": "Leeds City Council"})
    assert ed.form.is_shown("host_la") and not ed.form.is_shown("placing_la")
    payload = ed.form.get_payload()
    assert payload["host_la"] == "Kent and Medway"
    assert payload["placing_council"] == "E08000035"
