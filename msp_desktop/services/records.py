"""Create, edit, finalise and amend records. One call = one transaction, audited; each write
returns the record as it now stands and what changed (`Saved`)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from msp_desktop.domain.drafts import Draft
from msp_desktop.domain.fields import (
    FieldType,
    Problem,
    clean,
    validate,
    validate_for_finalise,
)
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.lifecycle import RecordError, RecordNotFound
from msp_desktop.domain.revisions import RecordState, Revision
from msp_desktop.services import people
from msp_desktop.services.changes import Changes, Saved
from msp_desktop.services.errors import ValidationFailed
from msp_desktop.services.session import Session


def _kind(name: str) -> Any:
    kind = KINDS.get(name)
    if kind is None:
        raise RecordError(f"Unknown record kind {name!r}.")
    return kind


class _RuleContext:
    """The store as the rules see it, plus which record is being checked (so a rule on an
    enquiry counts only that enquiry's risks)."""

    def __init__(self, session: Session, record_id: str | None) -> None:
        self._store = session.store
        self.record_id = record_id

    def get(self, record_id: str) -> Any:
        return self._store.get(record_id)

    def find(self, kind: str, case_id: str) -> Any:
        return self._store.find(kind, case_id)


def check(
    session: Session, kind: str, payload: Mapping[str, Any], record_id: str | None = None
) -> list[Any]:
    """Problems that would stop this payload being saved (for inline validation)."""
    k = _kind(kind)
    body = clean(k, payload)
    problems: list[Any] = validate(k, body, _RuleContext(session, record_id))
    if not problems and kind == "person":
        problems = people.office_id_problems(session, body, record_id)
    return problems


def check_finalise(
    session: Session, kind: str, payload: Mapping[str, Any], record_id: str | None = None
) -> list[Any]:
    k = _kind(kind)
    return validate_for_finalise(k, clean(k, payload), _RuleContext(session, record_id))


def _prepare(
    session: Session, kind: str, payload: Mapping[str, Any], action: str,
    record_id: str | None = None,
) -> dict[str, Any]:
    k = _kind(kind)
    body = clean(k, payload)
    ctx = _RuleContext(session, record_id)
    problems = (
        validate_for_finalise(k, body, ctx) if action == "finalise" else validate(k, body, ctx)
    )
    if not problems:
        problems = ref_problems(session, k, body)
    if not problems and kind == "person":
        problems = people.office_id_problems(session, body, record_id)
    if problems:
        raise ValidationFailed(problems, action)
    return body


def ref_problems(
    session: Session, kind: Any, body: Mapping[str, Any],
    lookup: Callable[[str], Any] | None = None,
) -> list[Problem]:
    """Every reference must name a record of the right kind that is in this vault (the domain
    check only sees a non-empty string): a note filed under a missing case would be lost from
    every caseload view. lookup: find records another way (an import sees its own file's
    records as if already here)."""
    problems: list[Problem] = []
    get = lookup or session.store.get
    for f in kind.fields:
        value = body.get(f.name)
        if f.type is not FieldType.REF or not isinstance(value, str) or not value:
            continue
        target = get(value)
        if target is None or (f.ref_kind is not None and target.kind != f.ref_kind):
            wanted = KINDS[f.ref_kind].label.lower() if f.ref_kind in KINDS else "record"
            problems.append(Problem(f.name, f"{f.label}: there is no such {wanted} in this "
                                    "vault."))
    return problems


def create(
    session: Session, kind: str, payload: Mapping[str, Any], *, draft_id: str | None = None,
    record_id: str | None = None,
) -> Saved:
    record_id = record_id or session.store.new_record_id()
    body = _prepare(session, kind, payload, "save", record_id)
    with session.write():
        rev = session.store.create(kind, body, record_id=record_id)
        state = _after(session, "record.create", rev, draft_id)
        record_death(session, kind, body)
    return Saved.of(state)


def edit(
    session: Session,
    record_id: str,
    payload: Mapping[str, Any],
    *,
    expected_heads: Sequence[str] | None = None,
    draft_id: str | None = None,
    reason: str | None = None,
) -> Saved:
    current = get(session, record_id)
    body = _prepare(session, current.kind, payload, "save", record_id)
    with session.write():
        rev = session.store.edit(record_id, body, expected_heads=expected_heads, reason=reason)
        state = _after(session, "record.edit", rev, draft_id)
        record_death(session, current.kind, body)
    return Saved.of(state, current)  # both cases, if the edit moved the record


def record_death(session: Session, kind: str, body: Mapping[str, Any]) -> None:
    """A closure because the adult died puts the date of death on the adult's record when it
    is not there yet, in the closure's transaction (the closure rules have already checked it
    against the date of birth and any date already recorded). Saving a closure and importing
    one (services/data_import.py) both call it."""
    if kind != "closure" or body.get("closure_reason") != "ADULT_DIED":
        return
    died = body.get("date_of_death")
    case = session.store.get(str(body.get("case_id")))
    person_id = case.payload.get("person_id") if case is not None else None
    person = session.store.get(person_id) if isinstance(person_id, str) else None
    if not died or person is None or person.payload.get("date_of_death"):
        return
    payload = clean(KINDS["person"], {**person.payload, "date_of_death": died})
    rev = session.store.edit(person.record_id, payload, reason="Date of death from the closure")
    _after(session, "record.edit", rev, None, {"from": "closure"})


def finalise(
    session: Session,
    record_id: str,
    payload: Mapping[str, Any] | None = None,
    *,
    expected_heads: Sequence[str] | None = None,
    draft_id: str | None = None,
) -> Saved:
    current = get(session, record_id)
    body = _prepare(session, current.kind, current.payload if payload is None else payload,
                    "finalise", record_id)
    with session.write():
        rev = session.store.finalise(record_id, body, expected_heads=expected_heads)
        state = _after(session, "record.finalise", rev, draft_id)
    return Saved.of(state, current)


def create_and_finalise(
    session: Session, kind: str, payload: Mapping[str, Any], *, draft_id: str | None = None
) -> Saved:
    """Save a new note and finalise it in one transaction."""
    record_id = session.store.new_record_id()
    body = _prepare(session, kind, payload, "finalise", record_id)
    with session.write():
        rev = session.store.create(kind, body, record_id=record_id)
        _after(session, "record.create", rev, None)
        rev = session.store.finalise(rev.record_id, body)
        state = _after(session, "record.finalise", rev, draft_id)
    return Saved.of(state)


def amend(
    session: Session,
    record_id: str,
    payload: Mapping[str, Any],
    *,
    reason: str,
    amendment_type: str,
    expected_heads: Sequence[str] | None = None,
    draft_id: str | None = None,
) -> Saved:
    current = get(session, record_id)
    body = _prepare(session, current.kind, payload, "amend", record_id)
    with session.write():
        rev = session.store.amend(
            record_id, body, reason=reason, amendment_type=amendment_type,
            expected_heads=expected_heads,
        )
        state = _after(
            session, "record.amend", rev, draft_id, {"amendment_type": amendment_type}
        )
    return Saved.of(state, current)


def resolve(
    session: Session, record_id: str, payload: Mapping[str, Any], *, reason: str
) -> Saved:
    current = get(session, record_id)
    body = _prepare(session, current.kind, payload, "save", record_id)
    with session.write():
        rev = session.store.resolve(record_id, body, reason=reason)
        state = _after(session, "record.resolve", rev, None)
    return Saved.of(state, current)


def _after(
    session: Session, action: str, rev: Revision, draft_id: str | None,
    detail: Mapping[str, Any] | None = None,
) -> RecordState:
    """Audit the write (in its transaction), drop the saved draft, return the new state."""
    state = session.store.get(rev.record_id)
    assert state is not None
    session.log(
        action, entity_kind=rev.kind, entity_id=rev.record_id, case_id=state.case_id,
        detail={"revision_id": rev.revision_id, **(detail or {})},
    )
    if draft_id:
        session.drafts.discard(draft_id)
    return state


def get(session: Session, record_id: str) -> RecordState:
    state = session.store.get(record_id)
    if state is None:
        raise RecordNotFound("That record does not exist in this vault.")
    return state


def history(session: Session, record_id: str) -> list[Revision]:
    return session.store.history(record_id)


# ----- drafts ------------------------------------------------------------------------------


def new_draft_id() -> str:
    return uuid.uuid4().hex


def save_draft(
    session: Session,
    draft_id: str,
    *,
    kind: str,
    case_id: str | None,
    payload: Mapping[str, Any],
    record_id: str | None = None,
    base_heads: Sequence[str] = (),
) -> Changes:
    """Autosave: no revision, no audit entry, just the encrypted drafts table."""
    with session.write():
        session.drafts.put(
            draft_id, kind=kind, record_id=record_id, case_id=case_id, base_heads=base_heads,
            payload=payload, updated_at=session.clock.iso_now(),
        )
    return Changes.of_drafts(case_id)


def drafts_for_case(session: Session, case_id: str) -> list[Draft]:
    return session.drafts.for_case(case_id)


def discard_draft(session: Session, draft_id: str) -> Changes:
    draft = session.drafts.get(draft_id)
    with session.write():
        session.drafts.discard(draft_id)
    return Changes.of_drafts(draft.case_id if draft else None)
