"""Full-text search over every record the worker holds."""

from __future__ import annotations

from msp_desktop.services.session import Session
from msp_desktop.storage import queries
from msp_desktop.storage.queries import SearchHit


def search(
    session: Session, text: str, *, limit: int = 50, case_id: str | None = None,
    audit: bool = True,
) -> list[SearchHit]:
    hits = queries.search(session.conn, text, limit=limit, case_id=case_id)
    if audit:
        with session.write():
            # The audit log records that a search happened, never what was searched for.
            session.log("search", case_id=case_id, detail={"results": len(hits)})
    return hits
