"""The first-run chooser: create a vault, open one, or explore the demo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui import theme
from msp_desktop.ui.workers import BusyIndicator
from msp_desktop.ui.wrapping_label import WrappingLabel


class StartWindow(QWidget):
    """Shown when no vault is known yet. Emits what the user chose; opens nothing itself.

    Signals:
        create_requested(): set up a new vault.
        open_requested(str): open the vault folder at this path.
        demo_requested(): open a vault of synthetic demo cases.
        settings_requested(): show the Settings dialog.
    """

    create_requested = Signal()
    open_requested = Signal(str)
    demo_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Welcome"))

        heading = QLabel(self.tr("Welcome to MSP Desktop"), self)
        theme.make_heading(heading)
        intro = QLabel(
            self.tr(
                "MSP Desktop keeps your adult safeguarding case notes in an encrypted vault "
                "on this computer. It works without an internet connection."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.create_button = QPushButton(self.tr("&Create a new vault…"), self)
        self.open_button = QPushButton(self.tr("&Open an existing vault…"), self)
        self.demo_button = QPushButton(self.tr("&Explore the demo"), self)
        self.settings_button = QPushButton(self.tr("&Settings…"), self)
        self.create_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(10)
        self._add_choice(
            layout,
            self.create_button,
            self.tr("Create a new vault"),
            self.tr("Set up a new encrypted vault for your own case notes."),
        )
        self._add_choice(
            layout,
            self.open_button,
            self.tr("Open an existing vault"),
            self.tr("Choose a vault folder that is already on this computer."),
        )
        self._add_choice(
            layout,
            self.demo_button,
            self.tr("Explore the demo"),
            self.tr("Try MSP Desktop with made-up people and cases. Nothing real is stored."),
        )
        self.error_label = WrappingLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        self.busy = BusyIndicator(self)
        self.busy_label = QLabel(self)
        self.busy_label.setWordWrap(True)
        self.busy_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.busy_label)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.settings_button)
        self.settings_button.setAccessibleName(self.tr("Settings"))
        layout.addLayout(footer)

        self.create_button.clicked.connect(self.create_requested)
        self.open_button.clicked.connect(self._open)
        self.demo_button.clicked.connect(self.demo_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.create_button.setFocus()

    def _add_choice(
        self, layout: QVBoxLayout, button: QPushButton, name: str, description: str
    ) -> None:
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        label = QLabel(description, self)
        label.setWordWrap(True)
        label.setProperty("role", "secondary")
        row = QVBoxLayout()
        row.setSpacing(2)
        row.addWidget(button)
        row.addWidget(label)
        layout.addLayout(row)
        layout.addSpacing(6)

    def set_busy(self, busy: bool, message: str = "") -> None:
        """Show a busy indicator (e.g. while the demo is prepared) and disable the choices."""
        for b in (self.create_button, self.open_button, self.demo_button, self.settings_button):
            b.setEnabled(not busy)
        self.busy_label.setText(message)
        self.busy_label.setVisible(busy and bool(message))
        if busy:
            self.error_label.hide()
            self.busy.start(message)
        else:
            self.busy.stop()

    def show_error(self, message: str) -> None:
        """Say why the chosen action failed."""
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.create_button.setFocus()

    def choose_vault_folder(self) -> str:
        """Ask for a vault folder ('' if cancelled). Non-native: nothing goes to recent files."""
        return QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose a vault folder"),
            "",
            QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
        )

    def _open(self) -> None:
        path = self.choose_vault_folder()
        if path:
            self.open_requested.emit(path)
