"""What a record list says of each item beside its title (domain.derive.item_detail): parts
with codes, day counts and dates, put into words (and the worker's language) by ui/."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_desktop.domain.derive import DetailPart, item_detail, overdue_days

TODAY = dt.date(2026, 3, 10)


def test_plan_action_state_owner_due_and_overdue() -> None:
    action = {"status": "IN_PROGRESS", "owner": " Sam Patel ", "due_date": "2026-03-09"}
    assert item_detail("plan_action", action, TODAY) == [
        DetailPart("overdue", days=1), DetailPart("choice", "In progress"),
        DetailPart("owner", "Sam Patel"), DetailPart("due", day=dt.date(2026, 3, 9))]
    late = item_detail("plan_action", {**action, "due_date": "2026-02-28"}, TODAY)
    assert late[0] == DetailPart("overdue", days=10)
    assert item_detail("plan_action", {**action, "status": "DONE"}, TODAY) == [
        DetailPart("choice", "Done"), DetailPart("owner", "Sam Patel"),
        DetailPart("due", day=dt.date(2026, 3, 9))]
    assert item_detail("plan_action", {"status": "NOT_STARTED"}, TODAY) == [
        DetailPart("choice", "Not started")]
    # A due date that is no date is shown as written, never dropped.
    assert item_detail("plan_action", {"due_date": "soon"}, TODAY) == [
        DetailPart("due", text="soon")]


def test_other_kinds_say_their_main_answers() -> None:
    assert item_detail("capacity_assessment", {"conclusion": "HAS_CAPACITY"}, TODAY)
    assert item_detail("consent_decision", {"status": "REFUSED", "override": True},
                       TODAY) == [DetailPart("choice", "Refused"), DetailPart("override")]
    assert item_detail("desired_outcome", {"status": "ACTIVE"}, TODAY) == [
        DetailPart("choice", "Current")]
    assert item_detail("safeguarding_plan", {"review_date": "2026-04-01"}, TODAY) == [
        DetailPart("review", day=dt.date(2026, 4, 1))]
    risks = {"entries": [{"likelihood": 2, "impact": 2}, {"likelihood": 4, "impact": 4},
                         {"description": "no rating yet"}]}
    assert item_detail("risk_assessment", risks, TODAY) == [
        DetailPart("choice", "High risk (red)")]
    assert item_detail("best_interests_decision", {}, TODAY) == []
    assert item_detail("no_such_kind", {"status": "X"}, TODAY) == []


@settings(deadline=None)
@given(days=st.integers(-400, 400),
       status=st.sampled_from(["NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED", None]))
def test_overdue_days_counts_only_open_actions_past_due(days: int, status: str | None) -> None:
    due = TODAY - dt.timedelta(days=days)
    action = {"status": status, "due_date": due.isoformat()}
    late = overdue_days(action, TODAY)
    assert late == (days if days > 0 and status not in ("DONE", "CANCELLED") else 0)
    parts = item_detail("plan_action", action, TODAY)
    assert (parts[0] == DetailPart("overdue", days=late)) == (late > 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.dictionaries(st.sampled_from(["status", "owner", "due_date", "entries",
                                                "conclusion", "override"]),
                               st.one_of(st.none(), st.text(max_size=12), st.integers(),
                                         st.booleans(), st.lists(st.integers(), max_size=2))))
def test_never_fails_on_odd_payloads(payload: dict[str, object]) -> None:
    for kind in ("plan_action", "risk_assessment", "consent_decision", "contact_note"):
        parts = item_detail(kind, payload, TODAY)
        assert all(isinstance(p, DetailPart) for p in parts)
