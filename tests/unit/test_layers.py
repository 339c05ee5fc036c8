"""The layer contract (pyproject.toml [tool.importlinter]) holds, and a new crossing breaks it.

`make lint` runs lint-imports on the tree; here the same contracts are run on a copy of the
package with one forbidden import added, to show that the check can fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(package_parent: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=package_parent, env=env, capture_output=True, text=True, timeout=120,
    )


def test_the_tree_keeps_every_contract() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("storage/store.py", "from msp_desktop.sync import cards", "-> domain BROKEN"),
    ("export/pdf.py", "from msp_desktop.services import cases", "-> domain BROKEN"),
    ("domain/fields.py", "from msp_desktop.storage import atomic", "-> domain BROKEN"),
    ("ui/workspace.py", "from msp_desktop.storage import store", "storage or sync BROKEN"),
    ("services/cases.py", "from PySide6 import QtCore", "app.py BROKEN"),
])
def test_a_new_crossing_breaks_the_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    shutil.copytree(ROOT / "msp_desktop", tmp_path / "msp_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "msp_desktop" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n",
                      encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode != 0
    report = " ".join(result.stdout.split())  # contract names wrap in the report
    assert f"{contract}" in report and "1 broken" in report, result.stdout
