"""The enquiry and its risk items; once concluded, each risk's outcome and the enquiry's
conclusion (what the adult wanted and whether it was achieved)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msp_desktop.domain.derive import ENQUIRY_DECISIONS, derive_msp_achieved, source_sac_for
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode
from msp_desktop.services.demo.scenario import ALSO, HOSPITALS, PAID_BY_ADULT


def write_enquiry(
    draw: Draw, a: Adult, ep: Episode, start: dt.date, concluded: dt.date | None
) -> None:
    wales = a.jurisdiction == "WAL"
    provider = ep.source_detail.startswith("PROVIDER")
    caused = provider and draw.chance(0.5)
    enquiry: dict[str, Any] = {
        "case_id": ep.case_id, "concern_decision_id": ep.decision_id,
        "enquiry_type": "S42" if ep.decision == "S42_ENQUIRY" else "OTHER",
        "started_at": start.isoformat(), "enquiry_lead": ep.text["worker"],
        "caused_to_org": ep.org if caused else None,
        "caused_to_due": (start + dt.timedelta(days=5 if wales else 28)).isoformat()
        if caused else None,
        "planning_method": draw.pick(("CONVERSATION", "CALLS", "PLANNING_MEETING",
                                      "STRATEGY_MEETING")),
    }
    eid = ep.enquiry_id = draw.w.create("enquiry", draw.new_id(), enquiry)
    # The same person may cause more than one kind of harm: a second type, same source.
    types = [ep.abuse]
    if ep.abuse in ALSO and draw.chance(0.3):
        types.append(draw.pick(ALSO[ep.abuse]))
    if ep.rel_is_source:
        source_name, source_id = ep.rel_name, ep.rel_id
    elif provider:
        source_name, source_id = f"A {ep.source_relation} from {ep.org}" if \
            ep.source_relation == "care worker" else ep.org, None
    elif ep.source_detail == "HEALTH":
        source_name, source_id = ep.place, None
    elif ep.source_detail in PAID_BY_ADULT:
        source_name, source_id = f"{draw.pick(PA_NAMES)} ({ep.source_relation})", None
    elif ep.source_detail == "SELF":
        source_name, source_id = ep.text["adult"] + " (self-neglect)", None
    else:
        source_name, source_id = f"{ep.source_relation} (not named)", None
    # Staff sources have no fixed SAC roll-up (never Service Provider): community nurses are
    # known to the adult; staff on a ward during a short stay, or a police officer, may not be.
    sac_source = source_sac_for(ep.source_detail) or (
        "OTHER_UNKNOWN" if ep.source_detail == "POLICE" or (
            ep.location in HOSPITALS and draw.chance(0.4)) else "OTHER_KNOWN")
    risks: list[tuple[str, dict[str, Any]]] = []
    for abuse in types:
        t = draw.phrases["themes"][abuse]
        police = abuse in ("PHYSICAL", "DOMESTIC", "SEXUAL", "MODERN_SLAVERY",
                           "SEXUAL_EXPLOITATION") and draw.chance(0.6)
        risk: dict[str, Any] = {
            "case_id": ep.case_id, "enquiry_id": eid, "abuse_type": abuse,
            "local_subtype": draw.pick(t["subtypes"]) if draw.chance(0.5) else None,
            "location": ep.location,
            "location_organisation": ep.place or None,
            "source_of_risk": sac_source,
            "source_relationship": ep.source_detail,
            "alleged_source_name": source_name,
            "alleged_source_id": source_id,
            "description": draw.say(ep, t["risks"]),
            "incident_from": (start - dt.timedelta(days=draw.rng.randint(3, 60)))
            .isoformat(),
            "police_involved": police,
            "crime_reference": f"DEMO/{draw.rng.randint(10000, 99999)}/26" if police else
            None,
            "cqc_notified": True if provider and not wales else None,
        }
        risks.append((draw.w.create("risk_item", draw.new_id(), risk), risk))
    ep.risk_ids = [r[0] for r in risks]
    if concluded is None:
        return
    for rid, risk in risks:
        if ep.consent_respected_refusal and draw.chance(0.5):
            outcome = "CEASED_AT_REQUEST"
        else:
            outcome = draw.weighted((("RISK_ID_ACTION", 55), ("RISK_ID_NO_ACTION", 5),
                                     ("INCONCLUSIVE_ACTION", 15),
                                     ("INCONCLUSIVE_NO_ACTION", 5),
                                     ("NO_RISK_ACTION", 10), ("NO_RISK_NO_ACTION", 10)))
        result = draw.weighted((("REDUCED", 55), ("REMOVED", 30), ("REMAINED", 15))) \
            if outcome in ("RISK_ID_ACTION", "RISK_ID_NO_ACTION") else "NOT_APPLICABLE"
        risk["risk_assessment_outcome"] = outcome
        draw.w.edit("risk_item", rid, {
            **risk, "risk_assessment_outcome": outcome, "risk_result": result,
            "incident_to": (concluded - dt.timedelta(days=draw.rng.randint(5, 30)))
            .isoformat() if draw.chance(0.4) else None,
            "dbs_referral_considered": True if risk["source_of_risk"] ==
            "SERVICE_PROVIDER" else None,
        })
    outcomes = [r[1]["risk_assessment_outcome"] for r in risks]
    achieved = derive_msp_achieved(ep.achievements)
    if ep.outcome_ids:  # outcomes on the record: the adult was asked and expressed them
        asked, reason = "ASKED_EXPRESSED", None
        achieved = achieved or "PARTIALLY"
    else:
        asked = draw.pick(("ASKED_NONE_EXPRESSED", "NOT_ASKED", "NOT_RECORDED"))
        reason = "Outcomes conversation not documented by the previous worker." \
            if asked == "NOT_RECORDED" else None
    # Only an assessment of a decision about the enquiry answers SG3a (§4.8).
    lacked = (ep.capacity_conclusion == "LACKS_CAPACITY"
              and ep.capacity_category in ENQUIRY_DECISIONS)
    support = bool(lacked and (ep.advocate_id or ep.supporter_id))
    sac: dict[str, Any] = {
        "msp_asked": asked,
        "msp_not_recorded_reason": reason,
        "msp_outcomes_achieved": achieved if asked == "ASKED_EXPRESSED" else None,
        "sac_lacked_capacity": "LACKED" if lacked else draw.weighted(
            (("NOT_LACKED", 90), ("DONT_KNOW", 7), ("NOT_RECORDED", 3))),
        "sac_capacity_support": "YES" if support else ("NO" if lacked else None),
        "support_types": (["IMCA"] if ep.advocate_id and draw.chance(0.5) else
                          ["ADVOCATE"] if ep.advocate_id else ["FRIEND"])
        if support else None,
    }
    draw.w.edit("enquiry", eid, {
        **enquiry,
        "concluded_at": concluded.isoformat(),
        "conclusion_summary": draw.fill(ep, _conclusion(draw, ep, outcomes)),
        # The SAC is England-only: a Welsh enquiry leaves its return fields empty.
        **({} if wales else sac),
    })


PA_NAMES = ("Kerry Dunn", "Lee Marsh", "Dawn Price", "Marek Nowak", "Tasha Green")


def _conclusion(draw: Draw, ep: Episode, outcomes: list[str]) -> str:
    """A summary that agrees with what the risk outcomes say."""
    if "CEASED_AT_REQUEST" in outcomes:
        return ("{adult} asked for the enquiry to stop; {she} has capacity for this decision "
                "and no one else is at risk. Advice given on how to get help.")
    if any(o.startswith("RISK_ID") for o in outcomes):
        if ep.source_detail.startswith("PROVIDER"):
            return ("The enquiry found that care from {org} fell below the expected standard; "
                    "the provider has an action plan.")
        if ep.source_detail in PAID_BY_ADULT:
            return ("The enquiry found that {adult}'s {source} caused the harm; the "
                    "arrangement has ended and a DBS referral has been made.")
        if ep.source_detail == "HEALTH":
            return ("The enquiry found that care from {place} fell below the expected "
                    "standard; the health board's investigation and action plan are "
                    "shared with the council." if "wales" in ep.tags else
                    "The enquiry found that care from {place} fell below the expected "
                    "standard; the NHS trust's investigation and action plan are shared with "
                    "the council.")
        return draw.pick(("The concern was substantiated. Actions agreed with {adult} reduce "
                          "the risk.", "The risk was confirmed; the actions agreed with "
                          "{adult} are in place and being monitored."))
    if any(o.startswith("INCONCLUSIVE") for o in outcomes):
        return ("Inconclusive: accounts differ and there is no independent evidence. {adult} "
                "is satisfied with the support put in place.")
    return ("No risk was found: the concern arose from a misunderstanding that has been "
            "explained to {adult} and the referrer.")
