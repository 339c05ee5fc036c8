from __future__ import annotations

import json

import pytest

from msp_desktop.domain.lifecycle import ReasonRequired, RecordFinalised, StaleEdit
from msp_desktop.domain.revisions import revision_id_for
from msp_desktop.storage import sync_state
from msp_desktop.storage.store import RecordStore
from tests.unit.conftest import FakeClock

PERSON = {"family_name": "Jones", "given_names": "Eleri"}


def _case(store: RecordStore) -> str:
    p = store.create("person", PERSON)
    c = store.create("case", {"person_id": p.record_id, "status": "concern_received",
                              "opened_at": "2026-01-02"})
    return c.record_id


def _note(store: RecordStore, case_id: str, words: str = "I want to stay at home") -> str:
    rev = store.create("contact_note", {
        "case_id": case_id, "note_type": "HOME_VISIT",
        "event_start": "2026-01-03T10:00:00+00:00", "adult_own_words": words,
        "facts": "Visited at home.",
    })
    return rev.record_id


def test_revision_id_is_content_hash_and_signature_verifies(store: RecordStore) -> None:
    case_id = _case(store)
    rev = store.create("contact_note", {"case_id": case_id, "facts": "x",
                                        "event_start": "2026-01-03T10:00:00+00:00"})
    assert rev.revision_id == revision_id_for(rev.body())
    assert store.verify_revisions() == []


def test_device_seq_is_gap_free(store: RecordStore) -> None:
    case_id = _case(store)
    for _ in range(3):
        _note(store, case_id)
    seqs = [r[0] for r in store._conn.execute(
        "SELECT device_seq FROM revisions ORDER BY device_seq")]
    assert seqs == list(range(1, len(seqs) + 1))


def test_edit_keeps_history_and_updates_projection(store: RecordStore) -> None:
    case_id = _case(store)
    note_id = _note(store, case_id)
    first = store.get(note_id)
    assert first is not None and first.status == "saved"
    store.edit(note_id, {**first.payload, "facts": "Visited at home; daughter present."})
    history = store.history(note_id)
    assert [r.op for r in history] == ["create", "edit"]
    assert history[1].parents == (history[0].revision_id,)
    assert store.get(note_id).payload["facts"].endswith("present.")  # type: ignore[union-attr]


def test_finalised_note_only_changes_by_amendment_with_reason(store: RecordStore) -> None:
    case_id = _case(store)
    note_id = _note(store, case_id)
    store.finalise(note_id)
    state = store.get(note_id)
    assert state is not None and state.status == "final"
    with pytest.raises(RecordFinalised):
        store.edit(note_id, state.payload)
    with pytest.raises(ReasonRequired):
        store.amend(note_id, state.payload, reason="  ", amendment_type="CORRECTION")
    store.amend(note_id, {**state.payload, "facts": "Visited at home (corrected time)."},
                reason="Wrong time recorded", amendment_type="CORRECTION")
    amended = store.get(note_id)
    assert amended is not None and amended.status == "amended"
    original = store.history(note_id)[0]
    assert original.payload["facts"] == "Visited at home."  # the original stays readable


def test_entered_in_error_hides_note_from_search_but_keeps_it(store: RecordStore) -> None:
    from msp_desktop.storage.queries import search

    case_id = _case(store)
    note_id = _note(store, case_id, words="zebra crossing story")
    store.finalise(note_id)
    assert search(store._conn, "zebra")
    state = store.get(note_id)
    store.amend(note_id, state.payload, reason="Wrong adult's file",  # type: ignore[union-attr]
                amendment_type="ENTERED_IN_ERROR")
    assert search(store._conn, "zebra") == []
    assert store.get(note_id).status == "entered_in_error"  # type: ignore[union-attr]
    assert len(store.history(note_id)) == 3


def test_stale_edit_is_refused(store: RecordStore) -> None:
    case_id = _case(store)
    note_id = _note(store, case_id)
    old_heads = store.heads(note_id)
    state = store.get(note_id)
    store.edit(note_id, {**state.payload, "facts": "a"})  # type: ignore[union-attr]
    with pytest.raises(StaleEdit):
        store.edit(note_id, {**state.payload, "facts": "b"},  # type: ignore[union-attr]
                   expected_heads=old_heads)


def test_no_delete_api_exists(store: RecordStore) -> None:
    assert not [name for name in dir(store) if "delete" in name.lower() or "remove" in name]


