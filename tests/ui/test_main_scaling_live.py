"""Issue 9 #8: a new text size from Settings applies at once to the open case, no restart."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    open_case,
    unlocked_gui,
    vault,
)

from msp_desktop.ui import theme


def test_text_size_setting_applies_live(qtbot, gui_factory, vault, themed_app) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    ws = open_case(qtbot, gui.main_window, vault["info"]["case_id"])
    name = ws.header.name_label  # the adult's name: a heading
    body_before = QApplication.font().pointSizeF()
    heading_before = name.font().pointSizeF()
    try:
        gui.settings.font_scale = 2.0
        gui.apply_settings()  # what Save in the Settings dialog does
        QApplication.processEvents()
        body = QApplication.font().pointSizeF()
        assert body == pytest.approx(2 * body_before, abs=0.2)
        assert name.font().pointSizeF() >= body, "the heading is smaller than body text"
        assert name.font().pointSizeF() == pytest.approx(2 * heading_before, abs=0.2)
        chronology = ws.chronology.horizontalHeader()
        for col in range(chronology.count()):
            title = str(ws.chronology_model.headerData(col, chronology.orientation()))
            if not chronology.isSectionHidden(col):
                assert chronology.fontMetrics().horizontalAdvance(title) <= \
                    chronology.sectionSize(col), title
    finally:
        theme.apply_theme(themed_app, font_scale=1.0)


def test_chronology_summary_keeps_its_room_at_200_percent(qtbot, gui_factory, vault,
                                                          themed_app) -> None:
    """Review of issue 9: a live change to 200% in a 1280-pixel window doubled every fixed
    column and left Summary 124 pixels; the others fit their contents, Summary keeps 40 em."""
    gui = unlocked_gui(qtbot, gui_factory, vault)
    gui.main_window.resize(1280, 900)
    ws = open_case(qtbot, gui.main_window, vault["info"]["case_id"])
    ws.tabs.setCurrentWidget(ws.chronology_page)
    header = ws.chronology.horizontalHeader()
    try:
        gui.settings.font_scale = 2.0
        gui.apply_settings()
        em = ws.chronology.fontMetrics().averageCharWidth()
        qtbot.waitUntil(lambda: header.sectionSize(2) >= 40 * em, timeout=2000)
        QApplication.processEvents()
        assert header.sectionSize(2) >= 40 * em
        # The other columns fit their contents and titles, not 2 x their 100% width.
        for col in (0, 1, 3, 4, 5):
            needed = max(theme.header_text_width(header, col),
                         ws.chronology.sizeHintForColumn(col))
            assert header.sectionSize(col) <= needed + em, col
        # In a wider window Summary takes what the others leave: the row fills the width.
        gui.main_window.resize(1900, 900)

        def filled() -> bool:
            used = sum(header.sectionSize(c) for c in range(header.count())
                       if not header.isSectionHidden(c))
            return abs(used - ws.chronology.viewport().width()) <= 1

        qtbot.waitUntil(filled, timeout=2000)
    finally:
        theme.apply_theme(themed_app, font_scale=1.0)
