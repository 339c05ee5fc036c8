"""Sync with colleagues and the office by bundle files: contact cards and trust, export,
preview and import, what is waiting, and the conflict queue. The CLI and the Sync window call
these; each write is one transaction with its audit entry.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msp_desktop.domain.days import day_time_text
from msp_desktop.domain.kinds import KINDS, kind_label
from msp_desktop.services import caseload, records
from msp_desktop.services.changes import Changes, Saved
from msp_desktop.services.session import Session
from msp_desktop.storage import contacts, projections, revision_log, sync_state
from msp_desktop.storage.atomic import atomic_write_bytes
from msp_desktop.storage.clock import parse_hlc
from msp_desktop.sync import bundle, exchange
from msp_desktop.sync.bundle import BundleRejected, OpenedBundle
from msp_desktop.sync.cards import OfficeCard, parse_identity
from msp_desktop.sync.device_cards import Card, DeviceCard, card_of, load_any_card, write_card
from msp_desktop.sync.exchange import ImportOutcome, Progress, UntrustedSender

__all__ = [
    "BundleRejected", "Card", "DeviceCard", "OfficeCard", "UntrustedSender", "load_any_card",
]

_SKEW = dt.timedelta(days=1)
# One bundle hiding more records than this (entered in error) is not an everyday correction:
# a person confirms it first (reliability.md SYNC-8).
MASS_HIDE = 10
# An import this large is preceded by a checked backup in the vault's backups folder (design.md
# §3); the newest BACKUPS_KEPT of them stay.
LARGE_IMPORT = 1_000
BACKUPS_KEPT = 2


# ----- cards and trust -------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    device_id: str
    name: str
    author: str
    fingerprint: str
    role: str  # self | device | office
    trust: str  # trusted | introduced | revoked
    added_at: str | None
    revoked_at: str | None
    introduced_by: str | None  # the name of the device that vouched for it

    @property
    def status(self) -> str:
        if self.role == contacts.SELF:
            return "This vault"
        if self.trust == contacts.REVOKED:
            return f"Revoked {(self.revoked_at or '')[:10]}".strip()
        if self.trust == contacts.INTRODUCED:
            return f"Introduced by {self.introduced_by or 'another device'}, not checked"
        return "Trusted (office)" if self.role == contacts.OFFICE else "Trusted"


def my_card(session: Session) -> DeviceCard:
    return card_of(session.device)


def write_my_card(session: Session, out: Path | str) -> DeviceCard:
    return write_card(session.device, out)


def contact_list(session: Session) -> tuple[list[Contact], list[OfficeCard]]:
    known = contacts.all_devices(session.conn)
    names = {d.device_id: d.display_name for d in known}
    people = [
        Contact(d.device_id, d.display_name, d.author,
                exchange.card_of_known(d).fingerprint, d.role, d.trust, d.added_at,
                d.revoked_at, names.get(d.introduced_by or "")) for d in known
    ]
    offices = [OfficeCard(o.name, o.age_recipient, bytes.fromhex(o.verify_key), o.fingerprint)
               for o in contacts.office_cards(session.conn)]
    return people, offices


def card_for(session: Session, device_id: str) -> DeviceCard:
    """The card of a device this vault knows (one introduced by a bundle, to be checked and
    trusted)."""
    return exchange.card_of_known(_known(session, device_id))


def recipients(session: Session) -> list[Card]:
    """Everyone a bundle can be addressed to: the trusted devices (not this vault, not
    revoked) as cards, then the office cards."""
    devices: list[Card] = [
        exchange.card_of_known(d) for d in contacts.all_devices(session.conn)
        if d.role != contacts.SELF and d.trust == contacts.TRUSTED and not d.revoked
    ]
    return [*devices, *contact_list(session)[1]]


def trust(session: Session, card: Card, *, office: bool = False) -> Changes:
    """Trust a card whose fingerprint a person has checked. A device card lets its bundles
    in; an office card becomes a recipient (bundles to it are read with the office identity).
    ``office``: this device card is the office's own vault, whose receipts say what the office
    holds."""
    conn = session.conn
    now = session.clock.iso_now()
    with session.write():
        if isinstance(card, OfficeCard):
            contacts.add_office_card(conn, fingerprint=card.fingerprint, name=card.name,
                                     age_recipient=card.age_recipient,
                                     verify_key=card.ed25519_public.hex(), added_at=now)
            session.log("contact.trust", entity_kind="office", entity_id=card.fingerprint)
            return Changes(sync=True)
        if card.device_id == session.device.device_id:
            raise BundleRejected("That is this vault's own card.")
        known = contacts.get(conn, card.device_id)
        if known is not None and (known.verify_key, known.age_recipient) != (
                card.verify_key, card.age_recipient):
            raise BundleRejected(
                f"This card claims to be {known.display_name} but its keys differ from those"
                " this vault holds; it was not trusted.")
        contacts.add_device(
            conn, device_id=card.device_id, display_name=card.display_name, author=card.author,
            verify_key=card.verify_key, age_recipient=card.age_recipient,
            role=contacts.OFFICE if office else contacts.DEVICE, trust=contacts.TRUSTED,
            added_at=now,
        )
        session.log("contact.trust", entity_kind="device", entity_id=card.device_id,
                    detail={"office": office})
    return Changes(sync=True)


def revoke(session: Session, device_id: str) -> Contact:
    """Stop accepting the device's new bundles and changes; what it sent before stays."""
    conn = session.conn
    known = _known(session, device_id)
    if known.role == contacts.SELF:
        raise BundleRejected("This vault cannot revoke its own device.")
    after = sync_state.progress(conn).get(known.device_id, 0)
    with session.write():
        contacts.revoke(conn, known.device_id, session.clock.iso_now(), after)
        session.log("contact.revoke", entity_kind="device", entity_id=known.device_id,
                    detail={"after_seq": after})
    return next(c for c in contact_list(session)[0] if c.device_id == known.device_id)


