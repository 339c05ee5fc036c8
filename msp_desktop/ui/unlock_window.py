"""The unlock screen: passphrase, Unlock button, error message and busy indicator.

It does not open anything itself: it emits `unlock_requested(path, passphrase)` and the app
answers with `set_busy(...)` and, on failure, `show_error(message)`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui import theme
from msp_desktop.ui.passphrase import PassphraseEdit
from msp_desktop.ui.workers import BusyIndicator
from msp_desktop.ui.wrapping_label import WrappingLabel


class UnlockWindow(QWidget):
    """Asks for the passphrase of one vault.

    Signals:
        unlock_requested(str, str): vault path and passphrase; the field is cleared right after.
        other_vault_requested(): the user wants to choose another vault.
        recovery_requested(): "Forgotten your passphrase?": recovery with the office's help.
    """

    unlock_requested = Signal(str, str)
    other_vault_requested = Signal()
    recovery_requested = Signal()

    def __init__(self, vault_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_path = str(vault_path)
        self._busy = False
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Unlock"))

        heading = QLabel(self.tr("Unlock your vault"), self)
        theme.make_heading(heading)
        self.vault_label = QLabel(self)
        self.vault_label.setWordWrap(True)
        self.vault_label.setProperty("role", "secondary")
        self.vault_label.setText(self.tr("Vault folder: %1").replace("%1", self._vault_path))

        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label.hide()

        self.passphrase = PassphraseEdit(self.tr("Passphrase"), self)
        passphrase_label = QLabel(self.tr("&Passphrase:"), self)
        passphrase_label.setBuddy(self.passphrase)
        self.reveal = QCheckBox(self.tr("S&how passphrase"), self)
        self.reveal.setAccessibleName(self.tr("Show passphrase"))
        self.reveal.toggled.connect(self.passphrase.set_revealed)

        self.error_label = WrappingLabel("", self)  # never clipped, however long (issue 9)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()

        self.busy = BusyIndicator(self)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.busy_label = QLabel(self.tr("Unlocking… this can take a few seconds."), self)
        self.busy_label.hide()

        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.other_button = QPushButton(self.tr("Use a &different vault…"), self)
        self.other_button.setAccessibleName(self.tr("Use a different vault"))
        self.forgot_button = QPushButton(self.tr("&Forgotten your passphrase?"), self)
        self.forgot_button.setAccessibleName(self.tr("Forgotten your passphrase?"))
        self.forgot_button.setAccessibleDescription(
            self.tr("Set a new passphrase with your office's help."))
        self.forgot_button.setFlat(True)
        self.forgot_button.setAutoDefault(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.vault_label)
        layout.addWidget(self.note_label)
        layout.addSpacing(8)
        layout.addWidget(passphrase_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error_label)
        layout.addWidget(self.reveal)
        forgot_row = QHBoxLayout()
        forgot_row.addWidget(self.forgot_button)
        forgot_row.addStretch(1)
        layout.addLayout(forgot_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.busy_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.other_button.clicked.connect(self.other_vault_requested)
        self.forgot_button.clicked.connect(self.recovery_requested)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.setFocusProxy(self.passphrase)
        self.passphrase.setFocus()

    def vault_path(self) -> str:
        """Return the vault folder this window unlocks."""
        return self._vault_path

    def is_busy(self) -> bool:
        """Return whether an unlock is in progress."""
        return self._busy

    def error(self) -> str:
        """Return the shown error message ('' if none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def show_note(self, text: str) -> None:
        """Show a note above the field (e.g. the demo vault's passphrase)."""
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))
        self.passphrase.setAccessibleDescription(text)

    def show_error(self, message: str) -> None:
        """Show why the unlock failed, tie it to the field, and put focus back there."""
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.passphrase.setAccessibleDescription(message)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleEvent(self.error_label, QAccessible.Event.Alert))

    def clear_error(self) -> None:
        """Hide the error message."""
        self.error_label.clear()
        self.error_label.hide()
        self.passphrase.setAccessibleDescription("")

    def set_busy(self, busy: bool) -> None:
        """Disable input and show the busy indicator while unlocking."""
        self._busy = busy
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.other_button.setEnabled(not busy)
        self.forgot_button.setEnabled(not busy)
        self.reveal.setEnabled(not busy)
        self.busy_label.setVisible(busy)
        if busy:
            self.busy.start(self.busy_label.text())
        else:
            self.busy.stop()
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not passphrase:
            self.show_error(self.tr("Enter your passphrase."))
            return
        self.clear_error()
        self.unlock_requested.emit(self._vault_path, passphrase)
