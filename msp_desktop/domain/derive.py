"""Derived values: risk rating, SAC roll-ups and age bands (domain.md §5.1, §6.4, §6.5).

Kept apart from kinds.py so that rules.py can use them without an import cycle; kinds.py
re-exports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from msp_desktop.domain import enums as E
from msp_desktop.domain.enums import (
    ETHNICITY_NHS,
    PSR_DETAIL,
    RISK_IDENTIFIED_OUTCOMES,
    SOURCE_DETAIL,
)

SCALE_MIN = 1
SCALE_MAX = 5
# Thresholds on score = likelihood x impact (1..25). There is no national matrix (§5.1);
# these match the common local 5x5 grid: 15+ red, 6-14 amber, 1-5 green.
RED_FROM = 15
AMBER_FROM = 6


def risk_score(likelihood: int, impact: int) -> int:
    """likelihood x impact, each on the 1-5 scale."""
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if isinstance(value, bool) or not isinstance(value, int) or not (
            SCALE_MIN <= value <= SCALE_MAX
        ):
            raise ValueError(f"{name} must be a whole number from 1 to 5, not {value!r}")
    return likelihood * impact


def rag_for(likelihood: int, impact: int) -> str:
    """RAG code for a risk: score = likelihood x impact; RED >= 15, AMBER >= 6, else GREEN.

    Raises ValueError when either value is outside 1-5.
    """
    score = risk_score(likelihood, impact)
    if score >= RED_FROM:
        return "RED"
    if score >= AMBER_FROM:
        return "AMBER"
    return "GREEN"


def derive_msp_achieved(achievements: Iterable[str | None]) -> str | None:
    """Roll per-outcome achievement up to the SAC value (§6.5).

    All FULLY -> FULLY; all NOT_ACHIEVED -> NOT_ACHIEVED; any other mix -> PARTIALLY.
    Outcomes not yet assessed (None or empty) are ignored; None when nothing is assessed.
    """
    values = {a for a in achievements if a}
    if not values:
        return None
    if values == {"FULLY"}:
        return "FULLY"
    if values == {"NOT_ACHIEVED"}:
        return "NOT_ACHIEVED"
    return "PARTIALLY"


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def age_on(dob: dt.date | str, at_date: dt.date | str) -> int:
    """Age in whole years on at_date (a birthday on 29 February falls on 1 March)."""
    born, at = _as_date(dob), _as_date(at_date)
    if born is None or at is None:
        raise ValueError("both dates are needed to work out an age")
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


def age_band(dob: dt.date | str | None, at_date: dt.date | str) -> str | None:
    """SAC age band code (§6.4.8) on at_date, e.g. 31 March of the reporting year or the date
    of death. AGE_UNKNOWN without a date of birth; None under 18 (outside the SAC)."""
    if _as_date(dob) is None:
        return "AGE_UNKNOWN"
    assert dob is not None
    age = age_on(dob, at_date)
    if age < 18:
        return None
    if age <= 64:
        return "18_64"
    if age <= 74:
        return "65_74"
    if age <= 84:
        return "75_84"
    if age <= 94:
        return "85_94"
    return "95_PLUS"


def psr_sac_for(psr_detail: str | None) -> str | None:
    """The SAC primary support reason a detailed reason rolls up to (§6.4.11)."""
    if psr_detail is None or psr_detail not in PSR_DETAIL:
        return None
    return PSR_DETAIL.get(psr_detail).sac_code


def ethnicity_sac_for(ethnicity_code: str | None) -> str | None:
    """The SAC ethnic group an NHS ethnic category rolls up to (§6.4.10)."""
    if ethnicity_code is None or ethnicity_code not in ETHNICITY_NHS:
        return None
    return ETHNICITY_NHS.get(ethnicity_code).sac_code


def source_sac_for(source_relationship: str | None) -> str | None:
    """The SAC source of risk a detailed source rolls up to (§6.4.3)."""
    if source_relationship is None or source_relationship not in SOURCE_DETAIL:
        return None
    return SOURCE_DETAIL.get(source_relationship).sac_code


def risk_result_applies(risk_assessment_outcome: str | None) -> bool:
    """A risk result is recorded only where a risk was identified (§6.4.5)."""
    return risk_assessment_outcome in RISK_IDENTIFIED_OUTCOMES


def action_is_overdue(action: Mapping[str, Any], today: dt.date) -> bool:
    """A plan action is overdue when it is still open and its due date has passed (§5.4)."""
    if action.get("status") in ("DONE", "CANCELLED"):
        return False
    try:
        due = _as_date(action.get("due_date"))
    except (TypeError, ValueError):
        return False
    return due is not None and due < today


def overdue_days(action: Mapping[str, Any], today: dt.date) -> int:
    """How many days an open plan action is past its due date (0 when it is not overdue)."""
    if not action_is_overdue(action, today):
        return 0
    due = _as_date(action.get("due_date"))
    return (today - due).days if due is not None else 0


# What a record list shows of each kind beside its title: its main coded answers.
_DETAIL_CHOICES: dict[str, tuple[tuple[str, E.Enumeration], ...]] = {
    "contact_note": (("note_type", E.NOTE_TYPE),),
    "desired_outcome": (("status", E.OUTCOME_STATUS),),
    "consent_decision": (("status", E.CONSENT_STATUS),),
    "capacity_assessment": (("conclusion", E.CAPACITY_CONCLUSION),),
    "risk_item": (("risk_assessment_outcome", E.RISK_OUTCOME),),
    "plan_review": (("decision", E.PLAN_REVIEW_DECISION),),
}  # (a kind whose title is already its coded answer is not repeated here)


@dataclass(frozen=True)
class DetailPart:
    """One thing a record list says of an item beside its title; ui/ puts it in words.

    what: "overdue" (days late), "choice" (text: the English label of a coded answer),
    "owner" (text, as written), "due" or "review" (day; text when the value is no date),
    "override" (the consent decision proceeds without agreement).
    """

    what: str
    text: str = ""
    days: int = 0
    day: dt.date | None = None


def _day_part(what: str, value: Any) -> DetailPart | None:
    try:
        day = _as_date(value)
    except (TypeError, ValueError):
        return DetailPart(what, text=str(value))
    return DetailPart(what, day=day) if day else None


def item_detail(kind: str, payload: Mapping[str, Any], today: dt.date) -> list[DetailPart]:
    """What a record is, for the lists of records: a plan action's state, owner and due
    date (after how many days overdue, when it is); another kind's main coded answers
    ([] when it has none)."""
    parts: list[DetailPart] = []
    if kind == "plan_action":
        late = overdue_days(payload, today)
        if late:  # first: in a narrow list it is what must not be cut off
            parts.append(DetailPart("overdue", days=late))
        status = payload.get("status")
        if isinstance(status, str):
            parts.append(DetailPart("choice", E.PLAN_ACTION_STATUS.label(status)))
        owner = str(payload.get("owner") or "").strip()
        if owner:
            parts.append(DetailPart("owner", owner))
        if due := _day_part("due", payload.get("due_date")):
            parts.append(due)
        return parts
    for name, choices in _DETAIL_CHOICES.get(kind, ()):
        value = payload.get(name)
        if isinstance(value, str) and value:
            parts.append(DetailPart("choice", choices.label(value)))
    if kind == "safeguarding_plan" and (review := _day_part("review",
                                                           payload.get("review_date"))):
        parts.append(review)
    if kind == "consent_decision" and payload.get("override") is True:
        parts.append(DetailPart("override"))
    entries = payload.get("entries")
    if kind == "risk_assessment" and isinstance(entries, list):
        ratings = [rag_for(e["likelihood"], e["impact"]) if not e.get("rag") else e["rag"]
                   for e in entries if isinstance(e, dict) and _rated(e)]
        worst = next((r for r in ("RED", "AMBER", "GREEN") if r in ratings), None)
        if worst:
            parts.append(DetailPart("choice", E.RAG.label(worst)))
    return parts


def _rated(entry: Mapping[str, Any]) -> bool:
    if isinstance(entry.get("rag"), str) and entry["rag"]:
        return True
    try:
        risk_score(entry.get("likelihood"), entry.get("impact"))  # type: ignore[arg-type]
    except ValueError:
        return False
    return True


def display_name(person: Mapping[str, Any]) -> str:
    """'Preferred-or-given family' name of a person record."""
    given = str(person.get("preferred_name") or person.get("given_names") or "").strip()
    family = str(person.get("family_name") or "").strip()
    return " ".join(p for p in (given, family) if p) or "Unnamed adult"


def listing(parts: Sequence[str]) -> str:
    """"a, b and c": the parts (one at least) as a sentence lists them."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# --- SAC answers of a concluded enquiry, from the rest of the record (§4.8, §6.5) -----------

