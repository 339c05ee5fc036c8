"""What sync knows besides the revisions: per-device progress, acknowledgements from peers, and
the bundles that came and went (tables from schema step 2).

Seq ranges are sorted, non-overlapping (lo, hi) pairs, inclusive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Ranges = list[tuple[int, int]]


# ----- ranges ----------------------------------------------------------------------------


def normalise(ranges: Iterable[Sequence[int]]) -> Ranges:
    """Sort and join touching or overlapping ranges."""
    out: Ranges = []
    for lo, hi in sorted((int(r[0]), int(r[1])) for r in ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def ranges_of(seqs: Iterable[int]) -> Ranges:
    return normalise((s, s) for s in seqs)


def complement(ranges: Ranges, through: int) -> Ranges:
    """The seqs 1..through not in ranges."""
    out: Ranges = []
    nxt = 1
    for lo, hi in ranges:
        if lo > through:
            break
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= through:
        out.append((nxt, through))
    return out


def contains(ranges: Ranges, seq: int) -> bool:
    lo_i, hi_i = 0, len(ranges)
    while lo_i < hi_i:
        mid = (lo_i + hi_i) // 2
        lo, hi = ranges[mid]
        if seq < lo:
            hi_i = mid
        elif seq > hi:
            lo_i = mid + 1
        else:
            return True
    return False


# ----- what this vault holds -------------------------------------------------------------


def held_ranges(conn: Any) -> dict[str, Ranges]:
    """For every device, the runs of device_seq whose revisions this vault holds: our
    acknowledgement vector. One pass over the (device_id, device_seq) index."""
    out: dict[str, Ranges] = {}
    for device_id, lo, hi in conn.execute(
        "SELECT device_id, min(device_seq), max(device_seq) FROM ("
        " SELECT device_id, device_seq,"
        "  device_seq - row_number() OVER (PARTITION BY device_id ORDER BY device_seq) AS grp"
        " FROM revisions) GROUP BY device_id, grp ORDER BY device_id, 2"
    ):
        out.setdefault(device_id, []).append((int(lo), int(hi)))
    return out


def held_ranges_of(conn: Any, device_id: str) -> Ranges:
    """The runs of one device's change numbers this vault holds."""
    return [(int(lo), int(hi)) for lo, hi in conn.execute(
        "SELECT min(device_seq), max(device_seq) FROM ("
        " SELECT device_seq, device_seq - row_number() OVER (ORDER BY device_seq) AS grp"
        " FROM revisions WHERE device_id = ?) GROUP BY grp ORDER BY 1", (device_id,))]


def held_seqs_after(conn: Any, device_id: str, after: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT device_seq FROM revisions WHERE device_id = ? AND device_seq > ?"
        " ORDER BY device_seq", (device_id, after),
    )]


def progress(conn: Any) -> dict[str, int]:
    return {d: int(n) for d, n in conn.execute("SELECT device_id, contiguous FROM device_progress")}


def set_progress(conn: Any, device_id: str, contiguous: int) -> None:
    conn.execute(
        "INSERT INTO device_progress (device_id, contiguous) VALUES (?, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET contiguous = max(contiguous, excluded.contiguous)",
        (device_id, contiguous),
    )


def excused(conn: Any, device_id: str) -> Ranges:
    return normalise(conn.execute(
        "SELECT lo, hi FROM seq_excused WHERE device_id = ?", (device_id,)
    ).fetchall())


def add_excused(conn: Any, device_id: str, ranges: Ranges) -> None:
    conn.executemany(
        "INSERT INTO seq_excused (device_id, lo, hi) VALUES (?, ?, ?)"
        " ON CONFLICT (device_id, lo) DO UPDATE SET hi = max(hi, excluded.hi)",
        [(device_id, lo, hi) for lo, hi in ranges],
    )


# ----- acknowledgements from peers --------------------------------------------------------


def merge_peer_acks(conn: Any, peer_id: str, vector: Mapping[str, Ranges], at: str) -> None:
    """Acknowledgements only grow: a peer that said it holds a revision keeps it."""
    held = peer_acks(conn, peer_id)
    for origin, ranges in vector.items():
        merged = normalise([*held.get(origin, []), *ranges])
        conn.execute(
            "INSERT INTO peer_acks (peer_id, origin_id, ranges, updated_at) VALUES (?,?,?,?)"
            " ON CONFLICT (peer_id, origin_id) DO UPDATE SET ranges = excluded.ranges,"
            " updated_at = excluded.updated_at",
            (peer_id, origin, json.dumps(merged), at),
        )


def peer_acks(conn: Any, peer_id: str) -> dict[str, Ranges]:
    return {o: normalise(json.loads(r)) for o, r in conn.execute(
        "SELECT origin_id, ranges FROM peer_acks WHERE peer_id = ?", (peer_id,)
    )}


def highest_acknowledged(conn: Any, origin_id: str) -> int:
    """The highest of origin's change numbers any peer said it holds (0 if none)."""
    top = 0
    for (ranges,) in conn.execute("SELECT ranges FROM peer_acks WHERE origin_id = ?",
                                  (origin_id,)):
        top = max([top, *(int(hi) for _lo, hi in json.loads(ranges))])
    return top


