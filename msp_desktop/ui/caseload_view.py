"""The caseload panel: filters, the paged case list and full-text search results."""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.enums import CASE_STATUS
from msp_desktop.services import caseload, search
from msp_desktop.ui import theme
from msp_desktop.ui.caseload_model import (
    CASE_ID_ROLE,
    HTML_ROLE,
    KIND_ROLE,
    RECORD_ID_ROLE,
    CaseloadModel,
    SearchResultsModel,
)
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.i18n import plural
from msp_desktop.ui.workers import BusyIndicator

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 300
SEARCH_LIMIT = 50

# How each caseload column's two orders read in the "Sort by" list: (ascending, descending).
_SORT_WORDS: dict[str, tuple[Any, Any]] = {  # QT_TRANSLATE_NOOP: for lupdate
    "name": (QT_TRANSLATE_NOOP("CaseloadView", "A to Z"),
              QT_TRANSLATE_NOOP("CaseloadView", "Z to A")),
    "stage": (QT_TRANSLATE_NOOP("CaseloadView", "earliest stage first"),
              QT_TRANSLATE_NOOP("CaseloadView", "latest stage first")),
    "next_review": (QT_TRANSLATE_NOOP("CaseloadView", "soonest first"),
              QT_TRANSLATE_NOOP("CaseloadView", "latest first")),
    "overdue": (QT_TRANSLATE_NOOP("CaseloadView", "fewest first"),
              QT_TRANSLATE_NOOP("CaseloadView", "most first")),
    "last_contact": (QT_TRANSLATE_NOOP("CaseloadView", "longest ago first"),
              QT_TRANSLATE_NOOP("CaseloadView", "most recent first")),
    "office": (QT_TRANSLATE_NOOP("CaseloadView", "behind last"),
              QT_TRANSLATE_NOOP("CaseloadView", "behind first")),
    "attention": (QT_TRANSLATE_NOOP("CaseloadView", "least first"),
              QT_TRANSLATE_NOOP("CaseloadView", "most first")),
}


def sort_text(key: str, descending: bool) -> str:
    """A caseload order as the settings keep it."""
    return f"{key} {'desc' if descending else 'asc'}"


def parse_sort(value: str) -> tuple[str, bool]:
    """A stored caseload order ("next_review desc") as (column key, descending); the name,
    A to Z, when it is not one the list knows."""
    key, _, direction = value.strip().partition(" ")
    if key not in CaseloadModel.COLUMNS:
        return "name", False
    return key, direction == "desc"


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE text (bold search matches), elided to one line."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = index.data(HTML_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(text)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        dy = max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(0, dy)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 10))


