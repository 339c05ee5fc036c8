"""Issue 9: tables, lists and the inner tab bar show where the keyboard focus is."""

from __future__ import annotations

from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui import theme


def focus_pixels(widget: QWidget) -> int:
    """Pixels of the focus colour in the widget's picture."""
    image = widget.grab().toImage()
    focus = QColor(theme.COLOURS.focus).rgb()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixel(x, y) == focus)


def make_window(qtbot) -> tuple[QWidget, QLineEdit, QTableView, QTabWidget]:
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = QLineEdit(window)
    table = QTableView(window)
    model = QStandardItemModel(3, 2, table)
    for r in range(3):
        for c in range(2):
            model.setItem(r, c, QStandardItem(f"row {r}"))
    table.setModel(model)
    tabs = QTabWidget(window)
    tabs.setDocumentMode(True)
    for name in ("Chronology", "Notes", "Audit trail"):
        tabs.addTab(QLabel(name), name)
    for w in (edit, table, tabs):
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.resize(420, 420)
    window.show()
    window.activateWindow()
    return window, edit, table, tabs


def test_focused_table_has_a_focus_border(qtbot, themed_app) -> None:
    _window, edit, table, _tabs = make_window(qtbot)
    edit.setFocus()
    QApplication.processEvents()
    before = focus_pixels(table)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    after = focus_pixels(table)
    # a 2-pixel ring all round the table, in the focus colour
    assert after - before >= 2 * (table.width() + table.height()), (before, after)


def test_focused_inner_tab_bar_shows_the_focus(qtbot, themed_app) -> None:
    _window, edit, _table, tabs = make_window(qtbot)
    bar = tabs.tabBar()
    edit.setFocus()
    QApplication.processEvents()
    before = focus_pixels(bar)
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    after = focus_pixels(bar)
    tab = bar.tabRect(bar.currentIndex())
    assert after - before >= tab.width() + tab.height(), (before, after)


def test_focus_rules_have_enough_contrast() -> None:
    sheet = theme.stylesheet()
    assert "QTableView:focus" in sheet and "QTabBar::tab:focus" in sheet
    for background in (theme.COLOURS.base, theme.COLOURS.window, theme.COLOURS.button):
        assert theme.contrast_ratio(theme.COLOURS.focus, background) >= 3.0