def not_held(conn: Any, device_id: str, ranges: Ranges) -> int:
    """How many of the device's change numbers in these ranges this vault does not hold."""
    missing = 0
    for lo, hi in normalise(ranges):
        held = conn.execute(
            "SELECT count(*) FROM revisions WHERE device_id = ? AND device_seq BETWEEN ? AND ?",
            (device_id, lo, hi)).fetchone()[0]
        missing += hi - lo + 1 - int(held)
    return missing


def last_ack_at(conn: Any, peer_id: str) -> str | None:
    row = conn.execute(
        "SELECT max(updated_at) FROM peer_acks WHERE peer_id = ?", (peer_id,)
    ).fetchone()
    return row[0] if row else None


# ----- bundles ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SentBundle:
    bundle_seq: int
    export_id: str
    created_at: str
    recipients: list[dict[str, str]]
    revisions: int
    whole_vault: bool
    own_through: int


def next_bundle_seq(conn: Any) -> int:
    row = conn.execute("SELECT max(bundle_seq) FROM bundles_sent").fetchone()
    return int(row[0] or 0) + 1


def record_sent(conn: Any, bundle: SentBundle) -> None:
    conn.execute(
        "INSERT INTO bundles_sent (bundle_seq, export_id, created_at, recipients, revisions,"
        " whole_vault, own_through) VALUES (?,?,?,?,?,?,?)",
        (bundle.bundle_seq, bundle.export_id, bundle.created_at, json.dumps(bundle.recipients),
         bundle.revisions, int(bundle.whole_vault), bundle.own_through),
    )


def sent_bundles(conn: Any) -> list[SentBundle]:
    return [
        SentBundle(r[0], r[1], r[2], json.loads(r[3]), r[4], bool(r[5]), r[6])
        for r in conn.execute(
            "SELECT bundle_seq, export_id, created_at, recipients, revisions, whole_vault,"
            " own_through FROM bundles_sent ORDER BY bundle_seq"
        )
    ]


def was_received(conn: Any, sender_id: str, bundle_seq: int) -> bool:
    return conn.execute(
        "SELECT 1 FROM bundles_received WHERE sender_id = ? AND bundle_seq = ?",
        (sender_id, bundle_seq),
    ).fetchone() is not None


def record_received(
    conn: Any, sender_id: str, bundle_seq: int, at: str, revisions: int, applied: int
) -> None:
    conn.execute(
        "INSERT INTO bundles_received (sender_id, bundle_seq, received_at, revisions, applied)"
        " VALUES (?,?,?,?,?) ON CONFLICT (sender_id, bundle_seq) DO NOTHING",
        (sender_id, bundle_seq, at, revisions, applied),
    )


def received_count(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM bundles_received").fetchone()[0])


def _gaps(conn: Any, acked: Mapping[str, Ranges], device_ids: Iterable[str] | None
          ) -> Iterator[tuple[str, int, int]]:
    """(device, lo, hi) runs of revisions held here that the acknowledgements do not cover."""
    highest = dict(conn.execute(
        "SELECT device_id, max(device_seq) FROM revisions GROUP BY device_id"))
    wanted = highest if device_ids is None else {d: highest[d] for d in device_ids if d in highest}
    for device_id, top in sorted(wanted.items()):
        for lo, hi in complement(normalise(acked.get(device_id, [])), int(top)):
            yield device_id, lo, hi


def unacked_cases(conn: Any, acked: Mapping[str, Ranges]) -> set[str]:
    """Cases with a revision the acknowledgements do not cover. Reads only the gaps, through
    the (device_id, device_seq) index: it costs what is missing, not the vault's size."""
    out: set[str] = set()
    for device_id, lo, hi in _gaps(conn, acked, None):
        out.update(r[0] for r in conn.execute(
            "SELECT DISTINCT r.case_id FROM revisions v JOIN records r"
            " ON r.record_id = v.record_id WHERE v.device_id = ? AND v.device_seq BETWEEN ? AND ?"
            " AND r.case_id IS NOT NULL", (device_id, lo, hi)))
    return out


def unacked_own(conn: Any, acked: Mapping[str, Ranges], device_id: str, after_seq: int
                ) -> tuple[int, str | None]:
    """How many of a device's revisions after ``after_seq`` are not acknowledged, and the
    clock of the oldest."""
    count, oldest = 0, None
    for _, lo, hi in _gaps(conn, acked, [device_id]):
        lo = max(lo, after_seq + 1)
        if lo > hi:
            continue
        n, first = conn.execute(
            "SELECT count(*), min(hlc) FROM revisions WHERE device_id = ?"
            " AND device_seq BETWEEN ? AND ?", (device_id, lo, hi)).fetchone()
        count += int(n)
        if first is not None and (oldest is None or first < oldest):
            oldest = first
    return count, oldest


def seqs_of_record(conn: Any, record_id: str) -> list[tuple[str, int]]:
    return [(d, int(n)) for d, n in conn.execute(
        "SELECT device_id, device_seq FROM revisions WHERE record_id = ?", (record_id,))]
