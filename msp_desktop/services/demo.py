"""A realistic, synthetic caseload for demonstrations, training and benchmarks.

Everyone in it is invented: names are drawn at random from resources/data/demo_names.json and
text from demo_phrases.json. The same seed gives the same records, ids and payloads (revision
ids still differ between vaults, because they include the device, author and clock).

Records are written through the RecordStore in one transaction per chunk of cases, with case
summaries refreshed once per chunk (`store.batch()`): writing each record through
services.records would cost a transaction and an audit entry per record, which is what the
benchmark of a real save measures, not what a bulk fill needs. Every payload is built to pass
domain validation (tests/unit/test_demo.py checks every record of a generated vault).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import (
    derive_msp_achieved,
    ethnicity_sac_for,
    psr_sac_for,
    rag_for,
    source_sac_for,
)
from msp_desktop.domain.fields import clean
from msp_desktop.domain.kinds import KINDS
from msp_desktop.resources import resource_path
from msp_desktop.services.session import Session
from msp_desktop.storage.store import RecordStore

# Demo dates hang off a fixed "today", so the same seed gives the same payloads whenever it runs.
DEMO_TODAY = dt.date(2026, 11, 16)
CHUNK_CASES = 200
BULK_CACHE_KIB = 128 * 1024
_LONDON = ZoneInfo("Europe/London")
T = TypeVar("T")

# Share of cases at each stage of E-CASE-STATUS (domain.md §2.2).
_STAGES: tuple[tuple[str, int], ...] = (
    ("concern_received", 5), ("information_gathering", 9), ("decision_made", 5),
    ("enquiry_planning", 7), ("enquiry_in_progress", 14), ("enquiry_concluded", 7),
    ("plan_active", 14), ("plan_under_review", 7), ("closed", 26), ("reopened", 6),
)
_LEVEL = {
    "concern_received": 0, "information_gathering": 1, "decision_made": 2,
    "enquiry_planning": 3, "enquiry_in_progress": 4, "enquiry_concluded": 5, "plan_active": 6,
    "plan_under_review": 7,
}
_STATUS_AT = {v: k for k, v in _LEVEL.items()}
# How far a closed case got before closing: (level reached, how it closed).
_CLOSE_PATHS: tuple[tuple[tuple[int, str], int], ...] = (
    ((1, "info"), 15), ((2, "no_enquiry"), 30), ((5, "concluded"), 25), ((7, "plan_ended"), 30),
)
_ABUSE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("NEGLECT", 30), ("FINANCIAL", 15), ("PHYSICAL", 12), ("PSYCHOLOGICAL", 10),
    ("SELF_NEGLECT", 10), ("DOMESTIC", 8), ("ORGANISATIONAL", 5), ("SEXUAL", 4),
    ("DISCRIMINATORY", 2), ("SEXUAL_EXPLOITATION", 2), ("MODERN_SLAVERY", 2),
)
_NOTE_TYPES: tuple[tuple[str, int], ...] = (
    ("HOME_VISIT", 30), ("PHONE", 25), ("MEETING", 8), ("EMAIL_LETTER_TEXT", 8),
    ("CASE_DISCUSSION", 6), ("VIRTUAL_VISIT", 4), ("NO_REPLY_VISIT", 4),
    ("MANAGER_DECISION", 4), ("OFFICE_VISIT", 3), ("SUPERVISION", 3), ("OBSERVATION", 3),
    ("OTHER", 2),
)
_NO_ADULT_TYPES = frozenset({"CASE_DISCUSSION", "SUPERVISION", "MANAGER_DECISION", "OTHER",
                             "NO_REPLY_VISIT", "EMAIL_LETTER_TEXT", "OBSERVATION"})
_REMOTE_TYPES = frozenset({"PHONE", "VIRTUAL_VISIT", "EMAIL_LETTER_TEXT"})
_GENERIC_OUTCOMES = (
    "I want to stay in my own home.", "I want to be listened to.",
    "I want to feel safe.", "I want to decide things for myself.",
    "I want it all to stop, that's all.", "I want to keep seeing my family.",
)
_ENGLISH = "English"
_NOTES_BY_LEVEL = {0: (2, 3), 1: (4, 7), 2: (5, 8), 3: (6, 9), 4: (7, 10), 5: (8, 11),
                   6: (9, 12), 7: (10, 13)}
_NICKNAMES = {"Margaret": "Peggy", "Patricia": "Pat", "Robert": "Bob", "Dorothy": "Dot",
              "Dafydd": "Dai", "Gwenllian": "Gwen", "Małgorzata": "Gosia", "Katarzyna": "Kasia",
              "Wojciech": "Wojtek", "Terence": "Terry", "Kathleen": "Kath"}


@dataclass(frozen=True)
class DemoStats:
    cases: int
    records: int
    revisions: int
    seconds: float


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, Any], dict[str, Any]]:
    names = json.loads(resource_path("data/demo_names.json").read_text("utf-8"))
    phrases = json.loads(resource_path("data/demo_phrases.json").read_text("utf-8"))
    return names, phrases


def generate(
    session: Session, *, cases: int, seed: int, notes_per_case: int | None = None
) -> DemoStats:
    """Add `cases` synthetic cases to the vault. notes_per_case=None gives about 6-12 a case."""
    if cases < 0 or (notes_per_case is not None and notes_per_case < 0):
        raise ValueError("cases and notes_per_case must not be negative")
    start = time.perf_counter()
    store = session.store
    writer = _Writer(store)
    # Ids depend on the seed and on how full the vault already was, so a second run on the same
    # vault adds new records instead of colliding with the first run's ids.
    salt = store.revision_count()
    made = person_no = 0
    with store.large_cache(BULK_CACHE_KIB):
        while made < cases:
            with session.write(), store.batch():
                chunk_end = min(cases, made + CHUNK_CASES)
                while made < chunk_end:
                    builder = _CaseBuilder(
                        writer, random.Random(f"msp-demo:{seed}:{person_no}"),
                        random.Random(f"msp-demo-ids:{seed}:{salt}:{person_no}"),
                        notes_per_case, room=cases - made,
                    )
                    made += builder.build()
                    person_no += 1
    seconds = time.perf_counter() - start
    stats = DemoStats(cases=made, records=writer.records, revisions=writer.revisions,
                      seconds=seconds)
    with session.write():
        session.log("demo.generate", detail={
            "cases": stats.cases, "records": stats.records, "revisions": stats.revisions,
        })
    return stats


class _Writer:
    """Writes clean payloads through the store (inside the caller's transaction) and counts."""

    def __init__(self, store: RecordStore) -> None:
        self.store = store
        self.records = 0
        self.revisions = 0

    def create(self, kind: str, record_id: str, payload: Mapping[str, Any]) -> str:
        self.store.create(kind, clean(KINDS[kind], payload), record_id=record_id)
        self.records += 1
        self.revisions += 1
        return record_id

    def edit(self, kind: str, record_id: str, payload: Mapping[str, Any]) -> None:
        self.store.edit(record_id, clean(KINDS[kind], payload))
        self.revisions += 1

    def finalise(self, record_id: str, payload: Mapping[str, Any]) -> None:
        self.store.finalise(record_id, clean(KINDS["contact_note"], payload))
        self.revisions += 1

    def amend(self, record_id: str, payload: Mapping[str, Any], reason: str, kind: str) -> None:
        self.store.amend(record_id, clean(KINDS["contact_note"], payload), reason=reason,
                         amendment_type=kind)
        self.revisions += 1


class _Text(dict[str, str]):
    """Template values; an unknown placeholder renders empty rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


@dataclass
class _Adult:
    person_id: str
    given: str
    family: str
    female: bool
    group: str
    language: str
    interpreter_needed: bool
    jurisdiction: str
    psr: str
    age: int
    lacks_capacity_likely: bool


@dataclass
class _Episode:
    """What one case has so far, for later records to refer to."""

    case_id: str
    status: str
    level: int
    close_path: str | None
    d0: dt.date
    end: dt.date
    theme: str
    abuse: str
    rel_id: str | None = None
    rel_name: str = ""
    rel_role: str = ""
    rel_is_source: bool = False
    supporter_id: str | None = None
    supporter_name: str = ""
    advocate_id: str | None = None
    advocate_name: str = ""
    org: str = ""
    capacity_id: str | None = None
    capacity_conclusion: str | None = None
    capacity_category: str | None = None
    consent_respected_refusal: bool = False
    decision: str | None = None
    decision_id: str | None = None
    enquiry_id: str | None = None
    risk_ids: list[str] = field(default_factory=list)
    outcome_ids: list[str] = field(default_factory=list)
    achievements: list[str] = field(default_factory=list)
    text: _Text = field(default_factory=_Text)


class _CaseBuilder:
    def __init__(
        self, writer: _Writer, rng: random.Random, ids: random.Random,
        notes_per_case: int | None, room: int,
    ) -> None:
        self.w = writer
        self.rng = rng
        self.ids = ids
        self.notes_per_case = notes_per_case
        self.room = room
        self.names, self.phrases = _data()
        self.today = DEMO_TODAY

    # ----- small helpers -------------------------------------------------------------------

    def new_id(self) -> str:
        return uuid.UUID(int=self.ids.getrandbits(128), version=4).hex

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def fill(self, ep: _Episode, template: str) -> str:
        return template.format_map(ep.text)

    def say(self, ep: _Episode, pool: Sequence[str]) -> str:
        return self.fill(ep, self.pick(pool))

    def several(self, ep: _Episode, pool: Sequence[str], lo: int, hi: int) -> str:
        k = min(len(pool), self.rng.randint(lo, hi))
        return " ".join(self.fill(ep, t) for t in self.rng.sample(list(pool), k))

    def at(self, day: dt.date, hour: int | None = None, minute: int | None = None) -> str:
        h = self.rng.randint(9, 16) if hour is None else hour
        m = self.rng.choice((0, 10, 15, 20, 30, 40, 45, 50)) if minute is None else minute
        return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=_LONDON).isoformat()

    def worker(self) -> str:
        return str(self.pick(self.names["workers"]))

    def theme(self, ep: _Episode) -> dict[str, Any]:
        theme: dict[str, Any] = self.phrases["themes"][ep.theme]
        return theme

    # ----- one adult, one or two cases ---------------------------------------------------

    def build(self) -> int:
        """Write one adult and their case (two episodes when reopened); return cases made."""
        status = self.weighted(_STAGES)
        if status == "reopened" and self.room < 2:
            status = "closed"
        adult = self.adult()
        self.person(adult)
        if status == "reopened":
            closed_on = self.today - dt.timedelta(days=self.rng.randint(60, 400))
            level, path = self.pick(((2, "no_enquiry"), (5, "concluded")))
            first = self.episode(adult, "closed", level, path, closed_on, None)
            self.episode(adult, "reopened", 1, None, self.today, first.case_id)
            return 2
        if status == "closed":
            level, path = self.weighted(_CLOSE_PATHS)
            closed_on = self.today - dt.timedelta(days=self.rng.randint(3, 600))
            self.episode(adult, "closed", level, path, closed_on, None)
        else:
            self.episode(adult, status, _LEVEL[status], None, self.today, None)
        return 1

    def adult(self) -> _Adult:
        groups: dict[str, Any] = self.names["groups"]
        group = self.weighted([(g, int(v["weight"])) for g, v in groups.items()])
        g = groups[group]
        female = self.chance(0.6)
        given = self.pick(g["female"] if female else g["male"])
        family = str(self.pick(g["family"]))
        if "|" in family:  # Polish surnames agree with gender: Kowalski / Kowalska
            male_form, female_form = family.split("|")
            family = female_form if female else male_form
        age = self.weighted(((self.rng.randint(18, 64), 25), (self.rng.randint(65, 74), 15),
                             (self.rng.randint(75, 84), 30), (self.rng.randint(85, 94), 25),
                             (self.rng.randint(95, 102), 5)))
        wales = self.chance(float(g["wales_share"]))
        languages: list[str] = g["languages"]
        language = languages[0]
        if group == "welsh":
            language = "Welsh" if self.chance(0.55) else _ENGLISH
        elif language != _ENGLISH and self.chance(0.35 if age < 65 else 0.15):
            language = _ENGLISH
        interpreter = language not in (_ENGLISH, "Welsh") and self.chance(0.8)
        if age < 65:
            psr = self.weighted((("LEARNING_DISABILITY", 30), ("MENTAL_HEALTH", 30),
                                 ("SUBSTANCE_MISUSE", 10), ("PERSONAL_CARE", 15),
                                 ("ACCESS_MOBILITY", 10), ("SOCIAL_ISOLATION_OTHER", 5)))
        else:
            psr = self.weighted((("PERSONAL_CARE", 35), ("MEMORY_COGNITION", 30),
                                 ("ACCESS_MOBILITY", 20), ("VISUAL", 5), ("HEARING", 5),
                                 ("MENTAL_HEALTH", 5)))
        likely = psr in ("MEMORY_COGNITION", "LEARNING_DISABILITY") or (
            psr == "MENTAL_HEALTH" and self.chance(0.3))
        return _Adult(
            person_id=self.new_id(), given=given, family=family, female=female, group=group,
            language=language, interpreter_needed=interpreter,
            jurisdiction="WAL" if wales else "ENG", psr=psr, age=age,
            lacks_capacity_likely=likely,
        )

    def person(self, a: _Adult) -> None:
        names = self.names
        wales = a.jurisdiction == "WAL"
        g = names["groups"][a.group]
        ethnicity = str(self.pick(g["ethnicity"]))
        if self.chance(0.04):
            ethnicity = self.pick(("Z", "99"))
        dob = self.today - dt.timedelta(days=a.age * 365 + self.rng.randint(0, 364))
        town = self.pick(names["towns_wal" if wales else "towns_eng"])
        area = self.pick(names["postcode_areas_wal" if wales else "postcode_areas_eng"])
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        postcode = (f"{area}{self.rng.randint(1, 19)} {self.rng.randint(1, 9)}"
                    f"{self.pick(letters)}{self.pick(letters)}")
        conditions = self.rng.sample(self.phrases["conditions"], self.rng.randint(0, 3))
        payload: dict[str, Any] = {
            "family_name": a.family,
            "given_names": a.given,
            "preferred_name": _NICKNAMES.get(a.given) if self.chance(0.5) else None,
            "office_person_id": f"DEMO-{self.ids.randrange(10**7):07d}",
            "nhs_number": _test_nhs_number(self.rng),
            "date_of_birth": dob.isoformat(),
            "dob_estimated": True if self.chance(0.03) else None,
            "jurisdiction": a.jurisdiction,
            "gender_sac": "FEMALE" if a.female else "MALE",
            "gender_self_described": ("woman" if a.female else "man") if self.chance(0.2)
            else None,
            "ethnicity_code": ethnicity,
            "ethnicity_sac": ethnicity_sac_for(ethnicity),
            "psr_detail": a.psr,
            "psr_sac": psr_sac_for(a.psr),
            "health_conditions": [
                {"condition": c, "source": self.pick(("GP record", "Hospital letter",
                                                      "The adult")),
                 "recorded_on": (self.today - dt.timedelta(days=self.rng.randint(30, 900)))
                 .isoformat()}
                for c in conditions
            ],
            "preferred_language": a.language,
            "correspondence_language": a.language if a.language in (_ENGLISH, "Welsh")
            else _ENGLISH,
            "active_offer_made": True if wales else None,
            "active_offer_date": (self.today - dt.timedelta(days=self.rng.randint(5, 700)))
            .isoformat() if wales else None,
            "interpreter_needed": a.interpreter_needed,
            "communication_needs": self.pick((
                "Speaks slowly and needs time to answer.", "Wears hearing aids; face the adult "
                "when speaking.", "Prefers written information in large print.",
                "Uses Makaton signs alongside speech.",
            )) if self.chance(0.25) else None,
            "address": f"{self.rng.randint(1, 120)} {self.pick(names['streets'])}\n{town}",
            "postcode": postcode,
            "phone": f"07700 900{self.rng.randint(0, 999):03d}",  # Ofcom drama range
            "gp_practice": self.pick(names["gp_practices"]),
            "current_la": self.pick(names["councils_wal" if wales else "councils_eng"]),
            "no_recourse_public_funds": "NO" if self.chance(0.9) else "NOT_KNOWN",
        }
        self.w.create("person", a.person_id, payload)

    # ----- an episode (one case record and everything in it) -------------------------------

    def episode(
        self, a: _Adult, status: str, level: int, close_path: str | None, end: dt.date,
        previous_case_id: str | None,
    ) -> _Episode:
        rng = self.rng
        abuse = self.weighted(_ABUSE_WEIGHTS)
        # Offsets (days from the concern) of each milestone this case reaches.
        m: dict[str, int] = {"concern": 0, "info": rng.randint(0, 2)}
        m["decision"] = m["info"] + rng.randint(2, 10)
        m["enquiry"] = m["decision"] + rng.randint(1, 8)
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
        ep = _Episode(
            case_id=self.new_id(), status=status, level=level, close_path=close_path, d0=d0,
            end=end, theme=abuse, abuse=abuse,
        )
        wales = a.jurisdiction == "WAL"
        ep.org = self.pick(self.names["providers"])
        self.relatives(a, ep)
        pronoun = ("she", "her", "her") if a.female else ("he", "his", "him")
        ep.text = _Text(
            adult=a.given, rel_name=ep.rel_name or "the family", rel=ep.rel_role or "relative",
            worker=self.worker(), org=ep.org,
            town=self.pick(self.names["towns_wal" if wales else "towns_eng"]),
            day=self.pick(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
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
            "team": self.pick(self.names["teams"]),
            "host_la": self.pick(self.names["councils_wal" if wales else "councils_eng"]),
            "previous_case_id": previous_case_id,
        }
        self.w.create("case", ep.case_id, case)
        self.concern(a, ep, day("concern"))
        if level >= 1:
            self.capacity(a, ep, day("info"))
            self.outcomes(a, ep, day("info"))
            self.consents(a, ep, day("info"))
        if level >= 2:
            self.decision(a, ep, day("decision"), no_enquiry=close_path == "no_enquiry")
        if level >= 3 and ep.decision != "NO_ENQUIRY":
            self.enquiry(a, ep, day("enquiry"), day("concluded") if level >= 5 else None)
        if level >= 1:
            ctx = "CONCERN" if level < 3 else ("ENQUIRY" if level < 7 else "REVIEW")
            self.risk_assessment(a, ep, day("working") if level >= 4 else day("info"), ctx)
        if level >= 6:
            self.plan(a, ep, day("plan"), day("review1"), day("review2"))
        self.notes(a, ep)
        final = status if status != "closed" else "closed"
        if status == "closed":
            closed_at = end
            self.closure(a, ep, closed_at)
            case["closed_at"] = closed_at.isoformat()
        case["status"] = final
        if not ep.outcome_ids and level >= 1:
            case["msp_not_asked_reason"] = self.pick((
                "The adult did not want to talk about what should happen; asked again at each "
                "visit.", "No contact with the adult was possible before the case closed.",
            ))
        if final != "concern_received" or "msp_not_asked_reason" in case:
            self.w.edit("case", ep.case_id, case)
        return ep

    def relatives(self, a: _Adult, ep: _Episode) -> None:
        theme = self.theme(ep)
        detail, relation = self.pick(theme["sources"])
        g = self.names["groups"][a.group]
        family_relations = ("son", "daughter", "grandson", "husband", "wife", "partner")
        kin = (*family_relations, "niece", "nephew")
        if detail == "FAMILY_CARER" or self.chance(0.7):
            rel = relation if detail == "FAMILY_CARER" else self.pick(
                ("daughter", "son", "niece", "nephew", "neighbour", "friend"))
            male = rel in ("son", "grandson", "husband", "nephew") or (
                rel == "partner" and a.female)
            given = self.pick(g["male"] if male else g["female"])
            family = a.family if rel in kin else str(
                self.pick(g["family"])).split("|")[0]
            name = f"{given} {family}"
            is_source = detail == "FAMILY_CARER"
            roles = ["FAMILY" if rel in kin else "FRIEND"]
            if is_source:
                roles.append("ALLEGED_CAUSED_HARM")
            elif rel in kin:
                roles.append("CARER_UNPAID")
            rid = self.w.create("related_person", self.new_id(), {
                "case_id": ep.case_id, "name": name, "relationship_to_adult": rel,
                "roles": roles, "is_paid_or_professional": False,
                "do_not_contact": True if is_source and self.chance(0.3) else None,
                "safety_notes": f"{name} may be at the address; see the adult alone."
                if is_source else None,
                "contact_details": f"07700 900{self.rng.randint(0, 999):03d}",
            })
            ep.rel_id, ep.rel_name, ep.rel_role, ep.rel_is_source = rid, name, rel, is_source
        if ep.rel_is_source or ep.rel_id is None or self.chance(0.3):
            # Someone on the adult's side: a friend or relative who is not alleged to harm them.
            given = self.pick(g["female"] if self.chance(0.6) else g["male"])
            name = f"{given} {str(self.pick(g['family'])).split('|')[0]}"
            ai = not a.lacks_capacity_likely and self.chance(0.2)
            ep.supporter_id = self.w.create("related_person", self.new_id(), {
                "case_id": ep.case_id, "name": name,
                "relationship_to_adult": self.pick(("friend", "niece", "neighbour", "cousin")),
                "roles": ["FRIEND", "APPROPRIATE_INDIVIDUAL"] if ai else ["FRIEND"],
                "is_paid_or_professional": False,
                "contact_details": f"07700 900{self.rng.randint(0, 999):03d}",
            })
            ep.supporter_name = name
        if a.lacks_capacity_likely:
            name = self.pick(("Jo Marsden", "Sam Okoro", "Bethan Rhys", "Kamal Hussain"))
            ep.advocate_id = self.w.create("related_person", self.new_id(), {
                "case_id": ep.case_id, "name": name, "relationship_to_adult": "advocate",
                "roles": [self.pick(("ADVOCATE", "IMCA"))],
                "organisation": "Voice Together Advocacy", "is_paid_or_professional": True,
            })
            ep.advocate_name = name

    # ----- concern, decision, enquiry, risks ----------------------------------------------

    def concern(self, a: _Adult, ep: _Episode, day: dt.date) -> None:
        theme = self.theme(ep)
        provider = ep.theme in ("NEGLECT", "ORGANISATIONAL")
        source = self.pick(("HOME_CARE_PROVIDER", "CARE_HOME_PROVIDER", "HEALTH_PROFESSIONAL",
                            "FAMILY_FRIEND_NEIGHBOUR")
                           if provider else ("FAMILY_FRIEND_NEIGHBOUR", "HEALTH_PROFESSIONAL",
                                             "POLICE", "HOSPITAL", "HOUSING", "SELF",
                                             "VOLUNTARY_SECTOR", "AMBULANCE", "ANONYMOUS"))
        received = self.at(day)
        checked = self.chance(0.9)
        incident_from = day - dt.timedelta(days=self.rng.randint(0, 40))
        others = self.pick((["NONE"], ["NONE"], ["ADULTS"], ["NOT_KNOWN"], ["CHILDREN"]))
        if ep.theme == "ORGANISATIONAL":
            others = ["ADULTS"]
        self.w.create("concern", self.new_id(), {
            "case_id": ep.case_id, "received_at": received, "referral_source": source,
            "referrer_name": None if source in ("ANONYMOUS", "SELF") else self.pick((
                "A. Morris", "K. Dhaliwal", "PC 4471 Jenkins", "S. Ogunleye", "Nurse R. Hale")),
            "referrer_organisation": ep.org if source.endswith("PROVIDER") else None,
            "description": self.say(ep, theme["concern"]),
            "incident_from": incident_from.isoformat(),
            "incident_to": day.isoformat() if self.chance(0.5) else None,
            "reasonable_cause_checked": checked,
            "reasonable_cause_checked_by": ep.text["worker"] if checked else None,
            "reasonable_cause_checked_at": received if checked else None,
            "immediate_safety_actions": self.pick((
                "Spoke to the adult by phone the same day; no immediate danger.",
                "Provider asked to move the worker to other duties today.",
                "Police welfare check requested.", "GP asked to see the adult this week.",
            )) if self.chance(0.5) else None,
            "others_at_risk": others,
            "referrer_feedback_given": (day + dt.timedelta(days=self.rng.randint(1, 10)))
            .isoformat() if ep.level >= 2 and self.chance(0.7) else None,
        })

    def decision(self, a: _Adult, ep: _Episode, day: dt.date, *, no_enquiry: bool) -> None:
        wales = a.jurisdiction == "WAL"
        if no_enquiry:
            decision = "NO_ENQUIRY"
        else:
            decision = "S42_ENQUIRY" if self.chance(0.78) else "OTHER_ENQUIRY"
        crit = {"a": "YES", "b": "YES", "c": "YES"}
        reasons: list[str] = []
        if decision == "OTHER_ENQUIRY":
            which = self.pick(("a", "c"))
            crit[which] = self.pick(("NO", "UNCLEAR"))
            if crit[which] == "NO":
                reasons = ["NO_CARE_SUPPORT_NEEDS" if which == "a" else "ABLE_TO_PROTECT_SELF"]
        elif decision == "NO_ENQUIRY":
            which = self.pick(("b", "c"))
            crit[which] = "NO"
            reasons = ["NOT_EXPERIENCING_OR_AT_RISK" if which == "b" else "ABLE_TO_PROTECT_SELF"]
        det = {"S42_ENQUIRY": "DET3_AT_RISK_ACTION_NEEDED",
               "OTHER_ENQUIRY": "DET2_NOT_AT_RISK_MAY_HAVE_CS_NEEDS",
               "NO_ENQUIRY": "NFA"}[decision]
        ep.decision = decision
        ep.decision_id = self.w.create("concern_decision", self.new_id(), {
            "case_id": ep.case_id,
            "crit_a_care_support_needs": crit["a"],
            "crit_a_evidence": self.fill(ep, self.pick((
                "{adult} has a package of home care four times a day for personal care.",
                "{adult} needs help with meals, medication and getting out; known to the "
                "community team.", "{adult} lives at {org} with 24-hour care.",
            ))) if crit["a"] == "YES" else "No current care and support needs identified; "
            "{adult} manages personal care and daily tasks independently.".format_map(ep.text),
            "crit_b_abuse_or_risk": crit["b"],
            "crit_b_evidence": self.fill(ep, "The referral describes {abuse}; the account is "
                                         "specific and partly corroborated.")
            if crit["b"] == "YES" else "Enquiries with the referrer found the concern was a "
            "misunderstanding about a change in the care rota.",
            "crit_c_unable_to_protect": crit["c"],
            "crit_c_evidence": self.fill(ep, self.pick((
                "{adult} depends on the person alleged to cause harm for daily care.",
                "Memory problems mean {adult} cannot reliably recognise the risk.",
                "{adult} is frightened of {rel_name} and has not been able to stop this.",
            ))) if crit["c"] == "YES" else self.fill(
                ep, "{adult} has taken steps to protect {her_obj}self and says {she} will call "
                "the police if it happens again."),
            "reasonable_cause_reasoning": "Reasonable cause to suspect criteria (a) and (b) on "
            "the referrer's account and the records checked.",
            "decision": decision,
            "criteria_not_met_reasons": reasons,
            "non_enquiry_responses": self.rng.sample(
                ["ADVICE_GUIDANCE", "CARE_ACT_ASSESSMENT", "SIGNPOSTED_EXTERNAL", "REVIEW"],
                self.rng.randint(1, 2)) if decision == "NO_ENQUIRY" else None,
            "rationale": self.pick((
                "The three criteria are met and the adult wants help to make it stop.",
                "Risk is ongoing and the adult has asked for support; an enquiry is "
                "proportionate.",
                "Criteria not all met; proportionate response agreed with the adult.",
                "Discussed with the safeguarding lead; decision reflects the adult's wishes.",
            )),
            "decision_maker": self.pick(self.names["managers"]),
            "decided_at": self.at(day),
            "wales_determination": det if wales else None,
        })

    def enquiry(
        self, a: _Adult, ep: _Episode, start: dt.date, concluded: dt.date | None
    ) -> None:
        theme = self.theme(ep)
        caused = ep.theme in ("NEGLECT", "ORGANISATIONAL", "PHYSICAL") and self.chance(0.4)
        enquiry: dict[str, Any] = {
            "case_id": ep.case_id, "concern_decision_id": ep.decision_id,
            "enquiry_type": "S42" if ep.decision == "S42_ENQUIRY" else "OTHER",
            "started_at": start.isoformat(), "enquiry_lead": ep.text["worker"],
            "caused_to_org": ep.org if caused else None,
            "caused_to_due": (start + dt.timedelta(days=28)).isoformat() if caused else None,
            "planning_method": self.pick(("CONVERSATION", "CALLS", "PLANNING_MEETING",
                                          "STRATEGY_MEETING")),
        }
        eid = ep.enquiry_id = self.w.create("enquiry", self.new_id(), enquiry)
        types = [ep.abuse]
        if self.chance(0.3):
            types.append(self.pick(("PSYCHOLOGICAL", "FINANCIAL", "NEGLECT")))
        risks: list[tuple[str, dict[str, Any]]] = []
        for i, abuse in enumerate(dict.fromkeys(types)):
            t = self.phrases["themes"][abuse]
            detail, relation = self.pick(t["sources"]) if i else self.pick(theme["sources"])
            location = self.pick(t["locations"])
            if detail == "FAMILY_CARER" and ep.rel_is_source:
                source_name, source_id = ep.rel_name, ep.rel_id
            elif detail.startswith("PROVIDER"):
                source_name, source_id = ep.org, None
            else:
                source_name, source_id = f"{relation} (not named)", None
            police = abuse in ("PHYSICAL", "DOMESTIC", "SEXUAL", "MODERN_SLAVERY") and \
                self.chance(0.6)
            risk: dict[str, Any] = {
                "case_id": ep.case_id, "enquiry_id": eid, "abuse_type": abuse,
                "local_subtype": self.pick(t["subtypes"]) if self.chance(0.5) else None,
                "location": location,
                "location_organisation": ep.org if location.startswith(("CARE_HOME",
                                                                        "HOSPITAL",
                                                                        "COMMUNITY_SERVICE"))
                else None,
                "source_of_risk": source_sac_for(detail),
                "source_relationship": detail,
                "alleged_source_name": source_name,
                "alleged_source_id": source_id,
                "description": self.say(ep, t["risks"]),
                "incident_from": (start - dt.timedelta(days=self.rng.randint(3, 60)))
                .isoformat(),
                "police_involved": police,
                "crime_reference": f"DEMO/{self.rng.randint(10000, 99999)}/26" if police else
                None,
                "cqc_notified": True if detail.startswith("PROVIDER") and
                a.jurisdiction != "WAL" else None,
            }
            risks.append((self.w.create("risk_item", self.new_id(), risk), risk))
        ep.risk_ids = [r[0] for r in risks]
        if concluded is None:
            return
        for rid, risk in risks:
            if ep.consent_respected_refusal and self.chance(0.5):
                outcome = "CEASED_AT_REQUEST"
            else:
                outcome = self.weighted((("RISK_ID_ACTION", 55), ("RISK_ID_NO_ACTION", 5),
                                         ("INCONCLUSIVE_ACTION", 15),
                                         ("INCONCLUSIVE_NO_ACTION", 5),
                                         ("NO_RISK_ACTION", 10), ("NO_RISK_NO_ACTION", 10)))
            result = self.weighted((("REDUCED", 55), ("REMOVED", 30), ("REMAINED", 15))) \
                if outcome in ("RISK_ID_ACTION", "RISK_ID_NO_ACTION") else "NOT_APPLICABLE"
            self.w.edit("risk_item", rid, {
                **risk, "risk_assessment_outcome": outcome, "risk_result": result,
                "incident_to": (concluded - dt.timedelta(days=self.rng.randint(5, 30)))
                .isoformat() if self.chance(0.4) else None,
                "dbs_referral_considered": True if risk["source_of_risk"] ==
                "SERVICE_PROVIDER" else None,
            })
        achieved = derive_msp_achieved(ep.achievements)
        if ep.outcome_ids and achieved:
            asked, reason = "ASKED_EXPRESSED", None
        else:
            asked = self.pick(("ASKED_NONE_EXPRESSED", "NOT_ASKED", "NOT_RECORDED"))
            reason = "Outcomes conversation not documented by the previous worker." \
                if asked == "NOT_RECORDED" else None
        lacked = ep.capacity_conclusion == "LACKS_CAPACITY"
        support = bool(lacked and (ep.advocate_id or ep.supporter_id))
        self.w.edit("enquiry", eid, {
            **enquiry,
            "concluded_at": concluded.isoformat(),
            "conclusion_summary": self.fill(ep, self.pick((
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
            "sac_lacked_capacity": "LACKED" if lacked else self.weighted(
                (("NOT_LACKED", 90), ("DONT_KNOW", 7), ("NOT_RECORDED", 3))),
            "sac_capacity_support": True if support else (False if lacked else None),
            "support_types": (["IMCA"] if ep.advocate_id and self.chance(0.5) else
                              ["ADVOCATE"] if ep.advocate_id else ["FRIEND"])
            if support else None,
        })

    # ----- the adult's voice: outcomes, consent, capacity ---------------------------------

    def outcomes(self, a: _Adult, ep: _Episode, day: dt.date) -> None:
        if self.chance(0.06):
            return  # not asked (the case records why)
        theme = self.theme(ep)
        pool = list(theme["outcomes"]) + list(_GENERIC_OUTCOMES)
        by_rep = ep.capacity_conclusion == "LACKS_CAPACITY" and (ep.advocate_id or
                                                                 ep.supporter_id)
        assess = ep.level >= 5 or ep.status == "closed"
        for template in self.rng.sample(pool, self.rng.randint(1, 3)):
            statement = self.fill(ep, template)
            status = self.weighted((("ACTIVE", 85), ("REVISED", 10), ("WITHDRAWN", 5)))
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
            oid = self.w.create("desired_outcome", self.new_id(), payload)
            ep.outcome_ids.append(oid)
            changed = day + dt.timedelta(days=self.rng.randint(3, 20))
            if status != "ACTIVE" and changed < ep.end:
                payload = {**payload, "status": status, "change_reason": self.pick((
                    "The adult changed their mind after talking to the family.",
                    "Circumstances changed: the adult moved to respite care.",
                    "The adult said this no longer matters to them."))}
                if status == "REVISED":
                    payload["statement"] = statement.rstrip(".") + ", but with some help."
                self.w.edit("desired_outcome", oid, payload)
            if assess and payload["status"] != "WITHDRAWN":
                achieved = self.weighted((("FULLY", 50), ("PARTIALLY", 35),
                                          ("NOT_ACHIEVED", 15)))
                ep.achievements.append(achieved)
                when = max(day, ep.end - dt.timedelta(days=self.rng.randint(1, 10)))
                self.w.edit("desired_outcome", oid, {
                    **payload, "achievement": achieved, "achievement_assessed_at":
                    when.isoformat(),
                    "adult_view_on_achievement": self.pick(self.phrases["achievement_views"]),
                })

    def capacity(self, a: _Adult, ep: _Episode, day: dt.date) -> None:
        if not a.lacks_capacity_likely or not self.chance(0.75):
            return
        conclusion = self.weighted((("LACKS_CAPACITY", 60), ("HAS_CAPACITY", 35),
                                    ("UNABLE_TO_CONCLUDE", 5)))
        category = self.pick(("ENQUIRY_PARTICIPATION", "RESIDENCE", "FINANCES", "CARE",
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
        unable = self.rng.sample(["understand", "retain", "use_weigh"], self.rng.randint(1, 2)) \
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
            "case_id": ep.case_id, "assessed_at": self.at(day),
            "location": "The adult's home" if self.chance(0.7) else ep.org,
            "decision_in_question": self.fill(ep, question), "decision_category": category,
            "how_decision_put": "Explained in short sentences with a written summary, at the "
            "time of day {adult} is most alert.".format_map(ep.text),
            "trigger": self.pick((
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
            "impairment": True if lacks or self.chance(0.5) else None,
            "conclusion": conclusion,
            "persons_view": self.pick(("I know my own mind.", "I don't like all these "
                                      "questions.", "Ask my daughter, she knows.")),
            "balance_of_probabilities": "On the balance of probabilities, the conclusion above "
            "is supported by the evidence recorded in each part of the test.",
            "review_date": (day + dt.timedelta(days=90)).isoformat() if not lacks else None,
        }
        for item in ("understand", "retain", "use_weigh", "communicate"):
            if item in unable:
                payload[f"{item}_result"] = "UNABLE"
                payload[f"{item}_evidence"] = self.fill(ep, evidence[item])
            elif conclusion != "UNABLE_TO_CONCLUDE":
                payload[f"{item}_result"] = "ABLE"
        if payload["impairment"]:
            payload["impairment_description"] = self.pick((
                "Diagnosed Alzheimer's disease (memory clinic letter, last year).",
                "Moderate learning disability, known to the learning disability team.",
                "Vascular dementia following a stroke.",
            ))
            payload["impairment_duration"] = "PERMANENT" if self.chance(0.85) else "TEMPORARY"
        if lacks:
            payload["causative_nexus"] = self.fill(ep, "The inability to retain and weigh the "
                                                   "information is because of the dementia: "
                                                   "{adult} was calm, not pressured, and had "
                                                   "the information in a form that suited "
                                                   "{her_obj}.")
            payload["next_steps"] = ["BEST_INTERESTS"] + (["IMCA"] if ep.advocate_id else [])
            payload["fluctuation"] = "Capacity is unlikely to return; the decision cannot wait."
        ep.capacity_id = self.w.create("capacity_assessment", self.new_id(), payload)
        ep.capacity_conclusion = conclusion
        ep.capacity_category = category
        if lacks:
            self.best_interests(a, ep, day + dt.timedelta(days=self.rng.randint(1, 10)))

    def best_interests(self, a: _Adult, ep: _Episode, day: dt.date) -> None:
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
        self.w.create("best_interests_decision", self.new_id(), {
            "case_id": ep.case_id, "capacity_assessment_id": ep.capacity_id,
            "decided_at": self.at(when), "decision_maker": ep.text["worker"],
            "decision_maker_role": "Social worker", "lpa_deputy_checked": True,
            "lpa_deputy_result": self.weighted((("NONE_FOUND", 80),
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
            "wishes_feelings": self.pick(("Has always said {she} wants to die at home.",
                                          "Values {her} independence and {her} garden.",
                                          "Faith is important; attends the mosque weekly.",
                                          "Close to {her} grandchildren.")).format_map(ep.text),
            "consultees": consultees,
            "imca": "INSTRUCTED" if ep.advocate_id else "NOT_REQUIRED",
            "decision": "Stay at home with an increased care package and a key safe.",
            "least_restrictive_rationale": "Keeps the adult at home, which is what they have "
            "always wanted, while reducing the risk at the times it is highest.",
            "court_of_protection_considered": True if self.chance(0.1) else None,
            "dols_screen": "NO_DEPRIVATION",
            "review_date": (when + dt.timedelta(days=90)).isoformat(),
        })

    def consents(self, a: _Adult, ep: _Episode, day: dt.date) -> None:
        base: dict[str, Any] = {"case_id": ep.case_id, "decided_at": day.isoformat(),
                                "decision_maker": ep.text["worker"]}
        if ep.capacity_conclusion == "LACKS_CAPACITY" and ep.capacity_category in (
                "ENQUIRY_PARTICIPATION", "FINANCES"):
            self.w.create("consent_decision", self.new_id(), {
                **base, "consent_type": "S42_INVOLVEMENT", "decided_by": "NOT_APPLICABLE",
                "capacity_for_this_decision": "ASSESSED_LACKS", "capacity_link": ep.capacity_id,
                "status": "NOT_SOUGHT", "not_sought_reason": "LACKS_CAPACITY_BI",
                "not_sought_detail": "The adult lacks capacity for this decision; the enquiry "
                "goes ahead in their best interests with an advocate.",
            })
            return
        kind = self.weighted((("GIVEN", 55), ("GIVEN_WITH_LIMITS", 8), ("RESPECTED", 15),
                              ("OVERRIDDEN", 12), ("NOT_SOUGHT", 5), ("PENDING", 5)))
        ctype = self.pick(("S42_INVOLVEMENT", "SHARE_INFO", "SHARE_INFO", "POLICE_REFERRAL"))
        capacity: dict[str, Any] = {"capacity_for_this_decision": "PRESUMED"}
        if ep.capacity_conclusion == "HAS_CAPACITY":
            capacity = {"capacity_for_this_decision": "ASSESSED_HAS",
                        "capacity_link": ep.capacity_id}
        payload: dict[str, Any] = {
            **base, **capacity, "consent_type": ctype, "decided_by": "ADULT",
            "information_given": "Explained what would be shared, with whom and why, and what "
            "might happen if nothing is shared.",
            "coercion_considered": self.fill(ep, "Spoke to {adult} alone; no sign that {she} "
                                             "was being pressured." if self.chance(0.7) else
                                             "{rel_name} was close by; asked again when alone "
                                             "and the answer was the same."),
        }
        if ctype == "SHARE_INFO":
            payload["scope_recipients"] = self.pick(("GP and district nurses", ep.org,
                                                     "The bank's vulnerable customer team",
                                                     "Police and the housing officer"))
            payload["scope_purpose"] = "To make the enquiry and keep the adult safe."
        shared = (day + dt.timedelta(days=self.rng.randint(0, 5))).isoformat()
        if kind in ("GIVEN", "GIVEN_WITH_LIMITS"):
            payload["status"] = kind
            payload["adult_reasons"] = self.say(ep, self.phrases["consent_reasons_given"])
            if ctype == "SHARE_INFO":
                payload["shares"] = [{
                    "recipient": payload["scope_recipients"], "purpose": "Safeguarding enquiry",
                    "what_shared": "The concern and the adult's wishes", "art6_basis":
                    "E_PUBLIC_TASK", "art9_condition": "G_SPI_SCH1_P18_SAFEGUARDING",
                    "common_law_basis": "CONSENT", "shared_at": shared}]
        elif kind == "RESPECTED":
            ep.consent_respected_refusal = True
            payload.update({
                "status": self.pick(("REFUSED", "WITHDRAWN")), "override": False,
                "adult_reasons": self.say(ep, self.phrases["consent_reasons_refused"]),
                "support_offered": "Offered an independent advocate and the domestic abuse "
                "helpline number.",
                "accepted_risk_statement": self.say(ep, self.phrases["accepted_risk"]),
                "others_at_risk_assessment": "No children in the household and no other adults "
                "at risk from the same person, checked with the GP and housing.",
                "reasons_not_intervening": "The adult has capacity for this decision, there is "
                "no risk to others, and no crime requires a police referral.",
                "can_change_mind_explained": True,
                "manager_agreement": self.pick(self.names["managers"]),
                "review_date": (day + dt.timedelta(days=self.rng.randint(14, 42))).isoformat(),
                "consulted": ["MANAGER"],
            })
        elif kind == "OVERRIDDEN":
            informed = self.chance(0.85)
            grounds = self.rng.sample(["RISK_TO_OTHER_ADULTS", "RISK_TO_CHILDREN",
                                       "SERIOUS_CRIME", "STAFF_OR_SERVICE_IMPLICATED",
                                       "HIGH_RISK_LIFE_OR_LIMB", "MARAC_THRESHOLD"],
                                      self.rng.randint(1, 2))
            payload.update({
                "status": self.pick(("REFUSED", "WITHDRAWN")), "override": True,
                "adult_reasons": self.say(ep, self.phrases["consent_reasons_refused"]),
                "override_grounds": grounds,
                "override_facts": self.say(ep, self.phrases["override_facts"]),
                "proportionality_rationale": self.say(ep, self.phrases["proportionality"]),
                "adult_informed": informed,
                "adult_informed_at": shared if informed else None,
                "adult_response": self.pick(("I understand, but I'm not happy about it.",
                                             "Do what you have to do.",
                                             "As long as he doesn't find out it was me."))
                if informed else None,
                "not_informed_reason": None if informed else "Telling the adult now would "
                "alert the alleged abuser, who reads the adult's post and messages.",
                "wishes_respected_how": "Only the minimum was shared and the adult chooses "
                "how and when the next visits happen.",
                "consulted": ["SAFEGUARDING_LEAD", "MANAGER"],
                "decision_maker": self.pick(self.names["managers"]),
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
        self.w.create("consent_decision", self.new_id(), payload)

    # ----- risk assessment and the plan ---------------------------------------------------

    def risk_assessment(self, a: _Adult, ep: _Episode, day: dt.date, context: str) -> None:
        theme = self.theme(ep)
        entries: list[dict[str, Any]] = []
        pool = list(theme["risks"]) + list(self.phrases["risks_identified"][:4])
        for i, template in enumerate(self.rng.sample(pool, min(len(pool),
                                                               self.rng.randint(1, 3)))):
            likelihood, impact = self.rng.randint(1, 5), self.rng.randint(2, 5)
            rag = rag_for(likelihood, impact)
            override = self.chance(0.08)
            entries.append({
                "description": self.fill(ep, template),
                "who_at_risk": ["ADULT"] + (["OTHER_ADULTS"] if ep.theme == "ORGANISATIONAL"
                                            else []),
                "history": self.pick(("First reported incident.", "Two similar incidents in "
                                      "the last year.", "Escalating over three months.")),
                "likelihood": likelihood, "impact": impact,
                "rag": ("RED" if rag != "RED" else "AMBER") if override else rag,
                "rag_override_reason": "Professional judgement: the adult's account suggests "
                "the risk is higher (or lower) than the score shows." if override else None,
                "protective_factors": self.fill(ep, "A supportive neighbour; {adult} is clear "
                                                "about what {she} wants."),
                "adult_view": self.pick(("It's not as bad as they make out.", "I'm frightened "
                                         "it will happen again.", "I can cope if I have "
                                         "help.")),
                "controls": self.fill(ep, self.pick(theme["actions"])),
                "risk_item_id": ep.risk_ids[i] if i < len(ep.risk_ids) else None,
            })
        domestic = ep.theme == "DOMESTIC"
        dash = self.rng.randint(6, 20) if domestic else None
        marac = bool(dash is not None and dash >= 14)
        self.w.create("risk_assessment", self.new_id(), {
            "case_id": ep.case_id, "assessed_at": day.isoformat(),
            "assessor": ep.text["worker"], "context": context, "entries": entries,
            "capacity_assessment_id": ep.capacity_id,
            "residual_risk": self.pick(("Medium, reducing with the plan.", "Low once the "
                                        "actions are complete.", "High until the police "
                                        "investigation concludes.")),
            "marac_referral": marac if domestic else None,
            "marac_referral_date": day.isoformat() if marac else None,
            "dash_score": dash, "dash_date": day.isoformat() if domestic else None,
            "review_date": (day + dt.timedelta(days=self.rng.randint(14, 60))).isoformat(),
        })

    def plan(self, a: _Adult, ep: _Episode, start: dt.date, review1: dt.date,
             review2: dt.date) -> None:
        theme = self.theme(ep)
        ended = ep.status == "closed"
        under_review = ep.status == "plan_under_review"
        unable = ep.capacity_conclusion == "LACKS_CAPACITY"
        plan: dict[str, Any] = {
            "case_id": ep.case_id, "status": "ACTIVE", "lead": ep.text["worker"],
            "started_at": start.isoformat(),
            "adult_view": self.pick(self.phrases["plan_views"]),
            "adult_agreement": "UNABLE_TO_AGREE" if unable else self.weighted(
                (("AGREED", 70), ("PARTLY_AGREED", 20), ("NOT_AGREED", 10))),
            "views_represented_how": f"{ep.advocate_name or ep.supporter_name or 'The advocate'}"
            " put the adult's views at the meeting." if unable else None,
            "agreed_by": [{"party": "The adult" if not unable else "Advocate",
                           "how_agreed": "At the planning meeting",
                           "agreed_on": start.isoformat()},
                          {"party": ep.org, "how_agreed": "By email",
                           "agreed_on": start.isoformat()}],
            "safety_steps": self.several(ep, theme["actions"], 1, 2),
            "protection_arrangements": "Short term: daily contact. Medium term: the actions "
            "below. Long term: a care review in six months.",
            "contingency": "If the adult is harmed again or the plan breaks down, call the duty "
            "team or the police; an urgent review will be held within two working days.",
            "review_frequency": "Every six weeks",
            "review_date": review1.isoformat(),
        }
        pid = self.w.create("safeguarding_plan", self.new_id(), plan)
        actions = [*theme["actions"], "Feed back to the referrer", "Care and support review"]
        for i, template in enumerate(self.rng.sample(actions, self.rng.randint(2, 4))):
            due = start + dt.timedelta(days=self.rng.randint(7, 70))
            if ended:
                status = self.weighted((("DONE", 85), ("CANCELLED", 15)))
            elif due < self.today:
                status = self.weighted((("DONE", 55), ("IN_PROGRESS", 25),
                                        ("NOT_STARTED", 20)))  # the open ones are overdue
            else:
                status = self.weighted((("NOT_STARTED", 50), ("IN_PROGRESS", 50)))
            self.w.create("plan_action", self.new_id(), {
                "case_id": ep.case_id, "plan_id": pid, "action": self.fill(ep, template),
                "owner": self.pick((ep.text["worker"], "District nurse", "Provider manager",
                                    "Police liaison officer", "Housing officer")),
                "owner_organisation": self.pick(("Council", ep.org, "NHS", "Police")),
                "due_date": due.isoformat(), "status": status,
                "desired_outcome_id": ep.outcome_ids[i % len(ep.outcome_ids)]
                if ep.outcome_ids else None,
                "risk_item_id": ep.risk_ids[0] if ep.risk_ids else None,
                "completion_note": self.pick(("Done and confirmed with the adult.",
                                              "Completed; evidence on file."))
                if status == "DONE" else ("No longer needed: the adult moved to respite care."
                                          if status == "CANCELLED" else None),
            })
        reviews: list[tuple[dt.date, str]] = []
        if ended:
            reviews = [(review1, "CONTINUE"), (min(review2, ep.end), "END_PLAN")]
        elif under_review:
            reviews = [(review1, self.pick(("CONTINUE", "AMEND")))]
        elif review1 < self.today and self.chance(0.6):
            reviews = [(review1, "CONTINUE")]
        next_review = review1
        for when, decision in reviews:
            next_review = when + dt.timedelta(days=self.rng.randint(28, 56))
            if under_review:
                # The plan is being reviewed now: its next review is close.
                next_review = max(when + dt.timedelta(days=1),
                                  self.today + dt.timedelta(days=self.rng.randint(-7, 10)))
            self.w.create("plan_review", self.new_id(), {
                "case_id": ep.case_id, "plan_id": pid, "reviewed_at": when.isoformat(),
                "attendees": [{"name": ep.text["worker"], "role": "Social worker"},
                              {"name": a.given + " " + a.family, "role": "The adult"}],
                "summary": self.say(ep, self.phrases["review_summaries"]),
                "risk_change": self.pick(("Reduced", "No change", "Reduced since the last "
                                          "review")),
                "adult_view": self.pick(self.phrases["achievement_views"]),
                "decision": decision,
                "next_review_date": next_review.isoformat() if decision != "END_PLAN" else None,
            })
        if ended:
            plan.update({"status": "ENDED", "ended_at": ep.end.isoformat(),
                         "end_reason": "Risk managed; the adult's outcomes met."})
            plan.pop("review_date")
        elif under_review:
            plan.update({"status": "UNDER_REVIEW", "review_date": next_review.isoformat()})
        else:
            plan["review_date"] = next_review.isoformat()
        if ended or under_review or reviews:
            self.w.edit("safeguarding_plan", pid, plan)

    def closure(self, a: _Adult, ep: _Episode, day: dt.date) -> None:
        reason = {
            "info": self.weighted((("ADULT_DECLINED_CAPACITOUS_NO_OTHERS_AT_RISK", 50),
                                   ("ADULT_MOVED", 15), ("ADULT_DIED", 10),
                                   ("TRANSFERRED_OTHER_LA", 15), ("OTHER", 10))),
            "no_enquiry": self.weighted((("NO_FURTHER_SAFEGUARDING_ROLE", 70),
                                         ("TRANSFERRED_OTHER_PROCESS", 30))),
            "concluded": self.weighted((("OUTCOMES_MET_RISK_MANAGED", 75),
                                        ("NO_FURTHER_SAFEGUARDING_ROLE", 25))),
            "plan_ended": "OUTCOMES_MET_RISK_MANAGED",
        }[ep.close_path or "info"]
        no_view = reason in ("ADULT_DIED", "ADULT_MOVED") or self.chance(0.05)
        stage = _STATUS_AT[min(ep.level, 7)]
        sar = True if self.chance(0.05) else None
        self.w.create("closure", self.new_id(), {
            "case_id": ep.case_id, "closed_at": day.isoformat(), "closure_stage": stage,
            "closure_reason": reason,
            "closure_reason_detail": "Case merged with the large-scale enquiry at the provider."
            if reason == "OTHER" else None,
            "adult_view": None if no_view else self.say(ep, self.phrases["closure_views"]),
            "adult_view_not_obtained_reason": ("The adult died before the case closed."
                                               if reason == "ADULT_DIED" else
                                               "The adult moved away and did not reply to "
                                               "letters." if reason == "ADULT_MOVED" else
                                               "The adult did not want to talk about closing.")
            if no_view else None,
            "outcomes_evaluated_by_adult": self.fill(ep, "{adult} said the main thing {she} "
                                                     "wanted has happened.")
            if ep.achievements and not no_view else None,
            "referrer_informed": True, "partners_informed": self.chance(0.8),
            "alleged_source_action_recorded": True if ep.level >= 5 else None,
            "others_at_risk_addressed": True if self.chance(0.5) else None,
            "childrens_services_referral": self.weighted((("NOT_APPLICABLE", 85),
                                                          ("NO", 10), ("YES", 5))),
            "sar_considered": sar,
            "sar_outcome": "Referred to the Safeguarding Adults Board; SAR criteria not met."
            if sar else None,
            "other_processes_continuing": "Police investigation continues." if self.chance(0.1)
            else None,
            "lessons_learned": self.pick(self.phrases["lessons"]) if self.chance(0.3) else None,
        })

    # ----- contact notes ------------------------------------------------------------------

    def notes(self, a: _Adult, ep: _Episode) -> None:
        if self.notes_per_case is not None:
            count = self.notes_per_case
        else:
            lo, hi = (3, 5) if ep.status == "reopened" else _NOTES_BY_LEVEL[ep.level]
            count = self.rng.randint(lo, hi)
        span = max(0, (ep.end - ep.d0).days)
        days = sorted(ep.d0 + dt.timedelta(days=self.rng.randint(0, span))
                      for _ in range(count))
        for i, day in enumerate(days):
            self.note(a, ep, day, first=i == 0)

    def note(self, a: _Adult, ep: _Episode, day: dt.date, *, first: bool) -> None:
        p = self.phrases
        theme = self.theme(ep)
        ntype = "PHONE" if first else self.weighted(_NOTE_TYPES)
        with_adult = ntype not in _NO_ADULT_TYPES and not (first and self.chance(0.5))
        remote = ntype in _REMOTE_TYPES
        start = dt.datetime(day.year, day.month, day.day, self.rng.randint(9, 16),
                            self.rng.choice((0, 15, 30, 45)), tzinfo=_LONDON)
        minutes = self.rng.choice((10, 15, 20, 30, 45, 60, 75, 90)) if not remote else \
            self.rng.choice((5, 10, 15, 20))
        worker = ep.text["worker"]
        attendees: list[dict[str, Any]] = [{"name": worker, "role": "Social worker",
                                            "attendance": "BY_PHONE" if remote else "PRESENT"}]
        payload: dict[str, Any] = {
            "case_id": ep.case_id, "note_type": ntype, "event_start": start.isoformat(),
            "event_end": (start + dt.timedelta(minutes=minutes)).isoformat(),
            "mode": "REMOTE" if remote else "FACE_TO_FACE",
            "location": None if remote else self.pick(("The adult's home", ep.org,
                                                       "Council office", "GP surgery")),
            "purpose": self.say(ep, p["purposes"][ntype]),
            "adult_present": with_adult,
        }
        if self.chance(0.03):
            payload["late_entry_reason"] = "Written up the next working day after an urgent " \
                "visit took the rest of the afternoon."
        facts: list[str] = []
        if ntype == "NO_REPLY_VISIT":
            facts.append(self.say(ep, p["no_reply"]))
        elif ntype in ("CASE_DISCUSSION", "SUPERVISION", "MANAGER_DECISION", "MEETING"):
            facts.append(self.several(ep, p["professional"], 1, 2))
            attendees.append({"name": self.pick(self.names["managers"]).split(" (")[0],
                              "role": "Manager", "attendance": "PRESENT"})
        elif ntype == "EMAIL_LETTER_TEXT":
            facts.append(self.fill(ep, "Sent {adult} a summary of our last conversation and the "
                                   "next steps, in plain English, with my direct number."))
        else:
            facts.append(self.several(ep, p["facts_generic"], 1, 2))
            facts.append(self.say(ep, theme["facts"]))
        if with_adult:
            attendees.append({"name": f"{a.given} {a.family}", "role": "The adult",
                              "attendance": "BY_PHONE" if remote else "PRESENT"})
            quotes = list(theme["quotes"])
            said = [self.fill(ep, q) for q in self.rng.sample(quotes, min(len(quotes),
                                                                          self.rng.randint(1, 2)))]
            payload["adult_own_words"] = " ".join(f"\u201c{q}\u201d" for q in said)
            if not remote:
                alone = not (ep.rel_id and self.chance(0.2))
                payload["seen_alone"] = alone
                if not alone:
                    payload["not_seen_alone_reason"] = self.fill(ep, self.pick((
                        "{adult} asked for {rel_name} to stay.",
                        "{rel_name} would not leave the room; a further visit is planned to "
                        "see {adult} alone.")))
                    attendees.append({"name": ep.rel_name, "role": ep.rel_role.capitalize(),
                                      "attendance": "PRESENT", "related_person_id": ep.rel_id})
            if a.language == "Welsh":
                payload["language_used"] = "Welsh"
                if self.chance(0.3):
                    payload["interpreter_used"] = True
                    payload["interpreter"] = f"{self.pick(self.names['interpreters']['Welsh'])}" \
                        f", {self.pick(self.names['interpreter_agencies'])}"
                else:
                    payload["communication_support"] = "Conversation in Welsh with a " \
                        "Welsh-speaking social worker (Active Offer)."
            elif a.language != _ENGLISH:
                payload["language_used"] = a.language
                if a.interpreter_needed:
                    names = self.names["interpreters"].get(a.language, ["A. Interpreter"])
                    name = f"{self.pick(names)}, {self.pick(self.names['interpreter_agencies'])}"
                    payload["interpreter_used"] = True
                    payload["interpreter"] = name
                    attendees.append({"name": name.split(",")[0], "role": "Interpreter",
                                      "attendance": "BY_PHONE" if remote or self.chance(0.3)
                                      else "PRESENT"})
            else:
                payload["language_used"] = _ENGLISH
        elif ep.rel_id and not ep.rel_is_source and ntype in ("PHONE", "MEETING") and \
                self.chance(0.5):
            payload["views_given_by"] = f"{ep.rel_name} ({ep.rel_role})"
        payload["attendees"] = attendees
        payload["facts"] = " ".join(facts)
        if self.chance(0.5):
            payload["reported_information"] = self.say(ep, p["reported"])
        if ntype not in ("EMAIL_LETTER_TEXT", "NO_REPLY_VISIT") or self.chance(0.3):
            payload["analysis"] = self.say(ep, p["analysis"])
        if self.chance(0.4):
            payload["risks_identified"] = self.say(ep, p["risks_identified"])
        if with_adult and self.chance(0.4):
            payload["consent_capacity_notes"] = self.say(ep, p["consent_notes"])
        if self.chance(0.6):
            payload["actions"] = [
                {"action": self.fill(ep, action), "owner": owner if owner != "social worker"
                 else worker, "due_date": (day + dt.timedelta(days=self.rng.randint(2, 14)))
                 .isoformat()}
                for action, owner in self.rng.sample(p["note_actions"], self.rng.randint(1, 2))
            ]
        if with_adult and self.chance(0.2):
            payload["written_with_adult"] = True
        if with_adult and self.chance(0.3):
            payload["shared_with_adult"] = True
        nid = self.w.create("contact_note", self.new_id(), payload)
        if day >= self.today - dt.timedelta(days=2) and not self.chance(0.3):
            return  # recent notes are often still open for editing
        if not self.chance(0.93):
            return
        self.w.finalise(nid, payload)
        if self.chance(0.04):
            kind, reason = self.pick(p["amend_reasons"])
            amended = dict(payload)
            if kind == "ADDENDUM":
                amended["facts"] = payload["facts"] + " Addendum: " + self.say(
                    ep, p["reported"])
            elif kind == "CORRECTION":
                amended["event_end"] = (start + dt.timedelta(minutes=minutes + 15)).isoformat()
            self.w.amend(nid, amended, reason, kind)


def _test_nhs_number(rng: random.Random) -> str:
    """A number in the 999 range the NHS reserves for testing, with a valid check digit."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            digits.append(check)
            s = "".join(map(str, digits))
            return f"{s[:3]} {s[3:6]} {s[6:]}"
