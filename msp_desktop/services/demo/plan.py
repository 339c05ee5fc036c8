"""The risk assessment, and the safeguarding plan with its actions and reviews."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msp_desktop.domain.derive import rag_for
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode
from msp_desktop.services.demo.tags import text_of, usable


def write_risk_assessment(draw: Draw, ep: Episode, day: dt.date, context: str) -> None:
    theme = draw.theme(ep)
    entries: list[dict[str, Any]] = []
    pool = usable(list(theme["risks"]) + list(draw.phrases["risks_identified"][:4]), ep.tags)
    for i, template in enumerate(draw.rng.sample(pool, min(len(pool),
                                                           draw.rng.randint(1, 3)))):
        likelihood, impact = draw.rng.randint(1, 5), draw.rng.randint(2, 5)
        rag = rag_for(likelihood, impact)
        override = draw.chance(0.08)
        entries.append({
            "description": draw.fill(ep, text_of(template)),
            "who_at_risk": ["ADULT"] + (["OTHER_ADULTS"] if "ADULTS" in ep.others else [])
            + (["CHILDREN"] if "CHILDREN" in ep.others else []),
            "history": draw.pick(("First reported incident.", "Two similar incidents in "
                                  "the last year.", "Escalating over three months.")),
            "likelihood": likelihood, "impact": impact,
            "rag": ("RED" if rag != "RED" else "AMBER") if override else rag,
            "rag_override_reason": "Professional judgement: the adult's account suggests "
            "the risk is higher (or lower) than the score shows." if override else None,
            "protective_factors": draw.fill(ep, "A supportive neighbour; {adult} is clear "
                                            "about what {she} wants."),
            "adult_view": draw.pick(("It's not as bad as they make out.", "I'm frightened "
                                     "it will happen again.", "I can cope if I have "
                                     "help.")),
            "controls": draw.say(ep, theme["actions"]),
            "risk_item_id": ep.risk_ids[i] if i < len(ep.risk_ids) else None,
        })
    domestic = ep.theme == "DOMESTIC"
    dash = draw.rng.randint(6, 20) if domestic else None
    marac = bool(dash is not None and dash >= 14)
    draw.w.create("risk_assessment", draw.new_id(), {
        "case_id": ep.case_id, "assessed_at": day.isoformat(),
        "assessor": ep.text["worker"], "context": context, "entries": entries,
        "capacity_assessment_id": ep.capacity_id,
        "residual_risk": draw.pick(("Medium, reducing with the plan.", "Low once the "
                                    "actions are complete.", "High until the police "
                                    "investigation concludes.")),
        "marac_referral": marac if domestic else None,
        "marac_referral_date": day.isoformat() if marac else None,
        "dash_score": dash, "dash_date": day.isoformat() if domestic else None,
        "review_date": (day + dt.timedelta(days=draw.rng.randint(14, 60))).isoformat(),
    })


def write_plan(
    draw: Draw, a: Adult, ep: Episode, start: dt.date, review1: dt.date, review2: dt.date
) -> None:
    theme = draw.theme(ep)
    ended = ep.status == "closed"
    under_review = ep.status == "plan_under_review"
    unable = ep.capacity_conclusion == "LACKS_CAPACITY"
    plan: dict[str, Any] = {
        "case_id": ep.case_id, "status": "ACTIVE", "lead": ep.text["worker"],
        "started_at": start.isoformat(),
        "adult_view": draw.pick(draw.phrases["plan_views"]),
        "adult_agreement": "UNABLE_TO_AGREE" if unable else draw.weighted(
            (("AGREED", 70), ("PARTLY_AGREED", 20), ("NOT_AGREED", 10))),
        "views_represented_how": f"{ep.advocate_name or ep.supporter_name or 'The advocate'}"
        " put the adult's views at the meeting." if unable else None,
        "agreed_by": [{"party": "The adult" if not unable else "Advocate",
                       "how_agreed": "At the planning meeting",
                       "agreed_on": start.isoformat()},
                      {"party": ep.org or "GP practice", "how_agreed": "By email",
                       "agreed_on": start.isoformat()}],
        "safety_steps": draw.several(ep, theme["actions"], 1, 2),
        "protection_arrangements": "Short term: daily contact. Medium term: the actions "
        "below. Long term: a care review in six months.",
        "contingency": "If the adult is harmed again or the plan breaks down, call the duty "
        "team or the police; an urgent review will be held within two working days.",
        "review_frequency": "Every six weeks",
        "review_date": review1.isoformat(),
    }
    pid = draw.w.create("safeguarding_plan", draw.new_id(), plan)
    owners = ["Council", "NHS"] + ([ep.org] if ep.org else []) + (
        ["Police"] if "crime" in ep.tags else [])
    actions = usable([*theme["actions"], "Feed back to the referrer",
                      "Care and support review"], ep.tags)
    for i, template in enumerate(draw.rng.sample(actions, min(len(actions),
                                                             draw.rng.randint(2, 4)))):
        due = start + dt.timedelta(days=draw.rng.randint(7, 70))
        if ended:
            status = draw.weighted((("DONE", 85), ("CANCELLED", 15)))
        elif due < draw.today:
            status = draw.weighted((("DONE", 55), ("IN_PROGRESS", 25),
                                    ("NOT_STARTED", 20)))  # the open ones are overdue
        else:
            status = draw.weighted((("NOT_STARTED", 50), ("IN_PROGRESS", 50)))
        draw.w.create("plan_action", draw.new_id(), {
            "case_id": ep.case_id, "plan_id": pid, "action": draw.fill(ep, text_of(template)),
            "owner": draw.pick((ep.text["worker"], "District nurse", "Provider manager",
                                "Police liaison officer", "Housing officer")),
            "owner_organisation": draw.pick(owners),
            "due_date": due.isoformat(), "status": status,
            "desired_outcome_id": ep.outcome_ids[i % len(ep.outcome_ids)]
            if ep.outcome_ids else None,
            "risk_item_id": ep.risk_ids[0] if ep.risk_ids else None,
            "completion_note": draw.pick(("Done and confirmed with the adult.",
                                          "Completed; evidence on file."))
            if status == "DONE" else ("No longer needed: the adult moved to respite care."
                                      if status == "CANCELLED" else None),
        })
    reviews: list[tuple[dt.date, str]] = []
    if ended:
        reviews = [(review1, "CONTINUE"), (min(review2, ep.end), "END_PLAN")]
    elif under_review:
        reviews = [(review1, draw.pick(("CONTINUE", "AMEND")))]
    elif review1 < draw.today and draw.chance(0.6):
        reviews = [(review1, "CONTINUE")]
    next_review = review1
    for when, decision in reviews:
        next_review = when + dt.timedelta(days=draw.rng.randint(28, 56))
        if under_review:
            # The plan is being reviewed now: its next review is close.
            next_review = max(when + dt.timedelta(days=1),
                              draw.today + dt.timedelta(days=draw.rng.randint(-7, 10)))
        alive = ep.died_on is None or when < ep.died_on
        draw.w.create("plan_review", draw.new_id(), {
            "case_id": ep.case_id, "plan_id": pid, "reviewed_at": when.isoformat(),
            "attendees": [{"name": ep.text["worker"], "role": "Social worker"}] + (
                [{"name": a.given + " " + a.family, "role": "The adult"}] if alive else []),
            "summary": draw.say(ep, draw.phrases["review_summaries"]) if alive else
            draw.fill(ep, "{adult} died on " + str(ep.died_on) + "; the plan ends. The "
                      "death has been reported to the Safeguarding Adults Board."),
            "risk_change": draw.pick(("Reduced", "No change", "Reduced since the last "
                                      "review")),
            "adult_view": draw.pick(draw.phrases["achievement_views"]) if alive else None,
            "decision": decision,
            "next_review_date": next_review.isoformat() if decision != "END_PLAN" else None,
        })
    if ended:
        plan.update({"status": "ENDED", "ended_at": ep.end.isoformat(),
                     "end_reason": "The adult died." if ep.died_on else
                     "Risk managed; the adult's outcomes met."})
        plan.pop("review_date")
    elif under_review:
        plan.update({"status": "UNDER_REVIEW", "review_date": next_review.isoformat()})
    else:
        plan["review_date"] = next_review.isoformat()
    if ended or under_review or reviews:
        draw.w.edit("safeguarding_plan", pid, plan)
