"""What a record list says of each item beside its title (domain.derive.item_detail)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_desktop.domain.derive import item_detail, overdue_days

TODAY = dt.date(2026, 3, 10)


def test_plan_action_state_owner_due_and_overdue() -> None:
    action = {"status": "IN_PROGRESS", "owner": " Sam Patel ", "due_date": "2026-03-09"}
    assert item_detail("plan_action", action, TODAY) == (
        "Overdue by 1 day · In progress · Sam Patel · due 9 Mar 2026")
    assert item_detail("plan_action", {**action, "due_date": "2026-02-28"}, TODAY).startswith(
        "Overdue by 10 days · ")
    assert item_detail("plan_action", {**action, "status": "DONE"}, TODAY) == (
        "Done · Sam Patel · due 9 Mar 2026")
    assert item_detail("plan_action", {"status": "NOT_STARTED"}, TODAY) == "Not started"


def test_other_kinds_say_their_main_answers() -> None:
    assert item_detail("capacity_assessment", {"conclusion": "HAS_CAPACITY"}, TODAY)
    assert item_detail("consent_decision", {"status": "REFUSED", "override": True},
                       TODAY) == "Refused · proceeding without agreement"
    assert item_detail("desired_outcome", {"status": "ACTIVE"}, TODAY) == "Current"
    risks = {"entries": [{"likelihood": 2, "impact": 2}, {"likelihood": 4, "impact": 4},
                         {"description": "no rating yet"}]}
    assert item_detail("risk_assessment", risks, TODAY) == "High risk (red)"
    assert item_detail("best_interests_decision", {}, TODAY) == ""
    assert item_detail("no_such_kind", {"status": "X"}, TODAY) == ""


@settings(deadline=None)
@given(days=st.integers(-400, 400),
       status=st.sampled_from(["NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED", None]))
def test_overdue_days_counts_only_open_actions_past_due(days: int, status: str | None) -> None:
    due = TODAY - dt.timedelta(days=days)
    action = {"status": status, "due_date": due.isoformat()}
    late = overdue_days(action, TODAY)
    assert late == (days if days > 0 and status not in ("DONE", "CANCELLED") else 0)
    text = item_detail("plan_action", action, TODAY)
    assert text.startswith("Overdue by") == (late > 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.dictionaries(st.sampled_from(["status", "owner", "due_date", "entries",
                                                "conclusion", "override"]),
                               st.one_of(st.none(), st.text(max_size=12), st.integers(),
                                         st.booleans(), st.lists(st.integers(), max_size=2))))
def test_never_fails_on_odd_payloads(payload: dict[str, object]) -> None:
    for kind in ("plan_action", "risk_assessment", "consent_decision", "contact_note"):
        assert isinstance(item_detail(kind, payload, TODAY), str)
