"""Sync by bundles (design.md §5): choosing what to send, writing the volumes, and applying a
checked bundle to the store. The caller (services/sync.py) owns transactions and the audit.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from msp_desktop import __version__
from msp_desktop.domain.fingerprints import device_fingerprint
from msp_desktop.domain.revisions import REVISION_SCHEMA_VERSION, Revision
from msp_desktop.storage import contacts, projections, queries, revision_log, sync_state
from msp_desktop.storage import head as head_mod
from msp_desktop.storage.contacts import KnownDevice
from msp_desktop.storage.head import SignedHead
from msp_desktop.storage.store import IngestReport, RecordStore
from msp_desktop.sync import bundle
from msp_desktop.sync.bundle import BundleRejected, Manifest, OpenedBundle
from msp_desktop.sync.cards import OfficeCard
from msp_desktop.sync.device_cards import Card, DeviceCard, card_of

Progress = Callable[[str, int, int], None]  # (step, done, total)


def _no_progress(step: str, done: int, total: int) -> None:
    return None


# ----- recipients and acknowledgements --------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    kind: str  # "device" | "office"
    id: str  # device id, or the office card's fingerprint
    name: str
    fingerprint: str
    age_recipient: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "name": self.name,
                "fingerprint": self.fingerprint}


def recipient_of(card: Card) -> Recipient:
    if isinstance(card, OfficeCard):
        return Recipient("office", card.fingerprint, card.name, card.fingerprint,
                         card.age_recipient)
    return Recipient("device", card.device_id, card.display_name, card.fingerprint,
                     card.age_recipient)


def card_of_known(device: KnownDevice) -> DeviceCard:
    return DeviceCard(
        device.device_id, device.display_name, device.author, device.verify_key,
        device.age_recipient,
        device_fingerprint(device.device_id, device.verify_key, device.age_recipient),
    )


def office_acks(conn: Any) -> dict[str, sync_state.Ranges] | None:
    """What the office holds, as its devices acknowledged it; None when no office device is
    known yet (so nothing can be said)."""
    offices = [d for d in contacts.all_devices(conn) if d.is_office and not d.revoked]
    if not offices:
        return None
    merged: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for office in offices:
        for origin, ranges in sync_state.peer_acks(conn, office.device_id).items():
            merged[origin].extend(ranges)
        # The office holds what it wrote itself.
        top = revision_log.max_device_seq(conn, office.device_id)
        if top:
            merged[office.device_id].append((1, top))
    return {d: sync_state.normalise(r) for d, r in merged.items()}


def acks_for(conn: Any, recipient: Recipient) -> dict[str, sync_state.Ranges]:
    if recipient.kind == "office":
        return office_acks(conn) or {}
    return sync_state.peer_acks(conn, recipient.id)


# ----- export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Volume:
    name: str
    data: bytes
    bundle_seq: int
    revisions: int


@dataclass(frozen=True)
class ExportPlan:
    revisions: list[Revision]
    cases: list[str] | None
    whole_vault: bool


def plan_export(
    store: RecordStore, recipients: Sequence[Recipient], cases: Sequence[str] | None,
    everything: bool,
) -> ExportPlan:
    """The revisions to send: those of the chosen cases (all when none is named) that some
    recipient has not acknowledged, or all of them with ``everything``."""
    conn = store._conn
    record_ids = None if not cases else projections.record_ids_for_cases(conn, cases)
    revs = list(revision_log.iter_revisions(conn, record_ids))
    if not everything:
        vectors = [acks_for(conn, r) for r in recipients]
        revs = [rev for rev in revs if not all(
            sync_state.contains(v.get(rev.device_id, []), rev.device_seq) for v in vectors)]
    return ExportPlan(revs, sorted(set(cases)) if cases else None, not cases)


def write_volumes(
    store: RecordStore, plan: ExportPlan, recipients: Sequence[Recipient], *, export_id: str,
    created_at: str, first_seq: int, max_bytes: int | None = None,
    progress: Progress = _no_progress, head: SignedHead | None = None,
) -> list[Volume]:
    """Encrypted, signed bundles carrying the plan; several when ``max_bytes`` requires.
    ``head``: this vault's signed head, so the receiver can notice it going back in time."""
    conn = store._conn
    device = store.device
    revs = plan.revisions
    progress("Preparing", 0, len(revs))
    lines = [bundle.revision_line(r) for r in revs]
    own = device.device_id
    through = sync_state.progress(conn)
    through[own] = revision_log.max_device_seq(conn, own)
    included: dict[str, list[int]] = defaultdict(list)
    for rev in revs:
        included[rev.device_id].append(rev.device_seq)
    coverage = {
        d: {"through": through.get(d, max(seqs)),
            "omitted": [list(r) for r in sync_state.complement(
                sync_state.ranges_of(seqs), through.get(d, max(seqs)))]}
        for d, seqs in sorted(included.items())
    }
    known = {d.device_id: d for d in contacts.all_devices(conn)}
    ack = {d: [list(r) for r in ranges] for d, ranges in sync_state.held_ranges(conn).items()}
    sender = card_of(device)
    base: dict[str, Any] = {
        "format": bundle.FORMAT, "format_version": bundle.FORMAT_VERSION,
        "schema_version": REVISION_SCHEMA_VERSION, "app_version": __version__,
        "sender": sender.to_json(), "created_at": created_at,
        "created_hlc": store.hlc.tick(),
        "recipients": [r.to_json() for r in recipients],
        "coverage": coverage, "ack": ack, "scope": {"cases": plan.cases},
    }
    if head is not None:
        base[bundle.HEAD] = head.to_json()
    ages = [r.age_recipient for r in recipients]

    def build(chunk: range, index: int, count: int) -> bytes:
        devices = {rev.device_id for rev in revs[chunk.start:chunk.stop]} | {own}
        manifest = {
            **base,
            "bundle_seq": first_seq + index - 1,
            "devices": [card_of_known(known[d]).to_json() for d in sorted(devices)],
            "revisions": bundle.entries_for(lines[chunk.start:chunk.stop],
                                            revs[chunk.start:chunk.stop]),
            "volume": {"export_id": export_id, "index": index, "count": count},
        }
        return bundle.build(manifest, lines[chunk.start:chunk.stop], device.sign, ages)

    chunks = _split(len(revs), lines, max_bytes)
    out: list[Volume] = []
    done = 0
    for attempt in range(8):
        out = []
        done = 0
        too_big = False
        for index, chunk in enumerate(chunks, start=1):
            data = build(chunk, index, len(chunks))
            if max_bytes is not None and len(data) > max_bytes and len(chunk) > 1:
                too_big = True
                break
            seq = first_seq + index - 1
            out.append(Volume(bundle.file_name(device.short_id, seq), data, seq, len(chunk)))
            done += len(chunk)
            progress("Encrypting", done, len(revs))
        if not too_big:
            break
        chunks = _split(len(revs), lines, max_bytes, factor=2 ** (attempt + 1))
    if max_bytes is not None and any(len(v.data) > max_bytes for v in out):
        raise BundleRejected(
            "One change is larger than the maximum volume size; choose a larger size.")
    return out


