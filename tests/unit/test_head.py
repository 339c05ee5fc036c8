"""The signed head (storage/head.py): cutting the audit log or a record with the passphrase is
found by `vault check`, each problem on its own line; the copy outside the database cannot be
edited, removed or put back from an older copy unnoticed; change numbers are gap-free unless a
restored vault passed over numbers its peers hold."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.services import sync as sync_service
from msp_desktop.services.maintenance import CheckReport, check_vault
from msp_desktop.services.session import Session
from msp_desktop.storage import head, migrations, sync_state
from msp_desktop.storage.identity import load_device
from msp_desktop.storage.schema import MIGRATIONS
from msp_desktop.storage.store import RecordStore
from msp_desktop.storage.vault import Vault
from tests.unit._sync_helpers import (
    PASS,
    close_all,
    export_to,
    finalised_note,
    make_replicas,
    make_session,
    open_case,
)

HEAD_INSIDE = "signed head inside the database"
HEAD_OUTSIDE = f"signed head outside the database ({head.HEAD_FILE})"
VOUCHED_AUDIT = "audit log holds what the signed head vouches for"
HIGH_WATER = "this laptop's changes up to its signed high-water mark"
TRIGGERS = "audit log protected against change (triggers)"
GAPS = "change numbers of every device are gap-free"
HEAD_LINES = {HEAD_INSIDE, HEAD_OUTSIDE, VOUCHED_AUDIT, HIGH_WATER, TRIGGERS, GAPS}


def failed(report: CheckReport) -> dict[str, str]:
    return {name: detail for name, ok, detail in report.checks if not ok}


def check(path: Path) -> CheckReport:
    session = Session.open(path, PASS)
    try:
        return check_vault(session)
    finally:
        session.close()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[tuple[Path, str, list[str]]]:
    """A closed vault: a case with three finalised notes. (path, case id, note ids)."""
    s = make_session(tmp_path / "v", 0)
    case_id, _ = open_case(s)
    notes = [finalised_note(s, case_id) for _ in range(3)]
    s.close()
    yield s.path, case_id, notes


def _resign(conn: object, device: object, folder: Path | None) -> None:
    """What an attacker with the passphrase and this code can do: sign a head that vouches
    for the cut database, with the device key from the database."""
    stored = head.load_stored(conn)
    assert stored is not None
    seq, digest = head.audit_top(conn)
    body = {**stored.body, "counter": stored.counter + 5, "audit_seq": seq,
            "audit_hash": digest, "own_seq": head.own_top(conn, stored.device_id),
            "synced": stored.counter + 5}
    forged = head.sign(device, body)  # type: ignore[arg-type]
    head.store(conn, forged)
    if folder is not None:
        head.write_file(folder, forged, durable=True)


def cut(path: Path, record_id: str, *, newest_audit: bool = True, resign_stored: bool = False,
        resign_outside: bool = False) -> None:
    """The attack, with the passphrase: drop the audit triggers, delete the audit entries from
    the record's creation on and every revision of the record, rebuild the projections so
    they match, and fix the stored audit head."""
    v = Vault.unlock(path, PASS)
    conn = v.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("DROP TRIGGER audit_no_delete")
        if newest_audit:
            first = conn.execute("SELECT min(seq) FROM audit WHERE entity_id = ?",
                                 (record_id,)).fetchone()[0]
            conn.execute("DELETE FROM audit WHERE seq >= ?", (first,))
        conn.execute("DELETE FROM revisions WHERE record_id = ?", (record_id,))
        device = load_device(conn)
        assert device is not None
        RecordStore(conn, device).rebuild_projections()
        seq, digest = head.audit_top(conn)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{digest}",))
        if resign_stored:
            _resign(conn, device, path if resign_outside else None)
        conn.execute("COMMIT")
    finally:
        v.lock()


def test_an_untouched_vault_passes_every_head_check(vault: tuple[Path, str, list[str]]
                                                     ) -> None:
    path, _, _ = vault
    report = check(path)
    assert report.ok, report.lines()
    assert {name for name, _, _ in report.checks} >= HEAD_LINES
    copy = head.read_file(path).head
    assert copy is not None and (path / head.HEAD_FILE).stat().st_mode & 0o777 == 0o600


def test_cutting_the_audit_log_and_a_record_is_found(vault: tuple[Path, str, list[str]]
                                                      ) -> None:
    path, _, notes = vault
    cut(path, notes[-1])
    report = check(path)
    bad = failed(report)
    # The old checks are satisfied by the attack ...
    assert "audit chain" not in bad and "projections match the revisions" not in bad
    # ... the new ones are not, each on its own line.
    assert set(bad) == {VOUCHED_AUDIT, HIGH_WATER, TRIGGERS}, report.lines()
    assert "no longer holds entry" in bad[VOUCHED_AUDIT]
    assert "2 of this laptop's changes" in bad[HIGH_WATER]
    assert "audit_no_delete is missing" in bad[TRIGGERS]
    assert sum(line.startswith("FAIL") for line in report.lines()) == 3
    # The finding is kept in every later head: writing more does not wash it out.
    s = Session.open(path, PASS)
    try:
        finalised_note(s, vault[1])
    finally:
        s.close()
    assert {VOUCHED_AUDIT, HIGH_WATER} <= set(failed(check(path)))


def test_re_signing_the_stored_head_is_caught_by_the_outside_copy(
        vault: tuple[Path, str, list[str]]) -> None:
    path, _, notes = vault
    cut(path, notes[-1], resign_stored=True)
    bad = failed(check(path))
    assert {VOUCHED_AUDIT, HIGH_WATER, TRIGGERS} <= set(bad)


def test_re_signing_both_copies_is_not_seen_locally_but_triggers_are(
        vault: tuple[Path, str, list[str]]) -> None:
    """The limit, stated: with the passphrase the device key is readable, so both copies can
    be forged; the triggers line still fails, and peers notice the rollback
    (test_sync_head.py)."""
    path, _, notes = vault
    cut(path, notes[-1], resign_stored=True, resign_outside=True)
    assert set(failed(check(path))) == {TRIGGERS}


def test_a_real_gap_in_this_laptops_numbers_fails(vault: tuple[Path, str, list[str]]) -> None:
    path, _, notes = vault
    cut(path, notes[0], newest_audit=False)  # a note in the middle: its numbers go missing
    v = Vault.unlock(path, PASS)
    try:
        v.conn.execute("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\nBEGIN SELECT"
                       " RAISE(ABORT, 'the audit log is append-only'); END")
        v.conn.execute("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\nBEGIN SELECT"
                       " RAISE(ABORT, 'the audit log is append-only'); END")
    finally:
        v.lock()
    bad = failed(check(path))
    assert set(bad) == {GAPS, HIGH_WATER}, bad
    assert "Laptop 0: 2 changes numbered" in bad[GAPS]


def test_a_gap_in_another_devices_numbers_fails(tmp_path: Path) -> None:
    a, b = make_replicas(tmp_path, 2)
    try:
        case_id, _ = open_case(a)
        note = finalised_note(a, case_id)
        finalised_note(a, case_id)
        [path] = export_to(a, tmp_path / "out", [b])
        sync_service.import_bundle(b, path)
        assert check_vault(b).ok
        b.conn.execute("DELETE FROM revisions WHERE record_id = ?", (note,))
        b.store.rebuild_projections()
        bad = failed(check_vault(b))
        assert set(bad) == {GAPS}, bad
        assert bad[GAPS].startswith("Laptop 0: 2 changes numbered")
    finally:
        close_all([a, b])


def test_a_restored_vault_passing_over_numbers_peers_hold_passes(tmp_path: Path) -> None:
    a, b = make_replicas(tmp_path, 2)
    restored = None
    try:
        case_id, _ = open_case(a)
        [first] = export_to(a, tmp_path / "first", [b])
        sync_service.import_bundle(b, first)
        a.close()
        shutil.copytree(a.path, tmp_path / "backup")
        later = Session.open(a.path, PASS)
        finalised_note(later, case_id)
        [sent] = export_to(later, tmp_path / "sent", [b])
        sync_service.import_bundle(b, sent)
        lost_top = head.own_top(later.conn, later.device.device_id)
        later.close()
        # The laptop is lost; its vault comes back from the backup and hears from b first.
        restored = Session.open(tmp_path / "backup", PASS)
        [from_b] = export_to(b, tmp_path / "from-b", [restored])
        sync_service.import_bundle(restored, from_b)
        held_top = head.own_top(restored.conn, restored.device.device_id)
        finalised_note(restored, case_id)  # numbered after what b acknowledged
        own = head.held(restored.conn, restored.device.device_id)
        assert own[0][1] == held_top and own[1][0] == lost_top + 1  # a real gap
        report = check_vault(restored)
        assert report.ok, report.lines()
        assert restored.heads is not None and restored.heads.last is not None
        assert restored.heads.last.skipped == [(held_top + 1, lost_top)]
    finally:
        close_all([x for x in (a, b, restored) if x is not None])


def test_a_rolled_back_write_leaves_no_gap(vault: tuple[Path, str, list[str]]) -> None:
    path, case_id, _ = vault
    s = Session.open(path, PASS)
    try:
        with pytest.raises(RuntimeError), s.write():
            s.store.create("contact_note", {"case_id": case_id})
            raise RuntimeError("the save failed after the revision was numbered")
        finalised_note(s, case_id)
        assert check_vault(s).ok
    finally:
        s.close()


# ----- the copy outside the database ----------------------------------------------------


def _edit_outside(path: Path) -> None:
    data = json.loads((path / head.HEAD_FILE).read_text())
    data["body"]["own_seq"] += 10  # claims more than was written; the signature no longer fits
    (path / head.HEAD_FILE).write_text(json.dumps(data))


def test_an_edited_outside_copy_is_found(vault: tuple[Path, str, list[str]]) -> None:
    path, _, _ = vault
    _edit_outside(path)
    bad = failed(check(path))
    assert set(bad) == {HEAD_OUTSIDE}, bad
    assert "cannot be trusted" in bad[HEAD_OUTSIDE]


def test_a_removed_outside_copy_is_found(vault: tuple[Path, str, list[str]]) -> None:
    path, _, _ = vault
    (path / head.HEAD_FILE).unlink()
    bad = failed(check(path))
    assert set(bad) == {HEAD_OUTSIDE}, bad
    assert "was removed" in bad[HEAD_OUTSIDE]


def test_an_outside_copy_put_back_from_earlier_is_found(
        vault: tuple[Path, str, list[str]], tmp_path: Path) -> None:
    path, case_id, _ = vault
    old = tmp_path / "old-head.json"
    shutil.copy2(path / head.HEAD_FILE, old)
    s = Session.open(path, PASS)
    finalised_note(s, case_id)
    s.close()
    shutil.copy2(old, path / head.HEAD_FILE)
    bad = failed(check(path))
    assert set(bad) == {HEAD_OUTSIDE}, bad
    assert "replaced by an older copy" in bad[HEAD_OUTSIDE]


def test_an_outside_copy_a_few_writes_behind_is_a_lower_bound(
        vault: tuple[Path, str, list[str]], tmp_path: Path) -> None:
    """What a power cut can leave: the copy written after the last fsync, not the newest."""
    path, case_id, _ = vault
    s = Session.open(path, PASS)
    finalised_note(s, case_id)
    behind = tmp_path / "behind.json"
    shutil.copy2(path / head.HEAD_FILE, behind)
    s.close()
    shutil.copy2(behind, path / head.HEAD_FILE)
    report = check(path)
    assert report.ok, report.lines()


def test_a_removed_stored_head_is_found(vault: tuple[Path, str, list[str]]) -> None:
    path, _, _ = vault
    v = Vault.unlock(path, PASS)
    try:
        v.conn.execute("DELETE FROM signed_head")
    finally:
        v.lock()
    bad = failed(check(path))
    assert set(bad) == {HEAD_INSIDE}, bad


def test_a_backup_opens_with_its_own_outside_copy(vault: tuple[Path, str, list[str]],
                                                  tmp_path: Path) -> None:
    path, _, _ = vault
    s = Session.open(path, PASS)
    try:
        s.vault.backup(tmp_path / "copy")
    finally:
        s.close()
    assert (tmp_path / "copy" / head.HEAD_FILE).exists()
    report = check(tmp_path / "copy")
    assert report.ok, report.lines()


def test_a_vault_from_before_signed_heads_upgrades_without_alarm(
        vault: tuple[Path, str, list[str]]) -> None:
    """Gaps from before the first head (a save that failed after numbering its change left
    one, in versions without heads) are accepted as found."""
    path, _, notes = vault
    v = Vault.unlock(path, PASS)
    try:
        for table in ("signed_head", "peer_heads"):
            v.conn.execute(f"DROP TABLE {table}")
        v.conn.execute("DELETE FROM meta WHERE key = 'head_since'")
        v.conn.execute("PRAGMA user_version = 2")
        v.conn.execute("DELETE FROM revisions WHERE record_id = ?", (notes[0],))
        device = load_device(v.conn)
        assert device is not None
        RecordStore(v.conn, device).rebuild_projections()
    finally:
        v.lock()
    (path / head.HEAD_FILE).unlink()
    report = check(path)
    assert report.ok, report.lines()
    s = Session.open(path, PASS)
    try:
        assert migrations.user_version(s.conn) == len(MIGRATIONS)
    finally:
        s.close()


def test_a_dropped_head_table_is_found_and_saving_goes_on(
        vault: tuple[Path, str, list[str]]) -> None:
    path, case_id, _ = vault
    v = Vault.unlock(path, PASS)
    try:
        v.conn.execute("DROP TABLE signed_head")
    finally:
        v.lock()
    s = Session.open(path, PASS)
    try:
        finalised_note(s, case_id)
        bad = failed(check_vault(s))
    finally:
        s.close()
    assert set(bad) == {HEAD_INSIDE}, bad
    assert "the signed head table is missing" in bad[HEAD_INSIDE]


_RANGES = st.lists(st.tuples(st.integers(1, 60), st.integers(0, 8)).map(
    lambda t: (t[0], t[0] + t[1])), max_size=8)


@given(_RANGES, _RANGES)
def test_subtract_is_set_difference(ranges: list[tuple[int, int]],
                                    minus: list[tuple[int, int]]) -> None:
    def numbers(rs: list[tuple[int, int]]) -> set[int]:
        return {n for lo, hi in rs for n in range(lo, hi + 1)}

    out = head.subtract(ranges, sync_state.normalise(minus))
    assert numbers(out) == numbers(ranges) - numbers(minus)
    assert all(lo <= hi for lo, hi in out)


# ----- the head signs the store's live clock ---------------------------------------------


def _signed_hlc(s: Session) -> str:
    assert s.heads is not None and s.heads.last is not None
    return s.heads.last.body["hlc"]


def test_the_head_signs_the_live_clock_after_an_import_preview(tmp_path: Path) -> None:
    """A preview (and a failed import) rolls back and gives the store a fresh clock; the
    heads signed afterwards carry that clock, not the discarded one."""
    a, b = make_replicas(tmp_path, 2)
    try:
        open_case(a)
        [path] = export_to(a, tmp_path / "out", [b])
        sync_service.preview_import(b, path)
        own_case, _ = open_case(b, "Morgan")
        assert _signed_hlc(b) == b.store.hlc.last()
        finalised_note(b, own_case)
        assert _signed_hlc(b) == b.store.hlc.last()
    finally:
        close_all([a, b])


def test_the_head_signs_the_live_clock_after_becoming_a_new_device(
        vault: tuple[Path, str, list[str]]) -> None:
    path, case_id, _ = vault
    s = Session.open(path, PASS)
    try:
        s.become_new_device("Laptop 2")
        assert _signed_hlc(s) == s.store.hlc.last()
        finalised_note(s, case_id)
        assert _signed_hlc(s) == s.store.hlc.last()
    finally:
        s.close()
