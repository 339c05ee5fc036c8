"""The SAC report service over a real (fast-KDF) vault: records entered through the services
are counted, the folder holds one CSV per table, missing.csv and the PDF summary, written all
or nothing, and the report is audited without names."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.services import cases, records, search
from msp_desktop.services import sac_report as sac
from msp_desktop.services.session import KdfParams, Session
from tests.unit.conftest import FakeClock

PASS = "sac-report-test-passphrase"
T0 = int(dt.datetime(2026, 5, 10, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)
HACKNEY, BARKING, CARDIFF = "E09000012", "E09000002", "W06000015"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "vault", PASS, kdf=KdfParams.fast(), author="t.worker",
                       device_name="Test laptop", clock=FakeClock(T0))
    yield s
    s.close()


def adult_case(s: Session, family: str, host: str | None, **case: Any) -> str:
    return cases.open_case(
        s, {"family_name": family, "given_names": "Ann", "jurisdiction": "ENG",
            "date_of_birth": "1940-06-01", "gender_sac": "FEMALE", "ethnicity_sac": "WHITE"},
        {"status": "enquiry_in_progress", "opened_at": "2025-05-01", "jurisdiction": "ENG",
         "psr_sac": "PHYSICAL", **({"host_council": host} if host else {}), **case},
    ).state.record_id


def concern(s: Session, case_id: str, received: str = "2025-05-02T10:00:00+01:00") -> str:
    return records.create(s, "concern", {
        "case_id": case_id, "received_at": received, "description": "Bruises seen by a carer",
        "reasonable_cause_checked": True}).state.record_id


@pytest.fixture
def loaded(session: Session) -> dict[str, str]:
    """Two counted cases (one without a host council), one of another council's, one concern
    entered in error."""
    ids = {"a": adult_case(session, "Pritchard", HACKNEY),
           "b": adult_case(session, "Okonkwo", None),
           "c": adult_case(session, "Nowak", BARKING)}
    for key in ids.copy():
        ids[f"k{key}"] = concern(session, ids[key])
    wrong = concern(session, ids["a"])
    records.amend(session, wrong, records.get(session, wrong).payload,
                  reason="Typed on the wrong case", amendment_type="ENTERED_IN_ERROR")
    return ids


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark, for Excel
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def test_the_reporting_council_is_a_checked_vault_setting(session: Session) -> None:
    assert sac.reporting_council(session) is None
    sac.set_reporting_council(session, " e09000012 ")
    assert sac.reporting_council(session) == HACKNEY
    for bad in ("E99999999", CARDIFF, ""):
        with pytest.raises(sac.SacRequestInvalid):
            sac.set_reporting_council(session, bad)
    assert sac.reporting_council(session) == HACKNEY
    change = [e for e in session.audit.entries() if e.action == "settings.change"]
    assert [e.detail for e in change] == [{"setting": "reporting_council", "value": HACKNEY}]


def test_a_former_council_code_resolves_to_the_current_one(
    session: Session, loaded: dict[str, str], tmp_path: Path,
) -> None:
    assert sac.council_problem("e08000016") is None  # Barnsley, before April 2025
    sac.set_reporting_council(session, "E08000016")
    assert sac.reporting_council(session) == "E08000038"
    assert sac.count(session, year=2025, council="E08000016").council == "E08000038"


def test_problems_with_year_and_council_are_explained() -> None:
    today = dt.date(2026, 5, 10)
    assert sac.year_problem(2025, today) is None
    assert sac.year_problem(2026, today) is None  # this year, part-way through
    assert "from 2015 to 2026" in str(sac.year_problem(2027, today))
    assert sac.year_problem(2014, today) is not None
    # January to March: the reporting year that starts this calendar year has not begun.
    winter = dt.date(2026, 3, 31)
    assert sac.year_problem(2025, winter) is None
    assert "from 2015 to 2025" in str(sac.year_problem(2026, winter))
    assert sac.year_problem(2026, dt.date(2026, 4, 1)) is None
    assert sac.council_problem(HACKNEY) is None
    assert "Welsh council" in str(sac.council_problem(CARDIFF))
    assert "not the ONS code" in str(sac.council_problem("Hackney"))


def test_report_without_a_council_is_refused(session: Session, tmp_path: Path) -> None:
    with pytest.raises(sac.SacRequestInvalid, match="No reporting council"):
        sac.write_report(session, tmp_path / "out", year=2025)
    assert not (tmp_path / "out").exists()


def test_report_folder_holds_every_table_the_missing_list_and_the_pdf(
    session: Session, loaded: dict[str, str], tmp_path: Path,
) -> None:
    sac.set_reporting_council(session, HACKNEY)
    out = tmp_path / "sac-2025"
    result = sac.write_report(session, out, year=2025)
    assert sorted(p.name for p in out.iterdir()) == sorted(result.files)
    assert set(result.files) == {
        "SG1a.csv", "SG1b.csv", "SG1c.csv", "SG1d.csv", "SG1e.csv", "SG1f.csv", "SG2a.csv",
        "SG2b.csv", "SG2a_b1.csv", "SG2c.csv", "SG2e.csv", "SG3a.csv", "SG4a.csv",
        "missing.csv", "sac-summary.pdf"}
    # Two concerns counted: not the other council's, not the one entered in error.
    assert read_csv(out / "SG1f.csv") == [
        ["Total", "Number"], ["Total Number of Safeguarding Concerns", "2"],
        ["Total Number of Section 42 Safeguarding Enquiries", "0"],
        ["Total Number of Other Safeguarding Enquiries", "0"]]
    assert read_csv(out / "SG1b.csv")[:3] == [
        ["Gender", "Safeguarding Concerns", "Section 42 Enquiries", "Other Enquiries"],
        ["Male", "0", "0", "0"], ["Female", "2", "0", "0"]]
    # The case's reference and the record as the app shows them, then the full ids.
    reference = loaded["b"][:8].upper()
    assert read_csv(out / "missing.csv") == [
        ["Case reference", "Record", "What is missing or to check", "Case id", "Record id"],
        [reference, "Safeguarding case: Enquiry in progress, 1 May 2025",
         "The council where the abuse happened (host council) is not recorded: counted for "
         f"{HACKNEY}, the reporting council", loaded["b"], loaded["b"]]]
    # ... and the search finds the case by that reference.
    assert [h.record_id for h in search.search(session, reference.lower(), audit=False)] == [
        loaded["b"]]
    assert search.search(session, reference, audit=False)[0].record_id == loaded["b"]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(out / "sac-summary.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "Safeguarding Adults Collection 2025-26" in text
        assert "Hackney (E09000012)" in text
        assert text.count("OFFICIAL-SENSITIVE") >= 2 * text.count("\f")
        for table in result.report.tables:
            assert f"{table.code}: " in text
        assert "Records to fix before the return is due" in text
        assert reference in text
        assert "Safeguarding case: Enquiry in" in text  # the cell may wrap the rest
        assert loaded["b"] not in text  # the reference, not the 32-character id
    # One audit entry: the year, the council, the hash; no names.
    entry = [e for e in session.audit.entries() if e.action == "export"][-1]
    assert entry.detail == {
        "kind": "sac", "format": "csv+pdf", "year": "2025-26", "council": HACKNEY,
        "files": 15, "export_id": result.export_id, "sha256": result.sha256, "uncounted": 1}
    assert "Pritchard" not in repr(session.audit.entries())


def test_report_with_names_names_the_adults_of_the_uncounted_records(
    session: Session, loaded: dict[str, str], tmp_path: Path,
) -> None:
    sac.set_reporting_council(session, HACKNEY)
    result, names = sac.write_report_with_names(session, tmp_path / "out", year=2025)
    assert {u.case_id for u in result.report.uncounted} == {loaded["b"]}
    assert list(names) == [loaded["b"]] and "Okonkwo" in names[loaded["b"]]


def test_council_given_for_one_run_overrides_the_setting(
    session: Session, loaded: dict[str, str], tmp_path: Path,
) -> None:
    sac.set_reporting_council(session, HACKNEY)
    report = sac.count(session, year=2025, council=BARKING)
    assert report.council == BARKING
    assert report.table("SG1f").cell("CONCERNS", "NUMBER") == 2  # Nowak's, and the one with none
    assert sac.reporting_council(session) == HACKNEY


def test_a_previous_report_is_replaced_and_other_files_are_not_touched(
    session: Session, loaded: dict[str, str], tmp_path: Path,
) -> None:
    sac.set_reporting_council(session, HACKNEY)
    out = tmp_path / "sac"
    first = sac.write_report(session, out, year=2025)
    concern(session, loaded["a"], received="2025-06-01T10:00:00+01:00")
    second = sac.write_report(session, out, year=2025)
    assert second.sha256 != first.sha256
    assert read_csv(out / "SG1f.csv")[1] == ["Total Number of Safeguarding Concerns", "3"]
    (out / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        sac.write_report(session, out, year=2025)
    assert (out / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_report_leaves_no_folder_and_no_audit_entry(
    session: Session, loaded: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    sac.set_reporting_council(session, HACKNEY)

    def broken(*args: Any, **kwargs: Any) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sac.sac_pdf, "write_summary", broken)
    before = len(session.audit.entries())
    with pytest.raises(OSError):
        sac.write_report(session, tmp_path / "out", year=2025)
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]  # no folder, no temp left
    assert len(session.audit.entries()) == before


def test_csv_cells_that_look_like_formulas_are_neutralised() -> None:
    from msp_desktop.export.sac_csv import safe_cell

    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert [safe_cell(v) for v in ("+1", "-1", "@a", "\tx", "Other - Known to individual", 7)
            ] == ["'+1", "'-1", "'@a", "'\tx", "Other - Known to individual", "7"]