def _on_or_before(value: Any, limit: str | None) -> bool:
    """True when the UK day of `value` (london_date, as enquiry_assessments reads dates) is
    not after that of `limit` (always True without a limit, or with one that is no date)."""
    last = london_date(limit)
    if last is None:
        return True
    day = london_date(value)
    return day is not None and day <= last


def outcomes_by(outcomes: Iterable[Mapping[str, Any]], until: str | None) -> list[
        Mapping[str, Any]]:
    """Desired outcomes first expressed on or before `until` (the enquiry's conclusion)."""
    return [o for o in outcomes if _on_or_before(o.get("first_expressed_at"), until)]


# The decisions relevant to an enquiry (§4.8: "participation, consent to enquiry actions and
# protective measures"): taking part in it, consent to share information (the enquiry's usual
# action), and contact with other people (the usual protective measure: keeping away from the
# person who poses the risk). An assessment of any other decision (where to live, money,
# medical treatment, a tenancy...) does not say whether the adult lacked capacity for the
# enquiry, so it does not answer SG3a.
ENQUIRY_DECISIONS = frozenset({"ENQUIRY_PARTICIPATION", "CONSENT_TO_SHARE", "CONTACT"})
# Capacity is assessed while information is gathered, before the decision to start the
# enquiry (§2.3, stage 2); there is no national timescale, and local procedures give that
# stage days to a few weeks. Assessments up to four weeks before the start count.
INFORMATION_GATHERING_DAYS = 28


