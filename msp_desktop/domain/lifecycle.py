"""Lifecycle rules of a record (design.md §4): what may change a record in its current state.

A saved record is edited directly; a finalised one changes only by an amendment with a type and
a reason, and the original stays readable; a conflict is resolved by a person, with a reason.
Nothing is deleted. The store applies these before it appends a revision.
"""

from __future__ import annotations

from collections.abc import Sequence

from msp_desktop.domain.enums import AMENDMENT_TYPE
from msp_desktop.domain.fields import RecordKind
from msp_desktop.domain.revisions import RecordState


class RecordError(Exception):
    """A change the rules refuse; the message is shown to the worker as it is."""


class RecordNotFound(RecordError):
    pass


class RecordFinalised(RecordError):
    pass


class ReasonRequired(RecordError):
    pass


class StaleEdit(RecordError):
    pass


def check_new(exists: bool) -> None:
    if exists:
        raise RecordError("A record with this id already exists.")


def check_edit(state: RecordState) -> None:
    if state.finalised:
        raise RecordFinalised(
            "This record has been finalised, so it can only be changed by an amendment "
            "with a reason. The original stays readable."
        )


def check_finalise(state: RecordState, kind: RecordKind) -> None:
    if state.finalised:
        raise RecordFinalised("This record is already finalised.")
    if not kind.finalisable:
        raise RecordError(f"A {kind.label.lower()} is not finalised.")


def check_amend(
    state: RecordState, kind: RecordKind, reason: str | None, amendment_type: str | None
) -> str:
    """Return the reason as it is kept (stripped)."""
    if not reason or not reason.strip():
        raise ReasonRequired("Give a reason for the amendment; it is kept with the record.")
    if amendment_type not in AMENDMENT_TYPE:
        raise RecordError(
            "Choose the type of amendment: correction, addendum or entered in error."
        )
    if kind.finalisable and not state.finalised:
        raise RecordError("This record is not finalised yet: edit it directly.")
    return reason.strip()


def check_resolve(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ReasonRequired("Say why you chose these values; the reason is kept.")
    return reason.strip()


def check_heads(state: RecordState, expected: Sequence[str] | None) -> None:
    """The worker saw the record as it is now (else someone changed it meanwhile)."""
    if expected is not None and sorted(expected) != sorted(state.heads):
        raise StaleEdit(
            "This record changed since you opened it. Your text is kept as a draft; "
            "reopen the record to see both versions."
        )
