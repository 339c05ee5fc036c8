"""Search runs on the worker thread and can be cancelled: a new query supersedes the running
one, Escape stops it, and only the newest search's results are shown (issue 8)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import threading
import unicodedata
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_main_support import (  # noqa: F401 (fixtures)
    MARKER,
    NOTE_WORD,
    fake_clock,
    gui_factory,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.services import search as search_service
from msp_desktop.ui.workers import TaskRunner

SLOW = "slowword"


@pytest.fixture
def slow_search(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The real search service, except that a search for SLOW holds the worker thread (as a
    huge query would) until it is cancelled; records each search's cancel event."""
    real = search_service.search
    seen: dict[str, Any] = {"events": {}, "threads": set(), "started": threading.Event()}

    def search(session: Any, text: str, **kw: Any) -> Any:
        seen["threads"].add(threading.get_ident())
        cancel = kw.get("cancel")
        seen["events"][text] = cancel
        if text == SLOW:
            seen["started"].set()
            assert cancel is not None and cancel.wait(10), "the slow search was never cancelled"
        return real(session, text, **kw)

    monkeypatch.setattr(search_service, "search", search)
    return seen


def _threaded_gui(qtbot: Any, gui_factory: Any, vault: Any) -> Any:
    runner = TaskRunner(QApplication.instance())
    gui = gui_factory(str(vault["path"]), runner=runner)
    gui.show_first_window()
    unlock(qtbot, gui)
    assert gui.main_window is not None
    return gui


def test_a_new_query_cancels_the_running_one(qtbot, gui_factory, vault, slow_search) -> None:
    gui = _threaded_gui(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    view.search_box.setText(SLOW)
    view._search_now()
    assert slow_search["started"].wait(5)
    assert view.search_running() and view.busy.isVisibleTo(view)
    assert threading.get_ident() not in slow_search["threads"]  # not the GUI thread
    view.search_box.setText(NOTE_WORD)
    view._search_now()
    assert slow_search["events"][SLOW].is_set()  # superseded: cancelled at once
    qtbot.waitUntil(lambda: view.results_model.rowCount() == 1 and not view.search_running(),
                    timeout=10000)
    assert view.results_model.index(0, 0).data() == f"Robin {MARKER}"
    assert "could not run" not in view.results_label.text()
    assert not view.busy.isVisibleTo(view)


def test_escape_cancels_a_running_search(qtbot, gui_factory, vault, slow_search) -> None:
    gui = _threaded_gui(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    view.search_box.setFocus()
    view.search_box.setText(SLOW)
    view._search_now()
    assert slow_search["started"].wait(5)
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    assert slow_search["events"][SLOW].is_set()
    assert not view.search_running()
    assert view.search_box.text() == ""
    assert view.stack.currentIndex() == 0
    assert gui.runner.wait(10000)  # the worker gave the cancelled search up
    QApplication.processEvents()
    assert view.results_model.rowCount() == 0 and view.stack.currentIndex() == 0
    assert "could not run" not in view.results_label.text()


def test_too_many_words_are_dropped_and_the_worker_is_told(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    # (a line edit holds at most 32,767 characters: the box itself cuts a longer paste)
    words = " ".join([f"extra{i}" for i in range(40)] + [NOTE_WORD] * 2000)
    view.search_box.setText(words)
    view._search_now()
    qtbot.waitUntil(lambda: bool(view.results_label.text()), timeout=10000)
    assert "Only the first 32 different words" in view.results_label.text()
    assert "Nothing found" in view.results_label.text()
    assert view.results.accessibleDescription() == view.results_label.text()


def test_a_decomposed_name_typed_in_the_box_finds_the_note(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    view.search_box.setText(unicodedata.normalize("NFD", "Robin héliotrope"))
    view._search_now()
    qtbot.waitUntil(lambda: view.results_model.rowCount() == 1, timeout=10000)
