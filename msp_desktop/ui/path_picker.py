"""A path field: a line edit and a Browse… button, for a folder or a file.

Browse opens Qt's own (non-native) file dialog: it uses the app's font and palette, and adds
nothing to the desktop's recent-files list (paths to case files are not left lying around).
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class PathMode(enum.Enum):
    """What a PathPicker asks for."""

    FOLDER = "folder"
    FILE = "file"


class PathPicker(QWidget):
    """A path line edit with a Browse… button.

    Tab reaches the edit, then the button; a label's buddy set to the picker focuses the edit.
    """

    def __init__(
        self,
        name: str,
        browse_name: str,
        dialog_title: str,
        *,
        mode: PathMode = PathMode.FOLDER,
        name_filter: str = "",
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`name` and `browse_name` are the accessible names of the edit and the button;
        `name_filter` ("Cards (*.json);;All files (*)") applies to FILE mode only."""
        super().__init__(parent)
        if name_filter and mode is PathMode.FOLDER:
            raise ValueError("a file-name filter needs PathMode.FILE")
        self.mode = mode
        self._dialog_title = dialog_title
        self._name_filter = name_filter
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(placeholder)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setAccessibleName(browse_name)
        self.browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.setFocusProxy(self.edit)

    def path(self) -> str:
        """Return the entered path without surrounding spaces ('' if none)."""
        return self.edit.text().strip()

    def set_path(self, path: str) -> None:
        """Show a path."""
        self.edit.setText(path)

    def choose(self, start: str) -> str:
        """Ask for a folder or file ('' if cancelled). Tests replace this."""
        options = QFileDialog.Option.DontUseNativeDialog
        if self.mode is PathMode.FOLDER:
            return QFileDialog.getExistingDirectory(
                self, self._dialog_title, start, options | QFileDialog.Option.ShowDirsOnly
            )
        path, _ = QFileDialog.getOpenFileName(
            self, self._dialog_title, start, self._name_filter, "", options
        )
        return path

    def _browse(self) -> None:
        chosen = self.choose(self.edit.text())
        if chosen:
            self.set_path(chosen)