def _split(n: int, lines: Sequence[bytes], max_bytes: int | None, factor: int = 1
           ) -> list[range]:
    """Consecutive runs of about equal uncompressed size; compression typically shrinks
    revisions 3-8 times, so start from a conservative guess and split further if needed."""
    if max_bytes is None or n == 0:
        return [range(0, n)]
    total = sum(len(line) + 1 for line in lines)
    count = max(1, math.ceil(total / (max_bytes * 3) * factor))
    target = total / count
    out: list[range] = []
    start, size = 0, 0
    for i, line in enumerate(lines):
        size += len(line) + 1
        if size >= target and i + 1 < n:
            out.append(range(start, i + 1))
            start, size = i + 1, 0
    out.append(range(start, n))
    return out


# ----- import ----------------------------------------------------------------------------


class UntrustedSender(BundleRejected):
    """The sender's card is not trusted here: shown to the worker, with its fingerprint."""

    def __init__(self, card: DeviceCard) -> None:
        super().__init__(
            f"This bundle comes from {card.display_name} ({card.author}), a device this vault"
            f" does not trust yet. Check its fingerprint {card.fingerprint} with its owner,"
            " then trust its card.")
        self.card = card


@dataclass
class CaseEffect:
    case_id: str
    name: str
    new: int = 0
    conflicts: int = 0


