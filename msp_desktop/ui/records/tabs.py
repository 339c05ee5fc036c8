"""The per-case record tabs: a list of records of some kinds, and the editor of the chosen one.

`make_case_tabs(ctx, live)` returns the tabs the case workspace shows, in order. Every tab
shows the shared case view (`LiveCase`) and follows it; none reads the case itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.days import day_text
from msp_desktop.domain.derive import DetailPart, item_detail
from msp_desktop.domain.drafts import Draft
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.revisions import RecordState
from msp_desktop.domain.status import RecordStatus
from msp_desktop.services import records
from msp_desktop.services.cases import CaseView
from msp_desktop.services.changes import Changes
from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.labels import format_date, format_when, kind_label, local_time
from msp_desktop.ui.live_case import LiveCase
from msp_desktop.ui.records.editor import RecordEditor, status_text
from msp_desktop.ui.table_model import RowsModel

_CTX = "RecordTab"  # lupdate reads only literal contexts: the strings below name it


def detail_text(parts: Sequence[DetailPart]) -> str:
    """A record's details (derive.item_detail) as one line in the worker's language."""
    words: list[str] = []
    for p in parts:
        day = day_text(p.day) if p.day is not None else p.text
        if p.what == "overdue":
            words.append(QCoreApplication.translate("RecordTab", "Overdue by 1 day")
                         if p.days == 1 else QCoreApplication.translate(
                             "RecordTab", "Overdue by %1 days").replace("%1", str(p.days)))
        elif p.what == "choice":
            words.append(QCoreApplication.translate("choices", p.text))
        elif p.what == "due":
            words.append(QCoreApplication.translate("RecordTab", "due %1").replace("%1", day))
        elif p.what == "review":
            words.append(QCoreApplication.translate("RecordTab", "review on %1").replace(
                "%1", day))
        elif p.what == "override":
            words.append(QCoreApplication.translate("RecordTab",
                                                    "proceeding without agreement"))
        else:  # "owner": the name as written
            words.append(p.text)
    return " · ".join(words)

CASE_TABS: tuple[tuple[str, tuple[str, ...]], ...] = cast(Any, (
    (QT_TRANSLATE_NOOP("RecordTab", "Conversations"), ("contact_note",)),
    (QT_TRANSLATE_NOOP("RecordTab", "Desired outcomes"), ("desired_outcome",)),
    (QT_TRANSLATE_NOOP("RecordTab", "Consent"), ("consent_decision",)),
    (QT_TRANSLATE_NOOP("RecordTab", "Mental capacity"), ("capacity_assessment",
                                                         "best_interests_decision")),
    (QT_TRANSLATE_NOOP("RecordTab", "Risk and plan"), ("risk_assessment", "risk_item",
                                                       "safeguarding_plan", "plan_action",
                       "plan_review")),
    (QT_TRANSLATE_NOOP("RecordTab", "Enquiry"), ("concern", "concern_decision", "enquiry",
                                                 "closure")),
))


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


@dataclass(frozen=True)
class EditorPlace:
    """Which editor a record tab shows (ids only, no case text): kept over a lock."""

    kind: str
    record_id: str | None
    draft_id: str | None
    field: str | None = None  # the field the worker was in: typing goes on there


class RecordListModel(RowsModel[RecordState | Draft]):
    """Records of some kinds in a case: every unsaved draft first (latest typed first), then
    the records, newest first: date, kind, title, what it is, status."""

    DATE, KIND, TITLE, DETAIL, STATUS = range(5)
    HEADERS: tuple[str, ...] = cast(Any, (
        QT_TRANSLATE_NOOP("RecordTab", "Date"), QT_TRANSLATE_NOOP("RecordTab", "Kind"),
        QT_TRANSLATE_NOOP("RecordTab", "Title"), QT_TRANSLATE_NOOP("RecordTab", "Details"),
        QT_TRANSLATE_NOOP("RecordTab", "Status")))
    TR_CONTEXT = _CTX
    RecordRole = Qt.ItemDataRole.UserRole + 1
    DraftRole = Qt.ItemDataRole.UserRole + 2
    _ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
              Qt.ItemDataRole.AccessibleTextRole)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[RecordState] = []
        self._drafts: list[Draft] = []
        self._show_error = False
        self.today = dt.date.today()

    def set_records(self, states: Sequence[RecordState],
                    drafts: Sequence[Draft] | None = None) -> None:
        """Show these records (and these drafts; None keeps the drafts shown now)."""
        self._all = sorted(states, key=lambda s: (s.sort_date or "", s.updated_hlc),
                           reverse=True)
        if drafts is not None:
            self._drafts = sorted(drafts, key=lambda d: d.updated_at, reverse=True)
        self.today = dt.date.today()
        self._filter()

    def set_drafts(self, drafts: Sequence[Draft]) -> None:
        ordered = sorted(drafts, key=lambda d: d.updated_at, reverse=True)
        if [d.draft_id for d in ordered] != [d.draft_id for d in self._drafts]:
            self.set_records(self._all, ordered)
            return
        # The same drafts, newer text (an autosave): update those rows in place, so the
        # list keeps its scroll position and selection while the worker types.
        self._drafts = ordered
        for i, d in enumerate(ordered):
            self._rows[i] = d
        if ordered:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(ordered) - 1, len(self.HEADERS) - 1))

    def set_show_entered_in_error(self, shown: bool) -> None:
        self._show_error = shown
        self._filter()

    def _filter(self) -> None:
        rows: list[RecordState | Draft] = list(self._drafts)
        rows += [s for s in self._all
                 if self._show_error or s.status != RecordStatus.ENTERED_IN_ERROR]
        self.set_rows(rows)

    def hidden_count(self) -> int:
        return len(self._all) + len(self._drafts) - self.rowCount()

    def item(self, row: int) -> RecordState | Draft:
        value = self.row_value(row)
        assert value is not None
        return value

    def record(self, row: int) -> RecordState:
        state = self.row_value(row)
        assert isinstance(state, RecordState)
        return state

    def row_of(self, record_id: str) -> int:
        """The row of a saved record (not of its drafts)."""
        for i, s in enumerate(self._rows):
            if isinstance(s, RecordState) and s.record_id == record_id:
                return i
        return -1

    def row_of_draft(self, draft_id: str) -> int:
        for i, s in enumerate(self._rows):
            if isinstance(s, Draft) and s.draft_id == draft_id:
                return i
        return -1

    def cell(self, s: RecordState | Draft, column: int, role: int) -> Any:
        if isinstance(s, Draft):
            return self._draft_cell(s, column, role)
        if role == self.RecordRole:
            return s.record_id
        if role not in self._ROLES:
            return None
        if column == self.DATE:
            return format_date(s.sort_date)
        if column == self.KIND:
            return kind_label(s.kind)
        if column == self.TITLE:
            return self._with_detail(s.title, self._detail(s), role)
        if column == self.DETAIL:
            return self._detail(s)
        text = status_text(s)
        if s.in_conflict:
            text += " · " + QCoreApplication.translate("RecordTab", "Conflict")
        return text

    def _detail(self, item: RecordState | Draft) -> str:
        return detail_text(item_detail(item.kind, item.payload, self.today))

    @staticmethod
    def _with_detail(title: str, detail: str, role: int) -> str:
        """The title; its tooltip and spoken text say the details too (shown under it)."""
        if role == Qt.ItemDataRole.DisplayRole or not detail:
            return title
        return f"{title}\n{detail}" if role == Qt.ItemDataRole.ToolTipRole \
            else f"{title}, {detail}"

    def _draft_cell(self, d: Draft, column: int, role: int) -> Any:
        if role == self.DraftRole:
            return d.draft_id
        if role == self.RecordRole:
            return d.record_id
        if role == Qt.ItemDataRole.FontRole:  # work in progress reads as such
            font = QFont()
            font.setItalic(True)
            return font
        if role not in self._ROLES:
            return None
        typed = format_when(local_time(d.updated_at))
        if column == self.DATE:
            return typed
        if column == self.KIND:
            return kind_label(d.kind)
        if column == self.TITLE:
            kind = KINDS.get(d.kind)
            title = kind.title(d.payload) if kind is not None else d.kind
            return self._with_detail(title, self._detail(d), role)
        if column == self.DETAIL:
            return self._detail(d)
        text = QCoreApplication.translate("RecordTab", "Draft, not saved")
        if role != Qt.ItemDataRole.DisplayRole:
            if d.record_id:
                text += ", " + QCoreApplication.translate("RecordTab",
                                                          "changes to a saved record")
            text += ", " + QCoreApplication.translate("RecordTab", "last typed %1").replace(
                "%1", typed)
        return text


class TitleWithDetails(QStyledItemDelegate):
    """Shows a row's details (a plan action's state, owner and due date...) as a second line
    under its title, wrapped: read in full at any width, without a mouse."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        detail = index.sibling(index.row(), RecordListModel.DETAIL).data()
        if detail:
            # A line separator: the style draws "\n" as nothing at all.
            option.text = f"{option.text}\u2028{detail}"


