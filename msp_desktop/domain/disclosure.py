"""What a subject-access copy of a case record withholds, and why (pure).

The adult has a right to their own data, not to other people's (DPA 2018 Schedule 2
paragraph 16: information relating to another individual): the names and details of third
parties (related people, the person alleged to have caused harm, the referrer, others who took
part, were consulted, own an action or were told something) are withheld. The rules are
declared per field below, so an information-governance officer can read them, and every
decision is listed (record, field, reason) in the copy itself.

The rules, in order:
- The adult is not a third party: a field naming the adult ("Eirlys Pritchard", "the adult")
  is kept, except in a related person's record (a related person is never the adult, even
  when they share the adult's name).
- Workers are not third parties: a person named in a field that names the workers on the case
  (STAFF_FIELDS), or who wrote a record, is kept where a worker may be named (rows of people,
  action owners, decision-makers). A best-interests decision-maker is a worker only when their
  role is not an attorney's, a deputy's or a family member's.
- Organisations are not individuals: an organisation's name (a value with a word such as
  "Care Home", "Council", "NHS", "Lettings") is never withheld, in its field or in the text,
  including the adult's own care home when it is the alleged source of harm. Fields that only
  ever hold an organisation (the referrer's organisation, a related person's organisation)
  are therefore not in the rules. Where an organisation is so small that its name would
  identify a person, the officer checking the copy must judge that.
- Free text is written by the worker and may name third parties too ("Gareth said ..."):
  every third party's name from the fields above, from every revision of the case's records
  (an amendment's original too), and the capitalised names in the "who was present" and "who
  was consulted" text, is taken out of all text: whole names in any case, and each part of a
  name (split at spaces and hyphens) where the text writes it as a name, capitalised or in a
  script without capitals (Urdu, Arabic). Accents are ignored on both sides ("Sian" and
  "Siân"). Parts the adult's own name shares are the adult's data and stay. A value with no
  word that could be a personal name ("unknown", "Carer", "GP practice", "Registered
  manager") is withheld in its field but never hunted in the text: it would take ordinary
  words with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.fields import TEXT_TYPES, FieldType, RecordKind, is_empty
from msp_desktop.domain.folding import FOLDED_LETTERS, fold
from msp_desktop.domain.kinds import KINDS

WITHHELD = "[withheld: third party]"

FULL = "full"
SAR = "sar"
PROFILES = (FULL, SAR)

# Reasons, as printed in the "What was withheld and why" list.
R_RELATED = "Details of a related person (a third party)"
R_SOURCE = "The person alleged to have caused harm (a third party)"
R_REFERRER = "The person who raised the concern (a third party)"
R_PRESENT = "Someone who took part, not the adult or a worker (a third party)"
R_CONSULTED = "Someone consulted, and their views (a third party)"
R_REPRESENTATIVE = "The adult's representative (a third party)"
R_DECIDER = "An attorney, deputy or family member deciding for the adult (a third party)"
R_OWNER = "Someone given an action, not the adult or a worker (a third party)"
R_SHARED = "A person information was shared with (a third party)"
R_NAMED = "A third party named in the text"

# (kind, field) -> reason: always withheld in a subject-access copy, unless the value is the
# adult's own name (a self-referral names the adult as the referrer) or, in a field naming a
# person or an organisation (NAME_FIELDS), an organisation.
THIRD_PARTY_FIELDS: dict[tuple[str, str], str] = {
    ("related_person", "name"): R_RELATED,
    ("related_person", "relationship_to_adult"): R_RELATED,
    ("related_person", "contact_details"): R_RELATED,
    ("related_person", "safety_notes"): R_RELATED,
    ("risk_item", "alleged_source_name"): R_SOURCE,
    ("concern", "referrer_name"): R_REFERRER,
    ("concern", "referrer_relationship"): R_REFERRER,
    ("contact_note", "views_given_by"): R_PRESENT,
    ("contact_note", "interpreter"): R_PRESENT,
    ("desired_outcome", "representative_name"): R_REPRESENTATIVE,
    ("capacity_assessment", "present"): R_PRESENT,
    ("capacity_assessment", "consulted"): R_CONSULTED,
    ("capacity_assessment", "advocate_or_imca"): R_CONSULTED,
    ("best_interests_decision", "imca_reason"): R_CONSULTED,
    ("best_interests_decision", "lpa_deputy_details"): R_DECIDER,
    ("best_interests_decision", "disagreements"): R_CONSULTED,
}

# (kind, field) -> reason: withheld unless the value is the adult, a worker on the case, or
# an organisation.
WORKER_OR_THIRD_PARTY: dict[tuple[str, str], str] = {
    ("plan_action", "owner"): R_OWNER,
    ("capacity_assessment", "decision_maker"): R_DECIDER,
    ("best_interests_decision", "decision_maker"): R_DECIDER,
}

# (kind, list field) -> (name subfield, other subfields withheld with it, reason): a row
# names a person; withheld unless the person is the adult, one of the workers, or an
# organisation.
PEOPLE_ROWS: dict[tuple[str, str], tuple[str, tuple[str, ...], str]] = {
    ("contact_note", "attendees"): ("name", ("role",), R_PRESENT),
    ("contact_note", "actions"): ("owner", (), R_OWNER),
    ("plan_review", "attendees"): ("name", ("role",), R_PRESENT),
    ("safeguarding_plan", "agreed_by"): ("party", ("how_agreed",), R_PRESENT),
    ("consent_decision", "shares"): ("recipient", ("recipient_role",), R_SHARED),
    ("best_interests_decision", "consultees"):
        ("name", ("relationship", "views", "not_consulted_reason"), R_CONSULTED),
}
# Rows of these lists are always withheld, whoever they name (their views are theirs).
_ALWAYS_ROWS = frozenset({("best_interests_decision", "consultees")})

# Fields whose value names one person or organisation: an organisation is kept, a person's
# name is hunted through the text, all its parts (two letters and more).
NAME_FIELDS = frozenset({
    ("related_person", "name"), ("risk_item", "alleged_source_name"),
    ("concern", "referrer_name"), ("contact_note", "views_given_by"),
    ("contact_note", "interpreter"), ("desired_outcome", "representative_name"),
    ("capacity_assessment", "advocate_or_imca"), ("best_interests_decision", "imca_reason"),
    *WORKER_OR_THIRD_PARTY,
})
# Free text naming people: its capitalised names are hunted through the rest of the text.
PEOPLE_TEXT = frozenset({("capacity_assessment", "present"),
                         ("capacity_assessment", "consulted")})

# Fields naming the workers on the case: people in rows with these names are not third parties.
STAFF_FIELDS: dict[str, tuple[str, ...]] = {
    "case": ("lead_practitioner",),
    "concern": ("reasonable_cause_checked_by",),
    "concern_decision": ("decision_maker",),
    "enquiry": ("enquiry_lead",),
    "desired_outcome": ("asked_by",),
    "consent_decision": ("decision_maker", "manager_agreement"),
    "capacity_assessment": ("assessor", "decision_maker"),
    "best_interests_decision": ("decision_maker",),
    "risk_assessment": ("assessor",),
    "safeguarding_plan": ("lead",),
}
# A best-interests decision-maker in one of these roles is not a worker.
_NOT_STAFF_ROLE = re.compile(
    r"attorney|deputy|\blpa\b|famil|relative|unpaid|\bson\b|daughter|husband|wife|partner|"
    r"parent|mother|father|brother|sister|friend|neighbour", re.IGNORECASE)

_MIN_PART = 3  # a shorter part of a name found in free text would take ordinary words
_MIN_NAME_PART = 2  # "Al", "Jo": a part of a value from a field that holds a person's name
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "the", "and", "of", "prof",
                     "sir", "rev", "a", "an", "her", "his", "their", "my", "me", "she",
                     "he", "they", "we", "i", "with", "by", "for", "at", "to", "from"})
# How workers write the adult in a "who" field: the adult, not a third party.
_ADULT_WORDS = frozenset({"the adult", "adult", "the person", "self", "the adult's"})
# A name with one of these words is an organisation's: it is not withheld (see above).
_ORGANISATION_WORDS = frozenset({
    "centre", "center", "home", "homes", "ltd", "limited", "council", "trust", "nhs",
    "services", "service", "care", "hospital", "agency", "practice", "ward", "team",
    "police", "surgery", "group", "housing", "association", "bank", "school", "company",
    "lettings", "plc", "llp", "clinic", "pharmacy", "charity", "advocacy", "partnership",
    "solicitors", "department", "dwp", "ambulance", "fire", "constabulary", "university",
})
# Words that describe a role rather than name a person: a value made only of these (and
# titles) has no personal-name word and is never hunted in the text.
_ROLE_WORDS = frozenset({
    "unknown", "not", "known", "none", "carer", "carers", "gp", "manager", "registered",
    "nurse", "doctor", "staff", "worker", "workers", "support", "social", "officer",
    "son", "daughter", "mother", "father", "parent", "neighbour", "friend", "family",
    "landlord", "husband", "wife", "partner", "brother", "sister", "cousin", "niece",
    "nephew", "aunt", "uncle", "grandson", "granddaughter", "grandchild", "member",
    "paid", "private", "advocate", "imca", "interpreter", "attorney", "deputy", "relative",
    "lodger", "visitor", "resident", "provider", "someone", "person", "people", "other",
    "others", "man", "woman", "male", "female", "unnamed", "anonymous", "n/a", "na",
})


@dataclass(frozen=True)
class Withheld:
    """One decision, for the list an information-governance officer checks."""

    record_id: str
    kind: str
    field: str  # the field's label as the app shows it
    reason: str


class Disclosure:
    """The redaction for one export: `payload()` gives what may be shown of a record.

    `records` are the case's records; `revisions`, any earlier revisions of them (objects with
    `kind` and `payload`): names that survive only in an amendment's original are hunted too.
    """

    def __init__(self, profile: str, adult: Mapping[str, Any] | None,
                 records: Sequence[Any], authors: Iterable[str] = (),
                 revisions: Iterable[Any] = ()) -> None:
        if profile not in PROFILES:
            raise ValueError(f"Unknown export profile {profile!r}: use full or sar.")
        self.profile = profile
        self._adult = _names_of(adult or {})
        every = [*records, *revisions]
        self._staff = {_norm(a) for a in authors if a} | (
            _staff_names(every) - _known_third_parties(every))
        self._withheld: dict[Withheld, None] = {}
        names = _third_party_names(every, self._adult, self._staff) if self.redacts else []
        self._pattern = _name_pattern(names, self._adult)

    @property
    def redacts(self) -> bool:
        return self.profile == SAR

    @property
    def withheld(self) -> list[Withheld]:
        return list(self._withheld)

    def _note(self, record_id: str, kind: str, field: str, reason: str) -> None:
        self._withheld[Withheld(record_id, kind, field, reason)] = None

    def text(self, record_id: str, kind: str, field: str, value: str) -> str:
        """Free text with third-party names taken out."""
        if not self.redacts or self._pattern is None or not value:
            return value
        out, n = _redact(self._pattern, value)
        if n:
            self._note(record_id, kind, field, R_NAMED)
        return out

    def payload(self, record_id: str, kind_name: str,
                payload: Mapping[str, Any]) -> dict[str, Any]:
        """The payload as this profile may show it (a copy; the input is not changed)."""
        out = dict(payload)
        kind = KINDS.get(kind_name)
        if not self.redacts or kind is None:
            return out
        for f in kind.fields:
            value = out.get(f.name)
            if is_empty(value):
                continue
            key = (kind_name, f.name)
            reason = THIRD_PARTY_FIELDS.get(key)
            if (reason is None and key in WORKER_OR_THIRD_PARTY and isinstance(value, str)
                    and not (self._is_adult(value) or _norm(value) in self._staff)):
                reason = WORKER_OR_THIRD_PARTY[key]
            if reason and isinstance(value, str) and self._kept(kind_name, key, value):
                reason = None
            if reason:
                out[f.name] = WITHHELD
                self._note(record_id, kind_name, f.label, reason)
            elif f.type in TEXT_TYPES and isinstance(value, str):
                out[f.name] = self.text(record_id, kind_name, f.label, value)
            elif f.type is FieldType.LIST and isinstance(value, list):
                out[f.name] = [self._row(record_id, kind, f.name, row)
                               if isinstance(row, dict) else row for row in value]
        return out

    def _kept(self, kind_name: str, key: tuple[str, str], value: str) -> bool:
        """A third-party field that names the adult (never in a related person's record) or,
        in a field naming a person or an organisation, an organisation."""
        if kind_name != "related_person" and self._is_adult(value):
            return True
        return key in NAME_FIELDS and is_organisation(value)

    def _row(self, record_id: str, kind: RecordKind, list_name: str,
             row: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(row)
        list_field = kind.field(list_name)
        people = PEOPLE_ROWS.get((kind.name, list_name))
        if people is not None:
            name_field, with_it, reason = people
            name = str(row.get(name_field) or "")
            always = (kind.name, list_name) in _ALWAYS_ROWS
            kept = (not name or self._is_adult(name) or _norm(name) in self._staff
                    or is_organisation(name))
            if always or not kept:
                for name_of in (name_field, *with_it):
                    if not is_empty(out.get(name_of)):
                        out[name_of] = WITHHELD
                        self._note(record_id, kind.name,
                                   f"{list_field.label}: {_sub_label(list_field, name_of)}", reason)
        for sub in list_field.subfields:
            value = out.get(sub.name)
            if sub.type in TEXT_TYPES and isinstance(value, str) and value != WITHHELD:
                out[sub.name] = self.text(record_id, kind.name,
                                          f"{list_field.label}: {sub.label}", value)
        return out

    def _is_adult(self, name: str) -> bool:
        n = _norm(name)
        return bool(n) and (n in self._adult or n in _ADULT_WORDS)


def _sub_label(list_field: Any, name: str) -> str:
    for s in list_field.subfields:
        if s.name == name:
            return str(s.label)
    return name


def _norm(name: str) -> str:
    return " ".join(_fold(name).split())


def _fold(text: str) -> str:
    """Lower case without accents, character for character (the same length as the NFC
    text, so a match in the folded text is a match at the same place in the text).
    Letters with no decomposition fold too where one letter stands for them (ł -> l,
    ø -> o, đ -> d); those spelled with two (ß, æ, œ) stay, and name patterns accept
    either spelling (see _spellings)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        base = "".join(ch for ch in unicodedata.normalize("NFD", c)
                       if not unicodedata.combining(ch)).lower()
        base = _ONE_LETTER.get(base, base)
        out.append(base if len(base) == 1 else c)
    return "".join(out)


# The search folds (domain/folding) that keep the length: one letter for one.
_ONE_LETTER = {c: spelt.lower() for c in FOLDED_LETTERS
               if len(c) == 1 and len(spelt := fold(c)) == 1}
# Two-letter spellings of the letters that keep their place in folded text: a name written
# "Strauß" matches "Strauss" in a note, and the other way round.
_TWO_LETTER = {"ss": "ß", "ae": "æ", "oe": "œ"}
_TWO_LETTER_FORMS = re.compile("|".join(_TWO_LETTER))


def _spellings(form: str) -> str:
    """A regex for the folded `form` written with either spelling of ß, æ and œ."""
    spelt = form.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    return _TWO_LETTER_FORMS.sub(
        lambda m: f"(?:{m.group()}|{_TWO_LETTER[m.group()]})", re.escape(spelt))


_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(value: str) -> list[str]:
    return list(_WORDS.findall(_fold(value)))


# Where a value names more than one party ("K. Dhaliwal, housing officer", "Nerys H.,
# ClearVoice Language Services", "a care worker from Brightwater Home Care").
_SEGMENTS = re.compile(r"[,;()\[\]/]|\s[-–]\s|\s(?:from|at)\s", re.IGNORECASE)


def _segments(value: str) -> list[str]:
    return [seg.strip() for seg in _SEGMENTS.split(value) if seg.strip()]


def _is_org_segment(segment: str) -> bool:
    return any(w in _ORGANISATION_WORDS for w in _words(segment))


def person_parts(value: str) -> list[str]:
    """The parts of a value that name a person: not an organisation, with a personal-name
    word ("K. Dhaliwal" of "K. Dhaliwal, housing officer")."""
    return [seg for seg in _segments(value)
            if not _is_org_segment(seg) and has_name_word(seg)]


def is_organisation(value: str) -> bool:
    """A value naming an organisation ("Harbour View Care Home", "Riverside Lettings", "a
    care worker from Brightwater Home Care") and no person by name."""
    return any(_is_org_segment(seg) for seg in _segments(value)) and not person_parts(value)


def has_name_word(value: str) -> bool:
    """A value with a word that could be a personal name (not a title, a role or an
    organisation word): "unknown", "Carer", "GP practice" have none."""
    return any(len(w) >= _MIN_NAME_PART and w not in _TITLES and w not in _ROLE_WORDS
               and w not in _ORGANISATION_WORDS for w in _words(value))


def _names_of(adult: Mapping[str, Any]) -> set[str]:
    """The adult's names, as written in full or in part (and each part of a hyphenated one)."""
    given = str(adult.get("given_names") or "")
    family = str(adult.get("family_name") or "")
    preferred = str(adult.get("preferred_name") or "")
    firsts = {given, preferred, *given.split(), *preferred.split()}
    forms = {family, *family.split(), *firsts, *(f"{f} {family}" for f in firsts)}
    forms |= {p for f in list(forms) for p in re.split(r"[-‐]", f)}
    return {_norm(f) for f in forms if _norm(f)}


def _staff_names(records: Sequence[Any]) -> set[str]:
    names = set()
    for r in records:
        for f in STAFF_FIELDS.get(r.kind, ()):
            value = r.payload.get(f)
            if not value:
                continue
            if (r.kind == "best_interests_decision" and f == "decision_maker"
                    and _NOT_STAFF_ROLE.search(str(r.payload.get("decision_maker_role") or ""))):
                continue
            names.add(_norm(str(value)))
    return names


def _known_third_parties(records: Sequence[Any]) -> set[str]:
    """People the record says are not workers: related people, and best-interests
    decision-makers who are attorneys, deputies or family (a capacity assessment's
    decision-maker with one of these names is not a worker either)."""
    names = set()
    for r in records:
        if r.kind == "related_person" and r.payload.get("name"):
            names.add(_norm(str(r.payload["name"])))
        if (r.kind == "best_interests_decision" and r.payload.get("decision_maker")
                and _NOT_STAFF_ROLE.search(str(r.payload.get("decision_maker_role") or ""))):
            names.add(_norm(str(r.payload["decision_maker"])))
    return names


# Names in free text: runs of capitalised words, cut at commas, brackets, "and", "&", ";".
_NAME_RUN = re.compile(r"(?:[^\W\d_][\w'’-]*\s*)+")
_CUT = re.compile(r"[,;()\[\]/&]|\band\b|\bor\b|\.\s")


def names_in_text(text: str) -> list[str]:
    """The names a worker wrote in a "who" text ("Nasreen, me, and her cousin Farida Shah
    (she translated)" -> "Farida Shah"): runs of capitalised words that are not titles or
    role words."""
    found = []
    for chunk in _CUT.split(text):
        run: list[str] = []
        for word in [*chunk.split(), ""]:
            bare = word.strip(".'’:!?\"")
            if bare[:1].isupper() and _fold(bare) not in _TITLES | _ROLE_WORDS:
                run.append(bare)
                continue
            if run:
                found.append(" ".join(run))
            run = []
    return [n for n in found if has_name_word(n)]


@dataclass(frozen=True)
class _Name:
    value: str
    min_part: int  # the shortest part of it hunted on its own


def _third_party_names(records: Sequence[Any], adult: set[str],
                       staff: set[str]) -> list[_Name]:
    """Every person's name the third-party fields and rows hold (not the adult's, nor a
    worker's where workers may be named, nor an organisation's), and the names written in
    the "who was there" texts."""
    names: list[_Name] = []

    def add(value: Any, min_part: int, *, workers_too: bool = False) -> None:
        v = str(value or "")
        if (not v or _norm(v) in adult or _norm(v) in _ADULT_WORDS
                or (workers_too and _norm(v) in staff)):
            return
        names.extend(_Name(p, min_part) for p in person_parts(v) if _norm(p) not in adult)

    for r in records:
        for kind, field in NAME_FIELDS:
            if r.kind == kind:
                add(r.payload.get(field), _MIN_NAME_PART,
                    workers_too=(kind, field) in WORKER_OR_THIRD_PARTY)
        for kind, field in PEOPLE_TEXT:
            if r.kind == kind:
                for n in names_in_text(str(r.payload.get(field) or "")):
                    add(n, _MIN_PART)
        for (kind, list_name), (name_field, _with, _r) in PEOPLE_ROWS.items():
            if r.kind != kind:
                continue
            for row in r.payload.get(list_name) or []:
                if isinstance(row, dict):
                    add(row.get(name_field), _MIN_NAME_PART, workers_too=True)
    return names


def _name_pattern(names: Sequence[_Name], adult: set[str]) -> re.Pattern[str] | None:
    """Over folded text (see _fold): whole names (group w), and the parts of people's names
    (group p), longest first, as whole words. A part counts only where the text writes it
    as a name (see _redact)."""
    wholes: set[str] = set()
    parts: set[str] = set()
    for name in names:
        whole = _norm(name.value)
        if not whole:
            continue
        wholes.add(whole)
        for word in re.split(r"[\s,()]+", whole):
            for part in {word, *re.split(r"[-‐]", word)}:
                p = part.strip(".'’-‐")
                if (len(p) >= name.min_part and p not in _TITLES and p not in _ROLE_WORDS
                        and p not in adult and any(c.isalpha() for c in p)):
                    parts.add(p)
    if not wholes:
        return None

    def alt(forms: set[str]) -> str:
        return "|".join(_spellings(f).replace(r"\ ", r"\s+")
                        for f in sorted(forms, key=len, reverse=True))

    either = f"(?P<w>{alt(wholes)})" + (f"|(?P<p>{alt(parts - wholes)})"
                                        if parts - wholes else "")
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)")


def _as_name(word: str) -> bool:
    """Written as a name: capitalised, or in a script without capitals (Urdu, Arabic)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _redact(pattern: re.Pattern[str], value: str) -> tuple[str, int]:
    text = unicodedata.normalize("NFC", value)
    folded = _fold(text)
    out: list[str] = []
    at = n = 0
    for m in pattern.finditer(folded):
        if m.lastgroup == "p" and not _as_name(text[m.start():m.end()]):
            continue  # "rose" in a sentence, not "Rose"
        out += [text[at:m.start()], WITHHELD]
        at = m.end()
        n += 1
    if not n:
        return value, 0
    out.append(text[at:])
    return "".join(out), n
