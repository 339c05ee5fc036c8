"""The append-only revision table and the parked revisions that wait for missing parents.

Rows in, revisions out; nothing here updates or deletes a revision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from msp_desktop.domain.canonical import dumps, sha256_hex
from msp_desktop.domain.revisions import Revision, revision_from_json, revision_id_for
from msp_desktop.storage.identity import verify

REV_COLUMNS = (
    "revision_id, record_id, kind, op, parents, author, device_id, device_seq, hlc, payload,"
    " reason, amendment_type, schema_version, signature"
)


def row_to_revision(r: Sequence[Any]) -> Revision:
    return Revision(
        revision_id=r[0], record_id=r[1], kind=r[2], op=r[3], parents=tuple(json.loads(r[4])),
        author=r[5], device_id=r[6], device_seq=r[7], hlc=r[8], payload=json.loads(r[9]),
        reason=r[10], amendment_type=r[11], schema_version=r[12], signature=bytes(r[13]),
    )


_INSERT = f"INSERT INTO revisions ({REV_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"


def row_of(rev: Revision) -> tuple[Any, ...]:
    """The row for a revision. The payload's float scan happens here: it is the gate for
    revisions made elsewhere, whose content id was checked without one."""
    return (
        rev.revision_id, rev.record_id, rev.kind, rev.op, dumps(list(rev.parents), check=False),
        rev.author, rev.device_id, rev.device_seq, rev.hlc, dumps(rev.payload),
        rev.reason, rev.amendment_type, rev.schema_version, rev.signature,
    )


def insert(conn: Any, rev: Revision) -> None:
    conn.execute(_INSERT, row_of(rev))


def insert_rows(conn: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    """Many rows from row_of in one statement (a bulk import)."""
    conn.executemany(_INSERT, rows)


def history(conn: Any, record_id: str) -> list[Revision]:
    """Every revision of a record, in clock order."""
    rows = conn.execute(
        f"SELECT {REV_COLUMNS} FROM revisions WHERE record_id = ? ORDER BY hlc, revision_id",
        (record_id,),
    ).fetchall()
    return [row_to_revision(r) for r in rows]


def get(conn: Any, revision_id: str) -> Revision | None:
    row = conn.execute(
        f"SELECT {REV_COLUMNS} FROM revisions WHERE revision_id = ?", (revision_id,)
    ).fetchone()
    return row_to_revision(row) if row else None


def has(conn: Any, revision_id: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM revisions WHERE revision_id = ?", (revision_id,)
    ).fetchone() is not None


def has_seq(conn: Any, device_id: str, device_seq: int) -> bool:
    return conn.execute(
        "SELECT 1 FROM revisions WHERE device_id = ? AND device_seq = ?", (device_id, device_seq)
    ).fetchone() is not None


def held_among(conn: Any, revision_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(revision_ids))
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.update(r[0] for r in conn.execute(
            f"SELECT revision_id FROM revisions WHERE revision_id IN"
            f" ({','.join('?' * len(chunk))})", chunk))
    return out


def record_shapes(conn: Any, record_ids: Iterable[str]) -> dict[str, tuple[str, bool]]:
    """For each record held: its kind, and whether a create is among its revisions."""
    ids = sorted(set(record_ids))
    out: dict[str, tuple[str, bool]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for rid, kind, created in conn.execute(
            f"SELECT record_id, min(kind), max(op = 'create') FROM revisions WHERE record_id IN"
            f" ({','.join('?' * len(chunk))}) GROUP BY record_id", chunk):
            out[rid] = (kind, bool(created))
    return out


def record_exists(conn: Any, record_id: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM revisions WHERE record_id = ?", (record_id,)
    ).fetchone() is not None


def max_device_seq(conn: Any, device_id: str) -> int:
    row = conn.execute(
        "SELECT max(device_seq) FROM revisions WHERE device_id = ?", (device_id,)
    ).fetchone()
    return int(row[0] or 0)


def record_ids_in_clock_order(conn: Any) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT record_id FROM revisions GROUP BY record_id ORDER BY min(hlc), record_id"
    )]


def count(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM revisions").fetchone()[0])


def state_digest(conn: Any) -> str:
    """SHA-256 over the sorted revision ids: equal for two vaults holding the same revisions."""
    ids = "\n".join(r[0] for r in conn.execute(
        "SELECT revision_id FROM revisions ORDER BY revision_id"
    ))
    return sha256_hex(ids.encode("ascii"))


def verify_all(conn: Any) -> list[str]:
    """Revisions whose id or signature does not check out (empty when all are sound)."""
    keys = dict(conn.execute("SELECT device_id, verify_key FROM known_devices"))
    bad: list[str] = []
    for row in conn.execute(f"SELECT {REV_COLUMNS} FROM revisions"):
        rev = row_to_revision(row)
        if revision_id_for(rev.body()) != rev.revision_id:
            bad.append(f"revision {rev.revision_id[:12]} does not match its content")
            continue
        key = keys.get(rev.device_id)
        if key is None or not verify(key, rev.revision_id.encode("ascii"), rev.signature):
            bad.append(f"revision {rev.revision_id[:12]} has an invalid signature")
    return bad


# ----- parked: revisions that arrived before a parent ------------------------------------


def park(
    conn: Any, rev: Revision, missing: Sequence[str], received_at: str,
    sender_id: str | None = None, bundle_seq: int | None = None,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO parked (revision_id, data, waiting_for, received_at, device_id,"
        " device_seq, sender_id, bundle_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (rev.revision_id, dumps(rev.to_json()), dumps(sorted(missing)), received_at,
         rev.device_id, rev.device_seq, sender_id, bundle_seq),
    )


def parked(conn: Any) -> list[Revision]:
    return [revision_from_json(json.loads(data)) for (data,) in conn.execute(
        "SELECT data FROM parked ORDER BY device_id, device_seq"
    ).fetchall()]


def is_parked(conn: Any, revision_id: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM parked WHERE revision_id = ?", (revision_id,)
    ).fetchone() is not None


def unpark(conn: Any, revision_id: str) -> None:
    conn.execute("DELETE FROM parked WHERE revision_id = ?", (revision_id,))


def parked_count(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM parked").fetchone()[0])


def parked_by_device(conn: Any) -> list[tuple[str, int, int, int]]:
    """(device_id, count, lowest seq, highest seq) of the revisions waiting, per device."""
    return [(d, int(n), int(lo), int(hi)) for d, n, lo, hi in conn.execute(
        "SELECT device_id, count(*), min(device_seq), max(device_seq) FROM parked"
        " GROUP BY device_id ORDER BY device_id"
    )]


def parked_missing_parents(conn: Any) -> set[str]:
    """Parent ids some waiting revision needs and this vault does not hold."""
    wanted: set[str] = set()
    for (text,) in conn.execute("SELECT waiting_for FROM parked"):
        wanted.update(json.loads(text))
    return {p for p in wanted if not has(conn, p)}


def lifecycle_events(conn: Any) -> list[tuple[str, str, str, str, str, str | None, str | None]]:
    """Every finalise and amend revision, without payloads, in clock order:
    (record_id, revision_id, op, author, hlc, reason, amendment_type)."""
    return [tuple(r) for r in conn.execute(
        "SELECT record_id, revision_id, op, author, hlc, reason, amendment_type FROM revisions"
        " WHERE op IN ('finalise', 'amend') ORDER BY hlc, revision_id"
    )]


def iter_revisions_of_kind(conn: Any, kind: str) -> Iterator[Revision]:
    """Every revision of the records of one kind, in clock order, one at a time."""
    for row in conn.execute(
        f"SELECT {REV_COLUMNS} FROM revisions WHERE kind = ? ORDER BY hlc, revision_id", (kind,)
    ):
        yield row_to_revision(row)


def iter_revisions(conn: Any, record_ids: Sequence[str] | None = None) -> Iterator[Revision]:
    """Every revision held (or those of the given records), in clock order, so a parent comes
    before its children."""
    if record_ids is None:
        cur = conn.execute(f"SELECT {REV_COLUMNS} FROM revisions ORDER BY hlc, revision_id")
        for row in cur:
            yield row_to_revision(row)
        return
    ids = sorted(set(record_ids))
    rows: list[Any] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows.extend(conn.execute(
            f"SELECT {REV_COLUMNS} FROM revisions WHERE record_id IN"
            f" ({','.join('?' * len(chunk))})", chunk,
        ).fetchall())
    rows.sort(key=lambda r: (r[8], r[0]))
    for row in rows:
        yield row_to_revision(row)
