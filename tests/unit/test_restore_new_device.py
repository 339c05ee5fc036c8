"""A backup restored onto a second laptop gets a new device identity, so the two laptops
never number their changes the same way (issue 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop.services import maintenance
from msp_desktop.services import sync as sync_service
from msp_desktop.services.session import Session
from msp_desktop.storage.errors import VaultExists, WrongPassphrase
from tests.unit._sync_helpers import (
    PASS,
    close_all,
    export_to,
    finalised_note,
    make_replicas,
    open_case,
    revision_ids,
)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Session]]:
    """The original laptop (a) and the office or a colleague (b), trusting each other."""
    sessions = make_replicas(tmp_path, 2)
    yield sessions
    close_all(sessions)


def _seqs(s: Session, device_id: str) -> list[int]:
    return [r[0] for r in s.conn.execute(
        "SELECT device_seq FROM revisions WHERE device_id = ? ORDER BY device_seq",
        (device_id,))]


def test_restoring_as_a_new_device_then_syncing_with_the_original_does_not_collide(
    pair: list[Session], tmp_path: Path,
) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    finalised_note(a, case_id)
    [first] = export_to(a, tmp_path / "first", [b])
    sync_service.import_bundle(b, first)
    backup = maintenance.backup(a, tmp_path / "backup")
    old_id = a.device.device_id
    at_backup = _seqs(a, old_id)

    done = maintenance.restore(backup, tmp_path / "laptop2", PASS, device_name="Laptop 2")
    assert done.previous_device == old_id and done.device_id != old_id
    second = Session.open(done.path, PASS)
    try:
        assert second.device.device_id == done.device_id
        assert second.device.fingerprint() == done.fingerprint
        assert second.device.fingerprint() != a.device.fingerprint()
        assert maintenance.check_vault(second).ok  # old signatures still verify
        actions = [e.action for e in second.audit.entries()][-5:]
        assert actions == ["unlock", "device.replace", "restore", "lock", "unlock"]

        # Both laptops write after the restore: the original carries on its numbering, the
        # restored copy starts its own.
        finalised_note(a, case_id)
        finalised_note(second, case_id)
        assert _seqs(second, second.device.device_id) == [1, 2]  # the note: create, finalise
        assert _seqs(second, old_id) == at_backup
        assert max(_seqs(a, old_id)) > max(at_backup)

        # The worker sends the new card; everyone trusts it, then all exchange.
        sync_service.trust(b, sync_service.my_card(second))
        sync_service.trust(a, sync_service.my_card(second))
        for sender, receivers in ((a, [b, second]), (second, [a, b]), (b, [a, second])):
            for path in export_to(sender, tmp_path / f"out-{sender.device.short_id}",
                                  receivers, everything=True):
                for r in receivers:
                    sync_service.import_bundle(r, path)
        assert revision_ids(a) == revision_ids(b) == revision_ids(second)
        assert a.store.state_digest() == b.store.state_digest() == second.store.state_digest()
        for s in (a, b, second):
            assert maintenance.check_vault(s).ok
    finally:
        second.close()


def test_the_old_device_stays_known_and_the_new_one_is_self(
    pair: list[Session], tmp_path: Path,
) -> None:
    a, _ = pair
    open_case(a)
    backup = maintenance.backup(a, tmp_path / "backup")
    done = maintenance.restore(backup, tmp_path / "laptop2", PASS)
    s = Session.open(done.path, PASS)
    try:
        people, _ = sync_service.contact_list(s)
        known = {d.device_id: d for d in people}
        assert known[done.device_id].role == "self"
        assert known[a.device.device_id].role == "device"
        assert known[a.device.device_id].trust == "trusted"
        assert s.conn.execute("SELECT count(*) FROM device").fetchone()[0] == 1
    finally:
        s.close()


def test_same_device_restore_keeps_the_identity(pair: list[Session], tmp_path: Path) -> None:
    a, _ = pair
    open_case(a)
    backup = maintenance.backup(a, tmp_path / "backup")
    done = maintenance.restore(backup, tmp_path / "again", PASS, new_device=False)
    assert done.previous_device is None and done.device_id == a.device.device_id
    again = Session.open(done.path, PASS)
    try:  # the backup's signed head came with it, so nothing looks cut
        report = maintenance.check_vault(again)
        assert report.ok, report.lines()
    finally:
        again.close()


def test_restore_refuses_a_used_folder_and_leaves_nothing_on_a_wrong_passphrase(
    pair: list[Session], tmp_path: Path,
) -> None:
    a, _ = pair
    backup = maintenance.backup(a, tmp_path / "backup")
    used = tmp_path / "used"
    used.mkdir()
    (used / "keep.txt").write_text("mine")
    with pytest.raises(VaultExists):
        maintenance.restore(backup, used, PASS)
    assert [p.name for p in used.iterdir()] == ["keep.txt"]
    with pytest.raises(WrongPassphrase):
        maintenance.restore(backup, tmp_path / "wrong", "not the passphrase")
    assert not (tmp_path / "wrong").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".wrong")]
