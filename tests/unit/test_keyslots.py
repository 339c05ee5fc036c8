from __future__ import annotations

import json
import os
import stat
import sys
import unicodedata
from pathlib import Path

import pytest
from pyrage import x25519

from msp_desktop.storage import atomic
from msp_desktop.storage.errors import RecoveryFailed, VaultDamaged, VaultNotFound, WrongPassphrase
from msp_desktop.storage.keyslots import (
    MIN_MEMLIMIT,
    MIN_SECONDS,
    KdfParams,
    KeySlots,
    calibrate_with_timing,
    make_passphrase_slot,
    make_recovery_slot,
    new_data_key,
    new_vault_id,
    open_passphrase_slot,
    open_recovery_slot,
    read_keyslots,
    write_keyslots,
)

FAST = KdfParams.fast()


@pytest.mark.real_kdf_minimums
def test_production_kdf_meets_minimums() -> None:
    # ENC-2: run the real calibration once; it must reach 64 MiB and >= 0.5 s on this machine.
    params, elapsed = calibrate_with_timing()
    assert params.memlimit >= MIN_MEMLIMIT
    assert params.meets_minimums()
    assert elapsed >= MIN_SECONDS
    assert not FAST.meets_minimums()


def test_passphrase_slot_round_trip_and_wrong_passphrase() -> None:
    key, vid = new_data_key(), new_vault_id()
    slot = make_passphrase_slot(key, "pässword", vid, FAST)
    assert open_passphrase_slot(slot, "pässword", vid) == key
    with pytest.raises(WrongPassphrase) as info:
        open_passphrase_slot(slot, "password", vid)
    assert "incorrect" in info.value.user_message
    assert info.value.exit_code == 3


def test_passphrase_is_unicode_normalised() -> None:
    key, vid = new_data_key(), new_vault_id()
    slot = make_passphrase_slot(key, unicodedata.normalize("NFD", "Siân Ŵyn"), vid, FAST)
    assert open_passphrase_slot(slot, unicodedata.normalize("NFC", "Siân Ŵyn"), vid) == key


def test_slot_is_bound_to_parameters_and_vault() -> None:
    key, vid = new_data_key(), new_vault_id()
    slot = make_passphrase_slot(key, "pw", vid, FAST)
    with pytest.raises(WrongPassphrase):
        open_passphrase_slot(slot, "pw", new_vault_id())
    weaker = type(slot)(slot.salt, KdfParams(1, 8 * 1024 * 1024 - 1024), slot.nonce,
                        slot.wrapped_key)
    with pytest.raises(WrongPassphrase):
        open_passphrase_slot(weaker, "pw", vid)


def test_recovery_slot() -> None:
    office = x25519.Identity.generate()
    key, vid = new_data_key(), new_vault_id()
    slot = make_recovery_slot(key, str(office.to_public()), "FPR", vid)
    assert open_recovery_slot(slot, str(office), vid) == key
    with pytest.raises(RecoveryFailed):
        open_recovery_slot(slot, str(x25519.Identity.generate()), vid)
    with pytest.raises(RecoveryFailed):  # a slot pasted from another vault
        open_recovery_slot(slot, str(office), new_vault_id())
    with pytest.raises(RecoveryFailed):
        open_recovery_slot(slot, "not a key", vid)


def test_keyslots_file_atomic_and_no_old_copy_kept(tmp_path: Path) -> None:
    key, vid = new_data_key(), new_vault_id()
    first = KeySlots(vid, make_passphrase_slot(key, "one", vid, FAST))
    write_keyslots(tmp_path, first)
    assert read_keyslots(tmp_path) == first
    assert not (tmp_path / "keyslots.json.bak").exists()
    # A .bak left by an earlier version wraps the key under an old passphrase: removed.
    (tmp_path / "keyslots.json.bak").write_bytes(first.to_bytes())
    second = first.with_passphrase(make_passphrase_slot(key, "two", vid, FAST))
    write_keyslots(tmp_path, second)
    assert read_keyslots(tmp_path) == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "keyslots.json").stat().st_mode) == 0o600


@pytest.mark.parametrize("fail", ["write", "fsync", "replace", "fsync_dir"])
def test_atomic_write_failure_keeps_old_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: str
) -> None:
    target = tmp_path / "f.json"
    atomic.atomic_write_bytes(target, b"old")

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("injected")

    if fail == "write":
        monkeypatch.setattr(atomic.os, "fdopen", boom)
    elif fail == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", boom)
    elif fail == "replace":
        monkeypatch.setattr(atomic.os, "replace", boom)
    else:
        monkeypatch.setattr(atomic, "fsync_dir", boom)
    with pytest.raises(OSError):
        atomic.atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    # Either the old bytes or (only when the rename already happened) the complete new bytes.
    assert target.read_bytes() in (b"old", b"new")
    if fail != "fsync_dir":
        assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_atomic_no_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "f"
    atomic.atomic_write_bytes(target, b"a", overwrite=False)
    with pytest.raises(FileExistsError):
        atomic.atomic_write_bytes(target, b"b", overwrite=False)
    assert target.read_bytes() == b"a"
    assert os.listdir(tmp_path) == ["f"]


def test_orphan_temps_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / ".keyslots.json.abc1_3yz.tmp").write_bytes(b"half")  # as mkstemp names it
    (tmp_path / "keep.tmp").write_bytes(b"not ours")
    atomic.clean_orphan_temps(tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["keep.tmp"]


def test_malformed_keyslots_are_damage(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        read_keyslots(tmp_path)
    (tmp_path / "keyslots.json").write_text("{not json")
    with pytest.raises(VaultDamaged):
        read_keyslots(tmp_path)
    key, vid = new_data_key(), new_vault_id()
    doc = json.loads(KeySlots(vid, make_passphrase_slot(key, "pw", vid, FAST)).to_bytes())
    doc["slots"][0]["memlimit"] = 1 << 40  # a tampered file must not make unlock eat all RAM
    (tmp_path / "keyslots.json").write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged):
        read_keyslots(tmp_path)