class _Table(QTableView):
    """A read-only, row-selecting table where Enter activates the current row."""

    copy_requested = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        theme.fit_titles_when_shown(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_current_row()
            event.accept()
            return
        super().keyPressEvent(event)

    def copy_current_row(self) -> None:
        """Ask for the current row's text to be copied (through the sensitive clipboard)."""
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or model is None:
            return
        cells = [model.index(index.row(), c).data() for c in range(model.columnCount())]
        self.copy_requested.emit("\t".join(str(c) for c in cells if c))


class CaseloadView(QWidget):
    """Filters, the case list and search.

    Signals:
        case_activated(str): open this case.
        record_activated(str, str, str): open case, record id, record kind.
        caseload_changed(): the list was reloaded.
    """

    case_activated = Signal(str)
    record_activated = Signal(str, str, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 page_size: int = 100) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._session: Any = ctx.session
        # Stops the search on its way (None: none is); each search has its own, so only the
        # newest search's hits are shown.
        self._search_cancel: threading.Event | None = None
        self._focus_results = False  # Enter asked for the results: focus the first
        self.setAccessibleName(self.tr("Caseload"))

        self.search_box = QLineEdit(self)
        self.search_box.setAccessibleName(self.tr("Search every record"))
        self.search_box.setPlaceholderText(self.tr("Search every record (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._on_search_text)
        self.search_box.returnPressed.connect(self._search_now)

        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.addItem(self.tr("All open cases"), None)
        for choice in CASE_STATUS:
            self.stage.addItem(choice.label, choice.code)
        self.reviews_due = QCheckBox(self.tr("&Reviews due"), self)
        self.reviews_due.setAccessibleName(self.tr("Reviews due"))
        self.reviews_due.setToolTip(self.tr("Reviews due in the next 14 days or overdue"))
        self.overdue = QCheckBox(self.tr("Overd&ue actions"), self)
        self.overdue.setAccessibleName(self.tr("Overdue actions"))
        self.attention = QCheckBox(self.tr("Needs &attention"), self)
        self.attention.setAccessibleName(self.tr("Needs attention"))
        self.attention.setToolTip(
            self.tr("Conflicting edits, unsaved drafts, overdue actions or reviews")
        )
        self.include_closed = QCheckBox(self.tr("Include c&losed"), self)
        self.include_closed.setAccessibleName(self.tr("Include closed cases"))
        for w in (self.stage,):
            w.currentIndexChanged.connect(self.apply_filters)
        for box in (self.reviews_due, self.overdue, self.attention, self.include_closed):
            box.toggled.connect(self.apply_filters)

        stage_label = QLabel(self.tr("S&tage:"), self)
        stage_label.setBuddy(self.stage)
        filters = QHBoxLayout()
        filters.setSpacing(12)
        filters.addWidget(stage_label)
        filters.addWidget(self.stage)
        # The flags get a row of their own, so stage, sort and flags fit an 800-pixel window.
        flags = QHBoxLayout()
        flags.setSpacing(12)
        for box in (self.reviews_due, self.overdue, self.attention, self.include_closed):
            flags.addWidget(box)
        flags.addStretch(1)

        self.model = CaseloadModel(ctx.session, self, page_size=page_size)
        self.table = _Table(self.tr("Cases"), self)
        self.table.setModel(self.model)
        self.table.activated.connect(self._on_case_activated)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Sort by clicking a header, or from the keyboard with "Sort by"; remembered.
        self.sort_by = QComboBox(self)
        self.sort_by.setAccessibleName(self.tr("Sort the cases by"))
        # As wide as a usual choice, not the longest: the filter row must fit an 800-pixel window.
        self.sort_by.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sort_by.setMinimumContentsLength(18)
        for col, key in enumerate(CaseloadModel.COLUMNS):
            title = self.model.headerData(col, Qt.Orientation.Horizontal)
            for descending, words in enumerate(_SORT_WORDS[key]):
                self.sort_by.addItem(f"{title}: {self.tr(str(words))}",
                                     sort_text(key, bool(descending)))
        sort_label = QLabel(self.tr("S&ort by:"), self)
        sort_label.setBuddy(self.sort_by)
        filters.addSpacing(12)
        filters.addWidget(sort_label)
        filters.addWidget(self.sort_by)
        filters.addStretch(1)
        key, descending = parse_sort(
            ctx.settings.caseload_sort if ctx.settings is not None else "name")
        self.sort_by.setCurrentIndex(max(0, self.sort_by.findData(sort_text(key, descending))))
        header.setSortIndicatorShown(True)
        header.setSortIndicator(
            CaseloadModel.COLUMNS.index(key),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts the model by the indicator just set
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.sort_by.currentIndexChanged.connect(self._on_sort_chosen)
        # Tab follows the rows as seen: stage, sort, then the flags (sort was made last).
        QWidget.setTabOrder(self.stage, self.sort_by)
        QWidget.setTabOrder(self.sort_by, self.reviews_due)
        em = self.fontMetrics().averageCharWidth()
        for col, chars in enumerate((30, 36, 16, 18, 16, 14)):
            self.table.setColumnWidth(col, em * chars)
        self.empty_label = QLabel(self)
        self.empty_label.setProperty("role", "secondary")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.results_model = SearchResultsModel(self)
        self.results = _Table(self.tr("Search results"), self)
        self.results.setModel(self.results_model)
        self.results.setItemDelegateForColumn(3, HtmlDelegate(self.results))
        self.results.activated.connect(self._on_result_activated)
        for col, chars in enumerate((26, 24, 16)):
            self.results.setColumnWidth(col, em * chars)
        self.results_label = QLabel(self)
        self.results_label.setProperty("role", "secondary")

        cases_page = QWidget(self)
        cl = QVBoxLayout(cases_page)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(filters)
        cl.addLayout(flags)
        cl.addWidget(self.table, 1)
        cl.addWidget(self.empty_label)
        results_page = QWidget(self)
        rl = QVBoxLayout(results_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.results_label)
        rl.addWidget(self.results, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(cases_page)
        self.stack.addWidget(results_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.stack, 1)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.apply_filters()

    # filters -------------------------------------------------------------------------------

    def current_filter(self) -> Any:
        """Return the CaseloadFilter the controls describe."""
        return caseload.make_filter(
            self._session,
            stage=self.stage.currentData(),
            include_closed=self.include_closed.isChecked(),
            reviews_due=self.reviews_due.isChecked(),
            overdue=self.overdue.isChecked(),
            needs_attention=self.attention.isChecked(),
        )

    def apply_filters(self) -> None:
        """Show the cases matching the filter controls (first page only)."""
        if self._session is None:
            return
        self.model.set_filter(self.current_filter())
        if self.model.canFetchMore():
            self.model.fetchMore()

    def reload(self) -> None:
        """Reload the list after a change (keeps the filters)."""
        self.apply_filters()

    def set_office_status(self, known: bool, missing: frozenset[str]) -> None:
        """Mark each case whose changes the office has not all acknowledged (nothing is
        shown while no office is set up)."""
        self.model.set_office_status(known, missing)
        self.table.setColumnHidden(self.model.COLUMNS.index("office"), not known)
        items = self.sort_by.model()
        if isinstance(items, QStandardItemModel):  # no office: no sorting by it either
            for descending in (False, True):
                item = items.item(self.sort_by.findData(sort_text("office", descending)))
                if item is not None:
                    item.setEnabled(known)

    # order ---------------------------------------------------------------------------------

    def _on_sort_chosen(self, _index: int) -> None:
        key, descending = parse_sort(self.sort_by.currentData())
        self.table.sortByColumn(
            CaseloadModel.COLUMNS.index(key),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        """The header's order changed (a click, or "Sort by"): show it and remember it."""
        key = CaseloadModel.COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        self.sort_by.blockSignals(True)
        self.sort_by.setCurrentIndex(max(0, self.sort_by.findData(sort_text(key, descending))))
        self.sort_by.blockSignals(False)
        settings = self.ctx.settings
        if settings is not None:
            settings.caseload_sort = sort_text(key, descending)
            settings.sync()

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setText(
            self.tr("No cases match these filters.")
            if self._filtered() else self.tr("No cases yet. Press Ctrl+N to open a new case.")
        )
        self.empty_label.setVisible(empty)

    def _filtered(self) -> bool:
        return bool(self.stage.currentData()) or any(
            b.isChecked() for b in (self.reviews_due, self.overdue, self.attention)
        )

    # search --------------------------------------------------------------------------------

    def _on_search_text(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self.cancel_search()
            self.results_model.clear()
            self.stack.setCurrentIndex(0)
            return
        self._search_timer.start()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._focus_results = True
        self.run_search()

    def run_search(self) -> None:
        """Search for what the box holds, off the GUI thread; a search still running is
        cancelled (its results would be stale). The audit log records only that a search
        ran, never the words."""
        text = self.search_box.text().strip()
        if not text or self._session is None:
            return
        self.cancel_search()
        cancel = threading.Event()
        self._search_cancel = cancel
        self.busy.start(self.tr("Searching"))
        self.ctx.read(
            lambda s: search.search(s, text, limit=SEARCH_LIMIT, audit=False, cancel=cancel),
            done=lambda hits: self._show_hits(cancel, hits),
            failed=lambda exc: self._search_failed(cancel, exc),
        )

    def cancel_search(self) -> None:
        """Stop the search on its way, if any (a newer one replaces it, Escape, lock): the
        worker thread gives it up within a moment and its results are never shown."""
        cancel, self._search_cancel = self._search_cancel, None
        if cancel is not None:
            cancel.set()
            self.busy.stop()

    def search_running(self) -> bool:
        """Return whether a search is on its way."""
        return self._search_cancel is not None

    def _search_failed(self, cancel: threading.Event, exc: BaseException) -> None:
        if cancel is not self._search_cancel or isinstance(exc, search.SearchCancelled):
            return  # cancelled or replaced: nothing to say
        self._search_cancel = None
        self.busy.stop()
        log.error("Search failed", exc_info=exc)
        self.results_model.clear()
        self.results_label.setText(self.tr("The search could not run. Try again."))
        self.stack.setCurrentIndex(1)

    def _show_hits(self, cancel: threading.Event, hits: search.SearchResults) -> None:
        if self._session is None or cancel is not self._search_cancel:
            return  # locked meanwhile, cancelled, or a newer search is on its way
        self._search_cancel = None
        self.busy.stop()
        search.log_search(self._session, len(hits))
        self.results_model.set_hits(hits)
        if len(hits) >= SEARCH_LIMIT:
            message = self.tr(
                "Showing the first %1 matches. Add words to narrow the search."
            ).replace("%1", str(len(hits)))
        elif hits:
            message = plural(
                "CaseloadView", "1 record found. Press Enter to open it.",
                "%n records found. Press Enter to open one.", len(hits),
            )
        else:
            message = self.tr("Nothing found. Try fewer or shorter words.")
        if hits.terms.shortened:  # say so first: the words left out did not count
            message = self.tr(
                "Only the first %1 different words were searched for."
            ).replace("%1", str(search.MAX_TERMS)) + " " + message
        self.results_label.setText(message)
        self.results.setAccessibleDescription(self.results_label.text())
        self.stack.setCurrentIndex(1)
        if self._focus_results and hits:
            self.results.setFocus()
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._focus_results = False

    def clear_search(self) -> None:
        """Empty the search box and go back to the list."""
        self.search_box.clear()

    # activation ----------------------------------------------------------------------------

    def _on_case_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id:
            self.case_activated.emit(case_id)

    def _on_result_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        record_id = index.data(RECORD_ID_ROLE)
        kind = index.data(KIND_ROLE) or ""
        if not case_id:
            return
        if kind == "case" or record_id == case_id:
            self.case_activated.emit(case_id)
        else:
            self.record_activated.emit(case_id, record_id, kind)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API name
        """Escape cancels a running search and leaves the search results."""
        if event.key() == Qt.Key.Key_Escape and (self.search_box.text() or self.search_running()):
            self.cancel_search()
            self.clear_search()
            self.search_box.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    # lock ----------------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget every row, result and search word (on lock)."""
        self._search_timer.stop()
        self.cancel_search()
        self.busy.stop()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.results_model.clear()
        self.results_label.clear()
        self.results.setAccessibleDescription("")
        self.model.clear()
        self._session = None
