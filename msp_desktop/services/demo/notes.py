"""Contact notes: when they happen, who was there and what was said; most are finalised and a
few later amended."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msp_desktop.services.demo.data import (
    ENGLISH,
    LONDON,
    NO_ADULT_TYPES,
    NOTE_TYPES,
    NOTES_BY_LEVEL,
    REMOTE_TYPES,
)
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode
from msp_desktop.services.demo.scenario import IN_CARE
from msp_desktop.services.demo.tags import fits, text_of, usable


def write_notes(draw: Draw, a: Adult, ep: Episode) -> None:
    if draw.notes_per_case is not None:
        count = draw.notes_per_case
    else:
        lo, hi = (3, 5) if ep.status == "reopened" else NOTES_BY_LEVEL[ep.level]
        count = draw.rng.randint(lo, hi)
    # Nothing is recorded with or about the adult as alive after they died.
    span = max(0, ((ep.died_on or ep.end) - ep.d0).days)
    days = sorted(ep.d0 + dt.timedelta(days=draw.rng.randint(0, span))
                  for _ in range(count))
    for i, day in enumerate(days):
        _write_note(draw, a, ep, day, first=i == 0)


def _write_note(draw: Draw, a: Adult, ep: Episode, day: dt.date, *, first: bool) -> None:
    p = draw.phrases
    theme = draw.theme(ep)
    ntype = "PHONE" if first else draw.weighted(NOTE_TYPES)
    with_adult = ntype not in NO_ADULT_TYPES and not (first and draw.chance(0.5))
    remote = ntype in REMOTE_TYPES
    start = dt.datetime(day.year, day.month, day.day, draw.rng.randint(9, 16),
                        draw.rng.choice((0, 15, 30, 45)), tzinfo=LONDON)
    minutes = draw.rng.choice((10, 15, 20, 30, 45, 60, 75, 90)) if not remote else \
        draw.rng.choice((5, 10, 15, 20))
    worker = ep.text["worker"]
    home = ep.org if a.setting in IN_CARE else "The adult's home"
    places = (home, home, "Council office", "GP surgery") if with_adult or not ep.place \
        else (home, ep.place, "Council office")
    attendees: list[dict[str, Any]] = [{"name": worker, "role": "Social worker",
                                        "attendance": "BY_PHONE" if remote else "PRESENT"}]
    payload: dict[str, Any] = {
        "case_id": ep.case_id, "note_type": ntype, "event_start": start.isoformat(),
        "event_end": (start + dt.timedelta(minutes=minutes)).isoformat(),
        "mode": "REMOTE" if remote else "FACE_TO_FACE",
        "location": None if remote else draw.pick(places),
        "purpose": draw.say(ep, p["purposes"][ntype]),
        "adult_present": with_adult,
    }
    if draw.chance(0.03):
        payload["late_entry_reason"] = "Written up the next working day after an urgent " \
            "visit took the rest of the afternoon."
    facts: list[str] = []
    if ntype == "NO_REPLY_VISIT":
        facts.append(draw.say(ep, p["no_reply"]))
    elif ntype in ("CASE_DISCUSSION", "SUPERVISION", "MANAGER_DECISION", "MEETING"):
        facts.append(draw.several(ep, p["professional"], 1, 2))
        attendees.append({"name": draw.pick(draw.names["managers"]).split(" (")[0],
                          "role": "Manager", "attendance": "PRESENT"})
    elif ntype == "EMAIL_LETTER_TEXT":
        facts.append(draw.fill(ep, "Sent {adult} a summary of our last conversation and the "
                               "next steps, in plain English, with my direct number."))
    else:
        facts.append(draw.several(ep, p["facts_generic"], 1, 2))
        facts.append(draw.say(ep, theme["facts"]))
    if with_adult:
        attendees.append({"name": f"{a.given} {a.family}", "role": "The adult",
                          "attendance": "BY_PHONE" if remote else "PRESENT"})
        quotes = usable(theme["quotes"], ep.tags)
        said = [draw.fill(ep, text_of(q))
                for q in draw.rng.sample(quotes, min(len(quotes), draw.rng.randint(1, 2)))]
        payload["adult_own_words"] = " ".join(f"\u201c{q}\u201d" for q in said)
        if not remote:
            alone = not (ep.rel_id and draw.chance(0.2))
            payload["seen_alone"] = alone
            if not alone:
                payload["not_seen_alone_reason"] = draw.fill(ep, draw.pick((
                    "{adult} asked for {rel_name} to stay.",
                    "{rel_name} would not leave the room; a further visit is planned to "
                    "see {adult} alone.")))
                attendees.append({"name": ep.rel_name, "role": ep.rel_role.capitalize(),
                                  "attendance": "PRESENT", "related_person_id": ep.rel_id})
        if a.language == "Welsh":
            payload["language_used"] = "Welsh"
            if draw.chance(0.3):
                payload["interpreter_used"] = True
                payload["interpreter"] = f"{draw.pick(draw.names['interpreters']['Welsh'])}" \
                    f", {draw.pick(draw.names['interpreter_agencies'])}"
            else:
                payload["communication_support"] = "Conversation in Welsh with a " \
                    "Welsh-speaking social worker (Active Offer)."
        elif a.language != ENGLISH:
            payload["language_used"] = a.language
            if a.interpreter_needed:
                names = draw.names["interpreters"].get(a.language, ["A. Interpreter"])
                name = f"{draw.pick(names)}, {draw.pick(draw.names['interpreter_agencies'])}"
                payload["interpreter_used"] = True
                payload["interpreter"] = name
                attendees.append({"name": name.split(",")[0], "role": "Interpreter",
                                  "attendance": "BY_PHONE" if remote or draw.chance(0.3)
                                  else "PRESENT"})
        else:
            payload["language_used"] = ENGLISH
    elif ep.rel_id and not ep.rel_is_source and ntype in ("PHONE", "MEETING") and \
            draw.chance(0.5):
        payload["views_given_by"] = f"{ep.rel_name} ({ep.rel_role})"
    payload["attendees"] = attendees
    payload["facts"] = " ".join(facts)
    if draw.chance(0.5):
        payload["reported_information"] = draw.say(ep, p["reported"])
    if ntype not in ("EMAIL_LETTER_TEXT", "NO_REPLY_VISIT") or draw.chance(0.3):
        payload["analysis"] = draw.say(ep, p["analysis"])
    if draw.chance(0.4):
        payload["risks_identified"] = draw.say(ep, p["risks_identified"])
    if with_adult and draw.chance(0.4):
        payload["consent_capacity_notes"] = draw.say(ep, p["consent_notes"])
    if draw.chance(0.6):
        todo = [(a_, o) for a_, o in p["note_actions"] if fits(a_, ep.tags)]
        payload["actions"] = [
            {"action": draw.fill(ep, text_of(action)), "owner": owner
             if owner != "social worker" else worker,
             "due_date": (day + dt.timedelta(days=draw.rng.randint(2, 14))).isoformat()}
            for action, owner in draw.rng.sample(todo, min(len(todo), draw.rng.randint(1, 2)))
        ]
    if with_adult and draw.chance(0.2):
        payload["written_with_adult"] = True
    if with_adult and draw.chance(0.3):
        payload["shared_with_adult"] = True
    nid = draw.w.create("contact_note", draw.new_id(), payload)
    if day >= draw.today - dt.timedelta(days=2) and not draw.chance(0.3):
        return  # recent notes are often still open for editing
    if not draw.chance(0.93):
        return
    draw.w.finalise(nid, payload)
    if draw.chance(0.04):
        kind, reason = draw.pick(p["amend_reasons"])
        amended = dict(payload)
        if kind == "ADDENDUM":
            amended["facts"] = payload["facts"] + " Addendum: " + draw.say(
                ep, p["reported"])
        elif kind == "CORRECTION":
            amended["event_end"] = (start + dt.timedelta(minutes=minutes + 15)).isoformat()
        draw.w.amend(nid, amended, reason, kind)
