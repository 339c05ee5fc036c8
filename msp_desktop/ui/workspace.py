"""A case workspace: what matters to the person, then chronology, record tabs and audit trail."""

from __future__ import annotations

import html
import itertools
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain import chronology as chrono
from msp_desktop.domain.enums import CASE_STATUS, OUTCOME_ACHIEVEMENT, OUTCOME_STATUS
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.quoting import isolate, unquote
from msp_desktop.services import cases
from msp_desktop.services.cases import AuditRow, CaseView, ChronologyEvent
from msp_desktop.ui import theme
from msp_desktop.ui.caseload_model import KIND_ROLE, RECORD_ID_ROLE
from msp_desktop.ui.caseload_view import _Table
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.export_dialog import ExportDialog
from msp_desktop.ui.labels import (
    action_label,
    display_date,
    format_when,
    kind_label,
    local_time,
    status_label,
)
from msp_desktop.ui.live_case import LiveCase
from msp_desktop.ui.records import RecordTab, make_case_tabs
from msp_desktop.ui.records.tabs import EditorPlace
from msp_desktop.ui.table_model import TEXT_ROLES, RowsModel
from msp_desktop.ui.workers import BusyIndicator

log = logging.getLogger(__name__)

_CTX = "CaseWorkspace"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class _ListModel(RowsModel[tuple[tuple[str, ...], str, str]]):
    """A read-only table of display strings with the record id and kind of each row."""

    TR_CONTEXT = _CTX

    def cell(self, row: tuple[tuple[str, ...], str, str], column: int, role: int) -> Any:
        texts, record_id, kind = row
        if role in TEXT_ROLES:
            return texts[column] if column < len(texts) else None
        if role == RECORD_ID_ROLE:
            return record_id or None
        if role == KIND_ROLE:
            return kind or None
        return None


class ChronologyModel(RowsModel[ChronologyEvent]):
    """Dated events of the case in the order given; significant ones say so, in bold."""

    TR_CONTEXT = _CTX
    HEADERS = ("Date", "Record", "Summary", "Status", "Author", "Significant")
    SIGNIFICANT_COLUMN = 5

    def load(self, events: list[ChronologyEvent]) -> None:
        self.set_rows(events)

    def event_at(self, row: int) -> ChronologyEvent | None:
        """Return the event on a row."""
        return self.row_value(row)

    def row_of(self, record_id: str) -> int:
        """Return the row of this record's event, or -1."""
        return next((i for i, e in enumerate(self._rows) if e.record_id == record_id), -1)

    def cell(self, e: ChronologyEvent, column: int, role: int) -> Any:
        if role in TEXT_ROLES:
            texts = (display_date(e.date), kind_label(e.kind), e.title, status_label(e.status),
                     e.author, _tr("Significant") if e.significant else "")
            return texts[column] if column < len(texts) else None
        if role == RECORD_ID_ROLE:
            return e.record_id or None
        if role == KIND_ROLE:
            return e.kind or None
        if role == Qt.ItemDataRole.FontRole and e.significant:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and e.significant:
            return _tr("Significant: %1").replace("%1", e.mark_reason) if e.mark_reason \
                else _tr("Significant event")
        return None


class EventColumns(QObject):
    """Sizes a chronology table's columns: Date, Record, Status, Author and Significant to
    their contents (each within a cap, its title always whole), and Summary to what is left
    but never under SUMMARY_EMS characters (the table scrolls sideways then). Again when
    the rows, the table's width or the text size change."""

    SUMMARY_EMS = 40
    CAPS = {0: 22, 1: 28, 3: 18, 4: 26, 5: 14}  # the most, in average characters

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for col in range(header.count()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.fit)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)  # its width is the room to share
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API name
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit()
        elif event.type() == QEvent.Type.FontChange and watched is self.table:
            # After the theme has scaled every header (theme.scale_sections).
            QTimer.singleShot(0, self.fit)
        return False

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        em = table.fontMetrics().averageCharWidth()
        others = 0
        for col, cap in self.CAPS.items():
            if col >= header.count() or header.isSectionHidden(col):
                continue
            title = theme.header_text_width(header, col)
            width = max(title, min(table.sizeHintForColumn(col), cap * em))
            header.resizeSection(col, width)
            others += width
        room = table.viewport().width() - others
        header.resizeSection(2, max(self.SUMMARY_EMS * em, room))


