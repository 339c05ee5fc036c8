"""The concern as received, and the decision on it: the three criteria and whether to enquire."""

from __future__ import annotations

import datetime as dt

from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode
from msp_desktop.services.demo.tags import text_of, usable

# Who refers, by E-REFERRAL-SOURCE: a name that fits (and, below, their organisation).
REFERRERS = {
    "HEALTH_PROFESSIONAL": ("Dr A. Morris", "Nurse R. Hale", "K. Dhaliwal, pharmacist"),
    "HOSPITAL": ("S. Ogunleye, discharge coordinator", "Nurse R. Hale"),
    "POLICE": ("PC 4471 Jenkins", "DC 2210 Price"),
    "AMBULANCE": ("Paramedic J. Walsh",),
    "FIRE": ("Watch Manager D. Rees",),
    "HOUSING": ("K. Dhaliwal, housing officer", "M. Byrne, tenancy officer"),
    "VOLUNTARY_SECTOR": ("T. Adeyemi, IDVA", "L. Price, advocate", "Day centre manager"),
    "HOME_CARE_PROVIDER": ("Care coordinator", "Registered manager"),
    "CARE_HOME_PROVIDER": ("Registered manager", "Deputy manager"),
    "REGULATOR": ("Inspector B. Lloyd",),
    "OTHER": ("Fraud team officer", "Branch manager"),
    "COUNCIL_SERVICE": ("Direct payments officer",),
    "FAMILY_FRIEND_NEIGHBOUR": ("A. Morris", "J. Okafor", "Neighbour (name given)"),
}


def write_concern(draw: Draw, ep: Episode, day: dt.date) -> None:
    theme = draw.theme(ep)
    entry = draw.pick(usable(theme["concern"], ep.tags))
    source = str(entry["by"]) if isinstance(entry, dict) else "OTHER"
    received = draw.at(day)
    checked = draw.chance(0.9)
    incident_from = day - dt.timedelta(days=draw.rng.randint(0, 40))
    org = {"HOME_CARE_PROVIDER": ep.org, "CARE_HOME_PROVIDER": ep.org,
           "HOSPITAL": ep.place if ep.location.startswith("HOSPITAL") else None,
           "REGULATOR": ep.text["regulator"], "OTHER": "The adult's bank"}.get(source)
    draw.w.create("concern", draw.new_id(), {
        "case_id": ep.case_id, "received_at": received, "referral_source": source,
        "referrer_name": None if source in ("ANONYMOUS", "SELF") else draw.pick(
            REFERRERS[source]),
        "referrer_organisation": org or None,
        "description": draw.fill(ep, text_of(entry)),
        "incident_from": incident_from.isoformat(),
        "incident_to": day.isoformat() if draw.chance(0.5) else None,
        "reasonable_cause_checked": checked,
        "reasonable_cause_checked_by": ep.text["worker"] if checked else None,
        "reasonable_cause_checked_at": received if checked else None,
        "immediate_safety_actions": draw.pick(_SAFETY[ep.source_detail]
                                              if ep.source_detail in _SAFETY else _SAFETY[""])
        if draw.chance(0.5) else None,
        "others_at_risk": ep.others,
        "referrer_feedback_given": (day + dt.timedelta(days=draw.rng.randint(1, 10)))
        .isoformat() if ep.level >= 2 and draw.chance(0.7) else None,
    })


_SAFETY = {
    "PROVIDER_PRIVATE": ("Provider asked to move the worker to other duties today.",
                         "Spoke to the adult by phone the same day; no immediate danger."),
    "FAMILY_CARER": ("Police welfare check requested.",
                     "Spoke to the adult alone by phone the same day; no immediate danger."),
    "": ("Spoke to the adult by phone the same day; no immediate danger.",
         "GP asked to see the adult this week."),
}


_NEEDS = {
    "home": "{adult} needs help with meals, medication and getting out; known to the "
            "community team.",
    "home_care": "{adult} has home care from {org} four times a day for personal care.",
    "supported": "{adult} has a tenancy at {org} with support staff every day.",
    "care_home": "{adult} lives at {org} with 24-hour care.",
    "nursing": "{adult} lives at {org} and needs nursing care day and night.",
}


def _unable_to_protect(draw: Draw, a: Adult, ep: Episode) -> str:
    options = []
    if ep.rel_is_source:
        options += ["{adult} depends on {rel_name} for daily care and has not been able to "
                    "stop this.", "{adult} is frightened of {rel_name} and has not been able "
                    "to stop this."]
    if ep.source_detail.startswith("PROVIDER"):
        options.append("{adult} depends on staff at {org} for personal care and feels unable "
                       "to complain.")
    if a.impairment == "dementia":
        options.append("Memory problems mean {adult} cannot reliably recognise the risk.")
    elif a.impairment:
        options.append("{adult}'s condition means {she} cannot reliably recognise the risk or "
                       "ask for help.")
    if ep.source_detail == "SELF":
        options.append("{adult} does not see the risk to {her} health and has refused "
                       "help so far.")
    options = options or ["{adult} has not been able to stop this on {her} own and has asked "
                          "for help."]
    return draw.fill(ep, draw.pick(options))


