"""Load a JSON export (resources/schemas/msp-export-1.schema.json) into a vault: a migration
between vaults, or records from another system written in the same format.

The whole document is checked before anything is written: the JSON Schema, then every domain
rule a typed record must pass (fields.validate, or validate_for_finalise for a finalised
record; the kind's cross-record rules; every reference names a record of the right kind), in
load order (person -> case -> ...), with the records of the file visible to the rules as if
they were already in the vault. The first problem rejects the file with its exact place
(record id, kind and field, and the JSON path) and nothing is written.

Idempotent, by record id (kept from the file):
- a record not in this vault is added, with the lifecycle it had: saved, finalised, or
  entered in error (an amendment saying so); its amendments stay in the source's history;
- a record whose file version (its head revision ids) this vault already holds, and which has
  changed here since, is skipped as "newer here": an older export never undoes later work;
- a record here with the same content (payload, read in today's shape, and a lifecycle at
  least as far on) is skipped;
- a record here that is still editable (saved) and differs gets a new revision with the file's
  content ("updated"), then the file's lifecycle;
- a record here that is finalised and differs is a conflict: a finalised record changes only by
  an amendment with a reason, made by a person, so the file is rejected (nothing written) and
  the message names the record and the first differing field;
- a record here that the file marks entered in error is marked so only when the file carries
  the ENTERED_IN_ERROR amendment: its reason, author and time are kept in the new amendment's
  reason (and the dry run lists each such record); a bare status is a conflict.
The history section of a `--history` export is checked against the schema but not loaded:
revisions travel between vaults, signed, in sync bundles. The import is one transaction and one
audit entry (source export and vault ids, file hash, counts, a digest of the record ids).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from msp_desktop.domain.fields import (
    Problem,
    RecordKind,
    clean,
    validate,
    validate_for_finalise,
)
from msp_desktop.domain.interchange import (
    ENTERED_IN_ERROR,
    SAVED,
    coded,
    import_state,
    load_order,
    provenance,
    state_rank,
)
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.people import office_id_key
from msp_desktop.domain.status import RecordStatus
from msp_desktop.export import json_schema
from msp_desktop.resources import resource_path
from msp_desktop.services.changes import Changes
from msp_desktop.services.records import record_death, ref_problems
from msp_desktop.services.session import Session
from msp_desktop.storage import queries
from msp_desktop.storage.safe_read import FileTooLarge, NotRegularFile, read_capped

SCHEMA_FILE = f"schemas/{json_schema.SCHEMA_FILE}"
# The largest file import reads (docs/data-export.md). The import holds the whole document
# and its checked records in memory, about 9 times the file's size (a 474 MB export of the
# 10,000-case bench vault peaked at 4.4 GB: docs/measurements.md (k, l)). 512 MiB admits that
# export, the largest vault the app is sized for, and keeps the peak under about 5 GB on an
# office laptop; a larger file is refused before a byte is read. A `--history` export of the
# same vault (1.3 GB) is over it: its history is never loaded, so export without --history.
MAX_IMPORT_BYTES = 512 * 1024 * 1024
ADD, UPDATE, SKIP = "add", "update", "skip"
NEWER = "newer"  # skipped: this vault holds the file's version and has changed the record since


class ImportRejected(ValueError):
    """The file cannot be imported; `location` says exactly where the problem is."""

    def __init__(self, location: str, problem: str) -> None:
        self.location = location
        self.problem = problem
        super().__init__(f"{location}: {problem} Nothing was imported.")


@dataclass(frozen=True)
class _View:
    """An incoming record as the rules see it (RecordView)."""

    record_id: str
    kind: str
    payload: Mapping[str, Any]


@dataclass(frozen=True)
class _Action:
    action: str
    kind: str
    record_id: str
    payload: dict[str, Any]
    state: str  # the lifecycle the record must end in (interchange SAVED / FINALISED / ...)
    edit: bool = False  # an update whose payload differs (a new revision before the lifecycle)
    current: str = SAVED  # the lifecycle it has in this vault now (updates)
    retraction: _Retraction | None = None  # the file's ENTERED_IN_ERROR amendment, if any
    source: Mapping[str, Any] = field(default_factory=dict)  # the file's lifecycle metadata

    @property
    def retracts(self) -> bool:
        """An update that marks a record this vault holds as entered in error."""
        return self.action == UPDATE and self.state == ENTERED_IN_ERROR != self.current


@dataclass(frozen=True)
class _Retraction:
    """Who marked the record entered in error in the source, when, and why (from the file)."""

    reason: str
    author: str
    at: str

    @classmethod
    def of(cls, rec: Mapping[str, Any]) -> _Retraction | None:
        """The last ENTERED_IN_ERROR amendment the file's record carries, with its reason."""
        found = None
        for a in rec.get("amendments") or []:
            code = (a.get("amendment_type") or {}).get("code")
            reason = (a.get("reason") or "").strip()
            if code == "ENTERED_IN_ERROR" and reason:
                found = cls(reason, str(a.get("author") or ""), str(a.get("at") or ""))
        return found

    def text(self, source: str) -> str:
        return (f"{self.reason} (marked entered in error by {self.author or 'someone'} at "
                f"{self.at or 'an unknown time'} in the source vault; imported from {source})")


