"""The Reports menu's exports of the whole vault (JSON, CSV: through the plaintext-export
dialog) and the JSON import: a dry run first that says what would be added, updated and
skipped, or exactly where the file is wrong; only then Import.

The import writes through the session's connection on the worker thread, so its dialog is
window-modal (nothing else writes meanwhile), like the Sync window.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import data_export, data_import
from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.export_dialog import (
    ExportJob,
    ExportOption,
    Written,
    dated_stem,
    describe_export_result,
    failure_text,
)
from msp_desktop.ui.path_picker import PathMode, PathPicker
from msp_desktop.ui.scrolling import error_line, fit_height
from msp_desktop.ui.workers import BusyIndicator

log = logging.getLogger(__name__)

JSON_FILTER = "JSON exports (*.json);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


# ----- exports of every record ------------------------------------------------------------


def json_job() -> ExportJob:
    """Every current record as one JSON file (the export schema describes it)."""
    return ExportJob(
        title=_tr("Export all records (JSON)"),
        what=_tr(
            "Every current record of this vault, of every case, as one JSON file: for moving"
            " to another vault (Import records from JSON reads it) or to another system. Codes"
            " come with their labels; the format is described by the export schema."),
        stem=dated_stem("msp-records"), suffix=".json",
        write=lambda session, path, history=False: data_export.export_json(
            session, path, history=history),
        option=ExportOption(
            _tr("Include every earlier &version of each record (history)"), "history",
            _tr("Adds every revision: who changed what and when, amendments included. The"
                " file is larger; an import reads only the current records.")))


def _describe_csv(result: Any) -> Written:
    export, files = result
    written = describe_export_result(export)
    return Written(written.path, [
        _tr("%1 files, one per kind of record, UTF-8, for Excel or LibreOffice.")
        .replace("%1", str(len(files))), *written.details])


def csv_job() -> ExportJob:
    """One CSV file per record kind, in a new folder."""
    return ExportJob(
        title=_tr("Export all records (CSV)"),
        what=_tr(
            "Every current record of this vault, of every case, as spreadsheets: one CSV file"
            " per kind of record, in a new folder. Dates are written as YYYY-MM-DD, and cells"
            " that a spreadsheet could run as a formula are made safe."),
        stem=dated_stem("msp-records-csv"), suffix="", folder_output=True,
        write=lambda session, path: data_export.export_csv(session, path),
        describe=_describe_csv)


# ----- import ------------------------------------------------------------------------------


def plan_text(plan: data_import.ImportPlan, *, done: bool = False) -> str:
    """The counts of a preview (or, `done`, of the import), in words, with the kinds of
    records added and updated."""
    add, update, skip = (str(plan.count(a)) for a in (data_import.ADD, data_import.UPDATE,
                                                      data_import.SKIP))
    if done:
        head = _tr("Added: %1. Updated: %2. Already in this vault (skipped): %3.")
        words = (_tr("Added"), _tr("Updated"))
    else:
        head = _tr("To add: %1. To update: %2. Already in this vault (skipped): %3.")
        words = (_tr("To add"), _tr("To update"))
    lines = [head.replace("%1", add).replace("%2", update).replace("%3", skip)]
    newer = plan.count(data_import.NEWER)
    if newer:
        lines.append(_tr("Changed here since that export (kept as they are): %1.")
                     .replace("%1", str(newer)))
    for action, word in zip((data_import.ADD, data_import.UPDATE), words, strict=True):
        counts = plan.by_kind(action)
        if counts:
            kinds = ", ".join(sorted(f"{_plural(kind)} {n}" for kind, n in counts.items()))
            lines.append(f"{word}: {kinds}")
    return "\n".join(lines)


def _plural(kind: str) -> str:
    k = KINDS.get(kind)
    return QCoreApplication.translate("kinds", k.plural).lower() if k else kind


class ImportDialog(QDialog):
    """Choose a JSON export, preview it (a dry run), then import it.

    Signals:
        imported(object): the services' ImportResult, after the records were written.
    """

    imported = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.plan: data_import.ImportPlan | None = None
        self._planned_path: str | None = None
        self._reading_path: str | None = None
        self.setWindowTitle(_tr("MSP Desktop"))
        self.setAccessibleName(_tr("Import records from JSON"))

        heading = QLabel(_tr("Import records from JSON"), self)
        theme.make_heading(heading, 1.25)
        intro = QLabel(_tr(
            "Loads a JSON export of MSP Desktop (from another vault, or another system that"
            " writes the same format) into this vault. The whole file is checked first, with"
            " the same rules as records typed here; nothing is written until you choose"
            " Import. Records already here are skipped, so importing twice changes nothing."),
            self)
        intro.setWordWrap(True)
        self.file = PathPicker(_tr("JSON file to import"), _tr("Browse for the JSON file"),
                               _tr("Choose a JSON export"), mode=PathMode.FILE,
                               name_filter=JSON_FILTER, parent=self)
        self.file.edit.textChanged.connect(self._file_changed)
        file_label = QLabel(_tr("&File:"), self)
        file_label.setBuddy(self.file)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(file_label, self.file)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setAccessibleName(_tr("What the import does"))
        self.summary.hide()
        self.error_label = error_line(self)
        self.location = QLabel(self)
        self.location.setWordWrap(True)
        self.location.setTextFormat(Qt.TextFormat.PlainText)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.location.setAccessibleName(_tr("Where the problem is"))
        self.location.hide()
        self.progress = BusyIndicator(self)
        self.progress.setAccessibleName(_tr("Import progress"))

        self.buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(_tr("&Preview"), self)
        self.preview_button.setAccessibleName(_tr("Preview the import"))
        self.preview_button.setDefault(True)
        self.import_button = QPushButton(_tr("&Import"), self)
        self.import_button.setAccessibleName(_tr("Import the records"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(_tr("Close"), self)
        self.close_button.setAccessibleName(_tr("Close"))
        for button, role in ((self.preview_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.import_button, QDialogButtonBox.ButtonRole.AcceptRole),
                             (self.close_button, QDialogButtonBox.ButtonRole.RejectRole)):
            self.buttons.addButton(button, role)
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.import_now)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        widget: QWidget
        for widget in (self.progress, self.summary, self.error_label, self.location):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.file.setFocus()

    # showing -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # Qt API name
        super().showEvent(event)
        fit_height(self)

    def _show(self, summary: str = "", error: str = "", location: str = "") -> None:
        for label, text in ((self.summary, summary), (self.error_label, error),
                            (self.location, location)):
            label.setText(text)
            label.setAccessibleDescription(text)
            label.setVisible(bool(text))
        fit_height(self)

    def _file_changed(self) -> None:
        if self.plan is not None or self.error_label.isVisible():
            self.plan = None
            self.import_button.setEnabled(False)
            self._show()

    def _set_busy(self, busy: bool, what: str = "") -> None:
        self.busy = busy
        for w in (self.file, self.preview_button, self.close_button):
            w.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.plan is not None)
        if busy:
            self.progress.start(what)
        else:
            self.progress.stop()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, data_import.ImportRejected):
            self._show(error=_tr("This file cannot be imported. Nothing was written."),
                       location=_tr("Where: %1\nProblem: %2").replace("%1", exc.location)
                       .replace("%2", exc.problem))
        elif isinstance(exc, OSError):
            self._show(error=_tr("The file could not be read: %1").replace(
                "%1", exc.strerror or type(exc).__name__))
        else:
            self._show(error=failure_text(exc))

    # preview -------------------------------------------------------------------------------

    def preview(self) -> None:
        """Check the file and plan the import (a dry run: nothing is written)."""
        if self.busy:
            return
        path = self.file.path()
        if not path or not Path(path).is_file():
            self._show(error=_tr("Choose the JSON file to import."))
            self.file.setFocus()
            return
        self.plan = None
        self._show()
        self._set_busy(True, _tr("Checking the file"))
        self._reading_path = path
        # Bound methods: if the window goes (a lock) before the answer, Qt drops the call.
        self.ctx.read(data_import.plan_import, Path(path), done=self._previewed,
                      failed=self._preview_failed)

    @Slot(object)
    def _previewed(self, plan: data_import.ImportPlan) -> None:
        self.plan = plan
        self._planned_path = self._reading_path
        self._set_busy(False)
        changes = plan.count(data_import.ADD) + plan.count(data_import.UPDATE)
        tail = (_tr("Nothing has been written yet. Choose Import to write these records.")
                if changes else _tr("Every record in the file is already in this vault:"
                                    " there is nothing to import."))
        self._show(summary=plan_text(plan) + "\n" + tail)
        self.import_button.setEnabled(bool(changes))
        (self.import_button if changes else self.close_button).setFocus()

    @Slot(object)
    def _preview_failed(self, exc: BaseException) -> None:
        self.plan = None
        self._set_busy(False)
        self._refused(exc)
        self.file.setFocus()

    # import --------------------------------------------------------------------------------

    def import_now(self) -> None:
        """Write the previewed file (checked again as it is written)."""
        if self.busy or self.plan is None or self._planned_path is None:
            return
        path = Path(self._planned_path)
        self._set_busy(True, _tr("Importing"))
        self.ctx.write(data_import.import_json, path, done=self._imported,
                       failed=self._import_failed)

    @Slot(object)
    def _imported(self, result: data_import.ImportResult) -> None:
        self.plan = None
        self._set_busy(False)
        self._show(summary=_tr("Imported.") + " " + plan_text(result.plan, done=True))
        self.import_button.setEnabled(False)
        self.close_button.setFocus()
        self.ctx.publish(result.changes)
        self.imported.emit(result)

    @Slot(object)
    def _import_failed(self, exc: BaseException) -> None:
        self.plan = None
        self._set_busy(False)
        self._refused(exc)
        self.file.setFocus()

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()
