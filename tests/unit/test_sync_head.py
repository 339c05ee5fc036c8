"""Bundles carry the sender's signed head; the receiver keeps the newest per device and says
when a later bundle's head is lower (the sender was restored from a backup, or cut): imported
with a warning. Bundles without a head (older versions) still import."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop.services import office
from msp_desktop.services import sync as sync_service
from msp_desktop.services.session import Session
from msp_desktop.storage import head, sync_state
from msp_desktop.sync import exchange
from msp_desktop.sync.bundle import BundleRejected
from tests.unit._sync_helpers import (
    PASS,
    close_all,
    export_to,
    finalised_note,
    make_replicas,
    open_case,
)
from tests.unit.test_head import cut


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Session]]:
    sessions = make_replicas(tmp_path, 2)
    yield sessions
    close_all(sessions)


def _send(a: Session, b: Session, out: Path) -> sync_service.ImportResult:
    [path] = export_to(a, out, [b])
    return sync_service.import_bundle(b, path)


def rolled_back(result: sync_service.ImportResult) -> list[str]:
    return [line for line in result.preview.lines() if "appears to have been rolled back" in line]


def test_the_receiver_keeps_the_senders_newest_head(pair: list[Session], tmp_path: Path
                                                    ) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    first = _send(a, b, tmp_path / "1")
    finalised_note(a, case_id)
    second = _send(a, b, tmp_path / "2")
    seen = head.peer_head(b.conn, a.device.device_id)
    assert seen is not None and seen.head.own_seq == head.own_top(a.conn, a.device.device_id)
    assert seen.head.verifies(a.device.verify_key_hex)
    assert not rolled_back(first) and not rolled_back(second)


def test_a_restored_sender_is_reported_and_its_bundle_imported(pair: list[Session],
                                                               tmp_path: Path) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    _send(a, b, tmp_path / "1")
    a.close()
    shutil.copytree(a.path, tmp_path / "backup")
    later = Session.open(a.path, PASS)
    finalised_note(later, case_id)
    _send(later, b, tmp_path / "2")
    later.close()
    restored = Session.open(tmp_path / "backup", PASS)
    try:
        [from_b] = export_to(b, tmp_path / "from-b", [restored])
        sync_service.import_bundle(restored, from_b)
        result = _send(restored, b, tmp_path / "3")
        [line] = rolled_back(result)
        assert line.startswith(f"Device Laptop 0 ({a.device.device_id[:8]}) appears to have")
        assert "highest change number went from" in line and "restored from a backup" in line
        # Imported all the same: the bundle's receipt is merged and the import is audited.
        entry = b.audit.entries()[-1]
        assert entry.action == "bundle.import" and entry.detail["rolled_back"] is True
        # Said once: the next bundle from the restored vault is compared with this one.
        assert not rolled_back(_send(restored, b, tmp_path / "4"))
    finally:
        restored.close()


def test_a_sender_cut_with_its_passphrase_is_reported(pair: list[Session], tmp_path: Path
                                                     ) -> None:
    """Both of the sender's head copies re-signed to match the cut vault (its own check cannot
    see that): the receiver still notices, and imports the rest."""
    a, b = pair
    case_id, _ = open_case(a)
    notes = [finalised_note(a, case_id) for _ in range(2)]
    _send(a, b, tmp_path / "1")
    a.close()
    cut(a.path, notes[-1], resign_stored=True, resign_outside=True)
    cut_a = Session.open(a.path, PASS)
    try:
        result = _send(cut_a, b, tmp_path / "2")
        [line] = rolled_back(result)
        assert "audit log went from" in line and "highest change number went from" in line
    finally:
        cut_a.close()


def test_a_sender_that_found_itself_cut_says_so(pair: list[Session], tmp_path: Path) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    note = finalised_note(a, case_id)
    _send(a, b, tmp_path / "1")
    a.close()
    cut(a.path, note)  # SQL only: a's own next unlock records the break in its head
    cut_a = Session.open(a.path, PASS)
    try:
        lines = _send(cut_a, b, tmp_path / "2").preview.lines()
        assert any("Laptop 0's vault found a problem in itself: the audit log no longer holds"
                   in line for line in lines), lines
    finally:
        cut_a.close()


def test_an_older_bundle_imported_late_is_not_a_rollback(pair: list[Session], tmp_path: Path
                                                         ) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    [early] = export_to(a, tmp_path / "early", [b])
    finalised_note(a, case_id)
    _send(a, b, tmp_path / "late")
    result = sync_service.import_bundle(b, early)
    assert not rolled_back(result)
    seen = head.peer_head(b.conn, a.device.device_id)
    assert seen is not None and seen.head.own_seq == head.own_top(a.conn, a.device.device_id)


def test_a_bundle_without_a_head_still_imports(pair: list[Session], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    case_id, _ = open_case(a)
    finalised_note(a, case_id)
    write = exchange.write_volumes
    monkeypatch.setattr(exchange, "write_volumes",
                        lambda *args, **kw: write(*args, **{**kw, "head": None}))
    result = _send(a, b, tmp_path / "old")
    assert result.preview.outcome.new > 0 and not rolled_back(result)
    assert head.peer_head(b.conn, a.device.device_id) is None


def test_a_head_not_signed_by_the_sender_is_refused(pair: list[Session], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    open_case(a)
    assert a.heads is not None and a.heads.last is not None
    forged = head.sign(b.device, a.heads.last.body)  # a's head, signed by another key
    write = exchange.write_volumes
    monkeypatch.setattr(exchange, "write_volumes",
                        lambda *args, **kw: write(*args, **{**kw, "head": forged}))
    [path] = export_to(a, tmp_path / "forged", [b])
    before = sync_state.received_count(b.conn)
    with pytest.raises(BundleRejected, match="signed head"):
        sync_service.import_bundle(b, path)
    assert sync_state.received_count(b.conn) == before


def test_inspect_shows_the_senders_head(pair: list[Session], tmp_path: Path) -> None:
    a, _b = pair
    keys = office.keygen(tmp_path / "office", "County Office")
    card = sync_service.load_any_card(keys.card_path)
    sync_service.trust(a, card)
    open_case(a)
    out = tmp_path / "out"
    out.mkdir()
    [path] = sync_service.export_bundles(a, out, [card]).paths
    inspection = sync_service.inspect(path, keys.identity_path.read_text())
    assert a.heads is not None and a.heads.last is not None
    assert inspection.data["head"]["highest_change"] == a.heads.last.own_seq > 0
    assert any(line.startswith("Signed head: ") for line in inspection.lines)
