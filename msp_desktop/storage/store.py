"""The revision store: appends immutable, signed revisions under the lifecycle rules and keeps
the projections in step (design.md §4).

Every change is a new revision (storage/revision_log.py); the current state of each record is
a projection (storage/projections.py) updated in the caller's transaction. Nothing here
deletes a revision, and there is no API to do so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from msp_desktop.domain import lifecycle
from msp_desktop.domain.fields import RecordKind
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.lifecycle import RecordError, RecordNotFound
from msp_desktop.domain.revisions import (
    REVISION_SCHEMA_VERSION,
    Op,
    RecordState,
    Revision,
    revision_body,
    revision_id_for,
)
from msp_desktop.storage import projections, revision_log
from msp_desktop.storage.clock import Clock, HybridClock
from msp_desktop.storage.identity import DeviceIdentity, verify


class RecordStore:
    """Writes revisions and keeps projections in step. Callers own the transaction."""

    def __init__(self, conn: Any, device: DeviceIdentity, clock: Clock | None = None) -> None:
        self._conn = conn
        self.device = device
        self.clock = clock or Clock()
        row = conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        self.hlc = HybridClock(self.clock, row[0] if row else None)
        self._seq: int | None = None
        self._projector = projections.Projector(conn)

    # ----- writing -------------------------------------------------------------------------

    def new_record_id(self) -> str:
        return uuid.uuid4().hex

    def create(
        self, kind: str, payload: Mapping[str, Any], record_id: str | None = None
    ) -> Revision:
        rid = record_id or self.new_record_id()
        lifecycle.check_new(revision_log.record_exists(self._conn, rid))
        return self._append(rid, kind, Op.CREATE, payload, ())

    def edit(
        self,
        record_id: str,
        payload: Mapping[str, Any],
        *,
        expected_heads: Sequence[str] | None = None,
        reason: str | None = None,
    ) -> Revision:
        state = self._require(record_id)
        lifecycle.check_edit(state)
        lifecycle.check_heads(state, expected_heads)
        return self._append(record_id, state.kind, Op.EDIT, payload, state.heads, reason=reason)

    def finalise(
        self, record_id: str, payload: Mapping[str, Any] | None = None,
        *, expected_heads: Sequence[str] | None = None,
    ) -> Revision:
        state = self._require(record_id)
        lifecycle.check_finalise(state, _kind(state.kind))
        lifecycle.check_heads(state, expected_heads)
        body = state.payload if payload is None else payload
        return self._append(record_id, state.kind, Op.FINALISE, body, state.heads)

    def amend(
        self,
        record_id: str,
        payload: Mapping[str, Any],
        *,
        reason: str,
        amendment_type: str,
        expected_heads: Sequence[str] | None = None,
    ) -> Revision:
        state = self._require(record_id)
        kept = lifecycle.check_amend(state, _kind(state.kind), reason, amendment_type)
        lifecycle.check_heads(state, expected_heads)
        return self._append(
            record_id, state.kind, Op.AMEND, payload, state.heads,
            reason=kept, amendment_type=amendment_type,
        )

    def resolve(self, record_id: str, payload: Mapping[str, Any], *, reason: str) -> Revision:
        """A person's resolution of a conflict: a revision whose parents are all heads."""
        state = self._require(record_id)
        kept = lifecycle.check_resolve(reason)
        return self._append(record_id, state.kind, Op.RESOLVE, payload, state.heads, reason=kept)

    def _next_seq(self) -> int:
        if self._seq is None:
            self._seq = revision_log.max_device_seq(self._conn, self.device.device_id)
        self._seq += 1
        return self._seq

    def _append(
        self,
        record_id: str,
        kind: str,
        op: Op,
        payload: Mapping[str, Any],
        parents: Iterable[str],
        *,
        reason: str | None = None,
        amendment_type: str | None = None,
    ) -> Revision:
        hlc = self.hlc.tick()
        body = revision_body(
            record_id=record_id, kind=kind, op=str(op), parents=tuple(parents),
            author=self.device.author, device_id=self.device.device_id,
            device_seq=self._next_seq(), hlc=hlc, payload=dict(payload), reason=reason,
            amendment_type=amendment_type, schema_version=REVISION_SCHEMA_VERSION,
        )
        rid = revision_id_for(body)
        rev = Revision(
            revision_id=rid, record_id=record_id, kind=kind, op=body["op"],
            parents=tuple(body["parents"]), author=body["author"], device_id=body["device_id"],
            device_seq=body["device_seq"], hlc=hlc, payload=body["payload"], reason=reason,
            amendment_type=amendment_type, schema_version=REVISION_SCHEMA_VERSION,
            signature=self.device.sign(rid.encode("ascii")),
        )
        try:
            revision_log.insert(self._conn, rev)
        except Exception:
            self._seq = None  # re-read after a rolled-back write
            raise
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('hlc', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (hlc,),
        )
        self._projector.project(record_id)
        return rev

    def ingest(self, rev: Revision, verify_key_hex: str) -> str:
        """Apply a revision made elsewhere (already decrypted). Returns what happened:
        'held' (we had it), 'applied', or 'parked' (a parent is missing).

        Set union: applying the same revisions in any order gives the same state.
        """
        if revision_id_for(rev.body()) != rev.revision_id:
            raise RecordError("A revision does not match its content; it was rejected.")
        if not verify(verify_key_hex, rev.revision_id.encode("ascii"), rev.signature):
            raise RecordError("A revision has an invalid signature; it was rejected.")
        if revision_log.has(self._conn, rev.revision_id):
            return "held"
        missing = [p for p in rev.parents if not revision_log.has(self._conn, p)]
        if missing:
            revision_log.park(self._conn, rev, missing, self.clock.iso_now())
            return "parked"
        revision_log.insert(self._conn, rev)
        self.hlc.observe(rev.hlc)
        self._projector.project(rev.record_id)
        self._unpark()
        return "applied"

    def _unpark(self) -> None:
        progress = True
        while progress:
            progress = False
            for rev in list(revision_log.parked(self._conn)):
                if all(revision_log.has(self._conn, p) for p in rev.parents):
                    revision_log.unpark(self._conn, rev.revision_id)
                    revision_log.insert(self._conn, rev)
                    self._projector.project(rev.record_id)
                    progress = True

    # ----- projections ---------------------------------------------------------------------

    def batch(self) -> Any:
        """Defer case-summary refreshes to the end of a bulk write (demo, import)."""
        return self._projector.batch()

    @contextmanager
    def large_cache(self, kib: int) -> Iterator[None]:
        """A bigger page cache for a bulk write only: with SQLite's 2 MiB default, inserts
        into the random-keyed indexes of a large vault miss the cache (and decrypt a page)
        nearly every time. Restored afterwards, so the open vault keeps its footprint."""
        prior = self._conn.execute("PRAGMA cache_size").fetchone()[0]
        self._conn.execute(f"PRAGMA cache_size = {-int(kib)}")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA cache_size = {int(prior)}")

    def projections_match_revisions(self) -> bool:
        return self._projector.matches_revisions()

    def rebuild_projections(self) -> None:
        self._projector.rebuild()

    def projection_snapshot(self) -> list[tuple[object, ...]]:
        return projections.snapshot(self._conn)

    # ----- reading -------------------------------------------------------------------------

    def history(self, record_id: str) -> list[Revision]:
        return revision_log.history(self._conn, record_id)

    def revision(self, revision_id: str) -> Revision | None:
        return revision_log.get(self._conn, revision_id)

    def get(self, record_id: str) -> RecordState | None:
        return projections.get(self._conn, record_id)

    def _require(self, record_id: str) -> RecordState:
        state = self.get(record_id)
        if state is None:
            raise RecordNotFound("That record does not exist in this vault.")
        return state

    def records_for_case(
        self, case_id: str, kinds: Iterable[str] | None = None
    ) -> list[RecordState]:
        return projections.records_for_case(self._conn, case_id, kinds)

    def records_of_kind(self, kind: str) -> list[RecordState]:
        return projections.records_of_kind(self._conn, kind)

    def heads(self, record_id: str) -> list[str]:
        return projections.heads(self._conn, record_id)

    # RuleContext protocol, so domain rules can look at other records.
    def find(self, kind: str, case_id: str) -> list[RecordState]:
        return self.records_for_case(case_id, [kind])

    # ----- integrity and counts ------------------------------------------------------------

    def verify_revisions(self) -> list[str]:
        return revision_log.verify_all(self._conn)

    def state_digest(self) -> str:
        return revision_log.state_digest(self._conn)

    def counts_by_kind(self) -> dict[str, int]:
        return projections.counts_by_kind(self._conn)

    def revision_count(self) -> int:
        return revision_log.count(self._conn)

    def conflict_count(self) -> int:
        return projections.conflict_count(self._conn)

    def parked_count(self) -> int:
        return revision_log.parked_count(self._conn)


def _kind(name: str) -> RecordKind:
    kind = KINDS.get(name)
    if kind is None:
        raise RecordError(f"Unknown record kind {name!r}.")
    return kind
