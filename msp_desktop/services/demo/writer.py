"""Writes demo payloads straight through the RecordStore, cleaned, and counts what it wrote."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msp_desktop.domain.fields import clean
from msp_desktop.domain.kinds import KINDS
from msp_desktop.storage.store import RecordStore


class Writer:
    """Writes clean payloads through the store (inside the caller's transaction) and counts."""

    def __init__(self, store: RecordStore) -> None:
        self.store = store
        self.records = 0
        self.revisions = 0

    def create(self, kind: str, record_id: str, payload: Mapping[str, Any]) -> str:
        self.store.create(kind, clean(KINDS[kind], payload), record_id=record_id)
        self.records += 1
        self.revisions += 1
        return record_id

    def edit(self, kind: str, record_id: str, payload: Mapping[str, Any]) -> None:
        self.store.edit(record_id, clean(KINDS[kind], payload))
        self.revisions += 1

    def finalise(self, record_id: str, payload: Mapping[str, Any]) -> None:
        self.store.finalise(record_id, clean(KINDS["contact_note"], payload))
        self.revisions += 1

    def amend(self, record_id: str, payload: Mapping[str, Any], reason: str, kind: str) -> None:
        self.store.amend(record_id, clean(KINDS["contact_note"], payload), reason=reason,
                         amendment_type=kind)
        self.revisions += 1