class AuditModel(_ListModel):
    """Who did what to which record, when (in local time, as every list shows it)."""

    HEADERS = ("Time", "Who", "Action", "Record")

    def load(self, entries: list[AuditRow]) -> None:
        rows = []
        for e in entries:
            when = format_when(local_time(e.at)) or e.at
            rows.append(((when, e.author, action_label(e.action), _audit_record(e)),
                         e.entity_id or "", e.entity_kind or ""))
        self.set_rows(rows)


def _audit_record(e: AuditRow) -> str:
    """'Case note: Phone call'; a record the vault no longer holds: its kind and short id."""
    if not e.entity_kind:
        return ""
    kind = kind_label(e.entity_kind)
    if not e.title:
        return f"{kind} {(e.entity_id or '')[:8]}".strip()
    return kind if e.title == kind else f"{kind}: {e.title}"


class OutcomesHeader(QFrame):
    """The person, the stage, and their desired outcomes in their own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name_label = QLabel(self)
        theme.make_heading(self.name_label, 1.3)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.stage_label = QLabel(self)
        self.stage_label.setProperty("role", "secondary")
        self.outcomes_title = QLabel(_tr("What matters to this person"), self)
        font = self.outcomes_title.font()
        font.setBold(True)
        self.outcomes_title.setFont(font)
        self.outcomes_label = QLabel(self)
        self.outcomes_label.setWordWrap(True)
        self.outcomes_label.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addStretch(1)
        top.addWidget(self.stage_label)
        self.top_row = top  # the workspace adds its case actions here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.outcomes_title)
        layout.addWidget(self.outcomes_label)

    def show_overview(self, name: str, stage: str, outcomes: list[Any]) -> None:
        self.name_label.setText(name)
        self.stage_label.setText(_tr("Stage: %1").replace("%1", CASE_STATUS.label(stage)))
        current = [o for o in outcomes if o.payload.get("status") != "WITHDRAWN"]
        if not current:
            self.outcomes_label.setText(html.escape(_tr(
                "No desired outcomes recorded yet. Ask the adult what they want to happen, "
                "and record it in their own words on the Desired outcomes tab."
            )))
            self.setAccessibleDescription(self.outcomes_label.text())
            return
        parts = []
        plain = []
        # Each line runs in the app's direction: Qt would take it from the first letter, so a
        # line starting with the adult's words in Urdu would run right to left.
        direction = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        for o in current:
            p = o.payload
            # The adult's words, in one pair of quote marks, isolated so that words in Urdu
            # keep the quote marks and the status label where they belong.
            statement = isolate(unquote(str(p.get("statement") or "")))
            status = OUTCOME_STATUS.label(str(p.get("status") or "ACTIVE"))
            achieved = p.get("achievement")
            extra = status
            if achieved:
                extra += " · " + OUTCOME_ACHIEVEMENT.label(str(achieved))
            parts.append(
                f"<p dir='{direction}' style='margin:2px 0'>“{html.escape(statement)}”"
                f" <span style='color:{theme.COLOURS.secondary_text}'>"
                f"({html.escape(extra)})</span></p>"
            )
            plain.append(f"“{statement}” ({extra})")
        self.outcomes_label.setText("".join(parts))
        self.outcomes_label.setAccessibleName(_tr("Desired outcomes"))
        self.outcomes_label.setAccessibleDescription(" ".join(plain))

    def show_problem(self, text: str) -> None:
        self.outcomes_label.setText(html.escape(text))
        self.outcomes_label.setAccessibleDescription(text)

    def clear(self) -> None:
        for label in (self.name_label, self.stage_label, self.outcomes_label):
            label.clear()
            label.setAccessibleDescription("")
        self.setAccessibleDescription("")


class CaseWorkspace(QWidget):
    """One open case: what matters to the person, the chronology, the record tabs and the
    audit trail, all showing one case view that is read once (`LiveCase`) and again only when
    a write touches the case.

    Signals:
        loaded(): the case view arrived (first time or after a change); `person_name` is set.
    """

    loaded = Signal()

    def __init__(self, ctx: UiContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.person_name = ""
        self._pending_record: tuple[str, str | None] | None = None
        self._pending_place: tuple[str, EditorPlace] | None = None
        self.setAccessibleName(_tr("Case workspace"))
        self.live = LiveCase(ctx, case_id, self)

        self.header = OutcomesHeader(self)
        self.export_dialog: ExportDialog | None = None
        self.export_button = self._export_button()
        self.header.top_row.addWidget(self.export_button)
        self.busy = BusyIndicator(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_tr("Case record sections"))
        self.tabs.setDocumentMode(True)

        # Chronology
        self.chronology_page = QWidget(self)
        self.chronology_filter = QComboBox(self.chronology_page)
        # Filled when the view arrives, after the widget is shown: size to the items then.
        self.chronology_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chronology_filter.setAccessibleName(_tr("Show records of kind"))
        self.chronology_model = ChronologyModel(self)
        self.chronology = _Table(_tr("Chronology"), self.chronology_page)
        self.chronology.setModel(self.chronology_model)
        self.chronology.activated.connect(self._on_event_activated)
        self.chronology_columns = EventColumns(self.chronology)
        filter_label = QLabel(_tr("Sho&w:"), self.chronology_page)
        filter_label.setBuddy(self.chronology_filter)
        self.significant_only = QCheckBox(_tr("Significant events &only"), self.chronology_page)
        self.significant_only.setAccessibleName(_tr("Show significant events only"))
        self.newest_first = QCheckBox(_tr("&Newest first"), self.chronology_page)
        self.newest_first.setAccessibleName(_tr("Newest events first"))
        self.newest_first.setChecked(self._newest_first_setting())
        self.mark_button = QPushButton(_tr("&Mark significant"), self.chronology_page)
        self.mark_button.setAccessibleName(_tr("Mark the selected event significant"))
        self.mark_button.setToolTip(_tr(
            "Mark or unmark the selected event as significant (Ctrl+M). The event itself is "
            "not changed."))
        self.mark_button.setEnabled(False)
        self.mark_shortcut = QShortcut(QKeySequence("Ctrl+M"), self.chronology_page)
        self.mark_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.mark_shortcut.activated.connect(self.toggle_mark)
        self.mark_button.clicked.connect(self.toggle_mark)
        self.mark_dialog: QInputDialog | None = None
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.chronology_filter)
        row.addWidget(self.significant_only)
        row.addWidget(self.newest_first)
        row.addStretch(1)
        row.addWidget(self.mark_button)
        # What is only planned (plan actions due after today) is not something that happened.
        self.coming_up_title = QLabel(_tr("Coming up"), self.chronology_page)
        theme.make_heading(self.coming_up_title, 1.1)
        self.coming_up_model = ChronologyModel(self)
        self.coming_up = _Table(_tr("Coming up"), self.chronology_page)
        self.coming_up.setModel(self.coming_up_model)
        self.coming_up.activated.connect(self._on_event_activated)
        self.coming_up.setColumnHidden(ChronologyModel.SIGNIFICANT_COLUMN, True)
        self.coming_up_columns = EventColumns(self.coming_up)
        self.coming_up_empty = QLabel(_tr("Nothing planned after today."), self.chronology_page)
        self.coming_up_empty.setProperty("role", "secondary")
        self.chronology_empty = QLabel(self.chronology_page)
        self.chronology_empty.setProperty("role", "secondary")
        self.chronology_empty.setWordWrap(True)
        self.chronology_empty.hide()
        cl = QVBoxLayout(self.chronology_page)
        cl.addLayout(row)
        cl.addWidget(self.chronology, 3)
        cl.addWidget(self.chronology_empty)
        cl.addWidget(self.coming_up_title)
        cl.addWidget(self.coming_up, 1)
        # Tab follows the page as seen: the row of controls, then the tables (made earlier).
        chain = (self.chronology_filter, self.significant_only, self.newest_first,
                 self.mark_button, self.chronology, self.coming_up)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        cl.addWidget(self.coming_up_empty)
        self.coming_up_title.setBuddy(self.coming_up)
        self.tabs.addTab(self.chronology_page, _tr("Chronology"))

        # Record tabs
        self.record_tabs: list[RecordTab] = make_case_tabs(ctx, self.live)
        for tab in self.record_tabs:
            self.tabs.addTab(tab, tab.title)

        # Audit trail
        self.audit_page = QWidget(self)
        self.audit_model = AuditModel(self)
        self.audit = _Table(_tr("Audit trail"), self.audit_page)
        self.audit.setModel(self.audit_model)
        em = self.fontMetrics().averageCharWidth()
        for col, chars in enumerate((24, 20, 26)):
            self.audit.setColumnWidth(col, em * chars)
        note = QLabel(_tr("Every view and change of this case, newest last. The log holds "
                          "record kinds and references, never case text; each record is "
                          "shown by its title today."),
                      self.audit_page)
        note.setWordWrap(True)
        note.setProperty("role", "secondary")
        al = QVBoxLayout(self.audit_page)
        al.addWidget(note)
        al.addWidget(self.audit, 1)
        self.tabs.addTab(self.audit_page, _tr("Audit trail"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.busy)
        layout.addWidget(self.tabs, 1)

        self.chronology_filter.currentIndexChanged.connect(self.refresh_chronology)
        self.significant_only.toggled.connect(self.refresh_chronology)
        self.newest_first.toggled.connect(self._on_order_changed)
        self.chronology.selectionModel().currentRowChanged.connect(self._update_mark_button)
        # One selected item on the page: what Ctrl+M and the mark button act on is never a
        # row left selected in the other table. Coming-up items are plans, not events.
        self.chronology.selectionModel().currentRowChanged.connect(
            lambda index, _old: index.isValid() and self._clear_current(self.coming_up))
        self.coming_up.selectionModel().currentRowChanged.connect(
            lambda index, _old: index.isValid() and self._clear_current(self.chronology))
        self.chronology_model.modelReset.connect(self._update_mark_button)
        self.live.loaded.connect(self._on_loaded)
        self.live.failed.connect(self._on_failed)
        self.busy.start(_tr("Opening the case"))
        self.live.load()

    @property
    def is_loaded(self) -> bool:
        return self.live.view is not None

    # loading -------------------------------------------------------------------------------

    def _on_loaded(self, view: CaseView) -> None:
        self.busy.stop()
        self.person_name = view.person_name
        self.header.show_overview(
            self.person_name or _tr("Unnamed adult"),
            str(view.overview.case.payload.get("status") or ""),
            view.overview.outcomes,
        )
        self._load_chronology_filter(view)
        self.refresh_chronology()
        if self.tabs.currentWidget() is self.audit_page:
            self.refresh_audit()
        pending, self._pending_record = self._pending_record, None
        if pending is not None:
            self.open_record(*pending)
        place, self._pending_place = self._pending_place, None
        if place is not None:
            self.return_to(place)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        log.error("Could not read a case", exc_info=exc)
        self.header.show_problem(
            getattr(exc, "user_message", None) or _tr("This case could not be read. Close it "
                                                       "and open it again."))

    def _load_chronology_filter(self, view: CaseView) -> None:
        chosen = self.chronology_filter.currentData()
        self.chronology_filter.blockSignals(True)
        self.chronology_filter.clear()
        self.chronology_filter.addItem(_tr("Every kind of record"), None)
        for kind in sorted(view.overview.counts, key=kind_label):
            known = KINDS.get(kind)
            if kind != "case" and (known is None or known.date_field is not None):
                self.chronology_filter.addItem(kind_label(kind), kind)
        index = self.chronology_filter.findData(chosen)
        self.chronology_filter.setCurrentIndex(max(index, 0))
        self.chronology_filter.blockSignals(False)

    def refresh_chronology(self) -> None:
        """Show the chronology of the chosen kind, significant events only when asked, in
        the chosen order (from the view in hand: no read); the selected event stays
        selected."""
        view = self.live.view
        if view is None:
            return
        kind = self.chronology_filter.currentData()
        only = self.significant_only.isChecked()
        current = self.chronology.currentIndex().data(RECORD_ID_ROLE)
        self.chronology_model.load(chrono.in_order(
            [e for e in view.chronology
             if (kind is None or e.kind == kind) and (e.significant or not only)],
            newest_first=self.newest_first.isChecked()))
        self.coming_up_model.load(
            [e for e in view.coming_up if kind is None or e.kind == kind])
        self.chronology_empty.setText(
            _tr("No significant events marked yet. Select an event and press Ctrl+M to "
                "mark it.") if only else _tr("No dated events of this kind yet."))
        self.chronology_empty.setVisible(self.chronology_model.rowCount() == 0)
        self.chronology.setAccessibleDescription(
            self.chronology_empty.text() if self.chronology_model.rowCount() == 0 else "")
        has_coming = self.coming_up_model.rowCount() > 0
        self.coming_up.setVisible(has_coming)
        self.coming_up_empty.setVisible(not has_coming)
        row = self.chronology_model.row_of(current) if current else -1
        if row >= 0:
            self.chronology.setCurrentIndex(self.chronology_model.index(row, 0))
        self._update_mark_button()

    # significant events and order ------------------------------------------------------------

    def _newest_first_setting(self) -> bool:
        settings = self.ctx.settings
        return settings.chronology_newest_first if settings is not None else True

    def _on_order_changed(self, newest_first: bool) -> None:
        settings = self.ctx.settings
        if settings is not None:
            settings.chronology_newest_first = newest_first
            settings.sync()
        self.refresh_chronology()

    def selected_event(self) -> ChronologyEvent | None:
        """Return the chronology event the worker has selected."""
        index = self.chronology.currentIndex()
        return self.chronology_model.event_at(index.row()) if index.isValid() else None

    @staticmethod
    def _clear_current(table: _Table) -> None:
        table.selectionModel().clearCurrentIndex()
        table.clearSelection()

    def _update_mark_button(self, *_args: Any) -> None:
        event = self.selected_event()
        self.mark_button.setEnabled(event is not None)
        marked = event is not None and event.significant
        self.mark_button.setText(_tr("Un&mark significant") if marked
                                 else _tr("&Mark significant"))
        self.mark_button.setAccessibleName(
            _tr("Unmark the selected event") if marked
            else _tr("Mark the selected event significant"))

    def toggle_mark(self) -> None:
        """Mark the selected chronology event significant (asking why, which is optional), or
        unmark it, saying in the status line what was unmarked. Coming-up items are plans,
        not events: with the focus there, Ctrl+M does nothing."""
        event = self.selected_event()
        if event is None or self.coming_up.hasFocus():
            return
        named = _tr("{date}, {kind}: {title}").format(
            date=display_date(event.date), kind=kind_label(event.kind), title=event.title)
        if event.significant:
            window = self.window()
            if self.set_mark(event.record_id, False) and isinstance(window, QMainWindow):
                reason = (_tr(" Its reason was: {reason}").format(reason=event.mark_reason)
                          if event.mark_reason else "")
                window.statusBar().showMessage(_tr(
                    "No longer marked significant: {event}.{reason} Press Ctrl+M to mark it "
                    "again.").format(event=named, reason=reason), 30000)
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_tr("Significant event"))
        dialog.setLabelText(_tr("Why is this event significant? (optional)\n{event}").format(
            event=named))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(_tr("Mark significant"))
        dialog.setAccessibleName(_tr("Mark the event significant"))
        box = dialog.findChild(QLineEdit)
        if box is not None:
            box.setAccessibleName(_tr("Why it is significant"))
            box.setMaxLength(KINDS[chrono.MARK_KIND].field("reason").max_length)
        record_id = event.record_id
        dialog.textValueSelected.connect(lambda reason: self.set_mark(record_id, True, reason))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.mark_dialog = dialog
        dialog.open()  # window-modal, without blocking

    def set_mark(self, record_id: str, significant: bool, reason: str = "") -> bool:
        """Save the mark; the case view reloads with it (every open view hears the write).
        False when it could not be saved (the header says why)."""
        self.mark_dialog = None
        try:
            saved = cases.mark_event(self.ctx.session, self.case_id, record_id, significant,
                                     reason)
        except Exception as exc:  # a refused mark says why, in the header's problem line
            log.error("Could not mark a chronology event", exc_info=exc)
            self.header.show_problem(getattr(exc, "user_message", None) or _tr(
                "The mark could not be saved. Try again."))
            return False
        self.ctx.publish(saved.changes)
        return True

    def refresh_audit(self) -> None:
        """Reload the audit trail."""
        if self.live.view is None:
            return
        self.audit_model.load(cases.audit_trail(self.ctx.session, self.case_id))

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.audit_page:
            self.refresh_audit()

    # exports -------------------------------------------------------------------------------

    def _export_button(self) -> QPushButton:
        button = QPushButton(_tr("E&xport…"), self.header)
        button.setAccessibleName(_tr("Export this case"))
        button.setAccessibleDescription(_tr(
            "The case record as a PDF, or a subject-access copy with other people's details"
            " withheld"))
        menu = QMenu(button)
        menu.setAccessibleName(_tr("Export this case"))
        self.export_record_action = menu.addAction(_tr("&Export case record (PDF)…"))
        self.export_record_action.triggered.connect(lambda: self.export_case("full"))
        self.export_sar_action = menu.addAction(_tr("&Subject-access copy (PDF)…"))
        self.export_sar_action.triggered.connect(lambda: self.export_case("sar"))
        button.setMenu(menu)
        return button

    def export_case(self, profile: str) -> ExportDialog:
        """Open the export dialog of the case record ("full") or the subject-access copy
        ("sar"); it asks for the passphrase, writes on the worker and says where it went."""
        from msp_desktop.ui.case_exports import case_record_job

        previous, self.export_dialog = self.export_dialog, None
        if previous is not None:
            previous.close()
            previous.deleteLater()
        dialog = ExportDialog(self.ctx, case_record_job(self.case_id, profile), self)
        dialog.exported.connect(lambda _written: self._after_export())
        self.export_dialog = dialog
        dialog.open()  # window-modal, without blocking: tests and the event loop go on
        return dialog

    def _after_export(self) -> None:
        if self.tabs.currentWidget() is self.audit_page:
            self.refresh_audit()

    # navigation ----------------------------------------------------------------------------

    def tab_for_kind(self, kind: str) -> RecordTab | None:
        """Return the record tab that shows this kind of record."""
        for tab in self.record_tabs:
            if kind in tab.kinds:
                return tab
        return None

    def open_record(self, record_id: str, kind: str | None = None) -> bool:
        """Show the record's tab with the record open; return whether a tab took it (a case
        still loading opens the record when it arrives)."""
        view = self.live.view
        if view is None:
            self._pending_record = (record_id, kind)
            return True
        if not kind:
            kind = next((r.kind for r in view.records if r.record_id == record_id), None)
        if kind == chrono.MARK_KIND:  # a mark opens as the event it marks, selected
            return self._select_marked_event(view, record_id)
        tab = self.tab_for_kind(kind) if kind else None
        if tab is None:
            self.tabs.setCurrentWidget(self.chronology_page)
            return False
        self.tabs.setCurrentWidget(tab)
        tab.open_record(record_id)
        return True

    def _select_marked_event(self, view: CaseView, mark_id: str) -> bool:
        """Show the chronology with the event a mark names selected (the filters widened
        when they hide it); False when that event is not in the chronology."""
        self.tabs.setCurrentWidget(self.chronology_page)
        mark = next((r for r in view.records if r.record_id == mark_id), None)
        target = mark.payload.get("target_id") if mark is not None else None
        if not isinstance(target, str) or not any(e.record_id == target
                                                  for e in view.chronology):
            return False
        if self.chronology_model.row_of(target) < 0:
            self.chronology_filter.setCurrentIndex(0)  # every kind
            self.significant_only.setChecked(False)
        row = self.chronology_model.row_of(target)
        self.chronology.setCurrentIndex(self.chronology_model.index(row, 0))
        self.chronology.scrollTo(self.chronology.currentIndex())
        self.chronology.setFocus()
        return True

    def place(self) -> tuple[str, EditorPlace] | None:
        """The record tab in front and the editor it shows (ids only), when it has one."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, RecordTab):
            place = tab.place()
            if place is not None:
                return tab.title, place
        return None

    def return_to(self, place: tuple[str, EditorPlace]) -> bool:
        """Show a record tab with the editor `place()` named (after an unlock); a case still
        loading returns there when it arrives."""
        if self.live.view is None:
            self._pending_place = place
            return True
        title, where = place
        tab = next((t for t in self.record_tabs if t.title == title), None)
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        return tab.return_to(where) is not None  # the keyboard is in its field

    def show_tab(self, title: str) -> bool:
        """Switch to the tab with this title."""
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i).replace("&", "") == title:
                self.tabs.setCurrentIndex(i)
                return True
        return False

    def _on_event_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.open_record(record_id, index.data(KIND_ROLE))

    # lock ----------------------------------------------------------------------------------

    def flush_drafts(self) -> int:
        """Save every open editor's draft now; return how many editors were asked."""
        done = 0
        for tab in self.record_tabs:
            if tab.editor is not None:
                try:
                    tab.flush_draft()
                    done += 1
                except Exception:  # one failing editor must not stop the lock
                    log.exception("Could not save a draft while locking")
        return done

    def clear(self) -> None:
        """Drop every piece of case text (on lock), before the widget is deleted."""
        self.live.stop()
        dialog, self.export_dialog = self.export_dialog, None
        if dialog is not None:  # an export still running finishes on the worker
            dialog.busy = False
            dialog.close()
            dialog.deleteLater()
        self.tabs.currentChanged.disconnect(self._on_tab_changed)
        self.header.clear()
        self.chronology_model.clear()
        self.coming_up_model.clear()
        if self.mark_dialog is not None:
            self.mark_dialog.close()
            self.mark_dialog = None
        self.audit_model.clear()
        self.chronology_filter.clear()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.hide()
                page.deleteLater()
        self.record_tabs = []
