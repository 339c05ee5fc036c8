"""The headless commands (design.md §7) run as the real console script in a sandbox.

Every command runs as a subprocess with HOME, XDG_* and TMPDIR pointed at a fresh temp tree.
Exit codes: 0 ok, 2 usage, 3 wrong passphrase, 4 damaged or rejected input, 1 other; on
failure exactly one line on stderr, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from msp_desktop.services import search as search_service
from msp_desktop.services.session import Session
from msp_desktop.storage.schema import SCHEMA_VERSION
from tests.e2e.conftest import (
    FAST_KDF_WARNING,
    NEW_PASS,
    PASS,
    Sandbox,
    all_paths,
    error_line,
    ok,
    seed_vault,
    snapshot,
)

HEX32 = re.compile(r"^[0-9a-f]{32}$")
EMPTY_DIGEST = hashlib.sha256(b"").hexdigest()
INFO_KEYS = {"schema_version", "sqlcipher_version", "counts", "device_id", "conflicts",
             "parked", "state_digest"}


def info(sb: Sandbox, path: Path, passphrase: str = PASS) -> dict[str, object]:
    result = ok(sb.run("vault", "info", path, "--json", passphrase=passphrase))
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def digest_of(revision_ids: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(revision_ids)).encode("ascii")).hexdigest()


def check_lines(stdout: str) -> dict[str, str]:
    """`vault check` output: check name -> 'ok' | 'FAIL' (+ detail after the name)."""
    out: dict[str, str] = {}
    for line in stdout.splitlines():
        m = re.match(r"^(ok|FAIL)\s+(.*)$", line)
        assert m, f"unexpected check line {line!r}"
        out[m.group(2)] = m.group(1)
    return out


# ----- init and info ---------------------------------------------------------------------------


def test_init_without_card_warns_and_info_reports_an_empty_vault(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    result = ok(sandbox.run("vault", "init", vault, "--author", "a.worker",
                            "--device-name", "Test laptop", fast_kdf=True))
    assert f"Created vault at {vault}" in result.stdout
    assert re.search(r"Device fingerprint: [A-Z2-7]{4}(-[A-Z2-7]{4}){3}", result.stdout)
    assert "cannot be opened by anyone" in result.stdout  # no recovery card: say so
    assert [ln for ln in result.stderr.splitlines() if ln] == [FAST_KDF_WARNING]
    assert sorted(p.name for p in vault.iterdir()) == [
        "head.json", "keyslots.json", "vault.db", "vault.lock"]
    assert stat.S_IMODE(vault.stat().st_mode) == 0o700
    for name in ("keyslots.json", "vault.db", "head.json"):
        assert stat.S_IMODE((vault / name).stat().st_mode) == 0o600, name
    slots = json.loads((vault / "keyslots.json").read_text())
    assert [s["type"] for s in slots["slots"]] == ["passphrase"]

    data = info(sandbox, vault)
    assert set(data) >= INFO_KEYS
    assert data["schema_version"] == SCHEMA_VERSION
    assert isinstance(data["sqlcipher_version"], str)
    assert int(data["sqlcipher_version"].split(".")[0]) >= 4
    assert data["counts"] == {}
    assert data["conflicts"] == 0 and data["parked"] == 0
    assert isinstance(data["device_id"], str) and HEX32.match(data["device_id"])
    assert data["device_name"] == "Test laptop" and data["author"] == "a.worker"
    assert data["state_digest"] == EMPTY_DIGEST  # SHA-256 over no revision ids

    text = ok(sandbox.run("vault", "info", vault)).stdout
    assert f"state_digest: {EMPTY_DIGEST}" in text
    assert f"schema_version: {SCHEMA_VERSION}" in text


def test_state_digest_is_stable_and_follows_the_revisions(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    first, second = info(sandbox, vault), info(sandbox, vault)
    assert first["state_digest"] == second["state_digest"]  # reading changes nothing
    assert first["state_digest"] == digest_of(seeded.revision_ids)
    assert first["counts"] == {"case": 2, "contact_note": 4, "person": 2}
    assert first["revisions"] == len(seeded.revision_ids) == 8

    more = seed_vault(vault, create=False, people=(("Evans", "Mair"),))
    after = info(sandbox, vault)
    assert after["state_digest"] != first["state_digest"]
    assert after["state_digest"] == digest_of(more.revision_ids)
    assert after["counts"] == {"case": 3, "contact_note": 6, "person": 3}


def test_demo_fills_a_vault_and_changes_the_digest(sandbox: Sandbox) -> None:
    vault = sandbox.work / "demo"
    ok(sandbox.run("vault", "init", vault, fast_kdf=True))
    empty = info(sandbox, vault)
    result = ok(sandbox.run("demo", vault, "--cases", "5", "--seed", "1", fast_kdf=True))
    assert "Synthetic people only" in result.stdout
    filled = info(sandbox, vault)
    assert filled["state_digest"] != empty["state_digest"]
    assert isinstance(filled["counts"], dict) and filled["counts"].get("case") == 5
    assert info(sandbox, vault)["state_digest"] == filled["state_digest"]
    ok(sandbox.run("vault", "check", vault))

    # Search the demo caseload for a word of one of its notes.
    session = Session.open(vault, PASS)
    try:
        notes = session.store.records_of_kind("contact_note")
        empty = search_service.search(session, "  ", audit=False)
        target = next(n for n in notes if re.search(r"[A-Za-z]{6,}", n.payload.get("facts", "")))
        word = re.findall(r"[A-Za-z]{6,}", target.payload["facts"])[0]
        person = session.store.get(session.store.get(target.case_id).payload["person_id"])
    finally:
        session.close()
    assert empty == []  # a blank query finds nothing (and is not an FTS syntax error)
    hits = [json.loads(ln) for ln in ok(sandbox.run(
        "search", vault, word, "--json", "--limit", "100000")).stdout.splitlines()]
    assert hits, word
    for hit in hits:
        assert {"case_id", "person_name", "kind", "record_id", "snippet"} <= set(hit)
        assert word.casefold() in hit["snippet"].casefold()
    mine = [h for h in hits if h["record_id"] == target.record_id]
    assert len(mine) == 1
    assert mine[0]["case_id"] == target.case_id and mine[0]["kind"] == "contact_note"
    assert person is not None
    assert person.payload["family_name"] in mine[0]["person_name"]


# ----- check -----------------------------------------------------------------------------------


def test_check_passes_on_a_sound_vault(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    result = ok(sandbox.run("vault", "check", vault))
    lines = check_lines(result.stdout)
    assert set(lines.values()) == {"ok"}
    names = " | ".join(lines)
    for expected in ("quick_check", "cipher_integrity_check", "audit chain",
                     "revision hashes and signatures", "projections match the revisions"):
        assert expected in names


def _tamper(vault: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    session = Session.open(vault, PASS)
    try:
        conn = session.conn
        conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        for sql, args in statements:
            cur = conn.execute(sql, args)
            assert cur.rowcount == 1, sql
    finally:
        session.close()


def test_check_names_an_altered_audit_entry(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    _tamper(vault, ("UPDATE audit SET author = 'someone.else' WHERE seq = 3", ()))
    result = sandbox.run("vault", "check", vault)
    assert result.returncode == 4, result
    lines = check_lines(result.stdout)
    failed = [name for name, state in lines.items() if state == "FAIL"]
    assert failed == ["audit chain: audit entry 3 has been altered",
                      "audit log protected against change (triggers): the trigger"
                      " audit_no_update is missing; the trigger audit_no_delete is missing"]
    assert "found problems" in error_line(result)


def test_check_names_removed_newest_audit_entries(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    session = Session.open(vault, PASS)
    try:
        session.conn.execute("DROP TRIGGER audit_no_delete")
        last = session.conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        session.conn.execute("DELETE FROM audit WHERE seq = ?", (last,))
    finally:
        # Lock without logging "lock": a new entry would re-link the chain head.
        session.vault.lock()
    result = sandbox.run("vault", "check", vault)
    assert result.returncode == 4, result
    assert "the newest audit entries have been removed" in result.stdout
    error_line(result)


def test_check_names_a_forged_revision_payload(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    note_id = next(iter(seeded.notes))
    _tamper(vault, (
        "UPDATE revisions SET payload = json_set(payload, '$.facts', 'Nothing happened.')"
        " WHERE record_id = ?", (note_id,),
    ))
    result = sandbox.run("vault", "check", vault)
    assert result.returncode == 4, result
    lines = check_lines(result.stdout)
    failed = {name.split(":")[0]: name for name, state in lines.items() if state == "FAIL"}
    assert "revision hashes and signatures" in failed
    assert "does not match its content" in failed["revision hashes and signatures"]
    # The projection still shows the old text, so a rebuild from the revisions differs too.
    assert "projections match the revisions" in failed
    assert lines["audit chain"] == "ok"
    error_line(result)


# ----- passwd, recover, backup -----------------------------------------------------------------


def test_passwd_rewraps_the_key_only(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    db_before = (vault / "vault.db").read_bytes()
    slots_before = (vault / "keyslots.json").read_bytes()

    result = ok(sandbox.run("vault", "passwd", vault, new_passphrase=NEW_PASS, fast_kdf=True))
    assert "Passphrase changed." in result.stdout
    assert (vault / "keyslots.json").read_bytes() != slots_before
    assert not (vault / "keyslots.json.bak").exists()  # the old passphrase is revoked
    assert "Backups made before this change still open with the old passphrase" in result.stdout

    # The database was not re-encrypted: the copy taken before `passwd` opens with the NEW
    # key file and passphrase. (vault.db itself is not byte-identical: opening, the change and
    # locking are audited inside it; see the report.)
    copy = sandbox.work / "before-copy"
    copy.mkdir()
    (copy / "vault.db").write_bytes(db_before)
    shutil.copy2(vault / "keyslots.json", copy / "keyslots.json")
    assert info(sandbox, copy, NEW_PASS)["state_digest"] == digest_of(seeded.revision_ids)

    old = sandbox.run("vault", "info", vault, passphrase=PASS)
    assert old.returncode == 3
    assert "passphrase is incorrect" in error_line(old)
    assert info(sandbox, vault, NEW_PASS)["state_digest"] == digest_of(seeded.revision_ids)

    session = Session.open(vault, NEW_PASS)
    try:
        actions = [e.action for e in session.audit.entries()]
    finally:
        session.close()
    assert "passphrase.change" in actions


def test_passwd_without_a_new_passphrase_is_a_usage_error(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    slots = (vault / "keyslots.json").read_bytes()
    result = sandbox.run("vault", "passwd", vault)
    assert result.returncode == 2
    assert "MSP_NEW_PASSPHRASE" in error_line(result)
    assert (vault / "keyslots.json").read_bytes() == slots
    assert not (vault / "keyslots.json.bak").exists()


def test_recovery_card_lets_the_office_set_a_new_passphrase(sandbox: Sandbox) -> None:
    office = sandbox.work / "office"
    result = ok(sandbox.run("office", "keygen", office, "--name", "Test office",
                            passphrase=None))
    identity, card = office / "office-identity.txt", office / "office-card.json"
    assert identity.is_file() and card.is_file()
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600
    fpr = json.loads(card.read_text())["fingerprint"]
    assert f"Fingerprint: {fpr}" in result.stdout
    assert "AGE-SECRET-KEY-" in identity.read_text() and "AGE-SECRET-KEY" not in card.read_text()

    vault = sandbox.work / "vault"
    created = ok(sandbox.run("vault", "init", vault, "--recovery-card", card,
                             "--card-fingerprint", fpr, fast_kdf=True))
    assert "cannot be opened by anyone" not in created.stdout
    assert f"Card fingerprint: {fpr}" in created.stdout
    slots = json.loads((vault / "keyslots.json").read_text())
    assert [s["type"] for s in slots["slots"]] == ["passphrase", "recovery-age-x25519"]
    assert slots["slots"][1]["fingerprint"] == fpr
    before = info(sandbox, vault)
    assert before["recovery_card_fingerprint"] == fpr

    # The office's own use of its identity (never on a worker's laptop): it warns.
    # A different office's identity does not open it, and changes nothing.
    other = sandbox.work / "other-office"
    ok(sandbox.run("office", "keygen", other, passphrase=None))
    snap = snapshot(vault)
    wrong = sandbox.run("vault", "recover", vault, "--identity", other / "office-identity.txt",
                        new_passphrase=NEW_PASS, fast_kdf=True)
    assert wrong.returncode == 4
    assert "never copy the office identity" in wrong.stderr.lower()
    assert "recovery key does not open this vault" in error_line(without_warning(wrong))
    assert snapshot(vault) == snap

    garbage = sandbox.work / "garbage.txt"
    garbage.write_text("this is not an identity\n")
    bad = sandbox.run("vault", "recover", vault, "--identity", garbage,
                      new_passphrase=NEW_PASS, fast_kdf=True)
    assert bad.returncode == 4
    assert "AGE-SECRET-KEY" in error_line(without_warning(bad))
    missing = sandbox.run("vault", "recover", vault, "--identity", sandbox.work / "nope.txt",
                          new_passphrase=NEW_PASS, fast_kdf=True)
    assert missing.returncode != 0
    assert "nope.txt" in error_line(without_warning(missing))
    assert snapshot(vault) == snap

    done = ok(sandbox.run("vault", "recover", vault, "--identity", identity,
                          passphrase=None, new_passphrase=NEW_PASS, fast_kdf=True))
    assert "now opens with the new passphrase" in done.stdout
    assert sandbox.run("vault", "info", vault, passphrase=PASS).returncode == 3
    after = info(sandbox, vault, NEW_PASS)
    assert after["vault_id"] == before["vault_id"]
    assert after["state_digest"] == before["state_digest"]
    # The recovery slot survives, so the office can do it again.
    slots = json.loads((vault / "keyslots.json").read_text())
    assert [s["type"] for s in slots["slots"]] == ["passphrase", "recovery-age-x25519"]


def test_recover_refuses_a_vault_without_a_recovery_slot(sandbox: Sandbox) -> None:
    office = sandbox.work / "office"
    ok(sandbox.run("office", "keygen", office, passphrase=None))
    vault = sandbox.work / "vault"
    seed_vault(vault)
    snap = snapshot(vault)
    result = sandbox.run("vault", "recover", vault, "--identity", office / "office-identity.txt",
                         new_passphrase=NEW_PASS, fast_kdf=True)
    assert result.returncode == 4
    assert "no recovery slot" in error_line(without_warning(result))
    assert snapshot(vault) == snap


def without_warning(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """The result without the --identity warning line (checked separately)."""
    lines = [ln for ln in result.stderr.splitlines() if not ln.startswith("warning: --identity")]
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout,
                                       "\n".join(lines) + "\n")


def test_keygen_refuses_to_overwrite_office_keys(sandbox: Sandbox) -> None:
    office = sandbox.work / "office"
    ok(sandbox.run("office", "keygen", office, passphrase=None))
    snap = snapshot(office)
    again = sandbox.run("office", "keygen", office, passphrase=None)
    assert again.returncode != 0
    assert "refusing to overwrite" in error_line(again)
    assert snapshot(office) == snap


def test_init_with_a_bad_card_creates_nothing(sandbox: Sandbox) -> None:
    card = sandbox.work / "card.json"
    card.write_text('{"type": "msp-office-card", "format": 1, "name": "x"}')
    vault = sandbox.work / "vault"
    result = sandbox.run("vault", "init", vault, "--recovery-card", card,
                         "--card-fingerprint", "AAAA-BBBB-CCCC-DDDD", fast_kdf=True)
    assert result.returncode != 0
    assert "card" in error_line(result).lower()
    assert not vault.exists()


def test_backup_opens_with_the_same_passphrase_and_passes_check(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    dest = sandbox.work / "backups" / "b1"
    result = ok(sandbox.run("vault", "backup", vault, dest))
    assert "Backup written and checked" in result.stdout
    assert sorted(p.name for p in dest.iterdir()) == ["head.json", "keyslots.json", "vault.db"]
    assert not (dest / "vault.db").read_bytes().startswith(b"SQLite format 3\x00")
    ok(sandbox.run("vault", "check", dest))
    copy = info(sandbox, dest)
    assert copy["state_digest"] == digest_of(seeded.revision_ids)
    assert copy["counts"] == {"case": 2, "contact_note": 4, "person": 2}
    assert info(sandbox, dest)["vault_id"] == info(sandbox, vault)["vault_id"]
    # No temp folders left next to the backup.
    assert sorted(p.name for p in dest.parent.iterdir()) == ["b1"]

    # A second backup to the same, now non-empty, folder is refused and leaves it alone.
    snap = snapshot(dest)
    again = sandbox.run("vault", "backup", vault, dest)
    assert again.returncode != 0
    assert "exists" in error_line(again)
    assert snapshot(dest) == snap


# ----- wrong passphrase, damage, missing vault -------------------------------------------------


def test_wrong_passphrase_exits_3_and_touches_nothing(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    snap = snapshot(vault)
    dest = sandbox.work / "backup-dest"
    commands: list[tuple[str | Path, ...]] = [
        ("vault", "info", vault, "--json"), ("vault", "check", vault),
        ("search", vault, "library"), ("vault", "backup", vault, dest),
        ("vault", "passwd", vault),
    ]
    for cmd in commands:
        result = sandbox.run(*cmd, passphrase="not-the-passphrase", new_passphrase=NEW_PASS,
                             fast_kdf=True)
        assert result.returncode == 3, (cmd, result.stderr)
        line = error_line(result)
        assert "passphrase is incorrect" in line and "Nothing in the vault was changed" in line
        assert result.stdout == ""
        # Same files, bytes and mtimes (no -wal/-shm), apart from the failed-attempt counter
        # that the next unlock moves into the audit log (issue 8).
        after = snapshot(vault)
        assert after.pop("unlock-failures.json", None) is not None, cmd
        assert after == snap, cmd
    assert json.loads((vault / "unlock-failures.json").read_text())["count"] == len(commands)
    assert not dest.exists()


@pytest.mark.parametrize("where", ["middle", "page1"])
def test_damaged_vault_exits_4_and_creates_nothing(sandbox: Sandbox, where: str) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    assert len(data) >= 8 * 4096
    at = (len(data) // 2) if where == "middle" else 200
    data[at:at + 64] = bytes(b ^ 0xA5 for b in data[at:at + 64])
    db.write_bytes(bytes(data))
    snap = snapshot(vault)
    for cmd in (("vault", "info", vault), ("vault", "check", vault), ("search", vault, "x")):
        result = sandbox.run(*cmd)
        # The passphrase is right, so this is damage (4), not a wrong passphrase (3).
        assert result.returncode == 4, (cmd, result.stderr)
        assert "vault is damaged" in error_line(result)
        assert snapshot(vault) == snap, cmd
    backups = vault / "backups"
    assert not backups.exists()


def test_missing_keyslots_is_reported_as_damage(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    (vault / "keyslots.json").unlink()
    snap = snapshot(vault)
    result = sandbox.run("vault", "info", vault)
    assert result.returncode == 4
    assert "keyslots.json" in error_line(result)
    assert snapshot(vault) == snap


@pytest.mark.parametrize("cmd", [
    ("vault", "info", "{p}"), ("vault", "check", "{p}"), ("search", "{p}", "anything"),
    ("vault", "backup", "{p}", "{p}-backup"), ("vault", "passwd", "{p}"),
])
def test_commands_on_a_missing_vault_create_nothing(sandbox: Sandbox, cmd: tuple[str, ...]) -> None:
    target = sandbox.work / "no" / "such" / "vault"
    before = all_paths(sandbox.root)
    result = sandbox.run(*(c.format(p=target) for c in cmd), new_passphrase=NEW_PASS)
    assert result.returncode != 0
    assert "No vault was found" in error_line(result)
    assert all_paths(sandbox.root) == before
    assert not (sandbox.work / "no").exists()


def test_an_empty_folder_is_not_a_vault_and_stays_empty(sandbox: Sandbox) -> None:
    folder = sandbox.work / "empty"
    folder.mkdir()
    result = sandbox.run("vault", "info", folder)
    assert result.returncode != 0
    assert "No vault was found" in error_line(result)
    assert list(folder.iterdir()) == []


def test_init_refuses_an_existing_vault(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    snap = snapshot(vault)
    result = sandbox.run("vault", "init", vault, fast_kdf=True)
    assert result.returncode != 0
    assert "already exists" in error_line(result)
    assert snapshot(vault) == snap


def test_a_vault_open_elsewhere_is_refused(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    session = Session.open(vault, PASS)
    try:
        result = sandbox.run("vault", "info", vault)
        assert result.returncode == 1
        assert "already open" in error_line(result)
    finally:
        session.close()
    ok(sandbox.run("vault", "info", vault))


# ----- usage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "needle"), [
    (("vault",), "vault_command"),
    (("vault", "info"), "path"),
    (("vault", "frobnicate", "x"), "invalid choice"),
    (("bogus",), "invalid choice"),
    (("search", "somewhere"), "query"),
    (("demo", "somewhere", "--cases", "five"), "invalid int value"),
    (("vault", "recover", "somewhere"), "--identity"),
    (("vault", "info", "somewhere", "--no-such-flag"), "unrecognized arguments"),
])
def test_usage_errors_exit_2(sandbox: Sandbox, args: tuple[str, ...], needle: str) -> None:
    result = sandbox.run(*args)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("msp-desktop: ") and needle in last, last
    assert result.stderr.startswith("usage: ")
    assert all_paths(sandbox.work) == set()


def test_no_passphrase_and_no_terminal_is_a_usage_error(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    result = sandbox.run("vault", "init", vault, passphrase=None, fast_kdf=True)
    assert result.returncode == 2
    assert "MSP_PASSPHRASE" in error_line(result)
    assert not vault.exists()


# ----- search and self-test ------------------------------------------------------------------


def test_search_json_prints_one_object_per_hit(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    result = ok(sandbox.run("search", vault, "llanddewibrefi", "--json"))
    lines = result.stdout.splitlines()
    hits = [json.loads(line) for line in lines]
    assert len(hits) == len(seeded.notes) == 4
    for hit in hits:
        assert {"case_id", "person_name", "kind", "record_id", "snippet"} <= set(hit)
        assert hit["kind"] == "contact_note"
        assert seeded.notes[hit["record_id"]] == hit["case_id"]
        assert hit["person_name"] == seeded.person_names[hit["case_id"]]
        assert "[[Llanddewibrefi]]" in hit["snippet"]
    assert {h["record_id"] for h in hits} == set(seeded.notes)

    # Prefix and diacritic-insensitive matching, and a query that matches nothing.
    assert len(ok(sandbox.run("search", vault, "LLANDDEWI", "--json")).stdout.splitlines()) == 4
    assert ok(sandbox.run("search", vault, "zzqxv", "--json")).stdout == ""
    # Punctuation cannot break the full-text query syntax.
    ok(sandbox.run("search", vault, 'library" OR * NEAR(', "--json"))
    limited = ok(sandbox.run("search", vault, "library", "--json", "--limit", "2"))
    assert len(limited.stdout.splitlines()) == 2

    plain = ok(sandbox.run("search", vault, "llanddewibrefi")).stdout.splitlines()
    assert len(plain) == 4 and all("Llanddewibrefi" in ln for ln in plain)

    # The audit log records that a search happened, never what was searched for.
    session = Session.open(vault, PASS)
    try:
        rows = session.conn.execute("SELECT * FROM audit WHERE action = 'search'").fetchall()
        text = json.dumps([list(map(str, r)) for r in rows]).lower()
        hits_now = search_service.search(session, "library", audit=False)
    finally:
        session.close()
    assert len(rows) == 6  # one per search command above
    assert "llanddewi" not in text and "library" not in text and "zzqxv" not in text
    assert len(hits_now) == 4


def test_plain_search_prints_one_line_per_hit_even_for_a_person(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    hits = [json.loads(ln) for ln in
            ok(sandbox.run("search", vault, "Okonkwo", "--json")).stdout.splitlines()]
    assert [h["kind"] for h in hits] == ["person"]
    assert "\n" in hits[0]["snippet"]  # the adult's record indexes the name on several lines
    plain = ok(sandbox.run("search", vault, "Okonkwo")).stdout.splitlines()
    assert len(plain) == 1 and plain[0].count("[[Okonkwo]]") == 2


def test_a_hit_on_the_adult_names_the_adult(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seed_vault(vault)
    hit = json.loads(ok(sandbox.run("search", vault, "Okonkwo", "--json")).stdout)
    assert hit["person_name"] == "Adaeze Okonkwo"


def test_self_test_passes_and_leaves_nothing_behind(sandbox: Sandbox) -> None:
    result = ok(sandbox.run("--self-test", passphrase=None))
    assert result.stdout.strip().splitlines()[-1] == "Self-test passed."
    for step in ("vault created", "full-text search works", "PDF written",
                 "vault reopened with its data"):
        assert step in result.stdout
    assert list(sandbox.tmp.iterdir()) == []
    assert all_paths(sandbox.work) == set()
    assert not [p for p in sandbox.home.rglob("*") if p.is_file()]

