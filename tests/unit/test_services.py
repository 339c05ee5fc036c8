"""Services over a real (fast-KDF) vault: validation, the note lifecycle and its audit trail,
case overview and chronology, caseload filters on a fake clock, search audit, drafts, stale
edits."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.domain.lifecycle import (
    ReasonRequired,
    RecordError,
    RecordFinalised,
    StaleEdit,
)
from msp_desktop.services import caseload, cases, records, search
from msp_desktop.services.errors import ValidationFailed
from msp_desktop.services.maintenance import check_vault
from msp_desktop.services.session import Session
from msp_desktop.storage.audit import AuditLog
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.storage.vault import Vault
from tests.unit.conftest import FakeClock
from tests.unit.conftest import note_payload as note

PASS = "services-test-passphrase"
# 2026-03-10 12:00 UTC: midday, so the local date is the same in any time zone within ±11 h.
T0 = int(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)
TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Iterator[Session]:
    s = Session.create(tmp_path / "vault", PASS, kdf=KdfParams.fast(), author="t.worker",
                       device_name="Test laptop", clock=clock)
    yield s
    s.close()


def open_case(
    s: Session, family: str = "Pritchard", given: str = "Eirlys",
    status: str = "enquiry_in_progress", opened: str = "2026-01-10",
) -> str:
    return cases.open_case(
        s, {"family_name": family, "given_names": given, "jurisdiction": "ENG"},
        {"status": status, "opened_at": opened},
    ).state.record_id


def audit_since(s: Session, seq: int) -> list[Any]:
    return [e for e in s.audit.entries() if e.seq > seq]


def last_seq(s: Session) -> int:
    entries = s.audit.entries()
    return entries[-1].seq if entries else 0


def written(s: Session) -> tuple[int, int, int]:
    """(revisions, audit entries, drafts): what a refused call must leave unchanged."""
    return s.store.revision_count(), len(s.audit.entries()), s.drafts.count()


# ----- validation ----------------------------------------------------------------------------


def test_create_refuses_missing_required_fields_and_names_them(session: Session) -> None:
    case_id = open_case(session)
    before = written(session)
    with pytest.raises(ValidationFailed) as info:
        records.create(session, "contact_note", {"case_id": case_id, "facts": "Something"})
    fields = {p.field: p.message for p in info.value.problems}
    assert fields == {"note_type": "Type of contact is required.",
                      "event_start": "Started is required."}
    assert "cannot be saved yet" in str(info.value)
    assert "Type of contact is required." in str(info.value)
    assert written(session) == before


def test_create_refuses_bad_values_and_rule_breaks(session: Session) -> None:
    case_id = open_case(session)
    before = written(session)
    with pytest.raises(ValidationFailed) as info:
        records.create(session, "contact_note", note(case_id, note_type="TELEPATHY"))
    assert [p.field for p in info.value.problems] == ["note_type"]
    with pytest.raises(ValidationFailed) as info:
        records.create(session, "contact_note", note(
            case_id, event_end="2026-02-03T09:00:00+00:00"))
    assert [(p.field, p.message) for p in info.value.problems] == [
        ("event_end", "The contact ends before it started.")]
    with pytest.raises(ValidationFailed) as info:
        records.create(session, "plan_action", {"case_id": case_id})
    assert {p.field for p in info.value.problems} == {"plan_id", "action", "owner", "status"}
    with pytest.raises(RecordError, match="Unknown record kind"):
        records.create(session, "horoscope", {"case_id": case_id})
    assert written(session) == before


def test_finalise_checks_the_finalise_rules_and_leaves_the_note_saved(session: Session) -> None:
    case_id = open_case(session)
    saved = records.create(session, "contact_note", note(case_id, adult_present=None,
                                                         seen_alone=None, facts=None)).state
    before = written(session)
    with pytest.raises(ValidationFailed) as info:
        records.finalise(session, saved.record_id)
    assert {p.field for p in info.value.problems} == {"facts", "adult_present"}
    assert "cannot be finalised yet" in str(info.value)
    assert written(session) == before
    assert records.get(session, saved.record_id).status == "saved"


def test_open_case_is_all_or_nothing(session: Session) -> None:
    before = written(session)
    with pytest.raises(ValidationFailed) as info:
        cases.open_case(session, {"given_names": "No family name", "jurisdiction": "ENG"},
                        {"status": "concern_received", "opened_at": "2026-01-01"})
    assert [p.field for p in info.value.problems] == ["family_name"]
    # A valid adult with an invalid case: the adult is not left behind either.
    with pytest.raises(ValidationFailed) as info:
        cases.open_case(session, {"family_name": "Jones", "jurisdiction": "ENG"},
                        {"status": "concern_received"})
    assert [p.field for p in info.value.problems] == ["opened_at"]
    assert written(session) == before
    assert session.store.counts_by_kind() == {}


def test_references_must_name_a_record_of_the_right_kind(session: Session) -> None:
    case_id = open_case(session)
    n = records.create(session, "contact_note", note(case_id)).state
    person_id = records.get(session, case_id).payload["person_id"]
    before = written(session)
    for bad in ("f" * 32, n.record_id, person_id):  # missing, a note, an adult
        with pytest.raises(ValidationFailed) as info:
            records.create(session, "contact_note", note(bad))
        assert [(p.field, p.message) for p in info.value.problems] == [
            ("case_id", "Case: there is no such safeguarding case in this vault.")]
    with pytest.raises(ValidationFailed) as info:
        records.edit(session, n.record_id, note("f" * 32))
    assert [p.field for p in info.value.problems] == ["case_id"]
    with pytest.raises(RecordError, match="adult is not in this vault"):
        cases.open_case(session, {}, {"status": "concern_received", "opened_at": "2026-01-01"},
                        person_id=n.record_id)
    with pytest.raises(ValidationFailed) as info:
        cases.open_case(session, {}, {"status": "reopened", "opened_at": "2026-01-01",
                                      "previous_case_id": n.record_id}, person_id=person_id)
    assert [p.field for p in info.value.problems] == ["previous_case_id"]
    assert written(session) == before
    # The right references are accepted.
    again = cases.open_case(session, {}, {"status": "reopened", "opened_at": "2026-02-01",
                                          "previous_case_id": case_id}, person_id=person_id).state
    assert again.payload["previous_case_id"] == case_id


def test_moving_a_note_between_cases_leaves_no_stale_summary(session: Session) -> None:
    a = open_case(session, family="Adams")
    b = open_case(session, family="Bevan")
    n = records.create(session, "contact_note", note(a)).state
    assert caseload.row(session, a).last_contact == "2026-02-03"  # type: ignore[union-attr]
    try:
        records.edit(session, n.record_id, note(b))
    except (RecordError, ValidationFailed):
        pass  # refusing to move a record is a fine answer too
    else:
        assert caseload.row(session, a).last_contact is None  # type: ignore[union-attr]
        assert caseload.row(session, b).last_contact == "2026-02-03"  # type: ignore[union-attr]
    assert check_vault(session).ok


# ----- the note lifecycle and its audit trail ------------------------------------------------


def test_create_edit_finalise_amend_are_audited_in_order_with_ids_only(
    session: Session, clock: FakeClock,
) -> None:
    case_id = open_case(session)
    mark = last_seq(session)

    created = records.create(session, "contact_note", note(case_id, facts="First account.")).state
    assert (created.status, created.case_id) == ("saved", case_id)
    clock.advance(60)
    edited = records.edit(session, created.record_id, note(case_id, facts="Second account."),
                          expected_heads=created.heads).state
    assert edited.status == "saved" and edited.payload["facts"] == "Second account."
    clock.advance(60)
    final = records.finalise(session, created.record_id, expected_heads=edited.heads).state
    assert final.status == "final" and final.finalised
    with pytest.raises(RecordFinalised):
        records.edit(session, created.record_id, note(case_id, facts="Sneaky change."))
    with pytest.raises(ReasonRequired):
        records.amend(session, created.record_id, note(case_id), reason=" ",
                      amendment_type="CORRECTION")
    with pytest.raises(RecordError, match="type of amendment"):
        records.amend(session, created.record_id, note(case_id), reason="x",
                      amendment_type="OOPS")
    clock.advance(60)
    amended = records.amend(session, created.record_id,
                            note(case_id, facts="Second account, time corrected."),
                            reason="Wrong time", amendment_type="CORRECTION").state
    assert amended.status == "amended"

    history = records.history(session, created.record_id)
    assert [r.op for r in history] == ["create", "edit", "finalise", "amend"]
    assert history[0].payload["facts"] == "First account."  # the original stays readable
    assert (history[3].reason, history[3].amendment_type) == ("Wrong time", "CORRECTION")

    entries = audit_since(session, mark)
    assert [e.action for e in entries] == [
        "record.create", "record.edit", "record.finalise", "record.amend"]
    for entry, rev in zip(entries, history, strict=True):
        assert (entry.entity_kind, entry.entity_id, entry.case_id) == (
            "contact_note", created.record_id, case_id)
        assert entry.detail["revision_id"] == rev.revision_id
        assert set(entry.detail) <= {"revision_id", "amendment_type"}
        assert entry.author == "t.worker" and entry.device_id == session.device.device_id
    assert entries[3].detail["amendment_type"] == "CORRECTION"
    assert [e.at for e in entries] == [
        "2026-03-10T12:00:00+00:00", "2026-03-10T12:01:00+00:00", "2026-03-10T12:02:00+00:00",
        "2026-03-10T12:03:00+00:00"]
    text = json.dumps([list(map(str, r)) for r in session.conn.execute("SELECT * FROM audit")])
    assert "account" not in text and "Wrong time" not in text
    assert session.audit.verify() == []
    assert check_vault(session).ok


def test_entered_in_error_leaves_search_and_last_contact(session: Session) -> None:
    case_id = open_case(session)
    n = records.create_and_finalise(session, "contact_note", note(
        case_id, facts="Met at Penrhyndeudraeth station.")).state
    assert [h.record_id for h in search.search(session, "Penrhyndeudraeth")] == [n.record_id]
    assert caseload.row(session, case_id).last_contact == "2026-02-03"  # type: ignore[union-attr]
    records.amend(session, n.record_id, n.payload, reason="Wrong adult",
                  amendment_type="ENTERED_IN_ERROR")
    assert records.get(session, n.record_id).status == "entered_in_error"
    assert search.search(session, "Penrhyndeudraeth") == []
    assert caseload.row(session, case_id).last_contact is None  # type: ignore[union-attr]


# ----- overview, chronology --------------------------------------------------------------------


def test_overview_is_audited_as_a_case_view(session: Session) -> None:
    case_id = open_case(session, family="Okonkwo", given="Adaeze")
    records.create(session, "contact_note", note(case_id))
    records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "To stay in my flat", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-11", "status": "ACTIVE"})
    records.save_draft(session, records.new_draft_id(), kind="contact_note", case_id=case_id,
                       payload={"facts": "half"})
    mark = last_seq(session)
    ov = cases.overview(session, case_id)
    entries = audit_since(session, mark)
    assert [(e.action, e.entity_kind, e.entity_id, e.case_id, e.detail) for e in entries] == [
        ("case.view", "case", case_id, case_id, {})]
    assert ov.person is not None and ov.person.payload["family_name"] == "Okonkwo"
    assert ov.counts == {"case": 1, "contact_note": 1, "desired_outcome": 1}
    assert [o.payload["statement"] for o in ov.outcomes] == ["To stay in my flat"]
    assert ov.drafts == 1 and ov.conflicts == []

    cases.overview(session, case_id, audit=False)
    assert audit_since(session, mark) == entries
    with pytest.raises(RecordError):
        cases.overview(session, "0" * 32)


def test_chronology_is_in_date_order(session: Session) -> None:
    case_id = open_case(session, opened="2026-01-10")
    for day in ("2026-02-20", "2026-01-15", "2026-02-01"):
        records.create(session, "contact_note", note(
            case_id, event_start=f"{day}T10:00:00+00:00", purpose=f"Visit {day}"))
    records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": "To feel safe", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-12", "status": "ACTIVE"})
    events = cases.chronology(session, case_id)
    assert [(e.date[:10], e.kind) for e in events] == [
        ("2026-01-10", "case"), ("2026-01-12", "desired_outcome"),
        ("2026-01-15", "contact_note"), ("2026-02-01", "contact_note"),
        ("2026-02-20", "contact_note")]
    notes_only = cases.chronology(session, case_id, kinds={"contact_note"})
    assert [e.title for e in notes_only] == [
        "Visit 2026-01-15", "Visit 2026-02-01", "Visit 2026-02-20"]
    assert {e.kind_label for e in notes_only} == {"Case note"}


# ----- caseload -------------------------------------------------------------------------------


def _plan(s: Session, case_id: str, review: str, due: str, status: str = "NOT_STARTED") -> None:
    plan = records.create(s, "safeguarding_plan", {
        "case_id": case_id, "status": "ACTIVE", "started_at": "2026-02-01",
        "review_date": review}).state
    records.create(s, "plan_action", {
        "case_id": case_id, "plan_id": plan.record_id, "action": "Arrange a carers' review",
        "owner": "Social worker", "due_date": due, "status": status})


def test_caseload_filters_follow_the_clock(session: Session, clock: FakeClock) -> None:
    a = open_case(session, family="Adams", status="plan_active")
    b = open_case(session, family="Bevan", status="concern_received")
    c = open_case(session, family="Cole", status="closed")
    d = open_case(session, family="Davies", status="plan_active")
    _plan(session, a, review=(TODAY + dt.timedelta(days=7)).isoformat(),
          due=(TODAY - dt.timedelta(days=1)).isoformat())
    _plan(session, b, review=(TODAY + dt.timedelta(days=30)).isoformat(),
          due=(TODAY + dt.timedelta(days=1)).isoformat())
    _plan(session, d, review=(TODAY - dt.timedelta(days=3)).isoformat(),
          due=(TODAY - dt.timedelta(days=5)).isoformat(), status="DONE")

    def ids(**kw: Any) -> list[str]:
        f = caseload.make_filter(session, **kw)
        rows = caseload.page(session, f)
        assert caseload.count(session, f) == len(rows)
        return [r.case_id for r in rows]

    assert ids() == [a, b, d]  # open cases, by name
    assert ids(include_closed=True) == [a, b, c, d]
    assert ids(stage="closed") == [c]
    assert ids(stage="plan_active") == [a, d]
    assert ids(reviews_due=True) == [a, d]  # within 14 days, or already past
    assert ids(overdue=True) == [a]  # d's only action is done
    assert ids(needs_attention=True) == [a, d]  # overdue action; d's review date has passed
    row_a = caseload.row(session, a)
    assert row_a is not None
    assert (row_a.open_actions, row_a.overdue_actions, row_a.person_name) == (1, 1, "Eirlys Adams")
    assert caseload.page(session, caseload.make_filter(session), offset=1, limit=1)[0].case_id == b

    clock.advance(2 * 86400)  # two days later b's action is overdue too
    assert ids(overdue=True) == [a, b]
    row_b = caseload.row(session, b)
    assert row_b is not None and row_b.overdue_actions == 1
    clock.advance(20 * 86400)  # and b's review falls within the window
    assert ids(reviews_due=True) == [a, b, d]


# ----- search ---------------------------------------------------------------------------------


def test_search_is_audited_without_the_query(session: Session) -> None:
    case_id = open_case(session)
    n = records.create(session, "contact_note", note(case_id, facts="Spoke near Cwmystwyth.")).state
    mark = last_seq(session)
    hits = search.search(session, "cwmystwyth")
    assert [(h.record_id, h.case_id, h.person_name, h.kind) for h in hits] == [
        (n.record_id, case_id, "Eirlys Pritchard", "contact_note")]
    assert "[[Cwmystwyth]]" in hits[0].snippet
    search.search(session, "nothing-like-this")
    entries = audit_since(session, mark)
    assert [(e.action, e.detail, e.entity_id) for e in entries] == [
        ("search", {"results": 1}, None), ("search", {"results": 0}, None)]
    rows = json.dumps([list(map(str, r)) for r in session.conn.execute(
        "SELECT * FROM audit WHERE seq > ?", (mark,))]).lower()
    assert "cwmystwyth" not in rows and "nothing" not in rows
    search.search(session, "cwmystwyth", audit=False)
    assert len(audit_since(session, mark)) == 2


# ----- drafts and stale edits ------------------------------------------------------------------


def test_drafts_round_trip_and_are_discarded_on_save(session: Session, clock: FakeClock) -> None:
    case_id = open_case(session)
    before_revs, before_audit = session.store.revision_count(), len(session.audit.entries())
    draft_id = records.new_draft_id()
    records.save_draft(session, draft_id, kind="contact_note", case_id=case_id,
                       payload=note(case_id, facts="Half a"))
    clock.advance(30)
    records.save_draft(session, draft_id, kind="contact_note", case_id=case_id,
                       payload=note(case_id, facts="Half a thought, now whole."))
    drafts = records.drafts_for_case(session, case_id)
    assert len(drafts) == 1
    d = drafts[0]
    assert (d.draft_id, d.kind, d.record_id, d.case_id, d.base_heads) == (
        draft_id, "contact_note", None, case_id, ())
    assert d.payload == note(case_id, facts="Half a thought, now whole.")
    assert d.updated_at == "2026-03-10T12:00:30+00:00"
    # Autosave writes no revision and no audit entry.
    assert session.store.revision_count() == before_revs
    assert len(session.audit.entries()) == before_audit
    assert caseload.row(session, case_id).drafts == 1  # type: ignore[union-attr]

    saved = records.create(session, "contact_note", d.payload, draft_id=draft_id).state
    assert records.drafts_for_case(session, case_id) == []
    assert saved.payload["facts"] == "Half a thought, now whole."

    # A draft of an edit carries the heads it started from; saving the edit discards it.
    edit_draft = records.new_draft_id()
    records.save_draft(session, edit_draft, kind="contact_note", case_id=case_id,
                       record_id=saved.record_id, base_heads=saved.heads,
                       payload=note(case_id, facts="Edited text"))
    got = session.drafts.get(edit_draft)
    assert got is not None and got.base_heads == saved.heads
    assert got.record_id == saved.record_id
    records.edit(session, saved.record_id, got.payload, expected_heads=got.base_heads,
                 draft_id=edit_draft)
    assert session.drafts.get(edit_draft) is None

    gone = records.new_draft_id()
    records.save_draft(session, gone, kind="contact_note", case_id=case_id, payload={"x": 1})
    records.discard_draft(session, gone)
    assert session.drafts.count() == 0


def test_a_stale_edit_is_refused_and_its_draft_kept(session: Session) -> None:
    case_id = open_case(session)
    first = records.create(session, "contact_note", note(case_id, facts="One")).state
    # Someone else (another window) saves an edit first.
    records.edit(session, first.record_id, note(case_id, facts="Two"),
                 expected_heads=first.heads)
    draft_id = records.new_draft_id()
    records.save_draft(session, draft_id, kind="contact_note", case_id=case_id,
                       record_id=first.record_id, base_heads=first.heads,
                       payload=note(case_id, facts="Three"))
    before = written(session)
    with pytest.raises(StaleEdit, match="changed since you opened it"):
        records.edit(session, first.record_id, note(case_id, facts="Three"),
                     expected_heads=first.heads, draft_id=draft_id)
    with pytest.raises(StaleEdit):
        records.finalise(session, first.record_id, expected_heads=first.heads)
    assert written(session) == before  # no revision, no audit entry, draft still there
    assert session.drafts.get(draft_id) is not None
    assert records.get(session, first.record_id).payload["facts"] == "Two"


# ----- audit chain ----------------------------------------------------------------------------


def _truncate_audit_tail(path: Path) -> None:
    vault = Vault.unlock(path, PASS)
    try:
        vault.conn.execute("DROP TRIGGER audit_no_delete")
        vault.conn.execute("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    finally:
        vault.lock()


def test_a_removed_tail_is_detected_before_anything_is_appended(
    tmp_path: Path, session: Session,
) -> None:
    open_case(session)
    session.close()
    _truncate_audit_tail(session.path)
    vault = Vault.unlock(session.path, PASS)
    try:
        assert AuditLog(vault.conn).verify() == ["the newest audit entries have been removed"]
    finally:
        vault.lock()


def test_a_removed_tail_is_still_detected_after_the_next_unlock(
    tmp_path: Path, session: Session,
) -> None:
    open_case(session)
    session.close()
    _truncate_audit_tail(session.path)
    reopened = Session.open(session.path, PASS)
    try:
        assert reopened.audit.verify() != []
    finally:
        reopened.close()


def test_reader_session_sees_saved_records_and_cannot_write(session: Session) -> None:
    case_id = open_case(session)
    reader = session.reader()
    assert reader is session.reader() and reader.read_only
    saved = records.create(session, "contact_note", note(case_id)).state
    view = cases.case_view(reader, case_id, audit=False)
    assert saved.record_id in {r.record_id for r in view.records}
    with pytest.raises(RuntimeError):
        cases.log_view(reader, case_id)  # the service refuses before SQL is reached
    with pytest.raises(Exception, match=r"readonly|read-only|query_only"):
        reader.conn.execute("DELETE FROM revisions")  # and SQLite refuses too
    session.close()
    assert not session.is_open
    with pytest.raises(Exception, match="closed"):
        reader.conn.execute("SELECT 1")
