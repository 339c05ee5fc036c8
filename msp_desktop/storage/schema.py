"""The database schema, as numbered migration steps (step i takes user_version i to i+1).

Never edit a released step: add a new one. `revisions`, `audit`, `device` and `drafts` are the
truth; `heads`, `records`, `case_summary` and `search_fts` (with `search_text`, from v4) are
projections rebuilt from `revisions` alone (RecordStore.rebuild_projections).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msp_desktop.storage.projections import Projector

Connection = Any  # sqlcipher3 connection (untyped C extension)

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The local device's identity: signing seed and age identity never leave the encrypted db.
CREATE TABLE device (
    device_id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    author TEXT NOT NULL,
    sign_seed BLOB NOT NULL,
    age_identity TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

-- Public keys of devices whose revisions we hold (ours included), to verify signatures.
CREATE TABLE known_devices (
    device_id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    verify_key TEXT NOT NULL,
    age_recipient TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE revisions (
    revision_id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    op TEXT NOT NULL,
    parents TEXT NOT NULL,
    author TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    payload TEXT NOT NULL,
    reason TEXT,
    amendment_type TEXT,
    schema_version INTEGER NOT NULL,
    signature BLOB NOT NULL,
    UNIQUE (device_id, device_seq)
);
CREATE INDEX revisions_by_record ON revisions (record_id, hlc);

-- Revisions received whose parents or earlier device_seq we do not hold yet.
CREATE TABLE parked (
    revision_id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    waiting_for TEXT NOT NULL,
    received_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE heads (
    record_id TEXT NOT NULL,
    revision_id TEXT NOT NULL,
    PRIMARY KEY (record_id, revision_id)
) WITHOUT ROWID;

CREATE TABLE records (
    rowid INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    case_id TEXT,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    sort_date TEXT,
    payload TEXT NOT NULL,
    head_count INTEGER NOT NULL,
    conflicts TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX records_by_case ON records (case_id, kind, sort_date);
CREATE INDEX records_by_kind ON records (kind, sort_date);

CREATE TABLE case_summary (
    case_id TEXT PRIMARY KEY,
    person_id TEXT,
    person_name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    stage TEXT NOT NULL,
    opened_at TEXT,
    next_review TEXT,
    earliest_open_due TEXT,
    open_actions INTEGER NOT NULL DEFAULT 0,
    last_contact TEXT,
    conflicts INTEGER NOT NULL DEFAULT 0,
    outcomes TEXT NOT NULL DEFAULT '[]',
    updated_hlc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX case_summary_by_name ON case_summary (sort_name, case_id);
CREATE INDEX case_summary_by_stage ON case_summary (stage, sort_name);
CREATE INDEX case_summary_by_review ON case_summary (next_review);
CREATE INDEX case_summary_by_due ON case_summary (earliest_open_due);
CREATE INDEX case_summary_by_person ON case_summary (person_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
    body, tokenize = 'unicode61 remove_diacritics 2'
);

-- Append-only, hash-chained; IDs only, never content or search terms.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_kind TEXT,
    entity_id TEXT,
    case_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_by_case ON audit (case_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Autosaved work in progress, not yet a revision.
CREATE TABLE drafts (
    draft_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT,
    case_id TEXT,
    base_heads TEXT NOT NULL,
    payload TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX drafts_by_case ON drafts (case_id);
"""


def _v1(conn: Connection) -> None:
    for statement in _split(_V1):
        conn.execute(statement)


