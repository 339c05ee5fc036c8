"""One process per vault; a lock left by a killed process does not block (DUR-7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from msp_desktop.storage.errors import VaultInUse

from ._vault_helpers import PASS, add_notes, make_vault, snapshot, unlock

ROOT = Path(__file__).resolve().parents[2]


def test_second_open_is_refused_until_the_first_locks(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    first = make_vault(folder)
    with pytest.raises(VaultInUse) as info:
        unlock(folder)
    assert "already open" in info.value.user_message
    first.lock()
    second = unlock(folder)
    second.lock()


def test_in_use_changes_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder).lock()
    first = unlock(folder)
    try:
        before = snapshot(folder)
        with pytest.raises(VaultInUse):
            unlock(folder)
        assert snapshot(folder) == before
    finally:
        first.lock()


CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from unit._vault_helpers import unlock, add_notes
    v = unlock(__import__("pathlib").Path({folder!r}))
    add_notes(v, 5, "child")
    print("OPEN", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_process_does_not_leave_a_blocking_lock(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    v = make_vault(folder)
    add_notes(v, 3)
    v.lock()
    script = CHILD.format(tests=str(ROOT / "tests"), folder=str(folder))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env,
                             cwd=ROOT)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"OPEN"
        with pytest.raises(VaultInUse):
            unlock(folder)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert (folder / "vault.lock").exists()  # the stale file is there, and does not block
    v = unlock(folder)
    try:
        assert v.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 8  # 3 + 5 committed
        assert v.check().ok
    finally:
        v.lock()
    assert PASS  # same passphrase throughout
