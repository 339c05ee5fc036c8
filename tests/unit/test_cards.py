from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from msp_desktop.storage.errors import RecoveryFailed
from msp_desktop.sync.cards import (
    CardInvalid,
    OfficeCard,
    generate_office_keys,
    load_card,
    load_identity,
    parse_identity,
)


def test_generate_and_load(tmp_path: Path) -> None:
    keys = generate_office_keys(tmp_path / "office", "North Borough Safeguarding")
    assert keys.identity_path.name == "office-identity.txt"
    assert keys.card_path.name == "office-card.json"
    if sys.platform != "win32":
        assert stat.S_IMODE(keys.identity_path.stat().st_mode) == 0o600

    doc = json.loads(keys.card_path.read_text())
    assert set(doc) == {"type", "format", "name", "age_recipient", "ed25519_public", "fingerprint"}
    assert doc["type"] == "msp-office-card" and doc["format"] == 1
    assert doc["age_recipient"].startswith("age1")
    assert len(bytes.fromhex(doc["ed25519_public"])) == 32
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", doc["fingerprint"])
    assert "AGE-SECRET-KEY" not in keys.card_path.read_text()

    card = load_card(keys.card_path)
    assert isinstance(card, OfficeCard)
    assert card == keys.card
    ident = load_identity(keys.identity_path)
    assert ident.name == "North Borough Safeguarding"
    assert ident.card() == card
    assert len(ident.ed25519_seed) == 32
    assert "SECRET" not in repr(ident)

    # The identity really decrypts what is encrypted to the card's recipient.
    ct = pyrage.encrypt(b"hello", [x25519.Recipient.from_str(card.age_recipient)])
    assert pyrage.decrypt(ct, [x25519.Identity.from_str(ident.age_identity)]) == b"hello"


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    keys = generate_office_keys(tmp_path, "Office")
    before = (keys.identity_path.read_bytes(), keys.card_path.read_bytes())
    with pytest.raises(FileExistsError):
        generate_office_keys(tmp_path, "Office")
    keys.card_path.unlink()
    with pytest.raises(FileExistsError):  # the identity alone is enough to refuse
        generate_office_keys(tmp_path, "Office")
    assert keys.identity_path.read_bytes() == before[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office-identity.txt"]


def test_altered_card_is_rejected(tmp_path: Path) -> None:
    keys = generate_office_keys(tmp_path, "Office")
    other = x25519.Identity.generate().to_public()
    doc = json.loads(keys.card_path.read_text())

    def write(d: object) -> Path:
        p = tmp_path / "bad.json"
        p.write_text(json.dumps(d))
        return p

    with pytest.raises(CardInvalid):  # recipient swapped, fingerprint kept
        load_card(write({**doc, "age_recipient": str(other)}))
    with pytest.raises(CardInvalid):
        load_card(write({**doc, "type": "something-else"}))
    with pytest.raises(CardInvalid):
        load_card(write({**doc, "format": 2}))
    with pytest.raises(CardInvalid):
        load_card(write({**doc, "ed25519_public": "abcd"}))
    with pytest.raises(CardInvalid):
        load_card(write([1, 2]))
    (tmp_path / "junk.json").write_bytes(b"\xff\xfe")
    with pytest.raises(CardInvalid):
        load_card(tmp_path / "junk.json")


def test_identity_parsing(tmp_path: Path) -> None:
    bare = x25519.Identity.generate()
    ident = parse_identity(f"# made by age-keygen\n{bare}\n")
    assert ident.age_identity == str(bare) and ident.ed25519_seed == b""
    with pytest.raises(RecoveryFailed):
        parse_identity("# nothing here\n")
    with pytest.raises(RecoveryFailed):
        parse_identity("AGE-SECRET-KEY-1NOTVALID\n")
    with pytest.raises(RecoveryFailed):
        load_identity(tmp_path / "missing.txt")


@pytest.mark.skipif(shutil.which("age") is None, reason="age CLI not installed")
def test_identity_file_works_with_age_cli(tmp_path: Path) -> None:
    keys = generate_office_keys(tmp_path, "Office")
    ct = tmp_path / "x.age"
    ct.write_bytes(pyrage.encrypt(b"interop", [x25519.Recipient.from_str(keys.card.age_recipient)]))
    out = subprocess.run(["age", "-d", "-i", str(keys.identity_path), str(ct)],
                         capture_output=True, check=True)
    assert out.stdout == b"interop"
