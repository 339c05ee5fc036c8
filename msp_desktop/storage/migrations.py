"""Schema migrations by ``PRAGMA user_version`` (DUR-8).

``steps[i]`` takes the database from version i to i+1. Each step runs in its own
``BEGIN IMMEDIATE`` transaction together with the user_version bump, so a failing step leaves
the database exactly at the previous version and still usable.

Steps must not call ``conn.executescript``: the driver COMMITs the open transaction before
running a script, which would break the one-transaction-per-step guarantee. Use
:func:`execute_script` instead; :func:`apply` also refuses a step that ended the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from msp_desktop.storage.errors import MigrationFailed, VaultTooNew

Connection = Any  # sqlcipher3 ships no type information
Step = Callable[[Connection], None]


def user_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply(
    conn: Connection,
    steps: Sequence[Step],
    *,
    backup: Callable[[], None] | None = None,
) -> int:
    """Bring the database to ``len(steps)``; return the resulting version.

    ``backup`` runs once before the first step, only when an existing (non-empty, version > 0)
    database is about to change; if it raises, nothing is migrated.
    """
    current = user_version(conn)
    target = len(steps)
    if current > target:
        raise VaultTooNew(f"database version {current}, this program knows up to {target}")
    if current == target:
        return current
    if current > 0 and backup is not None:
        backup()
    for version in range(current, target):
        step = steps[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            if not conn.in_transaction:
                raise MigrationFailed(
                    f"step {version}->{version + 1} ended its transaction (executescript?)"
                )
            conn.execute(f"PRAGMA user_version = {version + 1:d}")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, MigrationFailed):
                raise
            if not isinstance(exc, Exception):
                raise  # KeyboardInterrupt etc.: rolled back, propagate unchanged
            name = getattr(step, "__name__", repr(step))
            raise MigrationFailed(
                f"step {version}->{version + 1} ({name}) failed: {type(exc).__name__}: {exc}"
            ) from exc
    return target


def execute_script(conn: Connection, script: str) -> None:
    """Run several SQL statements inside the caller's transaction (unlike executescript).

    Statements are split with sqlite3.complete_statement, which understands string literals,
    comments and CREATE TRIGGER ... BEGIN ... END bodies.
    """
    buf: list[str] = []
    for ch in script:
        buf.append(ch)
        if ch == ";":
            stmt = "".join(buf)
            if sqlite3.complete_statement(stmt):
                if stmt.strip(" \t\r\n;"):
                    conn.execute(stmt)
                buf = []
    rest = "".join(buf).strip()
    if rest and not _only_comments(rest):
        conn.execute(rest)


def _only_comments(text: str) -> bool:
    lines = [ln.strip() for ln in text.splitlines()]
    return all(not ln or ln.startswith("--") for ln in lines)
