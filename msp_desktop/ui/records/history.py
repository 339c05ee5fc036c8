"""The revisions of one record as a table: when, what, who, why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from msp_desktop.domain.revisions import Revision
from msp_desktop.ui.labels import format_when, hlc_time, op_label
from msp_desktop.ui.table_model import RowsModel


class HistoryModel(RowsModel[Revision]):
    """Every revision of a record, oldest first."""

    HEADERS = ("When", "Change", "By", "Reason")
    TR_CONTEXT = "RecordEditor"
    _ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
              Qt.ItemDataRole.AccessibleTextRole)

    def set_revisions(self, revs: list[Revision]) -> None:
        self.set_rows(revs)

    def revision(self, row: int) -> Revision:
        rev = self.row_value(row)
        assert rev is not None
        return rev

    def revisions(self) -> list[Revision]:
        return list(self._rows)

    def cell(self, rev: Revision, column: int, role: int) -> Any:
        if role not in self._ROLES:
            return None
        if column == 0:
            return format_when(hlc_time(rev.hlc))
        if column == 1:
            return op_label(rev)
        if column == 2:
            return rev.author
        return rev.reason or ""
