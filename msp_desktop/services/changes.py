"""What a write changed, returned by every write service so each open view can decide
whether to refresh (the way Anki's operations return OpChanges).

The UI broadcasts the value on one `changed` signal; a bundle import that touches many cases
returns one value naming them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from msp_desktop.domain.revisions import RecordState


@dataclass(frozen=True)
class Changes:
    records: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    drafts: frozenset[str] = frozenset()  # cases whose drafts were saved or discarded
    sync: bool = False  # contacts, acknowledgements or what waits changed (a bundle came/went)

    @classmethod
    def of(cls, states: Iterable[RecordState]) -> Changes:
        records: set[str] = set()
        cases: set[str] = set()
        kinds: set[str] = set()
        for s in states:
            records.add(s.record_id)
            kinds.add(s.kind)
            if s.case_id:
                cases.add(s.case_id)
        return cls(frozenset(records), frozenset(cases), frozenset(kinds))

    @classmethod
    def of_drafts(cls, case_id: str | None) -> Changes:
        return cls(drafts=frozenset({case_id}) if case_id else frozenset())

    def touches_case(self, case_id: str) -> bool:
        """A record of this case changed (its view must be read again)."""
        return case_id in self.cases

    @property
    def caseload(self) -> bool:
        """The caseload list may show something different."""
        return bool(self.cases or self.drafts or self.sync)

    def __bool__(self) -> bool:
        return bool(self.records or self.cases or self.drafts or self.sync)


@dataclass(frozen=True)
class Saved:
    """A record write: the record as it now stands, and what changed."""

    state: RecordState
    changes: Changes

    @classmethod
    def of(cls, state: RecordState, *also: RecordState) -> Saved:
        return cls(state, Changes.of((state, *also)))
