"""The per-case record tabs: a list of records of some kinds, and the editor of the chosen one.

`make_case_tabs(ctx, live)` returns the tabs the case workspace shows, in order. Every tab
shows the shared case view (`LiveCase`) and follows it; none reads the case itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.revisions import RecordState
from msp_desktop.domain.status import RecordStatus
from msp_desktop.services.cases import CaseView
from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.labels import format_date, kind_label
from msp_desktop.ui.live_case import LiveCase
from msp_desktop.ui.records.editor import RecordEditor, status_text
from msp_desktop.ui.table_model import RowsModel

_CTX = "RecordTab"

CASE_TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Conversations", ("contact_note",)),
    ("Desired outcomes", ("desired_outcome",)),
    ("Consent", ("consent_decision",)),
    ("Mental capacity", ("capacity_assessment", "best_interests_decision")),
    ("Risk and plan", ("risk_assessment", "risk_item", "safeguarding_plan", "plan_action",
                       "plan_review")),
    ("Enquiry", ("concern", "concern_decision", "enquiry", "closure")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class RecordListModel(RowsModel[RecordState]):
    """Records of some kinds in a case, newest first: date, kind, title, status."""

    DATE, KIND, TITLE, STATUS = range(4)
    HEADERS = ("Date", "Kind", "Title", "Status")
    TR_CONTEXT = _CTX
    RecordRole = Qt.ItemDataRole.UserRole + 1
    _ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
              Qt.ItemDataRole.AccessibleTextRole)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[RecordState] = []
        self._show_error = False

    def set_records(self, states: Sequence[RecordState]) -> None:
        self._all = sorted(states, key=lambda s: (s.sort_date or "", s.updated_hlc),
                           reverse=True)
        self._filter()

    def set_show_entered_in_error(self, shown: bool) -> None:
        self._show_error = shown
        self._filter()

    def _filter(self) -> None:
        self.set_rows([s for s in self._all
                       if self._show_error or s.status != RecordStatus.ENTERED_IN_ERROR])

    def hidden_count(self) -> int:
        return len(self._all) - self.rowCount()

    def record(self, row: int) -> RecordState:
        state = self.row_value(row)
        assert state is not None
        return state

    def row_of(self, record_id: str) -> int:
        for i, s in enumerate(self._rows):
            if s.record_id == record_id:
                return i
        return -1

    def cell(self, s: RecordState, column: int, role: int) -> Any:
        if role == self.RecordRole:
            return s.record_id
        if role not in self._ROLES:
            return None
        if column == self.DATE:
            return format_date(s.sort_date)
        if column == self.KIND:
            return kind_label(s.kind)
        if column == self.TITLE:
            return s.title
        text = status_text(s)
        if s.in_conflict:
            text += " · " + _tr("Conflict")
        return text


class RecordTab(QWidget):
    """A list of a case's records of some kinds, with the editor of the chosen record.

    It shows the shared case view and follows it: after a save anywhere, the view is read
    again once and every tab shows it.
    """

    def __init__(self, ctx: UiContext, live: LiveCase, title: str, kinds: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = live
        self.case_id = live.case_id
        self.title = title
        self._kinds = list(kinds)
        self.editor: RecordEditor | None = None
        self.setAccessibleName(title)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(6)
        heading = QLabel(title, left)
        theme.make_heading(heading, 1.2)
        lv.addWidget(heading)
        self.new_buttons: dict[str, QPushButton] = {}
        new_row = QGridLayout()
        new_row.setSpacing(4)
        for i, name in enumerate(self._kinds):
            label = kind_label(name)
            button = QPushButton(_tr("New %1").replace("%1", label.lower()), left)
            button.setAccessibleName(_tr("New %1").replace("%1", label.lower()))
            button.clicked.connect(lambda _=False, n=name: self.new_record(n))
            new_row.addWidget(button, i // 2, i % 2)
            self.new_buttons[name] = button
        new_row.setColumnStretch(2, 1)
        lv.addLayout(new_row)
        self.gate_note = QLabel(left)
        self.gate_note.setWordWrap(True)
        self.gate_note.setProperty("role", "secondary")
        self.gate_note.hide()
        lv.addWidget(self.gate_note)

        self.model = RecordListModel(self)
        self.view = QTableView(left)
        self.view.setModel(self.model)
        self.view.setAccessibleName(_tr("%1: records").replace("%1", title))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(RecordListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecordListModel.DATE,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecordListModel.STATUS,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecordListModel.KIND,
                                    QHeaderView.ResizeMode.ResizeToContents)
        self.view.setColumnHidden(RecordListModel.KIND, len(kinds) == 1)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        lv.addWidget(self.view, 1)
        self.empty_label = QLabel(_tr("No records yet."), left)
        self.empty_label.setProperty("role", "secondary")
        lv.addWidget(self.empty_label)
        self.show_error_box = QCheckBox(_tr("Show &entered in error"), left)
        self.show_error_box.setAccessibleName(_tr("Show records entered in error"))
        self.show_error_box.toggled.connect(self._toggle_error)
        lv.addWidget(self.show_error_box)

        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(_tr("Choose a record from the list, or start a new one."),
                                  self.stack)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("role", "secondary")
        self.stack.addWidget(self.placeholder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        live.loaded.connect(self.show_view)
        if live.view is not None:
            self.show_view(live.view)

    @property
    def kinds(self) -> list[str]:
        return list(self._kinds)

    # ----- list --------------------------------------------------------------------------
    def show_view(self, view: CaseView) -> None:
        """Show this tab's records of the case (keeping the selection and the open editor)."""
        mine = [r for r in view.records if r.kind in self._kinds]
        current = self.editor.record_id if self.editor is not None else None
        self.view.selectionModel().blockSignals(True)
        self.model.set_records(mine)
        if current is not None:
            row = self.model.row_of(current)
            if row >= 0:
                self.view.selectRow(row)
        self.view.selectionModel().blockSignals(False)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        hidden = self.model.hidden_count()
        self.show_error_box.setText(
            _tr("Show &entered in error (%1)").replace("%1", str(hidden)) if hidden
            else _tr("Show &entered in error"))
        self._gate(view.of_kind("capacity_assessment"))

    def _gate(self, assessments: list[RecordState]) -> None:
        button = self.new_buttons.get("best_interests_decision")
        if button is None:
            return
        lacking = any(a.payload.get("conclusion") == "LACKS_CAPACITY"
                      and a.status != RecordStatus.ENTERED_IN_ERROR for a in assessments)
        button.setEnabled(lacking)
        note = _tr("A best-interests decision follows a capacity assessment that found the "
                   "person lacks capacity for the decision. Record that assessment first.")
        button.setToolTip("" if lacking else note)
        self.gate_note.setText(note)
        self.gate_note.setVisible(not lacking)

    def _toggle_error(self, shown: bool) -> None:
        current = self.editor.record_id if self.editor is not None else None
        self.model.set_show_entered_in_error(shown)
        if current is not None and self.model.row_of(current) >= 0:
            self.view.selectionModel().blockSignals(True)
            self.view.selectRow(self.model.row_of(current))
            self.view.selectionModel().blockSignals(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            record = self.model.record(current.row())
            if self.editor is None or self.editor.record_id != record.record_id:
                self._show_editor(record.kind, record.record_id)

    # ----- editors -----------------------------------------------------------------------
    def _show_editor(self, kind: str, record_id: str | None) -> RecordEditor:
        if self.editor is not None:
            self.editor.flush_draft()
            old = self.editor
            self.stack.removeWidget(old)
            old.hide()
            old.deleteLater()
        editor = RecordEditor(self.ctx, self.live, kind, record_id, self.stack)
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.editor = editor
        return editor

    def new_record(self, kind: str) -> RecordEditor:
        """Open an empty editor for a new record of this kind."""
        self.view.selectionModel().blockSignals(True)
        self.view.clearSelection()
        self.view.selectionModel().blockSignals(False)
        editor = self._show_editor(kind, None)
        order = editor.form.focus_order()
        if order:
            order[0].setFocus()
        return editor

    def open_record(self, record_id: str) -> RecordEditor | None:
        """Select a record in the list and open its editor."""
        row = self.model.row_of(record_id)
        if row < 0 and not self.show_error_box.isChecked():
            self.show_error_box.setChecked(True)
            row = self.model.row_of(record_id)
        if row < 0:
            return None
        self.view.selectRow(row)
        record = self.model.record(row)
        if self.editor is None or self.editor.record_id != record_id:
            self._show_editor(record.kind, record_id)
        return self.editor

    def flush_draft(self) -> None:
        """Save the open editor's work in progress as a draft (lock, quit, case switch)."""
        if self.editor is not None:
            self.editor.flush_draft()


def make_case_tabs(ctx: UiContext, live: LiveCase) -> list[RecordTab]:
    """The record tabs of a case workspace, in order."""
    return [RecordTab(ctx, live, _tr(title), list(kinds)) for title, kinds in CASE_TABS]
