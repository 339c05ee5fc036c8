"""The shape of the Safeguarding Adults Collection return: its tables, their row and column
labels exactly as the collection prints them (domain.md §6.3, §6.4), and the reporting year.

Counting lives in sac.py; this module only says what a table looks like.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from msp_desktop.domain import enums as E

# SG1 columns: what the individual or case was counted for (domain.md §6.2). The labels are
# the collection's own (its ENQUIRY_TYPE values).
CONCERNS, S42, OTHER = "CONCERNS", "S42", "OTHER"
SG1_COLUMNS: tuple[tuple[str, str], ...] = (
    (CONCERNS, "Safeguarding Concerns"),
    (S42, "Section 42 Enquiries"),
    (OTHER, "Other Enquiries"),
)
# SG2-SG4 count concluded section 42 enquiries (the published tables' only column).
CONCLUDED = "CONCLUDED_S42"
CONCLUDED_COLUMNS: tuple[tuple[str, str], ...] = ((CONCLUDED, "Concluded Section 42 Enquiries"),)
NUMBER_COLUMNS: tuple[tuple[str, str], ...] = (("NUMBER", "Number"),)

SG1F_ROWS: tuple[tuple[str, str], ...] = (
    (CONCERNS, "Total Number of Safeguarding Concerns"),
    (S42, "Total Number of Section 42 Safeguarding Enquiries"),
    (OTHER, "Total Number of Other Safeguarding Enquiries"),
)
# The SG3a sub-item, word for word (domain.md §6.4.7).
SUPPORTED = "SUPPORTED"
SG3A_SUPPORT_LABEL = ("Of the enquiries recorded as Yes, in how many of these cases was support "
                      "provided by an advocate, family or friend")
# SG4a has two parts; the achieved rows are asked only after "asked and outcomes expressed".
ASKED_PREFIX, ACHIEVED_PREFIX = "ASKED:", "ACHIEVED:"
SG3A_QUESTION = "Did the individual lack capacity?"
SG4A_ASKED_QUESTION = "Was the individual asked about their desired outcomes?"
SG4A_ACHIEVED_QUESTION = ("Were the desired outcomes achieved? (where outcomes were "
                          "expressed)")


def sac_rows(enum: E.Enumeration) -> tuple[tuple[str, str], ...]:
    """(code, label) of every choice, with the collection's label where it has one."""
    return tuple((c.code, c.sac or c.label) for c in enum)


def sac_value_rows(enum: E.Enumeration) -> tuple[tuple[str, str], ...]:
    """Only the choices the collection has a label for (drops local values like NOT_APPLICABLE)."""
    return tuple((c.code, c.sac) for c in enum if c.sac)


@dataclass(frozen=True)
class ReportingYear:
    """The collection's year: 1 April of `start` to 31 March of the next year."""

    start: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start, 4, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.start + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start}-{(self.start + 1) % 100:02d}"

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class SacRow:
    code: str
    label: str
    values: tuple[int, ...]
    group: str = ""  # the question a row answers, where a table asks two (SG3a, SG4a)


@dataclass(frozen=True)
class SacTable:
    """One table of the return: rows by columns of counts, with the collection's labels."""

    code: str  # "SG1a"
    title: str
    row_heading: str
    columns: tuple[tuple[str, str], ...]  # (code, label)
    rows: tuple[SacRow, ...]
    unit: str  # what one count is: "individuals", "cases", "concluded enquiries"
    note: str = ""  # how to read it, for people (the PDF summary)

    @property
    def column_labels(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.columns)

    def cell(self, row: str, column: str) -> int:
        """The count at a row and column, each given by its code or its label."""
        col = next(i for i, (code, label) in enumerate(self.columns) if column in (code, label))
        return next(r.values[col] for r in self.rows if row in (r.code, r.label))


def make_table(
    code: str, title: str, row_heading: str, rows: Iterable[tuple[str, str]],
    columns: tuple[tuple[str, str], ...], counts: Mapping[tuple[str, str], int], unit: str,
    groups: Mapping[str, str] | None = None,
) -> SacTable:
    """A table from sparse counts keyed (row code, column code); absent cells are 0.
    groups: row code -> the question it answers (tables that ask two)."""
    groups = groups or {}
    return SacTable(
        code=code, title=title, row_heading=row_heading, columns=columns, unit=unit,
        rows=tuple(SacRow(rc, label, tuple(counts.get((rc, cc), 0) for cc, _ in columns),
                          groups.get(rc, "")) for rc, label in rows),
    )