@dataclass
class ImportPlan:
    file_sha256: str
    export_id: str | None
    source_vault_id: str | None
    actions: list[_Action] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for a in self.actions if a.action == action)

    def by_kind(self, action: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in self.actions:
            if a.action == action:
                out[a.kind] = out.get(a.kind, 0) + 1
        return out

    def lines(self) -> list[str]:
        newer = self.count(NEWER)
        lines = [f"{self.count(ADD)} record(s) to add, {self.count(UPDATE)} to update, "
                 f"{self.count(SKIP)} already here (skipped)"
                 + (f", {newer} newer here (kept as they are)." if newer else ".")]
        for action, word in ((ADD, "add"), (UPDATE, "update")):
            counts = self.by_kind(action)
            if counts:
                lines.append(f"  {word}: " + ", ".join(
                    f"{KINDS[k].plural.lower()} {n}" for k, n in counts.items()))
        retractions = [a for a in self.actions if a.retracts]
        if retractions:
            lines.append(f"{len(retractions)} record(s) here to mark entered in error, as the "
                         "file says:")
            for a in retractions:
                r = a.retraction
                assert r is not None  # _decide refuses a retraction without one
                lines.append(f"  {KINDS[a.kind].label.lower()} {a.record_id}: by {r.author} "
                             f"at {r.at}: {_short(r.reason, 120)}")
        return lines


@cache
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path(SCHEMA_FILE).read_text(encoding="utf-8"))
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def check_size(path: Path) -> None:
    """Refuse a file over MAX_IMPORT_BYTES, before reading it."""
    size = Path(path).stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise _too_large(path, size)


def _too_large(path: Path, size: int) -> ImportRejected:
    return ImportRejected(
        Path(path).name,
        f"the file is larger than {MAX_IMPORT_BYTES // 1024 ** 2} MiB ({size:,} bytes), "
        "the most an import reads. Export the vault again without --history (the history "
        "is not imported).")


def _load(path: Path) -> tuple[Any, str]:
    try:
        data = read_capped(path, MAX_IMPORT_BYTES, nofollow=False)
    except FileTooLarge:
        raise _too_large(path, Path(path).stat().st_size) from None
    except NotRegularFile:
        raise ImportRejected(Path(path).name, "not a regular file.") from None
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(f"{Path(path).name}, byte {exc.start}",
                             "the file is not UTF-8 text.") from None
    duplicated: list[bool] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        d = dict(pairs)
        if len(d) == len(pairs):
            return d
        duplicated.append(True)
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                return _Duplicated(d, k)
            seen.add(k)
        return d  # not reached: dict() dropped a key, so one repeats

    try:
        doc = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise ImportRejected(f"{Path(path).name}, line {exc.lineno} column {exc.colno}",
                             f"not valid JSON ({exc.msg}).") from None
    except (ValueError, RecursionError) as exc:
        raise ImportRejected(Path(path).name, f"not valid JSON ({exc}).") from None
    if duplicated:
        _reject_duplicate(doc)
    return doc, digest


