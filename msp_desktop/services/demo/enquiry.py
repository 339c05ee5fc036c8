"""The enquiry and its risk items; once concluded, each risk's outcome and the enquiry's
conclusion (what the adult wanted and whether it was achieved)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msp_desktop.domain.derive import derive_msp_achieved, source_sac_for
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode


def write_enquiry(
    draw: Draw, a: Adult, ep: Episode, start: dt.date, concluded: dt.date | None
) -> None:
    theme = draw.theme(ep)
    caused = ep.theme in ("NEGLECT", "ORGANISATIONAL", "PHYSICAL") and draw.chance(0.4)
    enquiry: dict[str, Any] = {
        "case_id": ep.case_id, "concern_decision_id": ep.decision_id,
        "enquiry_type": "S42" if ep.decision == "S42_ENQUIRY" else "OTHER",
        "started_at": start.isoformat(), "enquiry_lead": ep.text["worker"],
        "caused_to_org": ep.org if caused else None,
        "caused_to_due": (start + dt.timedelta(days=28)).isoformat() if caused else None,
        "planning_method": draw.pick(("CONVERSATION", "CALLS", "PLANNING_MEETING",
                                      "STRATEGY_MEETING")),
    }
    eid = ep.enquiry_id = draw.w.create("enquiry", draw.new_id(), enquiry)
    types = [ep.abuse]
    if draw.chance(0.3):
        types.append(draw.pick(("PSYCHOLOGICAL", "FINANCIAL", "NEGLECT")))
    risks: list[tuple[str, dict[str, Any]]] = []
    for i, abuse in enumerate(dict.fromkeys(types)):
        t = draw.phrases["themes"][abuse]
        detail, relation = draw.pick(t["sources"]) if i else draw.pick(theme["sources"])
        location = draw.pick(t["locations"])
        if detail == "FAMILY_CARER" and ep.rel_is_source:
            source_name, source_id = ep.rel_name, ep.rel_id
        elif detail.startswith("PROVIDER"):
            source_name, source_id = ep.org, None
        else:
            source_name, source_id = f"{relation} (not named)", None
        police = abuse in ("PHYSICAL", "DOMESTIC", "SEXUAL", "MODERN_SLAVERY") and \
            draw.chance(0.6)
        risk: dict[str, Any] = {
            "case_id": ep.case_id, "enquiry_id": eid, "abuse_type": abuse,
            "local_subtype": draw.pick(t["subtypes"]) if draw.chance(0.5) else None,
            "location": location,
            "location_organisation": ep.org if location.startswith(("CARE_HOME",
                                                                    "HOSPITAL",
                                                                    "COMMUNITY_SERVICE"))
            else None,
            # Staff sources have no fixed roll-up; the demo's staff are known to the adult.
            "source_of_risk": source_sac_for(detail) or "OTHER_KNOWN",
            "source_relationship": detail,
            "alleged_source_name": source_name,
            "alleged_source_id": source_id,
            "description": draw.say(ep, t["risks"]),
            "incident_from": (start - dt.timedelta(days=draw.rng.randint(3, 60)))
            .isoformat(),
            "police_involved": police,
            "crime_reference": f"DEMO/{draw.rng.randint(10000, 99999)}/26" if police else
            None,
            "cqc_notified": True if detail.startswith("PROVIDER") and
            a.jurisdiction != "WAL" else None,
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
        draw.w.edit("risk_item", rid, {
            **risk, "risk_assessment_outcome": outcome, "risk_result": result,
            "incident_to": (concluded - dt.timedelta(days=draw.rng.randint(5, 30)))
            .isoformat() if draw.chance(0.4) else None,
            "dbs_referral_considered": True if risk["source_of_risk"] ==
            "SERVICE_PROVIDER" else None,
        })
    achieved = derive_msp_achieved(ep.achievements)
    if ep.outcome_ids:  # outcomes on the record: the adult was asked and expressed them
        asked, reason = "ASKED_EXPRESSED", None
        achieved = achieved or "PARTIALLY"
    else:
        asked = draw.pick(("ASKED_NONE_EXPRESSED", "NOT_ASKED", "NOT_RECORDED"))
        reason = "Outcomes conversation not documented by the previous worker." \
            if asked == "NOT_RECORDED" else None
    lacked = ep.capacity_conclusion == "LACKS_CAPACITY"
    support = bool(lacked and (ep.advocate_id or ep.supporter_id))
    draw.w.edit("enquiry", eid, {
        **enquiry,
        "concluded_at": concluded.isoformat(),
        "conclusion_summary": draw.fill(ep, draw.pick((
            "The concern was substantiated. Actions agreed with {adult} reduce the risk; "
            "a safeguarding plan continues.",
            "The enquiry found that care from {org} fell below the expected standard; the "
            "provider has an action plan.",
            "Inconclusive: accounts differ and there is no independent evidence. {adult} "
            "is satisfied with the support put in place.",
            "{adult} asked for the enquiry to stop; {she} has capacity and no one else is "
            "at risk. Advice given on how to get help.",
        ))),
        "msp_asked": asked,
        "msp_not_recorded_reason": reason,
        "msp_outcomes_achieved": achieved if asked == "ASKED_EXPRESSED" else None,
        "sac_lacked_capacity": "LACKED" if lacked else draw.weighted(
            (("NOT_LACKED", 90), ("DONT_KNOW", 7), ("NOT_RECORDED", 3))),
        "sac_capacity_support": "YES" if support else ("NO" if lacked else None),
        "support_types": (["IMCA"] if ep.advocate_id and draw.chance(0.5) else
                          ["ADVOCATE"] if ep.advocate_id else ["FRIEND"])
        if support else None,
    })
