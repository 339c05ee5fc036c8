"""Robustness items of the security issue (#8): large-vault damage from one-shot commands,
`vault check` reporting instead of crashing, distinct errors (key file unreadable, disk full,
damage), owner-only permissions, symbolic links, input limits and temp-file clean-up."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlcipher3 import dbapi2 as sqlite3

from msp_desktop.services import cases, records
from msp_desktop.services.errors import DiskFull, KeyFileUnreadable
from msp_desktop.services.maintenance import check_vault
from msp_desktop.services.session import Session
from msp_desktop.storage import atomic, keyslots
from msp_desktop.storage import vault as vault_mod
from msp_desktop.storage.errors import VaultDamaged, VaultError, VaultInUse
from msp_desktop.storage.keyslots import MAX_KEYSLOTS_BYTES, KdfParams
from msp_desktop.storage.lockfile import LOCK_FILE
from msp_desktop.sync import bundle, cards, device_cards
from tests.unit._vault_helpers import add_notes, make_vault, unlock

SPASS = "robust test pass phrase"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _filled(path: Path, notes: int = 120) -> str:
    session = Session.create(path, SPASS, kdf=KdfParams.fast(), author="t", device_name="t")
    case = cases.open_case(session, {"family_name": "Hughes", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-01-05"}).state
    with session.write():
        for i in range(notes):
            records.create(session, "contact_note", {
                "case_id": case.record_id, "note_type": "PHONE",
                "event_start": "2026-01-06T10:00:00+00:00",
                "facts": f"Call {i}: " + "the adult talked about the week at some length. " * 20,
            })
    session.close()
    return case.record_id


def _damage_past_the_cheap_check(folder: Path) -> None:
    """Flip a byte in a page in the second half that unlock's cheap check does not read."""
    db = folder / "vault.db"
    original = db.read_bytes()
    page = 4096
    pages = len(original) // page
    assert pages > 20
    for n in range(pages // 2, pages - 1):
        data = bytearray(original)
        data[n * page + 100] ^= 0xFF
        db.write_bytes(bytes(data))
        try:
            Session.open(folder, SPASS).vault.lock()  # cheap check only: unlocks
        except VaultDamaged:
            continue
        db.write_bytes(bytes(data))  # the unlock above wrote only to the -wal; keep it exact
        return
    pytest.fail("every damaged page was caught by the cheap check")


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_mod, "FULL_CHECK_AT_UNLOCK_MAX_BYTES", 0)


# ----- Must fix 7: large vaults ------------------------------------------------------------


def test_full_check_first_refuses_a_damaged_large_vault_before_writing(
    tmp_path: Path, large: None
) -> None:
    folder = tmp_path / "v"
    _filled(folder)
    _damage_past_the_cheap_check(folder)
    before = _sha(folder / "vault.db")
    with pytest.raises(VaultDamaged):
        Session.open(folder, SPASS, full_check=True)
    assert _sha(folder / "vault.db") == before
    assert not (folder / "vault.db-wal").exists() or (folder / "vault.db-wal").stat().st_size == 0
    # The lock was released: the vault can be opened again (to read, or to copy).
    Session.open(folder, SPASS, keep_damaged=True).close()


def test_full_check_first_passes_a_sound_large_vault(tmp_path: Path, large: None) -> None:
    folder = tmp_path / "v"
    _filled(folder, notes=5)
    session = Session.open(folder, SPASS, full_check=True)
    try:
        assert not session.vault.needs_background_check
        assert not session.vault.read_only
    finally:
        session.close()


