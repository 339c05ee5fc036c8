"""Full-text search over every record the worker holds."""

from __future__ import annotations

import threading

from msp_desktop.services.session import Session
from msp_desktop.storage import queries

# A hit, the words a search used and its cancellation are part of this service's API (the
# UI sees them from here).
from msp_desktop.storage.queries import MAX_TERMS, SearchCancelled, SearchHit, SearchTerms

__all__ = [
    "MAX_TERMS", "SearchCancelled", "SearchHit", "SearchTerms", "log_search", "search", "terms",
]


def terms(text: str) -> SearchTerms:
    """The words a search for `text` uses (NFC, each once, at most MAX_TERMS), and whether
    some were left out: tell the worker when `shortened`."""
    return queries.search_terms(text)


def search(
    session: Session, text: str, *, limit: int = 50, case_id: str | None = None,
    audit: bool = True, cancel: threading.Event | None = None,
) -> list[SearchHit]:
    """audit=False only reads (a read-only session on a worker thread); the caller then
    records the search with `log_search` on the main session.

    cancel: set it (from any thread) to stop the search; it then raises SearchCancelled."""
    hits = queries.search(session.conn, text, limit=limit, case_id=case_id,
                          cancelled=cancel.is_set if cancel is not None else None)
    if audit:
        log_search(session, len(hits), case_id)
    return hits


def log_search(session: Session, results: int, case_id: str | None = None) -> None:
    """The audit log records that a search happened, never what was searched for."""
    with session.write():
        session.log("search", case_id=case_id, detail={"results": results})
