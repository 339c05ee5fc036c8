"""The signed head: what this device vouches its vault holds, signed with its device key.

The body names the audit chain's newest entry (sequence and hash), this device's revision
high-water mark (the highest change number it ever used), the change numbers it passed over
when a restored vault numbered its work after what peers acknowledged (``skipped``), a
counter that grows with every committed write, and any break found when the vault was opened
(``breaks``: kept and re-signed from then on, so the evidence cannot fall out of a later head).

Two copies: one in the database (table ``signed_head``, written in the same transaction as the
change it covers) and one outside it, ``head.json`` in the vault folder (written right after
the commit). Someone holding the passphrase can drop the audit triggers and delete rows, but
cannot make an older signed head vouch for less without the device key, and the outside copy
(and the copies peers received in bundles) still vouch for what was there.

The outside copy is a lower bound: a power cut can leave it a few writes behind. Each head
records ``synced``, the counter of the last copy known to be on disk (fsynced); a head.json
older than that was put back by someone.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlcipher3 import dbapi2 as sqlite3

from msp_desktop.domain.canonical import encode
from msp_desktop.storage import marks, revision_log, sync_state
from msp_desktop.storage.atomic import TMP_SUFFIX, atomic_write_bytes
from msp_desktop.storage.identity import DeviceIdentity, verify
from msp_desktop.storage.schema import SIGNED_HEAD_TABLE, audit_triggers
from msp_desktop.storage.sync_state import Ranges, complement, normalise

HEAD_FILE = "head.json"
FORMAT = "msp-signed-head"
VERSION = 1
SIG_DOMAIN = b"msp-signed-head-v1\x00"
MAX_FILE_BYTES = 1024 * 1024
MAX_BREAKS = 50  # kept in a head; later ones are not added
# The outside copy is fsynced at the first write after unlock, at lock, and at most this often
# in between. Measured on this machine (2 cores, shared): a save (create and
# finalise a note, one transaction) takes 1.5-2.5 ms; signing and storing the head inside it
# 0.05 ms; a plain write and rename of head.json 0.17 ms (about +10% per save); an fsynced
# atomic write (file and folder) 0.7-1.0 ms, which would make every save 30-70% slower. A
# process crash cannot lose the plain write (the kernel holds it); only a power cut can, and
# then the copy is a lower bound no older than `synced`.
DURABLE_EVERY_S = 2.0

# Break kinds, one per `vault check` line.
STORED, OUTSIDE, AUDIT, REVISIONS = "stored", "outside", "audit", "revisions"

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DEVICE = re.compile(r"^[0-9a-f]{32}$")
_SIG = re.compile(r"^[0-9a-f]{128}$")
_BODY_KEYS = frozenset({
    "format", "version", "vault_id", "device_id", "counter", "at", "hlc", "audit_seq",
    "audit_hash", "own_seq", "skipped", "synced", "breaks",
})


_T = TypeVar("_T")


class HeadInvalid(ValueError):
    """A signed head out of shape (never a user-facing message on its own)."""


@dataclass(frozen=True)
class SignedHead:
    body: dict[str, Any]
    signature: str  # hex

    @property
    def vault_id(self) -> str:
        return str(self.body["vault_id"])

    @property
    def device_id(self) -> str:
        return str(self.body["device_id"])

    @property
    def counter(self) -> int:
        return int(self.body["counter"])

    @property
    def at(self) -> str:
        """When it was signed (ISO time text)."""
        return str(self.body["at"])

    @property
    def audit_seq(self) -> int:
        return int(self.body["audit_seq"])

    @property
    def audit_hash(self) -> str:
        return str(self.body["audit_hash"])

    @property
    def own_seq(self) -> int:
        return int(self.body["own_seq"])

    @property
    def synced(self) -> int:
        return int(self.body["synced"])

    @property
    def skipped(self) -> Ranges:
        return normalise(self.body["skipped"])

    @property
    def breaks(self) -> list[tuple[str, str]]:
        return [(str(k), str(t)) for k, t in self.body["breaks"]]

    def to_json(self) -> dict[str, Any]:
        return {"body": self.body, "signature": self.signature}

    def to_bytes(self) -> bytes:
        return encode(self.to_json())

    def verifies(self, verify_key_hex: str) -> bool:
        return verify(verify_key_hex, SIG_DOMAIN + encode(self.body),
                      bytes.fromhex(self.signature))


def sign(device: DeviceIdentity, body: Mapping[str, Any]) -> SignedHead:
    data = dict(body)
    return SignedHead(data, device.sign(SIG_DOMAIN + encode(data)).hex())


def is_own(head: SignedHead, vault_id: str, device: DeviceIdentity) -> bool:
    """This vault's head, signed by this device's key."""
    return (head.vault_id == vault_id and head.device_id == device.device_id
            and head.verifies(device.verify_key_hex))


def parse(obj: Any) -> SignedHead:
    """A signed head from its JSON form (a bundle, head.json, the database), shape-checked.
    The signature is the caller's to verify, against the key it holds for the device."""
    if not (isinstance(obj, dict) and set(obj) == {"body", "signature"}
            and isinstance(obj["signature"], str) and _SIG.match(obj["signature"])):
        raise HeadInvalid("signed head out of shape")
    b = obj["body"]
    if not (isinstance(b, dict) and set(b) == _BODY_KEYS and b["format"] == FORMAT
            and b["version"] == VERSION):
        raise HeadInvalid("signed head body out of shape")
    ints = ("counter", "audit_seq", "own_seq", "synced")
    if not all(type(b[k]) is int and 0 <= b[k] < 2**53 for k in ints):
        raise HeadInvalid("signed head numbers out of shape")
    texts = ("vault_id", "device_id", "at", "hlc", "audit_hash")
    if not (all(isinstance(b[k], str) and len(b[k]) <= 200 for k in texts)
            and _DEVICE.match(b["device_id"])
            and (_HEX64.match(b["audit_hash"]) or b["audit_hash"] == "")):
        raise HeadInvalid("signed head fields out of shape")
    if not (isinstance(b["skipped"], list) and len(b["skipped"]) <= 10_000 and all(
            isinstance(r, list) and len(r) == 2 and all(type(x) is int and x > 0 for x in r)
            and r[0] <= r[1] for r in b["skipped"])):
        raise HeadInvalid("signed head skipped numbers out of shape")
    if not (isinstance(b["breaks"], list) and len(b["breaks"]) <= MAX_BREAKS and all(
            isinstance(x, list) and len(x) == 2 and all(isinstance(t, str) and len(t) <= 2000
                                                        for t in x) for x in b["breaks"])):
        raise HeadInvalid("signed head breaks out of shape")
    return SignedHead(dict(b), obj["signature"])


