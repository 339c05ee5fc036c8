"""Issue 9 #5: every Alt+letter is unique within each window (menus, buttons, labels, tabs)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from a11y import mnemonic_clashes
from PySide6.QtWidgets import QApplication, QLabel, QMenuBar, QPushButton, QWidget
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    open_case,
    unlocked_gui,
    vault,
)

from msp_desktop.ui.create_vault_dialog import CreateVaultDialog
from msp_desktop.ui.new_case_dialog import NewCaseDialog
from msp_desktop.ui.records.tabs import RecordTab
from msp_desktop.ui.settings_dialog import SettingsDialog
from msp_desktop.ui.unlock_window import UnlockWindow


def shown(qtbot, w: QWidget) -> QWidget:
    w.show()
    QApplication.processEvents()
    return w


def test_helper_finds_a_clash(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    bar = QMenuBar(window)
    bar.addMenu("&File")
    button = QPushButton("&Finalise…", window)
    button.move(0, 40)
    label = QLabel("&Name:", window)  # no buddy: no mnemonic
    label.move(0, 80)
    window.show()
    clashes = mnemonic_clashes(window)
    assert len(clashes) == 1 and clashes[0].startswith("alt+f:"), clashes
    assert "&File" in clashes[0] and "&Finalise" in clashes[0]


def test_main_window_and_every_record_editor(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    found: dict[str, list[str]] = {}
    clashes = mnemonic_clashes(win)
    if clashes:
        found["caseload"] = clashes
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    for index in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        page = ws.tabs.widget(index)
        where = ws.tabs.tabText(index)
        if isinstance(page, RecordTab):
            if page.model.rowCount():  # a saved record: History, Amend… show
                page.open_record(page.model.record(0).record_id)
                QApplication.processEvents()
                clashes = mnemonic_clashes(win)
                if clashes:
                    found[f"{where}: saved record"] = clashes
            for kind in page.kinds:
                page.new_record(kind)
                QApplication.processEvents()
                clashes = mnemonic_clashes(win)
                if clashes:
                    found[f"{where}: new {kind}"] = clashes
        else:
            clashes = mnemonic_clashes(win)
            if clashes:
                found[where] = clashes
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_dialogs_and_other_windows(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    found: dict[str, list[str]] = {}

    def check(name: str, w: QWidget) -> None:
        clashes = mnemonic_clashes(w)
        if clashes:
            found[name] = clashes

    settings = SettingsDialog(gui.settings, win, change_key=lambda: None, session=gui.session)
    qtbot.addWidget(settings)
    check("settings", shown(qtbot, settings))
    unlock = UnlockWindow("/tmp/vault")
    qtbot.addWidget(unlock)
    check("unlock", shown(qtbot, unlock))
    create = CreateVaultDialog()
    qtbot.addWidget(create)
    check("create vault", shown(qtbot, create))
    new_case = NewCaseDialog(gui.session, win)
    qtbot.addWidget(new_case)
    check("new case", shown(qtbot, new_case))
    new_case.close()
    export = win.export_all("json")
    check("export", export)
    export.close()
    sac = win.open_sac()
    QApplication.processEvents()
    check("SAC", sac)
    sac.close()
    sync = win.open_sync()
    for page in sync.PAGES:
        sync.show_page(page)
        QApplication.processEvents()
        check(f"sync {page}", sync)
    sync.close()
    importer = win.open_import()
    check("import", importer)
    importer.close()
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    check("case export", ws.export_case("full"))
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_discard_draft_and_new_capacity_assessment_have_free_letters(qtbot, gui_factory,
                                                                     vault) -> None:
    """Review of issue 9: "Discard this draft…" (an opened draft) and the consent form's "New
    capacity assessment…" had no Alt letter; each now has one that nothing else shares."""
    from a11y import _mnemonic
    from qthelpers import choose

    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    ws = open_case(qtbot, win, vault["info"]["case_id"])
    tabs = [ws.tabs.widget(i) for i in range(ws.tabs.count())]
    notes = next(t for t in tabs if isinstance(t, RecordTab) and "contact_note" in t.kinds)
    ws.tabs.setCurrentWidget(notes)
    editor = notes.new_record("contact_note")
    qtbot.keyClicks(editor.form.input("purpose").edit, "Not needed after all")
    assert editor.flush_draft()
    qtbot.waitUntil(editor.drop_draft_button.isVisible, timeout=2000)
    assert _mnemonic(editor.drop_draft_button.text()) is not None
    assert mnemonic_clashes(win) == []

    consent = next(t for t in tabs if isinstance(t, RecordTab) and "consent_decision" in t.kinds)
    ws.tabs.setCurrentWidget(consent)
    form = consent.new_record("consent_decision")
    choose(form.form.input("capacity_for_this_decision").combo, "ASSESSED_HAS")
    button = form.new_linked_buttons["capacity_link"]
    QApplication.processEvents()
    assert button.isVisible()
    assert _mnemonic(button.text()) is not None
    assert mnemonic_clashes(win) == []
