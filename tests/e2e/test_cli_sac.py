"""`report council` and `report sac` run as the installed command would run them: the folder of
CSV files and the PDF summary, exit codes and one-line errors (design.md §7)."""

from __future__ import annotations

import csv
from pathlib import Path

from msp_desktop.services import records
from msp_desktop.services.session import Session
from tests.e2e.conftest import PASS, Sandbox, error_line, ok, seed_vault

HACKNEY = "E09000012"


def add_concerns(vault: Path, case_ids: list[str]) -> None:
    session = Session.open(vault, PASS)
    try:
        for case_id in case_ids:
            records.create(session, "concern", {
                "case_id": case_id, "received_at": "2025-11-03T10:00:00+00:00",
                "description": "Neighbour reports shouting at night",
                "reasonable_cause_checked": True})
    finally:
        session.close()


def test_report_sac_writes_the_tables_and_the_summary(sandbox: Sandbox) -> None:
    vault, out = sandbox.work / "vault", sandbox.work / "sac-2025"
    seeded = seed_vault(vault)
    add_concerns(vault, seeded.case_ids)

    shown = ok(sandbox.run("report", "council", vault)).stdout
    assert "No reporting council is set" in shown
    assert ok(sandbox.run("report", "council", vault, HACKNEY.lower())).stdout == (
        f"Reporting council set to Hackney ({HACKNEY}).\n")
    assert ok(sandbox.run("report", "council", vault)).stdout == (
        f"Reporting council is Hackney ({HACKNEY}).\n")

    result = ok(sandbox.run("report", "sac", vault, "--year", "2025", out))
    assert "Safeguarding Adults Collection 2025-26 for Hackney (E09000012): 15 files" in (
        result.stdout)
    assert "Concerns 2, section 42 enquiries 0, other enquiries 0 started" in result.stdout
    # Per case: no host council, no support reason; per adult: no date of birth, gender or
    # ethnic group.
    assert "10 records could not be counted as they should" in result.stdout
    assert (out / "sac-summary.pdf").read_bytes().startswith(b"%PDF")
    with open(out / "SG1f.csv", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1] == ["Total Number of Safeguarding Concerns", "2"]
    with open(out / "missing.csv", encoding="utf-8-sig", newline="") as fh:
        missing = list(csv.reader(fh))[1:]
    assert {row[3] for row in missing} == set(seeded.case_ids)
    assert {row[0] for row in missing} == {c[:8].upper() for c in seeded.case_ids}
    for name in seeded.person_names.values():  # ids and plain words only, no names
        assert all(name not in " ".join(row) for row in missing)

    # Another council for one run; the setting stays.
    other = sandbox.work / "barking"
    result = ok(sandbox.run("report", "sac", vault, "--year", "2025", "--council", "E09000002",
                            other))
    assert "Barking and Dagenham (E09000002)" in result.stdout
    assert ok(sandbox.run("report", "council", vault)).stdout.endswith(f"({HACKNEY}).\n")


def test_bad_requests_exit_2_with_one_clear_line(sandbox: Sandbox) -> None:
    vault, out = sandbox.work / "vault", sandbox.work / "out"
    seed_vault(vault)

    result = sandbox.run("report", "sac", vault, "--year", "2025", out)
    assert result.returncode == 2
    assert "No reporting council is set for this vault" in error_line(result)

    for args, words in (
        (("--year", "2014"), "from 2015 to"),
        (("--year", "3000"), "from 2015 to"),
        (("--year", "2025", "--council", "E99999999"), "not the ONS code of a council"),
        (("--year", "2025", "--council", "W06000015"), "is a Welsh council"),
    ):
        result = sandbox.run("report", "sac", vault, *args, out)
        assert result.returncode == 2, result.stderr
        line = error_line(result)
        assert words in line and line.endswith("Nothing was written.")
    result = sandbox.run("report", "sac", vault, "--year", "twenty", out)
    assert result.returncode == 2
    result = sandbox.run("report", "council", vault, "Hackney")
    assert result.returncode == 2
    assert "not the ONS code" in error_line(result)
    assert not out.exists()

    ok(sandbox.run("report", "council", vault, HACKNEY))
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = sandbox.run("report", "sac", vault, "--year", "2025", out)
    assert result.returncode == 2
    assert "already holds other files" in error_line(result)
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