def _known(session: Session, device_id: str) -> contacts.KnownDevice:
    """A device this vault knows, by its id or an unambiguous prefix of at least 8."""
    known = contacts.get(session.conn, device_id) or _by_prefix(session, device_id)
    if known is None:
        raise BundleRejected(f"No device {device_id!r} is known to this vault.")
    return known


def _by_prefix(session: Session, prefix: str) -> contacts.KnownDevice | None:
    matches = [d for d in contacts.all_devices(session.conn)
               if len(prefix) >= 8 and d.device_id.startswith(prefix.lower())]
    return matches[0] if len(matches) == 1 else None


# ----- export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleExport:
    paths: list[Path]
    revisions: int
    bundle_seqs: list[int]


def export_bundles(
    session: Session, out: Path | str, cards: Sequence[Card], *,
    cases: Sequence[str] | None = None, everything: bool = False,
    max_mb: float | None = None, progress: Progress | None = None,
) -> BundleExport:
    """Write bundles for ``cards``: the chosen cases (all when none) that the recipients have
    not acknowledged, or everything. OUT is a folder (a name without personal data is chosen)
    or a file path. A bundle with no changes still carries this vault's receipt."""
    if not cards:
        raise BundleRejected("Choose at least one recipient for the bundle.")
    if max_mb is not None and max_mb < 0.05:
        raise BundleRejected("The maximum volume size is too small (at least 0.05 MB).")
    for case_id in cases or ():
        if not projections.case_exists(session.conn, case_id):
            raise BundleRejected(f"No case {case_id!r} in this vault.")
    recipients = [exchange.recipient_of(c) for c in cards]
    store = session.store
    export_id = uuid.uuid4().hex
    now = session.clock.iso_now()
    with session.write():
        plan = exchange.plan_export(store, recipients, cases, everything)
        first = sync_state.next_bundle_seq(session.conn)
        volumes = exchange.write_volumes(
            store, plan, recipients, export_id=export_id, created_at=now, first_seq=first,
            max_bytes=int(max_mb * 1024 * 1024) if max_mb else None,
            progress=progress or (lambda *_: None),
            head=session.heads.last if session.heads is not None else None,
        )
        paths = _targets(Path(out), [v.name for v in volumes])
        for path, volume in zip(paths, volumes, strict=True):
            atomic_write_bytes(path, volume.data, mode=0o600, overwrite=False)
        own_through = revision_log.max_device_seq(session.conn, session.device.device_id)
        for volume in volumes:
            sync_state.record_sent(session.conn, sync_state.SentBundle(
                volume.bundle_seq, export_id, now, [r.to_json() for r in recipients],
                volume.revisions, plan.whole_vault, own_through))
        session.log("bundle.export", entity_kind="bundle", entity_id=export_id, detail={
            "bundle_seqs": [v.bundle_seq for v in volumes], "revisions": len(plan.revisions),
            "recipients": [r.fingerprint for r in recipients],
            "cases": len(plan.cases) if plan.cases else "all",
        })
    return BundleExport(paths, len(plan.revisions), [v.bundle_seq for v in volumes])


