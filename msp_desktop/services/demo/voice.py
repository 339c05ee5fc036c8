"""The adult's voice: the outcomes they want, a capacity assessment (and a best-interests
decision when they lack capacity), and their consent or refusal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msp_desktop.services.demo.data import GENERIC_OUTCOMES
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode


def write_outcomes(draw: Draw, ep: Episode, day: dt.date) -> None:
    if draw.chance(0.06):
        return  # not asked (the case records why)
    theme = draw.theme(ep)
    pool = list(theme["outcomes"]) + list(GENERIC_OUTCOMES)
    by_rep = ep.capacity_conclusion == "LACKS_CAPACITY" and (ep.advocate_id or
                                                             ep.supporter_id)
    assess = ep.level >= 5 or ep.status == "closed"
    for template in draw.rng.sample(pool, draw.rng.randint(1, 3)):
        statement = draw.fill(ep, template)
        status = draw.weighted((("ACTIVE", 85), ("REVISED", 10), ("WITHDRAWN", 5)))
        rep_id = ep.advocate_id or ep.supporter_id
        rep_name = ep.advocate_name or ep.supporter_name
        payload: dict[str, Any] = {
            "case_id": ep.case_id, "statement": statement,
            "expressed_by": "REPRESENTATIVE" if by_rep else "ADULT",
            "representative_name": rep_name if by_rep else None,
            "representative_id": rep_id if by_rep else None,
            "first_expressed_at": day.isoformat(), "asked_by": ep.text["worker"],
            "status": "ACTIVE",
        }
        oid = draw.w.create("desired_outcome", draw.new_id(), payload)
        ep.outcome_ids.append(oid)
        changed = day + dt.timedelta(days=draw.rng.randint(3, 20))
        if status != "ACTIVE" and changed < ep.end:
            payload = {**payload, "status": status, "change_reason": draw.pick((
                "The adult changed their mind after talking to the family.",
                "Circumstances changed: the adult moved to respite care.",
                "The adult said this no longer matters to them."))}
            if status == "REVISED":
                payload["statement"] = statement.rstrip(".") + ", but with some help."
            draw.w.edit("desired_outcome", oid, payload)
        if assess and payload["status"] != "WITHDRAWN":
            achieved = draw.weighted((("FULLY", 50), ("PARTIALLY", 35),
                                      ("NOT_ACHIEVED", 15)))
            ep.achievements.append(achieved)
            when = max(day, ep.end - dt.timedelta(days=draw.rng.randint(1, 10)))
            draw.w.edit("desired_outcome", oid, {
                **payload, "achievement": achieved, "achievement_assessed_at":
                when.isoformat(),
                "adult_view_on_achievement": draw.pick(draw.phrases["achievement_views"]),
            })


def write_capacity(draw: Draw, a: Adult, ep: Episode, day: dt.date) -> None:
    """An assessment for most adults whose capacity is in doubt; a best-interests decision
    follows when the adult lacks it."""
    if not a.lacks_capacity_likely or not draw.chance(0.75):
        return
    conclusion = draw.weighted((("LACKS_CAPACITY", 60), ("HAS_CAPACITY", 35),
                                ("UNABLE_TO_CONCLUDE", 5)))
    category = draw.pick(("ENQUIRY_PARTICIPATION", "RESIDENCE", "FINANCES", "CARE",
                          "CONTACT"))
    question = {
        "ENQUIRY_PARTICIPATION": "Whether {adult} can decide to take part in the "
        "safeguarding enquiry and agree to information being shared.",
        "RESIDENCE": "Whether {adult} can decide to stay at home or move to a care home.",
        "FINANCES": "Whether {adult} can manage {her} bank account and pension.",
        "CARE": "Whether {adult} can decide to accept four home-care visits a day.",
        "CONTACT": "Whether {adult} can decide about contact with {rel_name}.",
    }[category]
    lacks = conclusion == "LACKS_CAPACITY"
    unable = draw.rng.sample(["understand", "retain", "use_weigh"], draw.rng.randint(1, 2)) \
        if lacks else []
    evidence = {
        "understand": "After three explanations with pictures, {adult} could not say what "
        "the options were.",
        "retain": "Ten minutes later {adult} did not remember that we had talked about it: "
        "\u201cWhat bank? Nobody's mentioned the bank.\u201d",
        "use_weigh": "{adult} repeated that {rel_name} 'sorts everything' and could not "
        "weigh the risk of losing money against keeping things as they are.",
        "communicate": "{adult} communicated a choice clearly with words and gestures.",
    }
    payload: dict[str, Any] = {
        "case_id": ep.case_id, "assessed_at": draw.at(day),
        "location": "The adult's home" if draw.chance(0.7) else ep.org,
        "decision_in_question": draw.fill(ep, question), "decision_category": category,
        "how_decision_put": "Explained in short sentences with a written summary, at the "
        "time of day {adult} is most alert.".format_map(ep.text),
        "trigger": draw.pick((
            "Diagnosis of dementia and the GP's note of recent confusion.",
            "Learning disability; {adult} gave inconsistent answers about money.",
            "Recent delirium during a hospital stay.",
        )).format_map(ep.text),
        "assessor": ep.text["worker"], "assessor_role": "Social worker, SWE registered",
        "decision_maker": ep.text["worker"],
        "present": f"{ep.advocate_name or ep.supporter_name or 'No one else'}",
        "communication_support": "Interpreter" if a.interpreter_needed else None,
        "advocate_or_imca": ep.advocate_name or None,
        "relevant_information": "The options, what each would mean day to day, and what "
        "might happen if no decision is made.",
        "support_given": "Two visits at different times of day, large-print notes, "
        "a familiar person present, and time to think between visits.",
        "impairment": True if lacks or draw.chance(0.5) else None,
        "conclusion": conclusion,
        "persons_view": draw.pick(("I know my own mind.", "I don't like all these "
                                  "questions.", "Ask my daughter, she knows.")),
        "balance_of_probabilities": "On the balance of probabilities, the conclusion above "
        "is supported by the evidence recorded in each part of the test.",
        "review_date": (day + dt.timedelta(days=90)).isoformat() if not lacks else None,
    }
    for item in ("understand", "retain", "use_weigh", "communicate"):
        if item in unable:
            payload[f"{item}_result"] = "UNABLE"
            payload[f"{item}_evidence"] = draw.fill(ep, evidence[item])
        elif conclusion != "UNABLE_TO_CONCLUDE":
            payload[f"{item}_result"] = "ABLE"
    if payload["impairment"]:
        payload["impairment_description"] = draw.pick((
            "Diagnosed Alzheimer's disease (memory clinic letter, last year).",
            "Moderate learning disability, known to the learning disability team.",
            "Vascular dementia following a stroke.",
        ))
        payload["impairment_duration"] = "PERMANENT" if draw.chance(0.85) else "TEMPORARY"
    if lacks:
        payload["causative_nexus"] = draw.fill(ep, "The inability to retain and weigh the "
                                               "information is because of the dementia: "
                                               "{adult} was calm, not pressured, and had "
                                               "the information in a form that suited "
                                               "{her_obj}.")
        payload["next_steps"] = ["BEST_INTERESTS"] + (["IMCA"] if ep.advocate_id else [])
        payload["fluctuation"] = "Capacity is unlikely to return; the decision cannot wait."
    ep.capacity_id = draw.w.create("capacity_assessment", draw.new_id(), payload)
    ep.capacity_conclusion = conclusion
    ep.capacity_category = category
    if lacks:
        _write_best_interests(draw, ep, day + dt.timedelta(days=draw.rng.randint(1, 10)))


def _write_best_interests(draw: Draw, ep: Episode, day: dt.date) -> None:
    when = min(day, ep.end)
    consultees = [{"name": n, "relationship": r, "views": v,
                   "consulted_on": when.isoformat()}
                  for n, r, v in ((ep.supporter_name, "friend", "Thinks staying at home "
                                   "with more support is right."),
                                  (ep.advocate_name, "advocate", "The adult's wish to stay "
                                   "near family should carry great weight."))
                  if n]
    if ep.rel_is_source:
        consultees.append({"name": ep.rel_name, "relationship": ep.rel_role,
                           "not_consulted_reason": "Alleged to have caused harm; "
                           "consulting would not be in the adult's interests."})
    draw.w.create("best_interests_decision", draw.new_id(), {
        "case_id": ep.case_id, "capacity_assessment_id": ep.capacity_id,
        "decided_at": draw.at(when), "decision_maker": ep.text["worker"],
        "decision_maker_role": "Social worker", "lpa_deputy_checked": True,
        "lpa_deputy_result": draw.weighted((("NONE_FOUND", 80),
                                            ("HOLDER_NO_AUTHORITY", 20))),
        "lpa_deputy_details": "Office of the Public Guardian register searched.",
        "options": [
            {"option": "Stay at home with more support", "benefits": "Familiar place, "
             "near friends", "burdens_risks": "Risk continues at night",
             "restrictiveness": "Least restrictive"},
            {"option": "Move to a care home", "benefits": "24-hour support",
             "burdens_risks": "Loss of home and routine", "restrictiveness":
             "Most restrictive"},
        ],
        "participation": "Met {adult} twice at home; used photographs of both options."
        .format_map(ep.text),
        "wishes_feelings": draw.pick(("Has always said {she} wants to die at home.",
                                      "Values {her} independence and {her} garden.",
                                      "Faith is important; attends the mosque weekly.",
                                      "Close to {her} grandchildren.")).format_map(ep.text),
        "consultees": consultees,
        "imca": "INSTRUCTED" if ep.advocate_id else "NOT_REQUIRED",
        "decision": "Stay at home with an increased care package and a key safe.",
        "least_restrictive_rationale": "Keeps the adult at home, which is what they have "
        "always wanted, while reducing the risk at the times it is highest.",
        "court_of_protection_considered": True if draw.chance(0.1) else None,
        "dols_screen": "NO_DEPRIVATION",
        "review_date": (when + dt.timedelta(days=90)).isoformat(),
    })


def write_consents(draw: Draw, ep: Episode, day: dt.date) -> None:
    base: dict[str, Any] = {"case_id": ep.case_id, "decided_at": day.isoformat(),
                            "decision_maker": ep.text["worker"]}
    if ep.capacity_conclusion == "LACKS_CAPACITY" and ep.capacity_category in (
            "ENQUIRY_PARTICIPATION", "FINANCES"):
        draw.w.create("consent_decision", draw.new_id(), {
            **base, "consent_type": "S42_INVOLVEMENT", "decided_by": "NOT_APPLICABLE",
            "capacity_for_this_decision": "ASSESSED_LACKS", "capacity_link": ep.capacity_id,
            "status": "NOT_SOUGHT", "not_sought_reason": "LACKS_CAPACITY_BI",
            "not_sought_detail": "The adult lacks capacity for this decision; the enquiry "
            "goes ahead in their best interests with an advocate.",
        })
        return
    kind = draw.weighted((("GIVEN", 55), ("GIVEN_WITH_LIMITS", 8), ("RESPECTED", 15),
                          ("OVERRIDDEN", 12), ("NOT_SOUGHT", 5), ("PENDING", 5)))
    ctype = draw.pick(("S42_INVOLVEMENT", "SHARE_INFO", "SHARE_INFO", "POLICE_REFERRAL"))
    capacity: dict[str, Any] = {"capacity_for_this_decision": "PRESUMED"}
    if ep.capacity_conclusion == "HAS_CAPACITY":
        capacity = {"capacity_for_this_decision": "ASSESSED_HAS",
                    "capacity_link": ep.capacity_id}
    payload: dict[str, Any] = {
        **base, **capacity, "consent_type": ctype, "decided_by": "ADULT",
        "information_given": "Explained what would be shared, with whom and why, and what "
        "might happen if nothing is shared.",
        "coercion_considered": draw.fill(ep, "Spoke to {adult} alone; no sign that {she} "
                                         "was being pressured." if draw.chance(0.7) else
                                         "{rel_name} was close by; asked again when alone "
                                         "and the answer was the same."),
    }
    if ctype == "SHARE_INFO":
        payload["scope_recipients"] = draw.pick(("GP and district nurses", ep.org,
                                                 "The bank's vulnerable customer team",
                                                 "Police and the housing officer"))
        payload["scope_purpose"] = "To make the enquiry and keep the adult safe."
    shared = (day + dt.timedelta(days=draw.rng.randint(0, 5))).isoformat()
    if kind in ("GIVEN", "GIVEN_WITH_LIMITS"):
        payload["status"] = kind
        payload["adult_reasons"] = draw.say(ep, draw.phrases["consent_reasons_given"])
        if ctype == "SHARE_INFO":
            payload["shares"] = [{
                "recipient": payload["scope_recipients"], "purpose": "Safeguarding enquiry",
                "what_shared": "The concern and the adult's wishes", "art6_basis":
                "E_PUBLIC_TASK", "art9_condition": "G_SPI_SCH1_P18_SAFEGUARDING",
                "common_law_basis": "CONSENT", "shared_at": shared}]
    elif kind == "RESPECTED":
        ep.consent_respected_refusal = True
        payload.update({
            "status": draw.pick(("REFUSED", "WITHDRAWN")), "override": False,
            "adult_reasons": draw.say(ep, draw.phrases["consent_reasons_refused"]),
            "support_offered": "Offered an independent advocate and the domestic abuse "
            "helpline number.",
            "accepted_risk_statement": draw.say(ep, draw.phrases["accepted_risk"]),
            "others_at_risk_assessment": "No children in the household and no other adults "
            "at risk from the same person, checked with the GP and housing.",
            "reasons_not_intervening": "The adult has capacity for this decision, there is "
            "no risk to others, and no crime requires a police referral.",
            "can_change_mind_explained": True,
            "manager_agreement": draw.pick(draw.names["managers"]),
            "review_date": (day + dt.timedelta(days=draw.rng.randint(14, 42))).isoformat(),
            "consulted": ["MANAGER"],
        })
    elif kind == "OVERRIDDEN":
        informed = draw.chance(0.85)
        grounds = draw.rng.sample(["RISK_TO_OTHER_ADULTS", "RISK_TO_CHILDREN",
                                   "SERIOUS_CRIME", "STAFF_OR_SERVICE_IMPLICATED",
                                   "HIGH_RISK_LIFE_OR_LIMB", "MARAC_THRESHOLD"],
                                  draw.rng.randint(1, 2))
        payload.update({
            "status": draw.pick(("REFUSED", "WITHDRAWN")), "override": True,
            "adult_reasons": draw.say(ep, draw.phrases["consent_reasons_refused"]),
            "override_grounds": grounds,
            "override_facts": draw.say(ep, draw.phrases["override_facts"]),
            "proportionality_rationale": draw.say(ep, draw.phrases["proportionality"]),
            "adult_informed": informed,
            "adult_informed_at": shared if informed else None,
            "adult_response": draw.pick(("I understand, but I'm not happy about it.",
                                         "Do what you have to do.",
                                         "As long as he doesn't find out it was me."))
            if informed else None,
            "not_informed_reason": None if informed else "Telling the adult now would "
            "alert the alleged abuser, who reads the adult's post and messages.",
            "wishes_respected_how": "Only the minimum was shared and the adult chooses "
            "how and when the next visits happen.",
            "consulted": ["SAFEGUARDING_LEAD", "MANAGER"],
            "decision_maker": draw.pick(draw.names["managers"]),
            "shares": [{
                "recipient": "Police" if "SERIOUS_CRIME" in grounds else ep.org,
                "purpose": "Protecting others from the risk",
                "what_shared": "The allegation and the name of the person alleged",
                "art6_basis": "E_PUBLIC_TASK",
                "art9_condition": "G_SPI_SCH1_P18_SAFEGUARDING",
                "common_law_basis": "PUBLIC_INTEREST", "shared_at": shared}],
        })
    elif kind == "NOT_SOUGHT":
        payload.update({"status": "NOT_SOUGHT", "not_sought_reason":
                        "WOULD_INCREASE_RISK", "not_sought_detail":
                        "The alleged abuser monitors the adult's phone; asking now would "
                        "put the adult at risk. To be sought at a safe visit."})
    else:
        payload["status"] = "PENDING"
        payload["adult_reasons"] = "I want to think about it and talk to my daughter."
    draw.w.create("consent_decision", draw.new_id(), payload)
