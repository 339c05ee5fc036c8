"""The chronology as a worker reads it: significant-event marks (a record kind of their own,
so finalised records stay untouched and marks sync), newest first, and planned dates kept
apart from what happened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain import chronology as chrono
from msp_desktop.domain.fields import validate
from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import cases, records
from msp_desktop.services import sync as sync_service
from msp_desktop.services.errors import ValidationFailed
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from tests.unit._sync_helpers import close_all, export_to, finalised_note, make_replicas
from tests.unit._sync_helpers import open_case as sync_case
from tests.unit.conftest import FakeClock
from tests.unit.conftest import note_payload as note

T0 = int(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "vault", "chronology-test-pass", kdf=KdfParams.fast(),
                       author="a.worker", device_name="Test laptop", clock=FakeClock(T0))
    yield s
    s.close()


def _case(s: Session, opened: str = "2026-01-10") -> str:
    return cases.open_case(
        s, {"family_name": "Nowak", "given_names": "Mirosław", "jurisdiction": "ENG"},
        {"status": "enquiry_in_progress", "opened_at": opened}).state.record_id


# ----- domain -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rec:
    record_id: str
    updated_hlc: str
    payload: dict[str, Any] = field(default_factory=dict)
    kind: str = "chronology_mark"


@dataclass(frozen=True)
class _Ev:
    date: str
    kind: str = "contact_note"
    record_id: str = "r"


def test_the_newest_mark_on_an_event_decides() -> None:
    marks = chrono.current_marks([
        _Rec("m1", "0002", {"target_id": "n1", "significant": True, "reason": "Police"}),
        _Rec("m2", "0003", {"target_id": "n1", "significant": False}),
        _Rec("m3", "0001", {"target_id": "n2", "significant": True, "reason": "Injury"}),
        _Rec("x", "0009", {"target_id": "n2", "significant": False}, kind="contact_note"),
    ])
    assert marks["n1"].significant is False and marks["n1"].mark_id == "m2"
    assert marks["n2"] == chrono.Mark("n2", True, "Injury", "m3")


def test_concurrent_marks_resolve_the_same_way_in_any_order() -> None:
    a = _Rec("a", "0005", {"target_id": "n1", "significant": True})
    b = _Rec("b", "0005", {"target_id": "n1", "significant": False})
    assert chrono.current_marks([a, b]) == chrono.current_marks([b, a])
    assert chrono.current_marks([a, b])["n1"].mark_id == "b"


def test_planned_dates_are_kept_apart_from_what_happened() -> None:
    events = [_Ev("2026-03-11", "plan_action", "due"), _Ev("2026-03-10T09:00:00+00:00"),
              _Ev("2026-01-02", "case", "c"), _Ev("2026-04-01", "plan_action", "later")]
    past, coming = chrono.split_coming_up(events, "2026-03-10")
    assert [e.record_id for e in past] == ["c", "r"]  # today's events happened
    assert [e.record_id for e in coming] == ["due", "later"]  # soonest first


@given(st.lists(st.tuples(st.dates().map(dt.date.isoformat), st.sampled_from(["a", "b"]),
                          st.text("xyz", max_size=3))))
def test_newest_first_is_exactly_the_reverse_of_oldest_first(rows: list[Any]) -> None:
    events = [_Ev(d, k, r) for d, k, r in rows]
    oldest = chrono.in_order(events, newest_first=False)
    newest = chrono.in_order(events, newest_first=True)
    assert newest == oldest[::-1]
    assert [e.date for e in oldest] == sorted(e.date for e in events)


def test_mark_kind_is_declared_with_its_rules() -> None:
    kind = KINDS["chronology_mark"]
    assert kind.date_field is None  # a mark is never an event itself
    assert validate(kind, {"case_id": "c", "significant": True}) != []  # target needed


# ----- services -----------------------------------------------------------------------------

def test_marking_a_finalised_note_leaves_it_untouched_and_keeps_history(
        session: Session) -> None:
    case_id = _case(session)
    saved = records.create_and_finalise(session, "contact_note", note(case_id))
    note_id = saved.state.record_id
    heads_before = session.store.get(note_id).heads  # type: ignore[union-attr]

    first = cases.mark_event(session, case_id, note_id, True, "  Disclosure to police  ")
    events = {e.record_id: e for e in cases.chronology(session, case_id)}
    assert events[note_id].significant and events[note_id].mark_reason == "Disclosure to police"
    assert events[note_id].author == "a.worker"
    assert events[note_id].status == "final"

    second = cases.mark_event(session, case_id, note_id, False, "ignored")
    assert second.state.record_id == first.state.record_id  # one mark, a new revision
    assert len(session.store.history(first.state.record_id)) == 2
    assert not {e.record_id: e for e in cases.chronology(session, case_id)}[
        note_id].significant
    assert session.store.get(note_id).heads == heads_before  # type: ignore[union-attr]
    mark = session.store.get(first.state.record_id)
    assert mark is not None and not mark.payload.get("reason")  # unmarking drops the reason


def test_only_an_event_of_the_same_case_can_be_marked(session: Session) -> None:
    case_a, case_b = _case(session), _case(session)
    other = records.create(session, "contact_note", note(case_b)).state.record_id
    with pytest.raises(ValidationFailed):
        cases.mark_event(session, case_a, other, True)
    with pytest.raises(ValidationFailed):
        cases.mark_event(session, case_a, "0" * 32, True)


def test_a_mark_of_a_case_that_is_not_there_is_blamed_on_its_case(session: Session) -> None:
    case_id = _case(session)
    event = records.create(session, "contact_note", note(case_id)).state.record_id
    with pytest.raises(ValidationFailed) as err:
        cases.mark_event(session, "0" * 32, event, True)
    assert [p.field for p in err.value.problems] == ["case_id"]


def test_case_view_keeps_planned_actions_out_of_the_chronology(session: Session) -> None:
    case_id = _case(session)
    plan = records.create(session, "safeguarding_plan", {
        "case_id": case_id, "status": "ACTIVE", "started_at": "2026-03-01",
        "review_date": "2026-04-01"}).state.record_id
    for due, what in (("2026-03-02", "Call the bank"), ("2026-03-20", "Visit again")):
        records.create(session, "plan_action", {
            "case_id": case_id, "plan_id": plan, "action": what, "owner": "A. Worker",
            "due_date": due, "status": "NOT_STARTED"})
    view = cases.case_view(session, case_id)
    assert [e.title for e in view.coming_up] == ["Visit again"]
    assert "Visit again" not in [e.title for e in view.chronology]
    assert "Call the bank" in [e.title for e in view.chronology]
    assert "chronology_mark" not in {e.kind for e in view.chronology}


def test_marks_sync_and_every_replica_agrees(tmp_path: Path) -> None:
    a, b = make_replicas(tmp_path, 2)
    sent = 0

    def swap() -> None:
        nonlocal sent
        for src, dst in ((a, b), (b, a)):
            sent += 1
            for path in export_to(src, tmp_path / f"out{sent}", [dst]):
                sync_service.import_bundle(dst, path)

    def significant(s: Session) -> dict[str, bool]:
        return {e.record_id: e.significant for e in cases.chronology(s, case_id)}

    try:
        case_id, _person = sync_case(a)
        note_id = finalised_note(a, case_id)
        swap()
        note_heads = records.get(b, note_id).heads
        # both workers mark the same event before they sync: two marks, one answer
        cases.mark_event(a, case_id, note_id, True, "Police informed")
        cases.mark_event(b, case_id, note_id, False)
        swap()
        assert significant(a) == significant(b)
        assert len(a.store.find("chronology_mark", case_id)) == 2  # nothing lost
        cases.mark_event(b, case_id, note_id, True, "Agreed at supervision")
        swap()
        for s in (a, b):
            event = next(e for e in cases.chronology(s, case_id) if e.record_id == note_id)
            assert event.significant and event.mark_reason == "Agreed at supervision"
            assert records.get(s, note_id).heads == note_heads  # the note never changed
            assert records.get(s, note_id).finalised
    finally:
        close_all([a, b])