def _targets(out: Path, names: Sequence[str]) -> list[Path]:
    if out.is_dir():
        return [out / n for n in names]
    if not out.parent.is_dir():
        raise BundleRejected(f"The folder {out.parent} does not exist.")
    if len(names) == 1:
        return [out]
    stem = out.name.removesuffix(bundle.SUFFIX)
    return [out.with_name(f"{stem}-{i}{bundle.SUFFIX}") for i in range(1, len(names) + 1)]


# ----- reading a bundle ------------------------------------------------------------------


def read_bundle(path: Path | str, identities: Sequence[str], *, verify_changes: bool = True
                ) -> OpenedBundle:
    """The bundle at ``path``, decrypted and checked against itself, in memory."""
    path = Path(path)
    try:
        size = os.stat(path).st_size
        if size > bundle.LIMITS.file_bytes:
            raise BundleRejected("The file is larger than any bundle this app accepts.")
        with open(path, "rb") as fh:
            data = fh.read(bundle.LIMITS.file_bytes + 1)
    except OSError as exc:
        raise BundleRejected(f"The bundle {path.name} cannot be read: {exc.strerror}.") from exc
    return bundle.open_bundle(data, identities, verify_changes=verify_changes)


def identities(session: Session | None, identity_text: str | None) -> list[str]:
    keys = [session.device.age_identity] if session is not None else []
    if identity_text:
        keys.append(parse_identity(identity_text).age_identity)
    return keys


@dataclass
class ImportPreview:
    path: Path
    outcome: ImportOutcome
    waiting: list[str]
    clock_warning: str | None
    dry_run: bool

    @property
    def sender(self) -> DeviceCard:
        return self.outcome.sender

    @property
    def needs_confirmation(self) -> bool:
        return len(self.outcome.hidden) > MASS_HIDE

    def lines(self) -> list[str]:
        o = self.outcome
        volume = o.volume
        head = f"Bundle {o.bundle_seq} from {o.sender.display_name} ({o.sender.author})"
        if volume["count"] > 1:
            head += f", volume {volume['index']} of {volume['count']}"
        out = [head + f": {o.total} change{'s' if o.total != 1 else ''}."]
        if o.already_imported and not o.new:
            # (A vault restored from a backup can reuse a bundle number for new changes.)
            out.append("This bundle was imported before; importing it again changes nothing.")
        out.append(f"New: {o.new}. Already held: {o.report.held}."
                   f" Waiting for earlier changes: {o.report.parked}."
                   + (f" Refused (revoked device): {o.report.refused}." if o.report.refused
                      else ""))
        if o.conflicts:
            out.append(f"Records now in conflict: {len(o.conflicts)} (resolve them in Sync).")
        if o.hidden:
            out.append(f"Records it marks as entered in error, hidden from their cases:"
                       f" {len(o.hidden)}." + (" That is more than usual: importing asks you to"
                                              " confirm it." if self.needs_confirmation else ""))
        for case in o.cases:
            extra = f", {case.conflicts} in conflict" if case.conflicts else ""
            out.append(f"  {case.name or 'Case ' + case.case_id[:8]}: {case.new} new{extra}")
        if o.own_missing:
            out.append(
                f"{o.sender.display_name} holds {o.own_missing} change"
                f"{'s' if o.own_missing != 1 else ''} made on this laptop that this vault"
                " no longer has (was it restored from a backup?). Ask for a bundle of"
                " everything from them (Export, \"Everything\") and import it.")
        if o.rollback:
            out.append(o.rollback)
        out.extend(o.sender_breaks)
        out.extend(self.waiting)
        if self.clock_warning:
            out.append(self.clock_warning)
        return out


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    changes: Changes


