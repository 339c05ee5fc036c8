"""Attack replay (issue 8, must fix 5): someone holding the passphrase cuts the audit log and a
record, the way the report did it, and `vault check` must say so; the copy of the signed head
outside the database cannot be removed or put back from an older copy unnoticed; and a peer
that receives a bundle from a vault cut back in time says so."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import PASS, Sandbox, error_line, ok, seed_vault

# The attacker's script: the app's own code opens the database with the passphrase, then
# plain SQL. "resign" also forges both copies of the signed head with the device key read
# from the database (the limit of what a vault can see in itself).
ATTACK = r"""
import sys
from pathlib import Path
from msp_desktop.storage import head
from msp_desktop.storage.identity import load_device
from msp_desktop.storage.store import RecordStore
from msp_desktop.storage.vault import Vault

path, record_id, passphrase, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
v = Vault.unlock(path, passphrase)
c = v.conn
c.execute("BEGIN IMMEDIATE")
c.execute("DROP TRIGGER audit_no_update")
c.execute("DROP TRIGGER audit_no_delete")
first = c.execute("SELECT min(seq) FROM audit WHERE entity_id = ?", (record_id,)).fetchone()[0]
c.execute("DELETE FROM audit WHERE seq >= ?", (first,))
c.execute("DELETE FROM revisions WHERE record_id = ?", (record_id,))
device = load_device(c)
RecordStore(c, device).rebuild_projections()
seq, digest = c.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
c.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{digest}",))
if mode == "resign":
    old = head.load_stored(c)
    body = {**old.body, "counter": old.counter + 5, "audit_seq": seq, "audit_hash": digest,
            "own_seq": head.own_top(c, device.device_id), "synced": old.counter + 5}
    forged = head.sign(device, body)
    head.store(c, forged)
    head.write_file(path, forged, durable=True)
c.execute("COMMIT")
v.lock()
"""


def attack(sb: Sandbox, path: Path, record_id: str, mode: str = "sql") -> None:
    subprocess.run([sys.executable, "-c", ATTACK, str(path), record_id, PASS, mode],
                   env=sb.env, cwd=sb.work, check=True, capture_output=True, timeout=120)


def fails(stdout: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^FAIL\s+([^:]+)", stdout, re.MULTILINE)}


def test_cutting_the_audit_log_and_a_record_is_reported(sandbox: Sandbox) -> None:
    sb = sandbox
    path = sb.work / "vault"
    seeded = seed_vault(path)
    assert ok(sb.run("vault", "check", path)).stdout.count("FAIL") == 0
    attack(sb, path, list(seeded.notes)[-1])
    result = sb.run("vault", "check", path)
    assert result.returncode == 4, (result.stdout, result.stderr)
    assert "vault check found problems" in error_line(result)
    assert fails(result.stdout) == {
        "audit log holds what the signed head vouches for",
        "this laptop's changes up to its signed high-water mark",
        "audit log protected against change (triggers)",
    }, result.stdout
    # What the attack satisfied before still passes, so those lines alone said all was well.
    assert re.search(r"^ok\s+audit chain", result.stdout, re.MULTILINE)
    assert re.search(r"^ok\s+projections match the revisions", result.stdout, re.MULTILINE)


def test_the_outside_copy_cannot_be_removed_or_put_back(sandbox: Sandbox) -> None:
    sb = sandbox
    path = sb.work / "vault"
    seed_vault(path)
    outside = "signed head outside the database (head.json)"
    old = sb.work / "old-head.json"
    shutil.copy2(path / "head.json", old)
    ok(sb.run("vault", "check", path))  # opens and closes: the head moves on
    shutil.copy2(old, path / "head.json")
    result = sb.run("vault", "check", path)
    assert result.returncode == 4 and fails(result.stdout) == {outside}, result.stdout
    assert "replaced by an older copy" in result.stdout

    path2 = sb.work / "vault2"
    seed_vault(path2)
    (path2 / "head.json").unlink()
    result = sb.run("vault", "check", path2)
    assert result.returncode == 4 and fails(result.stdout) == {outside}, result.stdout
    assert "was removed" in result.stdout


def test_a_peer_notices_a_vault_cut_back_in_time(sandbox: Sandbox) -> None:
    sb = sandbox
    a, b = sb.work / "a", sb.work / "b"
    seeded = seed_vault(a)
    ok(sb.run("vault", "init", b, fast_kdf=True))
    card_a, card_b = sb.work / "a.card.json", sb.work / "b.card.json"
    ok(sb.run("keys", "card", a, card_a))
    ok(sb.run("keys", "card", b, card_b))
    ok(sb.run("keys", "trust", b, card_a))
    ok(sb.run("keys", "trust", a, card_b))
    first, second = sb.work / "first.mspbundle", sb.work / "second.mspbundle"
    ok(sb.run("bundle", "export", a, first, "--to", card_b))
    ok(sb.run("bundle", "import", b, first))
    # Both copies of a's head forged to match the cut: a's own check cannot tell ...
    attack(sb, a, list(seeded.notes)[-1], mode="resign")
    own = sb.run("vault", "check", a)
    assert fails(own.stdout) == {"audit log protected against change (triggers)"}
    # ... but b holds the head a sent before, and says so on the next bundle (imported).
    ok(sb.run("bundle", "export", a, second, "--to", card_b))
    out = ok(sb.run("bundle", "import", b, second)).stdout
    assert "Device Seed laptop" in out and "appears to have been rolled back" in out, out
    assert "its audit log went from" in out and "highest change number went from" in out
