"""Composition root of the GUI: arguments, hardening, logging, crash handling, QApplication.

`run_gui(sys.argv)` builds every long-lived object here and passes them on; nothing is looked
up globally. The window flow it starts (start, unlock, main window, lock) is ui/flow.py.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from msp_desktop.services.hardening import harden_process
from msp_desktop.ui import theme
from msp_desktop.ui.errors import CrashHandler
from msp_desktop.ui.flow import APP_NAME, Gui
from msp_desktop.ui.logsetup import route_qt_messages, setup_logging
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.sync_common import FileOpenWatcher, is_bundle_path

log = logging.getLogger(__name__)

ORGANISATION = "MSP Desktop"
DESKTOP_FILE = "msp-desktop"

__all__ = ["build_gui", "install_translations", "main", "parse_args", "run_gui"]


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
    # A bundle file opened with the app (the desktop's "Open with", a double click).
    args.bundles = [a for a in rest if is_bundle_path(a) and not a.startswith("-")]
    rest = [a for a in rest if a not in args.bundles]
    return args, [argv[0] if argv else "msp-desktop", *rest]


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
    # macOS hands files opened from Finder to the app as QFileOpenEvent.
    watcher = FileOpenWatcher(gui.open_bundle, app)
    app.installEventFilter(watcher)
    gui.show_first_window()
    for path in args.bundles:
        gui.open_bundle(path)
    code = app.exec()
    app.removeEventFilter(watcher)
    gui.dispose()
    return code


def main() -> None:
    """Entry point for `python -m msp_desktop.app`."""
    sys.exit(run_gui(sys.argv))


if __name__ == "__main__":
    main()
