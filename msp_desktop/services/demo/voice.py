"""The adult's voice: the outcomes they want, a capacity assessment (and a best-interests
decision when they lack capacity), and their consent or refusal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msp_desktop.services.demo.data import GENERIC_OUTCOMES
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.mca import (
    CONSENT_FOR_CATEGORY,
    IMPAIRMENTS,
    Question,
    question,
)
from msp_desktop.services.demo.model import Adult, Episode
from msp_desktop.services.demo.scenario import IN_CARE
from msp_desktop.services.demo.tags import text_of, usable


def write_outcomes(draw: Draw, ep: Episode, day: dt.date) -> None:
    if draw.chance(0.06):
        return  # not asked (the case records why)
    theme = draw.theme(ep)
    pool = list(theme["outcomes"]) + list(GENERIC_OUTCOMES)
    by_rep = ep.capacity_conclusion == "LACKS_CAPACITY" and (ep.advocate_id or
                                                             ep.supporter_id)
    assess = ep.level >= 5 or ep.status == "closed"
    pool = usable(pool, ep.tags)
    for template in draw.rng.sample(pool, min(len(pool), draw.rng.randint(1, 3))):
        statement = draw.fill(ep, text_of(template))
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
            last = ep.died_on or ep.end  # agreed with the adult, so while they were alive
            when = max(day, last - dt.timedelta(days=draw.rng.randint(1, 10)))
            draw.w.edit("desired_outcome", oid, {
                **payload, "achievement": achieved, "achievement_assessed_at":
                when.isoformat(),
                "adult_view_on_achievement": draw.pick(draw.phrases["achievement_views"]),
            })


def _category(draw: Draw, ep: Episode) -> str:
    """The decision assessed: often the consent decision itself, otherwise one that the
    concern raises."""
    if draw.chance(0.45):
        return draw.pick(("ENQUIRY_PARTICIPATION", "CONSENT_TO_SHARE"))
    fit = {"FINANCIAL": ("FINANCES",), "NEGLECT": ("CARE", "RESIDENCE"),
           "SELF_NEGLECT": ("CARE", "RESIDENCE"), "ORGANISATIONAL": ("RESIDENCE",)}
    choices = list(fit.get(ep.abuse, ("ENQUIRY_PARTICIPATION",)))
    if ep.rel_is_source:
        choices.append("CONTACT")
    return str(draw.pick(choices))


def write_capacity(draw: Draw, a: Adult, ep: Episode, day: dt.date) -> None:
    """An assessment for most adults whose capacity is in doubt; a best-interests decision
    follows when the adult lacks it. Its wording follows the adult's impairment and the
    decision in question (mca.py)."""
    if not a.lacks_capacity_likely or a.impairment is None or not draw.chance(0.75):
        return
    conclusion = draw.weighted((("LACKS_CAPACITY", 60), ("HAS_CAPACITY", 35),
                                ("UNABLE_TO_CONCLUDE", 5)))
    category = _category(draw, ep)
    imp = IMPAIRMENTS[a.impairment]
    q = question(category, a.setting in IN_CARE)
    lacks = conclusion == "LACKS_CAPACITY"
    unable = sorted(draw.rng.sample(["understand", "retain", "use_weigh"],
                                    draw.rng.randint(1, 2)),
                    key=FUNCTIONAL.index) if lacks else []
    evidence = {
        "understand": "After three explanations with pictures, {adult} could not say "
        + q.topic + ".",
        "retain": q.retain,
        "use_weigh": q.weigh,
    }
    payload: dict[str, Any] = {
        "case_id": ep.case_id, "assessed_at": draw.at(day),
        "location": "The adult's home" if a.setting not in IN_CARE else ep.org,
        "decision_in_question": draw.fill(ep, q.question), "decision_category": category,
        "how_decision_put": "Explained in short sentences with a written summary, at the "
        "time of day {adult} is most alert.".format_map(ep.text),
        "trigger": draw.fill(ep, imp.trigger),
        "assessor": ep.text["worker"], "assessor_role": "Social worker, SWE registered"
        if a.jurisdiction == "ENG" else "Social worker, Social Care Wales registered",
        "decision_maker": ep.text["worker"],
        "present": f"{ep.advocate_name or ep.supporter_name or 'No one else'}",
        "communication_support": "Interpreter" if a.interpreter_needed else None,
        "advocate_or_imca": ep.advocate_name or None,
        "relevant_information": "The options, what each would mean day to day, and what "
        "might happen if no decision is made.",
        "support_given": "Two visits at different times of day, large-print notes, "
        "a familiar person present, and time to think between visits.",
        "impairment": True,
        "impairment_description": draw.fill(ep, draw.pick(imp.descriptions)),
        "impairment_duration": imp.duration,
        "conclusion": conclusion,
        "persons_view": draw.pick(("I know my own mind.", "I don't like all these "
                                  "questions.", "I'll go along with what you think is "
                                  "best.")),
        "balance_of_probabilities": "On the balance of probabilities, the conclusion above "
        "is supported by the evidence recorded in each part of the test.",
        "review_date": (day + dt.timedelta(days=90)).isoformat()
        if not lacks or imp.duration == "TEMPORARY" else None,
    }
    for item in FUNCTIONAL:
        if item in unable:
            payload[f"{item}_result"] = "UNABLE"
            payload[f"{item}_evidence"] = draw.fill(ep, evidence[item])
        elif conclusion != "UNABLE_TO_CONCLUDE":
            payload[f"{item}_result"] = "ABLE"
    if lacks:
        items = " and ".join(("understand", "retain", "use or weigh")[FUNCTIONAL.index(i)]
                             for i in unable)
        payload["causative_nexus"] = draw.fill(
            ep, f"{{adult}} is unable to {items} the information because of "
            f"{imp.short}, not because of fear or pressure: {{she}} was calm, not rushed, "
            "and had the information in a form that suited {her_obj}.")
        payload["next_steps"] = ["BEST_INTERESTS"] + (["IMCA"] if ep.advocate_id else [])
        payload["fluctuation"] = imp.fluctuation
    ep.capacity_id = draw.w.create("capacity_assessment", draw.new_id(), payload)
    ep.capacity_conclusion = conclusion
    ep.capacity_category = category
    if conclusion == "HAS_CAPACITY":
        ep.tags.add("has_capacity")
    if lacks:
        _write_best_interests(draw, ep, q, day + dt.timedelta(days=draw.rng.randint(1, 10)))


FUNCTIONAL = ["understand", "retain", "use_weigh"]


def _write_best_interests(draw: Draw, ep: Episode, q: Question, day: dt.date) -> None:
    when = min(day, ep.died_on or ep.end)
    consultees = [{"name": n, "relationship": r, "views": v,
                   "consulted_on": when.isoformat()}
                  for n, r, v in ((ep.supporter_name, "friend", "Thinks {adult}'s wishes "
                                   "should come first and that {she} needs more support."
                                   .format_map(ep.text)),
                                  (ep.advocate_name, "advocate", "The adult's own wishes "
                                   "and feelings should carry great weight."))
                  if n]
    if ep.rel_is_source:
        consultees.append({"name": ep.rel_name, "relationship": ep.rel_role,
                           "not_consulted_reason": "Alleged to have caused harm; "
                           "consulting would not be in the adult's interests."})
    elif ep.rel_id:
        consultees.append({"name": ep.rel_name, "relationship": ep.rel_role,
                           "views": "Wants what keeps {adult} safe and settled."
                           .format_map(ep.text), "consulted_on": when.isoformat()})
    draw.w.create("best_interests_decision", draw.new_id(), {
        "case_id": ep.case_id, "capacity_assessment_id": ep.capacity_id,
        "decided_at": draw.at(when), "decision_maker": ep.text["worker"],
        "decision_maker_role": "Social worker", "lpa_deputy_checked": True,
        "lpa_deputy_result": draw.weighted((("NONE_FOUND", 80),
                                            ("HOLDER_NO_AUTHORITY", 20))),
        "lpa_deputy_details": "Office of the Public Guardian register searched.",
        "options": [
            {"option": draw.fill(ep, o), "benefits": draw.fill(ep, b),
             "burdens_risks": draw.fill(ep, r), "restrictiveness": rs}
            for o, b, r, rs in q.options
        ],
        "participation": "Met {adult} twice and went through each option with pictures."
        .format_map(ep.text),
        "wishes_feelings": draw.pick(("Has always said {she} wants to stay where {she} "
                                      "is.", "Values {her} independence and {her} own "
                                      "routine.", "Family matters most to {her_obj}.",
                                      "Wants to be asked, not told.")).format_map(ep.text),
        "consultees": consultees,
        "imca": "INSTRUCTED" if ep.advocate_id else "NOT_REQUIRED",
        "decision": draw.fill(ep, q.decision),
        "least_restrictive_rationale": draw.fill(ep, q.rationale),
        "court_of_protection_considered": True if draw.chance(0.1) else None,
        "dols_screen": "NO_DEPRIVATION",
        "review_date": (when + dt.timedelta(days=90)).isoformat(),
    })


def _override_grounds(draw: Draw, ep: Episode) -> list[str]:
    """Grounds that this case's facts support."""
    grounds = ["HIGH_RISK_LIFE_OR_LIMB"]
    if "ADULTS" in ep.others:
        grounds.append("RISK_TO_OTHER_ADULTS")
    if "CHILDREN" in ep.others:
        grounds.append("RISK_TO_CHILDREN")
    if ep.abuse in ("PHYSICAL", "SEXUAL", "DOMESTIC", "MODERN_SLAVERY",
                    "SEXUAL_EXPLOITATION"):
        grounds.append("SERIOUS_CRIME")
    if ep.source_detail.startswith("PROVIDER") or ep.source_detail in (
            "HEALTH", "POLICE", "PERSONAL_ASSISTANT", "DIRECT_PAYMENT_CARER",
            "SELF_FUNDED_CARER"):
        grounds.append("STAFF_OR_SERVICE_IMPLICATED")
    if ep.abuse == "DOMESTIC":
        grounds.append("MARAC_THRESHOLD")
    if ep.rel_is_source:
        grounds.append("COERCION_UNDUE_INFLUENCE")
    return draw.rng.sample(grounds, min(len(grounds), draw.rng.randint(1, 2)))