# Sync by bundles (design.md §5): who we trust, how far each device's changes are accounted
# for, what peers acknowledged, and which bundles came and went.
_V2 = """
-- role: self | device | office. trust: trusted | introduced (vouched for by a trusted sender
-- that relayed its changes) | revoked (changes up to revoked_after_seq stay valid).
ALTER TABLE known_devices ADD COLUMN role TEXT NOT NULL DEFAULT 'device';
ALTER TABLE known_devices ADD COLUMN trust TEXT NOT NULL DEFAULT 'trusted';
ALTER TABLE known_devices ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE known_devices ADD COLUMN added_at TEXT;
ALTER TABLE known_devices ADD COLUMN introduced_by TEXT;
ALTER TABLE known_devices ADD COLUMN revoked_at TEXT;
ALTER TABLE known_devices ADD COLUMN revoked_after_seq INTEGER;

-- Recipients that are not devices (the office card): age recipient and signing key.
CREATE TABLE office_cards (
    fingerprint TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    age_recipient TEXT NOT NULL,
    verify_key TEXT NOT NULL,
    added_at TEXT NOT NULL
) WITHOUT ROWID;

-- Highest n such that every change 1..n of the device is held here or was declared out of
-- scope by a trusted sender (seq_excused). A change after a gap waits in `parked`.
CREATE TABLE device_progress (
    device_id TEXT PRIMARY KEY,
    contiguous INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE seq_excused (
    device_id TEXT NOT NULL,
    lo INTEGER NOT NULL,
    hi INTEGER NOT NULL,
    PRIMARY KEY (device_id, lo)
) WITHOUT ROWID;

ALTER TABLE parked ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE parked ADD COLUMN device_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parked ADD COLUMN sender_id TEXT;
ALTER TABLE parked ADD COLUMN bundle_seq INTEGER;

-- What a peer said it holds (its acknowledgement vector): ranges of device_seq per device.
CREATE TABLE peer_acks (
    peer_id TEXT NOT NULL,
    origin_id TEXT NOT NULL,
    ranges TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (peer_id, origin_id)
) WITHOUT ROWID;

CREATE TABLE bundles_received (
    sender_id TEXT NOT NULL,
    bundle_seq INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    revisions INTEGER NOT NULL,
    applied INTEGER NOT NULL,
    PRIMARY KEY (sender_id, bundle_seq)
) WITHOUT ROWID;

CREATE TABLE bundles_sent (
    bundle_seq INTEGER PRIMARY KEY,
    export_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    recipients TEXT NOT NULL,
    revisions INTEGER NOT NULL,
    whole_vault INTEGER NOT NULL,
    own_through INTEGER NOT NULL
);
"""


def _v2(conn: Connection) -> None:
    for statement in _split(_V2):
        conn.execute(statement)
    conn.execute(
        "UPDATE known_devices SET role = 'self', author = (SELECT author FROM device)"
        " WHERE device_id IN (SELECT device_id FROM device)"
    )
    # Devices already held: account for their changes up to the first gap.
    conn.execute(
        "INSERT INTO device_progress (device_id, contiguous)"
        " SELECT device_id, min(lo) - 1 + count(*) FROM ("
        "  SELECT device_id, device_seq AS lo,"
        "   device_seq - row_number() OVER (PARTITION BY device_id ORDER BY device_seq) AS grp"
        "  FROM revisions) WHERE grp = 0 GROUP BY device_id"
    )


# The signed head (storage/head.py): this device's audit head and revision high-water mark,
# signed with its key; a copy lives outside the database (head.json). peer_heads: the newest
# signed head each other device sent in a bundle, to notice a device going back in time.
SIGNED_HEAD_TABLE = """CREATE TABLE signed_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    signature TEXT NOT NULL
)"""
_V3 = f"""
{SIGNED_HEAD_TABLE};
CREATE TABLE peer_heads (
    device_id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    signature TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    received_at TEXT NOT NULL,
    max_audit_seq INTEGER NOT NULL,
    max_own_seq INTEGER NOT NULL
) WITHOUT ROWID;
"""


def _v3(conn: Connection) -> None:
    for statement in _split(_V3):
        conn.execute(statement)
    # From here on a vault has a signed head; audit entries after this one prove it had one.
    top = conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('head_since', ?)", (str(top),))


# Search folds letters with no decomposition (ł, ø, ß, æ: domain/folding.py). The index holds
# the folded text; the text as written lives in search_text, which the index reads for its
# snippets (an external-content FTS5 table). Existing vaults are re-indexed here, and their
# titles made again (a title cut at 120 characters now ends in "…").
_V4 = """
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_text;
CREATE TABLE search_text (
    rowid INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_fts USING fts5(
    body, content = 'search_text', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _v4(conn: Connection) -> None:
    for statement in _split(_V4):
        conn.execute(statement)
    projector = Projector(conn)
    projector.reindex_search()
    projector.retitle()


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buf: list[str] = []
    in_trigger = False
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        if stripped.upper().startswith("CREATE TRIGGER"):
            in_trigger = True
        if stripped.endswith(";") and (not in_trigger or stripped.upper().endswith("END;")):
            statements.append("\n".join(buf))
            buf = []
            in_trigger = False
    return statements


def audit_triggers() -> dict[str, str]:
    """The triggers that keep the audit table append-only, as made (name -> CREATE text)."""
    out: dict[str, str] = {}
    for statement in _split(_V1):
        words = statement.split()
        if words[:2] == ["CREATE", "TRIGGER"] and "audit" in words:
            out[words[2]] = statement
    return out


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4]
SCHEMA_VERSION = len(MIGRATIONS)
