from __future__ import annotations

import json

from msp_desktop.storage.audit import AuditLog
from tests.unit.conftest import make_conn


def _log(n: int = 5):  # type: ignore[no-untyped-def]
    conn = make_conn()
    log = AuditLog(conn)
    for i in range(n):
        log.append(at=f"2026-01-01T00:00:0{i}+00:00", hlc=f"{i:013d}.00000", device_id="d",
                   author="w", action="record.create", entity_kind="contact_note",
                   entity_id=f"r{i}", case_id="c1")
    return conn, log


def _drop_guards(conn) -> None:  # type: ignore[no-untyped-def]
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")


def test_intact_chain_verifies() -> None:
    _, log = _log()
    assert log.verify() == []
    assert [e.seq for e in log.entries()] == [1, 2, 3, 4, 5]


def test_audit_rows_cannot_be_updated_or_deleted_through_sql() -> None:
    conn, _ = _log()
    import pytest

    with pytest.raises(Exception, match="append-only"):
        conn.execute("UPDATE audit SET action = 'lock' WHERE seq = 2")
    with pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM audit WHERE seq = 2")


def test_edited_row_is_detected() -> None:
    conn, log = _log()
    _drop_guards(conn)
    conn.execute("UPDATE audit SET entity_id = 'someone-else' WHERE seq = 3")
    assert any("entry 3 has been altered" in p for p in log.verify())


def test_removed_row_is_detected() -> None:
    conn, log = _log()
    _drop_guards(conn)
    conn.execute("DELETE FROM audit WHERE seq = 2")
    problems = log.verify()
    assert any("missing" in p for p in problems)


def test_removed_newest_rows_are_detected() -> None:
    conn, log = _log()
    _drop_guards(conn)
    conn.execute("DELETE FROM audit WHERE seq >= 4")
    assert any("newest" in p for p in log.verify())


def test_rewritten_chain_suffix_is_detected_by_hash() -> None:
    conn, log = _log()
    _drop_guards(conn)
    conn.execute("UPDATE audit SET detail = ? WHERE seq = 5", (json.dumps({"x": 1}),))
    assert log.verify()


def test_unknown_action_is_refused() -> None:
    import pytest

    _, log = _log(0)
    with pytest.raises(ValueError):
        log.append(at="t", hlc="h", device_id="d", author="a", action="delete-everything")