@dataclass
class ImportOutcome:
    sender: DeviceCard
    bundle_seq: int
    volume: dict[str, Any]
    total: int
    report: IngestReport
    already_imported: bool
    conflicts: list[str] = field(default_factory=list)  # record ids newly in conflict
    cases: list[CaseEffect] = field(default_factory=list)
    introduced: list[DeviceCard] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # shown before, entered in error now
    # This vault's own changes the sender holds and this vault does not: it was restored
    # from a backup, and the sender can send them back (export everything).
    own_missing: int = 0
    # The sender's signed head is lower than one it sent before (one sentence), and problems
    # the sender's vault found in itself that it had not reported before.
    rollback: str | None = None
    sender_breaks: list[str] = field(default_factory=list)

    @property
    def new(self) -> int:
        return len(self.report.applied)


def check_sender(conn: Any, manifest: Manifest) -> KnownDevice:
    """The sender must be a device this vault trusts, with the keys it holds for it."""
    card = manifest.sender
    known = contacts.get(conn, card.device_id)
    if known is not None and (known.verify_key, known.age_recipient) != (
            card.verify_key, card.age_recipient):
        raise BundleRejected(
            f"The bundle's sender claims to be {known.display_name} but its keys differ from"
            " those this vault holds; it was rejected.")
    if known is not None and known.revoked:
        raise BundleRejected(
            f"Bundles from {known.display_name} are no longer accepted: that device was revoked"
            f" on {(known.revoked_at or '')[:10]}. What it sent before stays.")
    if known is None or known.trust != contacts.TRUSTED:
        raise UntrustedSender(card)
    return known


def check_addressed(manifest: Manifest, own_device_id: str, office_fingerprints: Iterable[str]
                    ) -> None:
    ids = {r["id"] for r in manifest.recipients}
    if own_device_id not in ids and not ids & set(office_fingerprints):
        raise BundleRejected(
            "This bundle is addressed to someone else; it was not imported.")


def apply(store: RecordStore, opened: OpenedBundle, now: str) -> ImportOutcome:
    """Apply a checked bundle from a trusted sender (inside the caller's transaction)."""
    conn = store._conn
    manifest = opened.manifest
    sender = manifest.sender
    already = sync_state.was_received(conn, sender.device_id, manifest.bundle_seq)
    introduced = _register_devices(conn, manifest, now)
    record_ids = {r.record_id for r in opened.revisions}
    before = projections.conflicted(conn, record_ids)
    shown = projections.shown(conn, record_ids)
    report = store.ingest_many(
        opened.revisions, sender_id=sender.device_id, bundle_seq=manifest.bundle_seq,
        excuse=manifest.excused(),
    )
    sync_state.merge_peer_acks(conn, sender.device_id, manifest.ack, now)
    own = store.device.device_id
    own_missing = sync_state.not_held(conn, own, manifest.ack.get(own, []))
    sync_state.record_received(conn, sender.device_id, manifest.bundle_seq, now,
                               len(opened.revisions), len(report.applied))
    rollback, sender_breaks = _note_head(conn, manifest, now)
    after = projections.conflicted(conn, report.records)
    outcome = ImportOutcome(
        sender=sender, bundle_seq=manifest.bundle_seq, volume=manifest.volume,
        total=len(opened.revisions), report=report, already_imported=already,
        conflicts=sorted(after - before), introduced=introduced,
        hidden=sorted(projections.entered_in_error(conn, shown & report.records)),
        own_missing=own_missing, rollback=rollback, sender_breaks=sender_breaks,
    )
    record_of = {r.revision_id: r.record_id for r in opened.revisions}
    outcome.cases = _effects(conn, report, set(outcome.conflicts), record_of)
    return outcome


