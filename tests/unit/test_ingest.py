"""Ingest is safe to feed from a file: keys come from the vault, gaps wait, shapes are checked,
and a waiting revision is checked again when its turn comes (issue 7, first part)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from nacl.signing import SigningKey

from msp_desktop.domain.lifecycle import RecordError
from msp_desktop.domain.revisions import Revision, revision_from_json, revision_id_for
from msp_desktop.storage import contacts, revision_log, sync_state
from msp_desktop.storage.store import RecordStore
from tests.unit.conftest import FakeClock, introduce, make_conn, make_store

KIND = "test_plan_item"


def _pair() -> tuple[RecordStore, RecordStore]:
    _, a = make_store(FakeClock(), name="LaptopA")
    _, b = make_store(FakeClock(), name="LaptopB")
    introduce([a, b])
    return a, b


def _resign(rev: Revision, key: SigningKey, **changes: object) -> Revision:
    """The same revision with some fields changed, re-hashed and signed by another key."""
    body = {**rev.body(), **changes}
    rid = revision_id_for(body)
    return dataclasses.replace(
        rev, **changes, revision_id=rid,  # type: ignore[arg-type]
        signature=bytes(key.sign(rid.encode("ascii")).signature),
    )


def test_a_stranger_cannot_sign_as_this_vaults_own_device() -> None:
    _a, b = _pair()
    own = b.create(KIND, {"owner": 1})
    forged = _resign(own, SigningKey.generate(), payload={"owner": 666}, device_seq=2,
                     op="edit", parents=(own.revision_id,))
    before = b.state_digest()
    with pytest.raises(RecordError, match="not signed by that device"):
        b.ingest(forged)
    assert b.state_digest() == before


def test_a_caller_cannot_choose_the_key() -> None:
    a, b = _pair()
    rev = a.create(KIND, {"owner": 1})
    stranger = SigningKey.generate()
    forged = _resign(rev, stranger, payload={"owner": 2})
    with pytest.raises(RecordError):
        b.ingest(forged)


def test_unknown_device_is_rejected() -> None:
    _, a = make_store(FakeClock(), name="LaptopA")
    _, b = make_store(FakeClock(), name="LaptopB")
    with pytest.raises(RecordError, match="does not know"):
        b.ingest(a.create(KIND, {"owner": 1}))


def test_a_gap_in_a_devices_sequence_waits() -> None:
    a, b = _pair()
    r1 = a.create(KIND, {"owner": 1})
    r2 = a.create(KIND, {"owner": 2})  # another record: no parent link to r1
    assert b.ingest(r2) == "parked"
    assert b.get(r2.record_id) is None
    assert revision_log.parked_by_device(b._conn) == [(a.device.device_id, 1, 2, 2)]
    assert b.ingest(r1) == "applied"
    assert b.get(r2.record_id) is not None and b.parked_count() == 0
    assert sync_state.progress(b._conn)[a.device.device_id] == 2


def test_excused_seqs_are_not_gaps() -> None:
    a, b = _pair()
    a.create(KIND, {"owner": 1})  # out of scope for b
    r2 = a.create(KIND, {"owner": 2})
    report = b.ingest_many([r2], excuse={a.device.device_id: [(1, 1)]})
    assert report.applied == [r2.revision_id]


def test_second_create_of_a_record_is_rejected() -> None:
    a, b = _pair()
    first = a.create(KIND, {"owner": 1})
    b.ingest(first)
    again = a.create(KIND, {"owner": 9}, record_id=None)
    dup = _resign(again, a.device.signing_key, record_id=first.record_id)
    with pytest.raises(RecordError, match="already exists"):
        b.ingest(dup)
    with pytest.raises(RecordError, match="already exists"):
        b.ingest_many([again, dup])  # nothing half-applied is the caller's rollback


def test_change_of_kind_is_rejected() -> None:
    a, b = _pair()
    first = a.create(KIND, {"owner": 1})
    state = a.get(first.record_id)
    assert state is not None
    edit = a.edit(first.record_id, {"owner": 2})
    b.ingest(first)
    bad = _resign(edit, a.device.signing_key, kind="other_kind")
    with pytest.raises(RecordError, match="another kind"):
        b.ingest(bad)


def test_unparking_verifies_again() -> None:
    a, b = _pair()
    r1 = a.create(KIND, {"owner": 1})
    r2 = a.create(KIND, {"owner": 2})
    assert b.ingest(r2) == "parked"
    # Someone with the passphrase edits the waiting revision in the database.
    data = r2.to_json()
    data["payload"] = {"owner": 666}
    b._conn.execute("UPDATE parked SET data = ? WHERE revision_id = ?",
                    (json.dumps(data), r2.revision_id))
    with pytest.raises(RecordError, match="does not match its content"):
        b.ingest(r1)


def test_a_revoked_devices_later_changes_are_refused_and_earlier_ones_stay() -> None:
    a, b = _pair()
    r1 = a.create(KIND, {"owner": 1})
    b.ingest(r1)
    contacts.revoke(b._conn, a.device.device_id, "2026-02-01", after_seq=1)
    r2 = a.create(KIND, {"owner": 2})
    assert b.ingest(r2) == "refused"
    assert b.get(r1.record_id) is not None and b.get(r2.record_id) is None
    assert b.ingest(r1) == "held"


def test_changes_from_a_newer_version_are_kept() -> None:
    a, b = _pair()
    rev = a.create(KIND, {"owner": 1})
    newer = _resign(rev, a.device.signing_key, op="purge-request", parents=())
    assert b.ingest(newer) == "applied"
    assert revision_log.has(b._conn, newer.revision_id)


def test_own_revisions_coming_back_keep_the_sequence() -> None:
    _a, b = _pair()
    rev = b.create(KIND, {"owner": 1})
    assert b.ingest(rev) == "held"
    assert b.create(KIND, {"owner": 2}).device_seq == 2
    assert revision_from_json(rev.to_json()) == rev



def _restored(store: RecordStore) -> RecordStore:
    """The vault as a backup taken now brings it back later: same device, same keys."""
    copy = make_conn()
    store._conn.backup(copy)
    clock = FakeClock()
    clock.advance(3600)
    return RecordStore(copy, store.device, clock)


def test_a_reused_change_number_is_refused_with_a_reason_and_changes_nothing() -> None:
    a, b = _pair()
    b.ingest(a.create(KIND, {"owner": 1}))
    restored = _restored(a)
    sent = a.create(KIND, {"owner": 2})  # made after the backup and sent; then the laptop died
    assert b.ingest(sent) == "applied"
    again = restored.create(KIND, {"owner": 3})  # nobody has told it about number 2 yet
    assert again.device_seq == sent.device_seq
    before = b.state_digest()
    with pytest.raises(RecordError, match="restored from a backup"):
        b.ingest(again)
    assert b.state_digest() == before and b.get(again.record_id) is None


def test_a_waiting_change_whose_number_was_taken_stays_waiting_and_blocks_nothing() -> None:
    a, b = _pair()
    restored = _restored(a)
    a.create(KIND, {"owner": 1})
    waiting = a.create(KIND, {"owner": 2})
    assert b.ingest(waiting) == "parked"  # number 1 has not arrived
    clashes = [restored.create(KIND, {"owner": n}) for n in (8, 9)]  # numbers 1 and 2 again
    report = b.ingest_many(clashes)
    assert sorted(report.applied) == sorted(r.revision_id for r in clashes)
    assert revision_log.is_parked(b._conn, waiting.revision_id)  # shown as waiting, not lost
    assert b.get(waiting.record_id) is None
    assert b.ingest(restored.create(KIND, {"owner": 10})) == "applied"  # later imports work


def test_numbering_goes_on_after_what_peers_acknowledged() -> None:
    a, b = _pair()
    restored = _restored(a)
    sent = [a.create(KIND, {"owner": n}) for n in range(3)]
    for rev in sent:
        b.ingest(rev)
    # A bundle from b tells the restored vault which of its own changes b holds.
    sync_state.merge_peer_acks(restored._conn, b.device.device_id,
                               sync_state.held_ranges(b._conn), "2026-02-01")
    nxt = restored.create(KIND, {"owner": 4})
    assert nxt.device_seq == len(sent) + 1
    assert b.ingest(nxt) == "applied"
