"""The closure record of a closed case: why and at which stage it closed, and who was told.

Why a case closed is chosen before its other records are written (choose_closure), so that
an adult who died is not seen after their death and a case closed because the adult declined
is one where they had capacity. A death always prompts the question of a Safeguarding Adults
Review.
"""

from __future__ import annotations

import datetime as dt

from msp_desktop.services.demo.data import STATUS_AT
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode

# Reasons for which no enquiry is made: the case closes at the decision.
NO_ENQUIRY_REASONS = frozenset({"NO_FURTHER_SAFEGUARDING_ROLE", "TRANSFERRED_OTHER_PROCESS"})
# Reasons after which the same case cannot be reopened for the same adult in this council.
FINAL_REASONS = frozenset({"ADULT_DIED", "ADULT_MOVED", "TRANSFERRED_OTHER_LA"})


def choose_closure(draw: Draw, a: Adult, ep: Episode, day: dt.date, *, reopens: bool) -> None:
    """Why the case closes (and, if the adult died, when)."""
    older = a.age >= 75
    reason = {
        "info": draw.weighted((("ADULT_DECLINED_CAPACITOUS_NO_OTHERS_AT_RISK", 50),
                               ("ADULT_MOVED", 15), ("ADULT_DIED", 15 if older else 3),
                               ("TRANSFERRED_OTHER_LA", 15), ("OTHER", 10))),
        "no_enquiry": draw.weighted((("NO_FURTHER_SAFEGUARDING_ROLE", 70),
                                     ("TRANSFERRED_OTHER_PROCESS", 30))),
        "concluded": draw.weighted((("OUTCOMES_MET_RISK_MANAGED", 70),
                                    ("NO_FURTHER_SAFEGUARDING_ROLE", 22),
                                    ("ADULT_DIED", 8 if older else 1))),
        "plan_ended": draw.weighted((("OUTCOMES_MET_RISK_MANAGED", 94),
                                     ("ADULT_DIED", 6 if older else 1))),
    }[ep.close_path or "info"]
    if reopens and reason in FINAL_REASONS:
        reason = "NO_FURTHER_SAFEGUARDING_ROLE"
    if reason == "ADULT_DECLINED_CAPACITOUS_NO_OTHERS_AT_RISK" and (
            a.lacks_capacity_likely or ep.others != ["NONE"]):
        reason = "ADULT_MOVED" if draw.chance(0.5) else "OTHER"
    ep.close_reason = reason
    if reason == "ADULT_DIED":
        ep.died_on = day - dt.timedelta(days=draw.rng.randint(2, 10))


def write_closure(draw: Draw, a: Adult, ep: Episode, day: dt.date) -> None:
    reason = ep.close_reason or "OTHER"
    died = reason == "ADULT_DIED"
    if died and ep.died_on is not None:
        # As the records service does: the death goes on the adult's record too.
        a.record["date_of_death"] = ep.died_on.isoformat()
        draw.w.edit("person", a.person_id, a.record)
    no_view = died or reason == "ADULT_MOVED" or draw.chance(0.05)
    stage = STATUS_AT[min(ep.level, 7)]
    # A death, or serious harm where others were at risk, prompts the question of a SAR.
    sar = True if died or (ep.others == ["ADULTS"] and draw.chance(0.2)) else None
    sar_outcome = None
    if sar:
        sar_outcome = draw.pick((
            "Referred to the Safeguarding Adults Board; the SAR panel found the criteria not "
            "met and asked for a single-agency learning review.",
            "Referred to the Safeguarding Adults Board; a Safeguarding Adults Review has been "
            "commissioned.",
            "Discussed with the Safeguarding Adults Board; no concern about how agencies "
            "worked together, so the SAR criteria are not met.",
        )) if died else "Considered with the safeguarding lead; the SAR criteria are not met."
    draw.w.create("closure", draw.new_id(), {
        "case_id": ep.case_id, "closed_at": day.isoformat(), "closure_stage": stage,
        "closure_reason": reason,
        "date_of_death": ep.died_on.isoformat() if ep.died_on else None,
        "closure_reason_detail": "Case merged with the large-scale enquiry at the provider."
        if reason == "OTHER" and ep.org else "The adult went to stay with family out of the "
        "area; the new council has been told." if reason == "OTHER" else None,
        "adult_view": None if no_view else draw.say(ep, draw.phrases["closure_views"]),
        "adult_view_not_obtained_reason": ("The adult died before the case closed."
                                           if died else
                                           "The adult moved away and did not reply to "
                                           "letters." if reason == "ADULT_MOVED" else
                                           "The adult did not want to talk about closing.")
        if no_view else None,
        "outcomes_evaluated_by_adult": draw.fill(ep, "{adult} said the main thing {she} "
                                                 "wanted has happened.")
        if ep.achievements and not no_view else None,
        "referrer_informed": True, "partners_informed": True if died else draw.chance(0.8),
        "alleged_source_action_recorded": True if ep.level >= 5 else None,
        "others_at_risk_addressed": True if ep.others != ["NONE"] or draw.chance(0.3)
        else None,
        "childrens_services_referral": "YES" if "CHILDREN" in ep.others else draw.weighted(
            (("NOT_APPLICABLE", 90), ("NO", 10))),
        "sar_considered": sar,
        "sar_outcome": sar_outcome,
        "other_processes_continuing": "Police investigation continues."
        if "crime" in ep.tags and draw.chance(0.2) else
        "The coroner has been informed." if died else None,
        "lessons_learned": draw.say(ep, draw.phrases["lessons"]) if draw.chance(0.3) or died
        else None,
    })
