"""Lock when the OS session is locked, the machine suspends or the user is switched away (LOCK-3).

`SessionWatcher.lock_requested(reason)` fires with one of `SESSION_LOCKED`, `SUSPEND` or
`USER_SWITCHED`. The decisions live in plain methods (`on_prepare_for_sleep`,
`on_session_lock`, `on_screensaver_active`, `on_windows_message`, `on_application_state`) and
the pure function `windows_reason`, so they are tested on every platform; the back-ends only
feed them.

What each platform covers:

- Linux (and other D-Bus systems), tested here against a private bus:
  system bus: logind `Manager.PrepareForSleep(true)` -> suspend; the current session's
  `Session.Lock` -> session-locked (every session's when `XDG_SESSION_ID` is unset: locking too
  often is the safe side). Session bus: `org.freedesktop.ScreenSaver` and
  `org.gnome.ScreenSaver` `ActiveChanged(true)` -> session-locked. A user switch is seen only
  through the lock the desktop does when switching (GNOME and KDE lock first). Without D-Bus
  (containers, CI) the watcher is inactive and says so once in the log.
- Windows, decoding unit-tested here, the Win32 calls untested (no Windows here):
  WM_WTSSESSION_CHANGE with WTS_SESSION_LOCK -> session-locked, WTS_CONSOLE_DISCONNECT /
  WTS_REMOTE_DISCONNECT -> user-switched (fast user switching disconnects the console
  session); WM_POWERBROADCAST with PBT_APMSUSPEND -> suspend. Session notifications are
  registered (WTSRegisterSessionNotification) for a hidden window the watcher owns, so they
  survive the app's own windows being replaced on lock and unlock.
- macOS: NOT covered beyond Qt. Screen lock ("com.apple.screenIsLocked") and sleep
  (NSWorkspaceWillSleepNotification) need Objective-C/CoreFoundation callbacks through ctypes,
  which cannot be tested here and would crash the app if wrong, so they are not shipped. Only
  the Qt fallback runs: `Qt.ApplicationSuspended` -> suspend, which Qt sends on mobile
  platforms but, as far as we know, not on macOS. On macOS the idle auto-lock (LOCK-1) is what
  protects an unattended app.

The fallback is connected on every platform; it costs nothing where Qt never sends it.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication, QWindow

log = logging.getLogger(__name__)

SESSION_LOCKED = "session-locked"
SUSPEND = "suspend"
USER_SWITCHED = "user-switched"

# Win32 constants (winuser.h, wtsapi32.h).
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0

LOGIN1_SERVICE = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
LOGIN1_SESSION_PREFIX = "/org/freedesktop/login1/session/"
SCREENSAVER_INTERFACES = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")

_WINDOWS_SESSION_REASONS = {
    WTS_SESSION_LOCK: SESSION_LOCKED,
    WTS_CONSOLE_DISCONNECT: USER_SWITCHED,
    WTS_REMOTE_DISCONNECT: USER_SWITCHED,
}


def windows_reason(message: int, wparam: int) -> str | None:
    """Return the lock reason for a Win32 message, or None when it is not one to lock on."""
    if message == WM_WTSSESSION_CHANGE:
        return _WINDOWS_SESSION_REASONS.get(wparam)
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return SUSPEND
    return None


def logind_session_path(session_id: str) -> str:
    """Return logind's object path for a session id (sd_bus_path_encode's escaping)."""
    if not session_id:
        return LOGIN1_SESSION_PREFIX + "_"
    out = []
    for i, ch in enumerate(session_id):
        if ch.isascii() and (ch.isalpha() or (i > 0 and ch.isdigit())):
            out.append(ch)
        else:
            out.extend(f"_{b:02x}" for b in ch.encode())
    return LOGIN1_SESSION_PREFIX + "".join(out)


class _DBusReceiver(QObject):
    """The slots QtDBus delivers to (it needs a QObject with C++-typed slot signatures)."""

    def __init__(self, watcher: SessionWatcher) -> None:
        super().__init__(watcher)
        self._watcher = watcher

    @Slot(bool)
    def prepare_for_sleep(self, active: bool) -> None:
        self._watcher.on_prepare_for_sleep(active)

    @Slot()
    def session_lock(self) -> None:
        self._watcher.on_session_lock()

    @Slot(bool)
    def screensaver_active(self, active: bool) -> None:
        self._watcher.on_screensaver_active(active)


class _WindowsFilter(QAbstractNativeEventFilter):
    """Feeds Win32 messages to the watcher; never consumes them."""

    def __init__(self, watcher: SessionWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:  # Qt API name
        # "windows_dispatcher_MSG" repeats posted messages; ours are sent, so generic only.
        if bytes(event_type) == b"windows_generic_MSG":
            try:
                from ctypes import wintypes

                msg = wintypes.MSG.from_address(int(message))
                self._watcher.on_windows_message(int(msg.message), int(msg.wParam or 0))
            except Exception:  # an exception here would escape into Qt's window procedure
                log.exception("Could not read a native message")
        return False, 0


class SessionWatcher(QObject):
    """Emits `lock_requested(reason)` when the OS session is locked, suspends or is switched.

    `start()` connects the back-ends of this platform and returns whether any is active;
    `stop()` disconnects them. `system_bus` / `session_bus` (QDBusConnection) replace the
    default buses (tests use a private bus).
    """

    lock_requested = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        system_bus: Any = None,
        session_bus: Any = None,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(parent)
        self._system_bus = system_bus
        self._session_bus = session_bus
        self._platform = platform
        self._backends: list[str] = []
        self._dbus_links: list[tuple[Any, tuple[str, str, str, str], str]] = []
        self._receiver: _DBusReceiver | None = None
        self._filter: _WindowsFilter | None = None
        self._hwnd_window: QWindow | None = None
        self._app: QGuiApplication | None = None
        self._started = False

    # state ---------------------------------------------------------------------------------

    def is_active(self) -> bool:
        """Return whether an OS back-end is listening (the Qt fallback does not count)."""
        return bool(self._backends)

    def backends(self) -> list[str]:
        """Return the names of the connected OS back-ends (for logs and tests)."""
        return list(self._backends)

    # decisions -----------------------------------------------------------------------------

    def on_prepare_for_sleep(self, active: bool) -> None:
        """logind PrepareForSleep: true before sleeping, false after waking."""
        if active:
            self._request(SUSPEND)

    def on_session_lock(self) -> None:
        """logind Session.Lock."""
        self._request(SESSION_LOCKED)

    def on_screensaver_active(self, active: bool) -> None:
        """ScreenSaver ActiveChanged: true when the screen locks or blanks."""
        if active:
            self._request(SESSION_LOCKED)

    def on_windows_message(self, message: int, wparam: int) -> bool:
        """A Win32 message; return whether it asked for a lock."""
        reason = windows_reason(message, wparam)
        if reason is not None:
            self._request(reason)
        return reason is not None

    def on_application_state(self, state: Qt.ApplicationState) -> None:
        """Qt's application state: Suspended is sent on some platforms before sleeping."""
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._request(SUSPEND)

    def _request(self, reason: str) -> None:
        log.info("System asked to lock: %s", reason)
        self.lock_requested.emit(reason)

    # back-ends -----------------------------------------------------------------------------

    def start(self, app: QCoreApplication | None = None) -> bool:
        """Connect this platform's back-ends; return whether any OS back-end is active."""
        if self._started:
            return self.is_active()
        self._started = True
        app = app if app is not None else QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self.on_application_state)
            self._app = app
        if self._platform == "win32":
            self._start_windows(app)
        elif self._platform != "darwin":
            self._start_dbus()
        if self._backends:
            log.info("Locking on system events from: %s", ", ".join(self._backends))
        else:
            log.info("No system lock/suspend events available; relying on the idle lock")
        return self.is_active()

    def stop(self) -> None:
        """Disconnect every back-end."""
        for bus, (service, path, interface, name), slot in self._dbus_links:
            bus.disconnect(service, path, interface, name, self._receiver, slot)
        self._dbus_links.clear()
        if self._app is not None:
            self._app.applicationStateChanged.disconnect(self.on_application_state)
            self._app = None
        self._stop_windows()
        self._backends.clear()
        self._started = False

    def _start_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            log.info("QtDBus is not available")
            return
        system = self._system_bus if self._system_bus is not None else QDBusConnection.systemBus()
        session = (self._session_bus if self._session_bus is not None
                   else QDBusConnection.sessionBus())
        self._receiver = _DBusReceiver(self)
        if system.isConnected():
            ok = self._link(system, LOGIN1_SERVICE, LOGIN1_PATH, LOGIN1_MANAGER,
                            "PrepareForSleep", "prepare_for_sleep(bool)")
            # Our session's path, when known; else any session's Lock (over-locking is safe).
            session_id = os.environ.get("XDG_SESSION_ID", "")
            path = logind_session_path(session_id) if session_id else ""
            ok = self._link(system, LOGIN1_SERVICE, path, LOGIN1_SESSION, "Lock",
                            "session_lock()") or ok
            if ok:
                self._backends.append("logind")
        else:
            log.info("No D-Bus system bus: %s", system.lastError().message())
        if session.isConnected():
            # Any sender and path: KDE emits on /ScreenSaver and /org/freedesktop/ScreenSaver.
            ok = False
            for interface in SCREENSAVER_INTERFACES:
                ok = self._link(session, "", "", interface, "ActiveChanged",
                                "screensaver_active(bool)") or ok
            if ok:
                self._backends.append("screensaver")
        else:
            log.info("No D-Bus session bus: %s", session.lastError().message())

    def _link(self, bus: Any, service: str, path: str, interface: str, name: str,
              slot_signature: str) -> bool:
        slot = SLOT(slot_signature)  # "1name(args)", the form QtDBus matches slots by
        if not bus.connect(service, path, interface, name, self._receiver, slot):
            log.info("Could not watch %s.%s: %s", interface, name, bus.lastError().message())
            return False
        self._dbus_links.append((bus, (service, path, interface, name), slot))
        return True

    def _start_windows(self, app: QCoreApplication | None) -> None:
        if app is None:
            return
        self._filter = _WindowsFilter(self)
        app.installNativeEventFilter(self._filter)
        self._backends.append("power")  # WM_POWERBROADCAST reaches every top-level window
        if sys.platform != "win32":  # only reached with platform="win32" in tests
            return
        # A hidden window of our own: the app's windows come and go on lock and unlock.
        window = QWindow()
        window.create()
        try:
            wtsapi32 = _wtsapi32()
            if wtsapi32.WTSRegisterSessionNotification(int(window.winId()),
                                                       NOTIFY_FOR_THIS_SESSION):
                self._hwnd_window = window
                self._backends.append("wts")
            else:
                import ctypes

                log.info("WTSRegisterSessionNotification failed: %s", ctypes.get_last_error())
        except OSError:
            log.info("Session notifications are not available")
        if self._hwnd_window is None:
            window.destroy()

    def _stop_windows(self) -> None:
        if self._filter is not None:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeNativeEventFilter(self._filter)
            self._filter = None
        window, self._hwnd_window = self._hwnd_window, None
        if window is None:
            return
        if sys.platform == "win32":
            try:
                _wtsapi32().WTSUnRegisterSessionNotification(int(window.winId()))
            except OSError:
                pass
        window.destroy()


def _wtsapi32() -> Any:
    """Load wtsapi32 with prototypes (an HWND is pointer-sized; ctypes' default is int)."""
    import ctypes
    from ctypes import wintypes

    dll = ctypes.WinDLL("wtsapi32", use_last_error=True)  # type: ignore[attr-defined]
    dll.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]
    dll.WTSRegisterSessionNotification.restype = wintypes.BOOL
    dll.WTSUnRegisterSessionNotification.argtypes = [wintypes.HWND]
    dll.WTSUnRegisterSessionNotification.restype = wintypes.BOOL
    return dll
