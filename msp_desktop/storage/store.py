"""The revision store: immutable, signed revisions and the projections derived from them.

Every change is a new revision; `records`, `heads`, `case_summary` and `search_fts` are
projections updated in the caller's transaction and rebuildable from `revisions` alone.
Nothing here deletes a revision, and there is no API to do so.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from msp_desktop.domain.fields import RecordKind
from msp_desktop.domain.kinds import KINDS
from msp_desktop.storage import summary
from msp_desktop.storage.canonical import dumps, encode, sha256_hex
from msp_desktop.storage.clock import Clock, HybridClock
from msp_desktop.storage.identity import DeviceIdentity, verify
from msp_desktop.sync.merge import FieldConflict, Node, merge

REVISION_SCHEMA_VERSION = 1
OPS = frozenset({"create", "edit", "finalise", "amend", "resolve"})
AMENDMENT_TYPES = frozenset({"CORRECTION", "ADDENDUM", "ENTERED_IN_ERROR"})
FINAL_STATUSES = frozenset({"final", "amended", "entered_in_error"})


class StoreError(Exception):
    """An operation the record store refuses; the message is shown to the worker."""


class RecordNotFound(StoreError):
    pass


class RecordFinalised(StoreError):
    pass


class ReasonRequired(StoreError):
    pass


class StaleEdit(StoreError):
    pass


@dataclass(frozen=True)
class Revision:
    revision_id: str
    record_id: str
    kind: str
    op: str
    parents: tuple[str, ...]
    author: str
    device_id: str
    device_seq: int
    hlc: str
    payload: dict[str, Any]
    reason: str | None
    amendment_type: str | None
    schema_version: int
    signature: bytes

    def body(self) -> dict[str, Any]:
        return revision_body(
            record_id=self.record_id, kind=self.kind, op=self.op, parents=self.parents,
            author=self.author, device_id=self.device_id, device_seq=self.device_seq,
            hlc=self.hlc, payload=self.payload, reason=self.reason,
            amendment_type=self.amendment_type, schema_version=self.schema_version,
        )

    def node(self) -> Node:
        return Node(self.revision_id, self.parents, self.hlc, self.device_id, self.payload)

    def to_json(self) -> dict[str, Any]:
        data = self.body()
        data["revision_id"] = self.revision_id
        data["signature"] = self.signature.hex()
        return data


def revision_from_json(data: Mapping[str, Any]) -> Revision:
    return Revision(
        revision_id=data["revision_id"], record_id=data["record_id"], kind=data["kind"],
        op=data["op"], parents=tuple(data["parents"]), author=data["author"],
        device_id=data["device_id"], device_seq=data["device_seq"], hlc=data["hlc"],
        payload=dict(data["payload"]), reason=data.get("reason"),
        amendment_type=data.get("amendment_type"), schema_version=data["schema_version"],
        signature=bytes.fromhex(data["signature"]),
    )


def revision_body(**fields: Any) -> dict[str, Any]:
    body = dict(fields)
    body["parents"] = sorted(body["parents"])
    return body


def revision_id_for(body: Mapping[str, Any]) -> str:
    return sha256_hex(encode(dict(body)))


@dataclass(frozen=True)
class RecordState:
    record_id: str
    kind: str
    case_id: str | None
    status: str
    title: str
    sort_date: str | None
    payload: dict[str, Any]
    heads: tuple[str, ...]
    conflicts: tuple[FieldConflict, ...]
    created_hlc: str
    updated_hlc: str
    created_by: str
    updated_by: str

    @property
    def finalised(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def in_conflict(self) -> bool:
        return bool(self.conflicts)


@dataclass
class _Batch:
    dirty_cases: set[str] = field(default_factory=set)
    dirty_persons: set[str] = field(default_factory=set)


_REV_COLUMNS = (
    "revision_id, record_id, kind, op, parents, author, device_id, device_seq, hlc, payload,"
    " reason, amendment_type, schema_version, signature"
)


def _row_to_revision(r: Sequence[Any]) -> Revision:
    return Revision(
        revision_id=r[0], record_id=r[1], kind=r[2], op=r[3], parents=tuple(json.loads(r[4])),
        author=r[5], device_id=r[6], device_seq=r[7], hlc=r[8], payload=json.loads(r[9]),
        reason=r[10], amendment_type=r[11], schema_version=r[12], signature=bytes(r[13]),
    )


class RecordStore:
    """Writes revisions and keeps projections in step. Callers own the transaction."""

    def __init__(self, conn: Any, device: DeviceIdentity, clock: Clock | None = None) -> None:
        self._conn = conn
        self.device = device
        self.clock = clock or Clock()
        row = conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        self.hlc = HybridClock(self.clock, row[0] if row else None)
        self._seq: int | None = None
        self._batch: _Batch | None = None

    # ----- writing -------------------------------------------------------------------------

    def new_record_id(self) -> str:
        return uuid.uuid4().hex

    def create(
        self, kind: str, payload: Mapping[str, Any], record_id: str | None = None
    ) -> Revision:
        rid = record_id or self.new_record_id()
        if self._conn.execute("SELECT 1 FROM revisions WHERE record_id = ?", (rid,)).fetchone():
            raise StoreError("A record with this id already exists.")
        return self._append(rid, kind, "create", payload, ())

    def edit(
        self,
        record_id: str,
        payload: Mapping[str, Any],
        *,
        expected_heads: Sequence[str] | None = None,
        reason: str | None = None,
    ) -> Revision:
        state = self._require(record_id)
        if state.finalised:
            raise RecordFinalised(
                "This record has been finalised, so it can only be changed by an amendment "
                "with a reason. The original stays readable."
            )
        self._check_heads(state, expected_heads)
        return self._append(record_id, state.kind, "edit", payload, state.heads, reason=reason)

    def finalise(
        self, record_id: str, payload: Mapping[str, Any] | None = None,
        *, expected_heads: Sequence[str] | None = None,
    ) -> Revision:
        state = self._require(record_id)
        if state.finalised:
            raise RecordFinalised("This record is already finalised.")
        if not _kind(state.kind).finalisable:
            raise StoreError(f"A {_kind(state.kind).label.lower()} is not finalised.")
        self._check_heads(state, expected_heads)
        body = state.payload if payload is None else payload
        return self._append(record_id, state.kind, "finalise", body, state.heads)

    def amend(
        self,
        record_id: str,
        payload: Mapping[str, Any],
        *,
        reason: str,
        amendment_type: str,
        expected_heads: Sequence[str] | None = None,
    ) -> Revision:
        state = self._require(record_id)
        if not reason or not reason.strip():
            raise ReasonRequired("Give a reason for the amendment; it is kept with the record.")
        if amendment_type not in AMENDMENT_TYPES:
            raise StoreError(
                "Choose the type of amendment: correction, addendum or entered in error."
            )
        if _kind(state.kind).finalisable and not state.finalised:
            raise StoreError("This record is not finalised yet: edit it directly.")
        self._check_heads(state, expected_heads)
        return self._append(
            record_id, state.kind, "amend", payload, state.heads,
            reason=reason.strip(), amendment_type=amendment_type,
        )

    def resolve(self, record_id: str, payload: Mapping[str, Any], *, reason: str) -> Revision:
        """A person's resolution of a conflict: a revision whose parents are all heads."""
        state = self._require(record_id)
        if not reason or not reason.strip():
            raise ReasonRequired("Say why you chose these values; the reason is kept.")
        return self._append(
            record_id, state.kind, "resolve", payload, state.heads, reason=reason.strip()
        )

    def _check_heads(self, state: RecordState, expected: Sequence[str] | None) -> None:
        if expected is not None and sorted(expected) != sorted(state.heads):
            raise StaleEdit(
                "This record changed since you opened it. Your text is kept as a draft; "
                "reopen the record to see both versions."
            )

    def _next_seq(self) -> int:
        if self._seq is None:
            row = self._conn.execute(
                "SELECT max(device_seq) FROM revisions WHERE device_id = ?",
                (self.device.device_id,),
            ).fetchone()
            self._seq = row[0] or 0
        self._seq += 1
        return self._seq

    def _append(
        self,
        record_id: str,
        kind: str,
        op: str,
        payload: Mapping[str, Any],
        parents: Iterable[str],
        *,
        reason: str | None = None,
        amendment_type: str | None = None,
    ) -> Revision:
        assert op in OPS
        hlc = self.hlc.tick()
        body = revision_body(
            record_id=record_id, kind=kind, op=op, parents=tuple(parents),
            author=self.device.author, device_id=self.device.device_id,
            device_seq=self._next_seq(), hlc=hlc, payload=dict(payload), reason=reason,
            amendment_type=amendment_type, schema_version=REVISION_SCHEMA_VERSION,
        )
        rid = revision_id_for(body)
        rev = Revision(
            revision_id=rid, record_id=record_id, kind=kind, op=op,
            parents=tuple(body["parents"]), author=body["author"], device_id=body["device_id"],
            device_seq=body["device_seq"], hlc=hlc, payload=body["payload"], reason=reason,
            amendment_type=amendment_type, schema_version=REVISION_SCHEMA_VERSION,
            signature=self.device.sign(rid.encode("ascii")),
        )
        try:
            self._insert(rev)
        except Exception:
            self._seq = None  # re-read after a rolled-back write
            raise
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('hlc', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (hlc,),
        )
        self._project(record_id)
        return rev

    def ingest(self, rev: Revision, verify_key_hex: str) -> str:
        """Apply a revision made elsewhere (already decrypted). Returns what happened:
        'held' (we had it), 'applied', or 'parked' (a parent is missing).

        Set union: applying the same revisions in any order gives the same state.
        """
        if revision_id_for(rev.body()) != rev.revision_id:
            raise StoreError("A revision does not match its content; it was rejected.")
        if not verify(verify_key_hex, rev.revision_id.encode("ascii"), rev.signature):
            raise StoreError("A revision has an invalid signature; it was rejected.")
        exists = self._conn.execute(
            "SELECT 1 FROM revisions WHERE revision_id = ?", (rev.revision_id,)
        ).fetchone()
        if exists:
            return "held"
        missing = [p for p in rev.parents if self.revision(p) is None]
        if missing:
            self._conn.execute(
                "INSERT OR IGNORE INTO parked (revision_id, data, waiting_for, received_at)"
                " VALUES (?, ?, ?, ?)",
                (rev.revision_id, dumps(rev.to_json()), dumps(sorted(missing)),
                 self.clock.iso_now()),
            )
            return "parked"
        self._insert(rev)
        self.hlc.observe(rev.hlc)
        self._project(rev.record_id)
        self._unpark()
        return "applied"

    def _unpark(self) -> None:
        progress = True
        while progress:
            progress = False
            for rid, data in self._conn.execute("SELECT revision_id, data FROM parked").fetchall():
                rev = revision_from_json(json.loads(data))
                if all(self.revision(p) is not None for p in rev.parents):
                    self._conn.execute("DELETE FROM parked WHERE revision_id = ?", (rid,))
                    self._insert(rev)
                    self._project(rev.record_id)
                    progress = True

    def _insert(self, rev: Revision) -> None:
        self._conn.execute(
            f"INSERT INTO revisions ({_REV_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rev.revision_id, rev.record_id, rev.kind, rev.op, dumps(list(rev.parents)),
                rev.author, rev.device_id, rev.device_seq, rev.hlc, dumps(rev.payload),
                rev.reason, rev.amendment_type, rev.schema_version, rev.signature,
            ),
        )

    # ----- projections ---------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Defer case-summary refreshes to the end of a bulk write (demo, import)."""
        outer = self._batch is None
        if outer:
            self._batch = _Batch()
        try:
            yield
        finally:
            if outer:
                batch, self._batch = self._batch, None
                assert batch is not None
                self._flush(batch)

    def _flush(self, batch: _Batch) -> None:
        cases = set(batch.dirty_cases)
        for person_id in batch.dirty_persons:
            # case_summary is indexed by person; a case with no summary row yet was written in
            # this batch, so it is already dirty. (Scanning records with json_extract made bulk
            # writes quadratic in the number of cases.)
            cases.update(
                r[0]
                for r in self._conn.execute(
                    "SELECT case_id FROM case_summary WHERE person_id = ?", (person_id,)
                )
            )
        for case_id in sorted(cases):
            self._refresh_case(case_id)

    def _project(self, record_id: str) -> None:
        revs = self.history(record_id)
        if not revs:
            return
        by_id = {r.revision_id: r for r in revs}
        referenced = {p for r in revs for p in r.parents}
        heads = sorted(rid for rid in by_id if rid not in referenced)
        self._conn.execute("DELETE FROM heads WHERE record_id = ?", (record_id,))
        self._conn.executemany(
            "INSERT INTO heads (record_id, revision_id) VALUES (?, ?)",
            [(record_id, h) for h in heads],
        )

        def lookup(rid: str) -> Node | None:
            rev = by_id.get(rid)
            return rev.node() if rev else None

        result = merge([by_id[h].node() for h in heads], lookup)
        payload = result.payload
        first, last = revs[0], max(revs, key=lambda r: r.hlc)
        kind_name = first.kind
        kind = KINDS.get(kind_name)
        status = _status(revs)
        case_id = _case_id(kind, record_id, payload)
        title = kind.title(payload) if kind else kind_name
        sort_date = str(payload.get(kind.date_field)) if kind and kind.date_field and payload.get(
            kind.date_field) else None
        conflicts = (
            dumps([
                {"field": c.field, "base": c.base,
                 "candidates": [[rid, v] for rid, v in c.candidates]}
                for c in result.conflicts
            ])
            if result.conflicts
            else None
        )
        row = self._conn.execute(
            "SELECT rowid, case_id FROM records WHERE record_id = ?", (record_id,)
        ).fetchone()
        # A record moved out of a case changes that case's summary too (refreshed below,
        # once this row says where the record is now).
        left_case = row[1] if row is not None and row[1] and row[1] != case_id else None
        values = (
            kind_name, case_id, status, title, sort_date, dumps(payload), len(heads), conflicts,
            first.hlc, last.hlc, first.author, last.author,
        )
        if row is None:
            cur = self._conn.execute(
                "INSERT INTO records (record_id, kind, case_id, status, title, sort_date, payload,"
                " head_count, conflicts, created_hlc, updated_hlc, created_by, updated_by)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (record_id, *values),
            )
            rowid = cur.lastrowid
        else:
            rowid = row[0]
            self._conn.execute(
                "UPDATE records SET kind=?, case_id=?, status=?, title=?, sort_date=?, payload=?,"
                " head_count=?, conflicts=?, created_hlc=?, updated_hlc=?, created_by=?,"
                " updated_by=? WHERE rowid = ?",
                (*values, rowid),
            )
            self._conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rowid,))
        body = kind.searchable_text(payload) if kind else ""
        if kind_name == "person":
            body = "\n".join(filter(None, [summary.person_name(payload), body]))
        if body and status != "entered_in_error":
            self._conn.execute(
                "INSERT INTO search_fts (rowid, body) VALUES (?, ?)", (rowid, body)
            )
        if left_case:
            self._mark(case_id=left_case)
        if kind_name == "person":
            self._mark(person_id=record_id)
        elif case_id:
            self._mark(case_id=case_id)

    def _mark(self, *, case_id: str | None = None, person_id: str | None = None) -> None:
        batch = self._batch or _Batch()
        if case_id:
            batch.dirty_cases.add(case_id)
        if person_id:
            batch.dirty_persons.add(person_id)
        if self._batch is None:
            self._flush(batch)

    def _refresh_case(self, case_id: str) -> None:
        case = self.get(case_id)
        if case is None or case.kind != "case":
            return
        person_id = case.payload.get("person_id")
        person = self.get(person_id) if isinstance(person_id, str) else None
        # Conversations are most of a case; the summary needs only their latest date, so
        # aggregate them in SQL and load whole states only for the few other records.
        records = self.records_for_case(case_id, summary.SUMMARY_KINDS)
        last_contact, conflicts, updated = self._conn.execute(
            "SELECT max(CASE WHEN kind = 'contact_note' AND status != 'entered_in_error'"
            " THEN substr(sort_date, 1, 10) END),"
            " sum(conflicts IS NOT NULL AND record_id != case_id), max(updated_hlc)"
            " FROM records WHERE case_id = ?",
            (case_id,),
        ).fetchone()
        s = summary.summarise(
            case, person, records,
            summary.Aggregates(last_contact=last_contact, conflicts=int(conflicts or 0),
                               updated_hlc=updated or case.updated_hlc),
        )
        self._conn.execute(
            "INSERT INTO case_summary (case_id, person_id, person_name, sort_name, stage,"
            " opened_at, next_review, earliest_open_due, open_actions, last_contact, conflicts,"
            " outcomes, updated_hlc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (case_id) DO UPDATE SET person_id=excluded.person_id,"
            " person_name=excluded.person_name, sort_name=excluded.sort_name,"
            " stage=excluded.stage, opened_at=excluded.opened_at,"
            " next_review=excluded.next_review, earliest_open_due=excluded.earliest_open_due,"
            " open_actions=excluded.open_actions, last_contact=excluded.last_contact,"
            " conflicts=excluded.conflicts, outcomes=excluded.outcomes,"
            " updated_hlc=excluded.updated_hlc",
            (
                case_id, person_id, s.person_name, s.sort_name, s.stage, s.opened_at,
                s.next_review, s.earliest_open_due, s.open_actions, s.last_contact,
                s.conflicts, dumps(s.outcomes), s.updated_hlc,
            ),
        )

    @contextmanager
    def large_cache(self, kib: int) -> Iterator[None]:
        """A bigger page cache for a bulk write only: with SQLite's 2 MiB default, inserts
        into the random-keyed indexes of a large vault miss the cache (and decrypt a page)
        nearly every time. Restored afterwards, so the open vault keeps its footprint."""
        prior = self._conn.execute("PRAGMA cache_size").fetchone()[0]
        self._conn.execute(f"PRAGMA cache_size = {-int(kib)}")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA cache_size = {int(prior)}")

    def projections_match_revisions(self) -> bool:
        """Rebuild every projection inside a savepoint that is rolled back, and compare."""
        before = projection_snapshot(self._conn)
        self._conn.execute("SAVEPOINT rebuild_check")
        try:
            self.rebuild_projections()
            after = projection_snapshot(self._conn)
        finally:
            self._conn.execute("ROLLBACK TO rebuild_check")
            self._conn.execute("RELEASE rebuild_check")
        return before == after

    def rebuild_projections(self) -> None:
        """Drop every projection and derive it again from the revisions alone."""
        for table in ("heads", "records", "case_summary", "search_fts"):
            self._conn.execute(f"DELETE FROM {table}")
        ids = [r[0] for r in self._conn.execute(
            "SELECT record_id FROM revisions GROUP BY record_id ORDER BY min(hlc), record_id"
        )]
        with self.batch():
            for record_id in ids:
                self._project(record_id)

    # ----- reading -------------------------------------------------------------------------

    def history(self, record_id: str) -> list[Revision]:
        rows = self._conn.execute(
            f"SELECT {_REV_COLUMNS} FROM revisions WHERE record_id = ? ORDER BY hlc, revision_id",
            (record_id,),
        ).fetchall()
        return [_row_to_revision(r) for r in rows]

    def revision(self, revision_id: str) -> Revision | None:
        row = self._conn.execute(
            f"SELECT {_REV_COLUMNS} FROM revisions WHERE revision_id = ?", (revision_id,)
        ).fetchone()
        return _row_to_revision(row) if row else None

    def get(self, record_id: str) -> RecordState | None:
        row = self._conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM records WHERE record_id = ?", (record_id,)
        ).fetchone()
        return self._state(row) if row else None

    def _require(self, record_id: str) -> RecordState:
        state = self.get(record_id)
        if state is None:
            raise RecordNotFound("That record does not exist in this vault.")
        return state

    def records_for_case(
        self, case_id: str, kinds: Iterable[str] | None = None
    ) -> list[RecordState]:
        sql = f"SELECT {_STATE_COLUMNS} FROM records WHERE case_id = ?"
        args: list[Any] = [case_id]
        if kinds is not None:
            kinds = list(kinds)
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            args.extend(kinds)
        sql += " ORDER BY sort_date, created_hlc"
        rows = self._conn.execute(sql, args).fetchall()
        heads: dict[str, list[str]] = {}
        for rid, rev in self._conn.execute(
            "SELECT h.record_id, h.revision_id FROM heads h JOIN records r"
            " ON r.record_id = h.record_id WHERE r.case_id = ? ORDER BY 1, 2",
            (case_id,),
        ):
            heads.setdefault(rid, []).append(rev)
        return [self._state(r, tuple(heads.get(r[0], ()))) for r in rows]

    def records_of_kind(self, kind: str) -> list[RecordState]:
        rows = self._conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM records WHERE kind = ? ORDER BY sort_date, created_hlc",
            (kind,),
        )
        return [self._state(r) for r in rows]

    def heads(self, record_id: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT revision_id FROM heads WHERE record_id = ? ORDER BY revision_id", (record_id,)
        )]

    def _state(self, r: Sequence[Any], heads: tuple[str, ...] | None = None) -> RecordState:
        conflicts: tuple[FieldConflict, ...] = ()
        if r[7]:
            conflicts = tuple(
                FieldConflict(c["field"], c["base"], tuple((x[0], x[1]) for x in c["candidates"]))
                for c in json.loads(r[7])
            )
        return RecordState(
            record_id=r[0], kind=r[1], case_id=r[2], status=r[3], title=r[4], sort_date=r[5],
            payload=json.loads(r[6]),
            heads=tuple(self.heads(r[0])) if heads is None else heads, conflicts=conflicts,
            created_hlc=r[8], updated_hlc=r[9], created_by=r[10], updated_by=r[11],
        )

    # RuleContext protocol, so domain rules can look at other records.
    def find(self, kind: str, case_id: str) -> list[RecordState]:
        return self.records_for_case(case_id, [kind])

    # ----- integrity ----------------------------------------------------------------------

    def verify_revisions(self) -> list[str]:
        """Revisions whose id or signature does not check out (empty when all are sound)."""
        keys = dict(self._conn.execute("SELECT device_id, verify_key FROM known_devices"))
        bad: list[str] = []
        for row in self._conn.execute(f"SELECT {_REV_COLUMNS} FROM revisions"):
            rev = _row_to_revision(row)
            if revision_id_for(rev.body()) != rev.revision_id:
                bad.append(f"revision {rev.revision_id[:12]} does not match its content")
                continue
            key = keys.get(rev.device_id)
            if key is None or not verify(key, rev.revision_id.encode("ascii"), rev.signature):
                bad.append(f"revision {rev.revision_id[:12]} has an invalid signature")
        return bad

    def state_digest(self) -> str:
        ids = "\n".join(r[0] for r in self._conn.execute(
            "SELECT revision_id FROM revisions ORDER BY revision_id"
        ))
        return sha256_hex(ids.encode("ascii"))

    def counts_by_kind(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT kind, count(*) FROM records GROUP BY kind"))

    def revision_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM revisions").fetchone()[0])

    def conflict_count(self) -> int:
        return int(self._conn.execute(
            "SELECT count(*) FROM records WHERE conflicts IS NOT NULL"
        ).fetchone()[0])

    def parked_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM parked").fetchone()[0])


def projection_snapshot(conn: Any) -> list[tuple[object, ...]]:
    """Every projected row, in a stable order, to compare projections before and after."""
    rows: list[tuple[object, ...]] = []
    rows += [tuple(r) for r in conn.execute(
        "SELECT record_id, kind, case_id, status, title, sort_date, payload, head_count,"
        " conflicts FROM records ORDER BY record_id")]
    rows += [tuple(r) for r in conn.execute("SELECT * FROM heads ORDER BY 1, 2")]
    rows += [tuple(r) for r in conn.execute("SELECT * FROM case_summary ORDER BY case_id")]
    rows += [tuple(r) for r in conn.execute(
        "SELECT r.record_id, f.body FROM search_fts f JOIN records r ON r.rowid = f.rowid"
        " ORDER BY r.record_id")]
    return rows


_STATE_COLUMNS = (
    "record_id, kind, case_id, status, title, sort_date, payload, conflicts, created_hlc,"
    " updated_hlc, created_by, updated_by"
)


def _kind(name: str) -> RecordKind:
    kind = KINDS.get(name)
    if kind is None:
        raise StoreError(f"Unknown record kind {name!r}.")
    return kind


def _case_id(kind: RecordKind | None, record_id: str, payload: Mapping[str, Any]) -> str | None:
    if kind is None:
        value = payload.get("case_id")
        return value if isinstance(value, str) else None
    if kind.name == "case":
        return record_id
    if kind.case_field:
        value = payload.get(kind.case_field)
        return value if isinstance(value, str) else None
    return None


def _status(revs: Sequence[Revision]) -> str:
    status = "saved"
    for rev in revs:  # in hlc order
        if rev.op == "finalise":
            status = "final"
        elif rev.op == "amend":
            status = "entered_in_error" if rev.amendment_type == "ENTERED_IN_ERROR" else "amended"
    return status
