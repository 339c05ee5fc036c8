"""The main window's caseload, new case dialog, search and case workspace."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from PySide6.QtCore import Qt
from test_main_support import (  # noqa: F401 (fixtures)
    MARKER,
    NOTE_WORD,
    add_case,
    fake_clock,
    gui_factory,
    make_vault,
    open_case,
    search,
    unlocked_gui,
    vault,
)

from msp_desktop.services.session import Session
from msp_desktop.ui.caseload_model import HTML_ROLE, CaseloadModel, SearchResultsModel, snippet_html
from msp_desktop.ui.main_window import MainWindow
from msp_desktop.ui.new_case_dialog import NewCaseDialog
from msp_desktop.ui.workspace import AuditModel, CaseWorkspace, ChronologyModel


def names(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_caseload_lists_open_cases_and_filters(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    view = gui.main_window.caseload
    assert sorted(names(view.model)) == sorted([f"Robin {MARKER}", "Dana Ashworth"])
    view.include_closed.setChecked(True)
    assert len(names(view.model)) == 3
    view.include_closed.setChecked(False)
    view.stage.setCurrentIndex(view.stage.findData("enquiry_in_progress"))
    assert names(view.model) == ["Dana Ashworth"]
    assert view.model.index(0, 1).data() == "Enquiry in progress"
    view.stage.setCurrentIndex(0)
    view.reviews_due.setChecked(True)
    assert names(view.model) == []
    assert view.empty_label.isVisibleTo(view)
    view.reviews_due.setChecked(False)
    view.overdue.setChecked(True)
    assert names(view.model) == []
    view.overdue.setChecked(False)
    view.attention.setChecked(True)
    assert names(view.model) == []
    view.attention.setChecked(False)
    assert len(names(view.model)) == 2


def test_new_case_through_the_dialog(qtbot, gui_factory, vault, monkeypatch) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win: MainWindow = gui.main_window
    dialog = NewCaseDialog(gui.session, win)
    qtbot.addWidget(dialog)
    dialog.given.setText("Morgan")
    dialog.dob.setText("31/02/1950")
    assert not dialog.submit()
    assert dialog.errors["family_name"].isVisibleTo(dialog)
    assert "family name" in dialog.family.accessibleDescription()
    assert "day/month/year" in dialog.errors["date_of_birth"].text()
    dialog.family.setText("Quill")
    dialog.dob.setText("14/03/1948")
    dialog.country.setCurrentIndex(dialog.country.findData("WAL"))
    dialog.gender.setCurrentIndex(dialog.gender.findData("FEMALE"))
    dialog.language.setText("Welsh")
    dialog.stage.setCurrentIndex(dialog.stage.findData("information_gathering"))
    assert dialog.submit()
    assert dialog.case_id
    person = dialog.person_payload()
    assert person["date_of_birth"] == "1948-03-14" and person["jurisdiction"] == "WAL"
    assert dialog.case_payload()["legal_framework"] == "SSWBA_S126"

    # the menu action runs the same dialog, then opens the case
    def fake_exec(self) -> int:
        self.given.setText("Jo")
        self.family.setText("Ramsey")
        return int(self.submit())

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    win.new_case_action.trigger()
    assert "Jo Ramsey" in names(win.caseload.model)
    ws = win.workspaces()[-1]
    qtbot.waitUntil(lambda: ws.is_loaded, timeout=5000)
    assert ws.person_name == "Jo Ramsey"
    assert win.cases.tabText(win.cases.currentIndex()) == "Jo Ramsey"
    assert win.windowTitle() == "MSP Desktop"


def test_model_testers(qtbot, qtmodeltester, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    qtmodeltester.check(win.caseload.model)
    assert search(qtbot, win, NOTE_WORD) == 1
    qtmodeltester.check(win.caseload.results_model)
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    ws.refresh_audit()
    qtmodeltester.check(ws.chronology_model)
    qtmodeltester.check(ws.audit_model)
    qtmodeltester.check(ChronologyModel())
    qtmodeltester.check(AuditModel())
    qtmodeltester.check(SearchResultsModel())


def test_caseload_fetches_lazily(qtbot, gui_factory, tmp_path) -> None:
    def fill(session: Session) -> None:
        for i in range(300):
            add_case(session, f"Family{i:03d}", "Pat")

    made = make_vault(tmp_path / "big", fill)
    gui = gui_factory(str(made["path"]))
    gui.show_first_window()
    from test_main_support import unlock

    unlock(qtbot, gui)
    model: CaseloadModel = gui.main_window.caseload.model
    qtbot.wait(50)
    assert model.loaded_rows() == 100
    assert model.pages_fetched == 1
    assert model.canFetchMore()
    model.fetchMore()
    assert model.loaded_rows() == 200
    table = gui.main_window.caseload.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded_rows() == 300)
    model.fetchMore()  # a short (empty) page tells the model it has everything
    assert model.loaded_rows() == 300
    assert not model.canFetchMore()


def test_search_opens_the_conversation(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    view = win.caseload
    win.find_action.trigger()
    assert view.search_box.hasFocus() or win.focusWidget() is view.search_box
    qtbot.keyClicks(view.search_box, NOTE_WORD[:6])
    qtbot.waitUntil(lambda: view.results_model.rowCount() == 1, timeout=3000)
    index = view.results_model.index(0, 3)
    assert f"<b>{NOTE_WORD}</b>" in index.data(HTML_ROLE)
    assert view.results_model.index(0, 0).data() == f"Robin {MARKER}"
    assert view.results_model.index(0, 1).data() == "Case note"
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.results.hasFocus() or win.focusWidget() is view.results)
    qtbot.keyClick(view.results, Qt.Key.Key_Return)
    ws = win.workspace(vault["info"]["case_id"])
    assert isinstance(ws, CaseWorkspace)
    qtbot.waitUntil(lambda: ws.is_loaded, timeout=5000)
    current = ws.tabs.currentWidget()
    assert ws.tabs.tabText(ws.tabs.currentIndex()).replace("&", "") == "Conversations"
    editor = getattr(current, "editor", None)
    assert editor is not None and editor.record_id == vault["info"]["note_id"]
    # Escape leaves the results
    view.search_box.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.search_box.text() == ""


def test_snippet_html_escapes_and_bolds() -> None:
    assert snippet_html("a <b> [[word]] & c") == "a &lt;b&gt; <b>word</b> &amp; c"


def test_workspace_header_chronology_and_audit(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    assert "“\u2068I want to stay in my own home\u2069”" in ws.header.outcomes_label.text()
    assert "Current" in ws.header.outcomes_label.text()
    assert "Concern received" in ws.header.stage_label.text()
    # the view is audited once
    entries = [e for e in gui.session.audit.entries(case_id=ws.case_id) if e.action == "case.view"]
    assert len(entries) == 1
    titles = [ws.tabs.tabText(i).replace("&", "") for i in range(ws.tabs.count())]
    assert titles[0] == "Chronology" and titles[-1] == "Audit trail"
    for t in ("Conversations", "Desired outcomes", "Consent", "Mental capacity",
              "Risk and plan", "Enquiry"):
        assert t in titles
    kinds = [ws.chronology_model.index(r, 1).data() for r in range(ws.chronology_model.rowCount())]
    assert "Case note" in kinds and "Desired outcome" in kinds
    ws.chronology_filter.setCurrentIndex(ws.chronology_filter.findData("contact_note"))
    assert ws.chronology_model.rowCount() == 1
    ws.chronology.setCurrentIndex(ws.chronology_model.index(0, 0))
    ws.chronology.activated.emit(ws.chronology_model.index(0, 0))
    assert ws.tabs.tabText(ws.tabs.currentIndex()).replace("&", "") == "Conversations"
    ws.tabs.setCurrentWidget(ws.audit_page)
    actions = [ws.audit_model.index(r, 2).data() for r in range(ws.audit_model.rowCount())]
    assert "Viewed the case" in actions
    audit_text = " ".join(
        str(ws.audit_model.index(r, c).data())
        for r in range(ws.audit_model.rowCount()) for c in range(4)
    )
    assert MARKER not in audit_text and NOTE_WORD not in audit_text
    # Ctrl+W closes it
    win.close_case_action.trigger()
    assert win.cases.count() == 1 and win.cases.currentWidget() is win.caseload_page


def test_copy_goes_through_the_sensitive_clipboard(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    table = win.caseload.table
    table.setFocus()
    table.setCurrentIndex(win.caseload.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert gui.clipboard.pending()
    assert gui.clipboard.holds_our_text()