class NeedsConfirmation(ValueError):
    """The import would hide many records at once; nothing was written."""

    def __init__(self, hidden: int) -> None:
        super().__init__(
            f"This bundle would mark {hidden} records as entered in error, hiding them from"
            " their cases. Nothing was imported. Check with the sender that this is expected,"
            " then import it again and confirm.")
        self.hidden = hidden


class _Rollback(Exception):
    def __init__(self, outcome: ImportOutcome, waiting: list[str]) -> None:
        super().__init__()
        self.outcome = outcome
        self.waiting = waiting


def _office_fingerprints(session: Session, identity_text: str | None) -> list[str]:
    if not identity_text:
        return []
    return [parse_identity(identity_text).card().fingerprint]


def _checked(session: Session, path: Path | str, identity_text: str | None) -> OpenedBundle:
    # Each change is verified by the store, against the keys this vault registered.
    opened = read_bundle(path, identities(session, identity_text), verify_changes=False)
    exchange.check_addressed(opened.manifest, session.device.device_id,
                             _office_fingerprints(session, identity_text))
    exchange.check_sender(session.conn, opened.manifest)
    return opened


def preview_import(session: Session, path: Path | str, identity_text: str | None = None
                   ) -> ImportPreview:
    """What importing would do, computed by applying it and rolling back: nothing written."""
    opened = _checked(session, path, identity_text)
    hlc = session.store.hlc.last()
    try:
        with session.write():
            outcome = exchange.apply(session.store, opened, session.clock.iso_now())
            raise _Rollback(outcome, exchange.waiting(session.conn))
    except _Rollback as done:
        return ImportPreview(Path(path), done.outcome, done.waiting,
                             _skew(session, opened), dry_run=True)
    finally:
        session.store.rolled_back(hlc)


def import_bundle(session: Session, path: Path | str, identity_text: str | None = None, *,
                  confirmed: bool = False) -> ImportResult:
    """Verify everything, then apply the bundle in one transaction (nothing on failure).
    A bundle that would hide more than MASS_HIDE records raises NeedsConfirmation unless a
    person has confirmed it. A large one is preceded by a checked backup."""
    opened = _checked(session, path, identity_text)
    if len(opened.revisions) >= LARGE_IMPORT:
        session.vault.snapshot("before-import", keep=BACKUPS_KEPT)
    hlc = session.store.hlc.last()
    try:
        with session.write():
            outcome = exchange.apply(session.store, opened, session.clock.iso_now())
            if len(outcome.hidden) > MASS_HIDE and not confirmed:
                raise NeedsConfirmation(len(outcome.hidden))
            report = outcome.report
            session.log("bundle.import", entity_kind="bundle",
                        entity_id=f"{outcome.sender.device_id}:{outcome.bundle_seq}", detail={
                            "new": outcome.new, "held": report.held, "parked": report.parked,
                            "refused": report.refused, "unparked": report.unparked,
                            "already_imported": outcome.already_imported,
                            "hidden": len(outcome.hidden),
                            "rolled_back": outcome.rollback is not None,
                        })
            waiting = exchange.waiting(session.conn)
    except BaseException:
        session.store.rolled_back(hlc)
        raise
    preview = ImportPreview(Path(path), outcome, waiting, _skew(session, opened), dry_run=False)
    touched = projections.case_of_records(session.conn, outcome.report.records)
    kinds = {r.kind for r in opened.revisions if r.record_id in outcome.report.records}
    changes = Changes(frozenset(outcome.report.records),
                      frozenset(c for c in touched.values() if c), frozenset(kinds), sync=True)
    return ImportResult(preview, changes)