class RecordTab(QWidget):
    """A list of a case's records and drafts of some kinds, with the editor of the chosen one.

    It shows the shared case view and follows it: after a save anywhere, the view is read
    again once and every tab shows it.

    Signals:
        new_linked(str, str, object, object): the open editor asks for a new record of a
            kind to link in one of its fields: (kind, field, fill dict, the editor).
    """

    new_linked = Signal(str, str, object, object)

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
            button = QPushButton(self.tr("New %1").replace("%1", label.lower()), left)
            button.setAccessibleName(self.tr("New %1").replace("%1", label.lower()))
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

        self._syncing = False  # the selection follows the editor: not a worker's choice
        self.model = RecordListModel(self)
        self.view = QTableView(left)
        theme.fit_titles_when_shown(self.view)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("%1: records").replace("%1", title))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(True)
        self.view.setItemDelegateForColumn(RecordListModel.TITLE, TitleWithDetails(self.view))
        self.view.verticalHeader().hide()
        # A row is as tall as its title and details need at the width the list has.
        self.view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(RecordListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecordListModel.DATE,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecordListModel.STATUS,
                                    QHeaderView.ResizeMode.ResizeToContents)
        # Sized by fit_kind_column: as wide as its longest kind, unless that would squeeze the
        # title (at 200% "Mental capacity assessment" alone takes half the list).
        header.setSectionResizeMode(RecordListModel.KIND, QHeaderView.ResizeMode.Interactive)
        # The details show under the title (TitleWithDetails), not in a column of their own.
        self.view.setColumnHidden(RecordListModel.DETAIL, True)
        self.view.setColumnHidden(RecordListModel.KIND, len(kinds) == 1)
        self.view.viewport().installEventFilter(self)  # its width decides the kind column's
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        lv.addWidget(self.view, 1)
        self.empty_label = QLabel(self.tr("No records yet."), left)
        self.empty_label.setProperty("role", "secondary")
        lv.addWidget(self.empty_label)
        self.show_error_box = QCheckBox(self.tr("Show &entered in error"), left)
        self.show_error_box.setAccessibleName(self.tr("Show records entered in error"))
        self.show_error_box.toggled.connect(self._toggle_error)
        lv.addWidget(self.show_error_box)

        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Choose a record from the list, or start a new one."),
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
        # Sized from the text (size_splitter) until the worker drags the divider.
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        live.loaded.connect(self.show_view)
        ctx.changed.connect(self._on_changed)
        if live.view is not None:
            self.show_view(live.view)

    @property
    def kinds(self) -> list[str]:
        return list(self._kinds)

    # ----- splitter ----------------------------------------------------------------------
    LIST_EMS = 45  # the list pane's width in average characters, when the window allows
    LIST_SHARE = (0.38, 0.6)  # and at least / at most this share of the width

    def size_splitter(self) -> None:
        """Give the list about 45 characters of the current text, or 38% of the width if
        that is more, never more than 60%: at 200% text the titles stay readable."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        em = self.fontMetrics().averageCharWidth()
        low, high = self.LIST_SHARE
        want = min(max(self.LIST_EMS * em, round(low * total)), round(high * total))
        self.splitter.setSizes([want, total - want])

    TITLE_SHARE = 0.4  # of the list's width, kept for the title before the kind column grows

    def fit_kind_column(self) -> None:
        """Give the kind column its contents' width, but never the title's share of the list."""
        if self.view.isColumnHidden(RecordListModel.KIND):
            return
        width = self.view.viewport().width()
        others = sum(self.view.columnWidth(c) for c in (RecordListModel.DATE,
                                                        RecordListModel.STATUS))
        room = width - others - round(self.TITLE_SHARE * width)
        floor = 6 * self.fontMetrics().averageCharWidth()
        needed = max(self.view.sizeHintForColumn(RecordListModel.KIND),
                     theme.header_text_width(self.view.horizontalHeader(), RecordListModel.KIND))
        self.view.setColumnWidth(RecordListModel.KIND, max(floor, min(needed, room)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API name
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_kind_column()
        return False

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._split_by_hand = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt API name
        super().resizeEvent(event)
        if not self._split_by_hand:
            QTimer.singleShot(0, self._size_splitter_if_alive)

    def changeEvent(self, event: QEvent) -> None:  # Qt API name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # A new text size: size from the text again, even after a drag.
            self._split_by_hand = False
            QTimer.singleShot(0, self._size_splitter_if_alive)

    def _size_splitter_if_alive(self) -> None:
        if shiboken6.isValid(self) and not self._split_by_hand:
            self.size_splitter()

    # ----- list --------------------------------------------------------------------------
    def show_view(self, view: CaseView) -> None:
        """Show this tab's records and drafts of the case (keeping the open editor's row)."""
        mine = [r for r in view.records if r.kind in self._kinds]
        self.model.set_records(mine, self._read_drafts())
        self._after_list_change()
        self._gate(view.of_kind("capacity_assessment"))

    def refresh_drafts(self) -> None:
        """Read this tab's drafts again (one was written or dropped)."""
        if not self.ctx.session.is_open:
            return
        self.model.set_drafts(self._read_drafts())
        self._after_list_change()

    def _read_drafts(self) -> list[Draft]:
        return [d for d in records.drafts_for_case(self.ctx.session, self.case_id)
                if d.kind in self._kinds]

    def _on_changed(self, changes: Changes) -> None:
        if self.case_id in changes.drafts and self.case_id not in changes.cases:
            self.refresh_drafts()  # a case change reads the drafts with the new view

    def _after_list_change(self) -> None:
        self.sync_selection()
        self.fit_kind_column()
        self.empty_label.setVisible(self.model.rowCount() == 0)
        hidden = self.model.hidden_count()
        self.show_error_box.setText(
            self.tr("Show &entered in error (%1)").replace("%1", str(hidden)) if hidden
            else self.tr("Show &entered in error"))

    def editor_row(self) -> int:
        """The list row of what the open editor shows (-1: none, or a new record)."""
        ed = self.editor
        if ed is None:
            return -1
        if ed.draft_written:
            row = self.model.row_of_draft(ed.draft_id)
            if row >= 0:
                return row
        return self.model.row_of(ed.record_id) if ed.record_id is not None else -1

    def sync_selection(self) -> None:
        """Highlight the row of the open editor, and nothing else."""
        row = self.editor_row()
        self._syncing = True
        try:
            sel = self.view.selectionModel()
            if row >= 0:
                sel.setCurrentIndex(self.model.index(row, 0),
                                    sel.SelectionFlag.ClearAndSelect | sel.SelectionFlag.Rows)
            else:
                sel.clear()
        finally:
            self._syncing = False
        self.view.viewport().update()

    def _gate(self, assessments: list[RecordState]) -> None:
        button = self.new_buttons.get("best_interests_decision")
        if button is None:
            return
        lacking = any(a.payload.get("conclusion") == "LACKS_CAPACITY"
                      and a.status != RecordStatus.ENTERED_IN_ERROR for a in assessments)
        button.setEnabled(lacking)
        note = self.tr("A best-interests decision follows a capacity assessment that found the "
                   "person lacks capacity for the decision. Record that assessment first.")
        button.setToolTip("" if lacking else note)
        self.gate_note.setText(note)
        self.gate_note.setVisible(not lacking)

    def _toggle_error(self, shown: bool) -> None:
        self.model.set_show_entered_in_error(shown)
        self.sync_selection()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        item = self.model.item(current.row())
        ed = self.editor
        if isinstance(item, Draft):
            if ed is not None and ed.draft_written and ed.draft_id == item.draft_id:
                return
            if (ed is not None and ed.typed and item.record_id is not None
                    and item.record_id == ed.record_id and not ed.confirm_replace(item)):
                # The worker stays with their newer typing: the highlight goes back to it
                # once the click that chose the row has finished selecting it.
                QTimer.singleShot(0, self.sync_selection)
                return
            self._show_editor(item.kind, item.record_id, draft=item)
        elif self.editor is None or self.editor.record_id != item.record_id \
                or self.editor.draft_written:
            self._show_editor(item.kind, item.record_id)

    # ----- editors -----------------------------------------------------------------------
    def _show_editor(self, kind: str, record_id: str | None,
                     draft: Draft | None = None) -> RecordEditor:
        if self.editor is not None:
            self.editor.flush_draft()
            old = self.editor
            self.stack.removeWidget(old)
            old.hide()
            old.deleteLater()
        editor = RecordEditor(self.ctx, self.live, kind, record_id, self.stack, draft=draft)
        # Queued: a draft written as focus leaves for a click on this list must not move the
        # rows under that click.
        editor.drafts_changed.connect(self.refresh_drafts, Qt.ConnectionType.QueuedConnection)
        editor.new_linked.connect(
            lambda ref_kind, name, fill, ed=editor: self.new_linked.emit(ref_kind, name,
                                                                         fill, ed))
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.editor = editor
        # The work the old editor just kept as a draft shows as its row; this one is chosen.
        self.refresh_drafts()
        return editor

    def new_record(self, kind: str, fill: dict[str, Any] | None = None) -> RecordEditor:
        """Open an empty editor for a new record of this kind (fill: what it starts with)."""
        editor = self._show_editor(kind, None)
        if fill:
            editor.form.set_payload(fill)
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
        record = self.model.record(row)
        if self.editor is None or self.editor.record_id != record_id \
                or self.editor.draft_written:
            self._show_editor(record.kind, record_id)
        self.sync_selection()
        return self.editor

    def open_draft(self, draft_id: str) -> RecordEditor | None:
        """Select a draft in the list and open it in the editor."""
        row = self.model.row_of_draft(draft_id)
        if row < 0:
            return None
        item = self.model.item(row)
        assert isinstance(item, Draft)
        if self.editor is None or self.editor.draft_id != draft_id:
            self._show_editor(item.kind, item.record_id, draft=item)
        self.sync_selection()
        return self.editor

    def place(self) -> EditorPlace | None:
        """Which editor is open (after flush_draft, its draft is in the vault)."""
        ed = self.editor
        if ed is None:
            return None
        return EditorPlace(ed.kind_name, ed.record_id,
                           ed.draft_id if ed.draft_written else None, ed.last_field)

    def return_to(self, place: EditorPlace) -> RecordEditor | None:
        """Open the editor a place names again: its draft, else its record, else a new one;
        the keyboard goes to the field the worker was in."""
        editor: RecordEditor | None = None
        if place.draft_id is not None:
            editor = self.open_draft(place.draft_id)
        if editor is None:
            editor = (self.open_record(place.record_id) if place.record_id is not None
                      else self.new_record(place.kind))
        if editor is not None:
            editor.focus_field(place.field)
        return editor

    def flush_draft(self) -> None:
        """Save the open editor's work in progress as a draft (lock, quit, case switch)."""
        if self.editor is not None:
            self.editor.flush_draft()


