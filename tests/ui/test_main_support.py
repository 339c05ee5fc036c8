"""Shared fixtures for the main-window tests (imported by the test_main_* modules)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from qthelpers import FakeClock

from msp_desktop.services import cases, records
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.ui.errors import CrashHandler
from msp_desktop.ui.flow import Gui
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.workers import TaskRunner

PASSPHRASE = "lantern orchard pebble violin"
MARKER = "Zanzibarquux"  # a made-up name no widget should hold after a lock
NOTE_WORD = "heliotrope"


def add_case(
    session: Session, family: str, given: str = "Alex", *, stage: str = "concern_received",
    country: str = "ENG", opened: str = "2025-01-06",
) -> str:
    state = cases.open_case(
        session,
        {"family_name": family, "given_names": given, "jurisdiction": country},
        {"status": stage, "opened_at": opened, "jurisdiction": country},
    ).state
    return state.record_id


def add_note(session: Session, case_id: str, facts: str) -> str:
    state = records.create(session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2025-02-03T10:00",
        "purpose": "Phone call", "facts": facts,
    }).state
    return state.record_id


def add_outcome(session: Session, case_id: str, statement: str) -> str:
    state = records.create(session, "desired_outcome", {
        "case_id": case_id, "statement": statement, "expressed_by": "ADULT",
        "first_expressed_at": "2025-01-07", "status": "ACTIVE",
    }).state
    return state.record_id


def make_vault(
    path: Path, fill: Callable[[Session], Any] | None = None
) -> dict[str, Any]:
    session = Session.create(path, PASSPHRASE, kdf=KdfParams.fast(), author="test.worker",
                             device_name="Test laptop")
    try:
        info = fill(session) if fill is not None else None
    finally:
        session.close()
    return {"path": path, "info": info}


def standard_fill(session: Session) -> dict[str, str]:
    case_id = add_case(session, MARKER, "Robin")
    note_id = add_note(session, case_id, f"Robin talked about the {NOTE_WORD} in the garden.")
    outcome_id = add_outcome(session, case_id, "I want to stay in my own home")
    other = add_case(session, "Ashworth", "Dana", stage="enquiry_in_progress")
    closed = add_case(session, "Brennan", "Eli", stage="closed")
    return {"case_id": case_id, "note_id": note_id, "outcome_id": outcome_id,
            "other_id": other, "closed_id": closed}


@pytest.fixture
def vault(tmp_path: Path) -> dict[str, Any]:
    return make_vault(tmp_path / "vault", standard_fill)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def gui_factory(qapp: QApplication, tmp_path: Path, fake_clock: FakeClock) -> Iterator[
    Callable[..., Gui]
]:
    made: list[Gui] = []

    def make(vault_path: str | None = None, **kwargs: Any) -> Gui:
        settings = Settings(tmp_path / "settings.ini")
        kwargs.setdefault("runner", TaskRunner(qapp, inline=True))
        kwargs.setdefault("kdf", KdfParams.fast())
        kwargs.setdefault("demo_kdf", KdfParams.fast())
        kwargs.setdefault("idle_clock", fake_clock)
        kwargs.setdefault("backoff_clock", fake_clock)
        kwargs.setdefault("demo_folder_path", tmp_path / "demo")
        gui = Gui(qapp, settings, CrashHandler(None, show_dialog=False), vault_path=vault_path,
                  **kwargs)
        made.append(gui)
        return gui

    yield make
    for gui in made:
        gui.dispose()
        if gui.main_window is not None:
            gui.main_window.deleteLater()
    QApplication.processEvents()


def unlock(qtbot: Any, gui: Gui, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into the unlock window and wait for the main window."""
    win = gui.unlock_window
    assert win is not None
    win.passphrase.setText(passphrase)
    win.unlock_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None or bool(win.error()), timeout=10000)


def unlocked_gui(qtbot: Any, gui_factory: Callable[..., Gui], vault: dict[str, Any]) -> Gui:
    gui = gui_factory(str(vault["path"]))
    gui.show_first_window()
    unlock(qtbot, gui)
    assert gui.main_window is not None, gui.unlock_window and gui.unlock_window.error()
    return gui


def widget_texts() -> list[str]:
    """Every piece of text any live widget holds (labels, edits, tabs, items)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    out: list[str] = []
    for w in QApplication.allWidgets():
        out.append(w.windowTitle())
        out.append(w.accessibleName())
        out.append(w.accessibleDescription())
        out.append(w.toolTip())
        if isinstance(w, QLabel | QLineEdit | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabBar):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(min(m.rowCount(), 500)):
                for c in range(m.columnCount()):
                    out.append(str(m.index(r, c).data() or ""))
    return out


def open_case(qtbot: Any, win: Any, case_id: str) -> Any:
    """Open a case in the main window and wait until its view has arrived (it is read on the
    worker)."""
    ws = win.open_case(case_id)
    assert ws is not None
    qtbot.waitUntil(lambda: ws.is_loaded, timeout=5000)
    return ws


def search(qtbot: Any, win: Any, text: str) -> int:
    """Search the caseload and wait for the results (the search runs on the worker)."""
    view = win.caseload
    view.search_box.setText(text)
    view.run_search()
    qtbot.waitUntil(lambda: not view.busy.isVisible() and view.stack.currentIndex() == 1,
                    timeout=5000)
    return int(view.results_model.rowCount())