def write_decision(draw: Draw, a: Adult, ep: Episode, day: dt.date, *, no_enquiry: bool) -> None:
    wales = a.jurisdiction == "WAL"
    crit = {"a": "YES", "b": "YES", "c": "YES"}
    reasons: list[str] = []
    if wales:
        # Wales (SSWBA s.126): enquiries are made when the adult appears to be an adult at
        # risk; the outcome is a determination, never a section 42 enquiry.
        if no_enquiry:
            decision = "NO_ENQUIRY"
            which = draw.pick(("b", "c"))
            crit[which] = "NO"
            reasons = ["NOT_EXPERIENCING_OR_AT_RISK" if which == "b"
                       else "ABLE_TO_PROTECT_SELF"]
            det = "DET2_NOT_AT_RISK_MAY_HAVE_CS_NEEDS" if which == "c" else "NFA"
        else:
            decision = "OTHER_ENQUIRY"
            det = "DET1_IMMEDIATE_PROTECTION" if draw.chance(0.15) else \
                "DET3_AT_RISK_ACTION_NEEDED"
    elif no_enquiry:
        decision = "NO_ENQUIRY"
    else:
        decision = "S42_ENQUIRY" if draw.chance(0.78) else "OTHER_ENQUIRY"
    if not wales and decision == "OTHER_ENQUIRY":
        # Someone with paid care plainly has care and support needs: (c) is in doubt.
        which = draw.pick(("a", "c")) if a.setting == "home" else "c"
        crit[which] = draw.pick(("NO", "UNCLEAR"))
        if crit[which] == "NO":
            reasons = ["NO_CARE_SUPPORT_NEEDS" if which == "a" else "ABLE_TO_PROTECT_SELF"]
    elif not wales and decision == "NO_ENQUIRY":
        which = draw.pick(("b", "c"))
        crit[which] = "NO"
        reasons = ["NOT_EXPERIENCING_OR_AT_RISK" if which == "b" else "ABLE_TO_PROTECT_SELF"]
    if crit["a"] == "YES":
        needs = draw.fill(ep, _NEEDS[a.setting])
    else:
        needs = ("No current care and support needs identified; {adult} manages personal "
                 "care and daily tasks independently.").format_map(ep.text)
    if wales:
        reasoning = ("Reasonable cause to suspect that {adult} is an adult at risk under "
                     "section 126(1), on the referrer's account and the records checked.")
        rationale = {
            "OTHER_ENQUIRY": "{adult} appears to be an adult at risk; section 126 enquiries "
                             "to be completed within seven working days.",
            "NO_ENQUIRY": "{adult} is not an adult at risk under section 126; "
                          "proportionate response agreed with {her_obj}.",
        }[decision]
    else:
        reasoning = ("Reasonable cause to suspect criteria (a) and (b) on the referrer's "
                     "account and the records checked.")
        rationale = draw.pick({
            "S42_ENQUIRY": ("The three criteria are met and {adult} wants help to make it "
                            "stop.", "Risk is ongoing and {adult} has asked for support; a "
                            "section 42 enquiry is proportionate."),
            "OTHER_ENQUIRY": ("Criteria not all met; an other safeguarding enquiry is "
                              "proportionate and agreed with {adult}.",
                              "Discussed with the safeguarding lead: not all criteria are "
                              "met, but the risk needs looking into."),
            "NO_ENQUIRY": ("Criteria not met; a proportionate response agreed with {adult}.",
                           "Discussed with the safeguarding lead; no enquiry is needed and "
                           "{adult}'s wishes are met by the response below."),
        }[decision])
    ep.decision = decision
    ep.decision_id = draw.w.create("concern_decision", draw.new_id(), {
        "case_id": ep.case_id,
        "crit_a_care_support_needs": crit["a"],
        "crit_a_evidence": needs,
        "crit_b_abuse_or_risk": crit["b"],
        "crit_b_evidence": draw.fill(ep, "The referral describes {abuse}; the account is "
                                     "specific and partly corroborated.")
        if crit["b"] == "YES" else draw.fill(ep, "Enquiries with the referrer found the "
                                             "concern was a misunderstanding; {adult} "
                                             "confirmed nothing like this has happened."),
        "crit_c_unable_to_protect": crit["c"],
        "crit_c_evidence": _unable_to_protect(draw, a, ep) if crit["c"] == "YES"
        else draw.fill(ep, "{adult} has taken steps to protect {her_obj}self and says {she} "
                       "will call the police if it happens again."),
        "reasonable_cause_reasoning": reasoning.format_map(ep.text),
        "decision": decision,
        "criteria_not_met_reasons": reasons,
        "non_enquiry_responses": draw.rng.sample(
            ["ADVICE_GUIDANCE", "CARE_ACT_ASSESSMENT" if not wales else "CASE_MANAGEMENT",
             "SIGNPOSTED_EXTERNAL", "REVIEW"],
            draw.rng.randint(1, 2)) if decision == "NO_ENQUIRY" else None,
        "rationale": rationale.format_map(ep.text),
        "decision_maker": draw.pick(draw.names["managers"]),
        "decided_at": draw.at(day),
        "wales_determination": det if wales else None,
    })
