"""The worker's caseload: pages of case rows with filters, for a list that never loads all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from msp_desktop.services.session import Session
from msp_desktop.storage import queries

# The caseload's value types are part of this service's API (the UI sees them from here).
from msp_desktop.storage.queries import CaseloadFilter, CaseRow

__all__ = ["REVIEW_WINDOW_DAYS", "CaseRow", "CaseloadFilter", "case_names", "count",
           "make_filter", "page", "row"]

REVIEW_WINDOW_DAYS = 14


def make_filter(
    session: Session,
    *,
    stage: str | None = None,
    include_closed: bool = False,
    reviews_due: bool = False,
    overdue: bool = False,
    needs_attention: bool = False,
    sort: str = "name",
    descending: bool = False,
    behind: frozenset[str] = frozenset(),
) -> CaseloadFilter:
    """The filter (and order) of the caseload list. sort: a column of the list ("name",
    "stage", "next_review", "overdue", "last_contact", "office", "attention"); behind: the
    cases the office has not acknowledged, for sorting by "office"."""
    today = session.clock.today()
    return CaseloadFilter(
        stage=stage,
        include_closed=include_closed,
        reviews_due_by=(today + dt.timedelta(days=REVIEW_WINDOW_DAYS)).isoformat()
        if reviews_due else None,
        overdue_on=today.isoformat() if overdue else None,
        needs_attention=needs_attention,
        today=today.isoformat(),
        sort=sort,
        descending=descending,
        behind=frozenset(behind),
    )


def count(session: Session, f: CaseloadFilter) -> int:
    return queries.count_cases(session.conn, f)


def page(session: Session, f: CaseloadFilter, offset: int = 0, limit: int = 100) -> list[CaseRow]:
    return queries.case_page(session.conn, f, offset, limit)


def row(session: Session, case_id: str) -> CaseRow | None:
    return queries.case_row(session.conn, case_id, session.clock.today().isoformat())


def case_names(session: Session, case_ids: Iterable[str]) -> dict[str, str]:
    """The adult's name on each of these cases that exists (case id -> name), read in a few
    queries however many cases there are."""
    return queries.case_names(session.conn, case_ids)
