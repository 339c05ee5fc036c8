"""Write the CSV export: a folder with one file per record kind, for office analysts (Excel,
LibreOffice). Pure: records in, files out.

Layout (docs/data-export.md says the same for the people who use it):
- `<kind>.csv`: one row per record. The header row holds the labels people read. Every
  record starts with Record ID, Case ID, Status, Created / Created by, Last changed / Last
  changed by. A choice field gives two columns, "<label> (code)" and "<label>", and a third,
  "<label> (SAC label)", where the collection has its own labels; a multiple choice joins its codes
  and labels with "; ". Yes/no as Yes and No; dates and times ISO 8601, as stored.
- `<kind>.<list field>.csv`: one row per entry of a list field (such as an adult's health
  conditions), keyed by Record ID and Entry number, so nothing is squeezed into one cell.
- `columns.csv`: what every column of every file holds (file, column, field, type, values).
UTF-8 with a byte-order mark (so Excel reads the accents), CRLF line ends, and every cell that
starts with = + - @, tab or CR gets a leading apostrophe so a spreadsheet shows it as text
instead of running it as a formula (OWASP CSV injection). The folder appears complete or not
at all (storage.atomic.atomic_folder).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msp_desktop.domain.enums import Enumeration
from msp_desktop.domain.fields import Field, FieldType, RecordKind
from msp_desktop.domain.interchange import hlc_time
from msp_desktop.domain.revisions import RecordState
from msp_desktop.domain.status import RecordStatus
from msp_desktop.storage.atomic import atomic_folder, atomic_writer

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark
COLUMNS_FILE = "columns.csv"


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, made plain text by a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _has_sac(choices: Enumeration) -> bool:
    return any(c.sac is not None for c in choices)


@dataclass(frozen=True)
class _Column:
    header: str
    field: str  # field name, or "" for record metadata
    type: str
    values: str = ""


def _field_columns(f: Field) -> list[_Column]:
    values = ""
    if f.choices is not None:
        values = "; ".join(f"{c.code} = {c.label}" for c in f.choices)
        cols = [_Column(f"{f.label} (code)", f.name, f"{f.type} code", values),
                _Column(f.label, f.name, f"{f.type} label")]
        if _has_sac(f.choices):
            cols.append(_Column(f"{f.label} (SAC label)", f.name, f"{f.type} SAC label"))
        return cols
    return [_Column(f.label, f.name, str(f.type))]


def _plain(f: Field, value: Any) -> Any:
    if value is None:
        return ""
    if f.type is FieldType.BOOL:
        return "Yes" if value else "No"
    if f.type is FieldType.INT and isinstance(value, int):
        return value
    return neutralise(str(value))


def _field_cells(f: Field, value: Any) -> list[Any]:
    if f.choices is not None:
        codes = ([value] if isinstance(value, str) else
                 [v for v in value if isinstance(v, str)] if isinstance(value, list) else [])
        cells = ["; ".join(codes), "; ".join(f.choices.label(c) for c in codes)]
        if _has_sac(f.choices):
            cells.append("; ".join(s for c in codes if (s := f.choices.sac_label(c))))
        return [neutralise(c) for c in cells]
    return [_plain(f, value)]


_META = [
    _Column("Record ID", "record_id", "id"), _Column("Case ID", "case_id", "id"),
    _Column("Status (code)", "status", "status code",
            "; ".join(f"{s.value} = {s.label}" for s in RecordStatus)),
    _Column("Status", "status", "status label"),
    _Column("Created", "created_at", "datetime"), _Column("Created by", "created_by", "text"),
    _Column("Last changed", "updated_at", "datetime"),
    _Column("Last changed by", "updated_by", "text"),
]


def _meta_cells(r: RecordState) -> list[Any]:
    status = RecordStatus(r.status)
    return [r.record_id, r.case_id or "", status.value, status.label, hlc_time(r.created_hlc),
            neutralise(r.created_by), hlc_time(r.updated_hlc), neutralise(r.updated_by)]


def _unique(columns: list[_Column]) -> list[_Column]:
    """Two fields with the same label would make two identical headers: name the field."""
    seen: dict[str, int] = {}
    for c in columns:
        seen[c.header] = seen.get(c.header, 0) + 1
    return [_Column(f"{c.header} [{c.field}]", c.field, c.type, c.values)
            if seen[c.header] > 1 else c for c in columns]


@dataclass(frozen=True)
class _Table:
    name: str
    columns: list[_Column]
    rows: Iterable[Sequence[Any]]


def _tables(kind: RecordKind, records: Sequence[RecordState]) -> Iterator[_Table]:
    plain = [f for f in kind.fields if f.type is not FieldType.LIST]
    columns = _unique(_META + [c for f in plain for c in _field_columns(f)])
    # Each payload as the app reads it (RecordKind.current), upgraded once per record.
    current = [(r, kind.current(r.payload)) for r in records]

    def row(r: RecordState, payload: Mapping[str, Any]) -> list[Any]:
        return _meta_cells(r) + [cell for f in plain
                                 for cell in _field_cells(f, payload.get(f.name))]

    yield _Table(f"{kind.name}.csv", columns, (row(r, p) for r, p in current))
    for lf in (f for f in kind.fields if f.type is FieldType.LIST):
        subs = lf.subfields
        cols = _unique([_Column("Record ID", "record_id", "id"),
                        _Column("Entry", "", "int (1 = first)")]
                       + [c for s in subs for c in _field_columns(s)])
        yield _Table(f"{kind.name}.{lf.name}.csv", cols, (
            [r.record_id, i] + [cell for s in subs for cell in _field_cells(s, row.get(s.name))]
            for r, payload in current
            for i, row in enumerate(payload.get(lf.name) or [], 1)
            if isinstance(row, dict)
        ))


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """One CSV file (UTF-8 with a byte-order mark, CRLF lines, so Excel opens it cleanly),
    written atomically; the header is neutralised, the rows are written as they are."""
    with atomic_writer(path) as raw:
        text = io.TextIOWrapper(raw, encoding=ENCODING, newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in header])
        writer.writerows(rows)
        text.flush()
        text.detach()  # atomic_writer flushes, syncs and closes the file itself


def write_csv_folder(
    dest: Path, records: Iterable[tuple[RecordKind, Sequence[RecordState]]]
) -> list[Path]:
    """Write the folder `dest` (missing or empty); returns the files, in the order written."""
    names: list[str] = []
    dictionary: list[list[str]] = []
    with atomic_folder(Path(dest)) as tmp:
        for kind, rows in records:
            for table in _tables(kind, rows):
                write_table(tmp / table.name, [c.header for c in table.columns], table.rows)
                names.append(table.name)
                dictionary.extend([table.name, c.header, c.field, c.type, c.values]
                                  for c in table.columns)
        write_table(tmp / COLUMNS_FILE, ["File", "Column", "Field", "Type", "Values"],
                     ([neutralise(x) for x in row] for row in dictionary))
        names.append(COLUMNS_FILE)
    return [Path(dest) / n for n in names]

