"""The concern as received, and the decision on it: the three criteria and whether to enquire."""

from __future__ import annotations

import datetime as dt

from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode


def write_concern(draw: Draw, ep: Episode, day: dt.date) -> None:
    theme = draw.theme(ep)
    provider = ep.theme in ("NEGLECT", "ORGANISATIONAL")
    source = draw.pick(("HOME_CARE_PROVIDER", "CARE_HOME_PROVIDER", "HEALTH_PROFESSIONAL",
                        "FAMILY_FRIEND_NEIGHBOUR")
                       if provider else ("FAMILY_FRIEND_NEIGHBOUR", "HEALTH_PROFESSIONAL",
                                         "POLICE", "HOSPITAL", "HOUSING", "SELF",
                                         "VOLUNTARY_SECTOR", "AMBULANCE", "ANONYMOUS"))
    received = draw.at(day)
    checked = draw.chance(0.9)
    incident_from = day - dt.timedelta(days=draw.rng.randint(0, 40))
    others = draw.pick((["NONE"], ["NONE"], ["ADULTS"], ["NOT_KNOWN"], ["CHILDREN"]))
    if ep.theme == "ORGANISATIONAL":
        others = ["ADULTS"]
    draw.w.create("concern", draw.new_id(), {
        "case_id": ep.case_id, "received_at": received, "referral_source": source,
        "referrer_name": None if source in ("ANONYMOUS", "SELF") else draw.pick((
            "A. Morris", "K. Dhaliwal", "PC 4471 Jenkins", "S. Ogunleye", "Nurse R. Hale")),
        "referrer_organisation": ep.org if source.endswith("PROVIDER") else None,
        "description": draw.say(ep, theme["concern"]),
        "incident_from": incident_from.isoformat(),
        "incident_to": day.isoformat() if draw.chance(0.5) else None,
        "reasonable_cause_checked": checked,
        "reasonable_cause_checked_by": ep.text["worker"] if checked else None,
        "reasonable_cause_checked_at": received if checked else None,
        "immediate_safety_actions": draw.pick((
            "Spoke to the adult by phone the same day; no immediate danger.",
            "Provider asked to move the worker to other duties today.",
            "Police welfare check requested.", "GP asked to see the adult this week.",
        )) if draw.chance(0.5) else None,
        "others_at_risk": others,
        "referrer_feedback_given": (day + dt.timedelta(days=draw.rng.randint(1, 10)))
        .isoformat() if ep.level >= 2 and draw.chance(0.7) else None,
    })


def write_decision(draw: Draw, a: Adult, ep: Episode, day: dt.date, *, no_enquiry: bool) -> None:
    wales = a.jurisdiction == "WAL"
    if no_enquiry:
        decision = "NO_ENQUIRY"
    else:
        decision = "S42_ENQUIRY" if draw.chance(0.78) else "OTHER_ENQUIRY"
    crit = {"a": "YES", "b": "YES", "c": "YES"}
    reasons: list[str] = []
    if decision == "OTHER_ENQUIRY":
        which = draw.pick(("a", "c"))
        crit[which] = draw.pick(("NO", "UNCLEAR"))
        if crit[which] == "NO":
            reasons = ["NO_CARE_SUPPORT_NEEDS" if which == "a" else "ABLE_TO_PROTECT_SELF"]
    elif decision == "NO_ENQUIRY":
        which = draw.pick(("b", "c"))
        crit[which] = "NO"
        reasons = ["NOT_EXPERIENCING_OR_AT_RISK" if which == "b" else "ABLE_TO_PROTECT_SELF"]
    det = {"S42_ENQUIRY": "DET3_AT_RISK_ACTION_NEEDED",
           "OTHER_ENQUIRY": "DET2_NOT_AT_RISK_MAY_HAVE_CS_NEEDS",
           "NO_ENQUIRY": "NFA"}[decision]
    ep.decision = decision
    ep.decision_id = draw.w.create("concern_decision", draw.new_id(), {
        "case_id": ep.case_id,
        "crit_a_care_support_needs": crit["a"],
        "crit_a_evidence": draw.fill(ep, draw.pick((
            "{adult} has a package of home care four times a day for personal care.",
            "{adult} needs help with meals, medication and getting out; known to the "
            "community team.", "{adult} lives at {org} with 24-hour care.",
        ))) if crit["a"] == "YES" else "No current care and support needs identified; "
        "{adult} manages personal care and daily tasks independently.".format_map(ep.text),
        "crit_b_abuse_or_risk": crit["b"],
        "crit_b_evidence": draw.fill(ep, "The referral describes {abuse}; the account is "
                                     "specific and partly corroborated.")
        if crit["b"] == "YES" else "Enquiries with the referrer found the concern was a "
        "misunderstanding about a change in the care rota.",
        "crit_c_unable_to_protect": crit["c"],
        "crit_c_evidence": draw.fill(ep, draw.pick((
            "{adult} depends on the person alleged to cause harm for daily care.",
            "Memory problems mean {adult} cannot reliably recognise the risk.",
            "{adult} is frightened of {rel_name} and has not been able to stop this.",
        ))) if crit["c"] == "YES" else draw.fill(
            ep, "{adult} has taken steps to protect {her_obj}self and says {she} will call "
            "the police if it happens again."),
        "reasonable_cause_reasoning": "Reasonable cause to suspect criteria (a) and (b) on "
        "the referrer's account and the records checked.",
        "decision": decision,
        "criteria_not_met_reasons": reasons,
        "non_enquiry_responses": draw.rng.sample(
            ["ADVICE_GUIDANCE", "CARE_ACT_ASSESSMENT", "SIGNPOSTED_EXTERNAL", "REVIEW"],
            draw.rng.randint(1, 2)) if decision == "NO_ENQUIRY" else None,
        "rationale": draw.pick((
            "The three criteria are met and the adult wants help to make it stop.",
            "Risk is ongoing and the adult has asked for support; an enquiry is "
            "proportionate.",
            "Criteria not all met; proportionate response agreed with the adult.",
            "Discussed with the safeguarding lead; decision reflects the adult's wishes.",
        )),
        "decision_maker": draw.pick(draw.names["managers"]),
        "decided_at": draw.at(day),
        "wales_determination": det if wales else None,
    })
