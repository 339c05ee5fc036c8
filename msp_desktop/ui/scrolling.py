"""A dialog body that scrolls: long forms stay usable at large text sizes and on small
screens, while the buttons below stay in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget


def scroll_area(parent: QWidget, body: QWidget) -> QScrollArea:
    """Return a frameless scroll area holding ``body``; it takes no focus of its own, so Tab
    goes straight to the form's fields."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(body)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll
