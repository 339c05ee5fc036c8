"""SYNC-3/SYNC-4: replicas exchanging revisions in any order converge and lose nothing."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_desktop.storage.store import RecordStore
from tests.unit.conftest import FakeClock, introduce, make_store

FIELDS = ("likelihood", "impact", "owner")
KIND = "test_plan_item"  # store-level test: the kind is opaque to the revision store


def _replicas(n: int, skews: list[int]) -> list[RecordStore]:
    stores = []
    for i in range(n):
        # Each laptop's clock is skewed by up to years: clocks must not decide anything.
        _, s = make_store(FakeClock(1_767_000_000_000 + skews[i]), name=f"Laptop{i}")
        stores.append(s)
    introduce(stores)
    return stores


def _all_revs(store: RecordStore) -> list[Any]:
    from msp_desktop.storage.revision_log import REV_COLUMNS, row_to_revision

    return [row_to_revision(r) for r in store._conn.execute(
        f"SELECT {REV_COLUMNS} FROM revisions")]


def _send(src: RecordStore, dst: RecordStore, picks: list[int]) -> None:
    revs = _all_revs(src)
    if not revs:
        return
    for i in picks:
        dst.ingest(revs[i % len(revs)])


def _view(store: RecordStore) -> list[tuple[Any, ...]]:
    return [
        (r[0], r[1], r[2], r[3])
        for r in store._conn.execute(
            "SELECT record_id, payload, conflicts, head_count FROM records ORDER BY record_id")
    ]


ops = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 2),
                  st.sampled_from(FIELDS), st.integers(0, 3)),
        st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2),
                  st.lists(st.integers(0, 50), max_size=8), st.just(0)),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=ops, skews=st.lists(st.integers(-10**11, 10**11), min_size=3, max_size=3))
def test_random_exchanges_converge_with_same_conflicts(ops: list[Any], skews: list[int]) -> None:
    stores = _replicas(3, skews)
    # Two shared records, created on replica 0 and delivered to everyone.
    ids = [stores[0].create(KIND, {"likelihood": 1, "impact": 1, "owner": 0}).record_id
           for _ in range(2)]
    for s in stores[1:]:
        _send(stores[0], s, list(range(10)))
    created: set[str] = {r.revision_id for r in _all_revs(stores[0])}
    for op in ops:
        if op[0] == "edit":
            _, who, rec, field, value = op
            store = stores[who]
            state = store.get(ids[rec % 2])
            assert state is not None
            rev = store.edit(state.record_id, {**state.payload, field: value})
            created.add(rev.revision_id)
        else:
            _, src, dst, picks, _ = op
            if src != dst:
                _send(stores[src], stores[dst], picks)
    # Full exchange, twice round, in both directions.
    for _ in range(2):
        for a in stores:
            for b in stores:
                if a is not b:
                    _send(a, b, list(range(len(_all_revs(a)))))
    digests = {s.state_digest() for s in stores}
    assert len(digests) == 1
    views = [_view(s) for s in stores]
    assert views[0] == views[1] == views[2]
    for s in stores:
        assert created <= {r.revision_id for r in _all_revs(s)}  # nothing lost
        assert s.parked_count() == 0


def test_concurrent_edits_to_one_field_conflict_until_a_person_resolves() -> None:
    a, b = _replicas(2, [0, 0])
    rid = a.create(KIND, {"likelihood": 1, "impact": 1}).record_id
    _send(a, b, [0])
    sa, sb = a.get(rid), b.get(rid)
    assert sa and sb
    a.edit(rid, {**sa.payload, "likelihood": 4, "impact": 2})
    b.edit(rid, {**sb.payload, "likelihood": 5})
    _send(a, b, [0, 1])
    _send(b, a, [0, 1])
    for s in (a, b):
        state = s.get(rid)
        assert state is not None
        assert [c.field for c in state.conflicts] == ["likelihood"]
        assert state.payload["impact"] == 2  # one-sided change merged automatically
    assert _view(a) == _view(b)
    state = a.get(rid)
    assert state is not None
    a.resolve(rid, {**state.payload, "likelihood": 4}, reason="Agreed with the adult on visit")
    _send(a, b, list(range(5)))
    for s in (a, b):
        resolved = s.get(rid)
        assert resolved is not None and not resolved.conflicts
        assert resolved.payload["likelihood"] == 4 and resolved.heads == (
            a.heads(rid)[0],)


def test_reports_learn_which_records_are_in_conflict() -> None:
    """queries.current_payloads (the SAC return's scan) says which payloads are provisional."""
    from msp_desktop.storage import queries

    a, b = _replicas(2, [0, 0])
    rid = a.create(KIND, {"likelihood": 1}).record_id
    calm = a.create(KIND, {"likelihood": 2}).record_id
    _send(a, b, [0, 1])
    a.edit(rid, {"likelihood": 4})
    b.edit(rid, {"likelihood": 5})
    _send(b, a, list(range(4)))
    current = queries.current_payloads(a._conn, [KIND])
    assert set(current.by_kind[KIND]) == {rid, calm}
    assert current.conflicted == {rid}


def test_child_before_parent_is_parked_then_applied() -> None:
    a, b = _replicas(2, [0, 0])
    rid = a.create(KIND, {"owner": 1}).record_id
    state = a.get(rid)
    assert state is not None
    a.edit(rid, {**state.payload, "owner": 2})
    revs = sorted(_all_revs(a), key=lambda r: r.device_seq)
    assert b.ingest(revs[1]) == "parked"
    assert b.parked_count() == 1 and b.get(rid) is None
    assert b.ingest(revs[0]) == "applied"
    assert b.parked_count() == 0
    assert b.get(rid).payload == {"owner": 2}  # type: ignore[union-attr]
    assert b.ingest(revs[0]) == "held"  # idempotent


def test_forged_revision_is_rejected() -> None:
    import pytest

    from msp_desktop.domain.lifecycle import RecordError

    a, b = _replicas(2, [0, 0])
    rev = a.create(KIND, {"owner": 1})
    data = rev.to_json()
    data["payload"] = {"owner": 99}
    from msp_desktop.domain.revisions import revision_from_json

    with pytest.raises(RecordError):
        b.ingest(revision_from_json(data))
    assert json.loads(json.dumps(b.counts_by_kind())) == {}
