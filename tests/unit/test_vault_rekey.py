"""Revoking key material (issue 8, must fix 1): a passphrase change leaves nothing that opens
with the old passphrase, and `rekey` replaces the data key so old key files stop opening the
vault, with crash safety at every step (a killed child process at each step boundary)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from msp_desktop.storage.errors import VaultDamaged, WrongPassphrase
from msp_desktop.storage.keyslots import (
    MAX_OPSLIMIT,
    MIB,
    REKEY_FILE,
    read_keyslots,
)
from msp_desktop.storage.vault import REKEY_DB_FILE, Vault
from msp_desktop.sync.cards import generate_office_keys, load_card, load_identity

from ._vault_helpers import FAST, PASS, STEPS, add_notes, make_vault, unlock

NEW = "a completely new passphrase"
ROOT = Path(__file__).resolve().parents[2]


def _count(v: Vault) -> int:
    return int(v.conn.execute("SELECT count(*) FROM notes").fetchone()[0])


def _opens(folder: Path, passphrase: str) -> bool:
    try:
        unlock(folder, passphrase).lock()
    except (WrongPassphrase, VaultDamaged):
        return False
    return True


def test_change_passphrase_revokes_old_and_rewraps_internal_backups(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 5)
    inner = v.snapshot("before-import")  # a backup our code keeps inside the vault folder
    (folder / "keyslots.json.bak").write_bytes((folder / "keyslots.json").read_bytes())
    v.change_passphrase(NEW, kdf=FAST)
    v.lock()
    assert not (folder / "keyslots.json.bak").exists()
    assert not _opens(folder, PASS) and _opens(folder, NEW)
    # The kept backup no longer opens with the old passphrase, and does with the new one.
    assert not _opens(inner, PASS)
    assert _opens(inner, NEW)


def test_change_passphrase_restores_old_slots_if_the_new_file_does_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msp_desktop.storage import vault as vault_mod

    folder = tmp_path / "v"
    v = make_vault(folder)
    before = (folder / "keyslots.json").read_bytes()
    real = vault_mod.read_keyslots
    monkeypatch.setattr(vault_mod, "read_keyslots",
                        lambda f: (_ for _ in ()).throw(VaultDamaged("unreadable")))
    with pytest.raises(VaultDamaged):
        v.change_passphrase(NEW, kdf=FAST)
    monkeypatch.setattr(vault_mod, "read_keyslots", real)
    assert (folder / "keyslots.json").read_bytes() == before
    v.lock()
    assert _opens(folder, PASS)


def test_rekey_replaces_the_data_key_and_every_slot(tmp_path: Path) -> None:
    office = generate_office_keys(tmp_path / "office", "Office")
    card = load_card(office.card_path)
    folder = tmp_path / "v"
    v = make_vault(folder, recovery_recipient=card.age_recipient,
                   recovery_fingerprint=card.fingerprint)
    add_notes(v, 40)
    v.lock()
    stolen = tmp_path / "stolen-keyslots.json"
    shutil.copy2(folder / "keyslots.json", stolen)
    old_backup = tmp_path / "old-backup"
    v = unlock(folder)
    v.backup(old_backup)
    steps: list[str] = []
    v.rekey(PASS, new_passphrase=NEW, kdf=FAST, progress=lambda s, d, t: steps.append(s))
    assert _count(v) == 40
    add_notes(v, 1)  # still writable, under the new key
    v.lock()
    assert "Copying the vault" in steps and "Checking the copy" in steps
    assert sorted(p.name for p in folder.iterdir()) == ["keyslots.json", "vault.db", "vault.lock"]

    slots = read_keyslots(folder)
    assert slots.recovery is not None and slots.recovery.recipient == card.age_recipient
    v = unlock(folder, NEW)
    assert _count(v) == 41
    v.lock()
    assert not _opens(folder, PASS)
    # The recovery slot was re-made for the new key.
    ident = load_identity(office.identity_path).age_identity
    Vault.unlock_with_recovery(folder, ident, migrations=STEPS).lock()
    # A stolen old key file plus the old passphrase no longer opens the database.
    shutil.copy2(stolen, folder / "keyslots.json")
    with pytest.raises(VaultDamaged):
        unlock(folder, PASS)
    # ... while the earlier backup still opens with the old key and passphrase (as we say).
    b = unlock(old_backup, PASS)
    assert _count(b) == 40
    b.lock()


@pytest.mark.parametrize("step", ["pending-written", "swapped", "slots-written"])
def test_an_interrupted_rekey_that_kept_the_passphrase_opens_with_it(
    tmp_path: Path, step: str
) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 4)
    v.lock()
    env = dict(os.environ,
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), step, PASS, PASS],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 137, proc.stderr
    v = unlock(folder, PASS)
    assert _count(v) == 11
    v.lock()
    assert not (folder / REKEY_FILE).exists()


def test_the_rekey_record_never_leads_from_the_old_key_to_the_new(tmp_path: Path) -> None:
    from msp_desktop.storage.keyslots import PendingRekey, new_data_key

    folder = tmp_path / "v"
    v = make_vault(folder)
    old, new = new_data_key(), new_data_key()
    slots = read_keyslots(folder)
    pending = PendingRekey.make(slots, old, new)
    raw = pending.to_bytes()
    assert PendingRekey.from_bytes(raw).keys(old) == (old, None)
    assert PendingRekey.from_bytes(raw).keys(new) == (old, new)
    assert bytes(new).hex() not in raw.decode() and bytes(old).hex() not in raw.decode()
    v.lock()


def test_rekey_keeps_the_passphrase_when_no_new_one_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 3)
    old_db_key = read_keyslots(folder)
    v.rekey(PASS, kdf=FAST)
    v.lock()
    assert read_keyslots(folder) != old_db_key
    assert _opens(folder, PASS)


def test_rekey_refuses_a_wrong_passphrase_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 3)
    before = (folder / "keyslots.json").read_bytes()
    with pytest.raises(WrongPassphrase):
        v.rekey("not it", new_passphrase=NEW, kdf=FAST)
    assert _count(v) == 3
    v.lock()
    assert (folder / "keyslots.json").read_bytes() == before
    assert not (folder / REKEY_FILE).exists() and not (folder / REKEY_DB_FILE).exists()


CHILD = r"""
import os, sys
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.storage.vault import Vault
from tests.unit._vault_helpers import STEPS, add_notes