def make_case_tabs(ctx: UiContext, live: LiveCase) -> list[RecordTab]:
    """The record tabs of a case workspace, in order. A "New ..." beside a linked choice
    opens the new record in its own tab; once saved it is chosen where it was asked for."""
    tabs = [RecordTab(ctx, live, _tr(title), list(kinds)) for title, kinds in CASE_TABS]
    for tab in tabs:
        tab.new_linked.connect(
            lambda kind, name, fill, editor, source=tab: _new_linked(
                tabs, source, kind, name, fill, editor))
    return tabs


def _show_tab(tab: QWidget) -> None:
    """Bring a record tab to the front of the tab widget that holds it."""
    parent = tab.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget) and parent.indexOf(tab) >= 0:
            parent.setCurrentWidget(tab)
            return
        parent = parent.parentWidget()


def _new_linked(tabs: list[RecordTab], source: RecordTab, kind: str, name: str,
                fill: dict[str, Any], asker: RecordEditor) -> None:
    target = next((t for t in tabs if kind in t.kinds), None)
    if target is None:
        return
    _show_tab(target)
    editor = target.new_record(kind, fill)

    def saved(record_id: str) -> None:
        editor.saved.disconnect(saved)  # once: a later save of it leaves the choice alone
        if source.editor is not asker or not shiboken6.isValid(asker):
            return  # the form that asked was closed meanwhile
        asker.link_to(name, record_id)
        _show_tab(source)
        asker.form.input(name).widget.setFocus()

    editor.saved.connect(saved)