def _from_text(text: str | bytes) -> SignedHead:
    def no_floats(_: str) -> Any:
        raise ValueError("floats are not allowed")

    try:
        obj = json.loads(text, parse_float=no_floats, parse_constant=no_floats)
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise HeadInvalid("signed head is not valid JSON") from exc
    return parse(obj)


# ----- the copy in the database ----------------------------------------------------------


def load_stored(conn: Any) -> SignedHead | None:
    """The head stored in the database; None if there is none. HeadInvalid if out of shape."""
    try:
        row = conn.execute("SELECT body, signature FROM signed_head WHERE id = 1").fetchone()
    except sqlite3.OperationalError as exc:  # the table was dropped
        raise HeadInvalid("the signed head table is missing") from exc
    if row is None:
        return None
    try:
        body = json.loads(row[0])
    except ValueError as exc:
        raise HeadInvalid("stored head is not valid JSON") from exc
    return parse({"body": body, "signature": row[1]})


def store(conn: Any, head: SignedHead) -> None:
    sql = ("INSERT INTO signed_head (id, body, signature) VALUES (1, ?, ?)"
           " ON CONFLICT (id) DO UPDATE SET body = excluded.body, signature = excluded.signature")
    args = (encode(head.body).decode(), head.signature)
    try:
        conn.execute(sql, args)
    except sqlite3.OperationalError:
        # Someone dropped the table: make it again (the break is already recorded) rather
        # than refuse every save.
        conn.execute(SIGNED_HEAD_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
        conn.execute(sql, args)


def head_since(conn: Any) -> int | None:
    """The audit sequence when this vault started keeping a signed head (schema step 3);
    None if the marker is gone."""
    value = marks.get(conn, "head_since")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# ----- the copy outside the database -----------------------------------------------------


@dataclass(frozen=True)
class OutsideCopy:
    present: bool
    head: SignedHead | None = None
    problem: str | None = None  # why it cannot be used (unreadable, out of shape)


def read_file(folder: Path) -> OutsideCopy:
    path = Path(folder) / HEAD_FILE
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return OutsideCopy(False)
    except OSError as exc:
        return OutsideCopy(True, problem=f"it cannot be read ({exc.strerror})")
    if not os.path.isfile(path) or os.path.islink(path):
        return OutsideCopy(True, problem="it is not a plain file")
    if st.st_size > MAX_FILE_BYTES:
        return OutsideCopy(True, problem="it is far larger than a signed head")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return OutsideCopy(True, problem=f"it cannot be read ({exc.strerror})")
    try:
        return OutsideCopy(True, _from_text(data))
    except HeadInvalid:
        return OutsideCopy(True, problem="it is damaged or was edited (not a signed head)")


def write_file(folder: Path, head: SignedHead, *, durable: bool) -> None:
    """Replace head.json atomically; ``durable`` also fsyncs file and folder (see
    DURABLE_EVERY_S for when that is worth its cost)."""
    path = Path(folder) / HEAD_FILE
    data = head.to_bytes()
    if durable:
        atomic_write_bytes(path, data, mode=0o600)
        return
    # Same temp-name pattern as atomic.py, so a crash leftover is cleaned at the next unlock.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{HEAD_FILE}.", suffix=TMP_SUFFIX,
                                    dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp_name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)


