"""Attack replay, issue 8 must fix 3 and 4, from the command line: recovery never needs the
office identity on a laptop; swapped, replayed, altered and cut recovery files change nothing;
identity/request/reply files are capped; a recovery card is confirmed by a person."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

from tests.e2e.conftest import (
    NEW_PASS,
    PASS,
    Sandbox,
    error_line,
    ok,
    seed_vault,
    snapshot,
)


def _office(sb: Sandbox, name: str = "office") -> tuple[Path, Path, str]:
    folder = sb.work / name
    ok(sb.run("office", "keygen", folder, passphrase=None))
    card = folder / "office-card.json"
    return folder / "office-identity.txt", card, json.loads(card.read_text())["fingerprint"]


def _vault_with_card(sb: Sandbox, card: Path, fpr: str, name: str = "vault") -> Path:
    vault = sb.work / name
    ok(sb.run("vault", "init", vault, "--recovery-card", card, "--card-fingerprint", fpr,
              fast_kdf=True))
    return vault


def _code(stdout: str) -> str:
    return next(ln.split(": ", 1)[1] for ln in stdout.splitlines()
                if ln.startswith("Request code: "))


def test_recovery_by_request_and_reply_never_needs_the_office_identity(sandbox: Sandbox) -> None:
    identity, card, fpr = _office(sandbox)
    vault = _vault_with_card(sandbox, card, fpr)
    laptop_files = sandbox.work / "laptop-out"
    laptop_files.mkdir()
    # The laptop, with no passphrase at all.
    req = ok(sandbox.run("vault", "recovery-request", vault, laptop_files / "req.json",
                         passphrase=None))
    code = _code(req.stdout)
    assert fpr in req.stdout
    secret = vault / "recovery-request-secret.json"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert "AGE-SECRET-KEY" not in (laptop_files / "req.json").read_text()

    # The office (offline), checking the code the worker read out.
    reply = laptop_files / "reply.json"
    answered = ok(sandbox.run("office", "recover-reply", identity, laptop_files / "req.json",
                              reply, "--request-code", code.lower(), passphrase=None))
    assert code in answered.stdout and json.loads(
        (laptop_files / "req.json").read_text())["vault_id"] in answered.stdout

    # Back on the laptop: the office identity was never there.
    done = ok(sandbox.run("vault", "recover", vault, "--reply", reply, passphrase=None,
                          new_passphrase=NEW_PASS, fast_kdf=True))
    assert "warning: --identity" not in done.stderr
    assert not secret.exists()
    assert sandbox.run("vault", "info", vault, passphrase=PASS).returncode == 3
    ok(sandbox.run("vault", "info", vault, passphrase=NEW_PASS))
    ok(sandbox.run("vault", "check", vault, passphrase=NEW_PASS))
    for p in sandbox.root.rglob("*"):
        if p.is_file() and p != identity:
            assert b"AGE-SECRET-KEY" not in p.read_bytes() or p == secret, p

    # Replaying the same reply later (a copy kept by someone) does nothing.
    snap = snapshot(vault)
    replay = sandbox.run("vault", "recover", vault, "--reply", reply, passphrase=None,
                         new_passphrase="attacker-chosen-phrase-12", fast_kdf=True)
    assert replay.returncode == 4
    assert "no recovery request waiting" in error_line(replay)
    assert snapshot(vault) == snap


def test_replies_for_another_vault_request_or_altered_are_refused(sandbox: Sandbox) -> None:
    identity, card, fpr = _office(sandbox)
    vault = _vault_with_card(sandbox, card, fpr)
    other = _vault_with_card(sandbox, card, fpr, "other-vault")
    out = sandbox.work / "files"
    out.mkdir()
    ok(sandbox.run("vault", "recovery-request", other, out / "other-req.json", passphrase=None))
    ok(sandbox.run("office", "recover-reply", identity, out / "other-req.json",
                   out / "other-reply.json", passphrase=None))
    ok(sandbox.run("vault", "recovery-request", vault, out / "old-req.json", passphrase=None))
    ok(sandbox.run("office", "recover-reply", identity, out / "old-req.json",
                   out / "old-reply.json", passphrase=None))
    ok(sandbox.run("vault", "recovery-request", vault, out / "req.json", passphrase=None))
    ok(sandbox.run("office", "recover-reply", identity, out / "req.json", out / "reply.json",
                   passphrase=None))
    good = (out / "reply.json").read_bytes()
    doc = json.loads(good)
    ct = bytearray(base64.b64decode(doc["age"]))
    ct[len(ct) // 2] ^= 0x01
    tampered = dict(doc, age=base64.b64encode(bytes(ct)).decode())
    (out / "tampered.json").write_text(json.dumps(tampered))
    (out / "truncated.json").write_bytes(good[: len(good) // 2])
    (out / "relabelled.json").write_text(json.dumps(
        dict(json.loads((out / "other-reply.json").read_text()),
             vault_id=doc["vault_id"], request_id=doc["request_id"])))

    snap = snapshot(vault)
    for name, needle in (("other-reply.json", "another vault"),
                         ("old-reply.json", "different recovery request"),
                         ("tampered.json", "damaged"),
                         ("truncated.json", "damaged"),
                         ("relabelled.json", "damaged")):
        result = sandbox.run("vault", "recover", vault, "--reply", out / name, passphrase=None,
                             new_passphrase=NEW_PASS, fast_kdf=True)
        assert result.returncode == 4, (name, result.stderr)
        assert needle in error_line(result), (name, result.stderr)
        assert snapshot(vault) == snap, name
    ok(sandbox.run("vault", "recover", vault, "--reply", out / "reply.json", passphrase=None,
                   new_passphrase=NEW_PASS, fast_kdf=True))


def test_office_refuses_a_swapped_request(sandbox: Sandbox) -> None:
    """An attacker who intercepts the request and puts in their own one-time key cannot keep
    the code the worker reads out; with --request-code the office writes nothing."""
    identity, card, fpr = _office(sandbox)
    vault = _vault_with_card(sandbox, card, fpr)
    req_file = sandbox.work / "req.json"
    code = _code(ok(sandbox.run("vault", "recovery-request", vault, req_file,
                                passphrase=None)).stdout)
    from pyrage import x25519

    doc = json.loads(req_file.read_text())
    doc["reply_to"] = str(x25519.Identity.generate().to_public())
    from msp_desktop.storage.recovery import request_code

    doc["code"] = request_code(doc["vault_id"], doc["request_id"], doc["reply_to"],
                               doc["office_recipient"], base64.b64decode(doc["recovery_slot"]))
    swapped = sandbox.work / "swapped.json"
    swapped.write_text(json.dumps(doc))
    result = sandbox.run("office", "recover-reply", identity, swapped, sandbox.work / "r.json",
                         "--request-code", code, passphrase=None)
    assert result.returncode == 4
    assert "does not match this request" in error_line(result)
    assert not (sandbox.work / "r.json").exists()

    # A request for another office's card is refused by this office.
    other_identity, _card, _fpr = _office(sandbox, "other-office")
    result = sandbox.run("office", "recover-reply", other_identity, req_file,
                         sandbox.work / "r.json", passphrase=None)
    assert result.returncode == 4
    assert "another office recovery card" in error_line(result)


def test_identity_request_and_reply_files_are_capped(sandbox: Sandbox) -> None:
    identity, card, fpr = _office(sandbox)
    vault = _vault_with_card(sandbox, card, fpr)
    big = sandbox.work / "big.txt"
    big.write_bytes(b"#" * (1024 * 1024))
    fifo = sandbox.work / "fifo"
    os.mkfifo(fifo)
    ok(sandbox.run("vault", "recovery-request", vault, sandbox.work / "req.json",
                   passphrase=None))
    snap = snapshot(vault)
    for bad in ("/dev/zero", fifo, big, sandbox.work):
        for args in (("bundle", "inspect", sandbox.work / "x.mspbundle", "--identity", bad),
                     ("office", "recover-reply", bad, sandbox.work / "req.json",
                      sandbox.work / "r.json"),
                     ("office", "recover-reply", identity, bad, sandbox.work / "r.json"),
                     ("vault", "recover", vault, "--reply", bad),
                     ("vault", "recover", vault, "--identity", bad)):
            result = sandbox.run(*args, passphrase=None, new_passphrase=NEW_PASS, timeout=20)
            assert result.returncode == 4, (args, result.stderr)
            line = [ln for ln in result.stderr.splitlines() if ln.startswith("msp-desktop:")]
            assert len(line) == 1 and ("ordinary file" in line[0] or "larger than" in line[0]), (
                args, result.stderr)
    assert snapshot(vault) == snap


def test_identity_recovery_is_office_use_only_and_warns(sandbox: Sandbox) -> None:
    identity, card, fpr = _office(sandbox)
    vault = _vault_with_card(sandbox, card, fpr)
    result = ok(sandbox.run("vault", "recover", vault, "--identity", identity, passphrase=None,
                            new_passphrase=NEW_PASS, fast_kdf=True))
    assert "never copy the office identity to a worker's laptop" in result.stderr.lower()


def test_a_recovery_card_must_be_confirmed_by_a_person(sandbox: Sandbox) -> None:
    _identity, card, fpr = _office(sandbox)
    # A swapped card: someone else's keys, a valid card in itself.
    _i2, forged_card, forged_fpr = _office(sandbox, "forger")
    vault = sandbox.work / "vault"
    # No confirmation at all (not a terminal): usage error, nothing created.
    result = sandbox.run("vault", "init", vault, "--recovery-card", card, fast_kdf=True)
    assert result.returncode == 2
    assert "--card-fingerprint" in error_line(result)
    assert fpr in result.stdout  # shown so it can be compared
    assert not vault.exists()
    # The forged card does not match what the office read out.
    result = sandbox.run("vault", "init", vault, "--recovery-card", forged_card,
                         "--card-fingerprint", fpr, fast_kdf=True)
    assert result.returncode == 2
    assert "does not match" in error_line(result)
    assert forged_fpr in result.stdout
    assert not vault.exists()
    # Only part of it is not enough.
    result = sandbox.run("vault", "init", vault, "--recovery-card", card,
                         "--card-fingerprint", fpr[-9:], fast_kdf=True)
    assert result.returncode == 2 and not vault.exists()
    # Read out with spaces and in lower case: accepted.
    ok(sandbox.run("vault", "init", vault, "--recovery-card", card,
                   "--card-fingerprint", fpr.replace("-", " ").lower(), fast_kdf=True))
    info = json.loads(ok(sandbox.run("vault", "info", vault, "--json")).stdout)
    assert info["recovery_card_fingerprint"] == fpr
    plain = sandbox.work / "plain"
    seed_vault(plain)
    info = json.loads(ok(sandbox.run("vault", "info", plain, "--json")).stdout)
    assert info["recovery_card_fingerprint"] == "none"
    text = ok(sandbox.run("vault", "info", vault)).stdout
    assert f"recovery_card_fingerprint: {fpr}" in text


def test_vault_info_notices_a_recovery_slot_swapped_in_the_key_file(sandbox: Sandbox) -> None:
    """Someone who can write keyslots.json swaps in another card's fingerprint text: the card
    confirmed at creation is kept inside the encrypted database, so info tells."""
    _identity, card, fpr = _office(sandbox)
    vault = _vault_with_card(sandbox, card, fpr)
    _i2, _forged_card, forged_fpr = _office(sandbox, "forger")
    slots = json.loads((vault / "keyslots.json").read_text())
    slots["slots"][1]["fingerprint"] = forged_fpr
    (vault / "keyslots.json").write_text(json.dumps(slots))
    info = json.loads(ok(sandbox.run("vault", "info", vault, "--json")).stdout)
    assert info["recovery_card_fingerprint"] == fpr  # the confirmed one, not the edited text


def _init_at_a_terminal(sb: Sandbox, vault: Path, card: Path, typed: str) -> tuple[int, str]:
    """vault init with stdin a terminal: the person types the fingerprint at the prompt."""
    import pty
    import subprocess

    from tests.e2e.conftest import CLI

    master, slave = pty.openpty()
    env = dict(sb.env, MSP_PASSPHRASE=PASS, MSP_TEST_FAST_KDF="1")
    try:
        proc = subprocess.Popen([*CLI, "vault", "init", str(vault), "--recovery-card", str(card)],
                                cwd=sb.work, env=env, stdin=slave, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        os.write(master, (typed + "\n").encode())
        out, _ = proc.communicate(timeout=60)
    finally:
        os.close(master)
        os.close(slave)
    return proc.returncode, out


def test_vault_init_at_a_terminal_asks_for_the_fingerprint(sandbox: Sandbox) -> None:
    _identity, card, fpr = _office(sandbox)
    vault = sandbox.work / "vault"
    code, out = _init_at_a_terminal(sandbox, vault, card, "ABCD-EFGH-IJKL-MNOP")
    assert code == 2 and "does not match" in out and fpr in out
    assert not vault.exists()
    code, out = _init_at_a_terminal(sandbox, vault, card, fpr.replace("-", "").lower())
    assert code == 0, out
    assert "Fingerprint confirmed." in out and (vault / "vault.db").exists()