class _Duplicated(dict[str, Any]):
    """An object of the file in which `key` appears more than once."""

    def __init__(self, items: dict[str, Any], key: str) -> None:
        super().__init__(items)
        self.key = key


def _find_duplicated(value: Any, parts: list[Any]) -> tuple[list[Any], str] | None:
    if isinstance(value, _Duplicated):
        return parts, value.key
    children = (value.items() if isinstance(value, dict)
                else enumerate(value) if isinstance(value, list) else ())
    for k, child in children:
        found = _find_duplicated(child, [*parts, k])
        if found is not None:
            return found
    return None


def _reject_duplicate(doc: Any) -> None:
    """A key twice in one object: json keeps the last value silently, so which was meant is
    unknown. Rejected with the key, its record and its place."""
    found = _find_duplicated(doc, [])
    if found is None:
        return
    parts, key = found
    place = _record_place(doc, parts)
    where = _json_path([*parts, key])
    raise ImportRejected(f"{place} at {where}" if place else where,
                         f'the key "{key}" appears twice in one object, so which value is '
                         "meant is unclear.")


def _json_path(parts: Sequence[Any]) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _record_place(doc: Any, parts: Sequence[Any]) -> str:
    """"record <id> (<kind>)" for a path inside a record, else ""."""
    if len(parts) >= 3 and parts[0] in ("records", "revisions") and isinstance(parts[2], int):
        try:
            item = doc[parts[0]][parts[1]][parts[2]]
        except (KeyError, IndexError, TypeError):
            return ""
        rid = item.get("record_id") if isinstance(item, dict) else None
        what = "record" if parts[0] == "records" else "revision of record"
        if isinstance(rid, str):
            return f"{what} {rid} ({parts[1]})"
    return ""


def format_checker() -> Any:
    """jsonschema's format checks, with "date-time" checked as the domain reads it
    (datetime.fromisoformat, as fields.validate does). jsonschema checks "date-time" only
    when the optional rfc3339-validator is installed and otherwise passes anything, silently."""
    import datetime as dt

    from jsonschema import FormatChecker

    def date_time(value: object) -> bool:
        if isinstance(value, str):
            dt.datetime.fromisoformat(value)
        return True

    checker = FormatChecker()
    checker.checks("date-time", raises=ValueError)(date_time)
    return checker


def _check_schema(doc: Any) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    validator = Draft202012Validator(schema(), format_checker=format_checker())
    error = next(iter(validator.iter_errors(doc)), None)
    if error is None:
        return
    while error.context:
        error = best_match(_branch_errors(error)) or error
        if error.validator not in ("anyOf", "oneOf"):
            break
    parts = list(error.absolute_path)
    named = _named_property(error)
    if named is not None:  # a missing or unexpected field: point at it, not its record
        parts.append(named)
    place = _record_place(doc, parts)
    where = _json_path(parts)
    if place and len(parts) > 4 and parts[3] == "payload":
        f = str(parts[4])
        kind = KINDS.get(str(parts[1]))
        label = kind.by_name[f].label if kind and f in kind.by_name else f
        where = f"{place}, field {f} ({label}) at {where}"
    elif place:
        where = f"{place} at {where}"
    raise ImportRejected(where, f"{_short(error.message)} (does not match the export schema).")


_EMPTY_BRANCH = {"enum": [None, ""]}  # json_schema.py: "not filled in", beside each field


