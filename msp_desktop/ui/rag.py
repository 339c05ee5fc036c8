"""Red / amber / green risk badges that never rely on colour alone.

Each level has a fill colour, a text colour that meets 4.5:1 on that fill, and a text label
("High risk" ...) that is always shown. The badge's accessible name is the label.
"""

from __future__ import annotations

import dataclasses
import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget


class RagLevel(enum.Enum):
    """A risk rating."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


@dataclasses.dataclass(frozen=True)
class RagStyle:
    """The colours of one RAG level."""

    background: str
    text: str


RAG_STYLES: dict[RagLevel, RagStyle] = {
    RagLevel.RED: RagStyle(background="#B3261E", text="#FFFFFF"),
    RagLevel.AMBER: RagStyle(background="#F2C94C", text="#1B1F24"),
    RagLevel.GREEN: RagStyle(background="#1E7B34", text="#FFFFFF"),
}


def rag_label(level: RagLevel) -> str:
    """Return the translated text label of a RAG level."""
    labels = {
        RagLevel.RED: QCoreApplication.translate("Rag", "High risk"),
        RagLevel.AMBER: QCoreApplication.translate("Rag", "Medium risk"),
        RagLevel.GREEN: QCoreApplication.translate("Rag", "Low risk"),
    }
    return labels[level]


class RagBadge(QLabel):
    """A coloured badge that shows its risk level as text."""

    def __init__(self, level: RagLevel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._level = level
        self.set_level(level)

    def level(self) -> RagLevel:
        """Return the shown level."""
        return self._level

    def set_level(self, level: RagLevel) -> None:
        """Show another level (colour and text together)."""
        self._level = level
        style = RAG_STYLES[level]
        text = rag_label(level)
        self.setText(text)
        self.setAccessibleName(text)
        self.setStyleSheet(
            f"QLabel {{ background: {style.background}; color: {style.text};"
            " border-radius: 3px; padding: 2px 8px; font-weight: bold; }"
        )
