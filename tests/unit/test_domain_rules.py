"""Business rules of domain.md §9.4 (and the smaller checks), through validate()."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from msp_desktop.domain.fields import Problem, RecordView, validate, validate_for_finalise
from msp_desktop.domain.kinds import KINDS


@dataclass
class Rec:
    record_id: str
    kind: str
    payload: Mapping[str, Any]


@dataclass
class FakeCtx:
    """An in-memory RuleContext; record_id is the record being validated."""

    records: list[Rec] = field(default_factory=list)
    record_id: str | None = None

    def get(self, record_id: str) -> RecordView | None:
        return next((r for r in self.records if r.record_id == record_id), None)

    def find(self, kind: str, case_id: str) -> Sequence[RecordView]:
        return [r for r in self.records
                if r.kind == kind and r.payload.get("case_id") == case_id]


def check(kind: str, payload: Mapping[str, Any], ctx: FakeCtx | None = None) -> list[Problem]:
    return validate(KINDS[kind], payload, ctx)


def fields_of(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def assert_plain(problems: list[Problem]) -> None:
    for p in problems:
        assert p.message[0].isupper() and p.message.endswith("."), p.message
        assert "_" not in p.message, f"code leaked into message: {p.message}"


# --- Rule 1: concluding an enquiry -------------------------------------------------------

CASE = Rec("c1", "case", {"person_id": "p1", "status": "enquiry_in_progress",
                          "opened_at": "2025-01-01", "jurisdiction": "ENG"})
ALL_YES = Rec("d1", "concern_decision", {
    "case_id": "c1", "crit_a_care_support_needs": "YES", "crit_b_abuse_or_risk": "YES",
    "crit_c_unable_to_protect": "YES", "decision": "S42_ENQUIRY", "rationale": "All met.",
    "decision_maker": "A. Manager", "decided_at": "2025-01-05T10:00:00+00:00"})
RISK = {"case_id": "c1", "enquiry_id": "e1", "abuse_type": "FINANCIAL", "location": "OWN_HOME",
        "source_of_risk": "OTHER_KNOWN", "risk_assessment_outcome": "RISK_ID_ACTION",
        "risk_result": "REDUCED"}
CONCLUDED = {"case_id": "c1", "enquiry_type": "S42", "started_at": "2025-01-06",
             "concluded_at": "2025-02-20", "msp_asked": "ASKED_EXPRESSED",
             "msp_outcomes_achieved": "PARTIALLY", "sac_lacked_capacity": "NOT_LACKED"}


OUTCOME = {"case_id": "c1", "statement": "I want my money back.", "expressed_by": "ADULT",
           "first_expressed_at": "2025-01-10", "status": "ACTIVE", "achievement": "PARTIALLY"}


def ctx_with(*risks: Mapping[str, Any], record_id: str | None = "e1",
             outcomes: Sequence[Mapping[str, Any]] = (OUTCOME,),
             assessments: Sequence[Mapping[str, Any]] = ()) -> FakeCtx:
    recs = [CASE, ALL_YES] + [Rec(f"r{i}", "risk_item", r) for i, r in enumerate(risks)]
    recs += [Rec(f"o{i}", "desired_outcome", o) for i, o in enumerate(outcomes)]
    recs += [Rec(f"a{i}", "capacity_assessment", a) for i, a in enumerate(assessments)]
    return FakeCtx(recs, record_id=record_id)


def test_concluded_enquiry_passes_when_complete() -> None:
    assert check("enquiry", CONCLUDED, ctx_with(RISK)) == []


def test_concluded_enquiry_needs_a_risk_item() -> None:
    problems = check("enquiry", CONCLUDED, ctx_with())
    assert fields_of(problems) == ["concluded_at"]
    assert "at least one risk" in problems[0].message
    assert_plain(problems)


def test_only_this_enquirys_risks_count() -> None:
    other = {**RISK, "enquiry_id": "e2"}
    assert fields_of(check("enquiry", CONCLUDED, ctx_with(other))) == ["concluded_at"]
    # Without knowing its own id the rule falls back to every risk in the case.
    assert check("enquiry", CONCLUDED, ctx_with(other, record_id=None)) == []


@pytest.mark.parametrize("missing", ["abuse_type", "location", "source_of_risk",
                                     "risk_assessment_outcome"])
def test_each_risk_needs_type_location_source_outcome(missing: str) -> None:
    risk = {k: v for k, v in RISK.items() if k != missing}
    problems = check("enquiry", CONCLUDED, ctx_with(risk))
    assert fields_of(problems) == ["concluded_at"]
    assert "before the enquiry can be concluded" in problems[0].message
    assert_plain(problems)


def test_identified_risk_needs_a_result_at_conclusion() -> None:
    risk = {k: v for k, v in RISK.items() if k != "risk_result"}
    problems = check("enquiry", CONCLUDED, ctx_with(risk))
    assert fields_of(problems) == ["concluded_at"] and "removed" in problems[0].message
    no_risk = {**risk, "risk_assessment_outcome": "NO_RISK_NO_ACTION"}
    assert check("enquiry", CONCLUDED, ctx_with(no_risk)) == []


@pytest.mark.parametrize("missing", ["msp_asked", "sac_lacked_capacity"])
def test_conclusion_needs_sac_fields(missing: str) -> None:
    payload = {k: v for k, v in CONCLUDED.items() if k not in (missing, "msp_outcomes_achieved")}
    if missing == "sac_lacked_capacity":
        payload["msp_asked"] = "ASKED_NONE_EXPRESSED"
    problems = check("enquiry", payload, ctx_with(RISK, outcomes=()))
    assert fields_of(problems) == [missing]
    assert_plain(problems)


def test_conclusion_needs_outcomes_achieved_when_expressed() -> None:
    payload = {k: v for k, v in CONCLUDED.items() if k != "msp_outcomes_achieved"}
    assert fields_of(check("enquiry", payload, ctx_with(RISK))) == ["msp_outcomes_achieved"]


def test_not_recorded_needs_a_reason_at_conclusion() -> None:
    payload = {**CONCLUDED, "msp_asked": "NOT_RECORDED"}
    del payload["msp_outcomes_achieved"]
    no_outcomes = ctx_with(RISK, outcomes=())
    assert fields_of(check("enquiry", payload, no_outcomes)) == ["msp_not_recorded_reason"]
    payload["msp_not_recorded_reason"] = "The adult died before the enquiry ended."
    assert check("enquiry", payload, no_outcomes) == []


def test_outcomes_achieved_only_when_expressed() -> None:
    payload = {**CONCLUDED, "msp_asked": "NOT_ASKED"}
    problems = check("enquiry", payload, ctx_with(RISK, outcomes=()))
    assert fields_of(problems) == ["msp_outcomes_achieved"]
    assert_plain(problems)


def test_open_enquiry_needs_nothing_more() -> None:
    payload = {"case_id": "c1", "enquiry_type": "OTHER", "started_at": "2025-01-06"}
    assert check("enquiry", payload, ctx_with()) == []


def test_wales_skips_sac_fields() -> None:
    wales = Rec("c1", "case", {**CASE.payload, "jurisdiction": "WAL"})
    payload = {"case_id": "c1", "enquiry_type": "OTHER", "started_at": "2025-01-06",
               "concluded_at": "2025-01-10"}
    ctx = FakeCtx([wales, Rec("r0", "risk_item", RISK)], record_id="e1")
    assert check("enquiry", payload, ctx) == []


def test_cross_record_checks_skipped_without_ctx() -> None:
    assert check("enquiry", CONCLUDED) == []


def test_enquiry_dates_in_order() -> None:
    payload = {**CONCLUDED, "concluded_at": "2025-01-01"}
    early = ctx_with(RISK, outcomes=({**OUTCOME, "first_expressed_at": "2024-12-20"},))
    assert fields_of(check("enquiry", payload, early)) == ["concluded_at"]


# --- Rule 2: a section 42 enquiry needs all three criteria -------------------------------

def test_s42_needs_all_criteria_yes() -> None:
    unclear = Rec("d1", "concern_decision", {**ALL_YES.payload,
                                             "crit_c_unable_to_protect": "UNCLEAR",
                                             "decision": "OTHER_ENQUIRY"})
    payload = {"case_id": "c1", "enquiry_type": "S42", "started_at": "2025-01-06"}
    problems = check("enquiry", payload, FakeCtx([CASE, unclear]))
    assert fields_of(problems) == ["enquiry_type"]
    assert_plain(problems)
    assert check("enquiry", payload, FakeCtx([CASE, ALL_YES])) == []
    assert check("enquiry", {**payload, "enquiry_type": "OTHER"},
                 FakeCtx([CASE, unclear])) == []


def test_s42_needs_a_decision_on_the_concern() -> None:
    payload = {"case_id": "c1", "enquiry_type": "S42", "started_at": "2025-01-06"}
    assert fields_of(check("enquiry", payload, FakeCtx([CASE]))) == ["enquiry_type"]


def test_s42_uses_linked_or_latest_decision() -> None:
    older_no = Rec("d0", "concern_decision", {**ALL_YES.payload, "crit_a_care_support_needs":
                                              "NO", "decided_at": "2025-01-01T09:00:00+00:00",
                                              "decision": "NO_ENQUIRY"})
    payload = {"case_id": "c1", "enquiry_type": "S42", "started_at": "2025-01-06"}
    assert check("enquiry", payload, FakeCtx([CASE, older_no, ALL_YES])) == []
    linked = {**payload, "concern_decision_id": "d0"}
    assert fields_of(check("enquiry", linked, FakeCtx([CASE, older_no, ALL_YES]))) == [
        "enquiry_type"]


def test_concern_decision_s42_needs_all_yes() -> None:
    payload = {**ALL_YES.payload, "crit_b_abuse_or_risk": "NO"}
    problems = check("concern_decision", payload)
    assert fields_of(problems) == ["decision"] and "(b)" in problems[0].message
    assert check("concern_decision", ALL_YES.payload) == []


def test_concern_decision_consistency() -> None:
    no = {**ALL_YES.payload, "decision": "NO_ENQUIRY", "crit_c_unable_to_protect": "NO"}
    assert fields_of(check("concern_decision", no)) == ["non_enquiry_responses"]
    no["non_enquiry_responses"] = ["ADVICE_GUIDANCE"]
    no["criteria_not_met_reasons"] = ["ABLE_TO_PROTECT_SELF"]
    assert check("concern_decision", no) == []
    no["criteria_not_met_reasons"] = ["NO_CARE_SUPPORT_NEEDS"]  # but (a) is Yes
    assert fields_of(check("concern_decision", no)) == ["criteria_not_met_reasons"]


# --- Rules 3 and 4: consent -----------------------------------------------------------------

CONSENT = {"case_id": "c1", "consent_type": "SHARE_INFO", "decided_at": "2025-02-01",
           "status": "REFUSED"}
OVERRIDE_OK = {**CONSENT, "override": True, "override_grounds": ["RISK_TO_CHILDREN"],
               "proportionality_rationale": "Children live at the address.",
               "decision_maker": "A. Manager", "adult_informed": True,
               "adult_informed_at": "2025-02-02"}


def test_override_passes_when_complete() -> None:
    assert check("consent_decision", OVERRIDE_OK) == []


@pytest.mark.parametrize("missing", ["override_grounds", "proportionality_rationale",
                                     "decision_maker", "adult_informed"])
def test_override_requirements(missing: str) -> None:
    payload = {k: v for k, v in OVERRIDE_OK.items() if k != missing}
    problems = check("consent_decision", payload)
    assert fields_of(problems) == [missing]
    assert_plain(problems)


def test_override_adult_not_told_needs_reason() -> None:
    payload = {**OVERRIDE_OK, "adult_informed": False}
    del payload["adult_informed_at"]
    problems = check("consent_decision", payload)
    assert fields_of(problems) == ["not_informed_reason"]
    assert problems[0].message == ("Say why the adult was not told that their information was "
                                   "shared, or record that they were told.")
    payload["not_informed_reason"] = "Telling him would alert the person causing harm."
    assert check("consent_decision", payload) == []


def test_public_interest_ground_needs_facts() -> None:
    payload = {**OVERRIDE_OK, "override_grounds": ["PUBLIC_INTEREST_OTHER"]}
    assert fields_of(check("consent_decision", payload)) == ["override_facts"]


RESPECTED_OK = {**CONSENT, "override": False,
                "accepted_risk_statement": "She accepts her son may keep taking money.",
                "others_at_risk_assessment": "No children or other adults in the home.",
                "review_date": "2025-03-01"}


@pytest.mark.parametrize("missing", ["accepted_risk_statement", "others_at_risk_assessment",
                                     "review_date"])
def test_respected_refusal_requirements(missing: str) -> None:
    payload = {k: v for k, v in RESPECTED_OK.items() if k != missing}
    problems = check("consent_decision", payload)
    assert fields_of(problems) == [missing]
    assert_plain(problems)
    assert check("consent_decision", RESPECTED_OK) == []


def test_withdrawn_is_a_refusal_too() -> None:
    payload = {**CONSENT, "status": "WITHDRAWN", "override": False}
    assert set(fields_of(check("consent_decision", payload))) == {
        "accepted_risk_statement", "others_at_risk_assessment", "review_date"}


def test_given_consent_needs_none_of_that() -> None:
    assert check("consent_decision", {**CONSENT, "status": "GIVEN"}) == []


def test_not_sought_needs_reasons() -> None:
    payload = {**CONSENT, "status": "NOT_SOUGHT", "not_sought_reason": "WOULD_INCREASE_RISK"}
    assert fields_of(check("consent_decision", payload)) == ["not_sought_detail"]


def test_consent_capacity_link() -> None:
    lacks = Rec("ca1", "capacity_assessment", {"conclusion": "LACKS_CAPACITY"})
    payload = {**CONSENT, "status": "GIVEN", "capacity_for_this_decision": "ASSESSED_HAS",
               "capacity_link": "ca1"}
    assert fields_of(check("consent_decision", payload, FakeCtx([lacks]))) == [
        "capacity_for_this_decision"]
    payload["capacity_for_this_decision"] = "ASSESSED_LACKS"
    payload["decided_by"] = "LPA"
    assert check("consent_decision", payload, FakeCtx([lacks])) == []
    payload["decided_by"] = "ADULT"
    assert fields_of(check("consent_decision", payload, FakeCtx([lacks]))) == ["decided_by"]
    missing_link = {**payload, "decided_by": "LPA", "capacity_link": "nope"}
    assert fields_of(check("consent_decision", missing_link, FakeCtx([lacks]))) == [
        "capacity_link"]


# --- Rule 5: capacity -------------------------------------------------------------------------

LACKS_OK = {"case_id": "c1", "assessed_at": "2025-02-01T14:00:00+00:00",
            "decision_in_question": "Whether to let her grandson manage her bank account",
            "decision_category": "FINANCES", "trigger": "Diagnosed dementia; confused at visit.",
            "assessor": "J. Social Worker", "support_given": "Visited twice, morning, large print.",
            "understand_result": "UNABLE",
            "understand_evidence": "She could not say what the account was for.",
            "retain_result": "ABLE", "impairment": True,
            "impairment_description": "Alzheimer's disease (GP letter, 2024).",
            "causative_nexus": "Her inability is due to memory loss, not pressure or fear.",
            "conclusion": "LACKS_CAPACITY"}


def test_lacks_capacity_passes_when_complete() -> None:
    assert check("capacity_assessment", LACKS_OK) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"understand_result": "ABLE"}, "conclusion"),
        ({"understand_evidence": None}, "understand_evidence"),
        ({"impairment": False}, "impairment"),
        ({"impairment_description": ""}, "impairment_description"),
        ({"causative_nexus": ""}, "causative_nexus"),
        ({"support_given": ""}, "support_given"),
    ],
)
def test_lacks_capacity_requirements(change: dict[str, Any], field: str) -> None:
    payload = {k: v for k, v in {**LACKS_OK, **change}.items() if v is not None}
    problems = check("capacity_assessment", payload)
    assert fields_of(problems) == [field]
    assert_plain(problems)


def test_has_capacity_needs_no_impairment() -> None:
    payload = {k: v for k, v in LACKS_OK.items()
               if k not in ("impairment", "impairment_description", "causative_nexus")}
    payload["conclusion"] = "HAS_CAPACITY"
    payload["understand_result"] = "ABLE"
    assert check("capacity_assessment", payload) == []


# --- Rule 6: best interests ---------------------------------------------------------------

BI_OK = {"case_id": "c1", "capacity_assessment_id": "ca1",
         "decided_at": "2025-02-05T10:00:00+00:00", "decision_maker": "J. Social Worker",
         "lpa_deputy_checked": True, "lpa_deputy_result": "NONE_FOUND",
         "decision": "Apply to the Court of Protection for a deputy.",
         "least_restrictive_rationale": "A deputy for finances only; she keeps her home.",
         "consultees": [{"name": "Ann", "views": "Agrees."}]}


def test_best_interests_passes_with_lacks_assessment() -> None:
    ctx = FakeCtx([Rec("ca1", "capacity_assessment", LACKS_OK)])
    assert check("best_interests_decision", BI_OK, ctx) == []


@pytest.mark.parametrize("conclusion", ["HAS_CAPACITY", "UNABLE_TO_CONCLUDE"])
def test_best_interests_needs_lacks_capacity(conclusion: str) -> None:
    ctx = FakeCtx([Rec("ca1", "capacity_assessment", {**LACKS_OK, "conclusion": conclusion})])
    problems = check("best_interests_decision", BI_OK, ctx)
    assert fields_of(problems) == ["capacity_assessment_id"]
    assert_plain(problems)


def test_best_interests_needs_existing_assessment() -> None:
    ctx = FakeCtx([Rec("ca1", "contact_note", {})])
    assert fields_of(check("best_interests_decision", BI_OK, ctx)) == ["capacity_assessment_id"]
    assert fields_of(check("best_interests_decision", BI_OK, FakeCtx())) == [
        "capacity_assessment_id"]
    assert check("best_interests_decision", BI_OK) == []  # no ctx: cross-record check skipped


def test_best_interests_needs_lpa_check() -> None:
    payload = {**BI_OK, "lpa_deputy_checked": False}
    del payload["lpa_deputy_result"]
    problems = check("best_interests_decision", payload)
    assert fields_of(problems) == ["lpa_deputy_checked"]
    assert_plain(problems)


def test_best_interests_consultee_needs_views_or_reason() -> None:
    payload = {**BI_OK, "consultees": [{"name": "Ann"}]}
    assert fields_of(check("best_interests_decision", payload)) == ["consultees"]
    payload["consultees"] = [{"name": "Ann", "not_consulted_reason": "Could not be reached."}]
    assert check("best_interests_decision", payload) == []


# --- Risk items, risk assessments ---------------------------------------------------------

def test_risk_result_only_where_risk_identified() -> None:
    base = {k: v for k, v in RISK.items()}
    assert check("risk_item", base) == []
    no_risk = {**base, "risk_assessment_outcome": "NO_RISK_ACTION"}
    assert fields_of(check("risk_item", no_risk)) == ["risk_result"]
    assert check("risk_item", {**no_risk, "risk_result": "NOT_APPLICABLE"}) == []
    na = {**base, "risk_result": "NOT_APPLICABLE"}
    assert fields_of(check("risk_item", na)) == ["risk_result"]
    no_outcome = {k: v for k, v in base.items() if k != "risk_assessment_outcome"}
    assert fields_of(check("risk_item", no_outcome)) == ["risk_result"]


def test_source_detail_must_roll_up_to_source() -> None:
    payload = {**RISK, "source_relationship": "STRANGER"}
    problems = check("risk_item", payload)
    assert fields_of(problems) == ["source_of_risk"]
    assert "Other - Unknown to individual" in problems[0].message
    assert check("risk_item", {**payload, "source_of_risk": "OTHER_UNKNOWN"}) == []


def test_rag_override_needs_reason() -> None:
    entry = {"description": "Falls on the stairs", "likelihood": 2, "impact": 2, "rag": "RED"}
    payload = {"case_id": "c1", "assessed_at": "2025-02-01", "entries": [entry]}
    problems = check("risk_assessment", payload)
    assert fields_of(problems) == ["entries"] and "entry 1" in problems[0].message
    entry["rag_override_reason"] = "She has fallen twice this week."
    assert check("risk_assessment", payload) == []
    assert check("risk_assessment", {**payload, "entries": [
        {"description": "x", "likelihood": 2, "impact": 2, "rag": "GREEN"}]}) == []


# --- Contact notes --------------------------------------------------------------------------

NOTE = {"case_id": "c1", "note_type": "HOME_VISIT",
        "event_start": "2025-02-01T10:00:00+00:00", "event_end": "2025-02-01T11:00:00+00:00",
        "adult_present": True, "seen_alone": True,
        "adult_own_words": "I don't want him to have my card any more."}


def test_event_end_not_before_start() -> None:
    payload = {**NOTE, "event_end": "2025-02-01T09:00:00+00:00"}
    assert fields_of(check("contact_note", payload)) == ["event_end"]
    # Mixed offsets compare as instants; a missing offset compares as wall-clock time.
    assert check("contact_note", {**NOTE, "event_end": "2025-02-01T10:30:00+01:00"}) != []
    assert check("contact_note", {**NOTE, "event_end": "2025-02-01T11:30:00"}) == []


def test_note_finalise_needs_content() -> None:
    kind = KINDS["contact_note"]
    assert validate_for_finalise(kind, NOTE) == []
    empty = {k: v for k, v in NOTE.items() if k != "adult_own_words"}
    assert validate(kind, empty) == []  # saving a working note is fine
    assert fields_of(validate_for_finalise(kind, empty)) == ["facts"]
    assert validate_for_finalise(kind, {**empty, "facts": "Kitchen was clean."}) == []


def test_note_finalise_presence_and_seen_alone() -> None:
    kind = KINDS["contact_note"]
    no_presence = {k: v for k, v in NOTE.items() if k not in ("adult_present", "seen_alone")}
    assert fields_of(validate_for_finalise(kind, no_presence)) == ["adult_present"]
    not_alone = {**NOTE, "seen_alone": False}
    assert fields_of(validate_for_finalise(kind, not_alone)) == ["not_seen_alone_reason"]
    interp = {**NOTE, "interpreter_used": True}
    assert fields_of(validate_for_finalise(kind, interp)) == ["interpreter"]


# --- Plans, reviews, closure, outcomes, people ----------------------------------------------

def test_plan_rules() -> None:
    plan = {"case_id": "c1", "status": "ACTIVE", "started_at": "2025-02-10"}
    assert fields_of(check("safeguarding_plan", plan)) == ["review_date"]
    plan["review_date"] = "2025-03-10"
    assert check("safeguarding_plan", plan) == []
    plan["adult_agreement"] = "UNABLE_TO_AGREE"
    assert fields_of(check("safeguarding_plan", plan)) == ["views_represented_how"]
    ended = {"case_id": "c1", "status": "ENDED", "started_at": "2025-02-10"}
    assert fields_of(check("safeguarding_plan", ended)) == ["ended_at"]


def test_plan_action_and_review_rules() -> None:
    action = {"case_id": "c1", "plan_id": "pl1", "action": "Change bank PIN", "owner": "Ann",
              "status": "CANCELLED"}
    assert fields_of(check("plan_action", action)) == ["completion_note"]
    review = {"case_id": "c1", "plan_id": "pl1", "reviewed_at": "2025-03-10",
              "summary": "Going well.", "decision": "CONTINUE"}
    assert fields_of(check("plan_review", review)) == ["next_review_date"]
    assert fields_of(check("plan_review", {**review, "next_review_date": "2025-03-01"})) == [
        "next_review_date"]
    assert check("plan_review", {**review, "next_review_date": "2025-04-10"}) == []


def test_closure_needs_adult_view_or_reason() -> None:
    closure = {"case_id": "c1", "closed_at": "2025-04-01",
               "closure_reason": "OUTCOMES_MET_RISK_MANAGED"}
    assert fields_of(check("closure", closure)) == ["adult_view"]
    assert check("closure", {**closure, "adult_view": "I feel safer now."}) == []


def test_desired_outcome_achievement_needs_date() -> None:
    outcome = {"case_id": "c1", "statement": "I want to keep seeing my grandson",
               "expressed_by": "ADULT", "first_expressed_at": "2025-01-06", "status": "ACTIVE",
               "achievement": "FULLY"}
    assert fields_of(check("desired_outcome", outcome)) == ["achievement_assessed_at"]
    assert check("desired_outcome", {**outcome, "achievement_assessed_at": "2025-03-01"}) == []


def test_person_rules() -> None:
    person = {"family_name": "Jones", "jurisdiction": "ENG", "psr_detail": "HEARING",
              "psr_sac": "PHYSICAL", "ethnicity_code": "R", "ethnicity_sac": "ASIAN"}
    assert fields_of(check("person", person)) == ["psr_sac"]
    person["psr_sac"] = "SENSORY"
    assert check("person", person) == []
    wales = {"family_name": "Evans", "jurisdiction": "WAL"}
    assert fields_of(check("person", wales)) == ["preferred_language"]
    assert check("person", {**wales, "preferred_language": "Welsh"}) == []


def test_related_person_appropriate_individual() -> None:
    rp = {"case_id": "c1", "name": "Bob", "roles": ["APPROPRIATE_INDIVIDUAL"],
          "is_paid_or_professional": True}
    assert fields_of(check("related_person", rp)) == ["roles"]
    assert check("related_person", {**rp, "is_paid_or_professional": False}) == []


def test_case_rules() -> None:
    case = {**CASE.payload, "legal_framework": "SSWBA_S126"}
    assert fields_of(check("case", case)) == ["legal_framework"]
    assert check("case", {**case, "legal_framework": "CARE_ACT_S42"}) == []


# --- SAC: source of risk (§6.4.3) -----------------------------------------------------------

def test_staff_sources_are_never_service_providers() -> None:
    for detail in ("HEALTH", "POLICE", "ASSESSMENT_CARE_MANAGEMENT", "REGULATOR",
                   "OTHER_ORGANISATION"):
        payload = {**RISK, "source_relationship": detail, "source_of_risk": "SERVICE_PROVIDER"}
        problems = check("risk_item", payload)
        assert fields_of(problems) == ["source_of_risk"], detail
        assert "never counts" in problems[0].message
        assert_plain(problems)
        for answer in ("OTHER_KNOWN", "OTHER_UNKNOWN"):  # the worker's choice
            assert check("risk_item", {**payload, "source_of_risk": answer}) == []


def test_paid_carers_count_as_service_providers() -> None:
    for detail in ("PERSONAL_ASSISTANT", "DIRECT_PAYMENT_CARER", "SELF_FUNDED_CARER"):
        ok = {**RISK, "source_relationship": detail, "source_of_risk": "SERVICE_PROVIDER"}
        assert check("risk_item", ok) == []
        wrong = {**ok, "source_of_risk": "OTHER_KNOWN"}
        problems = check("risk_item", wrong)
        assert fields_of(problems) == ["source_of_risk"]
        assert "'Service Provider'" in problems[0].message


# --- SAC: a risk saved after its enquiry concluded (rule 1 again) ----------------------------

def _concluded_ctx(record_id: str = "r9") -> FakeCtx:
    return FakeCtx([CASE, ALL_YES, Rec("e1", "enquiry", CONCLUDED), Rec("o0", "desired_outcome",
                                                                          OUTCOME)],
                   record_id=record_id)


@pytest.mark.parametrize("blank", ["location", "source_of_risk", "risk_assessment_outcome"])
def test_a_risk_cannot_be_blanked_after_the_enquiry_concluded(blank: str) -> None:
    payload = {k: v for k, v in RISK.items() if k != blank}
    if blank == "risk_assessment_outcome":
        del payload["risk_result"]
    problems = check("risk_item", payload, _concluded_ctx())
    assert fields_of(problems) == [blank]
    assert "concluded on 20 February 2025" in problems[0].message
    assert_plain(problems)
    # While the enquiry is open the same risk can be saved incomplete.
    open_ctx = FakeCtx([CASE, Rec("e1", "enquiry", {k: v for k, v in CONCLUDED.items()
                                                    if k != "concluded_at"})])
    assert check("risk_item", payload, open_ctx) == []


def test_a_risk_added_after_conclusion_must_be_complete() -> None:
    assert check("risk_item", RISK, _concluded_ctx()) == []
    unfinished = {k: v for k, v in RISK.items() if k != "risk_result"}
    problems = check("risk_item", unfinished, _concluded_ctx())
    assert fields_of(problems) == ["risk_result"] and "removed" in problems[0].message


# --- SAC: capacity (SG3a) and MSP (SG4a) answers against the record (§4.8, §6.5) --------------

LACKS = {"case_id": "c1", "assessed_at": "2025-01-20T10:00:00+00:00",
         "decision_category": "ENQUIRY_PARTICIPATION", "conclusion": "LACKS_CAPACITY"}
HAS = {**LACKS, "conclusion": "HAS_CAPACITY"}


def test_lacked_capacity_needs_the_support_answer() -> None:
    payload = {**CONCLUDED, "sac_lacked_capacity": "LACKED"}
    ctx = ctx_with(RISK, assessments=(LACKS,))
    problems = check("enquiry", payload, ctx)
    assert fields_of(problems) == ["sac_capacity_support"]
    assert_plain(problems)
    assert check("enquiry", {**payload, "sac_capacity_support": "NO"}, ctx) == []
    assert check("enquiry", {**payload, "sac_capacity_support": "YES",
                             "support_types": ["IMCA"]}, ctx) == []
    # Not asked of an open enquiry, nor when the adult did not lack capacity.
    open_enquiry = {k: v for k, v in payload.items() if k != "concluded_at"}
    assert check("enquiry", open_enquiry, ctx) == []


def test_not_lacked_contradicts_an_assessment_that_found_lack_of_capacity() -> None:
    problems = check("enquiry", CONCLUDED, ctx_with(RISK, assessments=(HAS, LACKS)))
    assert fields_of(problems) == ["sac_lacked_capacity"]
    assert_plain(problems)
    # An assessment after the conclusion does not count.
    later = {**LACKS, "assessed_at": "2025-03-01T10:00:00+00:00"}
    assert check("enquiry", CONCLUDED, ctx_with(RISK, assessments=(later,))) == []


def test_only_assessments_of_decisions_about_the_enquiry_made_while_it_ran_count() -> None:
    """§4.8: lacking capacity to manage a tenancy says nothing about taking part in the
    enquiry; nor does an assessment made long before it started."""
    tenancy = {**LACKS, "decision_category": "TENANCY"}
    has = {**HAS, "decision_category": "ENQUIRY_PARTICIPATION"}
    assert check("enquiry", CONCLUDED, ctx_with(RISK, assessments=(tenancy, has))) == []
    lacked = {**CONCLUDED, "sac_lacked_capacity": "LACKED", "sac_capacity_support": "NO"}
    assert fields_of(check("enquiry", lacked, ctx_with(RISK, assessments=(tenancy, has)))) == [
        "sac_lacked_capacity"]
    # The enquiry started on 6 January: four weeks of information gathering before it count.
    for day, counts in (("2024-12-09", True), ("2024-12-08", False), ("2024-06-01", False)):
        found = {**LACKS, "assessed_at": f"{day}T10:00:00+00:00"}
        assert (check("enquiry", lacked, ctx_with(RISK, assessments=(found,))) == []) is counts
    consent = {**LACKS, "decision_category": "CONSENT_TO_SHARE"}
    assert check("enquiry", lacked, ctx_with(RISK, assessments=(consent,))) == []


def test_lacked_needs_an_assessment_that_found_it() -> None:
    payload = {**CONCLUDED, "sac_lacked_capacity": "LACKED", "sac_capacity_support": "NO"}
    for assessments in ((), (HAS,)):
        problems = check("enquiry", payload, ctx_with(RISK, assessments=assessments))
        assert fields_of(problems) == ["sac_lacked_capacity"]
        assert "presumed" in problems[0].message


def test_outcomes_expressed_needs_a_desired_outcome_on_the_case() -> None:
    problems = check("enquiry", CONCLUDED, ctx_with(RISK, outcomes=()))
    assert fields_of(problems) == ["msp_asked"]
    assert_plain(problems)
    after = {**OUTCOME, "first_expressed_at": "2025-03-01"}  # said after the conclusion
    assert fields_of(check("enquiry", CONCLUDED, ctx_with(RISK, outcomes=(after,)))) == [
        "msp_asked"]


@pytest.mark.parametrize("asked", ["ASKED_NONE_EXPRESSED", "NOT_ASKED", "DONT_KNOW"])
def test_recorded_outcomes_contradict_no_outcomes_expressed(asked: str) -> None:
    payload = {k: v for k, v in CONCLUDED.items() if k != "msp_outcomes_achieved"}
    problems = check("enquiry", {**payload, "msp_asked": asked}, ctx_with(RISK))
    assert fields_of(problems) == ["msp_asked"]
    assert "records 1 desired outcome," in problems[0].message
    assert_plain(problems)


def test_outcomes_achieved_must_match_the_outcomes() -> None:
    fully = {**OUTCOME, "achievement": "FULLY"}
    problems = check("enquiry", CONCLUDED, ctx_with(RISK, outcomes=(fully, fully)))
    assert fields_of(problems) == ["msp_outcomes_achieved"]
    assert "fully achieved" in problems[0].message
    assert check("enquiry", {**CONCLUDED, "msp_outcomes_achieved": "FULLY"},
                 ctx_with(RISK, outcomes=(fully, fully))) == []
    # A withdrawn outcome does not count; outcomes not yet assessed give no answer to match.
    withdrawn = {**OUTCOME, "achievement": "NOT_ACHIEVED", "status": "WITHDRAWN",
                 "change_reason": "No longer wanted."}
    assert check("enquiry", {**CONCLUDED, "msp_outcomes_achieved": "FULLY"},
                 ctx_with(RISK, outcomes=(fully, withdrawn))) == []
    unassessed = {k: v for k, v in OUTCOME.items() if k != "achievement"}
    assert check("enquiry", CONCLUDED, ctx_with(RISK, outcomes=(unassessed,))) == []


def test_wales_skips_the_sac_cross_checks() -> None:
    wales = Rec("c1", "case", {**CASE.payload, "jurisdiction": "WAL"})
    ctx = FakeCtx([wales, ALL_YES, Rec("r0", "risk_item", RISK),
                   Rec("a0", "capacity_assessment", LACKS)], record_id="e1")
    assert check("enquiry", CONCLUDED, ctx) == []


# --- Closure: the adult died ------------------------------------------------------------

PERSON = Rec("p1", "person", {"family_name": "Jones", "jurisdiction": "ENG",
                              "date_of_birth": "1940-06-01"})
DIED = {"case_id": "c1", "closed_at": "2025-03-01", "closure_reason": "ADULT_DIED",
        "adult_view_not_obtained_reason": "The adult died.", "date_of_death": "2025-02-20"}


def test_adult_died_needs_the_date_of_death() -> None:
    payload = {k: v for k, v in DIED.items() if k != "date_of_death"}
    assert fields_of(check("closure", payload)) == ["date_of_death"]
    assert check("closure", DIED, FakeCtx([CASE, PERSON])) == []
    other = {**payload, "closure_reason": "ADULT_MOVED"}
    assert check("closure", other) == []


def test_date_of_death_between_birth_and_closure() -> None:
    after = {**DIED, "date_of_death": "2025-03-02"}
    problems = check("closure", after)
    assert fields_of(problems) == ["closed_at"]
    assert_plain(problems)
    before_birth = {**DIED, "date_of_death": "1939-01-01"}
    problems = check("closure", before_birth, FakeCtx([CASE, PERSON]))
    assert fields_of(problems) == ["date_of_death"] and "birth" in problems[0].message


def test_date_of_death_agrees_with_the_adults_record() -> None:
    dead = Rec("p1", "person", {**PERSON.payload, "date_of_death": "2025-02-18"})
    problems = check("closure", DIED, FakeCtx([CASE, dead]))
    assert fields_of(problems) == ["date_of_death"] and "18 February 2025" in problems[0].message
    same = Rec("p1", "person", {**PERSON.payload, "date_of_death": "2025-02-20"})
    assert check("closure", DIED, FakeCtx([CASE, same])) == []


def test_case_support_reason_rolls_up_like_the_adults() -> None:
    case = {**CASE.payload, "psr_detail": "DUAL_IMPAIRMENT", "psr_sac": "PHYSICAL"}
    assert fields_of(check("case", case)) == ["psr_sac"]
    assert check("case", {**case, "psr_sac": "SENSORY"}) == []
