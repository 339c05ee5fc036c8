"""The revision store: appends immutable, signed revisions under the lifecycle rules and keeps
the projections in step (design.md §4).

Every change is a new revision (storage/revision_log.py); the current state of each record is
a projection (storage/projections.py) updated in the caller's transaction. Nothing here
deletes a revision, and there is no API to do so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from msp_desktop.domain import lifecycle
from msp_desktop.domain.fields import RecordKind
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.lifecycle import RecordError, RecordNotFound
from msp_desktop.domain.revisions import (
    OPS,
    REVISION_SCHEMA_VERSION,
    Op,
    RecordState,
    Revision,
    revision_body,
    revision_id_for,
)
from msp_desktop.storage import contacts, projections, revision_log, sync_state
from msp_desktop.storage.clock import Clock, HybridClock
from msp_desktop.storage.contacts import KnownDevice
from msp_desktop.storage.identity import DeviceIdentity, verify

_WORKERS = min(4, os.cpu_count() or 1)
BULK_CACHE_KIB = 128 * 1024  # page cache for a bulk write (see large_cache)
_BULK_REVISIONS = 2_000  # an ingest this large counts as one


class RecordStore:
    """Writes revisions and keeps projections in step. Callers own the transaction."""

    def __init__(self, conn: Any, device: DeviceIdentity, clock: Clock | None = None) -> None:
        self._conn = conn
        self.device = device
        self.clock = clock or Clock()
        row = conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        self.hlc = HybridClock(self.clock, row[0] if row else None)
        self._seq: int | None = None
        # Own change numbers passed over in the current transaction (a restored vault numbers
        # after what peers acknowledged); the signed head keeps them (storage/head.py).
        self.skipped: list[tuple[int, int]] = []
        self._projector = projections.Projector(conn)

    # ----- writing -------------------------------------------------------------------------

    def new_record_id(self) -> str:
        return uuid.uuid4().hex

    def create(
        self, kind: str, payload: Mapping[str, Any], record_id: str | None = None,
        *, reason: str | None = None,
    ) -> Revision:
        rid = record_id or self.new_record_id()
        lifecycle.check_new(revision_log.record_exists(self._conn, rid))
        return self._append(rid, kind, Op.CREATE, payload, (), reason=reason)

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
            # A vault restored from a backup has forgotten numbers it already used; the peers
            # that acknowledged them remember, so numbering goes on after theirs.
            own = self.device.device_id
            held = revision_log.max_device_seq(self._conn, own)
            acked = sync_state.highest_acknowledged(self._conn, own)
            if acked > held:
                self.skipped.append((held + 1, acked))
            self._seq = max(held, acked)
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

    def ingest(self, rev: Revision) -> str:
        """Apply one revision made elsewhere: 'applied', 'held', 'parked' or 'refused'."""
        report = self.ingest_many([rev])
        if report.applied:
            return "applied"
        return "held" if report.held else "parked" if report.parked else "refused"

    def ingest_many(
        self, revs: Iterable[Revision], *, sender_id: str | None = None,
        bundle_seq: int | None = None, excuse: Mapping[str, sync_state.Ranges] | None = None,
    ) -> IngestReport:
        """Apply revisions made elsewhere (already decrypted), as set union: the same revisions
        in any order, any number of times, give the same state. Callers own the transaction; a
        RecordError leaves nothing of this call behind (a savepoint).

        Each revision must match its content and carry a valid signature by the key registered
        for the device it names; a device's changes apply in device_seq order with no gaps (a
        gap, or a missing parent, parks the revision until the rest arrives); a record has one
        create and keeps its kind. Changes by a revoked device after its revocation are refused.

        excuse: per device, seq ranges a trusted sender declared out of this exchange's scope
        (another case's changes); they no longer count as gaps. Never for our own device.
        """
        run = _Ingest(self, sender_id, bundle_seq)
        # Clock order puts parents first (an author saw them), and each device's changes in
        # sequence; only what is really missing waits.
        ordered = sorted(revs, key=lambda r: (r.hlc, r.device_id, r.device_seq))
        cache = (self.large_cache() if len(ordered) >= _BULK_REVISIONS
                 else nullcontext())
        with cache, self._all_or_nothing(), ThreadPoolExecutor(_WORKERS) as pool:
            checks = run.verify_all(ordered, pool)
            for device_id, ranges in (excuse or {}).items():
                if device_id != self.device.device_id and ranges:
                    run.excuse(device_id, ranges)
            try:
                run.prefetch(ordered)
                for rev in ordered:
                    run.offer(rev)
                run.flush()
            finally:
                for check in checks:
                    check.result()  # a forged revision raises here: the caller rolls back
            if run.report.applied or run.report.parked or not ordered:
                run.unpark()
            run.finish()
        # Our own revisions can come back, and peers' acknowledgements (merged next) say which
        # numbers we used before a restore from backup: number afresh on the next write.
        self._seq = None
        return run.report

    @contextmanager
    def _all_or_nothing(self) -> Iterator[None]:
        """A savepoint: ingest applies everything or nothing, inside the caller's transaction
        or on its own."""
        self._conn.execute("SAVEPOINT ingest")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK TO ingest")
            self._conn.execute("RELEASE ingest")
            self._seq = None
            raise
        self._conn.execute("RELEASE ingest")

    def take_skipped(self) -> list[tuple[int, int]]:
        out, self.skipped = self.skipped, []
        return out

    def forget_uncommitted(self) -> None:
        """The caller's transaction rolled back: number afresh, forget passed-over numbers."""
        self._seq = None
        self.skipped = []

    def rolled_back(self, hlc: str) -> None:
        """Forget cached state after the caller rolled a transaction back (a dry run)."""
        self.forget_uncommitted()
        self.hlc = HybridClock(self.clock, hlc)

    @staticmethod
    def _check_known(device: KnownDevice | None) -> KnownDevice:
        if device is None:
            raise RecordError(
                "A change comes from a device this vault does not know; it was rejected.")
        return device

    def _check_signed(self, rev: Revision, device: KnownDevice | None) -> None:
        device = self._check_known(device)
        # No float scan here: a float cannot match a hash made by a canonical writer, and
        # revision_log.row_of refuses one anyway.
        if revision_id_for(rev.body(), check=False) != rev.revision_id:
            raise RecordError("A change does not match its content; it was rejected.")
        if not verify(device.verify_key, rev.revision_id.encode("ascii"), rev.signature):
            raise RecordError(
                f"A change claiming to come from {device.display_name} is not signed by that"
                " device's key; it was rejected.")

    # ----- projections ---------------------------------------------------------------------

    def batch(self) -> Any:
        """Defer case-summary refreshes to the end of a bulk write (demo, import)."""
        return self._projector.batch()

    @contextmanager
    def large_cache(self, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
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

    def ensure_search_index(self) -> bool:
        """Re-index search once if the index predates NFC text (call in a transaction)."""
        return self._projector.ensure_search_index()

    def mark_search_index_current(self) -> None:
        """A new, empty vault: its index is written the current way from the start (call in a
        transaction)."""
        projections.mark_search_index_current(self._conn)

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

    def iter_records_of_kind(self, kind: str) -> Iterator[RecordState]:
        """records_of_kind, one at a time (a whole-vault export)."""
        return projections.iter_records_of_kind(self._conn, kind)

    def iter_revisions_of_kind(self, kind: str) -> Iterator[Revision]:
        """Every revision of the records of a kind, in clock order (parents first)."""
        return revision_log.iter_revisions_of_kind(self._conn, kind)

    def lifecycle_events(self) -> list[tuple[str, str, str, str, str, str | None, str | None]]:
        """Every finalise and amend, without payloads (see revision_log.lifecycle_events)."""
        return revision_log.lifecycle_events(self._conn)

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


@dataclass
class IngestReport:
    applied: list[str] = field(default_factory=list)
    held: int = 0
    parked: int = 0
    refused: int = 0
    unparked: int = 0
    records: set[str] = field(default_factory=set)


class _Ingest:
    """One ingest_many call: what is held, each device's progress, the revisions applied."""

    def __init__(self, store: RecordStore, sender_id: str | None, bundle_seq: int | None
                 ) -> None:
        self.store = store
        self.conn = store._conn
        self.sender_id = sender_id
        self.bundle_seq = bundle_seq
        self.report = IngestReport()
        self.devices: dict[str, KnownDevice | None] = {}
        self.shapes: dict[str, tuple[str, bool]] = {}  # record -> (kind, has a create)
        self.held: set[str] = set()
        self.absent: set[str] = set()  # looked up and not held
        self.progress = sync_state.progress(self.conn)
        self.excused: dict[str, sync_state.Ranges] = {}
        self.top: dict[str, int] = {}
        self.moved: set[str] = set()
        self.now = store.clock.iso_now()
        self.max_hlc = ""
        self.new_records: set[str] = set()  # no revision held before this call
        self.applied: dict[str, list[Revision]] = {}
        # Rows applied but not yet written (one executemany instead of a statement each);
        # flushed before anything reads the revisions table.
        self.pending: list[tuple[Any, ...]] = []
        self.seqs: dict[str, set[int]] = {}  # per device, the seqs applied in this call

    # -- lookups, prefetched in bulk for the revisions offered ----------------------------

    def device(self, device_id: str) -> KnownDevice | None:
        if device_id not in self.devices:
            self.devices[device_id] = contacts.get(self.conn, device_id)
        return self.devices[device_id]

    def prefetch(self, revs: Sequence[Revision]) -> None:
        ids = {r.revision_id for r in revs} | {p for r in revs for p in r.parents}
        self.held |= revision_log.held_among(self.conn, ids)
        self.absent |= ids - self.held
        found = revision_log.record_shapes(self.conn, {r.record_id for r in revs})
        self.shapes.update(found)
        self.new_records = {r.record_id for r in revs} - set(found)

    def has(self, revision_id: str) -> bool:
        if revision_id in self.held:
            return True
        if revision_id in self.absent:
            return False
        self.flush()
        if revision_log.has(self.conn, revision_id):
            self.held.add(revision_id)
            return True
        self.absent.add(revision_id)
        return False

    def shape(self, record_id: str) -> tuple[str, bool] | None:
        if record_id not in self.shapes:
            if record_id in self.new_records:
                return None  # prefetch found no revision of it, and none applied yet
            self.flush()
            found = revision_log.record_shapes(self.conn, {record_id})
            if not found:
                return None
            self.shapes.update(found)
        return self.shapes[record_id]

    def verify_all(self, revs: Sequence[Revision], pool: ThreadPoolExecutor) -> list[Future[None]]:
        """Check that every revision matches its content and is signed by its device's
        registered key, on the pool (signature checks release the GIL), while the caller goes
        on applying in its transaction; it must wait for the result before it finishes, and
        roll back on failure. Unknown devices are refused here and now."""
        for rev in revs:
            self.store._check_known(self.device(rev.device_id))
        store = self.store

        def check(chunk: Sequence[Revision]) -> None:
            for rev in chunk:
                store._check_signed(rev, self.devices[rev.device_id])

        size = max(256, len(revs) // (4 * _WORKERS) + 1)
        return [pool.submit(check, revs[i:i + size]) for i in range(0, len(revs), size)]

    # -- applying -------------------------------------------------------------------------

    def contiguous(self, device_id: str) -> int:
        if device_id == self.store.device.device_id:
            return max(self.progress.get(device_id, 0),
                       revision_log.max_device_seq(self.conn, device_id))
        return self.progress.get(device_id, 0)

    def offer(self, rev: Revision) -> None:
        device = self.devices[rev.device_id]
        assert device is not None  # verify_all refused unknown devices
        if not device.accepts_seq(rev.device_seq):
            self.report.refused += 1
        elif self.has(rev.revision_id):
            self.report.held += 1
        elif not self.try_apply(rev):
            revision_log.park(self.conn, rev, self.missing(rev), self.now, self.sender_id,
                              self.bundle_seq)
            self.report.parked += 1

    def missing(self, rev: Revision) -> list[str]:
        return [p for p in rev.parents if not self.has(p)]

    def try_apply(self, rev: Revision) -> bool:
        through = self.contiguous(rev.device_id)
        if rev.device_seq > through + 1 or self.missing(rev):
            return False
        self.check_shape(rev)
        self.check_seq_free(rev, through)
        self.pending.append(revision_log.row_of(rev))
        self.seqs.setdefault(rev.device_id, set()).add(rev.device_seq)
        self.held.add(rev.revision_id)
        self.absent.discard(rev.revision_id)
        kind, created = self.shapes.get(rev.record_id, (rev.kind, False))
        self.shapes[rev.record_id] = (kind, created or rev.op == Op.CREATE)
        self.report.applied.append(rev.revision_id)
        self.report.records.add(rev.record_id)
        self.applied.setdefault(rev.record_id, []).append(rev)
        self.max_hlc = max(self.max_hlc, rev.hlc)
        self.top[rev.device_id] = max(self.top.get(rev.device_id, 0), rev.device_seq)
        self.advance(rev.device_id)
        return True

    def check_shape(self, rev: Revision) -> None:
        """One create per record, no parents on it, parents on everything else, one kind."""
        shape = self.shape(rev.record_id)
        if shape is not None and shape[0] != rev.kind:
            raise RecordError("A change would turn a record into another kind; it was rejected.")
        if rev.op not in OPS:
            return  # an operation from a newer version: kept and relayed (forward compatible)
        if rev.op == Op.CREATE:
            if rev.parents:
                raise RecordError("A record's first version names parents; it was rejected.")
            if shape is not None:
                raise RecordError(
                    "A change would create a record that already exists; it was rejected.")
        elif not rev.parents:
            raise RecordError("A change to a record names no earlier version; it was rejected.")

    def check_seq_free(self, rev: Revision, through: int) -> None:
        """A device numbers its changes once each; a second change under a number already
        held means its vault went back in time (restored from a backup) and numbered anew.
        through: the device's contiguous progress (numbers above it are not held yet)."""
        seq = rev.device_seq
        if seq in self.seqs.get(rev.device_id, ()) or (
                seq <= through and self._held_seq(rev.device_id, seq)):
            device = self.device(rev.device_id)
            name = device.display_name if device else "another device"
            raise RecordError(
                f"{name} sent a change numbered {seq}, but a different change with that number"
                f" arrived earlier: that vault was probably restored from a backup and has"
                f" numbered its changes again. Nothing was imported. Ask whoever looks after"
                f" {name}'s laptop to contact support before more work is sent from it.")

    def advance(self, device_id: str) -> None:
        """Move the device's progress past held and excused changes."""
        if device_id not in self.excused:
            self.excused[device_id] = sync_state.excused(self.conn, device_id)
        if device_id not in self.top:
            self.top[device_id] = revision_log.max_device_seq(self.conn, device_id)
        ranges = self.excused[device_id]
        n = self.contiguous(device_id)
        while True:
            nxt = n + 1
            if sync_state.contains(ranges, nxt):
                n = next(hi for lo, hi in ranges if lo <= nxt <= hi)
            elif nxt in self.seqs.get(device_id, ()) or (
                    nxt <= self.top[device_id] and self._held_seq(device_id, nxt)):
                n = nxt
            else:
                break
        if n != self.progress.get(device_id, 0):
            self.progress[device_id] = n
            self.moved.add(device_id)

    def _held_seq(self, device_id: str, seq: int) -> bool:
        self.flush()
        return revision_log.has_seq(self.conn, device_id, seq)

    def flush(self) -> None:
        if self.pending:
            revision_log.insert_rows(self.conn, self.pending)
            self.pending.clear()

    def excuse(self, device_id: str, ranges: sync_state.Ranges) -> None:
        sync_state.add_excused(self.conn, device_id, ranges)
        self.excused.pop(device_id, None)
        self.advance(device_id)

    def unpark(self) -> None:
        """Apply waiting revisions whose turn has come, checking each one again."""
        progress = True
        while progress:
            progress = False
            self.flush()
            for rev in revision_log.parked(self.conn):
                device = self.device(rev.device_id)
                self.store._check_signed(rev, device)
                assert device is not None
                if not device.accepts_seq(rev.device_seq):
                    continue
                if self.has(rev.revision_id):
                    revision_log.unpark(self.conn, rev.revision_id)
                    continue
                try:
                    applied = self.try_apply(rev)
                except RecordError:
                    # Its turn came but it breaks a rule (a reused number, a second create):
                    # it stays with the waiting changes, shown, instead of failing every
                    # later import.
                    continue
                if applied:
                    revision_log.unpark(self.conn, rev.revision_id)
                    self.report.unparked += 1
                    progress = True

    def finish(self) -> None:
        self.flush()
        for device_id in self.moved:
            sync_state.set_progress(self.conn, device_id, self.progress[device_id])
        if self.max_hlc:
            self.store.hlc.observe(self.max_hlc)
        with self.store.batch():
            for record_id in sorted(self.report.records):
                fresh = self.applied[record_id] if record_id in self.new_records else None
                self.store._projector.project(record_id, fresh)
