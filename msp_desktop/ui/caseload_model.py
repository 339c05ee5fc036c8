"""Table models over the services: the caseload (paged, lazy) and search results.

`CaseloadModel` never loads the whole caseload: it asks `services.caseload.page` for 100 rows
at a time through Qt's `canFetchMore` / `fetchMore`, so a view only fetches what is scrolled
into sight. It never calls `count` either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from msp_desktop.domain.enums import CASE_STATUS
from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import caseload
from msp_desktop.services.caseload import CaseloadFilter, CaseRow
from msp_desktop.services.search import SearchHit
from msp_desktop.ui.labels import display_date
from msp_desktop.ui.table_model import TEXT_ROLES, Index, RowsModel

PAGE_SIZE = 100
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseloadModel", text)


def attention_items(row: CaseRow, today: str) -> list[str]:
    """Return what needs the worker's attention on this case, as words."""
    items = []
    if row.conflicts:
        items.append(_tr("Conflicting edits"))
    if row.overdue_actions:
        items.append(_tr("Overdue actions"))
    if row.next_review and today and row.next_review < today:
        items.append(_tr("Review overdue"))
    if row.drafts:
        items.append(_tr("Unsaved draft"))
    return items


class CaseloadModel(RowsModel[CaseRow]):
    """The worker's cases, fetched a page at a time."""

    COLUMNS = ("name", "stage", "next_review", "overdue", "last_contact", "office",
               "attention")
    HEADERS = ("Adult", "Stage", "Next review", "Overdue actions", "Last contact",
               "Office copy", "Needs attention")
    TR_CONTEXT = "CaseloadModel"

    def __init__(
        self,
        session: Any,
        parent: Any = None,
        *,
        page_size: int = PAGE_SIZE,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._page_size = page_size
        self._today = today or (lambda: session.clock.today())
        self._filter: CaseloadFilter | None = None
        self._exhausted = False
        self.pages_fetched = 0
        self._office_missing: frozenset[str] | None = None  # None: no office set up
        self._sort: tuple[str, bool] = ("name", False)  # (column key, descending)

    # filter and lifecycle ------------------------------------------------------------------

    def set_filter(self, f: CaseloadFilter) -> None:
        """Show the cases matching `f` in the model's sort order, starting again from the
        first page."""
        key, descending = self._sort
        f = dataclasses.replace(f, sort=key, descending=descending,
                                behind=self._office_missing or frozenset())
        self.beginResetModel()
        self._filter = f
        self._rows = []
        self._exhausted = False
        self.pages_fetched = 0
        self.endResetModel()

    def reload(self) -> None:
        """Fetch again with the same filter (after a change to the vault)."""
        if self._filter is not None:
            self.set_filter(self._filter)

    def clear(self) -> None:
        """Drop every row and the session (on lock)."""
        self.beginResetModel()
        self._rows = []
        self._filter = None
        self._exhausted = True
        self._session = None
        self.endResetModel()

    def set_office_status(self, known: bool, missing: frozenset[str]) -> None:
        """Which cases have changes the office has not acknowledged (`known` False: no office
        is set up, and the column stays empty)."""
        value = frozenset(missing) if known else None
        if value == self._office_missing:
            return
        self._office_missing = value
        if self._sort[0] == "office" and self._filter is not None:
            self._refetch()  # the order depends on it
            return
        if self._rows:
            column = self.COLUMNS.index("office")
            self.dataChanged.emit(self.index(0, column),
                                  self.index(len(self._rows) - 1, column))

    def office_text(self, case_id: str) -> str:
        """'Up to date', 'Behind', or '' when no office is set up."""
        if self._office_missing is None:
            return ""
        return _tr("Behind") if case_id in self._office_missing else _tr("Up to date")

    def loaded_rows(self) -> int:
        """Return how many rows have been fetched so far."""
        return len(self._rows)

    def case_id(self, row: int) -> str | None:
        """Return the case id on a row."""
        return self._rows[row].case_id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: str) -> int:
        """Return the row of a loaded case, or -1."""
        for i, r in enumerate(self._rows):
            if r.case_id == case_id:
                return i
        return -1

    # sorting ------------------------------------------------------------------------------

    def sort_order(self) -> tuple[str, bool]:
        """(the column key the list is sorted by, descending)."""
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the view's header asks): the list is read again, in that order,
        from the vault, a page at a time (dates sort as dates, empty ones last)."""
        if not 0 <= column < len(self.COLUMNS):
            return
        wanted = (self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self._sort = wanted
        if self._filter is not None:
            self._refetch()

    def _refetch(self) -> None:
        assert self._filter is not None
        self.set_filter(self._filter)
        self.fetchMore()

    # Qt model API --------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._session is None or self._filter is None:
            return False
        return not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._filter is not None
        rows = caseload.page(self._session, self._filter, len(self._rows), self._page_size)
        self.pages_fetched += 1
        if len(rows) < self._page_size:
            self._exhausted = True
        self.append_rows(rows)

    def cell(self, r: CaseRow, column: int, role: int) -> Any:
        col = self.COLUMNS[column]
        if role == CASE_ID_ROLE:
            return r.case_id
        if role in TEXT_ROLES:
            return self._text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == "attention":
            return self._text(r, col) or None
        if role == Qt.ItemDataRole.ToolTipRole and col == "office" and self._text(r, col):
            return (_tr("The office has not acknowledged every change to this case yet")
                    if self._office_missing and r.case_id in self._office_missing
                    else _tr("The office holds every change to this case"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "overdue":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, r: CaseRow, col: str) -> str:
        if col == "name":
            return r.person_name
        if col == "stage":
            return CASE_STATUS.label(r.stage)
        if col == "next_review":
            return display_date(r.next_review)
        if col == "overdue":
            return str(r.overdue_actions) if r.overdue_actions else ""
        if col == "last_contact":
            return display_date(r.last_contact)
        if col == "office":
            return self.office_text(r.case_id)
        today = self._today().isoformat() if self._session is not None else ""
        return ", ".join(attention_items(r, today))


_MARK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def snippet_html(snippet: str) -> str:
    """Return the snippet as HTML with the [[matches]] in bold (everything else escaped)."""
    out = []
    pos = 0
    for m in _MARK.finditer(snippet):
        out.append(html.escape(snippet[pos:m.start()]))
        out.append(f"<b>{html.escape(m.group(1))}</b>")
        pos = m.end()
    out.append(html.escape(snippet[pos:]))
    return "".join(out).replace("\n", " ")


def snippet_text(snippet: str) -> str:
    """Return the snippet without markers."""
    return _MARK.sub(r"\1", snippet).replace("\n", " ")


class SearchResultsModel(RowsModel[SearchHit]):
    """Search hits: the adult's name, kind, date and the snippet (HTML_ROLE is rich text)."""

    COLUMNS = ("name", "kind", "date", "snippet")
    HEADERS = ("Adult", "Record", "Date", "Where the words appear")
    TR_CONTEXT = "CaseloadModel"

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Show these hits."""
        self.set_rows(hits)

    def hit(self, row: int) -> SearchHit | None:
        """Return the hit on a row."""
        return self.row_value(row)

    def cell(self, h: SearchHit, column: int, role: int) -> Any:
        col = self.COLUMNS[column]
        if role == CASE_ID_ROLE:
            return h.case_id
        if role == RECORD_ID_ROLE:
            return h.record_id
        if role == KIND_ROLE:
            return h.kind
        if role == HTML_ROLE:
            return snippet_html(h.snippet) if col == "snippet" else html.escape(self._text(h, col))
        if role in TEXT_ROLES:
            return self._text(h, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == "snippet":
            return snippet_text(h.snippet)
        return None

    @staticmethod
    def _text(h: SearchHit, col: str) -> str:
        if col == "name":
            return h.person_name
        if col == "kind":
            kind = KINDS.get(h.kind)
            return kind.label if kind else h.kind
        if col == "date":
            return display_date(h.sort_date)
        return snippet_text(h.snippet)