def _skew(session: Session, opened: OpenedBundle) -> str | None:
    wall_ms, _ = parse_hlc(opened.manifest.created_hlc)
    made = dt.datetime.fromtimestamp(wall_ms / 1000, tz=dt.UTC)
    if made - session.clock.now() > _SKEW:
        return (f"The sender's clock was ahead of this laptop's by about"
                f" {(made - session.clock.now()).days} days. Times shown for its changes may be"
                " wrong; nothing was decided by them.")
    return None


# ----- inspecting without a vault --------------------------------------------------------


@dataclass(frozen=True)
class Inspection:
    lines: list[str]
    data: dict[str, Any]


def inspect(path: Path | str, identity_text: str) -> Inspection:
    """What a bundle holds, for the office (no vault needed): sender, sequence, cases, counts,
    and signature status (every signature was checked against the cards the bundle carries)."""
    opened = read_bundle(path, identities(None, identity_text))
    m = opened.manifest
    sender = m.sender
    head = m.head  # parsed on each access
    by_kind: dict[str, int] = {}
    cases: set[str] = set()
    for rev in opened.revisions:
        by_kind[rev.kind] = by_kind.get(rev.kind, 0) + 1
        case_id = rev.record_id if rev.kind == "case" else rev.payload.get("case_id")
        if isinstance(case_id, str):
            cases.add(case_id)
    data = {
        "sender": {"device_id": sender.device_id, "name": sender.display_name,
                   "author": sender.author, "fingerprint": sender.fingerprint},
        "bundle_seq": m.bundle_seq, "created_at": m.created_at, "volume": m.volume,
        "recipients": m.recipients, "revisions": len(opened.revisions), "by_kind": by_kind,
        "cases": sorted(cases), "scope": "all cases" if m.cases is None else "named cases",
        "signature": "valid (manifest and every change)", "app_version": m.data["app_version"],
        "head": _head_data(head),
    }
    lines = [
        f"Sender: {sender.display_name} ({sender.author}), fingerprint {sender.fingerprint}",
        f"Bundle: {m.bundle_seq}, volume {m.volume['index']} of {m.volume['count']},"
        f" made {m.created_at}",
        "Recipients: " + ", ".join(f"{r['name']} ({r['fingerprint']})" for r in m.recipients),
        f"Changes: {len(opened.revisions)} in {len(cases)} case(s)",
        *(f"  {KINDS[k].plural if k in KINDS else k}: {n}" for k, n in sorted(by_kind.items())),
        "Signatures: valid (manifest and every change, against the cards the bundle carries;"
        " compare the sender's fingerprint with the one you hold)",
    ]
    if head is None:
        lines.append("Signed head: none (made by an older version)")
    else:
        lines.append(f"Signed head: {head.audit_seq} audit entries, changes up to number"
                     f" {head.own_seq}, write {head.counter}, signed {head.at}")
        lines.extend(f"  Problem the sender's vault found in itself: {t}"
                     for _k, t in head.breaks)
    return Inspection(lines, data)


def _head_data(head: Any) -> dict[str, Any] | None:
    if head is None:
        return None
    return {"audit_entries": head.audit_seq, "highest_change": head.own_seq,
            "write": head.counter, "signed_at": head.at,
            "problems": [t for _k, t in head.breaks]}


# ----- status: what the office has, what waits ------------------------------------------


@dataclass(frozen=True)
class SyncStatus:
    office_known: bool
    unsent: int  # own changes neither sent to nor acknowledged by the office
    oldest_unsent: dt.datetime | None
    missing_at_office: frozenset[str]  # cases with a change the office has not acknowledged
    waiting: list[str]
    conflicts: int
    last_receipt: str | None = None

    def summary(self, now: dt.datetime) -> str:
        if not self.office_known:
            return "Office: not set up (trust the office's card in Sync)"
        if self.oldest_unsent is None:
            return ("Office: has all your changes" if not self.missing_at_office
                    else "Office: all your changes sent; receipt awaited")
        return f"Office: oldest change not sent {_age(now - self.oldest_unsent)} ago"


