"""Projections: the current state of every record, the caseload rows and the search index,
derived from the revisions in the caller's transaction and rebuildable from them alone.

`records` holds each record's merged payload (per-field merge of its heads), `heads` the
heads, `case_summary` one caseload row per case and `search_fts` the full-text index: it
indexes the folded text (domain/folding.py) and reads the text as written from `search_text`
(an external-content table), so snippets show the adult's words as they were written.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from msp_desktop.domain.canonical import dumps
from msp_desktop.domain.derive import display_name
from msp_desktop.domain.fields import TITLE_MAX, RecordKind
from msp_desktop.domain.folding import fold
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.merge import FieldConflict, Node, merge
from msp_desktop.domain.revisions import RecordState, Revision
from msp_desktop.domain.status import RecordStatus, status_after
from msp_desktop.storage import marks, revision_log, summary

# meta key and value: the search index holds NFC-normalised, folded text (an index written
# another way has another value or none, and is rebuilt once, at unlock: `ensure_search_index`).
SEARCH_INDEX_KEY = "search_index"
SEARCH_INDEX_FORM = "fold-1"

_STATE_COLUMNS = (
    "record_id, kind, case_id, status, title, sort_date, payload, conflicts, created_hlc,"
    " updated_hlc, created_by, updated_by"
)


@dataclass
class _Batch:
    dirty_cases: set[str] = field(default_factory=set)
    dirty_persons: set[str] = field(default_factory=set)


class Projector:
    """Keeps the projections in step with the revisions. Callers own the transaction."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._batch: _Batch | None = None

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

    def project(self, record_id: str, fresh: Sequence[Revision] | None = None) -> None:
        """Derive the record's row, heads and index entry from its revisions.

        fresh: every revision of a record new to this vault, already in memory (a bulk
        import), so neither its history nor an earlier projection row is read back."""
        if fresh is None:
            revs = revision_log.history(self._conn, record_id)
        else:
            revs = sorted(fresh, key=lambda r: (r.hlc, r.revision_id))
        if not revs:
            return
        by_id = {r.revision_id: r for r in revs}
        referenced = {p for r in revs for p in r.parents}
        heads = sorted(rid for rid in by_id if rid not in referenced)
        if fresh is None:
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
        row = None if fresh is not None else self._conn.execute(
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
            unindex(self._conn, rowid)
        index(self._conn, rowid, search_body(kind_name, payload, status))
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
        case = get(self._conn, case_id)
        if case is None or case.kind != "case":
            return
        person_id = case.payload.get("person_id")
        person = get(self._conn, person_id) if isinstance(person_id, str) else None
        # Conversations are most of a case; the summary needs only their latest date, so
        # aggregate them in SQL and load whole states only for the few other records.
        records = records_for_case(self._conn, case_id, summary.SUMMARY_KINDS)
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

    def rebuild(self) -> None:
        """Drop every projection and derive it again from the revisions alone."""
        clear_index(self._conn)
        for table in ("heads", "records", "case_summary"):
            self._conn.execute(f"DELETE FROM {table}")
        with self.batch():
            for record_id in revision_log.record_ids_in_clock_order(self._conn):
                self.project(record_id)
        mark_search_index_current(self._conn)

    def reindex_search(self) -> None:
        """Write the full-text index again from the record rows (not the revisions: much
        cheaper than `rebuild`, and the rows are what `project` indexes)."""
        clear_index(self._conn)
        rows = self._conn.execute("SELECT rowid, kind, status, payload FROM records")
        for rowid, kind_name, status, payload in rows.fetchall():
            index(self._conn, rowid, search_body(kind_name, json.loads(payload), status))
        mark_search_index_current(self._conn)

    def retitle(self) -> None:
        """Work out again the titles that were cut at TITLE_MAX characters without "…"."""
        rows = self._conn.execute("SELECT rowid, kind, payload FROM records"
                                  " WHERE length(title) >= ?", (TITLE_MAX,)).fetchall()
        for rowid, kind_name, payload in rows:
            kind = KINDS.get(kind_name)
            title = kind.title(json.loads(payload)) if kind else kind_name
            self._conn.execute("UPDATE records SET title = ? WHERE rowid = ? AND title != ?",
                               (title, rowid, title))

    def ensure_search_index(self) -> bool:
        """Re-index once if the index predates NFC normalisation or folding; True if it did."""
        if marks.get(self._conn, SEARCH_INDEX_KEY) == SEARCH_INDEX_FORM:
            return False
        self.reindex_search()
        return True

    def matches_revisions(self) -> bool:
        """Rebuild every projection inside a savepoint that is rolled back, and compare."""
        before = snapshot(self._conn)
        self._conn.execute("SAVEPOINT rebuild_check")
        try:
            self.rebuild()
            after = snapshot(self._conn)
        finally:
            self._conn.execute("ROLLBACK TO rebuild_check")
            self._conn.execute("RELEASE rebuild_check")
        return before == after


def search_body(kind_name: str, payload: Mapping[str, Any], status: str) -> str:
    """The text the full-text index holds for a record, in Unicode NFC: the query is
    normalised the same way, so a name typed or pasted in decomposed form (e + combining
    accent, Hangul jamo, Cyrillic и + breve) finds the composed one and back."""
    if status == RecordStatus.ENTERED_IN_ERROR:
        return ""
    kind = KINDS.get(kind_name)
    body = kind.searchable_text(payload) if kind else ""
    if kind_name == "person":
        body = "\n".join(filter(None, [display_name(payload), body]))
    return unicodedata.normalize("NFC", body)


def index(conn: Any, rowid: int, body: str) -> None:
    """Index a record's body (as `search_body` gives it): the text as written is kept for
    snippets, its folded form is what the index holds."""
    if not body:
        return
    conn.execute("INSERT INTO search_text (rowid, body) VALUES (?, ?)", (rowid, body))
    conn.execute("INSERT INTO search_fts (rowid, body) VALUES (?, ?)", (rowid, fold(body)))


def unindex(conn: Any, rowid: int) -> None:
    """Take a record out of the index. An external-content index forgets a row only when told
    the exact text it indexed: the folded text as written, worked out again."""
    row = conn.execute("SELECT body FROM search_text WHERE rowid = ?", (rowid,)).fetchone()
    if row is None:
        return
    conn.execute("INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', ?, ?)",
                 (rowid, fold(row[0])))
    conn.execute("DELETE FROM search_text WHERE rowid = ?", (rowid,))


def clear_index(conn: Any) -> None:
    # Never 'rebuild': FTS5 would index search_text as written, unfolded.
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_text")


def mark_search_index_current(conn: Any) -> None:
    """Record that the index is written the current way (a new vault, or after a re-index)."""
    marks.put(conn, SEARCH_INDEX_KEY, SEARCH_INDEX_FORM)


# ----- reading ---------------------------------------------------------------------------


def get(conn: Any, record_id: str) -> RecordState | None:
    row = conn.execute(
        f"SELECT {_STATE_COLUMNS} FROM records WHERE record_id = ?", (record_id,)
    ).fetchone()
    return _state(conn, row) if row else None


def records_for_case(
    conn: Any, case_id: str, kinds: Iterable[str] | None = None
) -> list[RecordState]:
    sql = f"SELECT {_STATE_COLUMNS} FROM records WHERE case_id = ?"
    args: list[Any] = [case_id]
    if kinds is not None:
        kinds = list(kinds)
        sql += f" AND kind IN ({','.join('?' * len(kinds))})"
        args.extend(kinds)
    sql += " ORDER BY sort_date, created_hlc"
    rows = conn.execute(sql, args).fetchall()
    heads: dict[str, list[str]] = {}
    for rid, rev in conn.execute(
        "SELECT h.record_id, h.revision_id FROM heads h JOIN records r"
        " ON r.record_id = h.record_id WHERE r.case_id = ? ORDER BY 1, 2",
        (case_id,),
    ):
        heads.setdefault(rid, []).append(rev)
    return [_state(conn, r, tuple(heads.get(r[0], ()))) for r in rows]


def records_of_kind(conn: Any, kind: str) -> list[RecordState]:
    return list(iter_records_of_kind(conn, kind))


def iter_records_of_kind(conn: Any, kind: str) -> Iterator[RecordState]:
    """The records of a kind one at a time (a whole-vault export holds one in memory, not all
    200,000 notes), with every head read in one query rather than one per record."""
    heads: dict[str, list[str]] = {}
    for rid, rev in conn.execute(
        "SELECT h.record_id, h.revision_id FROM heads h JOIN records r"
        " ON r.record_id = h.record_id WHERE r.kind = ? ORDER BY 1, 2",
        (kind,),
    ):
        heads.setdefault(rid, []).append(rev)
    for r in conn.execute(
        f"SELECT {_STATE_COLUMNS} FROM records WHERE kind = ? ORDER BY sort_date, created_hlc",
        (kind,),
    ):
        yield _state(conn, r, tuple(heads.get(r[0], ())))


def heads(conn: Any, record_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT revision_id FROM heads WHERE record_id = ? ORDER BY revision_id", (record_id,)
    )]