def _note_head(conn: Any, manifest: Manifest, now: str) -> tuple[str | None, list[str]]:
    """Keep the sender's newest signed head; say if it is lower than one it sent before.

    A lower head in a later bundle means the sender's vault went back in time: restored from
    a backup (legitimate; its reused change numbers are refused by the store, the rest is
    new work) or cut by someone holding its passphrase. The bundle is still imported -- its
    changes are signed and checked one by one, and refusing would also block an honest
    restored laptop -- and the warning is shown and kept in the audit log. An older bundle
    imported late is not compared (it was made before the head already seen)."""
    new = manifest.head
    if new is None:
        return None, []
    seen = head_mod.peer_head(conn, new.device_id)
    later = seen is None or manifest.created_hlc > seen.created_hlc
    if not later:
        return None, []
    name = manifest.sender.display_name
    rollback = None
    back = head_mod.went_back(seen.head, new) if seen is not None else []
    if back:
        rollback = (
            f"Device {name} ({new.device_id[:8]}) appears to have been rolled back:"
            f" {'; '.join(back)} since a bundle it sent earlier. If its vault was"
            " restored from a backup this is expected; if not, records or audit entries"
            f" may have been removed from it. Ask whoever looks after {name}'s laptop to"
            " check it (vault check).")
    old_breaks = {t for _k, t in seen.head.breaks} if seen is not None else set()
    fresh = [t for _k, t in new.breaks if t not in old_breaks]
    head_mod.record_peer_head(conn, new, manifest.created_hlc, now)
    return rollback, [f"{name}'s vault found a problem in itself: {t}." for t in fresh]


def _register_devices(conn: Any, manifest: Manifest, now: str) -> list[DeviceCard]:
    sender = manifest.sender
    out: list[DeviceCard] = []
    for card in manifest.devices:
        known = contacts.get(conn, card.device_id)
        if known is None:
            contacts.add_device(
                conn, device_id=card.device_id, display_name=card.display_name,
                author=card.author, verify_key=card.verify_key,
                age_recipient=card.age_recipient, role=contacts.DEVICE,
                trust=contacts.INTRODUCED, added_at=now, introduced_by=sender.device_id,
            )
            out.append(card)
        elif (known.verify_key, known.age_recipient) != (card.verify_key, card.age_recipient):
            raise BundleRejected(
                f"The bundle carries keys for {known.display_name} that differ from those this"
                " vault holds; it was rejected.")
    return out


def _effects(conn: Any, report: IngestReport, conflicts: set[str], record_of: dict[str, str]
             ) -> list[CaseEffect]:
    cases = projections.case_of_records(conn, report.records | conflicts)
    applied_records: dict[str, int] = defaultdict(int)
    for rid in report.applied:
        # Applied revisions come from this bundle or were waiting from an earlier one.
        record_id = record_of.get(rid)
        if record_id is None:
            rev = revision_log.get(conn, rid)
            record_id = rev.record_id if rev else None
        if record_id is not None:
            applied_records[record_id] += 1
    effects: dict[str, CaseEffect] = {}
    names = _case_names(conn, {c for c in cases.values() if c})
    for record_id, case_id in cases.items():
        if not case_id:
            continue
        effect = effects.setdefault(case_id, CaseEffect(case_id, names.get(case_id, "")))
        effect.new += applied_records.get(record_id, 0)
        effect.conflicts += record_id in conflicts
    return sorted(effects.values(), key=lambda e: (e.name, e.case_id))


def _case_names(conn: Any, case_ids: set[str]) -> dict[str, str]:
    return queries.case_names(conn, case_ids)


# ----- what is waiting ------------------------------------------------------------------


def waiting(conn: Any) -> list[str]:
    """One sentence per device whose changes wait for earlier ones that have not arrived."""
    names = {d.device_id: d.display_name for d in contacts.all_devices(conn)}
    progress = sync_state.progress(conn)
    lines: list[str] = []
    for device_id, count, lo, _hi in revision_log.parked_by_device(conn):
        name = names.get(device_id, f"device {device_id[:8]}")
        first = progress.get(device_id, 0) + 1
        held_back = f"{count} change{'s' if count != 1 else ''} held back"
        if first < lo:
            span = f"{first}" if first == lo - 1 else f"{first}\u2013{lo - 1}"
            lines.append(f"Waiting for {name}'s changes {span} ({held_back}); import the"
                         f" bundles from {name} that carry them.")
        else:
            lines.append(f"Waiting for earlier versions of records changed by {name}"
                         f" ({held_back}); import the bundles they came after.")
    return lines