def _age(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"


def status(session: Session) -> SyncStatus:
    """What the office has and what waits. Costs what is missing at the office, not the size
    of the vault, once the office has acknowledged a first bundle."""
    conn = session.conn
    acked = exchange.office_acks(conn)
    offices = contacts.office_cards(conn)
    office_devices = [d for d in contacts.all_devices(conn) if d.is_office and not d.revoked]
    waiting, conflict_count = exchange.waiting(conn), projections.conflict_count(conn)
    if acked is None and not offices:
        return SyncStatus(False, 0, None, frozenset(), waiting, conflict_count)
    office_ids = {o.fingerprint for o in offices} | {d.device_id for d in office_devices}
    sent_through = max((b.own_through for b in sync_state.sent_bundles(conn)
                        if b.whole_vault and any(r.get("id") in office_ids
                                                 for r in b.recipients)), default=0)
    unsent, oldest = sync_state.unacked_own(conn, acked or {}, session.device.device_id,
                                            sent_through)
    last = max((sync_state.last_ack_at(conn, d.device_id) or "" for d in office_devices),
               default="") or None
    return SyncStatus(
        office_known=True, unsent=unsent,
        oldest_unsent=(dt.datetime.fromtimestamp(parse_hlc(oldest)[0] / 1000, tz=dt.UTC)
                       if oldest else None),
        missing_at_office=frozenset(sync_state.unacked_cases(conn, acked or {})),
        waiting=waiting, conflicts=conflict_count, last_receipt=last,
    )


def office_has_record(session: Session, record_id: str) -> bool | None:
    """Whether the office acknowledged every version of the record (None: no office yet)."""
    acked = exchange.office_acks(session.conn)
    if acked is None:
        return None
    return all(sync_state.contains(acked.get(d, []), n)
               for d, n in sync_state.seqs_of_record(session.conn, record_id))


# ----- conflicts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    revision_id: str
    value: Any
    author: str
    device: str
    hlc: str

    @property
    def when(self) -> str:
        wall, _ = parse_hlc(self.hlc)
        return day_time_text(dt.datetime.fromtimestamp(wall / 1000).astimezone())


@dataclass(frozen=True)
class FieldChoice:
    field: str
    label: str
    base: Any
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class ConflictItem:
    record_id: str
    kind: str
    kind_label: str
    title: str
    case_id: str | None
    case_name: str
    fields: tuple[FieldChoice, ...]
    payload: Mapping[str, Any]


def conflicts(session: Session) -> list[ConflictItem]:
    """Every record in conflict, each field with the competing values side by side."""
    conn = session.conn
    names = {d.device_id: d.display_name for d in contacts.all_devices(conn)}
    states = projections.conflicted_records(conn)
    case_names = caseload.case_names(session, {s.case_id for s in states if s.case_id})
    out: list[ConflictItem] = []
    for state in states:
        kind = KINDS.get(state.kind)
        fields = []
        for c in state.conflicts:
            candidates = []
            for rid, value in c.candidates:
                rev = revision_log.get(conn, rid)
                if rev is not None:
                    candidates.append(Candidate(rid, value, rev.author,
                                                names.get(rev.device_id, rev.device_id[:8]),
                                                rev.hlc))
            label = kind.field(c.field).label if kind and _has_field(kind, c.field) else c.field
            fields.append(FieldChoice(c.field, label, c.base, tuple(candidates)))
        out.append(ConflictItem(
            state.record_id, state.kind, kind_label(state.kind), state.title,
            state.case_id, case_names.get(state.case_id or "", ""), tuple(fields),
            state.payload))
    return out


def _has_field(kind: Any, name: str) -> bool:
    try:
        kind.field(name)
    except KeyError:
        return False
    return True


def resolve_conflict(
    session: Session, record_id: str, values: Mapping[str, Any], *, reason: str
) -> Saved:
    """A person's resolution: the chosen (or newly written) value for each conflicting field,
    with a reason, saved as a revision whose parents are all the heads."""
    state = records.get(session, record_id)
    payload = {**state.payload, **values}
    return records.resolve(session, record_id, payload, reason=reason)
