"""Append-only, hash-chained audit log. IDs only: never case content or search terms."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.canonical import encode, sha256_hex

GENESIS = "0" * 64

ACTIONS = frozenset(
    {
        "vault.create", "unlock", "unlock.failed", "lock", "case.view", "record.create",
        "record.edit", "record.finalise", "record.amend", "record.resolve", "export",
        "print", "bundle.export", "bundle.import", "passphrase.change", "recovery",
        "backup", "search", "settings.change", "demo.generate", "json.import",
        "contact.trust", "contact.revoke", "vault.rekey",
        "restore", "device.replace",
    }
)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    hlc: str
    device_id: str
    author: str
    action: str
    entity_kind: str | None
    entity_id: str | None
    case_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


def _digest(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return sha256_hex(prev_hash.encode() + encode(dict(fields)))


class AuditLog:
    def __init__(self, conn: Any) -> None:
        self._conn = conn
        # (seq, hash) of the entry this log appended last, for the signed head of the same
        # transaction (storage/head.py), so it need not read it back.
        self._appended: tuple[int, str] | None = None

    @property
    def appended(self) -> tuple[int, str] | None:
        """The newest entry as (sequence, hash), if this log appended it since `begin`."""
        return self._appended

    def begin(self) -> None:
        """A write begins, or part of one was rolled back: forget the entry appended."""
        self._appended = None

    def append(
        self,
        *,
        at: str,
        hlc: str,
        device_id: str,
        author: str,
        action: str,
        entity_kind: str | None = None,
        entity_id: str | None = None,
        case_id: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> str:
        """Append one entry; must run inside the transaction of the action it records."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        row = self._conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        self._note_break(row)
        fields = {
            "seq": seq, "at": at, "hlc": hlc, "device_id": device_id, "author": author,
            "action": action, "entity_kind": entity_kind, "entity_id": entity_id,
            "case_id": case_id, "detail": dict(detail or {}),
        }
        digest = _digest(prev, fields)
        self._conn.execute(
            "INSERT INTO audit (seq, at, hlc, device_id, author, action, entity_kind, entity_id,"
            " case_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (seq, at, hlc, device_id, author, action, entity_kind, entity_id, case_id,
             encode(fields["detail"]).decode(), prev, digest),
        )
        # The head is kept apart from the chain so that removing the newest rows is detected.
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (f"{seq}:{digest}",),
        )
        self._appended = (seq, digest)
        return digest

    def _note_break(self, last: Any) -> None:
        """If the newest entries were removed, the next append would hide it by chaining
        onto what is left; so record the break first, and verify() keeps reporting it."""
        head = self._conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
        found = f"{last[0]}:{last[1]}" if last else None
        expected = head[0] if head else None
        if expected == found or (expected is None and found is None):
            return
        breaks_row = self._conn.execute(
            "SELECT value FROM meta WHERE key = 'audit_breaks'"
        ).fetchone()
        breaks = json.loads(breaks_row[0]) if breaks_row else []
        breaks.append({"expected_head": expected, "found_head": found})
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('audit_breaks', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (encode(breaks).decode(),),
        )

    def entries(self, case_id: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        sql = "SELECT * FROM audit"
        args: list[Any] = []
        if case_id is not None:
            sql += " WHERE case_id = ?"
            args.append(case_id)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [_entry(r) for r in self._conn.execute(sql, args)]

    def verify(self) -> list[str]:
        """Problems with the chain (empty when intact)."""
        problems: list[str] = []
        prev = GENESIS
        expected_seq = 1
        last = (0, GENESIS)
        for r in self._conn.execute("SELECT * FROM audit ORDER BY seq"):
            e = _entry(r)
            if e.seq != expected_seq:
                problems.append(f"audit entries {expected_seq}..{e.seq - 1} are missing")
            if e.prev_hash != prev:
                problems.append(f"audit entry {e.seq} does not follow the entry before it")
            fields = {
                "seq": e.seq, "at": e.at, "hlc": e.hlc, "device_id": e.device_id,
                "author": e.author, "action": e.action, "entity_kind": e.entity_kind,
                "entity_id": e.entity_id, "case_id": e.case_id, "detail": e.detail,
            }
            if _digest(e.prev_hash, fields) != e.hash:
                problems.append(f"audit entry {e.seq} has been altered")
            prev = e.hash
            expected_seq = e.seq + 1
            last = (e.seq, e.hash)
        breaks = self._conn.execute("SELECT value FROM meta WHERE key = 'audit_breaks'").fetchone()
        for b in json.loads(breaks[0]) if breaks else []:
            last_kept = b["expected_head"].split(":")[0] if b["expected_head"] else "0"
            problems.append(
                f"the newest audit entries have been removed (those after entry {last_kept};"
                " detected when the log was next written)"
            )
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
        if row is not None and row[0] != f"{last[0]}:{last[1]}":
            problems.append("the newest audit entries have been removed")
        if row is None and last[0] != 0:
            problems.append("the audit head record is missing")
        return problems


def _entry(r: Any) -> AuditEntry:
    return AuditEntry(
        seq=r[0], at=r[1], hlc=r[2], device_id=r[3], author=r[4], action=r[5],
        entity_kind=r[6], entity_id=r[7], case_id=r[8], detail=json.loads(r[9]),
        prev_hash=r[10], hash=r[11],
    )
