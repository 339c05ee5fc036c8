"""Full-text search over every record the worker holds."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from msp_desktop.services.session import Session
from msp_desktop.storage import queries

# A hit, the words a search used and its cancellation are part of this service's API (the
# UI sees them from here).
from msp_desktop.storage.queries import MAX_TERMS, SearchCancelled, SearchHit, SearchTerms

__all__ = [
    "MAX_TERMS", "SearchCancelled", "SearchHit", "SearchResults", "SearchTerms", "log_search",
    "search", "terms",
]


class SearchResults(list[SearchHit]):
    """The hits of one search, best first, and the words it used (`terms`: whether some were
    left out)."""

    def __init__(self, hits: Iterable[SearchHit], terms: SearchTerms) -> None:
        super().__init__(hits)
        self.terms = terms


def terms(text: str) -> SearchTerms:
    """The words a search for `text` uses (NFC, each once, at most MAX_TERMS), and whether
    some were left out: tell the worker when `shortened`."""
    return queries.search_terms(text)


def search(
    session: Session, text: str | SearchTerms, *, limit: int = 50, case_id: str | None = None,
    audit: bool = True, cancel: threading.Event | None = None,
) -> SearchResults:
    """text: what the worker typed, or its `terms` when the caller already has them.

    audit=False only reads (a read-only session on a worker thread); the caller then
    records the search with `log_search` on the main session.

    cancel: set it (from any thread) to stop the search; it then raises SearchCancelled."""
    used = terms(text) if isinstance(text, str) else text
    hits = queries.search(session.conn, used, limit=limit, case_id=case_id,
                          cancelled=cancel.is_set if cancel is not None else None)
    if case_id is None and len(used.words) == 1:
        # A case reference (the first characters of its id, as the SAC missing list gives
        # it) finds the case itself, first.
        by_ref = queries.cases_by_reference(session.conn, used.words[0], limit)
        found = {h.record_id for h in by_ref}
        hits = [*by_ref, *(h for h in hits if h.record_id not in found)][:limit]
    if audit:
        log_search(session, len(hits), case_id)
    return SearchResults(hits, used)


def log_search(session: Session, results: int, case_id: str | None = None) -> None:
    """The audit log records that a search happened, never what was searched for."""
    with session.write():
        session.log("search", case_id=case_id, detail={"results": results})
