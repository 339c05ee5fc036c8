"""Red / amber / green risk badges that never rely on colour alone.

Each level has a fill colour, a text colour that meets 4.5:1 on that fill (both from the
theme), and a text label that is always shown. The label is the domain's wording (enumeration
`RAG` in domain/enums.py), translated like every other domain choice. The badge's accessible
name is the label.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from msp_desktop.domain.enums import RAG
from msp_desktop.ui.theme import RAG_FILLS, Fill


class RagLevel(enum.Enum):
    """A risk rating. Member names are the domain's RAG codes."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


RAG_STYLES: dict[RagLevel, Fill] = {level: RAG_FILLS[level.name] for level in RagLevel}


def rag_label(level: RagLevel) -> str:
    """Return the translated text label of a RAG level."""
    return QCoreApplication.translate("choices", RAG.label(level.name))


def rag_stylesheet(level: RagLevel, padding: str = "2px 8px") -> str:
    """Return the QLabel stylesheet that fills a label with a level's colours."""
    style = RAG_STYLES[level]
    return (
        f"QLabel {{ background: {style.background}; color: {style.text};"
        f" border-radius: 3px; padding: {padding}; font-weight: bold; }}"
    )


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
        text = rag_label(level)
        self.setText(text)
        self.setAccessibleName(text)
        self.setStyleSheet(rag_stylesheet(level))