def enquiry_assessments(assessments: Iterable[Mapping[str, Any]],
                        enquiry: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The capacity assessments that answer the enquiry's SG3a question (§4.8): of a decision
    in ENQUIRY_DECISIONS, made from INFORMATION_GATHERING_DAYS before the enquiry started up to
    its conclusion (up to now while it is open; from any time when the start is unknown). The
    rule at conclusion, the pre-filled answer and the SAC return all use this."""
    concluded, started = enquiry.get("concluded_at"), london_date(enquiry.get("started_at"))
    until = london_date(concluded) if isinstance(concluded, str) else None
    since = started - dt.timedelta(days=INFORMATION_GATHERING_DAYS) if started else None
    found = []
    for a in assessments:
        if a.get("decision_category") not in ENQUIRY_DECISIONS:
            continue
        day = london_date(a.get("assessed_at"))
        if day is None or (since and day < since) or (until and day > until):
            continue
        found.append(a)
    return found


LONDON = ZoneInfo("Europe/London")


def london_date(value: Any) -> dt.date | None:
    """The calendar day of a stored date or timestamp as the worker saw it in England: a
    timestamp with a UTC offset is converted to UK time first (2026-03-31T23:30:00+00:00 is
    1 April); a date, or a timestamp without an offset, is taken as written."""
    moment: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        return value
    elif isinstance(value, str) and len(value) > 10:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
    if moment is not None:
        return (moment.astimezone(LONDON) if moment.tzinfo else moment).date()
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def derive_msp_achieved_of(outcomes: Iterable[Mapping[str, Any]]) -> str | None:
    """SG4a 'achieved' from the desired outcomes still wanted (withdrawn ones do not count)."""
    return derive_msp_achieved(
        o.get("achievement") for o in outcomes if o.get("status") != "WITHDRAWN")


def derive_sac_capacity(assessments: Iterable[Mapping[str, Any]]) -> str:
    """SG3a from the case's capacity assessments (§4.8): LACKED when any found the adult lacks
    capacity; DONT_KNOW when none did but one could not conclude; otherwise NOT_LACKED, which
    is also the answer where no assessment was needed because there was no doubt."""
    conclusions = {a.get("conclusion") for a in assessments}
    if "LACKS_CAPACITY" in conclusions:
        return "LACKED"
    if "UNABLE_TO_CONCLUDE" in conclusions:
        return "DONT_KNOW"
    return "NOT_LACKED"


def suggest_enquiry_sac(
    enquiry: Mapping[str, Any],
    outcomes: Iterable[Mapping[str, Any]],
    assessments: Iterable[Mapping[str, Any]],
    related_people: Iterable[Mapping[str, Any]] = (),
) -> dict[str, str]:
    """Values for the enquiry's SAC questions that the record already answers, to pre-fill
    the form for the worker to confirm. Questions the record cannot answer are left out (no
    outcome recorded does not say whether the adult was asked; no advocate on the case does
    not say that family or friends gave no support)."""
    until = enquiry.get("concluded_at") if isinstance(enquiry.get("concluded_at"), str) else None
    found = outcomes_by(outcomes, until)
    out: dict[str, str] = {}
    if found:
        out["msp_asked"] = "ASKED_EXPRESSED"
        achieved = derive_msp_achieved_of(found)
        if achieved:
            out["msp_outcomes_achieved"] = achieved
    capacity = derive_sac_capacity(enquiry_assessments(assessments, enquiry))
    out["sac_lacked_capacity"] = capacity
    advocates = {"ADVOCATE", "IMCA"}
    if capacity == "LACKED" and any(
        advocates & set(p.get("roles") or ()) for p in related_people
    ):
        out["sac_capacity_support"] = "YES"
    return out
