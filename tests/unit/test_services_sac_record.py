"""Services keeping the record countable for the SAC: a repeat concern for an adult already
in the vault, unique office ids, the support reason kept on the case, the date of death from
a closure, risks after conclusion, and pre-filled SAC answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.services import cases, people, records, sac_answers
from msp_desktop.services.errors import ValidationFailed
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from tests.unit.conftest import FakeClock

T0 = int(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)
ADULT = {"family_name": "Pritchard", "given_names": "Eirlys Mair", "jurisdiction": "ENG",
         "date_of_birth": "1941-02-03", "office_person_id": "MOS-1234",
         "psr_detail": "MEMORY_COGNITION", "psr_sac": "MEMORY_COGNITION"}
CASE = {"status": "concern_received", "opened_at": "2026-01-10"}


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "vault", "sac-record-passphrase", kdf=KdfParams.fast(),
                       author="t.worker", device_name="Test laptop", clock=FakeClock(T0))
    yield s
    s.close()


def revisions(s: Session) -> int:
    return s.store.revision_count()


def test_existing_adult_found_by_name_and_birth_or_by_office_id(session: Session) -> None:
    saved = cases.open_case(session, ADULT, CASE)
    pid = saved.state.payload["person_id"]
    typed = {"family_name": "pritchard", "given_names": "Eirlys", "date_of_birth": "1941-02-03"}
    [match] = people.find_matches(session, typed)
    assert match.person_id == pid and match.reason_text == "same name and date of birth"
    assert match.case_ids == (saved.state.record_id,) and match.last_opened == "2026-01-10"
    assert match.name == "Eirlys Mair Pritchard"
    by_id = people.find_matches(session, {"family_name": "Smith", "office_person_id": "mos 1234"})
    assert [m.reason for m in by_id] == ["office_id"]
    # A different first name, another date of birth or no date of birth is not a match.
    assert people.find_matches(session, {**typed, "given_names": "Gwen"}) == []
    assert people.find_matches(session, {**typed, "date_of_birth": "1941-02-04"}) == []
    assert people.find_matches(session, {"family_name": "Pritchard"}) == []


def test_a_repeat_concern_is_a_new_case_for_the_same_adult(session: Session) -> None:
    first = cases.open_case(session, ADULT, CASE)
    pid = first.state.payload["person_id"]
    second = cases.open_case(session, {}, {**CASE, "opened_at": "2026-03-01"}, person_id=pid)
    assert second.state.payload["person_id"] == pid
    assert len(session.store.records_of_kind("person")) == 1
    [match] = people.find_matches(session, ADULT)
    assert match.case_ids == (first.state.record_id, second.state.record_id)
    assert match.last_opened == "2026-03-01"


def test_a_duplicate_office_id_is_refused_naming_the_other_adult(session: Session) -> None:
    cases.open_case(session, ADULT, CASE)
    before = revisions(session)
    other = {"family_name": "Jones", "jurisdiction": "ENG", "office_person_id": " mos-1234 "}
    with pytest.raises(ValidationFailed) as caught:
        cases.open_case(session, other, CASE)
    [problem] = caught.value.problems
    assert problem.field == "office_person_id"
    assert problem.message.startswith("Case-management system ID mos-1234 is already ")
    assert "Eirlys Mair Pritchard, born 3 February 1941" in problem.message
    assert revisions(session) == before
    with pytest.raises(ValidationFailed):
        records.create(session, "person", other)
    assert [p.field for p in records.check(session, "person", other)] == ["office_person_id"]
    # Another id is fine, and an adult keeps their own id when their record is edited.
    jones = records.create(session, "person", {**other, "office_person_id": "MOS-9"}).state
    with pytest.raises(ValidationFailed):
        records.edit(session, jones.record_id, other)
    pritchard = session.store.records_of_kind("person")[0]
    records.edit(session, pritchard.record_id, {**pritchard.payload, "phone": "01234 567890"})


def test_the_case_keeps_the_support_reason_it_had(session: Session) -> None:
    case = cases.open_case(session, ADULT, CASE).state
    adult = session.store.get(case.payload["person_id"])
    assert adult is not None
    assert case.payload["psr_detail"] == "MEMORY_COGNITION"
    records.edit(session, adult.record_id, {**adult.payload, "psr_detail": "MENTAL_HEALTH",
                                            "psr_sac": "MENTAL_HEALTH"})
    later = cases.open_case(session, {}, CASE, person_id=adult.record_id).state
    assert later.payload["psr_sac"] == "MENTAL_HEALTH"
    kept = session.store.get(case.record_id)
    assert kept is not None and kept.payload["psr_sac"] == "MEMORY_COGNITION"
    # The case's own answer wins, and can be edited on the case.
    own = cases.open_case(session, {}, {**CASE, "psr_detail": "HEARING", "psr_sac": "SENSORY"},
                          person_id=adult.record_id).state
    assert own.payload["psr_detail"] == "HEARING"


def _died(case_id: str, died: str) -> dict[str, Any]:
    return {"case_id": case_id, "closed_at": "2026-03-05", "closure_reason": "ADULT_DIED",
            "adult_view_not_obtained_reason": "The adult died.", "date_of_death": died}


def test_closing_because_the_adult_died_records_the_death_on_the_adult(
    session: Session
) -> None:
    saved = cases.open_case(session, ADULT, CASE)
    pid = saved.state.payload["person_id"]
    before = len(session.store.history(pid))
    records.create(session, "closure", _died(saved.state.record_id, "2026-03-01"))
    adult = session.store.get(pid)
    assert adult is not None and adult.payload["date_of_death"] == "2026-03-01"
    assert len(session.store.history(pid)) == before + 1
    edits = [e for e in session.audit.entries() if e.entity_id == pid and
             e.action == "record.edit"]
    assert edits and edits[-1].detail.get("from") == "closure"
    # A second case closed with another date is refused, and nothing is written.
    other = cases.open_case(session, {}, CASE, person_id=pid).state
    count = revisions(session)
    with pytest.raises(ValidationFailed) as caught:
        records.create(session, "closure", _died(other.record_id, "2026-03-02"))
    assert caught.value.problems[0].field == "date_of_death"
    assert revisions(session) == count
    records.create(session, "closure", _died(other.record_id, "2026-03-01"))
    assert len(session.store.history(pid)) == before + 1  # already recorded: not edited


def test_date_of_death_before_birth_is_refused(session: Session) -> None:
    saved = cases.open_case(session, ADULT, CASE)
    with pytest.raises(ValidationFailed) as caught:
        records.create(session, "closure", _died(saved.state.record_id, "1940-01-01"))
    assert "birth" in caught.value.problems[0].message


def _concluded_enquiry(session: Session) -> tuple[str, str]:
    case_id = cases.open_case(session, ADULT, {**CASE, "status": "enquiry_concluded"}
                              ).state.record_id
    enquiry = records.create(session, "enquiry", {
        "case_id": case_id, "enquiry_type": "OTHER", "started_at": "2026-01-20"}).state
    records.create(session, "risk_item", {
        "case_id": case_id, "enquiry_id": enquiry.record_id, "abuse_type": "FINANCIAL",
        "location": "OWN_HOME", "source_relationship": "PERSONAL_ASSISTANT",
        "source_of_risk": "SERVICE_PROVIDER", "risk_assessment_outcome": "NO_RISK_NO_ACTION",
        "risk_result": "NOT_APPLICABLE"})
    records.edit(session, enquiry.record_id, {
        **enquiry.payload, "concluded_at": "2026-02-20", "msp_asked": "NOT_ASKED",
        "sac_lacked_capacity": "NOT_LACKED"})
    return case_id, enquiry.record_id


def test_risks_saved_after_conclusion_pass_the_conclusion_checks(session: Session) -> None:
    case_id, enquiry_id = _concluded_enquiry(session)
    count = revisions(session)
    with pytest.raises(ValidationFailed) as caught:
        records.create(session, "risk_item", {"case_id": case_id, "enquiry_id": enquiry_id,
                                              "abuse_type": "NEGLECT"})
    assert {p.field for p in caught.value.problems} == {
        "location", "source_of_risk", "risk_assessment_outcome"}
    assert revisions(session) == count
    risk = session.store.find("risk_item", case_id)[0]
    blanked = {k: v for k, v in risk.payload.items() if k != "location"}
    with pytest.raises(ValidationFailed):
        records.edit(session, risk.record_id, blanked)


def test_enquiry_answers_are_derived_from_the_record(session: Session) -> None:
    case_id = cases.open_case(session, ADULT, CASE).state.record_id
    enquiry = {"case_id": case_id, "enquiry_type": "OTHER", "started_at": "2026-01-20",
               "concluded_at": "2026-02-20"}
    assert sac_answers.enquiry_answers(session, enquiry) == {
        "sac_lacked_capacity": "NOT_LACKED"}
    # Lacking capacity to sign a tenancy does not answer SG3a; having it to take part does.
    records.create(session, "capacity_assessment", {
        **_lacks(case_id), "decision_category": "TENANCY",
        "decision_in_question": "Whether to sign the new tenancy."})
    records.create(session, "capacity_assessment", {
        k: v for k, v in _lacks(case_id).items() if not k.startswith(("understand", "caus"))}
        | {"conclusion": "HAS_CAPACITY"})
    assert sac_answers.enquiry_answers(session, enquiry) == {
        "sac_lacked_capacity": "NOT_LACKED"}
    for achievement in ("FULLY", "NOT_ACHIEVED"):
        records.create(session, "desired_outcome", {
            "case_id": case_id, "statement": "I want to stay at home.", "expressed_by": "ADULT",
            "first_expressed_at": "2026-01-15", "status": "ACTIVE", "achievement": achievement,
            "achievement_assessed_at": "2026-02-18"})
    records.create(session, "capacity_assessment", _lacks(case_id))
    records.create(session, "related_person", {"case_id": case_id, "name": "Sam Advocate",
                                               "roles": ["IMCA"]})
    assert sac_answers.enquiry_answers(session, enquiry) == {
        "msp_asked": "ASKED_EXPRESSED", "msp_outcomes_achieved": "PARTIALLY",
        "sac_lacked_capacity": "LACKED", "sac_capacity_support": "YES"}
    assert sac_answers.risk_answers({"source_relationship": "SELF_FUNDED_CARER"}) == {
        "source_of_risk": "SERVICE_PROVIDER"}
    assert sac_answers.risk_answers({"source_relationship": "POLICE"}) == {}
    assert sac_answers.risk_answers({"source_relationship": "POLICE",
                                     "source_of_risk": "SERVICE_PROVIDER"}) == {
        "source_of_risk": None}


def _lacks(case_id: str) -> dict[str, Any]:
    return {
        "case_id": case_id, "assessed_at": "2026-01-25T10:00:00+00:00",
        "decision_category": "ENQUIRY_PARTICIPATION",
        "decision_in_question": "Whether to take part in the enquiry.",
        "trigger": "Memory loss.", "assessor": "A. Worker",
        "conclusion": "LACKS_CAPACITY", "understand_result": "UNABLE",
        "understand_evidence": "Could not describe the options.", "impairment": True,
        "impairment_description": "Dementia (diagnosed 2024).",
        "causative_nexus": "Because of the dementia.", "support_given": "Pictures, time.",
    }
