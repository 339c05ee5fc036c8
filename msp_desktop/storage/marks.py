"""Small facts about a vault kept as rows of the `meta` table (no schema change): what kind
of vault it is, and the like."""

from __future__ import annotations

from typing import Any

# A vault filled with the synthetic demo caseload: the app shows it as a demo, always.
DEMO_KEY = "demo"


def get(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row is not None else None


def put(conn: Any, key: str, value: str) -> None:
    """Set a meta row (call inside a transaction)."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def is_demo(conn: Any) -> bool:
    return get(conn, DEMO_KEY) == "1"


def mark_demo(conn: Any) -> None:
    put(conn, DEMO_KEY, "1")


# The ONS code of the council whose Safeguarding Adults Collection this vault reports to.
REPORTING_COUNCIL_KEY = "reporting_council"


def reporting_council(conn: Any) -> str | None:
    return get(conn, REPORTING_COUNCIL_KEY)


def set_reporting_council(conn: Any, code: str) -> None:
    """Set the reporting council (call inside a transaction; the caller checks the code)."""
    put(conn, REPORTING_COUNCIL_KEY, code)


# Set once the worker has said (or confirmed) the name shown on their records: at vault
# creation with a name, or answering the question asked at the first unlock otherwise.
AUTHOR_CONFIRMED_KEY = "author_confirmed"


def author_confirmed(conn: Any) -> bool:
    return get(conn, AUTHOR_CONFIRMED_KEY) == "1"


def mark_author_confirmed(conn: Any) -> None:
    put(conn, AUTHOR_CONFIRMED_KEY, "1")
