"""Asks what kind of amendment this is and why, before a finalised record is amended."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.enums import AMENDMENT_TYPE


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordEditor", text)


class AmendDialog(QDialog):
    """Asks what kind of amendment this is and why; the reason is required."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Amend a finalised record"))
        self.setAccessibleName(_tr("Amend a finalised record"))
        intro = QLabel(_tr("The original stays readable in the history. Say what kind of "
                           "change this is and why; both are kept with the record."), self)
        intro.setWordWrap(True)
        type_label = QLabel(_tr("&Type of amendment"), self)
        self.type_combo = QComboBox(self)
        for c in AMENDMENT_TYPE:
            self.type_combo.addItem(QCoreApplication.translate("choices", c.label), c.code)
        type_label.setBuddy(self.type_combo)
        self.type_combo.setAccessibleName(_tr("Type of amendment"))
        reason_label = QLabel(_tr("&Reason (required)"), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(90)
        self.reason_edit.setAccessibleName(_tr("Reason, required"))
        reason_label.setBuddy(self.reason_edit)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(_tr("&Amend"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(_tr("&Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, type_label, self.type_combo, reason_label, self.reason_edit,
                  self.error, buttons):
            layout.addWidget(w)
        self.resize(480, 300)

    def amendment_type(self) -> str:
        return str(self.type_combo.currentData())

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            msg = _tr("Give a reason for the amendment; it is kept with the record.")
            self.error.setText(msg)
            self.error.setAccessibleName(msg)
            self.error.show()
            self.reason_edit.setAccessibleDescription(msg)
            self.reason_edit.setFocus()
            return
        super().accept()