def counts_by_kind(conn: Any) -> dict[str, int]:
    return dict(conn.execute("SELECT kind, count(*) FROM records GROUP BY kind"))


def conflict_count(conn: Any) -> int:
    return int(conn.execute(
        "SELECT count(*) FROM records WHERE conflicts IS NOT NULL"
    ).fetchone()[0])


def snapshot(conn: Any) -> list[tuple[object, ...]]:
    """Every projected row, in a stable order, to compare projections before and after."""
    rows: list[tuple[object, ...]] = []
    rows += [tuple(r) for r in conn.execute(
        "SELECT record_id, kind, case_id, status, title, sort_date, payload, head_count,"
        " conflicts FROM records ORDER BY record_id")]
    rows += [tuple(r) for r in conn.execute("SELECT * FROM heads ORDER BY 1, 2")]
    rows += [tuple(r) for r in conn.execute("SELECT * FROM case_summary ORDER BY case_id")]
    rows += [tuple(r) for r in conn.execute(
        "SELECT r.record_id, f.body FROM search_text f JOIN records r ON r.rowid = f.rowid"
        " ORDER BY r.record_id")]
    return rows


def _state(conn: Any, r: Sequence[Any], head_ids: tuple[str, ...] | None = None) -> RecordState:
    conflicts: tuple[FieldConflict, ...] = ()
    if r[7]:
        conflicts = tuple(
            FieldConflict(c["field"], c["base"], tuple((x[0], x[1]) for x in c["candidates"]))
            for c in json.loads(r[7])
        )
    return RecordState(
        record_id=r[0], kind=r[1], case_id=r[2], status=r[3], title=r[4], sort_date=r[5],
        payload=json.loads(r[6]),
        heads=tuple(heads(conn, r[0])) if head_ids is None else head_ids, conflicts=conflicts,
        created_hlc=r[8], updated_hlc=r[9], created_by=r[10], updated_by=r[11],
    )


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
    return str(status_after((rev.op, rev.amendment_type) for rev in revs))


