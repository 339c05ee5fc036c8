"""The Safeguarding Adults Collection from the app: choose the reporting year and council, write
the tables (CSV, one file per table, and a PDF summary) into a new folder after the plaintext
step-up, then list the records that cannot be counted so the worker can fix them before the
return is due; Enter or a double-click on one opens that case at that record.

The dialog is window-modal (its write runs on the worker over the session's connection); opening
a listed record hides it, and Reports, Safeguarding Adults Collection shows the list again.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.sac import case_reference
from msp_desktop.domain.sac_tables import ReportingYear
from msp_desktop.services import sac_report, step_up
from msp_desktop.ui import theme
from msp_desktop.ui.caseload_view import _Table
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.council_combo import CouncilCombo, reporting_councils
from msp_desktop.ui.export_dialog import (
    StepUp,
    failure_text,
    open_folder,
)
from msp_desktop.ui.labels import kind_label
from msp_desktop.ui.scrolling import error_line, fit_height
from msp_desktop.ui.workers import BusyIndicator

log = logging.getLogger(__name__)

_CTX = "SacDialog"
_CASE_ROLE = Qt.ItemDataRole.UserRole + 11
_RECORD_ROLE = Qt.ItemDataRole.UserRole + 12
_KIND_ROLE = Qt.ItemDataRole.UserRole + 13


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def last_completed_year(today: dt.date) -> int:
    """The first year of the last reporting year (1 April to 31 March) that has ended."""
    return today.year - 1 if today.month >= 4 else today.year - 2


def year_text(start: int, today: dt.date) -> str:
    """"2025-26 (1 April 2025 to 31 March 2026)", marked when the year has not ended."""
    year = ReportingYear(start)
    text = _tr("%1 (1 April %2 to 31 March %3)").replace("%1", year.label).replace(
        "%2", str(start)).replace("%3", str(start + 1))
    if year.last_day >= today:
        text += _tr(", not ended yet")
    return text


class UncountedModel(QStandardItemModel):
    """The records the return cannot count, and what is missing (case, record, words), each
    row carrying its case id, record id and kind. A plain Qt model: the rows live on the C++
    side, so a view repainting while the dialog is being deleted finds them."""

    HEADERS = ("Case", "Record", "What is missing")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate(_CTX, h) for h in self.HEADERS])

    def set_rows(self, rows: list[tuple[tuple[str, str, str], str, str, str]]) -> None:
        """Show these rows: (case text, record text, what is missing), case id, record id,
        kind."""
        self.clear_rows()
        for texts, case_id, record_id, kind in rows:
            items = []
            for text in texts:
                item = QStandardItem(text)
                item.setEditable(False)
                item.setToolTip(text)
                item.setData(case_id, _CASE_ROLE)
                item.setData(record_id, _RECORD_ROLE)
                item.setData(kind, _KIND_ROLE)
                items.append(item)
            self.appendRow(items)

    def clear_rows(self) -> None:
        """Drop every row (the headers stay)."""
        self.removeRows(0, self.rowCount())


class SacDialog(QDialog):
    """Write the year's Safeguarding Adults Collection and list what cannot be counted.

    Signals:
        open_record(str, str, str): open this case (case id, record id, record kind).
        written(object): the service's result, after the return was written.
    """

    open_record = Signal(str, str, str)
    written = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.output: Any = None
        self.open_folder = open_folder  # tests replace it
        self._today = today or dt.date.today()
        self.setWindowTitle(_tr("Safeguarding Adults Collection"))
        self.setAccessibleName(_tr("Safeguarding Adults Collection"))

        heading = QLabel(_tr("Safeguarding Adults Collection"), self)
        theme.make_heading(heading, 1.25)
        intro = QLabel(_tr(
            "Counts this vault's English cases for the yearly return, in the collection's own"
            " tables: one CSV file per table and a PDF summary, in a new folder. Records that"
            " cannot be counted are listed below, so they can be fixed before the return is"
            " due."), self)
        intro.setWordWrap(True)

        self.year = QComboBox(self)
        self.year.setAccessibleName(_tr("Reporting year"))
        last = last_completed_year(self._today)
        for start in range(last + 1, last - 5, -1):
            self.year.addItem(year_text(start, self._today), start)
        self.year.setCurrentIndex(self.year.findData(last))
        year_label = QLabel(_tr("Reporting &year:"), self)
        year_label.setBuddy(self.year)
        self.council = CouncilCombo(reporting_councils(), _tr("Reporting council"),
                                    unset_text=_tr("— choose the council —"), parent=self)
        council_label = QLabel(_tr("&Council:"), self)
        council_label.setBuddy(self.council)
        council_note = QLabel(_tr(
            "Counted: cases where the abuse happened in this council's area, or where no host"
            " council is recorded. Set the vault's council in Settings."), self)
        council_note.setWordWrap(True)
        council_note.setProperty("role", "secondary")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(year_label, self.year)
        form.addRow(council_label, self.council)
        form.addRow(council_note)

        self.step_up = StepUp(ctx, stem=self._stem(), suffix="", folder_output=True,
                              parent=self)
        self.year.currentIndexChanged.connect(self._update_stem)
        self.council.currentIndexChanged.connect(self._update_stem)

        self.error_label = error_line(self)
        self.progress = BusyIndicator(self)
        self.progress.setAccessibleName(_tr("Counting the return"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.result_label.setAccessibleName(_tr("Result"))
        self.result_label.hide()

        self.missing_title = QLabel(self)
        font = self.missing_title.font()
        font.setBold(True)
        self.missing_title.setFont(font)
        self.missing_title.hide()
        self.missing_model = UncountedModel(self)
        self.missing = _Table(_tr("Records that cannot be counted"), self)
        self.missing.setAccessibleDescription(_tr(
            "Press Enter or double-click a row to open the case at that record"))
        self.missing.setModel(self.missing_model)
        em = self.fontMetrics().averageCharWidth()
        # Whole words, on as many lines as they take: what is missing is a sentence.
        self.missing.setWordWrap(True)
        self.missing.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.missing.setColumnWidth(0, em * 28)
        self.missing.setColumnWidth(1, em * 22)
        self.missing.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.missing.activated.connect(self._on_activated)
        self.missing.hide()
        self.missing_hint = QLabel(_tr(
            "Press Enter or double-click a row to open the case at that record. Write the"
            " return again once they are fixed."), self)
        self.missing_hint.setWordWrap(True)
        self.missing_hint.setProperty("role", "secondary")
        self.missing_hint.hide()

        self.buttons = QDialogButtonBox(self)
        self.write_button = QPushButton(_tr("&Write the return"), self)
        self.write_button.setAccessibleName(_tr("Write the return"))
        self.write_button.setDefault(True)
        self.open_button = QPushButton(_tr("&Open folder"), self)
        self.open_button.setAccessibleName(_tr("Open the folder of the return"))
        self.close_button = QPushButton(_tr("Close"), self)
        self.close_button.setAccessibleName(_tr("Close"))
        self.buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.hide()
        self.write_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        widget: QWidget
        for widget in (self.step_up, self.error_label, self.progress, self.result_label,
                       self.missing_title, self.missing_hint):
            layout.addWidget(widget)
        layout.addWidget(self.missing, 100)  # the list takes the room, once it is shown
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(em * 90)
        # One row of the vault's meta table: read here, so the form is complete when shown.
        self._show_council(sac_report.reporting_council(ctx.session))
        self.year.setFocus()

    # the form ------------------------------------------------------------------------------

    def _show_council(self, code: str | None) -> None:
        if code and self.council.code() is None:
            self.council.set_code(code)

    def _stem(self) -> str:
        start = self.year.currentData()
        label = ReportingYear(start).label if isinstance(start, int) else "year"
        parts = ("safeguarding-adults-collection", label, self.council.code())
        return "-".join(p for p in parts if p)

    def _update_stem(self) -> None:
        self.step_up.set_stem(self._stem())

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.step_up.passphrase.setAccessibleDescription(text)
        if not self.missing.isVisible():  # with the list shown there is room to spare
            fit_height(self)

    def showEvent(self, event: QShowEvent) -> None:  # Qt API name
        super().showEvent(event)
        if not self.missing.isVisible():
            fit_height(self)

    # running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Check the form; then, on the worker, the passphrase and the return."""
        if self.busy:
            return
        year = self.year.currentData()
        council = self.council.code()
        if council is None:
            self.show_error(_tr("Choose the council the return is for."))
            self.council.setFocus()
            return
        ready = self.step_up.ready(self.show_error)
        if ready is None:
            return
        target, passphrase = ready
        self.show_error("")
        self._set_busy(True)
        self.ctx.write(step_up.after_step_up, passphrase,
                       lambda session: sac_report.write_report_with_names(
                           session, target, year=year, council=council),
                       done=self._done, failed=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.year, self.council, self.step_up, self.write_button, self.close_button):
            w.setEnabled(not busy)
        if busy:
            self.progress.start(_tr("Counting the return"))
        else:
            self.progress.stop()

    @Slot(object)
    def _done(self, value: object) -> None:
        self._set_busy(False)
        self.step_up.checked(None)
        assert isinstance(value, tuple)
        result, names = value
        assert isinstance(result, sac_report.SacExport)
        self.output = result.folder
        report = result.report
        tables = len(report.tables)
        lines = [
            _tr("Written to the folder %1").replace("%1", str(result.folder)),
            _tr("%1 tables for %2, %3, each in its own CSV file; the PDF summary is %4.")
            .replace("%1", str(tables)).replace("%2", report.year.label)
            .replace("%3", sac_report.council_name(report.council))
            .replace("%4", next((f for f in result.files if f.endswith(".pdf")), "")),
            _tr("Export id: %1").replace("%1", result.export_id),
            _tr("SHA-256 (recorded in the audit log):"), result.sha256,
        ]
        text = "\n".join(lines)
        self.result_label.setText(text)
        self.result_label.setAccessibleDescription(text)
        self.result_label.show()
        self.open_button.show()
        self._update_stem()  # the next run goes to a new folder
        self._show_uncounted(list(report.uncounted), names)
        self.written.emit(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._set_busy(False)
        assert isinstance(exc, BaseException)
        self.step_up.checked(exc)
        self.show_error(failure_text(exc))
        self.step_up.passphrase.setFocus()

    # what cannot be counted ----------------------------------------------------------------

    def _show_uncounted(self, items: list[Any], names: dict[str, str]) -> None:
        n = len(items)
        if not n:
            self.missing_title.setText(_tr("Every record could be counted."))
            self.missing_title.show()
            self.missing.hide()
            self.missing_hint.hide()
            self.missing_model.clear_rows()
            self.open_button.setFocus()
            fit_height(self)  # the result lines are new: without this the form is squeezed
            return
        self.missing_title.setText(
            _tr("Records that cannot be counted: %1").replace("%1", str(n)))
        self.missing_title.show()
        self.missing.show()
        self.missing_hint.show()
        # Room for about eight rows of the list below the form.
        metrics = self.fontMetrics()
        layout = self.layout()
        needed = (layout.totalMinimumSize().height() if layout is not None else 0)
        self.resize(max(self.width(), metrics.averageCharWidth() * 120),
                    max(self.height(), needed + metrics.height() * 18))
        rows = []
        for i in items:
            ref = i.case_reference
            who = names.get(i.case_id) or _tr("Unnamed adult")
            record = kind_label(i.kind)
            if i.record_id != i.case_id:  # the case's own record needs no second reference
                record += f" · {case_reference(i.record_id)}"
            rows.append(((f"{who} · {ref}", record, i.missing), i.case_id, i.record_id, i.kind))
        self.missing_model.set_rows(rows)
        self.missing.setCurrentIndex(self.missing_model.index(0, 0))
        self.missing.setFocus()

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(_CASE_ROLE)
        if case_id:
            self.open_record.emit(case_id, index.data(_RECORD_ROLE) or "",
                                  index.data(_KIND_ROLE) or "")

    def _open_folder(self) -> None:
        if self.output is not None:
            self.open_folder(self.output)

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()

