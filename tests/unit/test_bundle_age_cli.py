"""BUN-1 and docs/bundle-format.md: the office opens a bundle with standard tools (the age
command line, then any zip reader), and `inspect` reads one without a vault. The signature
check in the document's worked example is run here too."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import nacl.signing
import pytest

from msp_desktop.domain.canonical import encode
from msp_desktop.domain.revisions import revision_id_for
from msp_desktop.services import office, records
from msp_desktop.services import sync as sync_service
from msp_desktop.services.session import Session
from msp_desktop.sync import bundle
from msp_desktop.sync.bundle import BundleRejected
from msp_desktop.sync.cards import OfficeKeys
from tests.unit._sync_helpers import (
    finalised_note,
    make_session,
    note_payload,
    open_case,
)

AGE = shutil.which("age")
MARKER = "ZZ-MARKER-Gwenllian-93731"


@pytest.fixture
def exported(tmp_path: Path) -> Iterator[tuple[Session, OfficeKeys, Path]]:
    keys = office.keygen(tmp_path / "office", "County Safeguarding Office")
    s = make_session(tmp_path / "vault", 0)
    try:
        sync_service.trust(s, keys.card)
        case_id, _ = open_case(s, family=MARKER)
        note_id = finalised_note(s, case_id)
        records.amend(s, note_id, note_payload(case_id, facts="Amended ŵŷ"),
                      reason="Correction", amendment_type="CORRECTION")
        out = tmp_path / "out"
        out.mkdir()
        [path] = sync_service.export_bundles(s, out, [keys.card]).paths
        yield s, keys, path
    finally:
        s.close()


def _check_zip(plain: bytes, s: Session, office_fpr: str) -> None:
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "manifest.sig", "revisions.jsonl"]
        manifest_bytes = zf.read("manifest.json")
        sig = bytes.fromhex(zf.read("manifest.sig").decode("ascii").strip())
        lines = zf.read("revisions.jsonl").split(b"\n")[:-1]
    manifest = json.loads(manifest_bytes)
    assert encode(manifest) == manifest_bytes  # canonical
    assert manifest["format"] == "msp-bundle" and manifest["format_version"] == 1
    assert manifest["sender"]["device_id"] == s.device.device_id
    assert manifest["recipients"] == [{"kind": "office", "id": office_fpr,
                                       "name": "County Safeguarding Office",
                                       "fingerprint": office_fpr}]
    # The signature, checked the way the document shows.
    key = nacl.signing.VerifyKey(bytes.fromhex(manifest["sender"]["verify_key"]))
    key.verify(b"msp-bundle-manifest-v1\x00" + manifest_bytes, sig)
    # The adult, the case, and the note: create, finalise, amend.
    assert len(lines) == len(manifest["revisions"]) == 5
    for line, (rid, digest) in zip(lines, manifest["revisions"], strict=True):
        assert hashlib.sha256(line).hexdigest() == digest
        rev = json.loads(line)
        body = {k: v for k, v in rev.items() if k not in ("revision_id", "signature")}
        assert hashlib.sha256(encode(body)).hexdigest() == rid == rev["revision_id"]
        assert revision_id_for(body) == rid
        device = next(d for d in manifest["devices"] if d["device_id"] == rev["device_id"])
        nacl.signing.VerifyKey(bytes.fromhex(device["verify_key"])).verify(
            rid.encode("ascii"), bytes.fromhex(rev["signature"]))
    assert any(MARKER in line.decode() for line in lines)


@pytest.mark.skipif(AGE is None, reason="the age command line tool is not installed"
                    " (Debian: apt-get install age)")
def test_the_office_opens_a_bundle_with_the_age_tool_and_a_zip_reader(
    exported: tuple[Session, OfficeKeys, Path], tmp_path: Path,
) -> None:
    s, keys, path = exported
    assert AGE is not None
    assert path.name == f"{s.device.short_id}-1.mspbundle"
    assert MARKER.encode() not in path.read_bytes()
    out = tmp_path / "x.zip"
    with open(out, "wb") as fh:
        subprocess.run([AGE, "-d", "-i", str(keys.identity_path), str(path)], stdout=fh,
                       check=True, timeout=60)
    _check_zip(out.read_bytes(), s, keys.card.fingerprint)
    # A device identity that is not a recipient cannot open it.
    other = tmp_path / "other-identity.txt"
    other.write_text(s.device.age_identity + "\n")
    failed = subprocess.run([AGE, "-d", "-i", str(other), str(path)], capture_output=True,
                            timeout=60)
    assert failed.returncode != 0 and not failed.stdout


@pytest.mark.skipif(AGE is None, reason="the age command line tool is not installed")
def test_a_bundle_the_age_tool_encrypts_is_read_by_the_app(
    exported: tuple[Session, OfficeKeys, Path], tmp_path: Path,
) -> None:
    """Interop the other way: the office re-encrypts the same zip with age; it still opens."""
    _, keys, path = exported
    assert AGE is not None
    plain = tmp_path / "x.zip"
    with open(plain, "wb") as fh:
        subprocess.run([AGE, "-d", "-i", str(keys.identity_path), str(path)], stdout=fh,
                       check=True, timeout=60)
    again = tmp_path / "again.mspbundle"
    subprocess.run([AGE, "-r", keys.card.age_recipient, "-o", str(again), str(plain)],
                   check=True, timeout=60)
    inspection = sync_service.inspect(again, keys.identity_path.read_text())
    assert inspection.data["revisions"] == 5


def test_inspect_reads_a_bundle_without_a_vault(
    exported: tuple[Session, OfficeKeys, Path], tmp_path: Path,
) -> None:
    s, keys, path = exported
    identity = keys.identity_path.read_text()
    s.close()  # no vault is open: inspect needs only the file and the office identity
    inspection = sync_service.inspect(path, identity)
    data = inspection.data
    assert data["sender"]["fingerprint"] == s.device.fingerprint()
    assert data["bundle_seq"] == 1 and data["revisions"] == 5
    assert data["by_kind"] == {"person": 1, "case": 1, "contact_note": 3}
    assert data["signature"].startswith("valid")
    assert any(s.device.fingerprint() in line for line in inspection.lines)
    assert any("County Safeguarding Office" in line for line in inspection.lines)
    # Without the right identity it is not readable at all.
    stranger = office.keygen(tmp_path / "stranger", "Another office")
    with pytest.raises(BundleRejected, match="not addressed to this vault"):
        sync_service.inspect(path, stranger.identity_path.read_text())
    # And the python side of the document's worked example agrees.
    plain = bundle.decrypt(path.read_bytes(), [identity.strip().splitlines()[-1]])
    _check_zip(plain, s, keys.card.fingerprint)


def test_the_documented_signature_check_runs(
    exported: tuple[Session, OfficeKeys, Path], tmp_path: Path,
) -> None:
    """docs/bundle-format.md's worked example (python -c) on a real bundle."""
    s, keys, path = exported
    doc = (Path(__file__).parents[2] / "docs" / "bundle-format.md").read_text()
    found = re.search(r"<!-- verify-example[^>]*-->\n```sh\npython3 -c '\n(.*?)\n'\n```", doc,
                      re.S)
    assert found, "the worked example is missing from docs/bundle-format.md"
    identity = keys.identity_path.read_text().strip().splitlines()[-1]
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(io.BytesIO(bundle.decrypt(path.read_bytes(), [identity]))) as zf:
        zf.extractall(folder)
    done = subprocess.run([sys.executable, "-c", found.group(1)], cwd=folder,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert s.device.fingerprint() in done.stdout
    assert "5 revisions: each listed" in done.stdout
    # Altered by one byte, the same check fails.
    manifest = folder / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"bundle_seq":1', b'"bundle_seq":2'))
    failed = subprocess.run([sys.executable, "-c", found.group(1)], cwd=folder,
                            capture_output=True, text=True, timeout=60)
    assert failed.returncode != 0 and "BadSignatureError" in failed.stderr
