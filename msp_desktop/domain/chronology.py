"""The chronology of a case as a worker reads it: which events are marked significant, what
has happened (newest first by default) and what is only planned (Coming up).

Pure: works on record states and on anything with a date, a kind and a record id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

MARK_KIND = "chronology_mark"


@dataclass(frozen=True)
class Mark:
    """Whether an event is significant, as the newest mark on it says."""

    target_id: str
    significant: bool
    reason: str
    mark_id: str


class _MarkRecord(Protocol):
    @property
    def record_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def updated_hlc(self) -> str: ...


class _Event(Protocol):
    @property
    def date(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def record_id(self) -> str: ...


E = TypeVar("E", bound=_Event)


def current_marks(records: Iterable[_MarkRecord]) -> dict[str, Mark]:
    """The mark in force on each event (target id -> Mark).

    Two devices may each mark the same event before they sync: both marks are kept (nothing
    is lost) and the one saved last (hybrid clock, then record id, so every replica agrees)
    decides.
    """
    newest: dict[str, tuple[tuple[str, str], Mark]] = {}
    for r in records:
        if r.kind != MARK_KIND:
            continue
        target = r.payload.get("target_id")
        if not isinstance(target, str) or not target:
            continue
        key = (r.updated_hlc, r.record_id)
        held = newest.get(target)
        if held is None or key > held[0]:
            mark = Mark(target_id=target, significant=bool(r.payload.get("significant")),
                        reason=str(r.payload.get("reason") or ""), mark_id=r.record_id)
            newest[target] = (key, mark)
    return {target: mark for target, (_key, mark) in newest.items()}


def _key(e: _Event) -> tuple[str, str, str]:
    return (e.date, e.kind, e.record_id)


def is_coming_up(date: str, today: str) -> bool:
    """An event dated after today is planned (a plan action's due date), not something that
    happened."""
    return bool(today) and date[:10] > today


def split_coming_up(events: Iterable[E], today: str) -> tuple[list[E], list[E]]:
    """(what happened, oldest first; what is coming up, soonest first)."""
    past: list[E] = []
    coming: list[E] = []
    for e in events:
        (coming if is_coming_up(e.date, today) else past).append(e)
    return sorted(past, key=_key), sorted(coming, key=_key)


def in_order(events: Sequence[E], *, newest_first: bool) -> list[E]:
    """The events in date order, newest first when asked (ties stay in one fixed order)."""
    return sorted(events, key=_key, reverse=newest_first)
