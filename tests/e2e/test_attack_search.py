"""Issue 8, replayed from the command line as an attacker or an unlucky worker would: a
search flood, decomposed names, 1 and true written concurrently, a backup restored onto a
second laptop, and a demo vault mistaken for a real one."""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path
from typing import Any

from msp_desktop.services.session import Session
from tests.e2e.conftest import PASS, Sandbox, error_line, ok, seed_vault


def _info(sb: Sandbox, path: Path) -> dict[str, Any]:
    data = json.loads(ok(sb.run("vault", "info", path, "--json")).stdout)
    assert isinstance(data, dict)
    return data


def _pair(sb: Sandbox, a: Path, b: Path) -> None:
    """Each vault trusts the other's card (as a person would after checking it)."""
    for me, other in ((a, b), (b, a)):
        card = sb.work / f"{other.name}.card.json"
        ok(sb.run("keys", "card", other, card))
        ok(sb.run("keys", "trust", me, card))


def _send(sb: Sandbox, src: Path, dest: Path, tag: str) -> str:
    card = sb.work / f"{dest.name}.card.json"
    ok(sb.run("keys", "card", dest, card))
    out = sb.work / f"out-{tag}"
    out.mkdir()
    files = [ln for ln in ok(sb.run("bundle", "export", src, out, "--to", card, "--all"))
             .stdout.splitlines() if ln.endswith(".mspbundle")]
    return "\n".join(ok(sb.run("bundle", "import", dest, f)).stdout for f in files)


# ----- search -----------------------------------------------------------------------------


def test_twenty_thousand_repeated_words_answer_at_once(sandbox: Sandbox) -> None:
    vault = sandbox.work / "v"
    seed_vault(vault, word="Llanddewibrefi")
    started = time.monotonic()
    # (one argument holds at most 128 KiB on Linux: a short word)
    result = ok(sandbox.run("search", vault, " ".join(["met"] * 20_000), timeout=60))
    assert time.monotonic() - started < 60  # before: more than ten minutes
    assert len(result.stdout.splitlines()) == 4  # every seeded note says "we met"
    assert "different words" not in result.stderr  # one word, said 20,000 times


def test_thousands_of_different_words_are_cut_and_the_worker_is_told(sandbox: Sandbox) -> None:
    vault = sandbox.work / "v"
    seed_vault(vault)
    words = " ".join(["library"] + [f"z{i}" for i in range(15_000)])
    result = ok(sandbox.run("search", vault, words, timeout=60))
    assert "at most 32 different words" in result.stderr
    assert result.stdout == ""  # "library" and 31 made-up words: nothing has them all


def test_decomposed_and_composed_names_find_each_other(sandbox: Sandbox) -> None:
    vault = sandbox.work / "v"
    seed_vault(vault, people=(("Jones", unicodedata.normalize("NFD", "Valérie")),
                              ("Kovalenko", "Андрій")))
    composed = ok(sandbox.run("search", vault, "Valérie")).stdout
    assert "Jones" in composed
    decomposed = ok(sandbox.run("search", vault, unicodedata.normalize("NFD", "Андрій"))).stdout
    assert "Kovalenko" in decomposed


# ----- merge: 1 is not true -------------------------------------------------------------------


def _write_raw(path: Path, record_id: str, **fields: Any) -> None:
    """What a faulty or hostile client holding the passphrase can write: any JSON value,
    signed by the vault's own device."""
    s = Session.open(path, PASS)
    try:
        state = s.store.get(record_id)
        assert state is not None
        with s.write():
            s.store.edit(record_id, {**state.payload, **fields})
    finally:
        s.close()


def test_one_and_true_written_concurrently_are_a_conflict_on_both_sides(
    sandbox: Sandbox,
) -> None:
    sb = sandbox
    a, b = sb.work / "a", sb.work / "b"
    seeded = seed_vault(a)
    ok(sb.run("vault", "init", b, fast_kdf=True))
    _pair(sb, a, b)
    note = sorted(seeded.notes)[0]
    _write_raw(a, note, adult_present=False)
    _send(sb, a, b, "base")
    _write_raw(a, note, adult_present=1)
    _write_raw(b, note, adult_present=True)
    _send(sb, a, b, "a1")
    _send(sb, b, a, "b1")
    info_a, info_b = _info(sb, a), _info(sb, b)
    assert info_a["conflicts"] == info_b["conflicts"] == 1  # before: 0, silently "equal"
    assert info_a["state_digest"] == info_b["state_digest"]


# ----- a backup restored onto a second laptop ---------------------------------------------------


def test_a_backup_restored_on_a_second_laptop_is_a_new_device(sandbox: Sandbox) -> None:
    sb = sandbox
    a, office = sb.work / "laptop1", sb.work / "office"
    seeded = seed_vault(a)
    ok(sb.run("vault", "init", office, fast_kdf=True))
    _pair(sb, a, office)
    _send(sb, a, office, "first")
    backup = sb.work / "backup"
    ok(sb.run("vault", "backup", a, backup))
    second = sb.work / "laptop2"
    told = ok(sb.run("vault", "restore", backup, second, "--device-name", "Laptop 2")).stdout
    assert "new device" in told and "keys card" in told
    before, after = _info(sb, a), _info(sb, second)
    assert after["device_id"] != before["device_id"]
    assert after["device_fingerprint"] != before["device_fingerprint"]
    assert ok(sb.run("vault", "check", second)).returncode == 0

    # Both laptops go on writing; before, the second numbered its changes like the first.
    note = sorted(seeded.notes)[0]
    _write_raw(a, note, purpose="Written on the first laptop")
    _write_raw(second, sorted(seeded.notes)[1], purpose="Written on the second laptop")
    _pair(sb, office, second)  # the worker sends the new card; the office checks and trusts it
    from_second = _send(sb, second, office, "second")
    assert "restored from a backup" not in from_second
    _send(sb, a, office, "again")
    _pair(sb, a, second)
    _send(sb, office, a, "o-a")
    _send(sb, office, second, "o-2")
    digests = {_info(sb, v)["state_digest"] for v in (a, second, office)}
    assert len(digests) == 1
    for v in (a, second, office):
        ok(sb.run("vault", "check", v))


def test_restore_refuses_a_used_folder_and_a_wrong_passphrase_leaves_nothing(
    sandbox: Sandbox,
) -> None:
    sb = sandbox
    a = sb.work / "a"
    seed_vault(a)
    backup = sb.work / "backup"
    ok(sb.run("vault", "backup", a, backup))
    used = sb.work / "used"
    used.mkdir()
    (used / "mine.txt").write_text("keep me", encoding="utf-8")
    refused = sb.run("vault", "restore", backup, used)
    assert refused.returncode == 4 and "already exists" in error_line(refused)
    assert [p.name for p in used.iterdir()] == ["mine.txt"]
    wrong = sb.run("vault", "restore", backup, sb.work / "wrong", passphrase="not-it-at-all")
    assert wrong.returncode == 3, error_line(wrong)
    assert not (sb.work / "wrong").exists()
    assert not [p for p in sb.work.iterdir() if p.name.startswith(".wrong")]


# ----- the demo vault ---------------------------------------------------------------------------


def test_a_demo_vault_says_so(sandbox: Sandbox) -> None:
    sb = sandbox
    demo, real = sb.work / "demo", sb.work / "real"
    ok(sb.run("demo", demo, "--cases", "2", "--seed", "1", fast_kdf=True))
    seed_vault(real)
    assert _info(sb, demo)["demo"] == "yes"
    assert _info(sb, real)["demo"] == "no"
    assert "demo: yes" in ok(sb.run("vault", "info", demo)).stdout
