"""The Safeguarding Adults Collection report: gather the vault's current records in bulk, count
them (domain/sac.py), write the tables as CSV files and a PDF summary into one folder, all or
nothing, and record the report in the audit log (year, council, content hash; no names).

The reporting council is a setting of the vault (its ONS code, in the vault's meta table); a
report may name another council for one run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from msp_desktop.domain import enums as E
from msp_desktop.domain import legacy
from msp_desktop.domain.councils import current_code
from msp_desktop.domain.days import day_text
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.sac import SacInput, SacReport, sac_report
from msp_desktop.export import sac_csv, sac_pdf
from msp_desktop.export.meta import ExportMeta
from msp_desktop.services import caseload
from msp_desktop.services.export_target import check_folder_target
from msp_desktop.services.exports import Written, audited_export, folder_sha256
from msp_desktop.services.session import Session
from msp_desktop.storage import marks, queries
from msp_desktop.storage.atomic import atomic_folder

# The first return was for 2015-16 (domain.md §6.1).
FIRST_YEAR = 2015
# SacInput field -> record kind.
_KINDS = {
    "people": "person", "cases": "case", "concerns": "concern",
    "concern_decisions": "concern_decision", "enquiries": "enquiry", "risk_items": "risk_item",
    "desired_outcomes": "desired_outcome", "closures": "closure",
    "capacity_assessments": "capacity_assessment",
}


class SacRequestInvalid(ValueError):
    """A report asked for a year or council the collection does not have. The message says
    why, in words for the person asking."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


@dataclass(frozen=True)
class SacExport:
    folder: Path
    files: tuple[str, ...]
    export_id: str
    sha256: str
    report: SacReport


def current_council(code: str) -> str:
    """`code` as the council list has it now: a code from before a reorganisation (Barnsley's
    E08000016) resolves to the current one (E08000038); an unknown code is kept, for
    council_problem to explain."""
    return current_code(code) or code.strip().upper()


def council_problem(code: str) -> str | None:
    """Why `code` cannot be a reporting council, or None when it can (a former code can: it
    resolves to the current one)."""
    code = current_council(code)
    if code not in E.COUNCIL:
        return (f"'{code}' is not the ONS code of a council with adult social services; give "
                "a code such as E09000012 (Hackney).")
    if not code.startswith("E"):
        return (f"{E.COUNCIL.label(code)} ({code}) is a Welsh council; the Safeguarding Adults "
                "Collection is a return of English councils only.")
    return None


def year_problem(year: int, today: dt.date) -> str | None:
    """Why `year` cannot start a reporting year, or None when it can (this year's return may
    be run part-way through, to see what is missing; a year that has not started cannot)."""
    current = today.year if today.month >= 4 else today.year - 1  # the year holding today
    if FIRST_YEAR <= year <= current:
        return None
    return (f"--year is the year the reporting year starts (1 April YYYY to 31 March YYYY+1), "
            f"from {FIRST_YEAR} to {current} (the year running on {day_text(today)}); {year} "
            "is outside that.")


def council_name(code: str) -> str:
    return E.COUNCIL.label(code)


def reporting_council(session: Session) -> str | None:
    """The vault's reporting council (ONS code), or None if it has not been set."""
    return marks.reporting_council(session.conn)


def set_reporting_council(session: Session, code: str) -> None:
    """Make `code` the vault's reporting council (checked against the council list; a former
    code is saved as the current one)."""
    code = current_council(code)
    problem = council_problem(code)
    if problem:
        raise SacRequestInvalid(problem)
    with session.write():
        marks.set_reporting_council(session.conn, code)
        session.log("settings.change", detail={"setting": "reporting_council", "value": code})


def gather(session: Session) -> SacInput:
    """Every current record the collection counts, read in one scan per kind."""
    current = queries.current_payloads(session.conn, _KINDS.values())
    payloads = current.by_kind
    for kind, records in payloads.items():
        if KINDS[kind].upgrade is not None:  # a payload saved before a field was coded
            for rid, payload in records.items():
                # Marking guessed health condition codes, which the return lists, not counts.
                records[rid] = legacy.current_payload(kind, payload, mark_guesses=True)
    return SacInput(**{name: payloads[kind] for name, kind in _KINDS.items()},
                    conflicted=current.conflicted)


def count(session: Session, *, year: int, council: str | None = None) -> SacReport:
    """The year's tables for `council` (default: the vault's reporting council)."""
    code = _council(session, council)
    problem = year_problem(year, session.clock.today())
    if problem:
        raise SacRequestInvalid(problem)
    return sac_report(gather(session), year=year, council=code)


def write_report(
    session: Session, dest: Path, *, year: int, council: str | None = None,
) -> SacExport:
    """Count the year and write one CSV per table, missing.csv and sac-summary.pdf into the
    folder `dest` (created; a previous report there is replaced, anything else is refused),
    then audit it."""
    report = count(session, year=year, council=council)
    meta = ExportMeta.new(session.author, session.clock.now())
    names = (*sac_csv.file_names(report), sac_pdf.SUMMARY_FILE)
    check_folder_target(Path(dest), session.path, replaceable=names)

    def write() -> Written:
        with atomic_folder(Path(dest), replaceable=names) as tmp:
            sac_csv.write_tables(tmp, report)
            sac_pdf.write_summary(tmp / sac_pdf.SUMMARY_FILE, report,
                                  council_name=council_name(report.council), meta=meta)
        return folder_sha256([Path(dest) / n for n in sorted(names)], hex_entries=False), {}

    digest = audited_export(
        session, Path(dest), write, meta, kind="sac", format="csv+pdf",
        year=report.year.label, council=report.council, files=len(names),
        uncounted=len(report.uncounted)).sha256
    return SacExport(Path(dest), names, meta.export_id, digest, report)


def write_report_with_names(
    session: Session, dest: Path, *, year: int, council: str | None = None,
) -> tuple[SacExport, dict[str, str]]:
    """write_report, then the names of the adults whose records cannot be counted (case id
    -> name: for a list on screen only; they are in no file), in the same call."""
    result = write_report(session, dest, year=year, council=council)
    ids = {u.case_id for u in result.report.uncounted if u.case_id}
    return result, caseload.case_names(session, ids)


def _council(session: Session, council: str | None) -> str:
    code = current_council(council or reporting_council(session) or "")
    if not code:
        raise SacRequestInvalid("No reporting council is set for this vault: give --council "
                                "CODE (the council's ONS code), or set it once with "
                                "`report council PATH CODE`.")
    problem = council_problem(code)
    if problem:
        raise SacRequestInvalid(problem)
    return code