def copy_to_backup(conn: Any, folder: Path) -> None:
    """Write head.json into a backup folder from the head its database copy holds, so the
    backup opens as a whole (vault.db, keyslots.json, head.json agree)."""
    try:
        head = load_stored(conn)
    except HeadInvalid:
        return  # a damaged or missing head is reported by `vault check` of the original
    if head is not None:
        write_file(folder, head, durable=True)


# ----- what the database holds -----------------------------------------------------------


def audit_top(conn: Any) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def audit_hash_at(conn: Any, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


own_top = revision_log.max_device_seq  # this device's highest change number held (0 if none)


def held(conn: Any, device_id: str) -> Ranges:
    return sync_state.held_ranges_of(conn, device_id)


def subtract(ranges: Ranges, minus: Ranges) -> Ranges:
    """The numbers in ``ranges`` not in ``minus``: up to the highest of ``ranges``, those
    neither in ``minus`` nor outside ``ranges``."""
    ranges = normalise(ranges)
    top = ranges[-1][1] if ranges else 0
    return complement(normalise([*minus, *complement(ranges, top)]), top)


def missing_own(conn: Any, device_id: str, through: int, skipped: Ranges) -> Ranges:
    """This device's change numbers 1..through that the database lacks, apart from the
    numbers a restored vault passed over."""
    return complement(normalise([*held(conn, device_id), *skipped]), through)


def describe(ranges: Ranges, limit: int = 5) -> str:
    parts = [f"{lo}" if lo == hi else f"{lo}\u2013{hi}" for lo, hi in ranges[:limit]]
    more = f" and {len(ranges) - limit} more runs" if len(ranges) > limit else ""
    return ", ".join(parts) + more


def count(ranges: Ranges) -> int:
    return sum(hi - lo + 1 for lo, hi in ranges)


def initial_skipped(conn: Any, device_id: str) -> Ranges:
    """For a vault's first signed head (new, or made by a version before heads): this
    device's gaps as found. Before heads, a save that failed after numbering its change left
    a gap, and a restored vault passed over numbers its peers held; what happened before the
    first head cannot be told apart, so it is accepted as found, and only later gaps count.
    (An attacker who removes both copies of a head later is reported for that.)"""
    ranges = held(conn, device_id)
    return complement(ranges, ranges[-1][1] if ranges else 0)


def device_gaps(conn: Any, own_id: str, own_skipped: Ranges) -> dict[str, Ranges]:
    """Per device, the change numbers missing from the database that nothing explains.

    Explained: for this device, numbers a restored vault passed over (in the signed head);
    for others, numbers a trusted sender declared outside the exchange's scope
    (``seq_excused``), which are the only gaps sync ever lets in. Up to the highest number
    held, or the device's recorded progress if higher (its newest changes were removed)."""
    progress = sync_state.progress(conn)
    held_by = sync_state.held_ranges(conn)
    out: dict[str, Ranges] = {}
    for device_id, ranges in held_by.items():
        through = max(ranges[-1][1], progress.get(device_id, 0))
        allowed = own_skipped if device_id == own_id else sync_state.excused(conn, device_id)
        missing = complement(normalise([*ranges, *allowed]), through)
        if missing:
            out[device_id] = missing
    for device_id, through in progress.items():
        if device_id in held_by or device_id == own_id or through <= 0:
            continue
        missing = complement(sync_state.excused(conn, device_id), through)
        if missing:
            out[device_id] = missing
    return out


def audit_trigger_problems(conn: Any) -> list[str]:
    """The triggers that make the audit table append-only must exist exactly as made."""
    found = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")}
    problems = []
    for name, sql in audit_triggers().items():
        if name not in found:
            problems.append(f"the trigger {name} is missing")
        elif _squash(found[name]) != _squash(sql):
            problems.append(f"the trigger {name} was changed")
    return problems


def _squash(sql: str) -> str:
    return " ".join(sql.replace(";", " ; ").split()).strip(" ;").lower()


# ----- keeping the head while a vault is open --------------------------------------------


@dataclass
class HeadKeeper:
    """The signed head of one open vault (one per writing Session).

    ``begin`` runs at the start of each outermost write transaction (the first one compares
    the database with both copies and records what it finds as breaks); ``stage`` writes the
    new head into the database just before COMMIT; ``committed`` writes head.json after it."""

    conn: Any
    folder: Path
    vault_id: str
    device: DeviceIdentity
    now: Any  # () -> iso time text
    hlc: Any  # () -> hlc text
    last: SignedHead | None = None
    outside_error: str | None = None
    _outside: OutsideCopy | None = None
    _reconciled: bool = False
    _new_breaks: list[tuple[str, str]] = field(default_factory=list)
    _synced: int = 0
    _durable_at: float | None = None

    def __post_init__(self) -> None:
        # Read now, before anything this session writes replaces it.
        if self._outside is None:
            self._outside = read_file(self.folder)

    def begin(self) -> None:
        if self._reconciled:
            return
        self._reconciled = True
        found, stored, outside = reconcile(self.conn, self.device, self.vault_id, self._outside)
        candidates = [h for h in (stored, outside) if h is not None]
        self.last = max(candidates, key=lambda h: h.counter, default=None)
        self._synced = self.last.synced if self.last else 0
        # Breaks either copy carries, then those found now: none is dropped.
        self._new_breaks = _unique([*(b for h in candidates for b in h.breaks), *found])

    def stage(self, skipped: Iterable[tuple[int, int]],
              audit: tuple[int, str] | None = None) -> SignedHead:
        """Sign and store the head covering this transaction. ``audit``: the newest audit
        entry (sequence, hash) when the caller knows it (the one it appended), else read."""
        prev = self.last
        seq, digest = audit if audit is not None else audit_top(self.conn)
        own = own_top(self.conn, self.device.device_id)
        if prev is None:
            was_skipped = initial_skipped(self.conn, self.device.device_id)
        else:
            was_skipped = prev.skipped
        # The first ones found are kept.
        breaks = _unique([*(prev.breaks if prev else []), *self._new_breaks])[:MAX_BREAKS]
        body = {
            "format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
            "device_id": self.device.device_id,
            "counter": (prev.counter if prev else 0) + 1, "at": self.now(), "hlc": self.hlc(),
            "audit_seq": seq, "audit_hash": digest,
            "own_seq": max(own, prev.own_seq if prev else 0),
            "skipped": [list(r) for r in normalise([*was_skipped, *skipped])],
            "synced": self._synced,
            "breaks": [list(b) for b in breaks],
        }
        head = sign(self.device, body)
        store(self.conn, head)
        return head

    def committed(self, head: SignedHead, *, durable: bool = False) -> None:
        self.last = head
        self._new_breaks = []
        now = time.monotonic()
        durable = durable or self._durable_at is None or now - self._durable_at >= (
            DURABLE_EVERY_S)
        try:
            write_file(self.folder, head, durable=durable)
        except OSError as exc:
            # The write is committed; the outside copy stays behind (a lower bound) and
            # `vault check` says so.
            self.outside_error = exc.strerror or type(exc).__name__
            return
        self.outside_error = None
        if durable:
            self._durable_at = now
            self._synced = head.counter

    def for_new_device(self, device: DeviceIdentity) -> HeadKeeper:
        """The keeper for this vault's new device identity (a restored backup used on another
        laptop): the old device's heads are checked first, what they or this check found stays
        in every head the new device signs, and the new device starts its own write count."""
        self.begin()
        carried = [*(self.last.breaks if self.last else []), *self._new_breaks]
        # Already reconciled: the outside copy this keeper read is passed on, not read again.
        return HeadKeeper(self.conn, self.folder, self.vault_id, device, self.now, self.hlc,
                          _outside=self._outside, _reconciled=True,
                          _new_breaks=_unique(carried))

    def flush(self) -> None:
        """Make the outside copy durable (at lock)."""
        if self.last is not None and self._synced != self.last.counter:
            self.committed(self.last, durable=True)


def _unique(items: Iterable[_T]) -> list[_T]:
    """Without repeats, in first-seen order (breaks, or their sentences)."""
    return list(dict.fromkeys(items))


def _distinct(*heads: SignedHead | None) -> list[SignedHead]:
    """The heads given, without None and without repeats (the two copies usually agree)."""
    out: list[SignedHead] = []
    for h in heads:
        if h is not None and h not in out:
            out.append(h)
    return out


Reconciled = tuple[list[tuple[str, str]], SignedHead | None, SignedHead | None]


def reconcile(conn: Any, device: DeviceIdentity, vault_id: str, outside: OutsideCopy | None
              ) -> Reconciled:
    """Compare the database with the two signed heads, before this session writes anything.
    Returns the breaks found, (kind, sentence), to be kept in every later head, and the
    stored and outside heads that are this device's own (None for one that is missing or
    cannot be trusted)."""
    breaks: list[tuple[str, str]] = []
    stored_why = "it does not carry this device's signature (it was altered)"
    try:
        stored = load_stored(conn)
        stored_bad = stored is not None and not is_own(stored, vault_id, device)
    except HeadInvalid as exc:
        stored, stored_bad, stored_why = None, True, str(exc)
    outside = outside or OutsideCopy(False)
    out_head = outside.head
    out_bad = outside.problem is not None or (
        out_head is not None and not is_own(out_head, vault_id, device))
    since = head_since(conn)
    top_seq, _ = audit_top(conn)
    had_head = since is None or top_seq > since
    if stored_bad:
        breaks.append((STORED, "the signed head inside the database cannot be trusted:"
                               f" {stored_why}"))
    elif stored is None and (outside.present or had_head):
        breaks.append((STORED, "the signed head inside the database was removed"))
    if out_bad:
        why = outside.problem or "it does not carry this device's signature"
        breaks.append((OUTSIDE, f"the copy of the signed head outside the database"
                                f" ({HEAD_FILE}) cannot be trusted: {why}"))
    elif not outside.present and (had_head if stored is None else stored.counter > 1):
        # (A first head whose copy is missing: the crash window right after creation.)
        breaks.append((OUTSIDE, f"the copy of the signed head outside the database"
                                f" ({HEAD_FILE}) was removed"))
    good_stored = stored if stored is not None and not stored_bad else None
    good_out = out_head if out_head is not None and not out_bad else None
    if good_stored is not None and good_out is not None:
        if good_out.counter > good_stored.counter:
            breaks.append((STORED, f"the signed head inside the database (write"
                                   f" {good_stored.counter}) is older than its copy outside"
                                   f" (write {good_out.counter}): the database was replaced by"
                                   " an older copy, or its head was put back"))
        elif good_out.counter < good_stored.synced:
            breaks.append((OUTSIDE, f"the copy of the signed head outside the database (write"
                                    f" {good_out.counter}) is older than the last one written"
                                    f" to disk (write {good_stored.synced}): it was replaced by"
                                    " an older copy"))
        elif good_out.counter == good_stored.counter and good_out != good_stored:
            breaks.append((OUTSIDE, "the two signed heads carry the same write number but"
                                    " say different things"))
    breaks += _unique(b for h in _distinct(good_stored, good_out)
                      for b in vouched_problems(conn, device.device_id, h))
    return breaks, good_stored, good_out


def vouched_problems(conn: Any, device_id: str, head: SignedHead) -> list[tuple[str, str]]:
    """What a valid signed head vouches for that the database no longer holds."""
    out: list[tuple[str, str]] = []
    if head.audit_seq > 0 and audit_hash_at(conn, head.audit_seq) != head.audit_hash:
        top, _ = audit_top(conn)
        what = ("is missing" if top < head.audit_seq else "was rewritten")
        out.append((AUDIT, f"the audit log no longer holds entry {head.audit_seq} as signed"
                           f" (the entry {what}; the log now ends at entry {top}): audit"
                           " entries were removed or altered"))
    missing = missing_own(conn, device_id, head.own_seq, head.skipped)
    if missing:
        out.append((REVISIONS, f"{count(missing)} of this laptop's changes, numbered"
                               f" {describe(missing)}, are missing (the signed head vouches for"
                               f" changes up to {head.own_seq})"))
    return out


# ----- heads received from other devices -------------------------------------------------


@dataclass(frozen=True)
class PeerHead:
    head: SignedHead
    created_hlc: str


def peer_head(conn: Any, device_id: str) -> PeerHead | None:
    row = conn.execute(
        "SELECT body, signature, created_hlc FROM peer_heads WHERE device_id = ?",
        (device_id,)).fetchone()
    if row is None:
        return None
    try:
        head = parse({"body": json.loads(row[0]), "signature": row[1]})
    except (HeadInvalid, ValueError):
        return None
    return PeerHead(head, str(row[2]))


def record_peer_head(conn: Any, head: SignedHead, created_hlc: str, at: str) -> None:
    """Keep the newest head (by bundle time) and the highest numbers ever seen."""
    conn.execute(
        "INSERT INTO peer_heads (device_id, body, signature, created_hlc, received_at,"
        " max_audit_seq, max_own_seq) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT (device_id) DO UPDATE SET body = excluded.body,"
        " signature = excluded.signature, created_hlc = excluded.created_hlc,"
        " received_at = excluded.received_at,"
        " max_audit_seq = max(max_audit_seq, excluded.max_audit_seq),"
        " max_own_seq = max(max_own_seq, excluded.max_own_seq)",
        (head.device_id, encode(head.body).decode(), head.signature, created_hlc, at,
         head.audit_seq, head.own_seq),
    )


def went_back(seen: SignedHead, new: SignedHead) -> list[str]:
    """How a later head from the same device is lower than one seen before (empty if not)."""
    out: list[str] = []
    if new.audit_seq < seen.audit_seq:
        out.append(f"its audit log went from {seen.audit_seq} entries back to {new.audit_seq}")
    if new.own_seq < seen.own_seq:
        out.append(f"its highest change number went from {seen.own_seq} back to"
                   f" {new.own_seq}")
    if new.counter < seen.counter and not out:
        out.append(f"its write counter went from {seen.counter} back to {new.counter}")
    return out


def check_lines(conn: Any, folder: Path, device: DeviceIdentity, vault_id: str,
                keeper: HeadKeeper | None) -> list[tuple[str, bool, str]]:
    """The `vault check` rows for the signed head: (name, passed, detail)."""
    rows: list[tuple[str, bool, str]] = []
    try:
        stored = load_stored(conn)
        stored_problem = (None if stored is None or is_own(stored, vault_id, device)
                          else "it does not carry this device's signature")
    except HeadInvalid as exc:
        stored, stored_problem = None, str(exc)
    if stored is None and stored_problem is None:
        stored_problem = "there is none"
    good = stored if stored_problem is None else None
    breaks = good.breaks if good is not None else []
    kinds: dict[str, list[str]] = {}
    for kind, text in breaks:
        kinds.setdefault(kind, []).append(text)

    problems = ([f"the signed head inside the database cannot be trusted: {stored_problem}"]
                if stored_problem else []) + kinds.get(STORED, [])
    rows.append(("signed head inside the database", not problems, _join(problems)))

    copy = read_file(folder)
    good_copy = (copy.head if copy.head is not None and is_own(copy.head, vault_id, device)
                 else None)
    out_problems = list(kinds.get(OUTSIDE, []))
    if not copy.present:
        out_problems.append(f"{HEAD_FILE} is missing")
    elif good_copy is None:
        out_problems.append(f"{HEAD_FILE} cannot be trusted: "
                            f"{copy.problem or 'it does not carry this device signature'}")
    elif good is not None and good_copy.counter != good.counter:
        out_problems.append(f"{HEAD_FILE} (write {good_copy.counter}) does not match the head"
                            f" inside the database (write {good.counter})")
    if keeper is not None and keeper.outside_error:
        out_problems.append(f"{HEAD_FILE} could not be written: {keeper.outside_error}")
    rows.append((f"signed head outside the database ({HEAD_FILE})", not out_problems,
                 _join(out_problems)))

    vouching = _distinct(good, good_copy)
    vouched = [b for h in vouching for b in vouched_problems(conn, device.device_id, h)]
    audit_problems = _unique([*kinds.get(AUDIT, []), *(t for k, t in vouched if k == AUDIT)])
    rev_problems = _unique([*kinds.get(REVISIONS, []), *(t for k, t in vouched if k != AUDIT)])
    rows.append(("audit log holds what the signed head vouches for", not audit_problems,
                 _join(audit_problems)))
    rows.append(("this laptop's changes up to its signed high-water mark",
                 not rev_problems, _join(rev_problems)))

    triggers = audit_trigger_problems(conn)
    rows.append(("audit log protected against change (triggers)", not triggers,
                 _join(triggers)))

    skipped = normalise([r for h in vouching for r in h.skipped])
    names = dict(conn.execute("SELECT device_id, display_name FROM known_devices"))
    gaps = device_gaps(conn, device.device_id, skipped)
    gap_text = [f"{names.get(d, 'device ' + d[:8])}: {count(r)} change"
                f"{'s' if count(r) != 1 else ''} numbered {describe(r)} missing"
                for d, r in sorted(gaps.items())]
    rows.append(("change numbers of every device are gap-free", not gap_text,
                 _join(gap_text)))
    return rows


def _join(items: Sequence[str]) -> str:
    shown = "; ".join(items[:5])
    return shown + (f" (+{len(items) - 5} more)" if len(items) > 5 else "")
