"""Cross-checks of an enquiry's SAC answers against the rest of its case (domain.md §4.8,
§6.5): the MSP answers against the desired outcomes, the capacity answer against the capacity
assessments about the enquiry. Each returns what to check, in plain words; the answer is
counted as recorded all the same (the worker confirmed it at conclusion).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import derive_msp_achieved

# Capacity decisions that bear on the enquiry itself (domain.md §4.8).
ENQUIRY_DECISIONS = frozenset({"ENQUIRY_PARTICIPATION", "CONSENT_TO_SHARE"})


def _by(day: dt.date | None, concluded: dt.date | None) -> bool:
    """Known by the conclusion (an undated record is taken to be)."""
    return day is None or concluded is None or day <= concluded


def capacity_problems(
    value: str | None, assessments: Iterable[tuple[Mapping[str, Any], dt.date | None]],
    concluded: dt.date | None,
) -> list[str]:
    """assessments: (payload, assessed on) of the case's capacity assessments."""
    found = {a.get("conclusion") for a, on in assessments
             if a.get("decision_category") in ENQUIRY_DECISIONS and _by(on, concluded)}
    if value == "NOT_LACKED" and "LACKS_CAPACITY" in found:
        return ["Recorded as not lacking capacity, but a capacity assessment about taking "
                "part in the enquiry or sharing information found that the adult lacked "
                "capacity: check SG3a"]
    if value == "LACKED" and found and "LACKS_CAPACITY" not in found:
        return ["Recorded as lacking capacity, but no capacity assessment about taking part "
                "in the enquiry or sharing information found that the adult lacked capacity: "
                "check SG3a"]
    return []


def msp_problems(
    asked: str | None, achieved: str | None,
    outcomes: Iterable[tuple[Mapping[str, Any], dt.date | None]], concluded: dt.date | None,
) -> list[str]:
    """outcomes: (payload, first expressed on) of the case's desired outcomes."""
    known = [o for o, said in outcomes if _by(said, concluded)]
    problems = []
    if asked == "ASKED_EXPRESSED" and not known:
        problems.append("Says the adult's desired outcomes were expressed, but none is "
                        "recorded in the case: check SG4a")
    elif asked in ("ASKED_NONE_EXPRESSED", "NOT_ASKED") and known:
        verb = "is" if len(known) == 1 else "are"
        problems.append(f"Says “{E.MSP_ASKED.sac_label(asked)}” about desired outcomes, but "
                        f"{len(known)} {verb} recorded in the case: check SG4a")
    if asked == "ASKED_EXPRESSED" and achieved:
        derived = derive_msp_achieved(o.get("achievement") for o in known)
        if derived is not None and derived != achieved:
            problems.append(f"Says the outcomes were “{E.MSP_ACHIEVED.sac_label(achieved)}”, "
                            "but the desired outcomes' own achievement gives "
                            f"“{E.MSP_ACHIEVED.sac_label(derived)}”: check SG4a")
    return problems
