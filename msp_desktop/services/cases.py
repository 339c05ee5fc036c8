"""Opening a case for an adult, and reading a case: its view (overview, caseload row,
chronology) in one read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from msp_desktop.domain import chronology as chrono
from msp_desktop.domain.fields import clean, validate
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.lifecycle import RecordError
from msp_desktop.domain.revisions import RecordState
from msp_desktop.services import caseload, people, records
from msp_desktop.services.caseload import CaseRow
from msp_desktop.services.changes import Saved
from msp_desktop.services.errors import ValidationFailed
from msp_desktop.services.records import ref_problems
from msp_desktop.services.session import Session
from msp_desktop.storage import queries


@dataclass(frozen=True)
class CaseOverview:
    case: RecordState
    person: RecordState | None
    outcomes: list[RecordState]
    counts: dict[str, int]
    conflicts: list[RecordState]
    drafts: int
    records: list[RecordState] = field(repr=False)

    def of_kind(self, kind: str) -> list[RecordState]:
        return [r for r in self.records if r.kind == kind]


@dataclass(frozen=True)
class ChronologyEvent:
    date: str
    kind: str
    kind_label: str
    title: str
    record_id: str
    status: str
    author: str = ""  # who first saved the record
    significant: bool = False  # marked a significant event (chronology_mark)
    mark_reason: str = ""


@dataclass(frozen=True)
class CaseView:
    """Everything a case screen shows, read once and shared by its parts."""

    overview: CaseOverview
    row: CaseRow | None
    chronology: list[ChronologyEvent]  # what happened, oldest first
    # Events dated after the day of the read (plan actions due), soonest first.
    coming_up: list[ChronologyEvent] = field(default_factory=list)

    @property
    def case_id(self) -> str:
        return self.overview.case.record_id

    @property
    def person_name(self) -> str:
        return self.row.person_name if self.row is not None else ""

    @property
    def records(self) -> list[RecordState]:
        return self.overview.records

    def of_kind(self, kind: str) -> list[RecordState]:
        return self.overview.of_kind(kind)


# The adult's primary support reason, copied onto each new case (SG1d).
PSR_FIELDS = ("psr_detail", "psr_sac")


def open_case(
    session: Session,
    person: Mapping[str, Any],
    case: Mapping[str, Any],
    *,
    person_id: str | None = None,
) -> Saved:
    """Create the adult (unless person_id names an existing one) and their case, together.

    The case keeps the adult's primary support reason as it is now (SG1d counts it as it was
    at the case), unless the case payload gives its own.
    """
    store = session.store
    pk, ck = KINDS["person"], KINDS["case"]
    with session.write():
        if person_id is None:
            person_body = clean(pk, person)
            problems = validate(pk, person_body, store) or people.office_id_problems(
                session, person_body)
            if problems:
                raise ValidationFailed(problems)
            prev = store.create("person", person_body)
            person_id = prev.record_id
            session.log("record.create", entity_kind="person", entity_id=person_id,
                        detail={"revision_id": prev.revision_id})
        else:
            existing = store.get(person_id)
            if existing is None or existing.kind != "person":
                raise RecordError("That adult is not in this vault.")
            person_body = existing.payload
        snapshot = {f: person_body[f] for f in PSR_FIELDS if person_body.get(f)}
        if any(case.get(f) for f in PSR_FIELDS):
            snapshot = {}  # the case says its own
        case_body = clean(ck, {**snapshot, **case, "person_id": person_id})
        problems = validate(ck, case_body, store) or ref_problems(session, ck, case_body)
        if problems:
            raise ValidationFailed(problems)
        crev = store.create("case", case_body)
        session.log("record.create", entity_kind="case", entity_id=crev.record_id,
                    case_id=crev.record_id, detail={"revision_id": crev.revision_id})
    state = store.get(crev.record_id)
    adult = store.get(person_id)
    assert state is not None and adult is not None
    return Saved.of(state, adult)


def overview(session: Session, case_id: str, *, audit: bool = True) -> CaseOverview:
    store = session.store
    case = store.get(case_id)
    if case is None or case.kind != "case":
        raise RecordError("That case does not exist in this vault.")
    pid = case.payload.get("person_id")
    person = store.get(pid) if isinstance(pid, str) else None
    records = store.records_for_case(case_id)
    counts: dict[str, int] = {}
    for r in records:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    if audit:
        log_view(session, case_id)
    return CaseOverview(
        case=case,
        person=person,
        outcomes=[r for r in records if r.kind == "desired_outcome"],
        counts=counts,
        conflicts=[r for r in records if r.in_conflict],
        drafts=len(session.drafts.for_case(case_id)),
        records=records,
    )


def case_view(session: Session, case_id: str, *, audit: bool = True) -> CaseView:
    """The case as a screen shows it. audit=False reads only (a read-only session on a worker
    thread); the caller then records the view with `log_view` on the main session."""
    ov = overview(session, case_id, audit=audit)
    past, coming = chrono.split_coming_up(
        chronology_of(ov.records), session.clock.today().isoformat())
    return CaseView(
        overview=ov,
        row=caseload.row(session, case_id),
        chronology=past,
        coming_up=coming,
    )


def log_view(session: Session, case_id: str) -> None:
    """Record in the audit log that the worker looked at the case."""
    with session.write():
        session.log("case.view", entity_kind="case", entity_id=case_id, case_id=case_id)


def chronology_of(
    records: Iterable[RecordState], kinds: set[str] | None = None
) -> list[ChronologyEvent]:
    """Every dated event in date order (records without a date are left out), each with the
    mark in force on it."""
    records = list(records)
    marks = chrono.current_marks(records)
    events: list[ChronologyEvent] = []
    for r in records:
        if kinds is not None and r.kind not in kinds:
            continue
        if not r.sort_date:
            continue
        k = KINDS.get(r.kind)
        mark = marks.get(r.record_id)
        events.append(ChronologyEvent(
            date=r.sort_date, kind=r.kind, kind_label=k.label if k else r.kind,
            title=r.title, record_id=r.record_id, status=r.status, author=r.created_by,
            significant=mark is not None and mark.significant,
            mark_reason=mark.reason if mark is not None and mark.significant else "",
        ))
    events.sort(key=lambda e: (e.date, e.kind, e.record_id))
    return events


def chronology(
    session: Session, case_id: str, kinds: set[str] | None = None
) -> list[ChronologyEvent]:
    """Every dated event of the case in date order (records without a date are left out)."""
    return chronology_of(session.store.records_for_case(case_id), kinds)


def mark_event(
    session: Session, case_id: str, record_id: str, significant: bool, reason: str = ""
) -> Saved:
    """Mark (or unmark) a chronology event as significant. The event itself is left as it is
    (it may be finalised): the mark is a record of its own, saved as a new revision of the
    mark already in force when there is one, so it syncs and keeps its history."""
    current = chrono.current_marks(session.store.find(chrono.MARK_KIND, case_id)).get(record_id)
    body = {"case_id": case_id, "target_id": record_id, "significant": significant,
            "reason": reason.strip() if significant else ""}
    if current is None:
        return records.create(session, chrono.MARK_KIND, body)
    return records.edit(session, current.mark_id, body)


@dataclass(frozen=True)
class AuditRow:
    """One line of a case's audit trail as a screen shows it. The log holds ids only; `title`
    is the record's title now ('' when the vault does not hold the record)."""

    at: str  # ISO time of the entry
    author: str
    action: str
    entity_kind: str | None
    entity_id: str | None
    title: str


def audit_trail(session: Session, case_id: str) -> list[AuditRow]:
    """The case's audit entries, oldest first, with the current title of each record."""
    entries = session.audit.entries(case_id=case_id)
    titles = queries.record_titles(session.conn, (e.entity_id for e in entries if e.entity_id))
    return [AuditRow(e.at, e.author, e.action, e.entity_kind, e.entity_id,
                     titles.get(e.entity_id or "", "")) for e in entries]
