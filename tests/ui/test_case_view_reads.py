"""One case view, one change broadcast: opening a case and saving a note each read the case
once, and a change reaches exactly the open views it touches."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from qthelpers import choose

from msp_desktop.services import cases, records
from msp_desktop.services.changes import Changes
from msp_desktop.services.session import Session
from msp_desktop.storage.store import RecordStore
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.workspace import CaseWorkspace


class Reads:
    """Counts case views built and whole-case reads of the store."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.views = 0
        self.whole_case = 0
        real_view, real_read = cases.case_view, RecordStore.records_for_case

        def counting_view(*args: Any, **kwargs: Any) -> Any:
            self.views += 1
            return real_view(*args, **kwargs)

        def counting_read(store: RecordStore, case_id: str, kinds: Any = None) -> Any:
            if kinds is None:
                self.whole_case += 1
            return real_read(store, case_id, kinds)

        monkeypatch.setattr(cases, "case_view", counting_view)
        monkeypatch.setattr(RecordStore, "records_for_case", counting_read)

    def reset(self) -> None:
        self.views = self.whole_case = 0


def workspace(qtbot: Any, ctx: UiContext, case_id: str) -> CaseWorkspace:
    ws = CaseWorkspace(ctx, case_id)
    qtbot.addWidget(ws)
    ws.resize(1300, 900)
    ws.show()
    return ws


def test_opening_a_case_reads_it_once(qtbot: Any, vault: tuple[Session, str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    session, case_id = vault
    reads = Reads(monkeypatch)
    ws = workspace(qtbot, UiContext(session), case_id)
    assert ws.is_loaded
    assert (reads.views, reads.whole_case) == (1, 1)
    # every tab shows it and the chronology filters it without another read
    for tab in ws.record_tabs:
        ws.tabs.setCurrentWidget(tab)
    ws.chronology_filter.setCurrentIndex(ws.chronology_filter.count() - 1)
    assert (reads.views, reads.whole_case) == (1, 1)


def test_saving_a_note_reads_the_case_once(qtbot: Any, vault: tuple[Session, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    session, case_id = vault
    ctx = UiContext(session)
    ws = workspace(qtbot, ctx, case_id)
    reads = Reads(monkeypatch)
    tab = ws.tab_for_kind("contact_note")
    assert tab is not None
    ws.tabs.setCurrentWidget(tab)
    editor = tab.new_record("contact_note")
    choose(editor.form.input("note_type").combo, "PHONE")
    editor.form.input("event_start").edit.setDateTime(
        QDateTime(QDate(2026, 1, 6), QTime(10, 0)))
    qtbot.keyClicks(editor.form.input("purpose").edit, "Call back")
    with qtbot.waitSignal(ctx.changed, timeout=1000) as changed:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.record_id is not None, editor.message_text()
    assert case_id in changed.args[0].cases
    assert (reads.views, reads.whole_case) == (1, 1)
    assert tab.model.row_of(editor.record_id) >= 0  # the list shows the saved note
    assert any(e.record_id == editor.record_id for e in ws.live.view.chronology)


def test_a_change_reaches_the_views_it_touches(qtbot: Any, vault: tuple[Session, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    session, first = vault
    second = cases.open_case(session, {"family_name": "Evans", "jurisdiction": "ENG"},
                             {"status": "concern_received", "opened_at": "2026-01-07"}).state
    ctx = UiContext(session)
    a, b = workspace(qtbot, ctx, first), workspace(qtbot, ctx, second.record_id)
    reads = Reads(monkeypatch)
    # a write elsewhere (as a bundle import will do): only the case it touched reloads
    saved = records.create(session, "desired_outcome", {
        "case_id": first, "statement": "To stay at home", "expressed_by": "ADULT",
        "first_expressed_at": "2026-01-08", "status": "ACTIVE"})
    ctx.publish(saved.changes)
    assert reads.views == 1
    assert "To stay at home" in a.header.outcomes_label.text()
    assert "To stay at home" not in b.header.outcomes_label.text()
    # a change to many cases at once reloads each open one once
    reads.reset()
    ctx.publish(Changes(cases=frozenset({first, second.record_id})))
    assert reads.views == 2
    reads.reset()
    ctx.publish(Changes.of_drafts(first))  # drafts only: no case read
    assert reads.views == 0


def test_the_case_tab_is_named_when_the_view_arrives(qtbot: Any,
                                                    vault: tuple[Session, str]) -> None:
    from msp_desktop.ui.main_window import MainWindow

    session, case_id = vault
    win = MainWindow(UiContext(session))  # no runner: the view is read at once
    qtbot.addWidget(win)
    ws = win.open_case(case_id)
    assert ws is not None and ws.person_name
    assert win.cases.tabText(win.cases.indexOf(ws)) == ws.person_name


def test_a_view_arriving_after_lock_is_dropped(qtbot: Any, vault: tuple[Session, str]) -> None:
    from msp_desktop.ui.live_case import LiveCase

    session, case_id = vault
    live = LiveCase(UiContext(session), case_id)
    view = cases.case_view(session, case_id, audit=False)  # as if read on the worker
    live.stop()  # the case was closed (or the app locked) before the result came back
    with qtbot.assertNotEmitted(live.loaded):
        live._on_loaded(view)
    assert live.view is None
    assert not [e for e in session.audit.entries(case_id=case_id) if e.action == "case.view"]
