"""One walk through every window, dialog and tab: every focusable widget has a name."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from a11y import assert_accessible, assert_tab_reaches_all, unnamed_widgets
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    open_case,
    search,
    unlock,
    vault,
)

from msp_desktop.domain.kinds import KINDS
from msp_desktop.ui.new_case_dialog import NewCaseDialog
from msp_desktop.ui.settings_dialog import SettingsDialog


def test_every_screen_is_named(qtbot, gui_factory, vault) -> None:
    gui = gui_factory()
    start = gui.show_start()
    assert_accessible(start)
    assert_tab_reaches_all(start)

    create = gui.show_create()
    assert_accessible(create)
    assert_tab_reaches_all(create)
    create.reject()

    unlock_win = gui.show_unlock(str(vault["path"]))
    unlock_win.passphrase.setText("wrong words here")
    unlock_win.unlock_button.click()
    qtbot.waitUntil(lambda: bool(unlock_win.error()), timeout=10000)
    assert_accessible(unlock_win)
    assert_tab_reaches_all(unlock_win)
    unlock(qtbot, gui)
    win = gui.main_window
    assert win is not None
    assert_accessible(win)

    # search results
    search(qtbot, win, "heliotrope")
    assert_accessible(win)
    win.caseload.clear_search()

    ws = open_case(qtbot, win, vault["info"]["case_id"])
    assert_accessible(win)
    problems: dict[str, list[str]] = {}
    for i in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(i)
        assert_accessible(win)
        tab = ws.tabs.widget(i)
        for kind in getattr(tab, "kinds", ()):
            if kind not in KINDS:
                continue
            button = tab.new_buttons.get(kind)
            if button is not None and not button.isEnabled():
                # gated (best interests needs a capacity assessment): open the editor directly
                tab._show_editor(kind, None)
            else:
                tab.new_record(kind)
            missing = unnamed_widgets(win)
            if missing:
                problems[kind] = missing
    assert not problems, problems
    ws.open_record(vault["info"]["note_id"])
    assert_accessible(win)

    settings = SettingsDialog(gui.settings, win)
    qtbot.addWidget(settings)
    settings.show()
    assert_accessible(settings)

    new_case = NewCaseDialog(gui.session, win)
    qtbot.addWidget(new_case)
    new_case.show()
    assert_accessible(new_case)
    assert_tab_reaches_all(new_case)
    new_case.submit()  # errors shown: still named
    assert_accessible(new_case)
    new_case.reject()

    gui.lock_warning.show_warning(42)
    assert_accessible(gui.lock_warning)
    gui.lock_warning.hide()
