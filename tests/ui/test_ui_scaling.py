"""Issue 9 #8: at 150% and 200% everything grows with the text, live when the setting changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTabWidget,
)
from qthelpers import make_vault_case

from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.main_window import MainWindow
from msp_desktop.ui.unlock_window import UnlockWindow


@pytest.fixture
def app_at_100(themed_app: QApplication) -> Iterator[QApplication]:
    theme.apply_theme(themed_app, font_scale=1.0)
    yield themed_app
    theme.apply_theme(themed_app, font_scale=1.0)


def indicator_width(box: QCheckBox) -> int:
    option = QStyleOptionButton()
    option.initFrom(box)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).width()


def header_clipped(table) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    out = []
    for col in range(header.count()):
        if header.isSectionHidden(col):
            continue
        title = str(model.headerData(col, Qt.Orientation.Horizontal))
        if header.fontMetrics().horizontalAdvance(title) > header.sectionSize(col):
            out.append(f"{title}: {header.sectionSize(col)}")
    return out


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_headings_grow_live_and_stay_above_body_text(qtbot, app_at_100, scale) -> None:
    win = UnlockWindow("/tmp/vault")
    qtbot.addWidget(win)
    win.show()
    heading = next(w for w in win.children() if getattr(w, "property", None)
                   and w.property("role") == "heading")
    before = heading.font().pointSizeF()
    theme.apply_theme(app_at_100, font_scale=scale)
    body = app_at_100.font().pointSizeF()
    assert win.passphrase.font().pointSizeF() == body
    assert heading.font().pointSizeF() >= body * 1.2, "the heading did not grow with the text"
    assert heading.font().pointSizeF() == pytest.approx(before * scale, abs=0.2)


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_check_boxes_grow_with_the_text(qtbot, app_at_100, scale) -> None:
    box = QCheckBox("S&how passphrase")
    box.setAccessibleName("Show passphrase")
    qtbot.addWidget(box)
    box.show()
    small = indicator_width(box)
    theme.apply_theme(app_at_100, font_scale=scale)
    QApplication.processEvents()
    big = indicator_width(box)
    assert big >= small * scale * 0.9, (small, big)
    assert big >= box.fontMetrics().ascent() * 0.9



def test_a_case_tab_close_button_grows_at_200_percent(qtbot, app_at_100) -> None:
    """Review of issue 9: the open case's close "x" stayed about 12 pixels at 200%."""
    tabs = QTabWidget()
    tabs.setTabsClosable(True)
    tabs.setDocumentMode(True)
    tabs.addTab(QLabel("Caseload"), "Caseload")
    tabs.addTab(QLabel("Case"), "Jones, Mary")
    qtbot.addWidget(tabs)
    tabs.show()
    QApplication.processEvents()

    def close_side() -> int:
        button = tabs.tabBar().tabButton(1, QTabBar.ButtonPosition.RightSide)
        assert button is not None
        return min(button.width(), button.height())

    small = close_side()
    theme.apply_theme(app_at_100, font_scale=2.0)
    QApplication.processEvents()
    big = close_side()
    assert big >= small * 1.6, (small, big)
    assert big >= tabs.tabBar().fontMetrics().ascent() * 0.9


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_caseload_headers_fit_after_a_live_change(qtbot, tmp_path, app_at_100, scale) -> None:
    session, _case = make_vault_case(tmp_path)
    try:
        win = MainWindow(UiContext(session))
        qtbot.addWidget(win)
        win.show()
        table = win.caseload.table
        assert header_clipped(table) == []
        narrow_date = table.horizontalHeader().sectionSize(2)
        theme.apply_theme(app_at_100, font_scale=scale)
        QApplication.processEvents()
        assert header_clipped(table) == [], "column titles clipped after the text grew"
        assert table.horizontalHeader().sectionSize(2) >= narrow_date * scale * 0.95
        win.teardown()
    finally:
        session.close()


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_caseload_headers_fit_when_built_scaled(qtbot, tmp_path, app_at_100, scale) -> None:
    theme.apply_theme(app_at_100, font_scale=scale)
    session, _case = make_vault_case(tmp_path)
    try:
        win = MainWindow(UiContext(session))
        qtbot.addWidget(win)
        win.show()
        win.caseload.table.horizontalHeader().setSortIndicatorShown(True)  # sortable columns
        win.hide()
        win.show()
        QApplication.processEvents()
        assert header_clipped(win.caseload.table) == []
        win.teardown()
    finally:
        session.close()