def _branch_errors(error: Any) -> list[Any]:
    """The errors of an anyOf worth explaining: for a value that is filled in, not those of
    the "not filled in" branch (which would say "is not one of [None, '']" about a choice
    whose code is wrong)."""
    errors = list(error.context)
    if error.instance is None or error.instance == "":
        return errors
    branches = error.validator_value if isinstance(error.validator_value, list) else []
    empty = {i for i, b in enumerate(branches) if b == _EMPTY_BRANCH}
    kept = [e for e in errors if not (e.schema_path and e.schema_path[0] in empty)]
    return kept or errors


def _named_property(error: Any) -> str | None:
    """The property a "required" or "additionalProperties" error is about."""
    instance = error.instance
    if not isinstance(instance, dict):
        return None
    if error.validator == "required":
        return next((p for p in error.validator_value if p not in instance), None)
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        return next((p for p in instance if p not in known), None)
    return None


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Context:
    """The vault as the rules see it, with the file's records laid over it."""

    def __init__(self, session: Session, incoming: Mapping[str, _View]) -> None:
        self._store = session.store
        self._incoming = incoming
        self.record_id: str | None = None
        self._store_empty = not any(session.store.counts_by_kind().values())
        self._store_cases: set[str] = (
            set() if self._store_empty
            else {c.record_id for c in session.store.records_of_kind("case")}
        )
        self._by_case: dict[tuple[str, str], list[_View]] = {}
        for view in incoming.values():
            case_id = _case_of(KINDS[view.kind], view.record_id, view.payload)
            if case_id:
                self._by_case.setdefault((view.kind, case_id), []).append(view)

        # Rules ask for the same case's records again and again: read each from the vault once.
        self._held: dict[str, Any] = {}
        self._held_for_case: dict[str, list[Any]] = {}

    def get(self, record_id: str) -> Any:
        view = self._incoming.get(record_id)
        if view is not None or self._store_empty:
            return view
        return self.stored(record_id)

    def find(self, kind: str, case_id: str) -> Any:
        mine = self._by_case.get((kind, case_id), [])
        if case_id not in self._store_cases:
            return mine
        if case_id not in self._held_for_case:
            self._held_for_case[case_id] = self._store.records_for_case(case_id)
        held = [r for r in self._held_for_case[case_id]
                if r.kind == kind and r.record_id not in self._incoming]
        return [*held, *mine]

    def stored(self, record_id: str) -> Any:
        if self._store_empty:
            return None
        if record_id not in self._held:
            self._held[record_id] = self._store.get(record_id)
        return self._held[record_id]


class _OfficeIds:
    """A case-management system id names one adult only (as when typed: services/people.py),
    across the vault's adults and the file's, read once rather than once per adult."""

    def __init__(self, session: Session, incoming: Mapping[str, _View]) -> None:
        self._owner: dict[str, str] = {}
        if any(v.kind == "person" and v.payload.get("office_person_id")
               for v in incoming.values()):
            for pid, office_id in queries.office_ids(session.conn):
                key = office_id_key(office_id)
                if key and pid not in incoming:
                    self._owner.setdefault(key, pid)

    def problems(self, record_id: str, payload: Mapping[str, Any]) -> list[Problem]:
        key = office_id_key(payload.get("office_person_id"))
        if not key:
            return []
        owner = self._owner.setdefault(key, record_id)
        if owner == record_id:
            return []
        return [Problem("office_person_id", "another adult (record "
                        f"{owner}) already has this case-management system ID.")]


def _case_of(kind: RecordKind, record_id: str, payload: Mapping[str, Any]) -> str | None:
    if kind.name == "case":
        return record_id
    value = payload.get(kind.case_field) if kind.case_field else None
    return value if isinstance(value, str) else None


