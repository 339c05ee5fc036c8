"""Changing the vault's encryption key from Settings (`vault rekey` in the app).

The dialog asks for the current passphrase (and, if wanted, a new one), runs the service on
the worker thread with progress, and then says plainly what earlier backups still open with.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui import theme
from msp_desktop.ui.errors import error_message
from msp_desktop.ui.passphrase import PassphraseEdit, PassphraseFields
from msp_desktop.ui.scrolling import fit_height, status_widgets
from msp_desktop.ui.workers import ProgressRelay, TaskRunner


class RekeyDialog(QDialog):
    """Give the open vault a new encryption key (and optionally a new passphrase).

    Signals:
        rekeyed(): the key was changed.
    """

    rekeyed = Signal()

    def __init__(
        self, session: Any, runner: TaskRunner, parent: QWidget | None = None, *, kdf: Any = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._kdf = kdf
        self._progress = ProgressRelay(self)
        self._progress.progressed.connect(self._on_step)
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Change the encryption key"))

        heading = QLabel(self.tr("Change the encryption key"), self)
        theme.make_heading(heading)
        intro = QLabel(self.tr(
            "Do this if your passphrase or a copy of the vault's key file may have been seen "
            "by someone else. The vault gets a new encryption key, and old copies of the key "
            "file stop opening it. This can take a minute for a large vault."), self)
        intro.setWordWrap(True)

        self.current = PassphraseEdit(self.tr("Current passphrase"), self)
        current_label = QLabel(self.tr("C&urrent passphrase:"), self)
        current_label.setBuddy(self.current)
        self.change_passphrase = QCheckBox(self.tr("Also choose a &new passphrase"), self)
        self.change_passphrase.setAccessibleName(self.tr("Also choose a new passphrase"))
        self.new_fields = PassphraseFields(self)
        self.new_fields.hide()
        self.change_passphrase.toggled.connect(self.new_fields.setVisible)
        self.change_passphrase.toggled.connect(lambda _on: fit_height(self))

        self.error_label, self.progress, self.status = status_widgets(
            self, self.tr("Progress of the key change"), "")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self.tr("Change the &key"), self)
        self.start_button.setAccessibleName(self.tr("Change the key"))
        self.start_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        for w in (heading, intro, current_label, self.current, self.change_passphrase,
                  self.new_fields, self.progress, self.status, self.error_label, self.buttons):
            layout.addWidget(w)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.current.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.current.setAccessibleDescription(message)
        fit_height(self)

    def start(self) -> None:
        """Check the fields and start the change on the worker thread."""
        passphrase = self.current.text()
        if not passphrase:
            self._show_error(self.tr("Enter your current passphrase."))
            self.current.setFocus()
            return
        new: str | None = None
        if self.change_passphrase.isChecked():
            if not self.new_fields.validate():
                return
            new = self.new_fields.text()
        self._show_error("")
        self._set_busy(True)
        task = self._runner.run(self._session.rekey, passphrase, new_passphrase=new,
                                kdf=self._kdf, progress=self._progress)
        self.current.clear()
        self.new_fields.clear()
        task.succeeded.connect(lambda _r: self._on_done())
        task.failed.connect(self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.current, self.change_passphrase, self.new_fields, self.start_button,
                  self.close_button):
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.status.setVisible(busy)
        self.status.setText(self.tr("Preparing the new key…") if busy else "")
        fit_height(self)

    def _on_step(self, name: str, done: int, total: int) -> None:
        self.status.setText(self.tr(name))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setAccessibleDescription(f"{name}: {done}/{total}")

    def _on_done(self) -> None:
        from msp_desktop.services.session import old_backups_note

        self._set_busy(False)
        self.status.show()
        self.status.setText(self.tr("The encryption key was changed.") + " "
                            + old_backups_note(rekey=True))  # not translated (the CLI's words)
        self.status.setAccessibleName(self.tr("Result"))
        self.start_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()
        fit_height(self)
        self.rekeyed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(error_message(exc, self.tr(
            "Something went wrong and the encryption key was not changed. The details are in "
            "the log file; please tell your IT support.")))
        self.current.setFocus()
