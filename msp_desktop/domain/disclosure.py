"""What a subject-access copy of a case record withholds, and why (pure).

The adult has a right to their own data, not to other people's: the names and details of
third parties (related people, the person alleged to have caused harm, the referrer, others
who took part or were consulted) are withheld. The rules are declared per field below, so an
information-governance officer can read them, and every decision is listed (record, field,
reason) in the copy itself.

Free text is written by the worker and may name third parties too ("Gareth said ..."): every
name known from the third-party fields is also removed from all text, whole names and each
part of them (except parts the adult's own name shares, which are the adult's data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.fields import TEXT_TYPES, FieldType, RecordKind
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
R_NAMED = "A third party named in the text"

# (kind, field) -> reason: always withheld in a subject-access copy, unless the value is the
# adult's own name (a self-referral names the adult as the referrer).
THIRD_PARTY_FIELDS: dict[tuple[str, str], str] = {
    ("related_person", "name"): R_RELATED,
    ("related_person", "relationship_to_adult"): R_RELATED,
    ("related_person", "organisation"): R_RELATED,
    ("related_person", "contact_details"): R_RELATED,
    ("related_person", "safety_notes"): R_RELATED,
    ("risk_item", "alleged_source_name"): R_SOURCE,
    ("concern", "referrer_name"): R_REFERRER,
    ("concern", "referrer_organisation"): R_REFERRER,
    ("concern", "referrer_relationship"): R_REFERRER,
    ("contact_note", "views_given_by"): R_PRESENT,
    ("contact_note", "interpreter"): R_PRESENT,
    ("desired_outcome", "representative_name"): R_REPRESENTATIVE,
    ("capacity_assessment", "consulted"): R_CONSULTED,
    ("capacity_assessment", "advocate_or_imca"): R_CONSULTED,
    ("best_interests_decision", "imca_reason"): R_CONSULTED,
}

# (kind, list field) -> (name subfield, other subfields withheld with it, reason): a row
# names a person; withheld unless the person is the adult or one of the workers.
PEOPLE_ROWS: dict[tuple[str, str], tuple[str, tuple[str, ...], str]] = {
    ("contact_note", "attendees"): ("name", ("role",), R_PRESENT),
    ("plan_review", "attendees"): ("name", ("role",), R_PRESENT),
    ("safeguarding_plan", "agreed_by"): ("party", ("how_agreed",), R_PRESENT),
    ("best_interests_decision", "consultees"):
        ("name", ("relationship", "views", "not_consulted_reason"), R_CONSULTED),
}
# Rows of these lists are always withheld, whoever they name (their views are theirs).
_ALWAYS_ROWS = frozenset({("best_interests_decision", "consultees")})

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

_MIN_PART = 3  # shorter name parts ("Jo", "Al") would redact ordinary words
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "the", "and", "of"})
# How workers write the adult in a "who" field: the adult, not a third party.
_ADULT_WORDS = frozenset({"the adult", "adult", "the person", "self", "the adult's"})
# A name with one of these words is an organisation's: the field is still withheld, but its
# words are not hunted through the text ("Day Centre" would take every "day" with it).
_ORGANISATION_WORDS = frozenset({
    "centre", "center", "home", "homes", "ltd", "limited", "council", "trust", "nhs",
    "services", "service", "care", "hospital", "agency", "practice", "ward", "team",
    "police", "surgery", "group", "housing", "association", "bank", "school", "company",
})


@dataclass(frozen=True)
class Withheld:
    """One decision, for the list an information-governance officer checks."""

    record_id: str
    kind: str
    field: str  # the field's label as the app shows it
    reason: str


class Disclosure:
    """The redaction for one export: `payload()` gives what may be shown of a record."""

    def __init__(self, profile: str, adult: Mapping[str, Any] | None,
                 records: Sequence[Any], authors: Iterable[str] = ()) -> None:
        if profile not in PROFILES:
            raise ValueError(f"Unknown export profile {profile!r}: use full or sar.")
        self.profile = profile
        self._adult = _names_of(adult or {})
        self._staff = {_norm(a) for a in authors if a} | {
            _norm(str(r.payload.get(f)))
            for r in records for f in STAFF_FIELDS.get(r.kind, ())
            if r.payload.get(f)
        }
        self._withheld: dict[Withheld, None] = {}
        names = _third_party_names(records, self._adult, self._staff) if self.redacts else set()
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
        out, n = self._pattern.subn(WITHHELD, value)
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
            if value in (None, "", []):
                continue
            reason = THIRD_PARTY_FIELDS.get((kind_name, f.name))
            if reason and not (isinstance(value, str) and self._is_adult(value)):
                out[f.name] = WITHHELD
                self._note(record_id, kind_name, f.label, reason)
            elif f.type in TEXT_TYPES and isinstance(value, str):
                out[f.name] = self.text(record_id, kind_name, f.label, value)
            elif f.type is FieldType.LIST and isinstance(value, list):
                out[f.name] = [self._row(record_id, kind, f.name, row)
                               if isinstance(row, dict) else row for row in value]
        return out

    def _row(self, record_id: str, kind: RecordKind, list_name: str,
             row: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(row)
        list_field = kind.field(list_name)
        people = PEOPLE_ROWS.get((kind.name, list_name))
        if people is not None:
            name_field, with_it, reason = people
            name = str(row.get(name_field) or "")
            always = (kind.name, list_name) in _ALWAYS_ROWS
            if always or not (self._is_adult(name) or _norm(name) in self._staff):
                for name_of in (name_field, *with_it):
                    if out.get(name_of) not in (None, "", []):
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
    return " ".join(name.casefold().split())


def _names_of(adult: Mapping[str, Any]) -> set[str]:
    """The adult's names, as written in full or in part."""
    given = str(adult.get("given_names") or "")
    family = str(adult.get("family_name") or "")
    preferred = str(adult.get("preferred_name") or "")
    firsts = {given, preferred, *given.split(), *preferred.split()}
    forms = {family, *family.split(), *firsts, *(f"{f} {family}" for f in firsts)}
    return {_norm(f) for f in forms if _norm(f)}


