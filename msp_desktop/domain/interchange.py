"""The interchange form of a record (JSON export and import): payloads with every enumeration
written as {"code", "label"} (and the SAC label or code where the collection has one), the
order kinds must be loaded in, and the lifecycle state an import reproduces. Pure values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from msp_desktop.domain.enums import AMENDMENT_TYPE, Enumeration
from msp_desktop.domain.fields import Field, FieldType, RecordKind
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.status import RecordStatus

FORMAT_NAME = "msp-desktop-export"
FORMAT_VERSION = 1
SCHEMA_ID = "https://msp-desktop.invalid/schemas/msp-export-1.schema.json"

# What an import reproduces of a record's lifecycle (the amendments themselves stay in the
# source vault's history): still editable, finalised, or entered in error.
SAVED, FINALISED, ENTERED_IN_ERROR = "saved", "finalised", "entered_in_error"
_STATE_RANK = {SAVED: 0, FINALISED: 1, ENTERED_IN_ERROR: 2}


_CHOICE_OBJECTS: dict[tuple[str, str], dict[str, str]] = {}


def choice_object(choices: Enumeration, code: str) -> dict[str, str]:
    """{"code", "label"} plus "sac_label" / "sac_code" where the choice has them. One shared
    object per code (an export writes hundreds of thousands): read it, never change it."""
    key = (choices.ident, code)
    out = _CHOICE_OBJECTS.get(key)
    if out is None:
        out = _CHOICE_OBJECTS[key] = _new_choice_object(choices, code)
    return out


def _new_choice_object(choices: Enumeration, code: str) -> dict[str, str]:
    out = {"code": code, "label": choices.label(code)}
    if code in choices:
        c = choices.get(code)
        if c.sac is not None:
            out["sac_label"] = c.sac
        if c.sac_code is not None:
            out["sac_code"] = c.sac_code
    return out


def _labelled_value(f: Field, value: Any) -> Any:
    if f.type is FieldType.CHOICE and isinstance(value, str) and f.choices is not None:
        return choice_object(f.choices, value)
    if f.type is FieldType.MULTI and isinstance(value, list) and f.choices is not None:
        return [choice_object(f.choices, v) if isinstance(v, str) else v for v in value]
    if f.type is FieldType.LIST and isinstance(value, list):
        subs = {s.name: s for s in f.subfields}
        return [
            {k: _labelled_value(subs[k], v) if k in subs else v for k, v in row.items()}
            if isinstance(row, dict) else row
            for row in value
        ]
    return value


_CODED_TYPES = frozenset({FieldType.CHOICE, FieldType.MULTI, FieldType.LIST})


def labelled(kind: RecordKind, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The payload as exported: in its current shape (a payload saved before a field was
    coded is read as the forms and reports read it: RecordKind.upgrade), with codes as
    {"code", "label", ...} objects."""
    payload = kind.current(payload)
    by_name = kind.by_name
    out = dict(payload)
    for name, value in payload.items():
        f = by_name.get(name)
        if f is not None and f.type in _CODED_TYPES:
            out[name] = _labelled_value(f, value)
    return out


def _coded_value(f: Field, value: Any) -> Any:
    if f.type is FieldType.CHOICE and isinstance(value, dict):
        return value.get("code")
    if f.type is FieldType.MULTI and isinstance(value, list):
        return [v.get("code") if isinstance(v, dict) else v for v in value]
    if f.type is FieldType.LIST and isinstance(value, list):
        subs = {s.name: s for s in f.subfields}
        return [
            {k: _coded_value(subs[k], v) if k in subs else v for k, v in row.items()}
            if isinstance(row, dict) else row
            for row in value
        ]
    return value


def coded(kind: RecordKind, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The stored payload back from the exported one: only the code of each choice counts
    (a label reworded in a later version must not make an older export unreadable)."""
    by_name = kind.by_name
    return {
        name: _coded_value(by_name[name], value) if name in by_name else value
        for name, value in payload.items()
    }


def load_order() -> list[str]:
    """Kinds in an order where every kind comes after the kinds its references point at
    (person -> case -> concern -> ...); KINDS order breaks ties."""
    deps = {
        name: {
            f.ref_kind for f in kind.fields
            if f.type is FieldType.REF and f.ref_kind and f.ref_kind != name
        }
        for name, kind in KINDS.items()
    }
    ordered: list[str] = []
    while len(ordered) < len(deps):
        ready = [n for n in deps if n not in ordered and deps[n] <= set(ordered)]
        if not ready:  # a cycle between kinds: keep the declared order for the rest
            ready = [n for n in deps if n not in ordered][:1]
        ordered.append(ready[0])
    return ordered


def import_state(kind: RecordKind, status: str) -> str:
    """The lifecycle state an import gives a record exported with `status`."""
    if status == RecordStatus.ENTERED_IN_ERROR:
        return ENTERED_IN_ERROR
    if status in (RecordStatus.FINAL, RecordStatus.AMENDED) and kind.finalisable:
        return FINALISED
    return SAVED


def state_rank(state: str) -> int:
    return _STATE_RANK[state]


def hlc_time(hlc: str) -> str:
    """The wall-clock part of a hybrid-clock stamp as an ISO 8601 UTC date-time."""
    wall_ms = int(hlc.partition(".")[0])
    stamp = dt.datetime.fromtimestamp(wall_ms / 1000, tz=dt.UTC)
    return stamp.isoformat(timespec="milliseconds")


def provenance(rec: Mapping[str, Any], source: str) -> str:
    """The reason an imported record's first revision here carries: where it came from, and
    the lifecycle it had there that an import does not reproduce as revisions (who created
    and finalised it and when, and each amendment's type, author, time and reason), from the
    exported record's metadata."""
    def who(name: Any, when: Any) -> str:
        return f"by {name or 'unknown'} at {when or 'an unknown time'}"

    parts = [f"Imported from {source}."]
    if rec.get("created_by") or rec.get("created_at"):
        parts.append(f"In the source: created {who(rec.get('created_by'), rec.get('created_at'))}.")
    if rec.get("finalised_by") or rec.get("finalised_at"):
        parts.append(f"Finalised {who(rec.get('finalised_by'), rec.get('finalised_at'))}.")
    for a in rec.get("amendments") or []:
        code = (a.get("amendment_type") or {}).get("code")
        kind = "Amendment"
        if isinstance(code, str) and code in AMENDMENT_TYPE:
            kind = AMENDMENT_TYPE.label(code)
        reason = (a.get("reason") or "").strip()
        parts.append(f"{kind} {who(a.get('author'), a.get('at'))}"
                     + (f": {reason}" if reason else "") + ".")
    return " ".join(parts)
