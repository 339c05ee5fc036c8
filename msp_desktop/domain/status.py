"""The lifecycle status of a record, derived from its revisions (one owner for the codes and
the words people read)."""

from __future__ import annotations

import enum
from collections.abc import Iterable


class RecordStatus(enum.StrEnum):
    """Where a record is in its life: saved (editable), finalised, amended, entered in error.

    Stored as the plain code in projections; compare with the members, never string literals.
    """

    SAVED = "saved"
    FINAL = "final"
    AMENDED = "amended"
    ENTERED_IN_ERROR = "entered_in_error"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def finalised(self) -> bool:
        """Changed only by an amendment with a reason from here on."""
        return self is not RecordStatus.SAVED


_LABELS = {
    RecordStatus.SAVED: "Saved",
    RecordStatus.FINAL: "Finalised",
    RecordStatus.AMENDED: "Amended",
    RecordStatus.ENTERED_IN_ERROR: "Entered in error",
}

FINAL_STATUSES = frozenset(s for s in RecordStatus if s.finalised)


def status_after(ops: Iterable[tuple[str, str | None]]) -> RecordStatus:
    """The status after a record's revisions, given as (op, amendment_type) in clock order."""
    status = RecordStatus.SAVED
    for op, amendment_type in ops:
        if op == "finalise":
            status = RecordStatus.FINAL
        elif op == "amend":
            status = (RecordStatus.ENTERED_IN_ERROR if amendment_type == "ENTERED_IN_ERROR"
                      else RecordStatus.AMENDED)
    return status