def test_vault_check_reports_each_failed_step_of_a_damaged_large_vault(
    tmp_path: Path, large: None
) -> None:
    folder = tmp_path / "v"
    _filled(folder)
    _damage_past_the_cheap_check(folder)
    before = _sha(folder / "vault.db")
    session = Session.open(folder, SPASS, keep_damaged=True)
    try:
        assert session.vault.read_only
        report = check_vault(session)  # no exception: a report
    finally:
        session.close()
    assert not report.ok
    failed = {name for name, ok, _d in report.checks if not ok}
    assert "cipher_integrity_check (page HMACs)" in failed
    assert "quick_check" in failed
    names = [name for name, _ok, _d in report.checks]
    assert "projections match the revisions" in names  # later steps still ran
    assert all(ln.startswith(("ok", "FAIL")) for ln in report.lines())
    assert _sha(folder / "vault.db") == before  # not even the unlock or lock audit entry


def test_a_database_error_in_one_step_is_a_fail_line_and_the_rest_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "v"
    _filled(folder, notes=2)
    session = Session.open(folder, SPASS)
    try:
        def broken() -> list[str]:
            raise sqlite3.DatabaseError("database disk image is malformed")

        monkeypatch.setattr(session.audit, "verify", broken)
        report = check_vault(session)
    finally:
        session.close()
    lines = report.lines()
    assert any(ln.startswith("FAIL  audit chain: could not run: DatabaseError") for ln in lines)
    assert any("revision hashes and signatures" in ln and ln.startswith("ok") for ln in lines)
    assert any("projections match" in ln and ln.startswith("ok") for ln in lines)
    assert not report.ok


def test_vault_check_survives_a_page_that_raises(tmp_path: Path) -> None:
    """Vault.check() itself: a pragma that raises becomes that part's failure."""
    v = make_vault(tmp_path / "v")
    try:
        real = v._conn

        class Raising:
            def __getattr__(self, name: str) -> Any:
                return getattr(real, name)

            def execute(self, sql: str, *a: Any) -> Any:
                if "quick_check" in sql:
                    raise sqlite3.DatabaseError("database disk image is malformed")
                return real.execute(sql, *a)

        v._conn = Raising()
        report = v.check()
        v._conn = real
        assert not report.ok
        assert report.quick_check == ["DatabaseError: database disk image is malformed"]
        assert report.cipher_integrity_check == []
    finally:
        v.lock()


# ----- distinct errors ---------------------------------------------------------------------


@pytest.mark.parametrize("err", [errno.EACCES, errno.EIO])
def test_an_unreadable_key_file_is_not_called_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int
) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    real_open = os.open

    def refusing(path: Any, flags: int, *a: Any, **kw: Any) -> int:
        if str(path).endswith("keyslots.json"):
            raise OSError(err, os.strerror(err), str(path))
        return real_open(path, flags, *a, **kw)

    monkeypatch.setattr(keyslots.os, "open", refusing)
    derived: list[str] = []
    monkeypatch.setattr(KdfParams, "derive", lambda *a: derived.append("kdf") or b"")
    with pytest.raises(KeyFileUnreadable) as info:
        unlock(folder)
    assert derived == []  # the passphrase was never checked
    assert "passphrase is correct" not in info.value.user_message
    assert "damaged" not in info.value.user_message
    assert info.value.exit_code == 1


def test_a_garbled_key_file_does_not_claim_the_passphrase_is_correct(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    (folder / "keyslots.json").write_text("{not json")
    with pytest.raises(VaultDamaged) as info:
        unlock(folder)
    assert "passphrase is correct" not in info.value.user_message
    assert "could not be checked" in info.value.user_message
    assert info.value.exit_code == 4


def test_a_full_disk_during_a_save_is_disk_full_and_nothing_saved_is_lost(
    tmp_path: Path
) -> None:
    folder = tmp_path / "v"
    case_id = _filled(folder, notes=1)
    session = Session.open(folder, SPASS)
    try:
        pages = session.conn.execute("PRAGMA page_count").fetchone()[0]
        session.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFull) as info:  # SQLite's real SQLITE_FULL at the save
            records.create(session, "contact_note", {
                "case_id": case_id, "note_type": "PHONE",
                "event_start": "2026-01-07T10:00:00+00:00",
                "facts": "A long note that does not fit. " * 400,
            })
        assert "Nothing you saved before is lost" in info.value.user_message
        assert "damaged" not in info.value.user_message.replace("not damaged", "")
        assert not session.conn.in_transaction
        session.conn.execute("PRAGMA max_page_count = 1073741823")
        assert session.store.get(case_id) is not None
    finally:
        session.close()
    again = Session.open(folder, SPASS)
    try:
        assert check_vault(again).ok
    finally:
        again.close()