def write_consents(draw: Draw, ep: Episode, day: dt.date) -> None:
    base: dict[str, Any] = {"case_id": ep.case_id, "decided_at": day.isoformat(),
                            "decision_maker": ep.text["worker"]}
    # The consent decision that the capacity assessment was about, if it was about one.
    assessed = CONSENT_FOR_CATEGORY.get(ep.capacity_category or "")
    if assessed and ep.capacity_conclusion == "LACKS_CAPACITY":
        draw.w.create("consent_decision", draw.new_id(), {
            **base, "consent_type": assessed, "decided_by": "NOT_APPLICABLE",
            "capacity_for_this_decision": "ASSESSED_LACKS", "capacity_link": ep.capacity_id,
            "status": "NOT_SOUGHT", "not_sought_reason": "LACKS_CAPACITY_BI",
            "not_sought_detail": "The adult lacks capacity for this decision; the enquiry "
            "goes ahead in their best interests with an advocate." if assessed ==
            "S42_INVOLVEMENT" else "The adult lacks capacity for this decision; only what is "
            "needed is shared, in their best interests.",
        })
        return
    kind = draw.weighted((("GIVEN", 55), ("GIVEN_WITH_LIMITS", 8), ("RESPECTED", 15),
                          ("OVERRIDDEN", 12), ("NOT_SOUGHT", 5), ("PENDING", 5)))
    if kind == "RESPECTED" and ep.others != ["NONE"]:
        kind = "OVERRIDDEN"  # a refusal cannot simply be respected when others are at risk
    ctype = draw.pick(("S42_INVOLVEMENT", "SHARE_INFO", "SHARE_INFO", "POLICE_REFERRAL"))
    capacity: dict[str, Any] = {"capacity_for_this_decision": "PRESUMED"}
    if assessed and ep.capacity_conclusion == "HAS_CAPACITY":
        ctype = assessed
        capacity = {"capacity_for_this_decision": "ASSESSED_HAS",
                    "capacity_link": ep.capacity_id}
    payload: dict[str, Any] = {
        **base, **capacity, "consent_type": ctype, "decided_by": "ADULT",
        "information_given": "Explained what would be shared, with whom and why, and what "
        "might happen if nothing is shared.",
        "coercion_considered": draw.fill(ep, "Spoke to {adult} alone; no sign that {she} "
                                         "was being pressured." if draw.chance(0.7) or
                                         not ep.rel_id else
                                         "{rel_name} was close by; asked again when alone "
                                         "and the answer was the same."),
    }
    if ctype == "SHARE_INFO":
        recipients = ["GP and district nurses"]
        if ep.org:
            recipients.append(ep.org)
        if ep.abuse == "FINANCIAL":
            recipients.append("The bank's vulnerable customer team")
        if "crime" in ep.tags:
            recipients.append("Police")
        payload["scope_recipients"] = draw.pick(recipients)
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
        grounds = _override_grounds(draw, ep)
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
            "alert the alleged abuser, who reads the adult's post and messages."
            if ep.rel_is_source else None if informed else "Telling the adult now could "
            "alert the person alleged before the police have spoken to them.",
            "wishes_respected_how": "Only the minimum was shared and the adult chooses "
            "how and when the next visits happen.",
            "consulted": ["SAFEGUARDING_LEAD", "MANAGER"],
            "decision_maker": draw.pick(draw.names["managers"]),
            "shares": [{
                "recipient": "Police" if "SERIOUS_CRIME" in grounds else ep.org or
                ep.place or "The GP and the agencies making the enquiry",
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
                        "put the adult at risk. To be sought at a safe visit."}
                       if ep.rel_is_source else
                       {"status": "NOT_SOUGHT", "not_sought_reason": "NOT_PRACTICABLE",
                        "not_sought_detail": "The adult was too unwell to discuss it this "
                        "week; to be sought at the next visit."})
    else:
        payload["status"] = "PENDING"
        payload["adult_reasons"] = "I want to think about it and talk to my family first."
    draw.w.create("consent_decision", draw.new_id(), payload)
