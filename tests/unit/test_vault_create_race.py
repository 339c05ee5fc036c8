"""Must fix 2: `vault init` takes the lock first, checks again under it, creates its files
exclusively and, on failure, removes only what it made itself (by device and inode): a racing
init can never delete a vault another process has just written, and a failed init leaves no
lock file and no empty folder behind."""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.storage import vault as vault_mod
from msp_desktop.storage.errors import MigrationFailed, VaultDamaged, VaultExists
from msp_desktop.storage.lockfile import LOCK_FILE
from msp_desktop.storage.vault import Vault
from tests.unit._vault_helpers import FAST, STEPS, make_vault, unlock

ROUNDS = 25
RACERS = 3


def _racer(folder: str, passphrase: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        vault = Vault.create(Path(folder), passphrase, kdf=FAST, migrations=STEPS)
    except VaultExists as exc:
        results.put(("exists", passphrase, exc.exit_code, exc.user_message))
        return
    except BaseException as exc:  # report anything else: the test fails on it
        results.put(("error", passphrase, type(exc).__name__, str(exc)))
        return
    vault_id = vault.vault_id
    vault.lock()  # like the CLI: create, then close at once
    results.put(("created", passphrase, vault_id, ""))


def test_racing_inits_never_delete_a_vault_and_exactly_one_wins(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    for n in range(ROUNDS):
        folder = tmp_path / f"race{n}" / "vault"  # parents missing too: each racer may make them
        barrier = ctx.Barrier(RACERS)
        results = ctx.Queue()
        procs = [ctx.Process(target=_racer, args=(str(folder), f"pass-{n}-{i}", barrier, results))
                 for i in range(RACERS)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        created = [o for o in outcomes if o[0] == "created"]
        assert [o for o in outcomes if o[0] == "error"] == []
        assert len(created) == 1, outcomes
        for kind, _pw, code, message in outcomes:
            if kind == "exists":
                assert code == 4
                assert "already exists" in message
        # The winner's vault is whole and opens with the winner's passphrase.
        winner = created[0]
        vault = unlock(folder, winner[1])
        try:
            assert vault.vault_id == winner[2]
            assert vault.check().ok
        finally:
            vault.lock()


def test_create_into_an_existing_vault_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(VaultExists):
        Vault.create(folder, "another passphrase", kdf=FAST, migrations=STEPS)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    unlock(folder).lock()


def test_a_dangling_link_named_vault_db_counts_as_present(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "vault.db").symlink_to(tmp_path / "elsewhere.db")
    with pytest.raises(VaultExists):
        Vault.create(folder, "p", kdf=FAST, migrations=STEPS)
    assert not (tmp_path / "elsewhere.db").exists()


def _boom(conn: Any) -> None:
    raise RuntimeError("migration failed")


def test_failed_init_leaves_no_lock_file_and_no_folder_it_made(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "deeper" / "vault"
    with pytest.raises(MigrationFailed):
        Vault.create(folder, "p", kdf=FAST, migrations=[_boom])
    assert not (tmp_path / "new").exists()


def test_failed_init_in_an_existing_folder_removes_only_its_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "notes.txt").write_text("the user's own file")
    with pytest.raises(MigrationFailed):
        Vault.create(folder, "p", kdf=FAST, migrations=[_boom])
    assert sorted(os.listdir(folder)) == ["notes.txt"]  # no lock file, no vault files


def test_failed_init_never_removes_a_file_another_process_put_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clean-up compares device and inode: a vault.db that is not the one this call created
    (here swapped in while it ran) is left alone."""
    folder = tmp_path / "v"
    real_connect = vault_mod._connect

    def swap_then_fail(db: Path, key: bytearray, *, create: bool) -> Any:
        db.unlink()
        db.write_bytes(b"someone else's database")
        (folder / "keyslots.json").unlink()
        (folder / "keyslots.json").write_bytes(b"someone else's key file")
        raise VaultDamaged("simulated")

    monkeypatch.setattr(vault_mod, "_connect", swap_then_fail)
    with pytest.raises(VaultDamaged):
        Vault.create(folder, "p", kdf=FAST, migrations=STEPS)
    assert (folder / "vault.db").read_bytes() == b"someone else's database"
    assert (folder / "keyslots.json").read_bytes() == b"someone else's key file"
    assert not (folder / LOCK_FILE).exists()
    monkeypatch.setattr(vault_mod, "_connect", real_connect)


def test_init_waits_for_a_concurrent_init_that_fails_then_succeeds(tmp_path: Path) -> None:
    """The lock is held by another init that has not written anything yet: this one waits,
    and when the other gives up (no vault), it creates the vault itself."""
    from msp_desktop.storage.lockfile import VaultLock

    folder = tmp_path / "v"
    folder.mkdir()
    other = VaultLock(folder / LOCK_FILE)
    other.acquire()
    import threading

    timer = threading.Timer(0.3, lambda: other.release(remove=True))
    timer.start()
    vault = Vault.create(folder, "p", kdf=FAST, migrations=STEPS)
    try:
        assert vault.check().ok
    finally:
        vault.lock()
        timer.join()
