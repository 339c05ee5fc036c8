"""Plaintext exports (reliability.md EXP-1): before a PDF, CSV or JSON file leaves the encrypted
vault, a dialog says plainly that anyone who gets it can read it, shows exactly where it will be
written, and asks for the vault passphrase again. The passphrase is checked on the worker
thread right before the export runs there, so a wrong one writes nothing.

`StepUp` is the warning, destination and passphrase part, reused by dialogs that ask more
(the Safeguarding Adults Collection); `ExportDialog` is the whole flow for one export job:
ask, work (busy indicator), then say where the file is, its export id and hash, with an
"Open folder" button. File names never hold case data: they are built from the case
reference (the first characters of the case id), the kind of export and the date.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import step_up
from msp_desktop.services.errors import WrongPassphrase
from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.errors import error_message
from msp_desktop.ui.i18n import plural
from msp_desktop.ui.passphrase import PassphraseEdit
from msp_desktop.ui.path_picker import PathMode, PathPicker
from msp_desktop.ui.scrolling import error_line, fit_height
from msp_desktop.ui.workers import BusyIndicator

log = logging.getLogger(__name__)

_CTX = "Export"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def failure_text(exc: BaseException) -> str:
    """The words for a failed export: the error's own, else a calm pointer to the log."""
    if isinstance(exc, WrongPassphrase):  # the step-up (its own words are the unlock's)
        return _tr("The passphrase is incorrect, so nothing was written. Check Caps Lock and"
                   " the keyboard layout and try again.")
    if not getattr(exc, "user_message", None):
        log.error("An export failed", exc_info=exc)
    return error_message(exc, _tr(
        "Something went wrong and the export was not finished. The details are in the log "
        "file; please tell your IT support."))


# ----- names and folders -------------------------------------------------------------------


def dated_stem(*parts: str, today: dt.date | None = None) -> str:
    """A file or folder name from fixed words and the date ("case-record-1A2B3C4D-2026-12-03")."""
    day = (today or dt.date.today()).isoformat()
    return "-".join([*(p for p in parts if p), day])


def unique_path(folder: Path, stem: str, suffix: str = "") -> Path:
    """`folder/stem+suffix`, or with "-2", "-3"… added so an earlier export is never replaced."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def default_export_folder(ctx: UiContext) -> str:
    """The Settings' default export folder when it exists, else the user's Documents."""
    settings = ctx.settings
    chosen = settings.default_export_dir if settings is not None else ""
    if chosen and Path(chosen).is_dir():
        return chosen
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def open_folder(path: Path) -> bool:
    """Show a folder in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# ----- the step-up panel -------------------------------------------------------------------


class PlaintextWarning(QFrame):
    """The warning box: the file will not be encrypted. (A frame around a label: a wrapped
    label's own stylesheet padding is left out of its height, and its last line clipped.)"""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plaintextWarning")
        notice = theme.NOTICES["warning"]
        self.setStyleSheet(
            f"QFrame#plaintextWarning {{ background: {notice.background};"
            f" border: 2px solid {notice.border}; border-radius: 3px; }}"
            f" QFrame#plaintextWarning QLabel {{ color: {notice.text}; }}")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(_tr("Warning"))
        self.label.setAccessibleDescription(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)

    def text(self) -> str:
        return self.label.text()


