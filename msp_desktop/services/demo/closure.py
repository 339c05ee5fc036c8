"""The closure record of a closed case: why and at which stage it closed, and who was told."""

from __future__ import annotations

import datetime as dt

from msp_desktop.services.demo.data import STATUS_AT
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Episode


def write_closure(draw: Draw, ep: Episode, day: dt.date) -> None:
    reason = {
        "info": draw.weighted((("ADULT_DECLINED_CAPACITOUS_NO_OTHERS_AT_RISK", 50),
                               ("ADULT_MOVED", 15), ("ADULT_DIED", 10),
                               ("TRANSFERRED_OTHER_LA", 15), ("OTHER", 10))),
        "no_enquiry": draw.weighted((("NO_FURTHER_SAFEGUARDING_ROLE", 70),
                                     ("TRANSFERRED_OTHER_PROCESS", 30))),
        "concluded": draw.weighted((("OUTCOMES_MET_RISK_MANAGED", 75),
                                    ("NO_FURTHER_SAFEGUARDING_ROLE", 25))),
        "plan_ended": "OUTCOMES_MET_RISK_MANAGED",
    }[ep.close_path or "info"]
    no_view = reason in ("ADULT_DIED", "ADULT_MOVED") or draw.chance(0.05)
    stage = STATUS_AT[min(ep.level, 7)]
    sar = True if draw.chance(0.05) else None
    draw.w.create("closure", draw.new_id(), {
        "case_id": ep.case_id, "closed_at": day.isoformat(), "closure_stage": stage,
        "closure_reason": reason,
        "date_of_death": (day - dt.timedelta(days=draw.rng.randint(1, 10))).isoformat()
        if reason == "ADULT_DIED" else None,
        "closure_reason_detail": "Case merged with the large-scale enquiry at the provider."
        if reason == "OTHER" else None,
        "adult_view": None if no_view else draw.say(ep, draw.phrases["closure_views"]),
        "adult_view_not_obtained_reason": ("The adult died before the case closed."
                                           if reason == "ADULT_DIED" else
                                           "The adult moved away and did not reply to "
                                           "letters." if reason == "ADULT_MOVED" else
                                           "The adult did not want to talk about closing.")
        if no_view else None,
        "outcomes_evaluated_by_adult": draw.fill(ep, "{adult} said the main thing {she} "
                                                 "wanted has happened.")
        if ep.achievements and not no_view else None,
        "referrer_informed": True, "partners_informed": draw.chance(0.8),
        "alleged_source_action_recorded": True if ep.level >= 5 else None,
        "others_at_risk_addressed": True if draw.chance(0.5) else None,
        "childrens_services_referral": draw.weighted((("NOT_APPLICABLE", 85),
                                                      ("NO", 10), ("YES", 5))),
        "sar_considered": sar,
        "sar_outcome": "Referred to the Safeguarding Adults Board; SAR criteria not met."
        if sar else None,
        "other_processes_continuing": "Police investigation continues." if draw.chance(0.1)
        else None,
        "lessons_learned": draw.pick(draw.phrases["lessons"]) if draw.chance(0.3) else None,
    })
