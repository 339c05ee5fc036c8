"""Session-level key changes (issue 8): audit rows that survive a crash, failed unlocks moved
into the audit log, the vault id inside the database, weak key derivation warned about and
failed by `vault check`, the passphrase policy shared by the GUI and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msp_desktop.services.maintenance import check_vault
from msp_desktop.services.passphrase_policy import (
    MIN_LENGTH,
    new_passphrase_problem,
    text_problem,
)
from msp_desktop.services.session import Session
from msp_desktop.storage.errors import KeyFileMismatch, WrongPassphrase
from msp_desktop.storage.keyslots import MIB, KdfParams
from msp_desktop.storage.unlock_failures import FAILURES_FILE, MAX_TIMES, read_failures
from msp_desktop.storage.vault_meta import stored_vault_id
from tests.unit.conftest import FakeClock

PASS = "services-test-passphrase"
NEW = "another-test-passphrase-9"
ROOT = Path(__file__).resolve().parents[2]


def make(folder: Path, clock: FakeClock | None = None) -> Session:
    return Session.create(folder, PASS, kdf=KdfParams.fast(), author="t.worker",
                          device_name="Test laptop", clock=clock)


def actions(s: Session) -> list[tuple[str, dict[str, object]]]:
    return [(e.action, e.detail) for e in s.audit.entries()]


# ----- failed unlocks ----------------------------------------------------------------------


def test_failed_unlocks_are_counted_then_moved_into_the_audit_log(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    clock = FakeClock()
    make(folder, clock).close()
    for _ in range(3):
        clock.advance(60)
        with pytest.raises(WrongPassphrase):
            Session.open(folder, "not the passphrase", clock=clock)
    failures = read_failures(folder)
    assert failures.count == 3 and len(failures.times) == 3
    raw = (folder / FAILURES_FILE).read_text()
    assert "not the passphrase" not in raw and "passphrase" not in raw

    s = Session.open(folder, PASS, clock=clock)
    try:
        assert s.failed_unlocks.count == 3
        assert s.failed_unlocks.since == failures.times[0]
        failed = [d for a, d in actions(s) if a == "unlock.failed"]
        assert [d["at"] for d in failed] == list(failures.times)
        assert not s.audit.verify()
    finally:
        s.close()
    assert not (folder / FAILURES_FILE).exists()
    s = Session.open(folder, PASS, clock=clock)
    assert not s.failed_unlocks
    s.close()


def test_many_failed_unlocks_keep_the_count_and_the_latest_times(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make(folder).close()
    for _ in range(MAX_TIMES + 5):
        with pytest.raises(WrongPassphrase):
            Session.open(folder, "nope")
    s = Session.open(folder, PASS)
    try:
        assert s.failed_unlocks.count == MAX_TIMES + 5
        failed = [d for a, d in actions(s) if a == "unlock.failed"]
        assert len(failed) == MAX_TIMES + 1
        assert failed[-1]["earlier_attempts"] == 5
    finally:
        s.close()


@given(st.binary(max_size=300))
@settings(max_examples=60, deadline=None)
def test_an_edited_failure_file_never_breaks_unlock_accounting(raw: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / FAILURES_FILE).write_bytes(raw)
        got = read_failures(Path(tmp))
        assert got.count >= 1 and len(got.times) <= MAX_TIMES


# ----- passphrase change audit -------------------------------------------------------------


def test_passphrase_change_is_audited_as_started_and_completed(tmp_path: Path) -> None:
    s = make(tmp_path / "v")
    try:
        s.change_passphrase(NEW, kdf=KdfParams.fast())
        stages = [d.get("stage") for a, d in actions(s) if a == "passphrase.change"]
        assert stages == ["started", "completed"]
    finally:
        s.close()


CRASH_AFTER_KEY_FILE = r"""
import os, sys
from msp_desktop.services.session import Session
from msp_desktop.storage import vault as vault_mod
from msp_desktop.storage.keyslots import KdfParams

