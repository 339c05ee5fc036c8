"""Declarative description of record kinds.

One definition per kind drives validation, the generic editor forms, projections, search text
and exports, so adding a field is a one-line change. Payloads are plain JSON-able dicts keyed
by field name; enumerations are stored as their codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from msp_desktop.domain.enums import Enumeration

Payload = dict[str, Any]
_P = TypeVar("_P", bound=Mapping[str, Any])


class FieldType(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # paragraphs of professional writing
    QUOTE = "quote"  # the adult's own words, shown as quotation
    DATE = "date"  # ISO 8601 date
    DATETIME = "datetime"  # ISO 8601 date-time with offset
    BOOL = "bool"
    CHOICE = "choice"  # one code of an Enumeration
    MULTI = "multi"  # list of codes of an Enumeration
    INT = "int"
    REF = "ref"  # record_id of another record (ref_kind)
    LIST = "list"  # list of rows, each a dict of subfields


TEXT_TYPES = frozenset({FieldType.TEXT, FieldType.LONGTEXT, FieldType.QUOTE})
# A record's title is the first line of its title field, at most this many characters.
TITLE_MAX = 120


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: FieldType
    required: bool = False
    choices: Enumeration | None = None
    ref_kind: str | None = None
    help: str = ""
    section: str = ""
    subfields: tuple[Field, ...] = ()
    # Show (and validate) this field only when another field has one of these values.
    visible_when: tuple[str, tuple[Any, ...]] | None = None
    min_value: int | None = None
    max_value: int | None = None
    max_length: int = 20000
    # Kept only so that text typed before the field was replaced (by a coded one) stays
    # readable: forms show it when it holds something, never as an empty box to fill in.
    legacy: bool = False

    def is_visible(self, payload: Mapping[str, Any]) -> bool:
        if self.visible_when is None:
            return True
        other, values = self.visible_when
        value = payload.get(other)
        if isinstance(value, list):
            return any(v in values for v in value)
        return value in values


@dataclass(frozen=True)
class Problem:
    """A rule violation, phrased for a social worker, naming the field it concerns."""

    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class RecordView(Protocol):
    """What rules may see of another record."""

    @property
    def record_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...


class RuleContext(Protocol):
    """Read access to other records, for rules that span records.

    An implementation may also expose `record_id` (str | None): the id of the record being
    validated, so a rule can find the records that point at it (see `current_record_id`).
    """

    def get(self, record_id: str) -> RecordView | None: ...

    def find(self, kind: str, case_id: str) -> Sequence[RecordView]: ...


Rule = Callable[[Mapping[str, Any], RuleContext | None], list[Problem]]


def current_record_id(ctx: RuleContext | None) -> str | None:
    """The id of the record being validated, when the context knows it (optional attribute)."""
    value = getattr(ctx, "record_id", None)
    return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class RecordKind:
    name: str
    label: str  # singular, user-facing
    plural: str
    fields: tuple[Field, ...]
    # The field that links this record to its case ("case_id") or None for top-level kinds.
    case_field: str | None = "case_id"
    # Field giving the date this record appears under in the chronology.
    date_field: str | None = None
    # Field used as a one-line title in lists.
    title_field: str | None = None
    # Notes are saved, then finalised; after that only amendments with a reason.
    finalisable: bool = False
    rules: tuple[Rule, ...] = ()
    # Extra rules that must pass before finalise (finalisable kinds only).
    finalise_rules: tuple[Rule, ...] = ()
    # Gives a payload saved in an older shape its current shape (domain/legacy.py).
    upgrade: Callable[[Mapping[str, Any]], Payload] | None = None
    by_name: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> Field:
        return self.by_name[name]

    def current(self, payload: _P) -> _P | Payload:
        """The payload in its current shape: upgraded when saved before a field was coded
        (domain/legacy.py), else the payload itself."""
        return self.upgrade(payload) if self.upgrade is not None else payload

    def is_visible(self, f: Field, payload: Mapping[str, Any]) -> bool:
        """Field.is_visible, and the field it depends on is itself visible.

        Chaining matters when a stale value is left in a hidden controlling field: the fields
        it controls must stay hidden too, e.g. a consent decision's override answer that no
        longer applies because the adult agreed.
        """
        seen: set[str] = set()
        current: Field | None = f
        while current is not None and current.name not in seen:
            if not current.is_visible(payload):
                return False
            seen.add(current.name)
            current = (
                self.by_name.get(current.visible_when[0]) if current.visible_when else None
            )
        return True

    def searchable_text(self, payload: Mapping[str, Any]) -> str:
        """The text this record contributes to the full-text index."""
        parts: list[str] = []
        for f in self.fields:
            value = payload.get(f.name)
            if f.type in TEXT_TYPES and isinstance(value, str) and value:
                parts.append(value)
            elif f.type is FieldType.LIST and isinstance(value, list):
                for row in value:
                    if isinstance(row, dict):
                        parts.extend(
                            str(row[s.name])
                            for s in f.subfields
                            if s.type in TEXT_TYPES and row.get(s.name)
                        )
        return "\n".join(parts)

    def title(self, payload: Mapping[str, Any]) -> str:
        if self.title_field:
            value = payload.get(self.title_field)
            f = self.by_name.get(self.title_field)
            if f is not None and f.choices is not None and isinstance(value, str):
                return f.choices.label(value)
            if value:
                text = str(value).strip().splitlines()[0] if str(value).strip() else ""
                return shorten(text, TITLE_MAX)
        return self.label


def shorten(text: str, limit: int) -> str:
    """`text`, or its first characters and "…" (at most `limit` in all) when it is longer,
    so a reader can tell the words go on."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rstrip() + "…"


