"""Cross-checks of an enquiry's SAC answers against the rest of its case (domain.md §4.8,
§6.5), by the same rules that check them at conclusion (rules.py, which words its own
messages from the conflicts decided here): the MSP answers against
the desired outcomes recorded up to the conclusion, the capacity answer against the capacity
assessments of decisions about the enquiry made while it ran. Each returns what to check, in
plain words; the answer is counted as recorded all the same (records saved before those rules,
or merged from elsewhere, may still disagree).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import (
    derive_msp_achieved_of,
    derive_sac_capacity,
    enquiry_assessments,
    outcomes_by,
)

# The conflicts, by code: the rule at conclusion (rules.py) and the SAC return's list (below)
# each word their own message from them.
# SG3a: the answer is "not lacked" but a relevant assessment found the adult lacks capacity,
# or the answer is "lacked" and none did.
CAPACITY_FOUND_LACKING = "found_lacking"
CAPACITY_NONE_FOUND_LACKING = "none_found_lacking"
# SG4a: outcomes said to be expressed, none recorded; or said not to be, yet some are recorded.
MSP_EXPRESSED_NONE_RECORDED = "expressed_none_recorded"
MSP_NOT_EXPRESSED_SOME_RECORDED = "not_expressed_some_recorded"


def capacity_conflict(value: str | None,
                      assessments: Iterable[Mapping[str, Any]]) -> str | None:
    """The SG3a answer's conflict with the enquiry's own capacity assessments (those
    derive.enquiry_assessments keeps), or None."""
    lacked = derive_sac_capacity(assessments) == "LACKED"
    if value == "NOT_LACKED" and lacked:
        return CAPACITY_FOUND_LACKING
    if value == "LACKED" and not lacked:
        return CAPACITY_NONE_FOUND_LACKING
    return None


class MspConflicts(NamedTuple):
    asked: str | None  # an MSP_* code, or None
    achieved: str | None  # what the outcomes' own achievement gives, where the answer differs


def msp_conflicts(asked: str | None, achieved: str | None,
                  outcomes: Iterable[Mapping[str, Any]]) -> MspConflicts:
    """The SG4a answers' conflicts with the desired outcomes recorded up to the conclusion
    (derive.outcomes_by)."""
    outcomes = list(outcomes)
    asked_conflict = None
    if asked == "ASKED_EXPRESSED" and not outcomes:
        asked_conflict = MSP_EXPRESSED_NONE_RECORDED
    elif asked and asked != "ASKED_EXPRESSED" and outcomes:
        asked_conflict = MSP_NOT_EXPRESSED_SOME_RECORDED
    derived = derive_msp_achieved_of(outcomes)
    differs = asked == "ASKED_EXPRESSED" and achieved and derived and derived != achieved
    return MspConflicts(asked_conflict, derived if differs else None)


def capacity_problems(value: str | None, assessments: Iterable[Mapping[str, Any]],
                      enquiry: Mapping[str, Any]) -> list[str]:
    """Only assessments of decisions about the enquiry, made while it ran, count
    (derive.enquiry_assessments): one that found the adult lacked capacity to manage a tenancy
    says nothing about taking part in the enquiry."""
    conflict = capacity_conflict(value, enquiry_assessments(assessments, enquiry))
    if conflict == CAPACITY_FOUND_LACKING:
        return ["Recorded as not lacking capacity, but a capacity assessment of a decision "
                "about this enquiry found that the adult lacked capacity: check SG3a"]
    if conflict == CAPACITY_NONE_FOUND_LACKING:
        return ["Recorded as lacking capacity, but no capacity assessment of a decision about "
                "this enquiry (taking part, consent to share information, contact with "
                "others), made while it ran, found that the adult lacked capacity: check SG3a"]
    return []


def msp_problems(asked: str | None, achieved: str | None,
                 outcomes: Iterable[Mapping[str, Any]], until: str | None) -> list[str]:
    found = outcomes_by(outcomes, until)
    conflicts = msp_conflicts(asked, achieved, found)
    problems = []
    if conflicts.asked == MSP_EXPRESSED_NONE_RECORDED:
        problems.append("Says the adult's desired outcomes were expressed, but none is "
                        "recorded in the case: check SG4a")
    elif asked and conflicts.asked == MSP_NOT_EXPRESSED_SOME_RECORDED:
        verb = "is" if len(found) == 1 else "are"
        problems.append(f"Says “{E.MSP_ASKED.sac_label(asked)}” about desired outcomes, but "
                        f"{len(found)} {verb} recorded in the case: check SG4a")
    if achieved and conflicts.achieved:
        problems.append(f"Says the outcomes were “{E.MSP_ACHIEVED.sac_label(achieved)}”, but "
                        "the desired outcomes' own achievement gives "
                        f"“{E.MSP_ACHIEVED.sac_label(conflicts.achieved)}”: check SG4a")
    return problems