def _first_difference(kind: RecordKind, a: Mapping[str, Any], b: Mapping[str, Any]) -> str:
    """The first field where the stored payload `a` (read in today's shape) and the file's
    cleaned payload `b` differ."""
    a = clean(kind, a)
    for f in kind.fields:
        if a.get(f.name) != b.get(f.name):
            return f.name
    return next((n for n in {*a, *b} if a.get(n) != b.get(n)), "")


def plan_import(session: Session, path: Path) -> ImportPlan:
    """Check the whole file against the schema and the domain rules; say what an import would
    add, update and skip. Raises ImportRejected (with the place) at the first problem."""
    doc, digest = _load(path)
    _check_schema(doc)
    plan = ImportPlan(digest, doc.get("export_id"), doc.get("vault_id"))
    order = load_order()
    records: Mapping[str, list[dict[str, Any]]] = doc["records"]
    entries: list[tuple[str, int, dict[str, Any], dict[str, Any], str]] = []
    incoming: dict[str, _View] = {}
    for kind_name in order:
        kind = KINDS[kind_name]
        for i, rec in enumerate(records.get(kind_name, [])):
            rid = rec["record_id"]
            place = f"record {rid} ({kind_name}) at $.records.{kind_name}[{i}]"
            if rid in incoming:
                raise ImportRejected(place, "this record id appears twice in the file.")
            body = clean(kind, coded(kind, rec["payload"]))
            status = rec.get("status", {}).get("code", "saved")
            incoming[rid] = _View(rid, kind_name, body)
            entries.append((kind_name, i, rec, body, import_state(kind, status)))
    ctx = _Context(session, incoming)
    office_ids = _OfficeIds(session, incoming)
    for kind_name, i, rec, body, state in entries:
        kind = KINDS[kind_name]
        rid = rec["record_id"]
        place = f"record {rid} ({kind_name})"
        json_at = f"$.records.{kind_name}[{i}].payload"
        ctx.record_id = rid
        finalised = state != SAVED and kind.finalisable
        problems = (validate_for_finalise if finalised else validate)(kind, body, ctx)
        if not problems:
            problems = ref_problems(session, kind, body, lookup=ctx.get)
        if not problems and kind_name == "person":
            problems = office_ids.problems(rid, body)
        if problems:
            p = problems[0]
            label = kind.by_name[p.field].label if p.field in kind.by_name else p.field
            raise ImportRejected(f"{place}, field {p.field} ({label}) at {json_at}.{p.field}",
                                 p.message)
        heads = [h for h in rec.get("revision_ids") or [] if isinstance(h, str)]
        action = _decide(ctx.stored(rid), kind, rid, body, state, place,
                         heads=heads, known=session.store.revision,
                         retraction=_Retraction.of(rec))
        if action.action in (ADD, UPDATE):
            action = replace(action, source={k: rec.get(k) for k in _PROVENANCE})
        plan.actions.append(action)
    return plan


# What of a file's record the import keeps in its revision's reason (interchange.provenance).
_PROVENANCE = ("created_by", "created_at", "finalised_by", "finalised_at", "amendments")