def _check_value(f: Field, value: Any) -> str | None:
    """Return a problem message if value does not fit the field's type, else None."""
    t = f.type
    if t in TEXT_TYPES:
        if not isinstance(value, str):
            return f"{f.label} must be text."
        if len(value) > f.max_length:
            return f"{f.label} is longer than {f.max_length} characters."
    elif t is FieldType.DATE:
        if not isinstance(value, str):
            return f"{f.label} must be a date."
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"{f.label} is not a valid date (use YYYY-MM-DD)."
    elif t is FieldType.DATETIME:
        if not isinstance(value, str):
            return f"{f.label} must be a date and time."
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return f"{f.label} is not a valid date and time."
    elif t is FieldType.BOOL:
        if not isinstance(value, bool):
            return f"{f.label} must be yes or no."
    elif t is FieldType.INT:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{f.label} must be a whole number."
        if f.min_value is not None and value < f.min_value:
            return f"{f.label} must be at least {f.min_value}."
        if f.max_value is not None and value > f.max_value:
            return f"{f.label} must be at most {f.max_value}."
    elif t is FieldType.CHOICE:
        assert f.choices is not None
        if value not in f.choices.codes:
            return f"{f.label}: '{value}' is not one of the allowed options."
    elif t is FieldType.MULTI:
        assert f.choices is not None
        if not isinstance(value, list) or any(v not in f.choices.codes for v in value):
            return f"{f.label} contains an option that is not allowed."
    elif t is FieldType.REF:
        if not isinstance(value, str) or not value:
            return f"{f.label} must refer to a record."
    elif t is FieldType.LIST:
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            return f"{f.label} must be a list of entries."
        for i, row in enumerate(value, 1):
            for s in f.subfields:
                sub = row.get(s.name)
                if _is_empty(sub):
                    if s.required:
                        return f"{f.label}, entry {i}: {s.label} is missing."
                    continue
                msg = _check_value(s, sub)
                if msg:
                    return f"{f.label}, entry {i}: {msg}"
    return None


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def is_empty(value: Any) -> bool:
    """True for a value the worker has not filled in."""
    return _is_empty(value)


def validate(
    kind: RecordKind, payload: Mapping[str, Any], ctx: RuleContext | None = None
) -> list[Problem]:
    """Type checks, required fields and the kind's business rules."""
    problems: list[Problem] = []
    for name in payload:
        if name not in kind.by_name:
            problems.append(Problem(name, f"'{name}' is not a field of a {kind.label.lower()}."))
    for f in kind.fields:
        value = payload.get(f.name)
        if not kind.is_visible(f, payload):
            continue
        if _is_empty(value):
            if f.required:
                problems.append(Problem(f.name, f"{f.label} is required."))
            continue
        msg = _check_value(f, value)
        if msg:
            problems.append(Problem(f.name, msg))
    if problems:
        return problems
    for rule in kind.rules:
        problems.extend(rule(payload, ctx))
    return problems


def validate_for_finalise(
    kind: RecordKind, payload: Mapping[str, Any], ctx: RuleContext | None = None
) -> list[Problem]:
    problems = validate(kind, payload, ctx)
    if not problems:
        for rule in kind.finalise_rules:
            problems.extend(rule(payload, ctx))
    return problems


def clean(kind: RecordKind, payload: Mapping[str, Any]) -> Payload:
    """Drop empty values and fields hidden by visible_when, for a canonical payload (in its
    current shape: see RecordKind.upgrade)."""
    payload = kind.current(payload)
    out: Payload = {}
    for f in kind.fields:
        value = payload.get(f.name)
        if _is_empty(value) or not kind.is_visible(f, payload):
            continue
        if isinstance(value, str) and f.type in TEXT_TYPES:
            value = value.replace("\r\n", "\n")
        out[f.name] = value
    return out
