"""One adult and their case (two when reopened): the stage it has reached, the case record, and
the order in which the stages write their records."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import psr_sac_for
from msp_desktop.services.demo.closure import choose_closure, write_closure
from msp_desktop.services.demo.concern import write_concern, write_decision
from msp_desktop.services.demo.data import CLOSE_PATHS, LEVEL, STAGES
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.enquiry import write_enquiry
from msp_desktop.services.demo.model import Adult, Episode, Text
from msp_desktop.services.demo.notes import write_notes
from msp_desktop.services.demo.people import make_adult, write_person, write_relatives
from msp_desktop.services.demo.plan import write_plan, write_risk_assessment
from msp_desktop.services.demo.scenario import (
    HOSPITALS,
    IN_CARE,
    SOURCE_TAG,
    Who,
    abuse_choices,
    fitting,
    location_for,
)
from msp_desktop.services.demo.voice import write_capacity, write_consents, write_outcomes


def write_cases(draw: Draw) -> int:
    """Write one adult and their case (two episodes when reopened); return cases made."""
    status = draw.weighted(STAGES)
    if status == "reopened" and draw.room < 2:
        status = "closed"
    adult = make_adult(draw)
    write_person(draw, adult)
    if status == "reopened":
        closed_on = draw.today - dt.timedelta(days=draw.rng.randint(60, 400))
        level, path = draw.pick(((2, "no_enquiry"), (5, "concluded")))
        first = _write_episode(draw, adult, "closed", level, path, closed_on, None,
                               reopens=True)
        _write_episode(draw, adult, "reopened", 1, None, draw.today, first.case_id)
        return 2
    if status == "closed":
        level, path = draw.weighted(CLOSE_PATHS)
        closed_on = draw.today - dt.timedelta(days=draw.rng.randint(3, 600))
        _write_episode(draw, adult, "closed", level, path, closed_on, None)
    else:
        _write_episode(draw, adult, status, LEVEL[status], None, draw.today, None)
    return 1


def _write_episode(
    draw: Draw, a: Adult, status: str, level: int, close_path: str | None, end: dt.date,
    previous_case_id: str | None, *, reopens: bool = False,
) -> Episode:
    rng = draw.rng
    wales = a.jurisdiction == "WAL"
    abuse = draw.weighted(abuse_choices(a.setting, a.age))
    who = draw.weighted([(w, w.weight) for w in fitting(abuse, a.setting, a.age)])
    # Offsets (days from the concern) of each milestone this case reaches.
    m: dict[str, int] = {"concern": 0, "info": rng.randint(0, 2)}
    m["decision"] = m["info"] + rng.randint(2, 10)
    m["enquiry"] = m["decision"] + rng.randint(1, 8)
    if wales:  # s.126 enquiries are normally done within seven working days
        m["working"] = m["enquiry"] + rng.randint(1, 3)
        m["concluded"] = m["working"] + rng.randint(2, 6 if rng.random() < 0.8 else 20)
    else:
        m["working"] = m["enquiry"] + rng.randint(7, 20)
        m["concluded"] = m["working"] + rng.randint(14, 60)
    m["plan"] = m["concluded"] + rng.randint(0, 7)
    m["review1"] = m["plan"] + rng.randint(28, 56)
    m["review2"] = m["review1"] + rng.randint(28, 56)
    last_key = ("concern", "info", "decision", "enquiry", "working", "concluded", "plan",
                "review1")[level]
    span = m[last_key] + (rng.randint(0, 10) if status != "concern_received" else 0)
    if status == "closed":
        span += rng.randint(3, 21)
    if status == "reopened":
        span = rng.randint(1, 12)
    d0 = end - dt.timedelta(days=span)
    ep = Episode(
        case_id=draw.new_id(), status=status, level=level, close_path=close_path, d0=d0,
        end=end, theme=abuse, abuse=abuse,
    )
    _place_harm(draw, a, ep, who)
    write_relatives(draw, a, ep)
    pronoun = ("she", "her", "her") if a.female else ("he", "his", "him")
    ep.text = Text(
        adult=a.given, rel_name=ep.rel_name or "the family", rel=ep.rel_role or "relative",
        worker=draw.worker(), org=ep.org, place=ep.place, source=ep.source_relation,
        regulator="Care Inspectorate Wales" if wales else "CQC",
        town=draw.pick(draw.names["towns_wal" if wales else "towns_eng"]),
        day=draw.pick(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
        amount=f"£{rng.choice((60, 80, 120, 150, 200, 250, 300, 450, 600, 1200))}",
        lang=a.language, she=pronoun[0], her=pronoun[1], her_obj=pronoun[2],
        abuse=E.ABUSE_TYPE.label(abuse).lower(),
    )

    def day(key: str) -> dt.date:
        return min(end, d0 + dt.timedelta(days=m[key]))

    lead = ep.text["worker"]
    case: dict[str, Any] = {
        "person_id": a.person_id,
        "status": "concern_received",
        "opened_at": d0.isoformat(),
        "jurisdiction": a.jurisdiction,
        "legal_framework": "SSWBA_S126" if wales else "CARE_ACT_S42",
        "lead_practitioner": lead,
        "team": draw.pick(draw.names["teams"]),
        **_councils(draw, a),
        "psr_detail": a.psr, "psr_sac": psr_sac_for(a.psr),
        "previous_case_id": previous_case_id,
    }
    ep.tags = episode_tags(a, ep)
    if status == "closed":
        choose_closure(draw, a, ep, end, reopens=reopens)
    draw.w.create("case", ep.case_id, case)
    write_concern(draw, ep, day("concern"))
    if level >= 1:
        write_capacity(draw, a, ep, day("info"))
        write_outcomes(draw, ep, day("info"))
        write_consents(draw, ep, day("info"))
    if level >= 2:
        write_decision(draw, a, ep, day("decision"), no_enquiry=close_path == "no_enquiry")
        _mark_significant(draw, ep, ep.decision_id, "Decision whether to make enquiries")
    if level >= 3 and ep.decision != "NO_ENQUIRY":
        write_enquiry(draw, a, ep, day("enquiry"), day("concluded") if level >= 5 else None)
    if level >= 1:
        ctx = "CONCERN" if level < 3 else ("ENQUIRY" if level < 7 else "REVIEW")
        write_risk_assessment(draw, ep, day("working") if level >= 4 else day("info"), ctx)
    if level >= 6:
        write_plan(draw, a, ep, day("plan"), day("review1"), day("review2"))
    write_notes(draw, a, ep)
    final = status if status != "closed" else "closed"
    if status == "closed":
        closed_at = end
        write_closure(draw, a, ep, closed_at)
        case["closed_at"] = closed_at.isoformat()
    case["status"] = final
    if not ep.outcome_ids and level >= 1:
        case["msp_not_asked_reason"] = draw.pick((
            "The adult did not want to talk about what should happen; asked again at each "
            "visit.", "No contact with the adult was possible before the case closed.",
        ))
    if final != "concern_received" or "msp_not_asked_reason" in case:
        draw.w.edit("case", ep.case_id, case)
    return ep


def _mark_significant(draw: Draw, ep: Episode, record_id: str | None, reason: str) -> None:
    """Mark an event significant in the chronology, as a worker would. The mark's id comes
    from the event's (not the id stream), so every other record keeps the id it had."""
    if record_id:
        draw.w.create("chronology_mark", uuid.uuid5(uuid.NAMESPACE_OID, record_id).hex, {
            "case_id": ep.case_id, "target_id": record_id, "significant": True,
            "reason": reason})