# Die right after the new keyslots.json is in place, before the session commits anything more.
vault_mod.Vault._rewrap_backups = lambda self, slots: os._exit(137)
s = Session.open(sys.argv[1], sys.argv[2])
s.change_passphrase(sys.argv[3], kdf=KdfParams.fast())
"""


def test_a_crash_between_key_file_and_audit_commit_keeps_a_record(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make(folder).close()
    env = dict(os.environ,
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", CRASH_AFTER_KEY_FILE, str(folder), PASS, NEW],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 137, proc.stderr
    with pytest.raises(WrongPassphrase):
        Session.open(folder, PASS)
    s = Session.open(folder, NEW)
    try:
        assert ("passphrase.change", {"stage": "started"}) in actions(s)
    finally:
        s.close()


# ----- vault id inside the database ------------------------------------------------------


def test_vault_id_is_stored_and_a_foreign_key_file_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    s = make(folder)
    vault_id = s.vault.vault_id
    assert stored_vault_id(s.conn) == vault_id
    # A vault made before the row existed gets it at the next unlock.
    with s.write():
        s.conn.execute("DELETE FROM meta WHERE key = 'vault_id'")
    s.close()
    s = Session.open(folder, PASS)
    assert stored_vault_id(s.conn) == vault_id
    with s.write():
        s.conn.execute("UPDATE meta SET value = ? WHERE key = 'vault_id'", ("ab" * 16,))
    s.close()
    with pytest.raises(KeyFileMismatch) as info:
        Session.open(folder, PASS)
    assert info.value.exit_code == 4
    assert "belongs to another vault" in info.value.user_message


# ----- weak key derivation -----------------------------------------------------------------


@pytest.mark.real_kdf_minimums
def test_weak_kdf_fails_check_and_can_be_strengthened(tmp_path: Path) -> None:
    s = make(tmp_path / "v")
    try:
        assert s.vault.weak_kdf
        report = check_vault(s)
        assert not report.ok
        [line] = [ln for ln in report.lines() if ln.startswith("FAIL")]
        assert "key derivation" in line and "below the minimum" in line
        with pytest.raises(WrongPassphrase):
            s.strengthen_kdf("not it", kdf=KdfParams(2, 64 * MIB))
        s.strengthen_kdf(PASS, kdf=KdfParams(2, 64 * MIB))
        assert not s.vault.weak_kdf
        assert check_vault(s).ok
        stages = [d for a, d in actions(s) if a == "passphrase.change"]
        assert stages[-1] == {"stage": "completed", "reason": "strengthen key derivation"}
    finally:
        s.close()
    slots = json.loads((tmp_path / "v" / "keyslots.json").read_text())["slots"][0]
    assert (slots["opslimit"], slots["memlimit"]) == (2, 64 * MIB)
    Session.open(tmp_path / "v", PASS).close()


# ----- passphrase policy -------------------------------------------------------------------


def test_policy_refuses_short_weak_and_undecodable_passphrases() -> None:
    assert "too short" in new_passphrase_problem("a" * (MIN_LENGTH - 1))
    assert "too easy to guess" in new_passphrase_problem("password1234")
    assert "not valid text" in new_passphrase_problem("blue-heron-\udcff-lantern-42")
    assert new_passphrase_problem("blue-heron-42-lantern") == ""


@given(st.text(min_size=1, max_size=40))
@settings(max_examples=80, deadline=None)
def test_text_problem_matches_utf8_encodability(text: str) -> None:
    try:
        text.encode("utf-8")
        encodable = "\x00" not in text
    except UnicodeEncodeError:
        encodable = False
    assert (text_problem(text) == "") == encodable


# ----- rekey through the service -----------------------------------------------------------


def test_session_rekey_keeps_working_and_is_audited(tmp_path: Path) -> None:
    from msp_desktop.services import cases

    folder = tmp_path / "v"
    s = make(folder)
    try:
        cases.open_case(s, {"family_name": "Pritchard", "given_names": "Eirlys",
                            "jurisdiction": "ENG"},
                        {"status": "enquiry_in_progress", "opened_at": "2026-01-10"})
        s.reader()  # a second connection is open, as in the app
        before = s.store.state_digest()
        with pytest.raises(WrongPassphrase):
            s.rekey("not it", kdf=KdfParams.fast())
        s.rekey(PASS, new_passphrase=NEW, kdf=KdfParams.fast())
        assert s.store.state_digest() == before
        cases.open_case(s, {"family_name": "Okonkwo", "given_names": "Adaeze",
                            "jurisdiction": "ENG"},
                        {"status": "enquiry_in_progress", "opened_at": "2026-01-11"})
        assert s.reader().store.revision_count() == s.store.revision_count()
        stages = [d.get("stage") for a, d in actions(s) if a == "vault.rekey"]
        assert stages == ["started", "completed"]
        assert check_vault(s).ok
    finally:
        s.close()
    with pytest.raises(WrongPassphrase):
        Session.open(folder, PASS)
    Session.open(folder, NEW).close()
