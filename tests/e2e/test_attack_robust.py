"""Attack replay (issue #8, robustness items) from the command line: the real console script,
as an attacker, a careless colleague or a failing disk would drive it.

- two (or more) `vault init` at once never delete a vault; exactly one wins;
- a large (> 16 MiB) vault damaged past its first pages is refused by commands that write,
  and `vault check` reports it (FAIL lines, exit 4) instead of crashing;
- a full disk says "disk full", an unreadable key file says so, neither says "damaged";
- symbolic links (lock file, vault.db, keyslots.json, the folder) are refused or harmless;
- owner-only permissions, process hardening, input limits and temp clean-up.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop.services import cases, records
from msp_desktop.services.session import Session
from msp_desktop.storage import vault as vault_mod
from msp_desktop.storage.errors import VaultDamaged
from msp_desktop.storage.keyslots import KdfParams
from tests.e2e.conftest import CLI, PASS, Sandbox, error_line, ok, seed_vault

DAMAGED = "vault is damaged"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# ----- Must fix 2: racing `vault init` -----------------------------------------------------


def test_racing_inits_from_the_command_line_never_delete_a_vault(sandbox: Sandbox) -> None:
    for n in range(6):
        folder = sandbox.work / f"race{n}"
        procs = []
        for i in range(3):
            env = dict(sandbox.env, MSP_PASSPHRASE=f"racer-{n}-{i}-pass-phrase",
                       MSP_TEST_FAST_KDF="1")
            procs.append(subprocess.Popen(
                [*CLI, "vault", "init", str(folder)], cwd=sandbox.work, env=env,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True))
        outs = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        winners = [i for i, (rc, _o, _e) in enumerate(outs) if rc == 0]
        assert len(winners) == 1, outs
        for i, (rc, _out, err) in enumerate(outs):
            if i != winners[0]:
                assert rc == 4, outs
                assert "A vault already exists at this location" in err, err
        ok(sandbox.run("vault", "check", folder,
                       passphrase=f"racer-{n}-{winners[0]}-pass-phrase"))


def test_a_failed_init_leaves_no_lock_file_or_folder(sandbox: Sandbox) -> None:
    card = sandbox.work / "card.json"
    card.write_bytes(b"[" * 30_000 + b"]" * 30_000)  # deeply nested, under the size cap
    target = sandbox.work / "new" / "vault"
    result = sandbox.run("vault", "init", target, "--recovery-card", card, fast_kdf=True)
    assert result.returncode == 4
    assert "card is not valid" in error_line(result)
    assert not (sandbox.work / "new").exists()


# ----- Must fix 7: a damaged vault above the full-check threshold ---------------------------


def _large_vault(path: Path) -> str:
    """A real vault above FULL_CHECK_AT_UNLOCK_MAX_BYTES (about a second to build here)."""
    session = Session.create(path, PASS, kdf=KdfParams.fast(), author="t", device_name="t")
    case = cases.open_case(session, {"family_name": "Hughes", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-01-05"}).state
    rnd = random.Random(8)
    words = ["visit", "kitchen", "library", "talked", "week", "garden", "phone", "worried"]
    limit = vault_mod.FULL_CHECK_AT_UNLOCK_MAX_BYTES + 1024 * 1024
    while (path / "vault.db").stat().st_size < limit:  # checkpoints grow it as we go
        with session.write():
            for _ in range(20):
                records.create(session, "contact_note", {
                    "case_id": case.record_id, "note_type": "PHONE",
                    "event_start": "2026-01-06T10:00:00+00:00",
                    "facts": " ".join(f"{rnd.choice(words)}{rnd.randrange(10**6)}"
                                      for _ in range(1500)),
                })
    session.close()
    return "library"


def _damage_a_page_the_cheap_check_skips(folder: Path) -> None:
    db = folder / "vault.db"
    original = db.read_bytes()
    assert len(original) > vault_mod.FULL_CHECK_AT_UNLOCK_MAX_BYTES
    page = 4096
    pages = len(original) // page
    for n in range(pages // 2, pages - 1):
        data = bytearray(original)
        data[n * page + 200] ^= 0x5A
        db.write_bytes(bytes(data))
        try:  # what the CLI did before: unlock with the cheap check only
            vault_mod.Vault.unlock(folder, PASS).lock()
        except VaultDamaged:
            continue
        return
    pytest.fail("every damaged page was caught by the cheap check")


def test_a_damaged_large_vault_is_refused_for_writes_and_reported_by_check(
    sandbox: Sandbox,
) -> None:
    folder = sandbox.work / "big"
    word = _large_vault(folder)
    _damage_a_page_the_cheap_check_skips(folder)
    before = _sha(folder / "vault.db")
    for args in (("vault", "info", folder), ("search", folder, word),
                 ("vault", "backup", folder, sandbox.work / "copy"),
                 ("keys", "list", folder)):
        result = sandbox.run(*args)
        assert result.returncode == 4, (args, result.stdout, result.stderr)
        assert DAMAGED in error_line(result)
        assert _sha(folder / "vault.db") == before, args
    assert not (sandbox.work / "copy").exists()
    result = sandbox.run("vault", "check", folder)
    assert result.returncode == 4, (result.stdout, result.stderr)
    assert "unexpected error" not in result.stderr
    fails = [ln for ln in result.stdout.splitlines() if ln.startswith("FAIL")]
    assert any("cipher_integrity_check" in ln for ln in fails), result.stdout
    assert any("quick_check" in ln for ln in fails), result.stdout
    assert any("projections match the revisions" in ln for ln in result.stdout.splitlines())
    assert "found problems" in error_line(result)
    assert _sha(folder / "vault.db") == before


def test_vault_check_reports_a_small_damaged_vault_step_by_step(sandbox: Sandbox) -> None:
    folder = sandbox.work / "small"
    seed_vault(folder, people=[(f"Family{i}", f"Given{i}") for i in range(12)])
    db = folder / "vault.db"
    original = db.read_bytes()
    assert len(original) <= vault_mod.FULL_CHECK_AT_UNLOCK_MAX_BYTES
    for n in range(len(original) // 4096 // 2, len(original) // 4096 - 1):
        data = bytearray(original)
        data[n * 4096 + 300] ^= 0x3C
        db.write_bytes(bytes(data))
        try:  # a page the check can get past (the device identity is readable)
            Session.open(folder, PASS, keep_damaged=True).close()
        except VaultDamaged:
            continue
        break
    before = _sha(db)
    assert "vault is damaged" in error_line(sandbox.run("vault", "info", folder))
    result = sandbox.run("vault", "check", folder)
    assert result.returncode == 4
    assert "cipher_integrity_check" in "".join(
        ln for ln in result.stdout.splitlines() if ln.startswith("FAIL"))
    line = error_line(result)
    assert "found problems" in line and "vault is damaged" in line
    assert _sha(db) == before


# ----- distinct errors -------------------------------------------------------------------


@contextlib.contextmanager
def _tiny_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    where.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                               str(where)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a small file system here")
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def _fill(disk: Path, leave_bytes: int) -> Path:
    filler = disk / f"filler{len(list(disk.glob('filler*')))}"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(filler, "wb") as fh, contextlib.suppress(OSError):
        fh.write(b"\0" * max(0, free - leave_bytes))
        fh.flush()
        os.fsync(fh.fileno())
    return filler


def test_a_full_disk_says_disk_full_not_damaged(sandbox: Sandbox) -> None:
    with _tiny_disk(sandbox.root / "disk") as disk:
        folder = disk / "v"
        ok(sandbox.run("vault", "init", folder, fast_kdf=True))
        _fill(disk, leave_bytes=600 * 1024)
        result = sandbox.run("demo", folder, "--cases", "40")  # a large save
        assert result.returncode == 1
        line = error_line(result)
        assert "disk is full" in line and "Nothing you saved before is lost" in line
        assert DAMAGED not in line and "unexpected" not in line
        _fill(disk, leave_bytes=0)
        result = sandbox.run("vault", "info", folder)  # even opening needs a little space
        assert result.returncode == 1
        line = error_line(result)
        assert "disk is full" in line and DAMAGED not in line
        for f in disk.glob("filler*"):
            f.unlink()
        check = ok(sandbox.run("vault", "check", folder))
        assert "FAIL" not in check.stdout


def test_an_unreadable_key_file_is_not_called_damage(sandbox: Sandbox) -> None:
    folder = sandbox.work / "v"
    seed_vault(folder)
    os.chmod(folder / "keyslots.json", 0)
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # root reads any file: run the command without the "override file permissions"
        # capabilities, as an ordinary owner would be.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv is missing")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    env = dict(sandbox.env, MSP_PASSPHRASE=PASS)
    result = subprocess.run([*prefix, *CLI, "vault", "info", str(folder)], env=env,
                            cwd=sandbox.work, capture_output=True, text=True, timeout=120,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1, (result.stdout, result.stderr)
    line = error_line(result)
    assert "key file (keyslots.json) could not be read" in line
    assert "passphrase has not been checked" in line
    assert DAMAGED not in line and "passphrase is correct" not in line


def test_a_key_file_too_large_or_nested_too_deep_is_refused(sandbox: Sandbox) -> None:
    folder = sandbox.work / "v"
    seed_vault(folder)
    key = folder / "keyslots.json"
    good = key.read_bytes()
    for bad in (good + b" " * (1024 * 1024), b"[" * 60_000 + b"]" * 60_000):
        key.write_bytes(bad)
        result = sandbox.run("vault", "info", folder)
        assert result.returncode == 4
        line = error_line(result)
        assert "passphrase could not be checked" in line and "is correct" not in line
    key.write_bytes(good)
    ok(sandbox.run("vault", "info", folder))


# ----- symbolic links --------------------------------------------------------------------


def test_symbolic_links_are_refused_or_harmless(sandbox: Sandbox) -> None:
    folder = sandbox.work / "v"
    seed_vault(folder)
    # The lock file as a link to a file elsewhere: refused, and the target is not created.
    (folder / "vault.lock").unlink()
    victim = sandbox.work / "victim-file"
    (folder / "vault.lock").symlink_to(victim)
    result = sandbox.run("vault", "info", folder)
    assert result.returncode != 0 and "link" in error_line(result)
    assert not victim.exists()
    (folder / "vault.lock").unlink()
    # vault.db as a link: refused, the real file is untouched.
    real = sandbox.work / "real.db"
    os.replace(folder / "vault.db", real)
    (folder / "vault.db").symlink_to(real)
    before = _sha(real)
    result = sandbox.run("vault", "info", folder)
    assert result.returncode == 4 and "link" in error_line(result)
    assert _sha(real) == before
    (folder / "vault.db").unlink()
    os.replace(real, folder / "vault.db")
    # keyslots.json as a link: refused before the passphrase is tried.
    key = sandbox.work / "real-keyslots.json"
    os.replace(folder / "keyslots.json", key)
    (folder / "keyslots.json").symlink_to(key)
    result = sandbox.run("vault", "info", folder)
    assert result.returncode == 4
    (folder / "keyslots.json").unlink()
    os.replace(key, folder / "keyslots.json")
    # The same vault through a linked folder, while it is open: "in use", not opened twice.
    alias = sandbox.work / "alias"
    alias.symlink_to(folder)
    held = Session.open(folder, PASS)
    try:
        result = sandbox.run("vault", "info", alias)
        assert result.returncode == 1
        assert "already open" in error_line(result)
    finally:
        held.close()
    ok(sandbox.run("vault", "info", alias))


# ----- permissions, hardening, temp files --------------------------------------------------


def test_folders_are_owner_only_on_create_and_on_open(sandbox: Sandbox) -> None:
    chosen = sandbox.work / "Documents"
    chosen.mkdir(mode=0o755)
    os.chmod(chosen, 0o755)
    folder = chosen / "cases" / "vault"
    old = os.umask(0o022)  # a usual umask: folders would be made 0755
    try:
        ok(sandbox.run("vault", "init", folder, fast_kdf=True))
    finally:
        os.umask(old)
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700
    assert _mode(chosen) == 0o755  # not made by the app: left alone
    os.chmod(folder, 0o755)
    os.chmod(folder / "vault.db", 0o644)
    ok(sandbox.run("vault", "info", folder))
    assert _mode(folder) == 0o700 and _mode(folder / "vault.db") == 0o600


def test_the_cli_disables_core_dumps_while_a_vault_is_open(sandbox: Sandbox) -> None:
    folder = sandbox.work / "v"
    seed_vault(folder)
    probe = (
        "import ctypes, resource, sys\n"
        "from msp_desktop import cli\n"
        "code = cli.main(['vault', 'info', sys.argv[1]])\n"
        "libc = ctypes.CDLL(None)\n"
        "print('exit', code)\n"
        "print('core', resource.getrlimit(resource.RLIMIT_CORE))\n"
        "print('dumpable', libc.prctl(3, 0, 0, 0, 0))\n"  # PR_GET_DUMPABLE
    )
    env = dict(sandbox.env, MSP_PASSPHRASE=PASS)
    result = subprocess.run([sys.executable, "-c", probe, str(folder)], env=env,
                            capture_output=True, text=True, timeout=120, cwd=sandbox.work)
    assert "exit 0" in result.stdout, result.stderr
    assert "core (0, 0)" in result.stdout
    if sys.platform.startswith("linux"):
        assert "dumpable 0" in result.stdout


def test_clean_up_never_removes_a_users_temp_file(sandbox: Sandbox) -> None:
    folder = sandbox.work / "v"
    seed_vault(folder)
    mine = folder / ".notes.tmp"
    mine.write_text("my own notes")
    theirs = folder / ".keyslots.json.abc_1234.tmp"  # what a crash mid-write leaves
    theirs.write_bytes(b"half")
    ok(sandbox.run("vault", "info", folder))
    assert mine.read_text() == "my own notes"
    assert not theirs.exists()
