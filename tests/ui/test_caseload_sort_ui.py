"""Sorting the caseload: click a column header or choose "Sort by" from the keyboard; dates
sort as dates; the order is remembered across restarts."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from test_main_support import (  # noqa: F401 (fixtures)
    add_case,
    fake_clock,
    gui_factory,
    make_vault,
    unlock,
)

from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.ui.caseload_view import sort_text
from msp_desktop.ui.settings import Settings


def _fill(session: Session) -> None:
    for family, day in (("Able", "2025-02-10"), ("Baker", "2025-10-01"), ("Cole", None)):
        case_id = add_case(session, family, "Jo")
        if day:
            records.create(session, "contact_note", {
                "case_id": case_id, "note_type": "PHONE", "event_start": f"{day}T10:00",
                "purpose": "Call"})


@pytest.fixture
def vault(tmp_path: Path) -> dict[str, Any]:
    return make_vault(tmp_path / "vault", _fill)


def _column(view: Any, key: str) -> list[str]:
    col = view.model.COLUMNS.index(key)
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def _started(qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> Any:
    gui = gui_factory(str(vault["path"]))
    gui.show_first_window()
    unlock(qtbot, gui)
    assert gui.main_window is not None
    gui.main_window.activateWindow()
    qtbot.waitUntil(gui.main_window.isActiveWindow, timeout=2000)
    return gui


def _click_header(qtbot: Any, view: Any, key: str) -> None:
    header = view.table.horizontalHeader()
    col = view.model.COLUMNS.index(key)
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_sort_by_header_click_dates_as_dates(qtbot: Any, gui_factory: Any,
                                             vault: dict[str, Any]) -> None:
    gui = _started(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    assert _column(view, "name") == ["Jo Able", "Jo Baker", "Jo Cole"]
    _click_header(qtbot, view, "last_contact")
    # as text "1 Oct 2025" would come first; the empty one comes last
    assert _column(view, "last_contact") == ["10 Feb 2025", "1 Oct 2025", ""]
    _click_header(qtbot, view, "last_contact")
    assert _column(view, "last_contact") == ["1 Oct 2025", "10 Feb 2025", ""]
    assert view.sort_by.currentText() == "Last contact: most recent first"
    assert gui.settings.caseload_sort == "last_contact desc"


def test_sort_from_the_keyboard_is_remembered_after_a_restart(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> None:
    gui = _started(qtbot, gui_factory, vault)
    win = gui.main_window
    view = win.caseload
    assert view.sort_by.accessibleName() == "Sort the cases by"
    qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "S&ort by:"
    qtbot.waitUntil(view.sort_by.hasFocus, timeout=2000)
    qtbot.keyClick(view.sort_by, Qt.Key.Key_Down)  # Adult: Z to A
    assert _column(view, "name") == ["Jo Cole", "Jo Baker", "Jo Able"]
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    gui.shutdown()  # quit; start again with the same settings file

    again = _started(qtbot, gui_factory, vault)
    view = again.main_window.caseload
    assert view.sort_by.currentText() == "Adult: Z to A"
    assert _column(view, "name") == ["Jo Cole", "Jo Baker", "Jo Able"]


def test_tab_goes_from_stage_to_sort_to_the_flags(qtbot: Any, gui_factory: Any,
                                                  vault: dict[str, Any]) -> None:
    gui = _started(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    view.stage.setFocus()
    qtbot.waitUntil(view.stage.hasFocus, timeout=2000)
    qtbot.keyClick(view.stage, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.sort_by.hasFocus, timeout=2000)
    qtbot.keyClick(view.sort_by, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.reviews_due.hasFocus, timeout=2000)
    gui.quit()
@pytest.mark.parametrize("stored", ["name; DROP TABLE records desc",
                                    "s.sort_name, (SELECT 1) desc"])
def test_a_hand_edited_sort_setting_falls_back_to_the_name_and_runs_no_sql(
        qtbot: Any, gui_factory: Any, vault: dict[str, Any], tmp_path: Path,
        stored: str) -> None:
    edited = Settings(tmp_path / "settings.ini")  # the file the app reads (gui_factory)
    edited.caseload_sort = stored
    edited.sync()
    gui = _started(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    # Only keys the list knows reach the query: anything else is by name, A to Z.
    assert _column(view, "name") == ["Jo Able", "Jo Baker", "Jo Cole"]
    assert view.sort_by.currentData() == sort_text("name", False)
    assert gui.session.conn.execute("SELECT count(*) FROM records").fetchone()[0] > 0
