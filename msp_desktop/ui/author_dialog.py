"""The one-time question "your name on records", for a vault made without the worker's name
(from the command line, where the computer login stood in for it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services.session import MAX_AUTHOR_LENGTH
from msp_desktop.ui import theme
from msp_desktop.ui.wrapping_label import WrappingLabel


class AuthorDialog(QDialog):
    """Asks once for the name shown on the worker's records and exports, prefilled with the
    name the vault has now.

    Signals:
        name_chosen(str): the name to use (trimmed, not empty).
    """

    name_chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Your name on records"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        heading = QLabel(self.tr("Your name on records"), self)
        theme.make_heading(heading, 1.25)
        explain = WrappingLabel(self.tr(
            "This vault was set up without your name, so your records would show the "
            "computer login \u201c%1\u201d. Type your name as it should appear on your records "
            "and exports. You are asked this once.").replace("%1", current), self)
        self.name = QLineEdit(current, self)
        self.name.setMaxLength(MAX_AUTHOR_LENGTH)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setAccessibleDescription(self.tr("Shown on every record you write."))
        self.name.selectAll()
        label = QLabel(self.tr("Your &name:"), self)
        label.setBuddy(self.name)
        self.error_label = WrappingLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.use_button = self.buttons.addButton(self.tr("&Use this name"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setAccessibleName(self.tr("Use this name"))
        self.use_button.setDefault(True)
        later = self.buttons.addButton(self.tr("Ask me &later"),
                                       QDialogButtonBox.ButtonRole.RejectRole)
        later.setAccessibleName(self.tr("Ask me later"))
        self.buttons.accepted.connect(self._use)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addSpacing(6)
        layout.addWidget(label)
        layout.addWidget(self.name)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.name.setFocus()

    def _use(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.error_label.setText(self.tr("Enter your name."))
            self.error_label.show()
            self.name.setAccessibleDescription(self.error_label.text())
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.name_chosen.emit(name)
        self.accept()
