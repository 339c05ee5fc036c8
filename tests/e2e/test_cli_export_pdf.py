"""`export pdf PATH CASE_ID OUT [--profile full|sar]` as the real command in a sandbox."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from msp_desktop.services.session import Session
from tests.e2e.conftest import PASS, Sandbox, error_line, ok, seed_vault

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")


def test_export_pdf_writes_the_record_and_audits_it(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    case_id = seeded.case_ids[0]
    out = sandbox.work / "record.pdf"
    result = ok(sandbox.run("export", "pdf", vault, case_id, out, fast_kdf=True))
    assert "Wrote" in result.stdout and out.exists()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                          text=True).stdout
    assert "Case record: Eirlys Pritchard" in text and "OFFICIAL-SENSITIVE" in text
    assert "Llanddewibrefi" in text  # the notes' text
    sar = sandbox.work / "sar.pdf"
    ok(sandbox.run("export", "pdf", vault, case_id, sar, "--profile", "sar", fast_kdf=True))
    assert "What was withheld and why" in subprocess.run(
        ["pdftotext", str(sar), "-"], capture_output=True, text=True).stdout
    session = Session.open(vault, PASS)
    try:
        entries = [e for e in session.audit.entries(case_id=case_id) if e.action == "export"]
    finally:
        session.close()
    assert [e.detail["profile"] for e in entries] == ["full", "sar"]
    assert "Llanddewibrefi" not in json.dumps([e.detail for e in entries])


def test_export_pdf_refuses_an_unknown_case_and_a_bad_profile(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    out = sandbox.work / "record.pdf"
    missing = sandbox.run("export", "pdf", vault, "f" * 32, out, fast_kdf=True)
    assert missing.returncode == 4
    assert "That case does not exist in this vault" in error_line(missing)
    bad = sandbox.run("export", "pdf", vault, seeded.case_ids[0], out, "--profile", "all",
                      fast_kdf=True)
    assert bad.returncode == 2 and "--profile" in bad.stderr
    assert not out.exists()


def test_export_pdf_to_a_folder_that_does_not_exist_names_out(sandbox: Sandbox) -> None:
    vault = sandbox.work / "vault"
    seeded = seed_vault(vault)
    out = sandbox.work / "no such folder" / "record.pdf"
    result = sandbox.run("export", "pdf", vault, seeded.case_ids[0], out, fast_kdf=True)
    assert result.returncode == 1
    line = error_line(result)
    assert f"Could not write {out}:" in line and ".tmp" not in line
    assert "nothing was exported" in line
