"""Receipts: what the office holds, per case and per record, and the oldest unsent change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop.services import cases, sync
from msp_desktop.services.session import KdfParams, Session
from tests.unit.conftest import FakeClock

T0 = int(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session, FakeClock]]:
    clock = FakeClock(T0)
    worker = Session.create(tmp_path / "w", "worker passphrase", kdf=KdfParams.fast(),
                            author="w.worker", device_name="Worker laptop", clock=clock)
    office = Session.create(tmp_path / "o", "office passphrase", kdf=KdfParams.fast(),
                            author="office", device_name="Office vault", clock=clock)
    sync.trust(worker, sync.my_card(office), office=True)
    sync.trust(office, sync.my_card(worker))
    yield worker, office, clock
    worker.close()
    office.close()


def _case(s: Session) -> str:
    return cases.open_case(
        s, {"family_name": "Nowak", "given_names": "Zofia", "jurisdiction": "ENG"},
        {"status": "enquiry_in_progress", "opened_at": "2026-01-10"}).state.record_id


def test_receipts_tell_the_worker_what_the_office_holds(
        pair: tuple[Session, Session, FakeClock], tmp_path: Path) -> None:
    worker, office, clock = pair
    before = sync.status(worker)
    assert before.office_known and before.unsent == 0 and not before.missing_at_office
    case_id = _case(worker)
    clock.advance(3 * 24 * 3600)
    now = worker.clock.now()
    status = sync.status(worker)
    assert status.unsent == 2 and status.missing_at_office == {case_id}
    assert status.summary(now) == "Office: oldest change not sent 3 days ago"
    assert sync.office_has_record(worker, case_id) is False

    out = tmp_path / "out"
    out.mkdir()
    sent = sync.export_bundles(worker, out, [sync.my_card(office)])
    status = sync.status(worker)
    assert status.unsent == 0 and status.missing_at_office == {case_id}
    assert status.summary(now) == "Office: all your changes sent; receipt awaited"

    sync.import_bundle(office, sent.paths[0])
    receipt = sync.export_bundles(office, out, [sync.my_card(worker)])
    assert receipt.revisions == 0  # the office holds nothing the worker lacks: a bare receipt
    sync.import_bundle(worker, receipt.paths[0])
    status = sync.status(worker)
    assert not status.missing_at_office and status.last_receipt
    assert status.summary(now) == "Office: has all your changes"
    assert sync.office_has_record(worker, case_id) is True


def test_without_an_office_nothing_is_claimed(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "v", "a passphrase here", kdf=KdfParams.fast(),
                       clock=FakeClock(T0))
    try:
        _case(s)
        status = sync.status(s)
        assert not status.office_known and status.summary(s.clock.now()).startswith(
            "Office: not set up")
        assert sync.office_has_record(s, "x" * 32) is None
    finally:
        s.close()
