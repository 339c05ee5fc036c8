"""LOCK-3: lock on OS session lock, suspend or user switch (msp_desktop/ui/session_watch.py)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import ctypes
import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from ctypes import wintypes
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from test_main_support import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    fake_clock,
    gui_factory,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.services.session import Session
from msp_desktop.ui import session_watch
from msp_desktop.ui.session_watch import (
    SESSION_LOCKED,
    SUSPEND,
    USER_SWITCHED,
    SessionWatcher,
    logind_session_path,
    windows_reason,
)
from msp_desktop.ui.workers import TaskRunner


class Recorder:
    def __init__(self, watcher: SessionWatcher) -> None:
        self.reasons: list[str] = []
        watcher.lock_requested.connect(self.reasons.append)


# pure decisions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "wparam", "reason"),
    [
        (0x02B1, 0x7, SESSION_LOCKED),  # WM_WTSSESSION_CHANGE / WTS_SESSION_LOCK
        (0x02B1, 0x2, USER_SWITCHED),  # WTS_CONSOLE_DISCONNECT
        (0x02B1, 0x4, USER_SWITCHED),  # WTS_REMOTE_DISCONNECT
        (0x02B1, 0x8, None),  # WTS_SESSION_UNLOCK
        (0x02B1, 0x1, None),  # WTS_CONSOLE_CONNECT
        (0x02B1, 0x5, None),  # WTS_SESSION_LOGON
        (0x0218, 0x4, SUSPEND),  # WM_POWERBROADCAST / PBT_APMSUSPEND
        (0x0218, 0x7, None),  # PBT_APMRESUMESUSPEND
        (0x0218, 0x12, None),  # PBT_APMRESUMEAUTOMATIC
        (0x0100, 0x7, None),  # WM_KEYDOWN
        (0x0000, 0x4, None),
    ],
)
def test_windows_reason(message: int, wparam: int, reason: str | None) -> None:
    assert windows_reason(message, wparam) == reason


@pytest.mark.parametrize(
    ("session_id", "path"),
    [("2", "_32"), ("c1", "c1"), ("12", "_312"), ("a_b", "a_5fb"), ("", "_")],
)
def test_logind_session_path(session_id: str, path: str) -> None:
    assert logind_session_path(session_id) == "/org/freedesktop/login1/session/" + path


def test_fake_signals_give_the_right_reason(qapp) -> None:
    watcher = SessionWatcher()
    rec = Recorder(watcher)
    watcher.on_prepare_for_sleep(False)  # waking up
    watcher.on_screensaver_active(False)  # screen unlocked
    watcher.on_application_state(Qt.ApplicationState.ApplicationActive)
    watcher.on_application_state(Qt.ApplicationState.ApplicationInactive)
    assert not watcher.on_windows_message(0x02B1, 0x8)
    assert rec.reasons == []
    watcher.on_prepare_for_sleep(True)
    watcher.on_session_lock()
    watcher.on_screensaver_active(True)
    assert watcher.on_windows_message(0x02B1, 0x7)
    assert watcher.on_windows_message(0x02B1, 0x2)
    assert watcher.on_windows_message(0x0218, 0x4)
    watcher.on_application_state(Qt.ApplicationState.ApplicationSuspended)
    assert rec.reasons == [SUSPEND, SESSION_LOCKED, SESSION_LOCKED, SESSION_LOCKED,
                           USER_SWITCHED, SUSPEND, SUSPEND]


def test_native_filter_reads_the_msg_struct(qapp) -> None:
    watcher = SessionWatcher()
    rec = Recorder(watcher)
    flt = session_watch._WindowsFilter(watcher)
    msg = wintypes.MSG()
    msg.message = 0x02B1
    msg.wParam = 0x7
    # the dispatcher copy of a message is ignored (it would lock twice)
    assert flt.nativeEventFilter(b"windows_dispatcher_MSG", ctypes.addressof(msg)) == (False, 0)
    assert rec.reasons == []
    assert flt.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg)) == (False, 0)
    msg.message, msg.wParam = 0x0218, 0x4
    flt.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
    msg.message = 0x0201  # WM_LBUTTONDOWN
    flt.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
    assert rec.reasons == [SESSION_LOCKED, SUSPEND]


def test_application_suspended_fallback_follows_the_app(qapp) -> None:
    watcher = SessionWatcher(platform="darwin")
    rec = Recorder(watcher)
    assert watcher.start(qapp) is False  # macOS: no OS back-end, only Qt's state
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert rec.reasons == [SUSPEND]
    watcher.stop()
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert rec.reasons == [SUSPEND]


def test_windows_backend_installs_and_removes_its_filter(qapp) -> None:
    watcher = SessionWatcher(platform="win32")
    assert watcher.start(qapp)
    assert watcher.backends() == ["power"]  # WTS registration needs real Windows
    watcher.stop()
    assert not watcher.is_active()


def test_windows_registration_uses_a_window_of_its_own(qapp, monkeypatch) -> None:
    """The Win32 calls with a stand-in for wtsapi32 (the real one needs Windows)."""
    calls: list[tuple[str, int, int | None]] = []

    class FakeWtsapi32:
        def WTSRegisterSessionNotification(self, hwnd: int, flags: int) -> int:
            calls.append(("register", hwnd, flags))
            return 1

        def WTSUnRegisterSessionNotification(self, hwnd: int) -> int:
            calls.append(("unregister", hwnd, None))
            return 1

    monkeypatch.setattr(session_watch, "_wtsapi32", FakeWtsapi32)
    monkeypatch.setattr(sys, "platform", "win32")
    watcher = SessionWatcher(platform="win32")
    assert watcher.start(qapp)
    assert watcher.backends() == ["power", "wts"]
    watcher.stop()
    monkeypatch.undo()
    assert [c[0] for c in calls] == ["register", "unregister"]
    assert calls[0][1] == calls[1][1] != 0 and calls[0][2] == 0  # NOTIFY_FOR_THIS_SESSION


# no D-Bus ----------------------------------------------------------------------------------


def test_missing_buses_do_not_raise_and_log_once(qapp, caplog) -> None:
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/msp-test-bus", "msp-missing")
    try:
        assert not bus.isConnected()
        watcher = SessionWatcher(system_bus=bus, session_bus=bus, platform="linux")
        with caplog.at_level(logging.INFO, logger="msp_desktop.ui.session_watch"):
            assert watcher.start(qapp) is False
            assert watcher.start(qapp) is False  # a second start is a no-op
        assert not watcher.is_active()
        summary = [r for r in caplog.records if "relying on the idle lock" in r.getMessage()]
        assert len(summary) == 1 and summary[0].levelno == logging.INFO
        watcher.stop()
    finally:
        QDBusConnection.disconnectFromBus("msp-missing")


def test_default_buses_never_raise(qapp) -> None:
    watcher = SessionWatcher()
    assert isinstance(watcher.start(qapp), bool)
    watcher.stop()


# a real signal on a private bus ------------------------------------------------------------


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A throwaway dbus-daemon; yields its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian package: dbus)")
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        if not address:
            pytest.skip("dbus-daemon did not start")
        yield address
    finally:
        proc.terminate()
        proc.wait(10)


def emit(bus: QDBusConnection, path: str, interface: str, name: str, *args: Any) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(args))
    assert bus.send(message), bus.lastError().message()


def test_real_dbus_signals_request_a_lock(qtbot, qapp, private_bus, monkeypatch) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "2")
    listener = QDBusConnection.connectToBus(private_bus, "msp-listener")
    logind = QDBusConnection.connectToBus(private_bus, "msp-fake-logind")
    desktop = QDBusConnection.connectToBus(private_bus, "msp-fake-desktop")
    watcher = SessionWatcher(system_bus=listener, session_bus=listener, platform="linux")
    try:
        assert listener.isConnected() and logind.isConnected()
        assert logind.registerService("org.freedesktop.login1")
        rec = Recorder(watcher)
        assert watcher.start(qapp)
        assert watcher.backends() == ["logind", "screensaver"]

        def wait_for(count: int) -> None:
            qtbot.waitUntil(lambda: len(rec.reasons) >= count, timeout=5000)

        emit(logind, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
             "PrepareForSleep", False)
        emit(logind, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
             "PrepareForSleep", True)
        wait_for(1)
        # another session's Lock is ignored; ours (id "2" -> _32) locks
        emit(logind, "/org/freedesktop/login1/session/_33", "org.freedesktop.login1.Session",
             "Lock")
        emit(logind, "/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session",
             "Lock")
        wait_for(2)
        # only logind may send logind's signals
        emit(desktop, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
             "PrepareForSleep", True)
        emit(desktop, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
             "ActiveChanged", False)
        emit(desktop, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
             "ActiveChanged", True)
        wait_for(3)
        emit(desktop, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
        wait_for(4)
        assert rec.reasons == [SUSPEND, SESSION_LOCKED, SESSION_LOCKED, SESSION_LOCKED]
        watcher.stop()
        emit(desktop, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
        qtbot.wait(200)
        assert len(rec.reasons) == 4
    finally:
        watcher.stop()
        for name in ("msp-listener", "msp-fake-logind", "msp-fake-desktop"):
            QDBusConnection.disconnectFromBus(name)


# wired into the app ------------------------------------------------------------------------


def test_gui_creates_and_starts_a_watcher(qtbot, gui_factory) -> None:
    gui = gui_factory()
    assert isinstance(gui.session_watcher, SessionWatcher)


def test_system_lock_locks_an_unlocked_app(qtbot, gui_factory, vault) -> None:
    watcher = SessionWatcher()
    gui = unlocked_gui(qtbot, lambda path: gui_factory(path, session_watcher=watcher), vault)
    session = gui.session
    assert session is not None and session.is_open
    watcher.on_screensaver_active(True)
    assert gui.session is None
    assert not session.is_open
    assert gui.main_window is None
    assert gui.unlock_window is not None and gui.unlock_window.isVisible()
    # further reports of the same screen lock leave the unlock window alone
    win = gui.unlock_window
    watcher.on_session_lock()
    watcher.on_prepare_for_sleep(True)
    assert gui.unlock_window is win
    unlock(qtbot, gui)
    assert gui.main_window is not None


@pytest.mark.parametrize("threaded", [False, True])
def test_system_lock_cancels_an_unlock_in_progress(
    qtbot, qapp, gui_factory, vault, monkeypatch, threaded: bool
) -> None:
    opened: list[Session] = []
    real_open = Session.open

    def spy_open(*args: Any, **kwargs: Any) -> Session:
        session = real_open(*args, **kwargs)
        opened.append(session)
        return session

    monkeypatch.setattr(Session, "open", spy_open)
    watcher = SessionWatcher()
    kwargs: dict[str, Any] = {"session_watcher": watcher}
    if threaded:
        kwargs["runner"] = TaskRunner(qapp)
    gui = gui_factory(str(vault["path"]), **kwargs)
    gui.show_first_window()
    win = gui.unlock_window
    assert win is not None
    win.passphrase.setText(PASSPHRASE)
    win.unlock_button.click()
    assert gui.unlock_in_progress()
    watcher.on_prepare_for_sleep(True)  # the lid closes while the key is being derived
    qtbot.waitUntil(lambda: bool(opened) and not gui.unlock_in_progress(), timeout=10000)
    QCoreApplication.processEvents()
    assert gui.session is None
    assert gui.main_window is None
    assert not opened[0].is_open  # the late result was closed at once
    assert gui.unlock_window is not None and gui.unlock_window.isVisible()
    assert gui.unlock_window.passphrase.isEnabled()
    assert gui.unlock_window.passphrase.text() == ""
    # the vault is free again: a fresh unlock works
    unlock(qtbot, gui)
    assert gui.main_window is not None and gui.session is not None
