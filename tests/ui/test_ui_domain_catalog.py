"""The Welsh-translation readiness of domain strings shown in forms."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from msp_desktop.ui import domain_catalog


def test_generated_catalog_is_up_to_date() -> None:
    # Regenerate with: python -m msp_desktop.ui.domain_catalog
    assert domain_catalog.TARGET.read_text(encoding="utf-8") == domain_catalog.render()


def test_catalog_covers_field_labels_choices_and_help() -> None:
    pairs = set(domain_catalog.strings())
    assert ("fields", "The adult's own words") in pairs
    assert ("kinds", "Consent decision") in pairs
    assert any(ctx == "choices" for ctx, _ in pairs)
    assert any(ctx == "help" for ctx, _ in pairs)


def test_lupdate_extracts_domain_and_ui_strings(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    ui = Path(domain_catalog.__file__).parent
    sources = [str(p) for p in ui.rglob("*.py")]
    ts = tmp_path / "cy.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    text = ts.read_text(encoding="utf-8")
    assert "<name>fields</name>" in text and "<name>choices</name>" in text
    assert "The adult&apos;s own words" in text
    assert text.count("<message") > 500
