"""Read-side queries over the projections: caseload pages and full-text search."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.enums import CASE_STATUS
from msp_desktop.domain.folding import fold
from msp_desktop.domain.status import RecordStatus

STAGE_FILTERS = frozenset({"open", "closed", "all"})


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    person_id: str | None
    person_name: str
    stage: str
    opened_at: str | None
    next_review: str | None
    earliest_open_due: str | None
    open_actions: int
    overdue_actions: int
    last_contact: str | None
    conflicts: int
    drafts: int
    outcomes: list[dict[str, str]]


@dataclass(frozen=True)
class CaseloadFilter:
    stage: str | None = None  # a case status code, or None for every open case
    include_closed: bool = False
    reviews_due_by: str | None = None  # ISO date: next review on or before
    overdue_on: str | None = None  # ISO date: has an open action due before this date
    needs_attention: bool = False  # conflicts, drafts or overdue
    today: str = ""
    sort: str = "name"  # one of CASELOAD_SORTS
    descending: bool = False
    # Cases the office has not acknowledged every change of (sorting by "office" only).
    behind: frozenset[str] = frozenset()


_OPEN_ACTION = (
    "kind = 'plan_action' AND coalesce(json_extract(payload, '$.status'), '') NOT IN"
    " ('DONE', 'COMPLETED', 'CANCELLED', 'NOT_NEEDED')")

# What makes a case need attention (each takes at most one `today`): the filter asks for any
# of them, the sort counts them.
_ATTENTION = (
    "s.conflicts > 0",
    "s.earliest_open_due < ?",
    "s.next_review < ?",
    "EXISTS (SELECT 1 FROM drafts d WHERE d.case_id = s.case_id)",
)

# What the caseload can be sorted by: the SQL of each key (dates are ISO text, so they sort
# as dates) and how many `today` parameters it takes. Empty values come last either way.
CASELOAD_SORTS: dict[str, tuple[str, int]] = {
    "name": ("s.sort_name", 0),
    "stage": ("CASE s.stage " + " ".join(
        f"WHEN '{c.code}' THEN {i}" for i, c in enumerate(CASE_STATUS)) + " END", 0),
    "next_review": ("s.next_review", 0),
    "overdue": ("CASE WHEN s.earliest_open_due < ? THEN (SELECT count(*) FROM records"
                " WHERE case_id = s.case_id AND " + _OPEN_ACTION +
                " AND substr(json_extract(payload, '$.due_date'), 1, 10) < ?) ELSE 0 END", 2),
    "last_contact": ("s.last_contact", 0),
    "attention": (" + ".join(f"coalesce({test}, 0)" for test in _ATTENTION), 2),
}


def _order(f: CaseloadFilter) -> tuple[str, list[Any]]:
    """The ORDER BY of a caseload page: the chosen key, then the name and id, so pages never
    overlap or skip a case."""
    direction = " DESC" if f.descending else ""
    if f.sort == "office":
        behind = sorted(f.behind)
        if not behind:  # every case is up to date (or no office): by name
            return " ORDER BY s.sort_name, s.case_id", []
        key = f"s.case_id IN ({', '.join('?' * len(behind))})"
        return f" ORDER BY {key}{direction}, s.sort_name, s.case_id", behind
    if f.sort not in CASELOAD_SORTS or f.sort == "name":
        return f" ORDER BY s.sort_name{direction}, s.case_id{direction}", []
    sql, todays = CASELOAD_SORTS[f.sort]
    return (f" ORDER BY {sql}{direction} NULLS LAST, s.sort_name, s.case_id",
            [f.today] * todays)


def _where(f: CaseloadFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if f.stage:
        clauses.append("s.stage = ?")
        args.append(f.stage)
    elif not f.include_closed:
        clauses.append("s.stage != 'closed'")
    if f.reviews_due_by:
        clauses.append("s.next_review IS NOT NULL AND s.next_review <= ?")
        args.append(f.reviews_due_by)
    if f.overdue_on:
        clauses.append("s.earliest_open_due IS NOT NULL AND s.earliest_open_due < ?")
        args.append(f.overdue_on)
    if f.needs_attention:
        clauses.append("(" + " OR ".join(f"coalesce({test}, 0)" for test in _ATTENTION) + ")")
        args.extend([f.today, f.today])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def count_cases(conn: Any, f: CaseloadFilter) -> int:
    where, args = _where(f)
    return int(conn.execute(f"SELECT count(*) FROM case_summary s{where}", args).fetchone()[0])


def case_page(conn: Any, f: CaseloadFilter, offset: int, limit: int) -> list[CaseRow]:
    where, args = _where(f)
    order, order_args = _order(f)
    rows = conn.execute(
        "SELECT s.case_id, s.person_id, s.person_name, s.stage, s.opened_at, s.next_review,"
        " s.earliest_open_due, s.open_actions, s.last_contact, s.conflicts, s.outcomes,"
        " (SELECT count(*) FROM drafts d WHERE d.case_id = s.case_id)"
        f" FROM case_summary s{where}{order} LIMIT ? OFFSET ?",
        [*args, *order_args, limit, offset],
    ).fetchall()
    return [_case_row(conn, r, f.today) for r in rows]


def case_row(conn: Any, case_id: str, today: str) -> CaseRow | None:
    r = conn.execute(
        "SELECT s.case_id, s.person_id, s.person_name, s.stage, s.opened_at, s.next_review,"
        " s.earliest_open_due, s.open_actions, s.last_contact, s.conflicts, s.outcomes,"
        " (SELECT count(*) FROM drafts d WHERE d.case_id = s.case_id)"
        " FROM case_summary s WHERE s.case_id = ?", (case_id,),
    ).fetchone()
    return _case_row(conn, r, today) if r else None


def _case_row(conn: Any, r: Any, today: str) -> CaseRow:
    overdue = 0
    if r[6] and today and r[6] < today:
        # Only for the rows on screen: count open actions due before today.
        overdue = int(conn.execute(
            "SELECT count(*) FROM records WHERE case_id = ? AND " + _OPEN_ACTION +
            " AND substr(json_extract(payload, '$.due_date'), 1, 10) < ?",
            (r[0], today),
        ).fetchone()[0])
    return CaseRow(
        case_id=r[0], person_id=r[1], person_name=r[2], stage=r[3], opened_at=r[4],
        next_review=r[5], earliest_open_due=r[6], open_actions=r[7], overdue_actions=overdue,
        last_contact=r[8], conflicts=r[9], drafts=r[11], outcomes=json.loads(r[10]),
    )


@dataclass(frozen=True)
class SearchHit:
    record_id: str
    kind: str
    case_id: str | None
    person_name: str
    title: str
    snippet: str  # with [[ and ]] around matched terms
    sort_date: str | None


_TOKEN = re.compile(r"\w+", re.UNICODE)


# Words shorter than this match exactly: as prefixes, "a" or "I" would expand to thousands of
# index terms (measured: 'arrange a visit' 395 ms as prefixes, 45 ms with "a" exact).
MIN_PREFIX_LENGTH = 3
# Ranking costs about 1-5 us per match; above this many matches the results are listed newest
# first instead (a word this common carries little relevance signal anyway).
RANK_LIMIT = 5000


# A search uses at most this many different words, read from at most this many characters:
# each word is one more index lookup joined to the others, so 20,000 pasted words ran for
# more than ten minutes. A person narrowing a search types a handful. (Reading 100,000
# characters into words takes about a millisecond; repeats of a word cost nothing.)
MAX_TERMS = 32
MAX_QUERY_CHARS = 100_000
# Cancelled searches are noticed within this many SQLite steps (a fraction of a millisecond).
_CANCEL_CHECK_STEPS = 1000


class SearchCancelled(Exception):
    """The search was cancelled (a newer one replaced it, or the worker pressed Escape)."""


@dataclass(frozen=True)
class SearchTerms:
    """The words a search uses, and how much of what was typed it left out."""

    words: tuple[str, ...]
    dropped_words: int = 0  # different words past MAX_TERMS
    truncated: bool = False  # text past MAX_QUERY_CHARS was not read

    @property
    def shortened(self) -> bool:
        return bool(self.dropped_words) or self.truncated

    def fts(self) -> str:
        """A safe FTS5 query: every word must match; words of three letters or more also
        match as the start of a longer word. Words are folded as the index is (ł -> l); a
        word that folding changes is searched as typed too ("miroslaw"* OR "mirosław"*): a
        damaged vault opened read-only keeps an index from before folding (the migration
        that re-indexes it cannot run)."""
        def phrase(w: str) -> str:
            return f'"{w}"*' if len(w) >= MIN_PREFIX_LENGTH else f'"{w}"'

        parts = []
        for word in self.words:
            folded = fold(word)
            parts.append(phrase(folded) if folded == word
                         else f"({phrase(folded)} OR {phrase(word)})")
        # FTS5 takes no implicit AND next to a bracket: say it when a word has two forms.
        return (" AND " if any(p.startswith("(") for p in parts) else " ").join(parts)


def search_terms(text: str) -> SearchTerms:
    """The words of what a worker typed: NFC (as the index is), each once (ignoring case),
    at most MAX_TERMS of them from the first MAX_QUERY_CHARS characters."""
    truncated = len(text) > MAX_QUERY_CHARS
    text = unicodedata.normalize("NFC", text[:MAX_QUERY_CHARS])
    words: list[str] = []
    seen: set[str] = set()
    dropped = 0
    for token in _TOKEN.findall(text):
        key = token.casefold()
        if key in seen:
            continue
        seen.add(key)
        if len(words) < MAX_TERMS:
            words.append(token)
        else:
            dropped += 1
    return SearchTerms(tuple(words), dropped, truncated)


def fts_query(text: str) -> str:
    """Turn what a worker types into a safe FTS5 query (see `search_terms`)."""
    return search_terms(text).fts()


def search(
    conn: Any, text: str | SearchTerms, limit: int = 50, case_id: str | None = None, *,
    cancelled: Callable[[], bool] | None = None,
) -> list[SearchHit]:
    """text: what the worker typed, or its words already worked out by `search_terms`.

    cancelled: asked every few SQLite steps while the search runs (from the thread that
    runs it); once it answers True the search stops and raises SearchCancelled."""
    query = (search_terms(text) if isinstance(text, str) else text).fts()
    if not query:
        return []
    if cancelled is None:
        return _search(conn, query, limit, case_id)
    if cancelled():
        raise SearchCancelled()
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, _CANCEL_CHECK_STEPS)
    try:
        return _search(conn, query, limit, case_id)
    except Exception as exc:
        if cancelled() and "interrupt" in str(exc).lower():
            raise SearchCancelled() from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _search(conn: Any, query: str, limit: int, case_id: str | None) -> list[SearchHit]:
    sql = (
        # A hit on the adult's own record has no case id: show their name and their most
        # recently opened case, so opening the result lands somewhere useful.
        "SELECT r.record_id, r.kind,"
        " coalesce(r.case_id, (SELECT p.case_id FROM case_summary p"
        "   WHERE p.person_id = r.record_id ORDER BY p.opened_at DESC, p.case_id LIMIT 1)),"
        " coalesce(s.person_name, (SELECT p.person_name FROM case_summary p"
        "   WHERE p.person_id = r.record_id LIMIT 1), ''),"
        " r.title, snippet(search_fts, 0, '[[', ']]', '…', 12), r.sort_date"
        " FROM search_fts JOIN records r ON r.rowid = search_fts.rowid"
        " LEFT JOIN case_summary s ON s.case_id = r.case_id"
        " WHERE search_fts MATCH ?"
    )
    args: list[Any] = [query]
    if case_id:
        sql += " AND coalesce(r.case_id, '') = ?"
        args.append(case_id)
    matches = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)",
        (query, RANK_LIMIT),
    ).fetchone()[0]
    sql += " ORDER BY rank" if matches < RANK_LIMIT else " ORDER BY search_fts.rowid DESC"
    sql += " LIMIT ?"
    args.append(limit)
    return [
        SearchHit(record_id=r[0], kind=r[1], case_id=r[2], person_name=r[3], title=r[4],
                  snippet=r[5], sort_date=r[6])
        for r in conn.execute(sql, args)
    ]


# A case reference as the app shows it: the first characters (eight or more) of the case id.
_REFERENCE = re.compile(r"[0-9a-f]{8,32}")


def cases_by_reference(conn: Any, text: str, limit: int = 50) -> list[SearchHit]:
    """The cases whose id starts with `text` (a case reference as the SAC missing list and
    file names give it, in any case), when `text` is one; [] otherwise."""
    prefix = text.strip().lower()
    if not _REFERENCE.fullmatch(prefix):
        return []
    rows = conn.execute(
        "SELECT r.record_id, r.kind, r.record_id, coalesce(s.person_name, ''), r.title,"
        " r.sort_date FROM records r LEFT JOIN case_summary s ON s.case_id = r.record_id"
        " WHERE r.kind = 'case' AND r.record_id >= ? AND r.record_id < ?"
        " ORDER BY r.record_id LIMIT ?", (prefix, prefix + "g", limit))
    return [SearchHit(record_id=r[0], kind=r[1], case_id=r[2], person_name=r[3], title=r[4],
                      snippet="", sort_date=r[5]) for r in rows]


def _pairs_by_id(conn: Any, sql: str, ids: Iterable[str]) -> dict[str, str]:
    """Run `sql` (a SELECT of id, value ending "IN") over the ids, 500 at a time (SQLite's
    bound-parameter limit is lower on some builds)."""
    wanted = sorted(set(ids))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        out.update(conn.execute(f"{sql} ({','.join('?' * len(chunk))})", chunk))
    return out


def case_names(conn: Any, case_ids: Iterable[str]) -> dict[str, str]:
    return _pairs_by_id(
        conn, "SELECT case_id, person_name FROM case_summary WHERE case_id IN", case_ids)


def record_titles(conn: Any, record_ids: Iterable[str]) -> dict[str, str]:
    """The current title of each of these records that the vault holds."""
    return _pairs_by_id(conn, "SELECT record_id, title FROM records WHERE record_id IN",
                        record_ids)


@dataclass(frozen=True)
class CurrentPayloads:
    """by_kind: kind -> record id -> current payload. conflicted: the ids of those records
    whose synced versions disagree on a field (their payload is one version, provisionally)."""

    by_kind: dict[str, dict[str, dict[str, Any]]]
    conflicted: frozenset[str]


def current_payloads(conn: Any, kinds: Iterable[str]) -> CurrentPayloads:
    """The current payload of every record of these kinds, by kind then record id, leaving out
    records entered in error, and which of them are in sync conflict: one scan per kind, for
    reports over the whole vault."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    conflicted: set[str] = set()
    for kind in kinds:
        out[kind] = {}
        for rid, payload, conflicts in conn.execute(
                "SELECT record_id, payload, conflicts IS NOT NULL FROM records"
                " WHERE kind = ? AND status != ?",
                (kind, RecordStatus.ENTERED_IN_ERROR.value)):
            out[kind][rid] = json.loads(payload)
            if conflicts:
                conflicted.add(rid)
    return CurrentPayloads(out, frozenset(conflicted))


