"""Create a new vault: folder, names, passphrase (twice, with strength) and a recovery card.

The dialog does not create anything itself: `create_requested(CreateVaultRequest)` is emitted
once every field is valid and the app answers with `set_busy(...)`, then `accept()` or
`show_error(message)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from msp_desktop.services.errors import VaultError
from msp_desktop.services.recovery import card_fingerprint_matches, load_recovery_card
from msp_desktop.services.session import default_author, default_device_name
from msp_desktop.ui import theme
from msp_desktop.ui.passphrase import PassphraseFields
from msp_desktop.ui.path_picker import PathMode, PathPicker
from msp_desktop.ui.scrolling import lay_out_scrolling_form, status_widgets

APP_DIR_NAME = "MSP Desktop"


def default_vault_folder() -> str:
    """Return the suggested vault folder (the user's data folder)."""
    return str(Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "vault")


@dataclass(frozen=True, repr=False)
class CreateVaultRequest:
    """What the user asked for. `repr` hides the passphrase."""

    folder: str
    author: str
    device_name: str
    passphrase: str
    recovery_card: str  # '' when none
    # The card loaded from that file whose fingerprint the person confirmed (None when none):
    # the vault is created with this object, so the card checked is the card used.
    confirmed_card: Any = None

    def __repr__(self) -> str:
        return f"CreateVaultRequest(folder={self.folder!r}, card={bool(self.recovery_card)})"


class CreateVaultDialog(QDialog):
    """Set up a new encrypted vault.

    Signals:
        create_requested(object): a CreateVaultRequest with every field checked.
    """

    create_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, folder: str | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Create a new vault"))

        heading = QLabel(self.tr("Create a new vault"), self)
        theme.make_heading(heading)

        self.folder = PathPicker(
            self.tr("Vault folder"), self.tr("Browse for the vault folder"),
            self.tr("Choose a folder for the vault"), parent=self,
        )
        self.folder.set_path(folder or default_vault_folder())
        self.author = QLineEdit(default_author(), self)
        self.author.setAccessibleName(self.tr("Your name"))
        self.author.setAccessibleDescription(self.tr("Shown on every record you write."))
        self.device = QLineEdit(default_device_name(), self)
        self.device.setAccessibleName(self.tr("This laptop's name"))
        self.device.setAccessibleDescription(
            self.tr("Helps the office tell your laptops apart when records are shared.")
        )
        self.field_error = QLabel(self)
        self.field_error.setProperty("role", "error")
        self.field_error.setWordWrap(True)
        self.field_error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, widget in (
            (self.tr("Vault &folder:"), self.folder),
            (self.tr("Your na&me:"), self.author),
            (self.tr("This &laptop's name:"), self.device),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget.focusProxy() or widget)
            form.addRow(label, widget)

        explain = QLabel(
            self.tr(
                "Your passphrase protects every case note in this vault. Without it, nobody "
                "can read them, including anyone who finds or steals this laptop. Choose a few "
                "unrelated words you can remember. If you forget the passphrase and the vault "
                "has no office recovery card, nobody can get your notes back, not even IT "
                "support."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.passphrase = PassphraseFields(self, user_inputs=(default_author(),))

        card_heading = QLabel(self.tr("Office recovery card (recommended)"), self)
        card_heading.setProperty("role", "heading")
        card_font = card_heading.font()
        card_font.setBold(True)
        card_heading.setFont(card_font)
        card_help = QLabel(
            self.tr(
                "Your office can give you a recovery card file. With it, the office can help "
                "you back into the vault if you forget your passphrase. You can leave this "
                "empty."
            ),
            self,
        )
        card_help.setWordWrap(True)
        card_help.setProperty("role", "secondary")
        self.card = PathPicker(
            self.tr("Office recovery card file"), self.tr("Browse for the recovery card"),
            self.tr("Choose the office recovery card"), mode=PathMode.FILE,
            name_filter=self.tr("Recovery cards (*.json *.card *.txt);;All files (*)"),
            placeholder=self.tr("No recovery card"), parent=self,
        )
        card_label = QLabel(self.tr("Recovery car&d file:"), self)
        card_label.setBuddy(self.card.edit)
        # A swapped card would give its maker the key of this vault: the person compares the
        # card's fingerprint with the one the office reads out, and types it.
        self._card: Any = None
        self._card_path = ""  # the card file last read
        self.card_info = QLabel(self)
        self.card_info.setWordWrap(True)
        self.card_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card_info.hide()
        self.card_confirm = QLineEdit(self)
        self.card_confirm.setAccessibleName(self.tr("Fingerprint the office read out"))
        self.card_confirm.setPlaceholderText(self.tr("For example ABCD-EFGH-IJKL-MNOP"))
        self.card_confirm_label = QLabel(self.tr("Fingerprint the office read &out:"), self)
        self.card_confirm_label.setBuddy(self.card_confirm)
        self.card_status = QLabel(self)
        self.card_status.setWordWrap(True)
        self.card_status.setProperty("role", "secondary")

        self.error_label, self.busy, self.busy_label = status_widgets(
            self, self.tr("Creating the vault"),
            self.tr("Creating the vault… this can take a few seconds."))

        self.create_button = QPushButton(self.tr("C&reate vault"), self)
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        lay_out_scrolling_form(
            self,
            [heading, form, self.field_error, 8, explain, self.passphrase, 8, card_heading,
             card_help, card_label, self.card, self.card_info, self.card_confirm_label,
             self.card_confirm, self.card_status],
            [self.error_label, self.busy, self.busy_label, buttons],
        )

        self.create_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        self.card.edit.textChanged.connect(self._card_changed)
        self.card_confirm.textChanged.connect(self._update_card_check)
        self._card_changed()
        em = self.fontMetrics().averageCharWidth()
        self.resize(self.sizeHint())
        self.setMinimumWidth(em * 64)
        self.folder.edit.setFocus()

    def sizeHint(self) -> QSize:  # Qt API name
        """Tall enough to show the whole form without scrolling, where the screen allows."""
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 80, fm.height() * 44)

    # public API ----------------------------------------------------------------------------

    def request(self) -> CreateVaultRequest:
        """Return what the form holds (unchecked)."""
        return CreateVaultRequest(
            folder=self.folder.path(),
            author=self.author.text().strip(),
            device_name=self.device.text().strip(),
            passphrase=self.passphrase.text(),
            recovery_card=self.card.path(),
            confirmed_card=self._card if self.card_confirmed() else None,
        )

    def card_confirmed(self) -> bool:
        """Whether a card is chosen, valid, and its fingerprint typed as the office read it."""
        return self._card is not None and card_fingerprint_matches(
            self._card, self.card_confirm.text())

    def error(self) -> str:
        """Return the shown error ('' if none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def is_busy(self) -> bool:
        """Return whether the vault is being created."""
        return self._busy

    def show_error(self, message: str) -> None:
        """Show why the vault could not be created."""
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.create_button.setAccessibleDescription(message)
        self.create_button.setFocus(Qt.FocusReason.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleEvent(self.error_label, QAccessible.Event.Alert))

    def set_busy(self, busy: bool) -> None:
        """Disable the form while the vault is created."""
        self._busy = busy
        for w in (self.folder, self.author, self.device, self.passphrase, self.card,
                  self.card_confirm, self.cancel_button):
            w.setEnabled(not busy)
        self._update_card_check()
        self.busy_label.setVisible(busy)
        if busy:
            self.busy.start(self.busy_label.text())
        else:
            self.busy.stop()

    def reject(self) -> None:  # Qt API name
        """Cancel, unless the vault is being created right now."""
        if not self._busy:
            self.passphrase.clear()
            super().reject()

    # internals -----------------------------------------------------------------------------

    def _field_problem(self) -> tuple[str, QWidget | None]:
        req = self.request()
        if not req.folder:
            return self.tr("Choose a folder for the vault."), self.folder.edit
        if (Path(req.folder) / "vault.db").exists():
            return (
                self.tr("A vault already exists in this folder. Open it instead, "
                        "or choose another folder."),
                self.folder.edit,
            )
        if not req.author:
            return self.tr("Enter your name."), self.author
        if not req.device_name:
            return self.tr("Enter a name for this laptop."), self.device
        if req.recovery_card and self._card is None:  # not found, or not a valid card
            return self.card_info.text(), self.card.edit
        if req.recovery_card and req.confirmed_card is None:
            return (self.tr("Type the recovery card's fingerprint as the office reads it out "
                            "to you."), self.card_confirm)
        return "", None

    def _card_changed(self) -> None:
        """Load the chosen card and show its fingerprint (or why it cannot be used). The file
        is read once per path: an edit that leaves the path as it was reads nothing."""
        path = self.card.path()
        if path and path == self._card_path:
            return
        self._card = None
        self._card_path = ""
        if not path:
            self.card_info.hide()
        elif not Path(path).is_file():
            self.card_info.setText(self.tr("The recovery card file was not found."))
            self.card_info.show()
        else:
            self._card_path = path
            try:
                self._card = load_recovery_card(path)
            except VaultError as exc:
                self.card_info.setText(exc.user_message)
            else:
                self.card_info.setText(
                    self.tr("Card: %1. Phone your office and check they read out the same "
                            "fingerprint as this one, then type it below.\nFingerprint: %2")
                    .replace("%1", self._card.name).replace("%2", self._card.fingerprint))
            self.card_info.show()
        self.card_info.setAccessibleDescription(self.card_info.text())
        self.card.edit.setAccessibleDescription(self.card_info.text() if path else "")
        self._update_card_check()

    def _update_card_check(self) -> None:
        has_card = bool(self.card.path())
        for w in (self.card_confirm_label, self.card_confirm, self.card_status):
            w.setVisible(has_card)
        if not has_card:
            status = ""
        elif self._card is None:
            status = self.tr("This card cannot be used.")
        elif self.card_confirmed():
            status = self.tr("The fingerprint matches the card.")
        elif self.card_confirm.text().strip():
            status = self.tr("This does not match the card's fingerprint. If the office read "
                             "out a different one, do not use this card: ask for it again.")
        else:
            status = self.tr("Type the fingerprint the office reads out to you.")
        self.card_status.setText(status)
        self.card_confirm.setAccessibleDescription(status)
        ready = not has_card or self.card_confirmed()
        self.create_button.setEnabled(ready and not self._busy)
        self.create_button.setAccessibleDescription(
            "" if ready else self.tr("Confirm the recovery card's fingerprint first."))

    def _submit(self) -> None:
        if self._busy:
            return
        self.error_label.hide()
        problem, widget = self._field_problem()
        self.field_error.setText(problem)
        self.field_error.setVisible(bool(problem))
        for w in (self.folder.edit, self.author, self.device, self.card.edit):
            w.setAccessibleDescription(problem if w is widget else "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.passphrase.validate():
            return
        self.create_requested.emit(self.request())