def record_ids_for_cases(conn: Any, case_ids: Iterable[str]) -> list[str]:
    """What a colleague covering these cases needs: the cases, every record in them (related
    people included) and the adults they are about. Nothing else of the caseload."""
    ids = sorted(set(case_ids))
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(r[0] for r in conn.execute(
            f"SELECT record_id FROM records WHERE case_id IN ({marks})", chunk))
        out.update(r[0] for r in conn.execute(
            f"SELECT person_id FROM case_summary WHERE case_id IN ({marks})"
            " AND person_id IS NOT NULL", chunk))
    return sorted(out)


def case_exists(conn: Any, case_id: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM records WHERE record_id = ? AND kind = 'case'", (case_id,)
    ).fetchone() is not None


def _among(conn: Any, where: str, params: Sequence[Any], record_ids: Iterable[str]
           ) -> set[str]:
    ids = sorted(set(record_ids))
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.update(r[0] for r in conn.execute(
            f"SELECT record_id FROM records WHERE {where} AND record_id IN"
            f" ({','.join('?' * len(chunk))})", (*params, *chunk)))
    return out


def conflicted(conn: Any, record_ids: Iterable[str]) -> set[str]:
    return _among(conn, "conflicts IS NOT NULL", (), record_ids)


def entered_in_error(conn: Any, record_ids: Iterable[str]) -> set[str]:
    return _among(conn, "status = ?", (RecordStatus.ENTERED_IN_ERROR.value,), record_ids)


def shown(conn: Any, record_ids: Iterable[str]) -> set[str]:
    """The records among these that exist and are not entered in error."""
    return _among(conn, "status != ?", (RecordStatus.ENTERED_IN_ERROR.value,), record_ids)


def conflicted_records(conn: Any) -> list[RecordState]:
    return [_state(conn, r) for r in conn.execute(
        f"SELECT {_STATE_COLUMNS} FROM records WHERE conflicts IS NOT NULL"
        " ORDER BY updated_hlc DESC")]


def case_of_records(conn: Any, record_ids: Iterable[str]) -> dict[str, str | None]:
    ids = sorted(set(record_ids))
    out: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.update(conn.execute(
            f"SELECT record_id, case_id FROM records WHERE record_id IN"
            f" ({','.join('?' * len(chunk))})", chunk))
    return out