def _decide(
    existing: Any, kind: RecordKind, rid: str, body: dict[str, Any], state: str, place: str,
    *, heads: Sequence[str] = (), known: Any = None, retraction: _Retraction | None = None,
) -> _Action:
    if existing is None:
        return _Action(ADD, kind.name, rid, body, state, retraction=retraction)
    if existing.kind != kind.name:
        raise ImportRejected(place, f"this vault already holds a {existing.kind} with this id.")
    current = import_state(kind, existing.status)
    if (heads and set(heads) != set(existing.heads) and known is not None
            and all(known(h) is not None for h in heads)):
        # The file's version of the record is in this vault's history and the record has
        # changed here since: the file is older, and importing it would undo those changes.
        return _Action(NEWER, kind.name, rid, body, current, current=current)
    # A payload stored before a field was coded is compared in today's shape (clean upgrades
    # it), as the file's was written.
    if state == ENTERED_IN_ERROR != current and retraction is None:
        raise ImportRejected(
            place, "the file marks this record, which this vault holds, as entered in error "
            "but has no ENTERED_IN_ERROR amendment saying who did so and why. Mark it "
            "entered in error in the app (with the reason), or import a file that carries "
            "that amendment.")
    if clean(kind, existing.payload) == body:
        if state_rank(state) <= state_rank(current):
            return _Action(SKIP, kind.name, rid, body, current, current=current)
        return _Action(UPDATE, kind.name, rid, body, state, current=current,
                       retraction=retraction)
    if RecordStatus(existing.status).finalised:  # amended counts, whatever the kind
        f = _first_difference(kind, existing.payload, body)
        raise ImportRejected(
            f"{place}, field {f}",
            "this record is finalised in this vault and the file holds different content; a "
            "finalised record changes only by an amendment with a reason, in the app.")
    return _Action(UPDATE, kind.name, rid, body, state, edit=True, current=current,
                   retraction=retraction)


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    written: bool

    @property
    def changes(self) -> Changes:
        """What the import changed, for the open views (nothing for a dry run)."""
        return changes_of(self.plan) if self.written else Changes()


def changes_of(plan: ImportPlan) -> Changes:
    """What importing this plan changes (ids only): the records it adds or updates, their
    cases and kinds."""
    records: set[str] = set()
    cases: set[str] = set()
    kinds: set[str] = set()
    for a in plan.actions:
        if a.action in (SKIP, NEWER):
            continue  # nothing is written for them
        records.add(a.record_id)
        kinds.add(a.kind)
        case_id = _case_of(KINDS[a.kind], a.record_id, a.payload)
        if case_id:
            cases.add(case_id)
    return Changes(frozenset(records), frozenset(cases), frozenset(kinds), sync=bool(records))


def import_json(session: Session, path: Path, *, dry_run: bool = False) -> ImportResult:
    """Check the file, then (unless dry_run) apply it in one transaction, audited."""
    plan = plan_import(session, path)
    if dry_run:
        return ImportResult(plan, written=False)
    store = session.store
    source = f"export {plan.export_id}" if plan.export_id else Path(path).name
    ids = hashlib.sha256()
    with store.large_cache(), session.write(), store.batch():
        for a in plan.actions:
            if a.action in (SKIP, NEWER):
                continue
            ids.update(a.record_id.encode("utf-8") + b"\n")
            now = a.current
            if a.action == ADD:
                store.create(a.kind, a.payload, record_id=a.record_id,
                             reason=provenance(a.source, source))
                now = SAVED
            elif a.edit:
                store.edit(a.record_id, a.payload, reason=provenance(a.source, source))
            if a.action == ADD or a.edit:
                record_death(session, a.kind, a.payload)  # an adult died: the date on them
            kind = KINDS[a.kind]
            if kind.finalisable and now == SAVED and a.state != SAVED:
                store.finalise(a.record_id, a.payload)
            if a.state == ENTERED_IN_ERROR and now != ENTERED_IN_ERROR:
                store.amend(
                    a.record_id, a.payload, amendment_type="ENTERED_IN_ERROR",
                    reason=(a.retraction.text(source) if a.retraction is not None else
                            f"Entered in error in the source vault (imported from {source})."))
        session.log("json.import", detail={
            "format": "json", "export_id": plan.export_id, "source_vault_id":
            plan.source_vault_id, "sha256": plan.file_sha256, "added": plan.count(ADD),
            "updated": plan.count(UPDATE), "skipped": plan.count(SKIP),
            "newer_here": plan.count(NEWER),
            "record_ids_sha256": ids.hexdigest(),
        })
    return ImportResult(plan, written=True)


__all__ = ["MAX_IMPORT_BYTES", "ImportPlan", "ImportRejected", "ImportResult", "changes_of",
           "check_size", "format_checker", "import_json", "plan_import"]
