"""Full-text search over every record the worker holds."""

from __future__ import annotations

from msp_desktop.services.session import Session
from msp_desktop.storage import queries

# A hit is part of this service's API (the UI sees it from here).
from msp_desktop.storage.queries import SearchHit

__all__ = ["SearchHit", "log_search", "search"]


def search(
    session: Session, text: str, *, limit: int = 50, case_id: str | None = None,
    audit: bool = True,
) -> list[SearchHit]:
    """audit=False only reads (a read-only session on a worker thread); the caller then
    records the search with `log_search` on the main session."""
    hits = queries.search(session.conn, text, limit=limit, case_id=case_id)
    if audit:
        log_search(session, len(hits), case_id)
    return hits


def log_search(session: Session, results: int, case_id: str | None = None) -> None:
    """The audit log records that a search happened, never what was searched for."""
    with session.write():
        session.log("search", case_id=case_id, detail={"results": results})