def _place_harm(draw: Draw, a: Adult, ep: Episode, who: Who) -> None:
    """Who is alleged to cause the harm, where, and which organisation is there."""
    jur = "wal" if a.jurisdiction == "WAL" else "eng"
    hospitals = draw.names["hospitals"]
    ep.source_detail, ep.source_relation = who.detail, who.relation
    ep.location = location_for(who, a.setting, a.psr, a.age,
                               draw.pick(("HOSPITAL_ACUTE", "HOSPITAL_COMMUNITY")))
    ep.org = a.provider
    if ep.location in HOSPITALS:
        ep.place = str(draw.pick(hospitals[ep.location][jur]))
    elif who.detail == "HEALTH":
        ep.place = str(draw.names["community_nursing"][jur])
    elif ep.location.startswith("CARE_HOME"):
        ep.place = a.provider
    others = draw.pick((["NONE"], ["NONE"], ["NONE"], ["NOT_KNOWN"]))
    if who.detail in ("PROVIDER_PRIVATE", "HEALTH") or (
            who.detail == "KNOWN_NOT_RELATED" and a.setting in IN_CARE):
        others = ["ADULTS"] if draw.chance(0.6) or ep.abuse == "ORGANISATIONAL" else others
    elif ep.abuse == "DOMESTIC" and draw.chance(0.25):
        others = ["CHILDREN"]
    ep.others = others


def _councils(draw: Draw, a: Adult) -> dict[str, str | None]:
    """Where the harm happened, and who placed the adult there if another council did.
    Usually the demo's own council; now and then across a border: an adult the demo's council
    placed in a care home elsewhere, or one another council placed here."""
    councils: list[str] = draw.names["councils_wal" if a.jurisdiction == "WAL"
                                     else "councils_eng"]
    home, host, placing = councils[0], a.council, None
    if a.setting in IN_CARE and draw.chance(0.2):
        # Placed here by a neighbour, or out of area by the demo's council.
        placing = str(draw.pick(councils[1:])) if host == home else home
    return {"host_council": host, "placing_council": placing}


CRIMES = frozenset({"PHYSICAL", "SEXUAL", "DOMESTIC", "MODERN_SLAVERY", "SEXUAL_EXPLOITATION",
                    "FINANCIAL"})


def episode_tags(a: Adult, ep: Episode) -> set[str]:
    """What this case's phrases must fit (tags.py)."""
    tags = {SOURCE_TAG[ep.source_detail], a.setting, ep.abuse,
            "in_care" if a.setting in IN_CARE else "at_home",
            "older" if a.age >= 65 else "younger",
            "wales" if a.jurisdiction == "WAL" else "england"}
    if a.provider:
        tags.add("provided")
    if ep.rel_id:
        tags |= {"rel", "rel_male" if ep.rel_male else "rel_female"}
    if ep.location in HOSPITALS:
        tags.add("hospital")
    if a.interpreter_needed:
        tags.add("interpreter")
    tags.add("capacity_doubt" if a.lacks_capacity_likely else "capacity_ok")
    if not a.lacks_capacity_likely:
        tags.add("has_capacity")
    if ep.advocate_id:
        tags.add("advocate")
    if set(ep.others) & {"ADULTS", "CHILDREN"}:
        tags.add("others")
    if "CHILDREN" in ep.others:
        tags.add("children")
    if ep.abuse in CRIMES:
        tags.add("crime")
    return tags
