"""A right passphrase with a damaged vault gives VaultDamaged and never creates or changes
a file (ENC-1, ENC-3, ENC-6)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from msp_desktop.storage import vault as vault_mod
from msp_desktop.storage.errors import VaultDamaged

from ._vault_helpers import add_notes, make_vault, snapshot, unlock

PAGE = 4096


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 400)  # ~35 pages
    v.lock()
    assert (folder / "vault.db").stat().st_size >= 20 * PAGE
    return folder


def _flip(offset: int) -> Callable[[Path], None]:
    def damage(db: Path) -> None:
        data = bytearray(db.read_bytes())
        pos = offset if offset >= 0 else len(data) + offset
        data[pos] ^= 0xFF
        db.write_bytes(bytes(data))

    return damage


def _truncate(size: Callable[[int], int]) -> Callable[[Path], None]:
    def damage(db: Path) -> None:
        data = db.read_bytes()
        db.write_bytes(data[: size(len(data))])

    return damage


DAMAGES = {
    "flip page 1": _flip(100),
    "flip page 2": _flip(PAGE + 200),
    "flip middle page": _flip(10 * PAGE + 1234),
    "flip last page": _flip(-100),
    "truncate half": _truncate(lambda n: (n // PAGE // 2) * PAGE),
    "truncate mid-page": _truncate(lambda n: n - 1000),
    "truncate to 10 bytes": _truncate(lambda n: 10),
    "truncate to empty": _truncate(lambda n: 0),
}


@pytest.mark.parametrize("name", list(DAMAGES))
@pytest.mark.parametrize("large", [False, True], ids=["small", "large-vault-path"])
def test_damaged_db_is_reported_and_untouched(
    folder: Path, name: str, large: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if large:
        # Large vaults only get the cheap check at unlock; damage in a data page then shows
        # up in full_check(), which the app runs when idle and before every backup.
        monkeypatch.setattr(vault_mod, "FULL_CHECK_AT_UNLOCK_MAX_BYTES", 0)
    DAMAGES[name](folder / "vault.db")
    before = snapshot(folder)
    try:
        v = unlock(folder)
    except VaultDamaged as exc:
        assert "damaged" in exc.user_message
        assert exc.exit_code == 4
    else:
        assert large, "the full check at unlock must catch every damage"
        try:
            with pytest.raises(VaultDamaged):
                v.full_check()
            with pytest.raises(VaultDamaged):
                v.backup(folder.parent / "bk")
            assert not (folder.parent / "bk").exists()
        finally:
            v.lock()
    assert snapshot(folder) == before


def test_missing_db_with_keyslots_is_damage_and_no_db_is_created(folder: Path) -> None:
    (folder / "vault.db").unlink()
    before = snapshot(folder)
    with pytest.raises(VaultDamaged):
        unlock(folder)
    assert snapshot(folder) == before
    assert not (folder / "vault.db").exists()


def test_missing_keyslots_is_damage(folder: Path) -> None:
    (folder / "keyslots.json").unlink()
    before = snapshot(folder)
    with pytest.raises(VaultDamaged) as info:
        unlock(folder)
    assert "keyslots.json" in info.value.user_message
    assert snapshot(folder) == before


def test_garbled_keyslots_is_damage(folder: Path) -> None:
    (folder / "keyslots.json").write_text('{"format": 1, "slots": []}')
    with pytest.raises(VaultDamaged):
        unlock(folder)
