"""`keys` and `bundle` commands run as the real console script (design.md §7, issue 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.conftest import PASS, Sandbox, error_line, ok, seed_vault, snapshot

BUNDLE_NAME = re.compile(r"^[0-9a-f]{8}-[0-9]+\.mspbundle$")


def _info(sb: Sandbox, path: Path) -> dict[str, object]:
    data = json.loads(ok(sb.run("vault", "info", path, "--json")).stdout)
    assert isinstance(data, dict)
    return data


def _fingerprint(stdout: str) -> str:
    m = re.search(r"Fingerprint: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})", stdout)
    assert m, stdout
    return m.group(1)


def _pair(sb: Sandbox) -> tuple[Path, Path, Path, Path]:
    a, b = sb.work / "a", sb.work / "b"
    seed_vault(a)
    ok(sb.run("vault", "init", b, fast_kdf=True))
    card_a, card_b = sb.work / "a.card.json", sb.work / "b.card.json"
    fpr_a = _fingerprint(ok(sb.run("keys", "card", a, card_a)).stdout)
    fpr_b = _fingerprint(ok(sb.run("keys", "card", b, card_b)).stdout)
    # Without a terminal and without --fingerprint: trusted, and the output says what.
    out = ok(sb.run("keys", "trust", b, card_a)).stdout
    assert "Trusted device: Seed laptop" in out and fpr_a in out
    ok(sb.run("keys", "trust", a, card_b, "--fingerprint", fpr_b.lower()))
    return a, b, card_a, card_b


def test_cards_trust_export_import_round_trip(sandbox: Sandbox) -> None:
    sb = sandbox
    a, b, _card_a, card_b = _pair(sb)
    out = sb.work / "outbox"
    out.mkdir()
    exported = ok(sb.run("bundle", "export", a, out, "--to", card_b)).stdout
    files = sorted(out.iterdir())
    assert len(files) == 1 and BUNDLE_NAME.match(files[0].name), files
    assert "change(s) in 1 bundle file(s)" in exported
    before = _info(sb, b)
    dry = ok(sb.run("bundle", "import", b, files[0], "--dry-run")).stdout
    assert "Dry run: nothing was written." in dry and "from Seed laptop" in dry
    assert "Eirlys Pritchard" in dry
    assert _info(sb, b) == before  # the dry run applied nothing (unlock/lock are audited)
    ok(sb.run("bundle", "import", b, files[0]))
    assert _info(sb, a)["state_digest"] == _info(sb, b)["state_digest"]
    again = ok(sb.run("bundle", "import", b, files[0])).stdout
    assert "imported before" in again and "New: 0." in again
    listed = json.loads(ok(sb.run("keys", "list", b, "--json")).stdout)
    names = {d["name"]: d["status"] for d in listed["devices"]}
    assert names["Seed laptop"] == "Trusted"


def test_untrusted_revoked_and_misaddressed_bundles_are_refused(sandbox: Sandbox) -> None:
    sb = sandbox
    a, b, _card_a, card_b = _pair(sb)
    c = sb.work / "c"
    ok(sb.run("vault", "init", c, fast_kdf=True))
    card_c = sb.work / "c.card.json"
    ok(sb.run("keys", "card", c, card_c))
    ok(sb.run("keys", "trust", a, card_c))
    out = sb.work / "outbox"
    out.mkdir()
    ok(sb.run("bundle", "export", a, out / "to-c.mspbundle", "--to", card_c))
    before = snapshot(b)
    result = sb.run("bundle", "import", b, out / "to-c.mspbundle")
    assert result.returncode == 4 and "not addressed to this vault" in error_line(result)
    # c has not trusted a: the refusal names the sender and its fingerprint.
    result = sb.run("bundle", "import", c, out / "to-c.mspbundle")
    assert result.returncode == 4
    assert "does not trust" in error_line(result) and "fingerprint" in error_line(result)
    # b revokes a: a's new bundles are refused.
    device_a = json.loads(ok(sb.run("keys", "list", b, "--json")).stdout)["devices"]
    a_id = next(d["device_id"] for d in device_a if d["name"] == "Seed laptop")
    ok(sb.run("keys", "revoke", b, a_id))
    ok(sb.run("bundle", "export", a, out / "to-b.mspbundle", "--to", card_b))
    result = sb.run("bundle", "import", b, out / "to-b.mspbundle")
    assert result.returncode == 4 and "revoked" in error_line(result)
    assert snapshot(b).keys() == before.keys()


def test_office_reads_a_bundle_without_a_vault(sandbox: Sandbox) -> None:
    sb = sandbox
    a = sb.work / "a"
    seed_vault(a)
    ok(sb.run("office", "keygen", sb.work / "office", "--name", "Example Council"))
    office_card = sb.work / "office" / "office-card.json"
    ok(sb.run("keys", "trust", a, office_card))
    out = sb.work / "outbox"
    out.mkdir()
    ok(sb.run("bundle", "export", a, out, "--to", office_card, "--max-size", "0.05"))
    files = sorted(out.iterdir())
    assert files and all(BUNDLE_NAME.match(f.name) for f in files)
    report = json.loads(ok(sb.run(
        "bundle", "inspect", files[0], "--identity", sb.work / "office" / "office-identity.txt",
        "--json", passphrase=None)).stdout)
    assert report["sender"]["name"] == "Seed laptop"
    assert report["signature"].startswith("valid")
    assert report["recipients"][0]["name"] == "Example Council"
    result = sb.run("bundle", "inspect", files[0], "--identity",
                    sb.work / "office" / "office-card.json", passphrase=None)
    assert result.returncode == 4


def test_bad_input_gets_one_line_and_a_code(sandbox: Sandbox) -> None:
    sb = sandbox
    a, _b, _card_a, _card_b = _pair(sb)
    junk = sb.work / "junk.mspbundle"
    junk.write_bytes(b"not a bundle at all")
    result = sb.run("bundle", "import", a, junk)
    assert result.returncode == 4 and "not an MSP Desktop bundle" in error_line(result)
    bad_card = sb.work / "bad.json"
    bad_card.write_text("{}", encoding="utf-8")
    result = sb.run("keys", "trust", a, bad_card)
    assert result.returncode == 4 and "not valid" in error_line(result)
    result = sb.run("keys", "trust", a, sb.work / "b.card.json", "--fingerprint", "AAAA-BBBB")
    assert result.returncode == 4 and "does not match" in error_line(result)
    assert PASS
