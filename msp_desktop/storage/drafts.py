"""Autosaved work in progress, kept encrypted in the vault until the worker saves it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from msp_desktop.domain.canonical import dumps
from msp_desktop.domain.drafts import Draft


class DraftStore:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def put(
        self,
        draft_id: str,
        *,
        kind: str,
        record_id: str | None,
        case_id: str | None,
        base_heads: Sequence[str],
        payload: Mapping[str, Any],
        updated_at: str,
    ) -> None:
        self._conn.execute(
            "INSERT INTO drafts (draft_id, kind, record_id, case_id, base_heads, payload,"
            " updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (draft_id) DO UPDATE SET"
            " payload = excluded.payload, updated_at = excluded.updated_at,"
            " base_heads = excluded.base_heads",
            (draft_id, kind, record_id, case_id, dumps(sorted(base_heads)), dumps(dict(payload)),
             updated_at),
        )

    def get(self, draft_id: str) -> Draft | None:
        row = self._conn.execute(
            "SELECT draft_id, kind, record_id, case_id, base_heads, payload, updated_at"
            " FROM drafts WHERE draft_id = ?", (draft_id,),
        ).fetchone()
        return _draft(row) if row else None

    def for_case(self, case_id: str) -> list[Draft]:
        rows = self._conn.execute(
            "SELECT draft_id, kind, record_id, case_id, base_heads, payload, updated_at"
            " FROM drafts WHERE case_id = ? ORDER BY updated_at", (case_id,),
        )
        return [_draft(r) for r in rows]

    def all(self) -> list[Draft]:
        rows = self._conn.execute(
            "SELECT draft_id, kind, record_id, case_id, base_heads, payload, updated_at"
            " FROM drafts ORDER BY updated_at"
        )
        return [_draft(r) for r in rows]

    def discard(self, draft_id: str) -> None:
        # Drafts are private scratch space, not records: removing one after it has been
        # saved as a revision (or abandoned by the worker) loses nothing of the record.
        self._conn.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,))

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM drafts").fetchone()[0])


def _draft(r: Sequence[Any]) -> Draft:
    return Draft(
        draft_id=r[0], kind=r[1], record_id=r[2], case_id=r[3],
        base_heads=tuple(json.loads(r[4])), payload=json.loads(r[5]), updated_at=r[6],
    )
