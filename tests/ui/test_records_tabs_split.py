"""Review of issue 9 #8: a record list stays readable at 200% text (the splitter gives it room
from the text size, live when the size changes), not 300 pixels of a 1931-pixel window."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from qthelpers import live_case

from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui import theme
from msp_desktop.ui.records.tabs import RecordTab


def _list_ems(tab: RecordTab) -> float:
    return tab.splitter.sizes()[0] / tab.fontMetrics().averageCharWidth()


def test_list_pane_is_wide_enough_at_200_percent(qtbot: Any, vault: tuple[Session, str],
                                                 themed_app: QApplication) -> None:
    session, case_id = vault
    live = live_case(session, case_id)
    tab = RecordTab(live.ctx, live, "Conversations", ["contact_note"])  # type: ignore[attr-defined]
    qtbot.addWidget(tab)
    tab.resize(1931, 1000)
    tab.show()
    qtbot.waitExposed(tab)
    tab.new_buttons["contact_note"].click()  # an editor open beside the list
    QApplication.processEvents()
    try:
        theme.apply_theme(themed_app, font_scale=2.0)  # live, as Settings does
        qtbot.waitUntil(lambda: _list_ems(tab) >= 35, timeout=2000)
        assert tab.splitter.sizes()[0] >= 0.35 * sum(tab.splitter.sizes())
        tab.resize(2400, 1000)  # a wider window: the list keeps its share
        qtbot.waitUntil(lambda: tab.splitter.sizes()[0] >= 0.37 * sum(tab.splitter.sizes()),
                        timeout=2000)
    finally:
        theme.apply_theme(themed_app, font_scale=1.0)


def test_a_long_kind_never_squeezes_the_title_at_200_percent(
        qtbot: Any, vault: tuple[Session, str], themed_app: QApplication) -> None:
    session, case_id = vault
    for kind in ("capacity_assessment", "best_interests_decision"):  # rows with long kinds
        records.save_draft(session, records.new_draft_id(), kind=kind, case_id=case_id,
                           payload={"case_id": case_id, "decision": "Where to live"})
    live = live_case(session, case_id)
    tab = RecordTab(live.ctx, live, "Mental capacity",  # type: ignore[attr-defined]
                    ["capacity_assessment", "best_interests_decision"])
    qtbot.addWidget(tab)
    tab.resize(1280, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.new_buttons["capacity_assessment"].click()
    QApplication.processEvents()
    assert tab.model.rowCount() >= 2
    try:
        theme.apply_theme(themed_app, font_scale=2.0)
        QApplication.processEvents()

        def title_share() -> float:
            view = tab.view
            return view.columnWidth(tab.model.TITLE) / max(1, view.viewport().width())

        qtbot.waitUntil(lambda: title_share() >= 0.35, timeout=2000)
    finally:
        theme.apply_theme(themed_app, font_scale=1.0)


def test_a_long_title_keeps_to_one_line_and_leaves_the_form_room(
        qtbot: Any, vault: tuple[Session, str], themed_app: QApplication) -> None:
    session, case_id = vault
    live = live_case(session, case_id)
    tab = RecordTab(live.ctx, live, "Conversations", ["contact_note"])  # type: ignore[attr-defined]
    qtbot.addWidget(tab)
    tab.resize(1280, 560)
    tab.show()
    qtbot.waitExposed(tab)
    tab.new_buttons["contact_note"].click()
    editor = tab.stack.currentWidget()
    title = "A visit to talk about what the adult wants to happen next " * 2
    editor.heading.set_full_text(title)
    try:
        theme.apply_theme(themed_app, font_scale=2.0)
        QApplication.processEvents()
        line = editor.heading.fontMetrics().lineSpacing()
        qtbot.waitUntil(lambda: editor.heading.height() < 2 * line, timeout=2000)
        assert editor.heading.text().endswith("…")
        assert editor.heading.toolTip() == title and editor.heading.accessibleName() == title
    finally:
        theme.apply_theme(themed_app, font_scale=1.0)
