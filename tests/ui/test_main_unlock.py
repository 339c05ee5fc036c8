"""Start, create and unlock flows of the app (Gui in msp_desktop/app.py)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_main_support import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    fake_clock,
    gui_factory,
    unlock,
    vault,
)

from msp_desktop import cli
from msp_desktop.services.session import Session
from msp_desktop.storage.errors import VaultInUse, WrongPassphrase
from msp_desktop.ui.backoff import UnlockBackoff
from msp_desktop.ui.create_vault_dialog import CreateVaultDialog
from msp_desktop.ui.start_window import StartWindow
from msp_desktop.ui.unlock_window import UnlockWindow


def test_create_vault_through_the_dialog(qtbot, gui_factory, tmp_path: Path) -> None:
    gui = gui_factory()
    start = gui.show_first_window()
    assert isinstance(start, StartWindow)
    start.create_button.click()
    dialog = gui.create_dialog
    assert isinstance(dialog, CreateVaultDialog)
    folder = tmp_path / "new-vault"
    dialog.folder.edit.setText(str(folder))
    dialog.author.setText("Sam Worker")
    dialog.device.setText("Work laptop")
    # a weak passphrase is refused inline, nothing is created
    dialog.passphrase.passphrase.setText("password")
    dialog.passphrase.confirm.setText("password")
    dialog.create_button.click()
    assert not folder.exists()
    assert dialog.passphrase.passphrase_error.isVisibleTo(dialog)
    dialog.passphrase.passphrase.setText(PASSPHRASE)
    dialog.passphrase.confirm.setText(PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=10000)
    assert (folder / "vault.db").exists()
    assert gui.settings.last_vault_path == str(folder)
    assert gui.main_window.windowTitle() == "MSP Desktop"
    assert gui.session.author == "Sam Worker"
    # the new vault opens again with that passphrase
    gui.lock()
    assert gui.session is None
    assert gui.unlock_window is not None and gui.unlock_window.vault_path() == str(folder)
    unlock(qtbot, gui)
    assert gui.main_window is not None


def test_create_vault_refuses_an_existing_vault(qtbot, gui_factory, vault) -> None:
    gui = gui_factory()
    gui.show_first_window()
    dialog = gui.show_create()
    dialog.folder.edit.setText(str(vault["path"]))
    dialog.passphrase.passphrase.setText(PASSPHRASE)
    dialog.passphrase.confirm.setText(PASSPHRASE)
    dialog.create_button.click()
    assert "already exists" in dialog.field_error.text()
    assert gui.main_window is None


def test_unlock_wrong_then_right(qtbot, gui_factory, vault) -> None:
    gui = gui_factory(str(vault["path"]))
    win = gui.show_first_window()
    assert isinstance(win, UnlockWindow)
    win.passphrase.setText("not the right words")
    win.unlock_button.click()
    qtbot.waitUntil(lambda: bool(win.error()), timeout=10000)
    assert win.error() == WrongPassphrase.user_message
    assert WrongPassphrase.user_message in win.passphrase.accessibleDescription()
    assert win.passphrase.text() == ""
    assert win.passphrase.isEnabled() and not win.is_busy()
    assert win.focusWidget() is win.passphrase
    assert gui.session is None
    unlock(qtbot, gui)
    assert gui.main_window is not None and gui.main_window.isVisible()
    assert gui.session is not None and gui.session.is_open
    assert gui.unlock_window is None


def test_backoff_after_repeated_wrong_passphrases(qtbot, gui_factory, vault, fake_clock) -> None:
    gui = gui_factory(str(vault["path"]))
    win = gui.show_first_window()
    for _ in range(3):
        win.passphrase.setText("wrong words again")
        win.unlock_button.click()
        qtbot.waitUntil(lambda: not win.is_busy() and bool(win.error()), timeout=10000)
    assert "try again in 1 second" in win.error()
    # right passphrase too early: refused without trying
    win.passphrase.setText(PASSPHRASE)
    win.unlock_button.click()
    assert "Wait 1 second" in win.error()
    assert gui.main_window is None
    fake_clock.advance(1.5)
    unlock(qtbot, gui)
    assert gui.main_window is not None
    assert gui.backoff.failures == 0


def test_backoff_doubles_and_is_capped(fake_clock) -> None:
    b = UnlockBackoff(clock=fake_clock, free_attempts=3, max_seconds=30)
    assert [b.record_failure() for _ in range(9)] == [0, 0, 1, 2, 4, 8, 16, 30, 30]
    assert b.seconds_to_wait() == 30
    fake_clock.advance(30)
    assert b.seconds_to_wait() == 0
    b.record_success()
    assert b.failures == 0


def test_vault_open_elsewhere_has_its_own_message(qtbot, gui_factory, vault) -> None:
    other = Session.open(vault["path"], PASSPHRASE)
    try:
        gui = gui_factory(str(vault["path"]))
        win = gui.show_first_window()
        unlock(qtbot, gui)
        assert win.error() == VaultInUse.user_message
        assert gui.session is None
    finally:
        other.close()


def test_missing_vault_says_so(qtbot, gui_factory, tmp_path) -> None:
    gui = gui_factory()
    win = gui.show_unlock(str(tmp_path / "nowhere"))
    win.passphrase.setText(PASSPHRASE)
    win.unlock_button.click()
    assert "No vault was found" in win.error()


def test_vault_argument_from_the_command_line(monkeypatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr("msp_desktop.app.run_gui", lambda argv: seen.append(argv) or 0)
    assert cli.main(["--vault", "/some/vault"]) == 0
    from msp_desktop.app import parse_args

    args, _ = parse_args(seen[0])
    assert args.vault == "/some/vault"


def test_vault_argument_focuses_the_passphrase(qtbot, gui_factory, vault) -> None:
    gui = gui_factory(str(vault["path"]))
    win = gui.show_first_window()
    assert isinstance(win, UnlockWindow)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.focusWidget() is win.passphrase)
    qtbot.keyClicks(win.passphrase, PASSPHRASE)
    qtbot.keyClick(win.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=10000)


def test_demo_vault_opens_and_shows_its_passphrase(qtbot, gui_factory) -> None:
    gui = gui_factory(demo_cases=3)
    start = gui.show_first_window()
    start.demo_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=30000)
    assert "passphrase" in gui.main_window.vault_label.text()
    assert gui.settings.last_vault_path == ""  # the demo is not remembered as your vault
    gui.lock()
    assert gui.unlock_window is not None
    from msp_desktop.ui.flow import DEMO_PASSPHRASE

    assert DEMO_PASSPHRASE in gui.unlock_window.note_label.text()
    unlock(qtbot, gui, DEMO_PASSPHRASE)
    assert gui.main_window is not None
