"""End-to-end helpers: a sandboxed environment (temp HOME, XDG_* and TMPDIR), the CLI run as a
subprocess (msp_desktop.cli.main behind the test-only wrapper tests/e2e/fast_kdf_cli.py, or the
installed `msp-desktop` console script itself with shipped=True), file snapshots and
synthetic seed data."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.services import cases, records
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams

FAST = KdfParams.fast()
PASS = "blue-heron-42-lantern"
NEW_PASS = "quiet-otter-17-harbour"
FAST_KDF_WARNING = "warning: using fast, insecure key derivation (tests only)"
WEAK_KDF_WARNING = "msp-desktop: warning: the passphrase protection"

_SCRIPT = Path(sys.executable).with_name("msp-desktop")
# The installed command, exactly as shipped (no test switches).
SHIPPED_CLI: list[str] = ([str(_SCRIPT)] if _SCRIPT.exists()
                          else [sys.executable, "-m", "msp_desktop.cli"])
# What the tests run by default: the same main() behind a test-only wrapper that accepts the
# fast test vaults and, with fast_kdf=True, makes new key slots fast (tests/e2e/fast_kdf_cli.py).
_ROOT = Path(__file__).resolve().parents[2]
CLI: list[str] = [sys.executable, "-m", "tests.e2e.fast_kdf_cli"]

XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
            "XDG_RUNTIME_DIR")


@dataclass
class Sandbox:
    """A fresh temp tree standing in for everything the app could write to."""

    root: Path
    home: Path
    tmp: Path
    work: Path
    env: dict[str, str] = field(default_factory=dict)

    def run(
        self,
        *args: str | os.PathLike[str],
        passphrase: str | None = PASS,
        new_passphrase: str | None = None,
        fast_kdf: bool = False,
        timeout: float = 120,
        extra_env: Mapping[str, str] | None = None,
        shipped: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Run the CLI. shipped=True runs the installed command itself (no test wrapper):
        real key-derivation minimums and calibration; fast_kdf is then refused."""
        env = dict(self.env)
        if passphrase is not None:
            env["MSP_PASSPHRASE"] = passphrase
        if new_passphrase is not None:
            env["MSP_NEW_PASSPHRASE"] = new_passphrase
        if fast_kdf:
            assert not shipped, "the shipped command has no fast key derivation"
            env["MSP_TEST_FAST_KDF"] = "1"
        env.update(extra_env or {})
        return subprocess.run(
            [*(SHIPPED_CLI if shipped else CLI), *(str(a) for a in args)], cwd=self.work,
            env=env, capture_output=True,
            text=True, encoding="utf-8", timeout=timeout, stdin=subprocess.DEVNULL,
        )


def make_sandbox(root: Path) -> Sandbox:
    home, tmp, work = root / "home", root / "tmp", root / "work"
    for d in (home, tmp, work):
        d.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSP_")}
    env.update({
        "HOME": str(home), "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp),
        "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1",
        "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
        # The test wrapper (CLI) is a module under tests/, run from the sandbox's folder.
        "PYTHONPATH": os.pathsep.join(p for p in (str(_ROOT), os.environ.get("PYTHONPATH", ""))
                                      if p),
    })
    for var in XDG_VARS:
        d = home / var.lower()
        d.mkdir(mode=0o700, exist_ok=True)
        env[var] = str(d)
    return Sandbox(root=root, home=home, tmp=tmp, work=work, env=env)


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return make_sandbox(tmp_path / "sandbox")


# ----- assertions on CLI output --------------------------------------------------------------


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed command (the fast-KDF test warning aside)."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [ln for ln in result.stderr.splitlines()
             if ln.strip() and ln != FAST_KDF_WARNING and not ln.startswith(WEAK_KDF_WARNING)]
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    assert lines[0].startswith("msp-desktop: "), lines[0]
    return lines[0]


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    return result


# ----- files ---------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under folder: relative path -> (sha256, size, mtime_ns)."""
    out: dict[str, tuple[str, int, int]] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (
                hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns,
            )
    return out


def all_paths(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


# ----- seed data through the services --------------------------------------------------------

PERSON_ENG = {"family_name": "Pritchard", "given_names": "Eirlys", "jurisdiction": "ENG"}


def note_payload(case_id: str, **kw: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "case_id": case_id, "note_type": "HOME_VISIT",
        "event_start": "2026-02-03T10:00:00+00:00", "adult_present": True, "seen_alone": True,
        "purpose": "Visit to talk about the concern",
        "facts": "Visited at home and talked in the kitchen.",
    }
    payload.update(kw)
    return payload


@dataclass
class Seeded:
    case_ids: list[str]
    person_names: dict[str, str]  # case_id -> display name
    notes: dict[str, str]  # note record_id -> case_id
    revision_ids: list[str]


def seed_vault(
    path: Path,
    passphrase: str = PASS,
    *,
    create: bool = True,
    people: Sequence[tuple[str, str]] = (("Pritchard", "Eirlys"), ("Okonkwo", "Adaeze")),
    word: str = "Llanddewibrefi",
) -> Seeded:
    """Open a case per person and write two notes each; every note mentions `word`."""
    session = (Session.create(path, passphrase, kdf=FAST, author="seed.worker",
                              device_name="Seed laptop")
               if create else Session.open(path, passphrase))
    try:
        seeded = Seeded([], {}, {}, [])
        for family, given in people:
            case = cases.open_case(
                session, {"family_name": family, "given_names": given, "jurisdiction": "ENG"},
                {"status": "enquiry_in_progress", "opened_at": "2026-01-10"},
            ).state
            seeded.case_ids.append(case.record_id)
            seeded.person_names[case.record_id] = f"{given} {family}"
            for i, day in enumerate(("2026-01-12", "2026-01-19")):
                note = records.create(session, "contact_note", note_payload(
                    case.record_id, event_start=f"{day}T09:30:00+00:00",
                    facts=f"Visit {i + 1}: we met at the library in {word} to talk.",
                )).state
                seeded.notes[note.record_id] = case.record_id
        seeded.revision_ids = sorted(
            r[0] for r in session.conn.execute("SELECT revision_id FROM revisions"))
        return seeded
    finally:
        session.close()