def test_disk_full_is_told_apart_from_damage() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.DatabaseError) as info:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    assert isinstance(vault_mod._storage_error(info.value, "x"), DiskFull)
    enospc = OSError(errno.ENOSPC, "No space left on device")
    assert isinstance(vault_mod._storage_error(enospc, "x"), DiskFull)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    assert type(vault_mod._storage_error(corrupt, "x")) is VaultDamaged


def test_a_full_disk_during_a_backup_is_disk_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    v = make_vault(tmp_path / "v")
    try:
        def no_space(*a: Any, **kw: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(vault_mod, "fsync_file", no_space)
        with pytest.raises(DiskFull):
            v.backup(tmp_path / "copy")
        assert not (tmp_path / "copy").exists()
        assert [p.name for p in tmp_path.iterdir()] == ["v"]  # the temp folder is gone too
    finally:
        v.lock()


# ----- permissions -------------------------------------------------------------------------


@pytest.fixture
def loose_umask() -> Any:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_create_makes_the_folder_and_the_parents_it_creates_owner_only(
    tmp_path: Path, loose_umask: None
) -> None:
    existing = tmp_path / "Documents"
    existing.mkdir(mode=0o755)
    folder = existing / "work" / "vault"
    make_vault(folder).lock()
    assert _mode(folder) == 0o700
    assert _mode(existing / "work") == 0o700
    assert _mode(existing) == 0o755  # not ours: left as it was
    for name in ("vault.db", "keyslots.json"):
        assert _mode(folder / name) == 0o600


def test_create_in_an_existing_open_folder_makes_it_owner_only(
    tmp_path: Path, loose_umask: None
) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir(mode=0o755)
    make_vault(folder).lock()
    assert _mode(folder) == 0o700


def test_open_tightens_looser_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    os.chmod(folder, 0o755)
    os.chmod(folder / "vault.db", 0o644)
    os.chmod(folder / "keyslots.json", 0o664)
    unlock(folder).lock()
    assert _mode(folder) == 0o700
    assert _mode(folder / "vault.db") == 0o600
    assert _mode(folder / "keyslots.json") == 0o600


def test_a_wrong_passphrase_changes_no_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    os.chmod(folder, 0o755)
    with pytest.raises(VaultError):
        unlock(folder, "wrong")
    assert _mode(folder) == 0o755


# ----- symbolic links ----------------------------------------------------------------------


def test_a_symlinked_lock_file_is_refused_and_its_target_not_created(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    (folder / LOCK_FILE).unlink()
    target = tmp_path / "victim"
    (folder / LOCK_FILE).symlink_to(target)
    with pytest.raises(VaultError, match="link"):
        unlock(folder)
    assert not target.exists()


@pytest.mark.parametrize("name", ["vault.db", "keyslots.json", "vault.db-wal"])
def test_a_symlinked_vault_file_is_refused(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 3)
    v.lock()
    real = tmp_path / f"real-{name}"
    if (folder / name).exists():
        os.replace(folder / name, real)
    else:
        real.write_bytes(b"")
    (folder / name).symlink_to(real)
    before = real.read_bytes()
    with pytest.raises(VaultDamaged) as info:
        unlock(folder)
    assert "passphrase is correct" not in info.value.user_message
    assert real.read_bytes() == before


def test_one_database_cannot_be_opened_twice_through_a_symlinked_folder(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    alias = tmp_path / "alias"
    alias.symlink_to(folder)
    first = unlock(folder)
    try:
        with pytest.raises(VaultInUse):
            unlock(alias)
    finally:
        first.lock()
    second = unlock(alias)  # opening through the link alone is fine; it is the same vault
    try:
        assert second.path == folder.resolve()
    finally:
        second.lock()


def test_a_fifo_named_keyslots_json_is_refused_without_hanging(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    (folder / "keyslots.json").unlink()
    os.mkfifo(folder / "keyslots.json")
    with pytest.raises(VaultDamaged):
        unlock(folder)


# ----- input limits ------------------------------------------------------------------------


def test_an_oversized_key_file_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    good = (folder / "keyslots.json").read_bytes()
    (folder / "keyslots.json").write_bytes(good + b" " * MAX_KEYSLOTS_BYTES)
    parsed: list[bytes] = []
    monkeypatch.setattr(keyslots.json, "loads", lambda s, **kw: parsed.append(s))
    with pytest.raises(VaultDamaged, match="larger than"):
        unlock(folder)
    assert parsed == []


@pytest.mark.parametrize("depth", [1000, 20_000])
def test_deeply_nested_key_file_is_damage_not_a_crash(tmp_path: Path, depth: int) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    (folder / "keyslots.json").write_bytes(b"[" * depth + b"]" * depth)
    with pytest.raises(VaultDamaged):
        unlock(folder)


def test_deeply_nested_or_huge_office_cards_are_invalid_cards(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 30_000 + b"]" * 30_000)
    with pytest.raises(cards.CardInvalid):
        cards.load_card(deep)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b'{"a": "' + b"x" * (cards.MAX_CARD_BYTES + 10) + b'"}')
    with pytest.raises(cards.CardInvalid, match="too large"):
        cards.load_card(huge)
    with pytest.raises(cards.CardInvalid):
        device_cards.load_any_card(deep)
    assert cards.CardInvalid.exit_code == 4


def test_deeply_nested_bundle_json_is_rejected() -> None:
    with pytest.raises(bundle.BundleRejected):
        bundle._json(b"[" * 50_000 + b"]" * 50_000, "manifest")
    with pytest.raises(bundle.BundleRejected):
        bundle._json(json.dumps({"a": "\\u00e9"}).encode() + b"[" * 50_000, "change")


# ----- temp-file clean-up ------------------------------------------------------------------


def test_clean_up_removes_only_our_own_temp_files(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    ours = folder / ".keyslots.json.k3j_9a2b.tmp"
    ours_bak = folder / ".keyslots.json.bak.0123abcd.tmp"
    users = [folder / ".notes.tmp", folder / ".keyslots.json.tmp", folder / ".my.abcdefgh.tmp",
             folder / ".keyslots.json.ABCDEFGH.tmp"]
    for p in [ours, ours_bak, *users]:
        p.write_bytes(b"x")
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    link = folder / ".keyslots.json.zzzzzzzz.tmp"
    link.symlink_to(victim)
    a_dir = folder / ".keyslots.json.yyyyyyyy.tmp"
    a_dir.mkdir()
    unlock(folder).lock()
    assert not ours.exists() and not ours_bak.exists()
    for p in users:
        assert p.exists(), p
    assert link.is_symlink() and victim.read_bytes() == b"keep"
    assert a_dir.is_dir()


def test_the_generic_clean_up_matches_mkstemp_names_only(tmp_path: Path) -> None:
    (tmp_path / ".notes.tmp").write_bytes(b"user")
    (tmp_path / ".f.abcd_123.tmp").write_bytes(b"ours")
    with atomic.atomic_writer(tmp_path / "g") as fh:  # a real temp name, then completed
        fh.write(b"g")
    removed = atomic.clean_orphan_temps(tmp_path)
    assert [p.name for p in removed] == [".f.abcd_123.tmp"]
    assert sorted(os.listdir(tmp_path)) == [".notes.tmp", "g"]


def test_backup_clean_up_removes_only_half_written_backups(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    v.snapshot("manual")
    v.lock()
    backups = folder / "backups"
    ours = backups / ".20260101T101010Z-before-import.a1b2c3d4.tmp"
    ours.mkdir()
    (ours / "vault.db").write_bytes(b"half")
    mine = backups / ".my-notes.tmp"
    mine.mkdir()
    (mine / "letter.txt").write_text("the user's")
    stray = backups / ".20260101T101010Z-x.a1b2c3d4.tmp.txt"
    stray.write_text("a file")
    unlock(folder).lock()
    assert not ours.exists()
    assert (mine / "letter.txt").exists()
    assert stray.exists()
    assert len([p for p in backups.iterdir() if not p.name.startswith(".")]) == 1


# ----- properties --------------------------------------------------------------------------

_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=2000),
    _JSONISH.map(lambda v: json.dumps(v).encode()),
    st.integers(1, 200_000).map(lambda d: b"[" * d),
    st.integers(1, 200_000).map(lambda d: b'{"a":' * d + b"1" + b"}" * d),
))
def test_any_key_file_content_is_a_key_file_or_damage(content: bytes) -> None:
    """Whatever bytes keyslots.json holds, reading it gives key slots or VaultDamaged (the
    passphrase "could not be checked"), never another exception."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        Path(d, "keyslots.json").write_bytes(content)
        try:
            keyslots.read_keyslots(Path(d))
        except VaultDamaged:
            pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_characters="/\0", codec="utf-8"),
                        min_size=1, max_size=40), max_size=8, unique=True))
def test_clean_up_removes_nothing_but_temps_named_as_ours(names: list[str]) -> None:
    import re
    import tempfile

    ours = re.compile(r"\.(keyslots\.json|keyslots\.json\.bak)\.[a-z0-9_]{8}\.tmp")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        made = []
        for n in names:
            if n in (".", "..") or len(n.encode()) > 200:
                continue
            with contextlib.suppress(OSError):
                (folder / n).write_bytes(b"user")
                made.append(n)
        fd, real = tempfile.mkstemp(prefix=".keyslots.json.", suffix=".tmp", dir=folder)
        os.close(fd)
        removed = atomic.clean_orphan_temps(
            folder, names=("keyslots.json", "keyslots.json.bak"))
        assert Path(real) in removed
        for n in made:
            assert (folder / n).exists() or ours.fullmatch(n), n


def test_a_small_damaged_vault_opens_read_only_for_the_check_and_is_reported(
    tmp_path: Path
) -> None:
    folder = tmp_path / "v"
    _filled(folder, notes=40)
    assert (folder / "vault.db").stat().st_size <= vault_mod.FULL_CHECK_AT_UNLOCK_MAX_BYTES
    db = folder / "vault.db"
    original = db.read_bytes()
    session = None
    for n in range(len(original) // 4096 // 2, len(original) // 4096 - 1):
        data = bytearray(original)
        data[n * 4096 + 100] ^= 0xFF  # a page the device identity is not read from
        db.write_bytes(bytes(data))
        with pytest.raises(VaultDamaged):
            Session.open(folder, SPASS)  # the full check at unlock still refuses it
        try:
            session = Session.open(folder, SPASS, keep_damaged=True)
            break
        except VaultDamaged:
            continue
    assert session is not None
    try:
        assert session.vault.read_only
        report = check_vault(session)
        with pytest.raises(VaultDamaged), session.write():
            pass
    finally:
        session.close()
    assert not report.ok
    assert any(ln.startswith("FAIL  cipher_integrity_check") for ln in report.lines())
    assert db.read_bytes() == bytes(data)


def test_unlock_cleans_crash_temps_of_every_file_the_vault_folder_holds(
    tmp_path: Path
) -> None:
    import tempfile

    folder = tmp_path / "v"
    make_vault(folder).lock()
    names = ("keyslots.json", "keyslots.rekey.json", "head.json", "unlock-failures.json",
             "recovery-request-secret.json")
    temps = []
    for name in names:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        temps.append(Path(tmp))
    user = folder / ".notes.tmp"
    user.write_bytes(b"user")
    unlock(folder).lock()
    assert [t.name for t in temps if t.exists()] == []
    assert user.exists()