class StepUp(QWidget):
    """Where the export goes and the vault passphrase, under the plaintext warning.

    `name` (without the folder) is built by the caller from `stem` and `suffix`; the panel
    shows the full destination and keeps it up to date as the folder changes.

    Signals:
        destination_changed(): the folder was edited.
    """

    destination_changed = Signal()

    def __init__(self, ctx: UiContext, *, stem: str, suffix: str, folder_output: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stem = stem
        self.suffix = suffix
        self.folder_output = folder_output
        self._ctx = ctx
        if folder_output:
            warning = _tr(
                "These files will not be encrypted. Anyone who gets a copy can read them,"
                " without a passphrase. Keep them only where your council allows case records"
                " (an encrypted drive or the council's network), and delete them when they are"
                " no longer needed.")
        else:
            warning = _tr(
                "This file will not be encrypted. Anyone who gets a copy can read it, without"
                " a passphrase. Keep it only where your council allows case records (an"
                " encrypted drive or the council's network), and delete it when it is no"
                " longer needed.")
        self.warning = PlaintextWarning(warning, self)
        self.folder = PathPicker(
            _tr("Folder to write to"), _tr("Browse for the folder to write to"),
            _tr("Choose where to write the export"), mode=PathMode.FOLDER, parent=self)
        self.folder.set_path(default_export_folder(ctx))
        self.folder.edit.textChanged.connect(self._update_destination)
        folder_label = QLabel(_tr("Save in &folder:"), self)
        folder_label.setBuddy(self.folder)
        self.destination = QLabel(self)
        self.destination.setTextFormat(Qt.TextFormat.PlainText)
        self.destination.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = PassphraseEdit(_tr("Vault passphrase"), self)
        self.passphrase.setAccessibleDescription(_tr(
            "Type the passphrase that unlocks this vault, to confirm that you mean to write a"
            " file that is not encrypted."))
        passphrase_label = QLabel(_tr("Vault &passphrase:"), self)
        passphrase_label.setBuddy(self.passphrase)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(folder_label, self.folder)
        form.addRow(QLabel(_tr("File name:") if not folder_output else _tr("Folder name:"),
                           self), self.destination)
        form.addRow(passphrase_label, self.passphrase)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        self._update_destination()

    def wait_text(self) -> str:
        """After repeated wrong passphrases, how long to wait before the next try ('' when
        a try is allowed now)."""
        wait = self._ctx.step_up_backoff.seconds_to_wait()
        if not wait:
            return ""
        return plural(_CTX, "Too many wrong passphrases. Wait 1 second, then try again.",
                      "Too many wrong passphrases. Wait %n seconds, then try again.", wait)

    def ready(self, show_error: Callable[[str], None]) -> tuple[Path, str] | None:
        """The target and the passphrase typed, once both are there and no wait is due;
        otherwise None, with the reason shown and the focus where it can be fixed. The
        passphrase field is cleared: it is not kept on screen while the export runs."""
        target = self.target()
        if target is None:
            show_error(_tr("Choose an existing folder to write to."))
            self.folder.setFocus()
            return None
        passphrase = self.passphrase.text()
        if not passphrase:
            show_error(_tr("Type the vault passphrase to confirm the export."))
            self.passphrase.setFocus()
            return None
        wait = self.wait_text()
        if wait:
            show_error(wait)
            return None
        self.passphrase.clear()
        return target, passphrase

    def checked(self, exc: BaseException | None) -> None:
        """Count the step-up's outcome: a wrong passphrase (exc) makes the next wait longer,
        a right one (None) forgets earlier ones."""
        backoff = self._ctx.step_up_backoff
        if exc is None:
            backoff.record_success()
        elif isinstance(exc, WrongPassphrase):
            backoff.record_failure()

    def set_stem(self, stem: str) -> None:
        """Change the name the export is written under (another year or council)."""
        self.stem = stem
        self._update_destination()

    def target(self) -> Path | None:
        """The path the export will be written to, or None if the folder does not exist."""
        folder = self.folder.path()
        if not folder or not Path(folder).is_dir():
            return None
        return unique_path(Path(folder), self.stem, self.suffix)

    def _update_destination(self) -> None:
        target = self.target()
        if target is None:
            text = _tr("Choose an existing folder.")
        elif self.folder_output:
            text = _tr("%1 (a new folder)").replace("%1", target.name)
        else:
            text = target.name
        self.destination.setText(text)
        self.destination.setAccessibleName(_tr("Will be written as"))
        self.destination.setAccessibleDescription(
            str(target) if target is not None else text)
        self.destination_changed.emit()


# ----- one export --------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What an export wrote, for the person to find and check: the file or folder, and lines
    such as the export id and the content hash."""

    path: Path
    details: list[str] = field(default_factory=list)


def describe_export_result(result: Any) -> Written:
    """The summary of a services.exports.ExportResult (path, export_id, sha256)."""
    return Written(Path(result.path), [
        _tr("Export id: %1").replace("%1", str(result.export_id)),
        _tr("SHA-256 (recorded in the audit log):"), str(result.sha256),
    ])


@dataclass(frozen=True)
class ExportOption:
    """A tick box of an export: `write` gets `keyword=True` when it is ticked."""

    label: str  # with its mnemonic
    keyword: str
    description: str = ""


@dataclass(frozen=True)
class ExportJob:
    """One export the dialog runs: `write(session, path)` on the worker after the step-up
    (with `option.keyword=` ticked or not, when the job has an option)."""

    title: str
    what: str
    stem: str
    suffix: str
    write: Callable[..., Any]
    describe: Callable[[Any], Written] = describe_export_result
    folder_output: bool = False
    option: ExportOption | None = None


class ExportDialog(QDialog):
    """Confirm a plaintext export with the passphrase, run it, then say where it went.

    Signals:
        exported(object): the Written summary, after the export succeeded.
    """

    exported = Signal(object)

    def __init__(self, ctx: UiContext, job: ExportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.written: Written | None = None
        self.busy = False
        self.open_folder: Callable[[Path], object] = open_folder  # tests replace it
        self.setWindowTitle(_tr("MSP Desktop"))
        self.setAccessibleName(job.title)

        heading = QLabel(job.title, self)
        theme.make_heading(heading, 1.25)
        self.what_label = QLabel(job.what, self)
        self.what_label.setWordWrap(True)
        self.option_box: QCheckBox | None = None
        if job.option is not None:
            self.option_box = QCheckBox(job.option.label, self)
            self.option_box.setAccessibleName(job.option.label.replace("&", ""))
            self.option_box.setAccessibleDescription(job.option.description)
            self.option_box.setToolTip(job.option.description)
        self.step_up = StepUp(ctx, stem=job.stem, suffix=job.suffix,
                              folder_output=job.folder_output, parent=self)
        self.error_label = error_line(self)
        self.progress = BusyIndicator(self)
        self.progress.setAccessibleName(_tr("Export progress"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.result_label.setAccessibleName(_tr("Export result"))
        self.result_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.write_button = QPushButton(_tr("&Write the file") if not job.folder_output
                                        else _tr("&Write the files"), self)
        self.write_button.setAccessibleName(self.write_button.text().replace("&", ""))
        self.write_button.setDefault(True)
        self.open_button = QPushButton(_tr("&Open folder"), self)
        self.open_button.setAccessibleName(_tr("Open the folder that holds the export"))
        self.close_button = QPushButton(_tr("Cancel"), self)
        self.close_button.setAccessibleName(_tr("Cancel"))
        self.buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.hide()  # after addButton, which shows it
        self.write_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.what_label)
        if self.option_box is not None:
            layout.addWidget(self.option_box)
        for w in (self.step_up, self.error_label, self.progress, self.result_label,
                  self.buttons):
            layout.addWidget(w)
        # Wide enough for the hash on one line: it cannot wrap, and must be read whole.
        metrics = self.fontMetrics()
        self.setMinimumWidth(max(metrics.averageCharWidth() * 72,
                                 metrics.horizontalAdvance("0" * 64) + 48))
        self.step_up.passphrase.setFocus()

    def show_error(self, text: str) -> None:
        """Say what is wrong, under the form (and to a screen reader on the passphrase)."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.step_up.passphrase.setAccessibleDescription(text)
        fit_height(self)

    def showEvent(self, event: QShowEvent) -> None:  # Qt API name
        super().showEvent(event)
        fit_height(self)

    def start(self) -> None:
        """Check the form, then check the passphrase and export, both on the worker."""
        if self.busy:
            return
        ready = self.step_up.ready(self.show_error)
        if ready is None:
            return
        target, passphrase = ready
        self.show_error("")
        self._set_busy(True)
        write = self.job.write
        option = self.job.option
        extra = ({option.keyword: self.option_box.isChecked()}
                 if option is not None and self.option_box is not None else {})
        self.ctx.write(step_up.after_step_up, passphrase,
                       lambda session: write(session, target, **extra),
                       done=self._done, failed=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.step_up, self.option_box, self.write_button, self.close_button):
            if w is not None:
                w.setEnabled(not busy)
        if busy:
            self.progress.start(_tr("Writing the export"))
        else:
            self.progress.stop()

    @Slot(object)
    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.step_up.checked(None)
        written = self.job.describe(result)
        self.written = written
        where = (_tr("Written to the folder %1") if self.job.folder_output
                 else _tr("Written to %1")).replace("%1", str(written.path))
        text = "\n".join([where, *written.details])
        self.result_label.setText(text)
        self.result_label.setAccessibleDescription(text)
        self.result_label.show()
        self.step_up.hide()
        if self.option_box is not None:
            self.option_box.hide()
        self.write_button.hide()
        self.open_button.show()
        self.close_button.setText(_tr("Close"))
        self.close_button.setAccessibleName(_tr("Close"))
        self.close_button.setDefault(True)
        self.open_button.setFocus()
        fit_height(self)
        self.exported.emit(written)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._set_busy(False)
        assert isinstance(exc, BaseException)
        self.step_up.checked(exc)
        self.show_error(failure_text(exc))
        self.step_up.passphrase.setFocus()

    def folder_of_result(self) -> Path | None:
        """The folder to open: the export's own folder, or the one holding the file."""
        if self.written is None:
            return None
        path = self.written.path
        return path if self.job.folder_output else path.parent

    def _open_folder(self) -> None:
        folder = self.folder_of_result()
        if folder is not None:
            self.open_folder(folder)

    def reject(self) -> None:
        """Cancel (not while the export runs: it finishes, then the dialog can close)."""
        if self.busy:
            return
        super().reject()