folder, crash_step = sys.argv[1], sys.argv[2]
v = Vault.unlock(folder, sys.argv[3], migrations=STEPS)
add_notes(v, 7, "late")  # committed, in the WAL, just before the rekey

def crash(step):
    if step == crash_step:
        os._exit(137)  # no clean-up runs: as if the power went

v.rekey(sys.argv[3], new_passphrase=sys.argv[4], kdf=KdfParams.fast(), crash_at=crash)
os._exit(0)
"""

# step at which the child dies -> which passphrase works afterwards
CRASH_STEPS = {
    "copy-written": "old", "pending-written": "old", "before-swap": "old",
    "swapped": "new", "slots-written": "new", "never": "new",
}


@pytest.mark.parametrize("step", sorted(CRASH_STEPS))
@pytest.mark.parametrize("typed", ["old", "new"])
def test_a_crash_at_any_step_of_rekey_leaves_exactly_one_working_key_set(
    tmp_path: Path, step: str, typed: str
) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 30)
    v.lock()
    env = dict(os.environ,
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), step, PASS, NEW],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == (0 if step == "never" else 137), proc.stderr

    survivor = CRASH_STEPS[step]
    phrase = {"old": PASS, "new": NEW}
    # The passphrase that fits the database's key opens an interrupted rekey ...
    if step in ("never", "slots-written") and typed == "old":
        assert not _opens(folder, PASS)  # keyslots.json already holds only the new slot
        typed = "new"
    if step == "copy-written" and typed == "new":
        assert not _opens(folder, NEW)  # the new slots were never written anywhere
        typed = "old"
    if step == "swapped" and typed == "old":
        # The database is under the new key, which the old passphrase must never reach.
        with pytest.raises(WrongPassphrase) as info:
            unlock(folder, PASS)
        assert "interrupted" in info.value.user_message
        typed = "new"
    v = unlock(folder, phrase[typed])
    assert _count(v) == 37  # nothing lost, the late notes included
    expected = {"old": "rolled_back", "new": "completed"}[survivor]
    assert v.rekey_outcome in ((None,) if step in ("never", "copy-written") else (expected,))
    assert not v.check().problems()
    v.lock()
    # ... and once settled, exactly one key set works, and no side file is left.
    assert _opens(folder, phrase[survivor])
    other = "new" if survivor == "old" else "old"
    assert not _opens(folder, phrase[other])
    assert not (folder / REKEY_FILE).exists() and not (folder / REKEY_DB_FILE).exists()


@pytest.mark.parametrize("field,value", [
    ("opslimit", 10_000), ("opslimit", MAX_OPSLIMIT + 1), ("memlimit", 4096 * MIB),
    ("memlimit", 512 * MIB),
])
def test_absurd_stored_kdf_parameters_are_refused_before_deriving(
    tmp_path: Path, field: str, value: int
) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    doc = json.loads((folder / "keyslots.json").read_text())
    doc["slots"][0][field] = value
    (folder / "keyslots.json").write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged) as info:
        unlock(folder)
    assert "out of range" in info.value.detail


def test_stored_kdf_work_is_capped_as_a_product(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    doc = json.loads((folder / "keyslots.json").read_text())
    doc["slots"][0]["opslimit"], doc["slots"][0]["memlimit"] = MAX_OPSLIMIT, 128 * MIB
    (folder / "keyslots.json").write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged):
        unlock(folder)


@pytest.mark.parametrize("step", ["copy-written", "pending-written", "before-swap"])
def test_a_failure_before_the_swap_leaves_the_vault_open_on_its_old_key(
    tmp_path: Path, step: str
) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 6)
    before = (folder / "keyslots.json").read_bytes()

    def fail(name: str) -> None:
        if name == step:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        v.rekey(PASS, new_passphrase=NEW, kdf=FAST, crash_at=fail)
    add_notes(v, 1)  # still open and writable
    assert _count(v) == 7
    v.lock()
    assert (folder / "keyslots.json").read_bytes() == before
    assert not (folder / REKEY_FILE).exists() and not (folder / REKEY_DB_FILE).exists()
    assert _opens(folder, PASS) and not _opens(folder, NEW)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_named_as_the_rekey_record_is_refused_at_once_not_waited_on(
    tmp_path: Path
) -> None:
    import threading

    folder = tmp_path / "v"
    make_vault(folder).lock()
    fifo = folder / REKEY_FILE
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            unlock(folder).lock()
            outcome.append(None)
        except BaseException as exc:  # reported below
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        # Release the reader stuck in open() so the test process can end.
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=5)
        pytest.fail("unlock hung on a FIFO named keyslots.rekey.json")
    assert len(outcome) == 1 and isinstance(outcome[0], VaultDamaged)


def test_an_unreadable_rekey_record_is_a_key_file_error_not_a_raw_os_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from msp_desktop.storage import keyslots
    from msp_desktop.storage.errors import KeyFileUnreadable

    folder = tmp_path / "v"
    make_vault(folder).lock()
    (folder / REKEY_FILE).write_bytes(b"{}")
    real_open = os.open

    def denied(path: object, *args: object, **kw: object) -> int:
        if str(path).endswith(REKEY_FILE):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(keyslots.os, "open", denied)
    with pytest.raises(KeyFileUnreadable):
        unlock(folder)
