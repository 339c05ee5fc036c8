"""The JSON Schema (draft 2020-12) of the JSON export, generated from the domain model (KINDS,
FieldType, the enumerations), so a field added later cannot drift from the shipped schema:
tests compare resources/schemas/msp-export-1.schema.json with `build_schema()`.

Regenerate after changing a kind or an enumeration:

    python -m msp_desktop.export.json_schema
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from msp_desktop.domain.enums import Enumeration
from msp_desktop.domain.fields import Field, FieldType, RecordKind
from msp_desktop.domain.interchange import FORMAT_NAME, FORMAT_VERSION, SCHEMA_ID, load_order
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.revisions import OPS
from msp_desktop.domain.status import RecordStatus

SCHEMA_FILE = "msp-export-1.schema.json"
# Record ids as the store makes them (uuid4 hex) and as another system may: short, no spaces.
ID_PATTERN = "^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$"
_ID = {"type": "string", "pattern": ID_PATTERN}
_DATETIME = {"type": "string", "format": "date-time"}
# The header's ids as this app makes them (export/meta.py, storage/keyslots.py,
# storage/identity.py). Exact lengths as well as the pattern: a pattern's "$" also matches
# before a final newline. They go into the importing vault's audit log, so nothing else may.
EXPORT_ID = {"type": "string", "pattern": "^[0-9A-F]{12}$", "minLength": 12, "maxLength": 12,
             "description": "12 upper-case hexadecimal characters"}
_HEX32 = {"type": "string", "pattern": "^[0-9a-f]{32}$", "minLength": 32, "maxLength": 32,
          "description": "32 lower-case hexadecimal characters"}


def _choice_def(choices: Enumeration) -> dict[str, Any]:
    props: dict[str, Any] = {
        "code": {"enum": [c.code for c in choices]},
        "label": {"type": "string", "description": "The label people read (ignored on import)."},
    }
    if any(c.sac is not None for c in choices):
        props["sac_label"] = {"type": "string",
                              "description": "The exact Safeguarding Adults Collection label."}
    if any(c.sac_code is not None for c in choices):
        props["sac_code"] = {"type": "string",
                             "description": "The coarser (SAC) value this one rolls up to."}
    return {
        "type": "object",
        "description": "; ".join(f"{c.code} = {c.label}" for c in choices),
        "properties": props,
        "required": ["code", "label"],
        "additionalProperties": False,
    }


def _choice_ref(choices: Enumeration) -> dict[str, str]:
    return {"$ref": f"#/$defs/choice.{choices.ident}"}


def _field_schema(f: Field) -> dict[str, Any]:
    t = f.type
    s: dict[str, Any]
    if t in (FieldType.TEXT, FieldType.LONGTEXT, FieldType.QUOTE):
        s = {"type": "string", "maxLength": f.max_length}
    elif t is FieldType.DATE:
        s = {"type": "string", "format": "date"}
    elif t is FieldType.DATETIME:
        s = dict(_DATETIME)
    elif t is FieldType.BOOL:
        s = {"type": "boolean"}
    elif t is FieldType.INT:
        s = {"type": "integer"}
        if f.min_value is not None:
            s["minimum"] = f.min_value
        if f.max_value is not None:
            s["maximum"] = f.max_value
    elif t is FieldType.CHOICE:
        assert f.choices is not None
        s = _choice_ref(f.choices)
    elif t is FieldType.MULTI:
        assert f.choices is not None
        s = {"type": "array", "items": _choice_ref(f.choices)}
    elif t is FieldType.REF:
        target = f"a {f.ref_kind} record" if f.ref_kind else "a record of any kind"
        s = {**_ID, "description": f"record_id of {target}"}
    elif t is FieldType.LIST:
        s = {"type": "array", "items": _object(f.subfields, row=True)}
    else:  # pragma: no cover - a new FieldType must be given a schema here
        raise ValueError(f"no schema for field type {t}")
    s["title"] = f.label
    s["x-field-type"] = str(t)
    return s


def _row_field_schema(f: Field) -> dict[str, Any]:
    """A field of a list entry: an entry keeps its empty cells (null or ""), which
    fields.validate treats as not filled in; an entry's required fields are left to the domain
    rules, because an entry written before a field was coded may lack it (domain/legacy.py)
    and the export must still describe it."""
    s = _field_schema(f)
    return {"title": s["title"], "anyOf": [s, {"enum": [None, ""]}]}


def _object(fields: tuple[Field, ...], *, row: bool = False) -> dict[str, Any]:
    # Required only where the field is always shown: fields.validate applies visible_when.
    required = ([] if row else
                [f.name for f in fields if f.required and f.visible_when is None])
    field_schema = _row_field_schema if row else _field_schema
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in fields},
        "additionalProperties": False,
    }
    if required:
        out["required"] = required
    return out


def _record_def(kind: RecordKind) -> dict[str, Any]:
    return {
        "type": "object",
        "title": kind.label,
        "properties": {
            "record_id": _ID,
            "kind": {"const": kind.name},
            "case_id": {"type": ["string", "null"]},
            "status": {"$ref": "#/$defs/status"},
            "finalised": {"type": "boolean"},
            "revision_ids": {"type": "array", "items": {"type": "string"},
                             "description": "The record's current head revision(s)."},
            "created_at": _DATETIME,
            "updated_at": _DATETIME,
            "created_by": {"type": "string"},
            "updated_by": {"type": "string"},
            "finalised_at": {"type": ["string", "null"], "format": "date-time"},
            "finalised_by": {"type": ["string", "null"]},
            "amendments": {"type": "array", "items": {"$ref": "#/$defs/amendment"}},
            "in_conflict": {"type": "boolean"},
            "payload": {"$ref": f"#/$defs/payload.{kind.name}"},
        },
        "required": ["record_id", "kind", "payload"],
        "additionalProperties": False,
    }


def _revision_def(kind: RecordKind) -> dict[str, Any]:
    return {
        "type": "object",
        "title": f"Revision of a {kind.label.lower()}",
        "properties": {
            "revision_id": {"type": "string"},
            "record_id": _ID,
            "kind": {"const": kind.name},
            "op": {"enum": sorted(OPS)},
            "parents": {"type": "array", "items": {"type": "string"}},
            "author": {"type": "string"},
            "device_id": {"type": "string"},
            "device_seq": {"type": "integer", "minimum": 1},
            "hlc": {"type": "string"},
            "at": _DATETIME,
            "reason": {"type": ["string", "null"]},
            "amendment_type": {"anyOf": [{"$ref": "#/$defs/choice.E-AMENDMENT-TYPE"},
                                         {"type": "null"}]},
            "schema_version": {"type": "integer"},
            "signature": {"type": "string"},
            "payload": {"$ref": f"#/$defs/payload.{kind.name}"},
        },
        "required": ["revision_id", "record_id", "kind", "op", "parents", "author",
                     "device_id", "device_seq", "hlc", "payload"],
        "additionalProperties": False,
    }


def _enumerations() -> dict[str, Enumeration]:
    from msp_desktop.domain.enums import AMENDMENT_TYPE

    found: dict[str, Enumeration] = {AMENDMENT_TYPE.ident: AMENDMENT_TYPE}

    def walk(fields: tuple[Field, ...]) -> None:
        for f in fields:
            if f.choices is not None:
                found.setdefault(f.choices.ident, f.choices)
            walk(f.subfields)

    for kind in KINDS.values():
        walk(kind.fields)
    return dict(sorted(found.items()))


def build_schema() -> dict[str, Any]:
    order = load_order()
    defs: dict[str, Any] = {
        "status": {
            "type": "object",
            "properties": {"code": {"enum": [s.value for s in RecordStatus]},
                           "label": {"type": "string"}},
            "required": ["code"],
            "additionalProperties": False,
        },
        "amendment": {
            "type": "object",
            "properties": {
                "revision_id": {"type": "string"},
                "at": _DATETIME,
                "author": {"type": "string"},
                "amendment_type": {"$ref": "#/$defs/choice.E-AMENDMENT-TYPE"},
                "reason": {"type": ["string", "null"]},
            },
            "required": ["revision_id", "at", "author", "amendment_type"],
            "additionalProperties": False,
        },
    }
    for ident, choices in _enumerations().items():
        defs[f"choice.{ident}"] = _choice_def(choices)
    for name in order:
        kind = KINDS[name]
        defs[f"payload.{name}"] = {"title": f"{kind.label}: fields", **_object(kind.fields)}
        defs[f"record.{name}"] = _record_def(kind)
        defs[f"revision.{name}"] = _revision_def(kind)
    by_kind = {
        "records": {n: {"type": "array", "items": {"$ref": f"#/$defs/record.{n}"}}
                    for n in order},
        "revisions": {n: {"type": "array", "items": {"$ref": f"#/$defs/revision.{n}"}}
                      for n in order},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "MSP Desktop export",
        "description": (
            "One JSON export of an MSP Desktop vault: its current records grouped by kind "
            "(and, from `export json --history`, every revision). Enumerations are written as "
            "objects with the stored code and the label people read (and the SAC label where "
            "one exists); `import json` reads the code only. Generated from the domain model "
            "by msp_desktop/export/json_schema.py: do not edit by hand."
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "format_version": {"const": FORMAT_VERSION},
            "export_id": EXPORT_ID,
            "exported_at": _DATETIME,
            "exported_by": {"type": "string"},
            "vault_id": _HEX32,
            "device_id": _HEX32,
            "history": {"type": "boolean"},
            "kinds": {"type": "array", "items": {"enum": order}, "uniqueItems": True},
            "records": {"type": "object", "properties": by_kind["records"],
                        "additionalProperties": False},
            "revisions": {"type": "object", "properties": by_kind["revisions"],
                          "additionalProperties": False},
        },
        "required": ["format", "format_version", "records"],
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema exactly as the shipped file holds it."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    from msp_desktop.resources import resource_path

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(resource_path("schemas")) / SCHEMA_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(schema_text(), encoding="utf-8", newline="\n")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
