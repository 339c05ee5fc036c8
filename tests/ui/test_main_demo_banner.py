"""A demo vault shows a permanent, accessible "demo, not for real data" banner; a real vault
shows none (issue 8)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    make_vault,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.services.demo import generate
from msp_desktop.services.session import KdfParams, Session
from msp_desktop.ui.flow import DEMO_PASSPHRASE


def _banner(gui: Any) -> QLabel:
    win = gui.main_window
    assert win is not None
    banner = win.demo_banner
    assert isinstance(banner, QLabel)
    return banner


def _check_banner(qtbot: Any, gui: Any) -> None:
    banner = _banner(gui)
    assert banner.isVisibleTo(gui.main_window)
    assert "not for real data" in banner.accessibleName().lower()
    assert "Demo vault" in banner.text() and "real people" in banner.text()
    assert banner.accessibleDescription() == banner.text()
    # Nothing closes it: no button inside, and Escape leaves it where it is.
    assert banner.findChildren(QAbstractButton) == []
    qtbot.keyClick(gui.main_window, Qt.Key.Key_Escape)
    assert banner.isVisibleTo(gui.main_window)


def test_the_demo_flow_shows_the_banner_and_keeps_it_after_a_lock(qtbot, gui_factory) -> None:
    gui = gui_factory(demo_cases=2)
    start = gui.show_first_window()
    start.demo_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=30000)
    _check_banner(qtbot, gui)
    gui.lock()
    unlock(qtbot, gui, DEMO_PASSPHRASE)
    _check_banner(qtbot, gui)


def test_a_vault_filled_by_the_demo_command_shows_it(qtbot, qtlog, gui_factory,
                                                     tmp_path: Path) -> None:
    filled = make_vault(tmp_path / "filled", lambda s: generate(s, cases=1, seed=3))
    _check_banner(qtbot, unlocked_gui(qtbot, gui_factory, filled))
    assert not [r for r in qtlog.records if "stylesheet" in r.message.lower()]


def test_a_real_vault_has_no_banner(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    assert gui.main_window.demo_banner is None
    assert not [w for w in gui.main_window.findChildren(QLabel)
                if "not for real data" in w.accessibleName().lower()]


def test_a_demo_vault_made_before_the_marker_gets_it_when_opened(qtbot, gui_factory,
                                                                 tmp_path: Path) -> None:
    older = Session.create(tmp_path / "demo", DEMO_PASSPHRASE, kdf=KdfParams.fast())
    generate(older, cases=1, seed=2)
    with older.write():
        older.conn.execute("DELETE FROM meta WHERE key = 'demo'")  # as an older version left it
    older.close()
    gui = gui_factory()  # its demo folder is tmp_path / "demo"
    gui.show_first_window().demo_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=30000)
    _check_banner(qtbot, gui)
