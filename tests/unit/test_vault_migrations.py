"""Migrations by user_version: backup first, one transaction per step (DUR-8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from msp_desktop.storage import migrations
from msp_desktop.storage.errors import MigrationFailed, VaultTooNew
from msp_desktop.storage.vault import Vault

from ._vault_helpers import FAST, PASS, add_notes, make_vault, snapshot, step_notes, step_tags
from ._vault_helpers import unlock as unlock_with


def _mem() -> Any:
    return sqlcipher.connect(":memory:", isolation_level=None)


def test_apply_from_zero_without_backup() -> None:
    conn = _mem()
    calls: list[int] = []
    assert migrations.apply(conn, [step_notes, step_tags], backup=lambda: calls.append(1)) == 2
    assert migrations.user_version(conn) == 2
    assert calls == []  # a new database has nothing to back up


def test_apply_backs_up_before_upgrading_and_backup_failure_stops() -> None:
    conn = _mem()
    migrations.apply(conn, [step_notes])
    order: list[str] = []

    def traced(c: Any) -> None:
        order.append("step")
        step_tags(c)

    migrations.apply(conn, [step_notes, traced], backup=lambda: order.append("backup"))
    assert order == ["backup", "step"]

    conn = _mem()
    migrations.apply(conn, [step_notes])

    def failing_backup() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        migrations.apply(conn, [step_notes, step_tags], backup=failing_backup)
    assert migrations.user_version(conn) == 1


def test_failed_step_rolls_back_to_previous_version() -> None:
    conn = _mem()
    migrations.apply(conn, [step_notes])

    def half_done(c: Any) -> None:
        c.execute("CREATE TABLE half (x)")
        raise ValueError("boom")

    with pytest.raises(MigrationFailed) as info:
        migrations.apply(conn, [step_notes, half_done])
    assert "half_done" in str(info.value)
    assert migrations.user_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in names and not conn.in_transaction


def test_step_that_commits_itself_is_refused() -> None:
    conn = _mem()

    def uses_executescript(c: Any) -> None:
        c.executescript("CREATE TABLE s (x);")

    with pytest.raises(MigrationFailed):
        migrations.apply(conn, [uses_executescript])
    assert migrations.user_version(conn) == 0


def test_too_new() -> None:
    conn = _mem()
    conn.execute("PRAGMA user_version = 3")
    with pytest.raises(VaultTooNew):
        migrations.apply(conn, [step_notes])


def test_execute_script_keeps_one_transaction() -> None:
    conn = _mem()
    conn.execute("BEGIN IMMEDIATE")
    migrations.execute_script(
        conn,
        """
        -- a comment; with a semicolon
        CREATE TABLE a (x TEXT DEFAULT 'semi;colon');
        CREATE TABLE log (x);
        CREATE TRIGGER t AFTER INSERT ON a BEGIN
            INSERT INTO log VALUES (new.x);
            INSERT INTO log VALUES ('second');
        END;
        INSERT INTO a DEFAULT VALUES
        """,
    )
    assert conn.in_transaction
    conn.execute("COMMIT")
    assert [r[0] for r in conn.execute("SELECT x FROM log")] == ["semi;colon", "second"]


def test_vault_too_new_is_refused_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder, steps=[step_notes, step_tags])
    v.lock()
    before = snapshot(folder)
    with pytest.raises(VaultTooNew) as info:
        unlock_with(folder, steps=[step_notes])
    assert "newer version" in info.value.user_message
    after = snapshot(folder)
    assert after.keys() == before.keys()
    assert after["vault.db"][0] == before["vault.db"][0]


def test_vault_migration_failure_leaves_previous_version(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder, steps=[step_notes])
    add_notes(v, 7)
    v.lock()

    def bad(c: Any) -> None:
        step_tags(c)
        raise RuntimeError("injected halfway")

    with pytest.raises(MigrationFailed):
        unlock_with(folder, steps=[step_notes, bad])
    backups = sorted((folder / "backups").iterdir())
    assert len(backups) == 1 and "before-migration-from-v1" in backups[0].name

    v = unlock_with(folder, steps=[step_notes])
    try:
        assert v.schema_version == 1
        assert v.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 7
        assert v.check().ok
    finally:
        v.lock()

    # The pre-migration backup is an openable vault at the old version.
    b = Vault.unlock(backups[0], PASS, migrations=[step_notes])
    try:
        assert b.schema_version == 1
        assert b.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 7
    finally:
        b.lock()

    # A fixed step then upgrades it.
    v = unlock_with(folder, steps=[step_notes, step_tags])
    assert v.schema_version == 2
    v.lock()
    assert len(list((folder / "backups").iterdir())) == 2


def test_real_schema_migrations(tmp_path: Path) -> None:
    from msp_desktop.storage.schema import MIGRATIONS

    v = Vault.create(tmp_path / "v", PASS, kdf=FAST)
    try:
        assert v.schema_version == len(MIGRATIONS)
        assert v.check().ok
    finally:
        v.lock()
    Vault.unlock(tmp_path / "v", PASS).lock()
