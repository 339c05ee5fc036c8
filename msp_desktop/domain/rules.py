"""Business rules of domain.md §9.4, and the smaller consistency checks around them.

Each rule takes a payload (already type-checked by fields.validate) and an optional
RuleContext, and returns Problems that name a field and say, in plain words, what to do.
Rules that look at other records do nothing when ctx is None, so a form can check a record
on its own. Rule 7 (finalised notes are immutable) is enforced by the store, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import (
    enquiry_assessments,
    ethnicity_sac_for,
    listing,
    outcomes_by,
    psr_sac_for,
    rag_for,
    source_sac_for,
)
from msp_desktop.domain.fields import (
    Problem,
    RecordView,
    RuleContext,
    current_record_id,
    is_empty,
)
from msp_desktop.domain.sac_checks import (
    CAPACITY_FOUND_LACKING,
    CAPACITY_NONE_FOUND_LACKING,
    MSP_EXPRESSED_NONE_RECORDED,
    MSP_NOT_EXPRESSED_SOME_RECORDED,
    capacity_conflict,
    msp_conflicts,
)

Payload = Mapping[str, Any]

CRITERIA = ("crit_a_care_support_needs", "crit_b_abuse_or_risk", "crit_c_unable_to_protect")
_CRITERION_LETTER = dict(zip(CRITERIA, "abc", strict=True))
# Which criterion each "not met" reason speaks about.
_REASON_CRITERION = {
    "NO_CARE_SUPPORT_NEEDS": "crit_a_care_support_needs",
    "NOT_EXPERIENCING_OR_AT_RISK": "crit_b_abuse_or_risk",
    "ABLE_TO_PROTECT_SELF": "crit_c_unable_to_protect",
}
FUNCTIONAL_ITEMS = ("understand", "retain", "use_weigh", "communicate")
_FUNCTIONAL_LABEL = {
    "understand": "understand",
    "retain": "retain",
    "use_weigh": "use or weigh",
    "communicate": "communicate",
}


# --- small helpers ------------------------------------------------------------------------

def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _missing(payload: Payload, name: str) -> bool:
    return is_empty(payload.get(name))


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _dt_before(later: Any, earlier: Any) -> bool:
    """True when `later` is strictly before `earlier` (date-times, or dates as a fallback)."""
    a, b = _datetime(later), _datetime(earlier)
    if a is not None and b is not None:
        if (a.tzinfo is None) != (b.tzinfo is None):
            # One side has no offset: compare wall-clock times rather than refuse.
            a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
        return a < b
    da, db = _date(later), _date(earlier)
    return da is not None and db is not None and da < db


def _order(payload: Payload, first: str, second: str, message: str) -> list[Problem]:
    if _dt_before(payload.get(second), payload.get(first)):
        return [Problem(second, message)]
    return []


def _case_records(ctx: RuleContext | None, kind: str, payload: Payload) -> Sequence[RecordView]:
    case_id = payload.get("case_id")
    if ctx is None or not isinstance(case_id, str) or not case_id:
        return ()
    return ctx.find(kind, case_id)


def _case_jurisdiction(ctx: RuleContext | None, payload: Payload) -> str | None:
    case_id = payload.get("case_id")
    if ctx is None or not isinstance(case_id, str):
        return None
    case = ctx.get(case_id)
    value = case.payload.get("jurisdiction") if case is not None else None
    return value if isinstance(value, str) else None


# --- person, related person, case ---------------------------------------------------------

def _psr_problems(p: Payload) -> list[Problem]:
    expected = psr_sac_for(_str(p.get("psr_detail")))
    if expected and p.get("psr_sac") and p.get("psr_sac") != expected:
        return [Problem(
            "psr_sac", f"The SAC primary support reason should be "
            f"'{E.PSR_SAC.label(expected)}' to match the detailed support reason.")]
    return []


def person_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "date_of_birth", "date_of_death",
                      "The date of death is before the date of birth.")
    problems.extend(_psr_problems(p))
    eth_expected = ethnicity_sac_for(_str(p.get("ethnicity_code")))
    if eth_expected and p.get("ethnicity_sac") and p.get("ethnicity_sac") != eth_expected:
        expected = E.ETHNICITY_SAC.label(eth_expected)
        problems.append(Problem(
            "ethnicity_sac", f"The SAC ethnic group should be '{expected}' to match the "
            "NHS ethnic category."))
    if p.get("jurisdiction") == "WAL" and _missing(p, "preferred_language"):
        # §9.4 rule 8: Welsh-language preference is captured at first contact.
        problems.append(Problem(
            "preferred_language", "Record the adult's preferred language. In Wales, offer "
            "Welsh without being asked (the Active Offer)."))
    return problems


def related_person_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    roles = p.get("roles") or []
    problems: list[Problem] = []
    if "APPROPRIATE_INDIVIDUAL" in roles:
        if p.get("is_paid_or_professional") is True:
            problems.append(Problem(
                "roles", "Someone paid or professionally involved in the adult's care cannot "
                "be the appropriate individual; arrange an independent advocate instead."))
        if "ALLEGED_CAUSED_HARM" in roles:
            problems.append(Problem(
                "roles", "A person alleged to have caused harm cannot be the appropriate "
                "individual."))
    return problems


def case_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "opened_at", "closed_at", "The case closes before it was opened.")
    expected = {"ENG": "CARE_ACT_S42", "WAL": "SSWBA_S126"}.get(str(p.get("jurisdiction")))
    framework = p.get("legal_framework")
    if expected and framework and framework != expected:
        problems.append(Problem(
            "legal_framework", f"A case in {E.JURISDICTION.label(str(p['jurisdiction']))} "
            f"uses the {E.FRAMEWORK.label(expected)}."))
    problems.extend(_psr_problems(p))
    return problems


# --- concern and the decision on it -------------------------------------------------------

def concern_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "incident_from", "incident_to",
                      "The last incident date is before the first.")
    others = p.get("others_at_risk") or []
    if "NONE" in others and len(others) > 1:
        problems.append(Problem(
            "others_at_risk", "You chose 'No one else known to be at risk' together with "
            "other answers; choose one or the other."))
    return problems


def _criteria_not_yes(decision: Payload) -> list[str]:
    return [c for c in CRITERIA if decision.get(c) != "YES"]


def concern_decision_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems: list[Problem] = []
    decision = p.get("decision")
    not_yes = _criteria_not_yes(p)
    if decision == "S42_ENQUIRY" and not_yes:
        letters = ", ".join(f"({_CRITERION_LETTER[c]})" for c in not_yes)
        problems.append(Problem(
            "decision", f"A section 42 enquiry needs all three criteria answered Yes; "
            f"{letters} {'is' if len(not_yes) == 1 else 'are'} not. Choose an other "
            "safeguarding enquiry, or revisit the criteria."))
    for reason in p.get("criteria_not_met_reasons") or []:
        criterion = _REASON_CRITERION.get(reason)
        if criterion and p.get(criterion) == "YES":
            problems.append(Problem(
                "criteria_not_met_reasons", f"'{E.CRITERIA_NOT_MET.label(reason)}' "
                f"contradicts criterion ({_CRITERION_LETTER[criterion]}), which is answered "
                "Yes."))
    if decision == "NO_ENQUIRY" and _missing(p, "non_enquiry_responses"):
        problems.append(Problem(
            "non_enquiry_responses", "Say what will happen instead of an enquiry (for "
            "example advice and guidance, or a Care Act assessment)."))
    return problems


# --- enquiry and its risks (rules 1 and 2) ------------------------------------------------

def _risk_label(risk: Payload) -> str:
    code = risk.get("abuse_type")
    return E.ABUSE_TYPE.label(code).lower() if isinstance(code, str) else "unnamed risk"


def _enquiry_risks(p: Payload, ctx: RuleContext) -> list[Payload]:
    risks = _case_records(ctx, "risk_item", p)
    me = current_record_id(ctx)
    if me is None:
        # The context cannot say which enquiry this is: count every risk in the case.
        return [r.payload for r in risks]
    return [r.payload for r in risks if r.payload.get("enquiry_id") == me]


def _risk_problems(risks: list[Payload]) -> list[Problem]:
    if not risks:
        return [Problem(
            "concluded_at", "Before concluding the enquiry, record at least one risk "
            "(allegation) with its type, location, source and outcome.")]
    problems: list[Problem] = []
    for risk in risks:
        gaps = [label for _name, label in _risk_gaps(risk)]
        if gaps:
            problems.append(Problem(
                "concluded_at", f"The {_risk_label(risk)} risk needs its "
                f"{listing(gaps)} before the enquiry can be concluded."))
        elif _result_unsaid(risk):
            problems.append(Problem(
                "concluded_at", f"The {_risk_label(risk)} risk was identified: say whether it "
                "remained, was reduced or was removed."))
    return problems


# What each risk needs before its enquiry is concluded (rule 1): field, as messages name it.
_RISK_NEEDS = (("abuse_type", "type"), ("location", "location"),
               ("source_of_risk", "source of risk"), ("risk_assessment_outcome", "outcome"))


def _risk_gaps(risk: Payload) -> list[tuple[str, str]]:
    """The _RISK_NEEDS the risk has not recorded."""
    return [(name, label) for name, label in _RISK_NEEDS if _missing(risk, name)]


def _result_unsaid(risk: Payload) -> bool:
    """The risk was identified, but not whether it remained, was reduced or was removed."""
    return (risk.get("risk_assessment_outcome") in E.RISK_IDENTIFIED_OUTCOMES
            and risk.get("risk_result") in (None, "", "NOT_APPLICABLE"))


def _concern_decision_for(p: Payload, ctx: RuleContext) -> Payload | None:
    linked = p.get("concern_decision_id")
    if isinstance(linked, str) and linked:
        record = ctx.get(linked)
        return record.payload if record is not None else None
    decisions = [r.payload for r in _case_records(ctx, "concern_decision", p)]
    if not decisions:
        return None
    # The latest decision on the case is the one that stands.
    return max(decisions, key=lambda d: str(d.get("decided_at") or ""))


def enquiry_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "started_at", "concluded_at",
                      "The enquiry is concluded before it started.")
    asked = p.get("msp_asked")
    if not _missing(p, "msp_outcomes_achieved") and asked != "ASKED_EXPRESSED":
        problems.append(Problem(
            "msp_outcomes_achieved", "Whether outcomes were achieved can only be recorded when "
            "the adult (or their representative) was asked and expressed outcomes."))

    # Rule 2: a section 42 enquiry needs all three criteria met on the concern decision.
    if p.get("enquiry_type") == "S42" and ctx is not None:
        decision = _concern_decision_for(p, ctx)
        if decision is None:
            problems.append(Problem(
                "enquiry_type", "Record the decision on the concern, with the three section 42 "
                "criteria, before starting a section 42 enquiry."))
        elif _criteria_not_yes(decision):
            problems.append(Problem(
                "enquiry_type", "A section 42 enquiry needs all three criteria answered Yes in "
                "the decision on the concern. Make it an other safeguarding enquiry, or "
                "revisit the criteria."))

    # Rule 1: what must be in place before an enquiry can be concluded.
    if not _missing(p, "concluded_at"):
        if _case_jurisdiction(ctx, p) != "WAL":  # the SAC is England-only (§8.2)
            if _missing(p, "msp_asked"):
                problems.append(Problem(
                    "msp_asked", "Before concluding, record whether the adult (or their "
                    "representative) was asked about the outcomes they wanted."))
            elif asked == "NOT_RECORDED" and _missing(p, "msp_not_recorded_reason"):
                problems.append(Problem(
                    "msp_not_recorded_reason", "Say why it was not recorded whether the adult "
                    "was asked about their desired outcomes."))
            if asked == "ASKED_EXPRESSED" and _missing(p, "msp_outcomes_achieved"):
                problems.append(Problem(
                    "msp_outcomes_achieved", "Before concluding, record how far the adult's "
                    "desired outcomes were achieved."))
            if _missing(p, "sac_lacked_capacity"):
                problems.append(Problem(
                    "sac_lacked_capacity", "Before concluding, record whether the adult lacked "
                    "capacity."))
            elif p.get("sac_lacked_capacity") == "LACKED" and _missing(
                p, "sac_capacity_support"
            ):
                problems.append(Problem(
                    "sac_capacity_support", "The adult lacked capacity: before concluding, say "
                    "whether an advocate, family or friend supported them."))
            if ctx is not None:
                problems.extend(_sac_cross_checks(p, ctx))
        if ctx is not None:
            problems.extend(_risk_problems(_enquiry_risks(p, ctx)))
    return problems


def _sac_cross_checks(p: Payload, ctx: RuleContext) -> list[Problem]:
    """The enquiry's MSP and capacity answers against the desired outcomes recorded on the case
    up to the conclusion, and the capacity assessments of decisions about the enquiry made
    while it ran (derive.enquiry_assessments; §4.8, §6.5). An assessment of another decision
    neither requires nor contradicts an answer."""
    until = _str(p.get("concluded_at"))
    outcomes = outcomes_by([r.payload for r in _case_records(ctx, "desired_outcome", p)], until)
    assessments = enquiry_assessments(
        [r.payload for r in _case_records(ctx, "capacity_assessment", p)], p)
    problems: list[Problem] = []
    conflicts = msp_conflicts(p.get("msp_asked"), p.get("msp_outcomes_achieved"), outcomes)
    if conflicts.asked == MSP_EXPRESSED_NONE_RECORDED:
        problems.append(Problem(
            "msp_asked", "You recorded that outcomes were expressed, but no desired outcome "
            "is recorded on this case: record what the adult wants, in their words, or change "
            "this answer."))
    elif conflicts.asked == MSP_NOT_EXPRESSED_SOME_RECORDED:
        n = len(outcomes)
        problems.append(Problem(
            "msp_asked", f"This case records {n} desired outcome{'s' if n != 1 else ''}, so "
            f"the adult (or their representative) was asked and expressed outcomes: "
            f"choose '{E.MSP_ASKED.label('ASKED_EXPRESSED')}'."))
    if conflicts.achieved:
        problems.append(Problem(
            "msp_outcomes_achieved", f"The desired outcomes recorded on this case were "
            f"{E.MSP_ACHIEVED.label(conflicts.achieved).lower()} taken together; change this "
            "answer, or the achievement of each outcome."))
    conflict = capacity_conflict(p.get("sac_lacked_capacity"), assessments)
    if conflict == CAPACITY_FOUND_LACKING:
        problems.append(Problem(
            "sac_lacked_capacity", "A capacity assessment of a decision about this enquiry "
            "found that the adult lacks capacity: choose 'Yes, the adult lacked capacity', or "
            "review that assessment."))
    elif conflict == CAPACITY_NONE_FOUND_LACKING:
        problems.append(Problem(
            "sac_lacked_capacity", "No capacity assessment of a decision about this enquiry "
            "(taking part, consent to share information, contact with others), made while it "
            "ran, found that the adult lacks capacity; capacity is presumed until one does. "
            "Record that assessment, or change this answer."))
    return problems


def risk_item_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "incident_from", "incident_to",
                      "The last incident date is before the first.")
    outcome, result = p.get("risk_assessment_outcome"), p.get("risk_result")
    if outcome and result:
        if outcome in E.RISK_IDENTIFIED_OUTCOMES and result == "NOT_APPLICABLE":
            problems.append(Problem(
                "risk_result", "A risk was identified: say whether it remained, was reduced or "
                "was removed."))
        elif outcome not in E.RISK_IDENTIFIED_OUTCOMES and result != "NOT_APPLICABLE":
            problems.append(Problem(
                "risk_result", "No risk was identified, so what happened to the risk does not "
                "apply: choose 'Not applicable'."))
    elif result and result != "NOT_APPLICABLE":
        problems.append(Problem(
            "risk_result", "Record the outcome of the risk assessment before saying what "
            "happened to the risk."))
    detail, source = _str(p.get("source_relationship")), p.get("source_of_risk")
    rolls_up = source_sac_for(detail)
    if detail and rolls_up and source and rolls_up != source:
        problems.append(Problem(
            "source_of_risk", f"'{E.SOURCE_DETAIL.label(detail)}' counts as "
            f"'{E.SOURCE_SAC.sac_label(rolls_up)}' in the SAC."))
    elif detail in E.SOURCE_NEVER_PROVIDER and source == "SERVICE_PROVIDER":
        problems.append(Problem(
            "source_of_risk", f"The SAC never counts '{E.SOURCE_DETAIL.label(detail)}' as a "
            "Service Provider: choose whether the adult knew them (Other - Known to individual) or "
            "not (Other - Unknown to individual)."))
    if ctx is not None:
        problems.extend(_concluded_enquiry_problems(p, ctx))
    return problems


def _concluded_enquiry_problems(p: Payload, ctx: RuleContext) -> list[Problem]:
    """A risk saved under a concluded enquiry must still pass the conclusion checks (rule 1),
    so the SAC return cannot gain an incomplete risk after the enquiry was concluded."""
    enquiry_id = p.get("enquiry_id")
    enquiry = ctx.get(enquiry_id) if isinstance(enquiry_id, str) and enquiry_id else None
    if enquiry is None or enquiry.kind != "enquiry":
        return []
    concluded = _date(enquiry.payload.get("concluded_at"))
    if concluded is None:
        return []
    when = f"{concluded.day} {concluded:%B %Y}"
    problems = [
        Problem(name, f"The enquiry was concluded on {when}, so every risk needs its {label}.")
        for name, label in _risk_gaps(p)
        if name != "abuse_type"  # a required field: the form already asks for it
    ]
    if _result_unsaid(p):
        problems.append(Problem(
            "risk_result", f"The enquiry was concluded on {when} and this risk was "
            "identified: say whether it remained, was reduced or was removed."))
    return problems


# --- contact note ---------------------------------------------------------------------------

def contact_note_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    return _order(p, "event_start", "event_end", "The contact ends before it started.")


def contact_note_finalise_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems: list[Problem] = []
    if _missing(p, "facts") and _missing(p, "adult_own_words"):
        problems.append(Problem(
            "facts", "Write what happened, or the adult's own words, before finalising the "
            "note."))
    if p.get("adult_present") is None:
        problems.append(Problem("adult_present", "Record whether the adult was there."))
    elif p.get("adult_present") is True and p.get("seen_alone") is False and _missing(
        p, "not_seen_alone_reason"
    ):
        problems.append(Problem(
            "not_seen_alone_reason", "Say why the adult was not seen alone."))
    if p.get("interpreter_used") is True and _missing(p, "interpreter"):
        problems.append(Problem("interpreter", "Give the interpreter's name and agency."))
    return problems


# --- desired outcome ------------------------------------------------------------------------

def desired_outcome_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "first_expressed_at", "achievement_assessed_at",
                      "Achievement is agreed before the outcome was first expressed.")
    if not _missing(p, "achievement") and _missing(p, "achievement_assessed_at"):
        problems.append(Problem(
            "achievement_assessed_at", "Give the date achievement was agreed with the adult."))
    return problems


# --- consent (rules 3 and 4) ---------------------------------------------------------------

def consent_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems: list[Problem] = []
    status = p.get("status")
    declined = status in E.DECLINED_STATUSES
    if declined and p.get("override") is True:
        # Rule 3: proceeding or sharing without the adult's agreement.
        grounds = p.get("override_grounds") or []
        if not grounds:
            problems.append(Problem(
                "override_grounds", "Choose at least one ground for proceeding without the "
                "adult's agreement."))
        if "PUBLIC_INTEREST_OTHER" in grounds and _missing(p, "override_facts"):
            problems.append(Problem(
                "override_facts", "Describe the public interest that outweighs "
                "confidentiality."))
        if _missing(p, "proportionality_rationale"):
            problems.append(Problem(
                "proportionality_rationale", "Explain why less intrusive options would not "
                "do (proportionality)."))
        if _missing(p, "decision_maker"):
            problems.append(Problem(
                "decision_maker", "Name who decided to proceed without the adult's agreement."))
        informed = p.get("adult_informed")
        if informed is None:
            problems.append(Problem(
                "adult_informed", "Record whether the adult was told that you are proceeding "
                "or sharing without their agreement."))
        elif informed is False and _missing(p, "not_informed_reason"):
            problems.append(Problem(
                "not_informed_reason", "Say why the adult was not told that their information "
                "was shared, or record that they were told."))
    elif declined and p.get("override") is False:
        # Rule 4: respecting the refusal.
        if _missing(p, "accepted_risk_statement"):
            problems.append(Problem(
                "accepted_risk_statement", "Write down the level of risk the adult is "
                "accepting, as agreed with them."))
        if _missing(p, "others_at_risk_assessment"):
            problems.append(Problem(
                "others_at_risk_assessment", "Record that no one else (other adults or "
                "children) is at risk, or how that risk is being managed."))
        if _missing(p, "review_date"):
            problems.append(Problem(
                "review_date", "Set a date to review the adult's refusal."))
    if status == "NOT_SOUGHT" and _missing(p, "not_sought_detail"):
        problems.append(Problem(
            "not_sought_detail", "Record the reasons consent was not sought."))

    capacity = p.get("capacity_for_this_decision")
    if capacity == "ASSESSED_LACKS" and p.get("decided_by") == "ADULT":
        problems.append(Problem(
            "decided_by", "The adult was assessed as lacking capacity for this decision: "
            "record who decided for them (attorney or deputy), or 'Not applicable'."))
    link = p.get("capacity_link")
    if ctx is not None and capacity in ("ASSESSED_HAS", "ASSESSED_LACKS") and isinstance(
        link, str
    ):
        record = ctx.get(link)
        if record is None or record.kind != "capacity_assessment":
            problems.append(Problem(
                "capacity_link", "The linked capacity assessment could not be found."))
        else:
            expected = "LACKS_CAPACITY" if capacity == "ASSESSED_LACKS" else "HAS_CAPACITY"
            if record.payload.get("conclusion") != expected:
                problems.append(Problem(
                    "capacity_for_this_decision", "This does not match the conclusion of the "
                    "linked capacity assessment."))
    return problems


# --- capacity and best interests (rules 5 and 6) -------------------------------------------

def capacity_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    if p.get("conclusion") != "LACKS_CAPACITY":
        return []
    # Rule 5: a finding of lack of capacity must show the functional test, the impairment
    # and the causal link between them (MCA ss.2-3), after all practicable help (s.1(3)).
    problems: list[Problem] = []
    unable = [i for i in FUNCTIONAL_ITEMS if p.get(f"{i}_result") == "UNABLE"]
    if not unable:
        problems.append(Problem(
            "conclusion", "To conclude that the person lacks capacity, record which part of "
            "the test they were unable to do: understand, retain, use or weigh the "
            "information, or communicate their decision."))
    for item in unable:
        if _missing(p, f"{item}_evidence"):
            problems.append(Problem(
                f"{item}_evidence", f"Give the evidence that the person was unable to "
                f"{_FUNCTIONAL_LABEL[item]} the information."
                if item != "communicate" else
                "Give the evidence that the person was unable to communicate their decision."))
    if p.get("impairment") is not True:
        problems.append(Problem(
            "impairment", "To conclude that the person lacks capacity, identify an impairment "
            "of, or disturbance in, the functioning of their mind or brain."))
    elif _missing(p, "impairment_description"):
        problems.append(Problem(
            "impairment_description", "Describe the impairment and how you know about it."))
    if _missing(p, "causative_nexus"):
        problems.append(Problem(
            "causative_nexus", "Explain why the person cannot make the decision because of "
            "the impairment, and not for another reason such as fear or pressure from others."))
    if _missing(p, "support_given"):
        problems.append(Problem(
            "support_given", "Say what practicable steps were taken to help the person make "
            "the decision themselves."))
    return problems


def best_interests_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems: list[Problem] = []
    if p.get("lpa_deputy_checked") is not True:
        problems.append(Problem(
            "lpa_deputy_checked", "First check whether an attorney or deputy has authority "
            "for this decision, or whether an advance decision applies, and record the "
            "result."))
    for i, row in enumerate(p.get("consultees") or [], 1):
        if isinstance(row, Mapping) and _missing(row, "views") and _missing(
            row, "not_consulted_reason"
        ):
            problems.append(Problem(
                "consultees", f"People consulted, entry {i}: record their views, or why they "
                "were not consulted."))
    link = p.get("capacity_assessment_id")
    if ctx is not None and isinstance(link, str) and link:
        # Rule 6: a best-interests decision follows a finding that the person lacks capacity.
        record = ctx.get(link)
        if record is None or record.kind != "capacity_assessment":
            problems.append(Problem(
                "capacity_assessment_id", "The linked capacity assessment could not be found."))
        elif record.payload.get("conclusion") != "LACKS_CAPACITY":
            problems.append(Problem(
                "capacity_assessment_id", "A best-interests decision needs a capacity "
                "assessment that found the person lacks capacity for this decision."))
    return problems


# --- risk assessment and the plan -----------------------------------------------------------

def risk_assessment_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems: list[Problem] = []
    for i, row in enumerate(p.get("entries") or [], 1):
        if not isinstance(row, Mapping):
            continue
        likelihood, impact, rag = row.get("likelihood"), row.get("impact"), row.get("rag")
        if not (isinstance(likelihood, int) and isinstance(impact, int) and rag):
            continue
        if rag != rag_for(likelihood, impact) and _missing(row, "rag_override_reason"):
            problems.append(Problem(
                "entries", f"Risks, entry {i}: the rating differs from the score "
                f"({E.RAG.label(rag_for(likelihood, impact))}); say why."))
    return problems


def plan_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "started_at", "ended_at", "The plan ends before it started.")
    status = p.get("status")
    if status == "ACTIVE" and _missing(p, "review_date"):
        problems.append(Problem("review_date", "A plan in place needs a date for its review."))
    if status == "ENDED" and _missing(p, "ended_at"):
        problems.append(Problem("ended_at", "Give the date the plan ended."))
    if p.get("adult_agreement") == "UNABLE_TO_AGREE" and _missing(p, "views_represented_how"):
        problems.append(Problem(
            "views_represented_how", "The adult could not agree the plan: say how their views "
            "were represented."))
    return problems


def plan_action_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    if p.get("status") == "CANCELLED" and _missing(p, "completion_note"):
        return [Problem("completion_note", "Say why the action was cancelled.")]
    return []


def plan_review_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems = _order(p, "reviewed_at", "next_review_date",
                      "The next review is before this review.")
    if p.get("decision") in ("CONTINUE", "AMEND") and _missing(p, "next_review_date"):
        problems.append(Problem(
            "next_review_date", "The plan continues: set the date of the next review."))
    return problems


def closure_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    problems: list[Problem] = []
    if _missing(p, "adult_view") and _missing(p, "adult_view_not_obtained_reason"):
        problems.append(Problem(
            "adult_view", "Record the adult's view of closing the case, in their words, or say "
            "why it could not be obtained."))
    if p.get("closure_reason") == "ADULT_DIED" and not _missing(p, "date_of_death"):
        problems.extend(_death_problems(p, ctx))
    return problems


def chronology_mark_rules(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    """A mark points at a dated record of its own case (or the case itself), never at a mark."""
    target_id, case_id = p.get("target_id"), p.get("case_id")
    if ctx is None or not isinstance(target_id, str) or not isinstance(case_id, str):
        return []
    target = ctx.get(target_id)
    if target is None or ctx.get(case_id) is None:
        return []  # the reference check names the field that points nowhere
    in_case = target_id == case_id or target.payload.get("case_id") == case_id
    if target.kind == "chronology_mark" or not in_case:
        return [Problem("target_id", "Only an event in this case's chronology can be marked.")]
    return []


def closure_person(p: Payload, ctx: RuleContext | None) -> RecordView | None:
    """The adult of the case a closure belongs to, when the context can find them."""
    case_id = p.get("case_id")
    if ctx is None or not isinstance(case_id, str):
        return None
    case = ctx.get(case_id)
    person_id = case.payload.get("person_id") if case is not None else None
    return ctx.get(person_id) if isinstance(person_id, str) else None


def _death_problems(p: Payload, ctx: RuleContext | None) -> list[Problem]:
    died = _date(p.get("date_of_death"))
    if died is None:
        return []
    problems = _order(p, "date_of_death", "closed_at",
                      "The case closes before the date of death; check both dates.")
    person = closure_person(p, ctx)
    if person is not None:
        born = _date(person.payload.get("date_of_birth"))
        recorded = _date(person.payload.get("date_of_death"))
        if born is not None and died < born:
            problems.append(Problem(
                "date_of_death", "The date of death is before the adult's date of birth."))
        if recorded is not None and recorded != died:
            problems.append(Problem(
                "date_of_death", f"The adult's record gives the date of death as "
                f"{recorded.day} {recorded:%B %Y}; correct one of them so they agree."))
    return problems