def person_payloads(conn: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every adult's record id and payload (no heads or history: for matching people)."""
    rows = conn.execute("SELECT record_id, payload FROM records WHERE kind = 'person'")
    return [(str(r[0]), json.loads(r[1])) for r in rows]


def office_ids(conn: Any) -> list[tuple[str, Any]]:
    """(record id, office person id) of every adult that has one, as person_payloads reads
    them, without decoding any payload in Python (the id is as saved: a string, normally)."""
    rows = conn.execute(
        "SELECT record_id, json_extract(payload, '$.office_person_id') FROM records"
        " WHERE kind = 'person' AND json_extract(payload, '$.office_person_id') IS NOT NULL")
    return [(str(r[0]), r[1]) for r in rows]


def cases_of_people(conn: Any, person_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Each adult's cases as (case id, opened date), oldest first."""
    ids = list(person_ids)
    out: dict[str, list[tuple[str, str]]] = {pid: [] for pid in ids}
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT json_extract(payload, '$.person_id'), record_id,"
        " coalesce(json_extract(payload, '$.opened_at'), '')"
        f" FROM records WHERE kind = 'case' AND json_extract(payload, '$.person_id') IN ({marks})"
        " ORDER BY 3, 2", ids)
    for pid, case_id, opened in rows:
        out[str(pid)].append((str(case_id), str(opened)))
    return out
