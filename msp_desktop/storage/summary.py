"""The caseload row of one case, computed from its records (a projection, no SQL here).

Overdue counts depend on today's date, so the summary stores dates (earliest open action due,
next review) and the caseload query compares them with today.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from msp_desktop.domain.derive import display_name

CLOSED_ACTION_STATUSES = frozenset({"DONE", "COMPLETED", "CANCELLED", "NOT_NEEDED"})
REVIEWED_KINDS = ("consent_decision", "capacity_assessment", "best_interests_decision")
# The kinds whose whole records the summary reads (conversations come in as Aggregates).
SUMMARY_KINDS = (
    "plan_action", "desired_outcome", "safeguarding_plan", "plan_review", *REVIEWED_KINDS,
)


@dataclass(frozen=True)
class Aggregates:
    """What the summary needs from the rest of the case, computed by the store in SQL."""

    last_contact: str | None
    conflicts: int
    updated_hlc: str


class _State(Protocol):
    @property
    def record_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def updated_hlc(self) -> str: ...
    @property
    def in_conflict(self) -> bool: ...


@dataclass(frozen=True)
class CaseSummary:
    person_name: str
    sort_name: str
    stage: str
    opened_at: str | None
    next_review: str | None
    earliest_open_due: str | None
    open_actions: int
    last_contact: str | None
    conflicts: int
    outcomes: list[dict[str, str]]
    updated_hlc: str


def _sort_name(payload: Mapping[str, Any]) -> str:
    family = str(payload.get("family_name") or "").strip()
    given = str(payload.get("given_names") or payload.get("preferred_name") or "").strip()
    return f"{family}, {given}".casefold()


def _date(value: Any) -> str | None:
    return str(value)[:10] if value else None


def summarise(
    case: _State,
    person: _State | None,
    records: Sequence[_State],
    aggregates: Aggregates,
) -> CaseSummary:
    """records: the case's records of SUMMARY_KINDS; conversations, conflicts and the latest
    change over the whole case come pre-computed in aggregates."""
    name = display_name(person.payload) if person else "Unnamed adult"
    sort_name = _sort_name(person.payload) if person else name.casefold()

    open_dues: list[str] = []
    reviews: list[str] = []
    outcomes: list[dict[str, str]] = []
    latest_plan_review: tuple[str, str | None] | None = None
    plan_review_date: str | None = None
    for rec in records:
        p = rec.payload
        if rec.kind == "plan_action":
            due = _date(p.get("due_date"))
            if p.get("status") not in CLOSED_ACTION_STATUSES and due:
                open_dues.append(due)
        elif rec.kind == "desired_outcome":
            outcomes.append({
                "id": rec.record_id,
                "statement": str(p.get("statement") or ""),
                "status": str(p.get("status") or "ACTIVE"),
                "achievement": str(p.get("achievement") or ""),
            })
        elif rec.kind == "safeguarding_plan":
            plan_review_date = _date(p.get("review_date")) or plan_review_date
        elif rec.kind == "plan_review":
            key = str(p.get("reviewed_at") or "")
            if latest_plan_review is None or key >= latest_plan_review[0]:
                latest_plan_review = (key, _date(p.get("next_review_date")))
        elif rec.kind in REVIEWED_KINDS:
            review = _date(p.get("review_date"))
            if review:
                reviews.append(review)
    plan_next = latest_plan_review[1] if latest_plan_review else plan_review_date
    if plan_next:
        reviews.append(plan_next)
    stage = str(case.payload.get("status") or "concern_received")
    closed = stage == "closed"
    return CaseSummary(
        person_name=name,
        sort_name=sort_name,
        stage=stage,
        opened_at=_date(case.payload.get("opened_at")),
        next_review=None if closed or not reviews else min(reviews),
        earliest_open_due=None if closed or not open_dues else min(open_dues),
        open_actions=0 if closed else len(open_dues),
        last_contact=aggregates.last_contact,
        conflicts=aggregates.conflicts + (1 if case.in_conflict else 0),
        outcomes=[o for o in outcomes if o["status"] != "WITHDRAWN"],
        updated_hlc=max(case.updated_hlc, aggregates.updated_hlc),
    )
