"""Forgotten passphrase: recovery by request and reply, from the unlock window.

Step 1 saves a recovery request file (no passphrase needed) and shows the request code the
worker reads out to the office by phone. Step 2, once the office's reply has arrived, takes the
reply file and a new passphrase. The office's identity never comes to the laptop.

The dialog writes the request itself (fast, no key derivation). For step 2 it only checks the
reply and emits `recover_requested(vault, reply, passphrase)`; the app opens the vault off the
GUI thread and answers with `set_busy(...)`, then `accept()` or `show_error(message)`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from msp_desktop.services import recovery
from msp_desktop.services.errors import VaultError
from msp_desktop.ui import theme
from msp_desktop.ui.passphrase import PassphraseFields
from msp_desktop.ui.path_picker import PathMode, PathPicker
from msp_desktop.ui.scrolling import lay_out_scrolling_form, status_widgets

REQUEST_SUFFIX = ".msprecovery-request"


class RecoveryDialog(QDialog):
    """Recover a vault whose passphrase is forgotten, with the office's help.

    Signals:
        recover_requested(str, str, str): vault folder, reply file, new passphrase.
    """

    recover_requested = Signal(str, str, str)

    def __init__(self, vault_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_path = str(vault_path)
        self._busy = False
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Forgotten your passphrase?"))

        heading = QLabel(self.tr("Forgotten your passphrase?"), self)
        theme.make_heading(heading)
        intro = QLabel(self.tr(
            "Your office can help you set a new passphrase, in two steps. You send them a "
            "recovery request file; they send back a reply file. Nobody else can use either "
            "file to open your vault."), self)
        intro.setWordWrap(True)

        self.unavailable_label = QLabel(self)
        self.unavailable_label.setWordWrap(True)
        self.unavailable_label.setProperty("role", "error")
        self.unavailable_label.hide()

        step1 = QLabel(self.tr("Step 1: save a recovery request and send it to your office."),
                       self)
        step1.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save recovery request…"), self)
        self.save_button.setAccessibleName(self.tr("Save recovery request"))
        self.code_label = QLabel(self)
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setAccessibleName(self.tr("Request code"))
        self.code_label.hide()

        step2 = QLabel(self.tr(
            "Step 2: when the office's reply arrives, choose the reply file and set a new "
            "passphrase."), self)
        step2.setWordWrap(True)
        self.reply = PathPicker(
            self.tr("Reply file from the office"), self.tr("Browse for the reply file"),
            self.tr("Choose the office's reply"), mode=PathMode.FILE,
            name_filter=self.tr("Recovery replies (*.json *.msprecovery-reply);;All files (*)"),
            placeholder=self.tr("The reply file the office sent you"), parent=self,
        )
        reply_label = QLabel(self.tr("&Reply file:"), self)
        reply_label.setBuddy(self.reply.edit)
        self.passphrase = PassphraseFields(self)

        self.error_label, self.busy, self.busy_label = status_widgets(
            self, self.tr("Opening the vault"),
            self.tr("Opening the vault… this can take a few seconds."))

        self.recover_button = QPushButton(self.tr("Set &passphrase and open"), self)
        self.recover_button.setAccessibleName(self.tr("Set passphrase and open"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.recover_button)

        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        # The form scrolls at large text sizes; the outcome and the buttons stay in view.
        self._body = lay_out_scrolling_form(
            self,
            [heading, intro, self.unavailable_label, 6, step1, row, self.code_label, 6, step2,
             reply_label, self.reply, self.passphrase],
            [self.error_label, self.busy, self.busy_label, buttons],
        )

        self.save_button.clicked.connect(self._save_request)
        self.recover_button.clicked.connect(self._submit)
        self.close_button.clicked.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        # Room for the whole form (the strength meter and hints must never be squashed).
        self.passphrase.setMinimumHeight(self.passphrase.sizeHint().height())
        self.resize(self.sizeHint())
        self._load_state()

    def sizeHint(self) -> QSize:  # Qt API name
        """Tall enough to show the whole form without scrolling, where the screen allows."""
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 76, self._body.sizeHint().height() + fm.height() * 4)

    # public API ----------------------------------------------------------------------------

    def request_code(self) -> str:
        """Return the code of the request waiting for a reply ('' if none)."""
        return self._code

    def error(self) -> str:
        """Return the shown error ('' if none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def is_busy(self) -> bool:
        """Return whether the vault is being opened."""
        return self._busy

    def choose_request_path(self) -> str:
        """Ask where to save the request ('' if cancelled). Tests replace this."""
        start = str(Path.home() / f"recovery-request{REQUEST_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery request"), start,
            self.tr("Recovery requests (*%1);;All files (*)").replace("%1", REQUEST_SUFFIX),
            "", QFileDialog.Option.DontUseNativeDialog,
        )
        return path

    def show_error(self, message: str) -> None:
        """Show why a step failed, and announce it."""
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.recover_button.setAccessibleDescription(message)
        QAccessible.updateAccessibility(QAccessibleEvent(self.error_label, QAccessible.Event.Alert))

    def set_busy(self, busy: bool) -> None:
        """Disable the form while the vault is opened."""
        self._busy = busy
        for w in (self.save_button, self.reply, self.passphrase, self.recover_button,
                  self.close_button):
            w.setEnabled(not busy and (w is self.close_button or self._available))
        self.busy_label.setVisible(busy)
        if busy:
            self.busy.start(self.busy_label.text())
        else:
            self.busy.stop()

    def reject(self) -> None:  # Qt API name
        """Close, unless the vault is being opened right now."""
        if not self._busy:
            self.passphrase.clear()
            super().reject()

    # internals -----------------------------------------------------------------------------

    def _load_state(self) -> None:
        self._code = ""
        self._available = True
        try:
            self._available = recovery.has_recovery_slot(self._vault_path)
            pending = recovery.pending_request(self._vault_path) if self._available else None
        except VaultError as exc:
            self._available = False
            self.unavailable_label.setText(exc.user_message)
            pending = None
        else:
            if not self._available:
                self.unavailable_label.setText(self.tr(
                    "This vault was created without an office recovery card, so the office "
                    "cannot help open it. Nobody can open it without the passphrase."))
        self.unavailable_label.setVisible(not self._available)
        if pending is not None:
            self._show_code(pending.code, saved_now=False)
        self.set_busy(False)
        (self.save_button if self._available else self.close_button).setFocus()

    def _show_code(self, code: str, *, saved_now: bool) -> None:
        self._code = code
        if saved_now:
            text = self.tr(
                "Request saved. Send the file to your office, then phone them and read out "
                "this request code so they can check it:\n%1").replace("%1", code)
        else:
            text = self.tr(
                "A recovery request is waiting for the office's reply. Its code is:\n%1\n"
                "Saving a new request replaces it: a reply to the old one then cannot be used."
            ).replace("%1", code)
        self.code_label.setText(text)
        self.code_label.setAccessibleDescription(text)
        self.code_label.show()

    def _save_request(self) -> None:
        if self._busy or not self._available:
            return
        path = self.choose_request_path()
        if not path:
            return
        self.error_label.hide()
        try:
            info = recovery.write_recovery_request(self._vault_path, path)
        except (VaultError, ValueError, OSError) as exc:
            message = getattr(exc, "user_message", None) or (
                str(exc) if isinstance(exc, ValueError) else self.tr(
                    "The request could not be saved there. Choose another place, for example "
                    "your documents folder."))
            self.show_error(message)
            return
        self._show_code(info.code, saved_now=True)
        self.code_label.setFocus(Qt.FocusReason.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleEvent(self.code_label, QAccessible.Event.Alert))

    def _submit(self) -> None:
        if self._busy or not self._available:
            return
        self.error_label.hide()
        reply = self.reply.path()
        if not reply or not Path(reply).is_file():
            self.show_error(self.tr("Choose the reply file the office sent you."))
            self.reply.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            recovery.check_reply(self._vault_path, reply)
        except VaultError as exc:
            self.show_error(exc.user_message)
            self.reply.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.passphrase.validate():
            return
        self.recover_requested.emit(self._vault_path, reply, self.passphrase.text())