def test_search_finds_unicode_and_prefixes(store: RecordStore) -> None:
    from msp_desktop.storage.queries import search

    case_id = _case(store)
    _note(store, case_id, words="Dw i eisiau aros gartref gyda'r gŵr")
    hits = search(store._conn, "gartr")
    assert hits and hits[0].person_name == "Eleri Jones"
    assert "[[" in hits[0].snippet
    assert search(store._conn, "gwr")  # diacritics folded
    assert search(store._conn, '"); DROP TABLE records; --') == []


def test_case_summary_tracks_contacts_actions_and_outcomes(store: RecordStore) -> None:
    from msp_desktop.storage.queries import CaseloadFilter, case_page

    case_id = _case(store)
    _note(store, case_id)
    plan = store.create("safeguarding_plan", {"case_id": case_id, "review_date": "2026-03-01"})
    store.create("plan_action", {"case_id": case_id, "plan_id": plan.record_id,
                                 "action": "Ask bank to flag account", "owner": "SW",
                                 "due_date": "2026-01-10", "status": "NOT_STARTED"})
    store.create("desired_outcome", {"case_id": case_id, "statement": "I want my money safe",
                                     "status": "ACTIVE"})
    f = CaseloadFilter(today="2026-02-01")
    (row,) = case_page(store._conn, f, 0, 10)
    assert row.person_name == "Eleri Jones"
    assert row.last_contact == "2026-01-03"
    assert row.next_review == "2026-03-01"
    assert row.open_actions == 1 and row.overdue_actions == 1
    assert row.outcomes[0]["statement"] == "I want my money safe"
    assert case_page(store._conn, CaseloadFilter(overdue_on="2026-01-05", today="2026-01-05"),
                     0, 10) == []


def test_person_rename_updates_case_summary(store: RecordStore) -> None:
    from msp_desktop.storage.queries import CaseloadFilter, case_page

    case_id = _case(store)
    case = store.get(case_id)
    person_id = case.payload["person_id"]  # type: ignore[union-attr]
    store.edit(person_id, {**PERSON, "family_name": "Jones-Pryce"})
    (row,) = case_page(store._conn, CaseloadFilter(), 0, 10)
    assert row.person_name == "Eleri Jones-Pryce"


def test_projections_rebuild_identically_from_revisions(store: RecordStore) -> None:
    case_id = _case(store)
    for i in range(5):
        nid = _note(store, case_id, words=f"words {i}")
        if i % 2:
            store.finalise(nid)
    before = store.projection_snapshot()
    store.rebuild_projections()
    assert store.projection_snapshot() == before
    assert before  # not vacuous


def test_state_digest_is_deterministic(store: RecordStore) -> None:
    case_id = _case(store)
    d1 = store.state_digest()
    assert d1 == store.state_digest()
    _note(store, case_id)
    assert store.state_digest() != d1


def test_tampered_revision_is_detected(store: RecordStore) -> None:
    case_id = _case(store)
    note_id = _note(store, case_id)
    store._conn.execute("UPDATE revisions SET payload = ? WHERE record_id = ?",
                        (json.dumps({"case_id": case_id, "facts": "forged"}), note_id))
    assert store.verify_revisions()


def test_clock_going_back_does_not_reorder_history(clock: FakeClock, store: RecordStore) -> None:
    case_id = _case(store)
    note_id = _note(store, case_id)
    clock.advance(-86400 * 365)
    state = store.get(note_id)
    store.edit(note_id, {**state.payload, "facts": "later"})  # type: ignore[union-attr]
    assert [r.op for r in store.history(note_id)] == ["create", "edit"]
    assert store.get(note_id).payload["facts"] == "later"  # type: ignore[union-attr]


def test_a_rolled_back_dry_run_forgets_the_numbers_it_passed_over(store: RecordStore) -> None:
    """A restored vault numbers after what peers acknowledged and remembers the numbers it
    passed over for the signed head; a dry run rolled back must not leave them behind (the
    next head would vouch that numbers were passed over when they were not)."""
    conn = store._conn
    own = store.device.device_id
    sync_state.merge_peer_acks(conn, "peer", {own: [(1, 10)]}, "2026-01-01")
    hlc = store.hlc.last()
    conn.execute("SAVEPOINT dry_run")
    _case(store)
    assert store.skipped == [(1, 10)]
    conn.execute("ROLLBACK TO dry_run")
    conn.execute("RELEASE dry_run")
    store.rolled_back(hlc)
    assert store.skipped == []
    assert store.take_skipped() == []
