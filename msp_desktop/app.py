"""Composition root of the GUI: arguments, hardening, logging, crash handling, QApplication.

`run_gui(sys.argv)` builds every long-lived object here and passes them on; nothing is looked
up globally. The vault/session wiring (services) plugs into `Gui.unlock_handler`,
`Gui.create_handler` and `Gui.demo_handler`.
"""

from __future__ import annotations

import argparse
import ctypes
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from msp_desktop.ui import theme
from msp_desktop.ui.clipboard import SensitiveClipboard
from msp_desktop.ui.errors import CrashHandler
from msp_desktop.ui.idle import IdleController, LockWarningDialog
from msp_desktop.ui.logsetup import route_qt_messages, setup_logging
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.settings_dialog import SettingsDialog
from msp_desktop.ui.start_window import StartWindow
from msp_desktop.ui.unlock_window import UnlockWindow
from msp_desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

APP_NAME = "MSP Desktop"
ORGANISATION = "MSP Desktop"
DESKTOP_FILE = "msp-desktop"
PR_SET_DUMPABLE = 4


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Parse our options from `argv` (program name first); return them and the rest (Qt's)."""
    parser = argparse.ArgumentParser(prog="msp-desktop", add_help=True)
    parser.add_argument("--vault", metavar="PATH", help="vault folder to unlock")
    parser.add_argument(
        "--no-crash-dialog", action="store_true", help="log crashes without showing a dialog"
    )
    parser.add_argument("--settings", metavar="PATH", help="settings INI file (tests)")
    parser.add_argument("--log-dir", metavar="PATH", help="log folder (tests)")
    args, rest = parser.parse_known_args(list(argv[1:]))
    return args, [argv[0] if argv else "msp-desktop", *rest]


def harden_process() -> list[str]:
    """Forbid core dumps and (Linux) ptrace/proc access by other processes; return what worked."""
    done: list[str] = []
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done.append("rlimit_core")
    except (ImportError, ValueError, OSError):
        log.info("Could not disable core dumps")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not_dumpable")
        except (OSError, AttributeError):
            log.info("Could not mark the process non-dumpable")
    return done


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's and our translations for the locale, when they exist."""
    loc = locale if locale is not None else QLocale()
    ours = str(theme.resources_dir() / "translations")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = []
    for name, folder in (("qtbase", qt_dir), ("msp_desktop", ours)):
        translator = QTranslator(app)
        if translator.load(loc, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


class Gui:
    """Owns the windows and the app-wide helpers of one GUI run."""

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        crash_handler: CrashHandler,
        *,
        vault_path: str | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.crash_handler = crash_handler
        self.runner = TaskRunner(app)
        self.clipboard = SensitiveClipboard(parent=app)
        self.idle = IdleController(settings.auto_lock_minutes, parent=app)
        self.idle.install(app)
        self.idle.set_enabled(False)  # armed by the session wiring after an unlock
        self.lock_warning = LockWarningDialog()
        self.lock_warning.attach(self.idle)
        self.idle.lock_requested.connect(self.lock)
        self.unlock_handler: Callable[[str, str], None] | None = None
        self.create_handler: Callable[[], None] | None = None
        self.demo_handler: Callable[[], None] | None = None
        self.start_window: StartWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self._initial_vault = vault_path or settings.last_vault_path or None
        app.aboutToQuit.connect(self.shutdown)

    def current_window(self) -> QWidget | None:
        """Return the window on screen."""
        for w in (self.unlock_window, self.start_window):
            if w is not None and w.isVisible():
                return w
        return None

    def show_first_window(self) -> QWidget:
        """Show the unlock window for a known vault, else the first-run chooser."""
        if self._initial_vault and Path(self._initial_vault).exists():
            return self.show_unlock(self._initial_vault)
        return self.show_start()

    def show_start(self) -> StartWindow:
        """Show the first-run chooser."""
        self._close_windows()
        win = StartWindow()
        win.create_requested.connect(lambda: self._call(self.create_handler))
        win.demo_requested.connect(lambda: self._call(self.demo_handler))
        win.open_requested.connect(self.show_unlock)
        win.settings_requested.connect(self.open_settings)
        self.start_window = win
        win.show()
        return win

    def show_unlock(self, vault_path: str) -> UnlockWindow:
        """Show the unlock window for a vault folder."""
        self._close_windows()
        win = UnlockWindow(vault_path)
        win.unlock_requested.connect(self._on_unlock_requested)
        win.other_vault_requested.connect(self.show_start)
        self.unlock_window = win
        win.show()
        win.passphrase.setFocus()
        return win

    def open_settings(self) -> None:
        """Show the Settings dialog and apply what changed."""
        dialog = SettingsDialog(self.settings, self.current_window())
        dialog.saved.connect(self.apply_settings)
        dialog.exec()

    def apply_settings(self) -> None:
        """Apply stored settings to the running app."""
        theme.apply_theme(self.app, font_scale=self.settings.font_scale)
        self.idle.set_minutes(self.settings.auto_lock_minutes)

    def lock(self) -> None:
        """Idle or requested lock: clear the clipboard, drop to the unlock window."""
        log.info("Locking")
        self.clipboard.clear_now()
        self.idle.set_enabled(False)
        path = self.settings.last_vault_path
        if path:
            self.show_unlock(path)
        else:
            self.show_start()

    def shutdown(self) -> None:
        """On quit: clear the clipboard and let background work finish."""
        self.clipboard.clear_now()
        self.runner.wait(5000)
        self.settings.sync()

    def dispose(self) -> None:
        """Undo the app-wide hooks (tests, or a re-built GUI)."""
        self.clipboard.clear_now()
        self.idle.set_enabled(False)
        self.idle.uninstall(self.app)
        self.crash_handler.uninstall()
        self._close_windows()
        self.lock_warning.deleteLater()

    def _on_unlock_requested(self, path: str, passphrase: str) -> None:
        if self.unlock_handler is not None:
            self.unlock_handler(path, passphrase)
            return
        if self.unlock_window is not None:
            self.unlock_window.show_error(
                QCoreApplication.translate("Gui", "This version cannot open vaults yet.")
            )

    def _call(self, handler: Callable[[], None] | None) -> None:
        if handler is not None:
            handler()
            return
        QMessageBox.information(
            self.current_window(),
            QCoreApplication.translate("Gui", "MSP Desktop"),
            QCoreApplication.translate("Gui", "This version cannot do that yet."),
        )

    def _close_windows(self) -> None:
        for attr in ("start_window", "unlock_window"):
            win = getattr(self, attr)
            if win is not None:
                win.close()
                win.deleteLater()
                setattr(self, attr, None)


def build_gui(args: argparse.Namespace, app: QApplication) -> Gui:
    """Set up logging, crash handling, theme and settings; return the Gui (nothing shown)."""
    log_path: Path | None
    try:
        log_path = setup_logging(Path(args.log_dir) if args.log_dir else None)
    except OSError:
        log_path = None
    route_qt_messages()
    crash_handler = CrashHandler(
        log_path, show_dialog=not args.no_crash_dialog, on_quit=app.quit
    )
    crash_handler.install()
    settings = Settings(args.settings)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName(DESKTOP_FILE)
    install_translations(app)
    theme.apply_theme(app, font_scale=settings.font_scale)
    return Gui(app, settings, crash_handler, vault_path=args.vault)


def run_gui(argv: list[str]) -> int:
    """Run the desktop app; return the exit code."""
    args, qt_argv = parse_args(argv)
    hardened = harden_process()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(qt_argv)
    gui = build_gui(args, app)
    log.info("Starting MSP Desktop (hardening: %s)", ", ".join(hardened) or "none")
    gui.show_first_window()
    code = app.exec()
    gui.dispose()
    return code


def main() -> None:
    """Entry point for `python -m msp_desktop.app`."""
    sys.exit(run_gui(sys.argv))


if __name__ == "__main__":
    main()
