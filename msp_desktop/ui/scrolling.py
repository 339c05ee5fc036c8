"""Dialogs whose form scrolls: long forms stay usable at large text sizes and on small
screens, while the error, the progress and the buttons below stay in view; and the error line
and height fitting that dialogs share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from msp_desktop.ui.workers import BusyIndicator

FormItem = QWidget | QLayout | int  # an int is extra space, in pixels


def scroll_area(parent: QWidget, body: QWidget) -> QScrollArea:
    """Return a frameless scroll area holding ``body``; it takes no focus of its own, so Tab
    goes straight to the form's fields."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(body)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def error_line(parent: QWidget) -> QLabel:
    """The hidden, word-wrapped error line a dialog shows below its form."""
    error_label = QLabel(parent)
    error_label.setProperty("role", "error")
    error_label.setWordWrap(True)
    error_label.hide()
    return error_label


def status_widgets(parent: QWidget, busy_name: str, busy_text: str
                   ) -> tuple[QLabel, BusyIndicator, QLabel]:
    """The hidden error line, busy indicator and busy text a form dialog shows below its
    form."""
    error_label = error_line(parent)
    busy = BusyIndicator(parent)
    busy.setAccessibleName(busy_name)
    busy_label = QLabel(busy_text, parent)
    busy_label.hide()
    return error_label, busy, busy_label


def fit_height(dialog: QWidget) -> None:
    """Make a dialog as tall as its wrapped texts need at its current width (adjustSize
    alone sizes them for a narrower width, and their last lines are clipped), and no
    narrower than its minimum."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    # The layout's own minimum too: a longer file or folder name (the next run's "-2") must
    # not run off the edge.
    width = max(dialog.width(), dialog.minimumWidth(), layout.totalMinimumSize().width())
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
    dialog.resize(width, max(height, layout.totalMinimumSize().height()))


def lay_out_scrolling_form(dialog: QWidget, form: Sequence[FormItem],
                           footer: Sequence[QWidget | QLayout]) -> QWidget:
    """Give ``dialog`` a scrolling form above a footer that stays in view; return the form's
    body widget (its size hint is the whole form's)."""
    body = QWidget(dialog)
    inner = QVBoxLayout(body)
    inner.setContentsMargins(24, 20, 24, 12)
    inner.setSpacing(8)
    for item in form:
        _add(inner, item)
    inner.addStretch(1)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(0, 0, 0, 16)
    layout.addWidget(scroll_area(dialog, body), 1)
    status = QVBoxLayout()
    status.setContentsMargins(24, 0, 24, 0)
    for item in footer:
        _add(status, item)
    layout.addLayout(status)
    return body


def _add(layout: QVBoxLayout, item: FormItem) -> None:
    if isinstance(item, int):
        layout.addSpacing(item)
    elif isinstance(item, QLayout):
        layout.addLayout(item)
    else:
        layout.addWidget(item)
