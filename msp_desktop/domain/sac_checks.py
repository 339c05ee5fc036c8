"""Cross-checks of an enquiry's SAC answers against the rest of its case (domain.md §4.8,
§6.5), by the same rules that check them at conclusion (rules.py): the MSP answers against
the desired outcomes recorded up to the conclusion, the capacity answer against the capacity
assessments of decisions about the enquiry made while it ran. Each returns what to check, in
plain words; the answer is counted as recorded all the same (records saved before those rules,
or merged from elsewhere, may still disagree).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import derive_msp_achieved_of, enquiry_assessments, outcomes_by


def capacity_problems(value: str | None, assessments: Iterable[Mapping[str, Any]],
                      enquiry: Mapping[str, Any]) -> list[str]:
    """Only assessments of decisions about the enquiry, made while it ran, count
    (derive.enquiry_assessments): one that found the adult lacked capacity to manage a tenancy
    says nothing about taking part in the enquiry."""
    conclusions = {a.get("conclusion") for a in enquiry_assessments(assessments, enquiry)}
    if value == "NOT_LACKED" and "LACKS_CAPACITY" in conclusions:
        return ["Recorded as not lacking capacity, but a capacity assessment of a decision "
                "about this enquiry found that the adult lacked capacity: check SG3a"]
    if value == "LACKED" and "LACKS_CAPACITY" not in conclusions:
        return ["Recorded as lacking capacity, but no capacity assessment of a decision about "
                "this enquiry (taking part, consent to share information, contact with "
                "others), made while it ran, found that the adult lacked capacity: check SG3a"]
    return []


def msp_problems(asked: str | None, achieved: str | None,
                 outcomes: Iterable[Mapping[str, Any]], until: str | None) -> list[str]:
    found = outcomes_by(outcomes, until)
    problems = []
    if asked == "ASKED_EXPRESSED" and not found:
        problems.append("Says the adult's desired outcomes were expressed, but none is "
                        "recorded in the case: check SG4a")
    elif asked and asked != "ASKED_EXPRESSED" and found:
        verb = "is" if len(found) == 1 else "are"
        problems.append(f"Says “{E.MSP_ASKED.sac_label(asked)}” about desired outcomes, but "
                        f"{len(found)} {verb} recorded in the case: check SG4a")
    derived = derive_msp_achieved_of(found)
    if asked == "ASKED_EXPRESSED" and achieved and derived and derived != achieved:
        problems.append(f"Says the outcomes were “{E.MSP_ACHIEVED.sac_label(achieved)}”, but "
                        "the desired outcomes' own achievement gives "
                        f"“{E.MSP_ACHIEVED.sac_label(derived)}”: check SG4a")
    return problems
