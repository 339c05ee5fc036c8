"""The Settings dialog: auto-lock, default folders and text size; with a vault open, changing
its encryption key and the vault's reporting council (kept in the vault, not in the settings
file, so it travels with the vault)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import sac_report
from msp_desktop.ui import theme
from msp_desktop.ui.council_combo import CouncilCombo, reporting_councils
from msp_desktop.ui.path_picker import PathPicker
from msp_desktop.ui.settings import Settings


class SettingsDialog(QDialog):
    """Edits the user's preferences; writes them on OK.

    Signals:
        saved(): the settings were written.
    """

    saved = Signal()

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *,
        change_key: Callable[[], object] | None = None, session: Any = None,
    ) -> None:
        """change_key: shows the key-change dialog (only while a vault is open); session: the
        open vault's session, whose reporting council the dialog shows and sets."""
        super().__init__(parent)
        self._settings = settings
        self._session = session
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Settings"))

        heading = QLabel(self.tr("Settings"), self)
        theme.make_heading(heading)

        self.auto_lock = QSpinBox(self)
        var = Settings.auto_lock_minutes
        assert var.minimum is not None and var.maximum is not None
        self.auto_lock.setRange(var.minimum, var.maximum)
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.auto_lock.setAccessibleName(self.tr("Lock after minutes without use"))
        self.auto_lock.setAccessibleDescription(
            self.tr("MSP Desktop locks itself after this many minutes with no key or mouse use.")
        )

        self.export_dir = PathPicker(
            self.tr("Default export folder"),
            self.tr("Browse for the default export folder"),
            self.tr("Choose the default export folder"),
            placeholder=self.tr("Not set"),
            parent=self,
        )
        self.bundle_dir = PathPicker(
            self.tr("Default bundle folder"),
            self.tr("Browse for the default bundle folder"),
            self.tr("Choose the default bundle folder"),
            placeholder=self.tr("Not set"),
            parent=self,
        )

        self.font_size = QSpinBox(self)
        scale = Settings.font_scale
        assert scale.minimum is not None and scale.maximum is not None
        self.font_size.setRange(round(scale.minimum * 100), round(scale.maximum * 100))
        self.font_size.setSingleStep(25)
        self.font_size.setSuffix("%")
        self.font_size.setAccessibleName(self.tr("Text size, percent of the system size"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._add_row(form, self.tr("&Lock after:"), self.auto_lock)
        self._add_row(form, self.tr("Default &export folder:"), self.export_dir)
        self._add_row(form, self.tr("Default &bundle folder:"), self.bundle_dir)
        self._add_row(form, self.tr("&Text size:"), self.font_size)
        self.reporting_council: CouncilCombo | None = None
        self._council_was: str | None = None
        if session is not None:
            self._council_was = sac_report.reporting_council(session)
            # Once set, a vault keeps a reporting council: "not set" is offered only before.
            self.reporting_council = CouncilCombo(
                reporting_councils(), self.tr("Reporting council of this vault"),
                unset_text=self.tr("— not set —") if self._council_was is None else None,
                parent=self)
            self.reporting_council.setToolTip(self.tr(
                "The council whose Safeguarding Adults Collection this vault's cases are"
                " counted for. Kept in the vault."))
            self._add_row(form, self.tr("Reporting &council:"), self.reporting_council)

        note = QLabel(
            self.tr("Settings never contain case records. Text size applies immediately."), self
        )
        note.setWordWrap(True)
        note.setProperty("role", "secondary")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save"))
        ok.setAccessibleName(self.tr("Save settings"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        self.change_key_button: QPushButton | None = None
        if change_key is not None:
            button = QPushButton(self.tr("Change the encryption &key…"), self)
            button.setAccessibleName(self.tr("Change the encryption key"))
            button.setAccessibleDescription(self.tr(
                "Gives the open vault a new encryption key, after a passphrase or key file "
                "may have been seen by someone else."))
            button.clicked.connect(lambda: change_key())
            self.change_key_button = button
            layout.addWidget(button)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.load()

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, field)

    def load(self) -> None:
        """Show the stored values."""
        s = self._settings
        self.auto_lock.setValue(s.auto_lock_minutes)
        self.export_dir.set_path(s.default_export_dir)
        self.bundle_dir.set_path(s.default_bundle_dir)
        self.font_size.setValue(round(s.font_scale * 100))
        if self.reporting_council is not None:
            self.reporting_council.set_code(self._council_was)

    def save(self) -> None:
        """Write the shown values."""
        s = self._settings
        s.auto_lock_minutes = self.auto_lock.value()
        s.default_export_dir = self.export_dir.path()
        s.default_bundle_dir = self.bundle_dir.path()
        s.font_scale = self.font_size.value() / 100.0
        s.sync()
        council = self.reporting_council.code() if self.reporting_council is not None else None
        if council is not None and council != self._council_was:
            sac_report.set_reporting_council(self._session, council)
            self._council_was = council
        self.saved.emit()

    def accept(self) -> None:
        """Save, then close."""
        self.save()
        super().accept()
