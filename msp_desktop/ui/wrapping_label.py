"""A word-wrapped label that always gets the height its wrapped text needs.

Qt's layouts give a top-level window's word-wrapped label the height of its size hint, which is
computed for an unknown width: a message shown later in a narrower window is then clipped top
and bottom. This label keeps its minimum height at `heightForWidth(width())`, so the layout
(and the window) grow to fit every line.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappingLabel(QLabel):
    """A QLabel with word wrap that reserves the height of all its lines."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # Qt API name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt API name
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: object) -> None:  # Qt API name: font changes re-wrap
        super().changeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:  # Qt API name
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.width()
        if width <= 0 or not self.isVisible():  # not laid out yet: its width means nothing
            return
        # heightForWidth grows to the minimum height already set: measure without it.
        current = self.minimumHeight()
        self.setMinimumHeight(0)
        needed = self.heightForWidth(width)
        self.setMinimumHeight(needed if needed > 0 else current)
