"""The Safeguarding Adults Collection tables as CSV files: one file per table with the
collection's own row and column labels, and missing.csv listing the records that could not be
counted as they should. UTF-8 with a byte-order mark and CRLF lines, so Excel opens them
cleanly.

A pure renderer: it is handed the counted report and a folder, and writes each file through
the atomic writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from msp_desktop.domain.sac import SacReport
from msp_desktop.domain.sac_tables import SacTable
from msp_desktop.export.csv_export import neutralise, write_table

MISSING_FILE = "missing.csv"
# The case's short reference and the record as the app shows them (the search finds a case by
# its reference), then the full ids for anyone matching the file against an export.
MISSING_HEADER = ("Case reference", "Record", "What is missing or to check", "Case id",
                  "Record id")


def table_file(table: SacTable) -> str:
    return f"{table.code}.csv"


def file_names(report: SacReport) -> list[str]:
    return [*(table_file(t) for t in report.tables), MISSING_FILE]


def safe_cell(value: object) -> str:
    """Text that a spreadsheet shows as text, never runs (numbers are written as they are)."""
    return str(value) if isinstance(value, int) else neutralise(str(value))


def table_rows(table: SacTable) -> list[list[str]]:
    """Header (row heading, then the column labels) and one line per row of the table; a
    table that asks two questions (SG3a, SG4a) starts each line with its question."""
    if any(r.group for r in table.rows):
        rows = [["Question", table.row_heading, *table.column_labels]]
        rows += [[r.group, r.label, *(str(v) for v in r.values)] for r in table.rows]
        return rows
    rows = [[table.row_heading, *table.column_labels]]
    rows += [[r.label, *(str(v) for v in r.values)] for r in table.rows]
    return rows


def write_tables(folder: Path, report: SacReport) -> list[Path]:
    """Write every table and missing.csv into `folder`; return the paths written."""
    written = [_write(folder / table_file(t), table_rows(t)) for t in report.tables]
    missing = [[u.case_reference, u.description, u.missing, u.case_id,
                u.record_id] for u in report.uncounted]
    written.append(_write(folder / MISSING_FILE, [list(MISSING_HEADER), *missing]))
    return written


def _write(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    header, *body = rows
    write_table(path, [safe_cell(v) for v in header], ([safe_cell(v) for v in row] for row in body))
    return path
