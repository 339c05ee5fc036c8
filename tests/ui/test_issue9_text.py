"""Issue 9, the words on screen: search folds ł ø ß (#9), the adult's words in Urdu keep the
banner line in order (#10), long titles end in "…" and typed quote marks are not doubled (#11),
and the audit trail and failed-unlock notice read dates and records as the rest of the app."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox
from test_main_support import (  # noqa: F401 (fixtures)
    add_case,
    add_note,
    add_outcome,
    fake_clock,
    gui_factory,
    make_vault,
    open_case,
    unlocked_gui,
)

from msp_desktop.services import records
from msp_desktop.services.session import Session
from msp_desktop.storage.errors import WrongPassphrase
from msp_desktop.storage.unlock_failures import FAILURES_FILE
from msp_desktop.ui.caseload_model import HTML_ROLE
from msp_desktop.ui.labels import format_when, local_time

URDU = "میں اپنے گھر میں رہنا چاہتی ہوں"  # "I want to stay in my home"
LONG_PURPOSE = "Visit to discuss " + "the arrangements for care at home and money " * 5
GONE_ID = "d0e5a11f" + "0" * 24  # a record the audit log names but this vault does not hold


def _fill(session: Session) -> dict[str, str]:
    case_id = add_case(session, "Kowalczyk", "Mirosław")
    note_id = add_note(session, case_id, "Mirosław showed me the letter from Straße.")
    urdu_id = add_outcome(session, case_id, URDU)
    quoted_id = add_outcome(session, case_id, "“I want my cat back”")
    long_id = records.create(session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2025-02-04T10:00",
        "purpose": LONG_PURPOSE, "facts": "Long purpose.",
    }).state.record_id
    with session.write():
        session.log("record.edit", entity_kind="contact_note", entity_id=GONE_ID,
                    case_id=case_id)
    return {"case_id": case_id, "note_id": note_id, "urdu_id": urdu_id,
            "quoted_id": quoted_id, "long_id": long_id}


@pytest.fixture
def vault(tmp_path: Path) -> dict[str, Any]:
    return make_vault(tmp_path / "vault", _fill)


def _workspace(qtbot: Any, gui_factory: Any, vault: dict[str, Any]) -> Any:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    return gui, open_case(qtbot, gui.main_window, vault["info"]["case_id"])


# ----- #9 search folding -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Miroslaw", "strasse"])
def test_search_finds_letters_typed_without_their_stroke(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any], typed: str,
) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    view = win.caseload
    win.find_action.trigger()
    qtbot.keyClicks(view.search_box, typed)
    qtbot.waitUntil(lambda: view.results_model.rowCount() >= 1, timeout=5000)
    snippets = [str(view.results_model.index(r, 3).data(HTML_ROLE))
                for r in range(view.results_model.rowCount())]
    # The match is marked in the words as written, not as folded for the index.
    written = "Mirosław" if typed == "Miroslaw" else "Straße"
    assert any(f"<b>{written}</b>" in s for s in snippets), snippets


# ----- #10 and #11 the banner ----------------------------------------------------------------


def _banner_paragraph(ws: Any, words: str) -> QTextDocument:
    """The banner line holding `words`, laid out as the label lays it out."""
    html = ws.header.outcomes_label.text()
    part = next(p for p in html.split("</p>") if words in p)
    doc = QTextDocument()
    doc.setDefaultFont(ws.header.outcomes_label.font())
    doc.setHtml(part + "</p>")
    doc.setTextWidth(2000)
    doc.size()  # lays the text out
    return doc


def test_an_outcome_in_urdu_keeps_its_quote_marks_and_label_in_place(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any],
) -> None:
    _, ws = _workspace(qtbot, gui_factory, vault)
    text = ws.header.outcomes_label.text()
    assert f"“\u2068{URDU}\u2069” " in text  # the adult's words isolated, inside the quotes
    doc = _banner_paragraph(ws, URDU)
    block = doc.firstBlock()
    line_text = block.text()
    assert block.textDirection() == Qt.LayoutDirection.LeftToRight  # the app's line, not Urdu's
    assert block.layout().lineCount() == 1
    line = block.layout().lineAt(0)
    open_x = line.cursorToX(line_text.index("“"))[0]
    close_x = line.cursorToX(line_text.index("”"))[0]
    label_x = line.cursorToX(line_text.index("(Current)"))[0]
    assert open_x < close_x < label_x  # “words” then (Current), left to right
    assert "(Current)" in ws.header.outcomes_label.accessibleDescription()


def test_quote_marks_typed_around_the_words_are_not_doubled(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any],
) -> None:
    _, ws = _workspace(qtbot, gui_factory, vault)
    doc = _banner_paragraph(ws, "I want my cat back")
    shown = doc.toPlainText()
    assert shown.count("“") == 1 and shown.count("”") == 1, shown
    assert "“\u2068I want my cat back\u2069”" in shown


def test_a_title_cut_at_120_characters_ends_in_an_ellipsis(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any],
) -> None:
    _, ws = _workspace(qtbot, gui_factory, vault)
    model = ws.chronology_model
    titles = [str(model.index(r, 2).data()) for r in range(model.rowCount())]
    long_title = next(t for t in titles if t.startswith("Visit to discuss"))
    assert len(long_title) == 120 and long_title.endswith("…")
    assert "Phone call" in titles  # a short title is left whole


# ----- the audit trail and the failed-unlock notice -------------------------------------------


def test_the_audit_trail_shows_dates_and_record_titles_as_the_app_does(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any],
) -> None:
    gui, ws = _workspace(qtbot, gui_factory, vault)
    bar = ws.tabs.tabBar()
    index = ws.tabs.indexOf(ws.audit_page)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert ws.tabs.currentWidget() is ws.audit_page
    model = ws.audit_model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    rows = [[str(model.index(r, c).data()) for c in range(4)] for r in range(model.rowCount())]
    entries = gui.session.audit.entries(case_id=vault["info"]["case_id"])
    assert [r[0] for r in rows] == [format_when(local_time(e.at)) for e in entries]
    assert all("T" not in r[0] and r[0] for r in rows)  # not ISO
    shown = {r[3] for r in rows}
    assert "Case note: Phone call" in shown
    assert "Desired outcome: “I want my cat back”" in shown
    assert not any(s.endswith(vault["info"]["note_id"][:8]) for s in shown)  # no hex id
    assert f"Case note {GONE_ID[:8]}" in shown  # a record not held: its kind and short id


def test_the_failed_unlock_notice_gives_its_time_as_the_app_does(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any],
) -> None:
    with pytest.raises(WrongPassphrase):
        Session.open(vault["path"], "wrong passphrase")
    since = json.loads((vault["path"] / FAILURES_FILE).read_text())["since"]
    gui = unlocked_gui(qtbot, gui_factory, vault)
    box = gui.unlock_notice
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert f"since {format_when(local_time(since))}." in box.text()
    assert since[:10] not in box.text()  # no ISO date
    box.close()




# ----- one day format ----------------------------------------------------------------------


def _fill_on_a_single_digit_day(session: Session) -> dict[str, str]:
    # The note is written on 4 Feb 2025 about that day: the audit trail, the Conversations list
    # and the chronology all show the same day.
    noon = dt.datetime(2025, 2, 4, 12, 0, tzinfo=dt.UTC)
    session.clock.now_ms = lambda: int(noon.timestamp() * 1000)
    case_id = add_case(session, "Kowalczyk", "Mirosław")
    records.create(session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2025-02-04T12:00",
        "purpose": "Rang the GP", "facts": "About the new tablets."})
    return {"case_id": case_id}


def test_the_audit_trail_record_list_and_chronology_write_a_day_the_same_way(
    qtbot: Any, gui_factory: Any, tmp_path: Path,
) -> None:
    vault = make_vault(tmp_path / "days", _fill_on_a_single_digit_day)
    _gui, ws = _workspace(qtbot, gui_factory, vault)
    chronology = [ws.chronology_model.index(r, 0).data()
                  for r in range(ws.chronology_model.rowCount())]
    assert "4 Feb 2025" in chronology
    notes = next(t for t in ws.record_tabs if t.title == "Conversations")
    listed = [notes.model.index(r, notes.model.DATE).data() for r in range(notes.model.rowCount())]
    assert listed == ["4 Feb 2025 12:00"]
    ws.tabs.setCurrentWidget(ws.audit_page)
    qtbot.waitUntil(lambda: ws.audit_model.rowCount() > 0)
    audit = [ws.audit_model.index(r, 0).data() for r in range(ws.audit_model.rowCount())]
    assert any(a.startswith("4 Feb 2025 ") for a in audit), audit
    assert not any(a.startswith("04 ") for a in audit + listed + chronology)
