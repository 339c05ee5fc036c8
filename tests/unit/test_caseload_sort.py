"""The caseload in any column's order, read from the vault a page at a time: dates sort as
dates, empty values come last, and pages never repeat or skip a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop.services import caseload, cases, records
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from tests.unit.conftest import FakeClock

T0 = int(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)
SORTS = ("name", "stage", "next_review", "overdue", "last_contact", "office", "attention")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "vault", "caseload-sort-pass", kdf=KdfParams.fast(),
                       author="t.worker", device_name="Test laptop", clock=FakeClock(T0))
    yield s
    s.close()


def _case(s: Session, family: str, stage: str = "concern_received") -> str:
    return cases.open_case(s, {"family_name": family, "jurisdiction": "ENG"},
                           {"status": stage, "opened_at": "2026-01-05"}).state.record_id


def _contact(s: Session, case_id: str, day: str) -> None:
    records.create(s, "contact_note", {"case_id": case_id, "note_type": "PHONE",
                                       "event_start": f"{day}T10:00", "purpose": "Call"})


def _action(s: Session, case_id: str, due: str) -> None:
    plan = records.create(s, "safeguarding_plan", {
        "case_id": case_id, "status": "ACTIVE", "started_at": "2026-01-06",
        "review_date": "2026-06-01"}).state.record_id
    records.create(s, "plan_action", {
        "case_id": case_id, "plan_id": plan, "action": "Call the bank", "owner": "T. Worker",
        "due_date": due, "status": "NOT_STARTED"})


def _names(s: Session, sort: str, descending: bool = False, **kw: object) -> list[str]:
    f = caseload.make_filter(s, sort=sort, descending=descending, **kw)  # type: ignore[arg-type]
    return [r.person_name for r in caseload.page(s, f, 0, 100)]


def test_dates_sort_as_dates_with_empty_ones_last(session: Session) -> None:
    for family, day in (("Able", "2026-02-10"), ("Baker", "2026-01-02"), ("Cole", None)):
        case_id = _case(session, family)
        if day:
            _contact(session, case_id, day)
    # as text "10 Feb 2026" would come before "2 Jan 2026"
    assert _names(session, "last_contact") == ["Baker", "Able", "Cole"]
    assert _names(session, "last_contact", True) == ["Able", "Baker", "Cole"]
    assert _names(session, "name", True) == ["Cole", "Baker", "Able"]


def test_stage_overdue_attention_and_office(session: Session) -> None:
    late = _case(session, "Able", "plan_active")
    _action(session, late, "2026-02-01")  # overdue on 10 March
    _case(session, "Baker", "enquiry_in_progress")
    cole = _case(session, "Cole", "information_gathering")
    assert _names(session, "stage") == ["Cole", "Baker", "Able"]  # lifecycle, not A to Z
    assert _names(session, "overdue", True) == ["Able", "Baker", "Cole"]
    assert _names(session, "attention", True)[0] == "Able"
    assert _names(session, "office", True, behind=frozenset({cole})) == ["Cole", "Able",
                                                                         "Baker"]
    assert _names(session, "no such column") == ["Able", "Baker", "Cole"]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_never_repeat_or_skip_a_case(session: Session, sort: str,
                                           descending: bool) -> None:
    ids = set()
    for i in range(7):
        case_id = _case(session, f"Same{i % 2}")  # ties: the order must still be total
        ids.add(case_id)
        if i % 3 == 0:
            _contact(session, case_id, f"2026-02-0{i + 1}")
    f = caseload.make_filter(session, sort=sort, descending=descending)
    paged = [r.case_id for off in range(0, 7, 2) for r in caseload.page(session, f, off, 2)]
    assert sorted(paged) == sorted(ids) and len(paged) == 7
    assert paged == [r.case_id for r in caseload.page(session, f, 0, 100)]
