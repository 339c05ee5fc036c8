"""The composition root: arguments, hardening, first window."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from a11y import assert_accessible
from PySide6.QtGui import QGuiApplication

from msp_desktop import app as app_module
from msp_desktop.app import build_gui, parse_args
from msp_desktop.ui.flow import Gui
from msp_desktop.ui.start_window import StartWindow
from msp_desktop.ui.unlock_window import UnlockWindow


def test_parse_args_keeps_qt_options() -> None:
    args, rest = parse_args(
        ["msp-desktop", "--vault", "/v", "--no-crash-dialog", "-style", "fusion"]
    )
    assert args.vault == "/v"
    assert args.no_crash_dialog
    assert args.settings is None
    assert rest == ["msp-desktop", "-style", "fusion"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_harden_process_in_subprocess() -> None:
    code = (
        "import ctypes, resource\n"
        "from msp_desktop.services.hardening import harden_process\n"
        "done = harden_process()\n"
        "assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)\n"
        "assert ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) == 0\n"  # PR_GET_DUMPABLE
        "print(','.join(done))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "rlimit_core,not_dumpable"


@pytest.fixture
def make_gui(qapp, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(app_module, "route_qt_messages", lambda: None)
    made: list[Gui] = []

    def make(*extra: str) -> Gui:
        argv = [
            "msp-desktop",
            "--no-crash-dialog",
            "--settings",
            str(tmp_path / "settings.ini"),
            "--log-dir",
            str(tmp_path / "logs"),
            *extra,
        ]
        args, _ = parse_args(argv)
        gui = build_gui(args, qapp)
        made.append(gui)
        return gui

    yield make
    for gui in made:
        gui.dispose()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if str(getattr(handler, "msp_log_path", "")).startswith(str(tmp_path)):
            root.removeHandler(handler)
            handler.close()
    qapp.setStyleSheet("")


def test_first_run_shows_start_window(make_gui, qapp) -> None:
    gui = make_gui()
    win = gui.show_first_window()
    assert isinstance(win, StartWindow)
    assert win.windowTitle() == "MSP Desktop"
    assert qapp.applicationName() == "MSP Desktop"
    assert qapp.desktopFileName() == "msp-desktop"
    assert qapp.font().family() == "DejaVu Sans"
    assert_accessible(win)


def test_vault_argument_shows_unlock(make_gui, tmp_path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    gui = make_gui("--vault", str(vault))
    win = gui.show_first_window()
    assert isinstance(win, UnlockWindow)
    assert win.vault_path() == str(vault)


def test_open_requested_leads_to_unlock(make_gui, tmp_path) -> None:
    gui = make_gui()
    start = gui.show_first_window()
    assert isinstance(start, StartWindow)
    start.open_requested.emit(str(tmp_path))
    assert gui.unlock_window is not None and gui.unlock_window.isVisible()
    assert gui.start_window is None


def test_unlock_handler_seam(make_gui, tmp_path, qtbot) -> None:
    gui = make_gui("--vault", str(tmp_path))
    win = gui.show_first_window()
    assert isinstance(win, UnlockWindow)
    win.passphrase.setText("some words here")
    win.unlock_button.click()
    assert win.error() != ""  # no handler yet: says so, does not crash
    calls: list[tuple[str, str]] = []
    gui.unlock_handler = lambda p, s: calls.append((p, s))
    win.passphrase.setText("some words here")
    win.unlock_button.click()
    assert calls == [(str(tmp_path), "some words here")]


def test_lock_clears_clipboard(make_gui, tmp_path) -> None:
    gui = make_gui()
    gui.settings.last_vault_path = str(tmp_path)
    gui.show_first_window()
    gui.clipboard.copy("case text")
    gui.lock()
    assert QGuiApplication.clipboard().text() == ""
    assert gui.unlock_window is not None and gui.unlock_window.isVisible()


def test_apply_settings(make_gui) -> None:
    gui = make_gui()
    gui.settings.auto_lock_minutes = 9
    gui.apply_settings()
    assert gui.idle.minutes() == 9