def _third_party_names(records: Sequence[Any], adult: set[str], staff: set[str]) -> set[str]:
    """Every name the third-party fields and rows hold (not the adult's, nor a worker's in
    the rows that may name workers)."""
    names: set[str] = set()
    for r in records:
        for (kind, field), _reason in THIRD_PARTY_FIELDS.items():
            if r.kind == kind and field.endswith("name") and r.payload.get(field):
                names.add(str(r.payload[field]))
        if r.kind == "contact_note":
            for field in ("views_given_by", "interpreter"):
                if r.payload.get(field):
                    names.add(str(r.payload[field]))
        if r.kind == "capacity_assessment":
            for field in ("advocate_or_imca",):
                if r.payload.get(field):
                    names.add(str(r.payload[field]))
        for (kind, list_name), (name_field, _with, _r) in PEOPLE_ROWS.items():
            if r.kind != kind:
                continue
            for row in r.payload.get(list_name) or []:
                name = str(row.get(name_field) or "") if isinstance(row, dict) else ""
                if name and _norm(name) not in staff:
                    names.add(name)
    return {n for n in names if _norm(n) not in adult and _norm(n) not in _ADULT_WORDS}


def _name_pattern(names: set[str], adult: set[str]) -> re.Pattern[str] | None:
    """Whole names in any case, and the parts of people's names as names are written, with
    a capital ("Rose" said, not the "rose" of a sentence), longest first, as whole words.
    Organisations' names count only whole: "Day Centre" must not take every "day" with it."""
    wholes: set[str] = set()
    parts: set[str] = set()
    for name in names:
        whole = " ".join(name.split())
        if not whole:
            continue
        wholes.add(whole)
        words = re.split(r"[\s,()]+", whole)
        if any(w.casefold() in _ORGANISATION_WORDS for w in words):
            continue
        for part in words:
            p = part.strip(".'’")
            if (len(p) >= _MIN_PART and p[:1].isupper() and p.casefold() not in _TITLES
                    and _norm(p) not in adult):
                parts.add(p)
    if not wholes:
        return None

    def alt(forms: set[str]) -> str:
        return "|".join(re.escape(f).replace(r"\ ", r"\s+")
                        for f in sorted(forms, key=len, reverse=True))

    either = f"(?i:{alt(wholes)})" + (f"|{alt(parts)}" if parts else "")
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)")
