"""Crash handling: log unexpected exceptions and tell the user calmly; `error_message` gives
the words to show for a failed action.

`CrashHandler.install()` replaces `sys.excepthook` and `threading.excepthook`. Each uncaught
exception is logged with its type, message and traceback frames (never local variables) through
the redacting log handler (ui/logsetup.py), then `CrashDialog` says what happened, that saved
records are safe, and where the log is. `show_dialog=False` (`--no-crash-dialog`) only logs.

Rule: exception messages are logged, so code must never put case content (names, note text)
in exception messages; use record ids and field names.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui import theme
from msp_desktop.ui.logsetup import RedactingFilter, redact

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def format_crash(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """Return the report text: exception type, message and frames; no locals."""
    return "".join(traceback.format_exception(exc_type, exc, tb))


def error_message(exc: BaseException, fallback: str | None = None) -> str:
    """Return the message to show for a failed action: the error's own words when it has
    them, else `fallback` (by default: the vault could not be opened)."""
    message = getattr(exc, "user_message", None)
    if isinstance(message, str) and message:
        return message
    if fallback is not None:
        return fallback
    return QCoreApplication.translate(
        "Gui", "Something went wrong and the vault could not be opened. "
        "The details are in the log file; please tell your IT support.")


class CrashDialog(QDialog):
    """A calm "something went wrong" dialog."""

    QUIT = 2

    def __init__(self, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setAccessibleName(self.tr("Unexpected problem"))

        heading = QLabel(self.tr("Something went wrong"), self)
        theme.make_heading(heading)
        body = QLabel(
            self.tr(
                "MSP Desktop hit an unexpected problem. Records you had already saved are "
                "safe in your encrypted vault. Text you were typing but had not saved may "
                "need to be entered again."
            ),
            self,
        )
        body.setWordWrap(True)
        where = (
            self.tr("A technical report, with no case details in it, was written to:")
            if log_path is not None
            else self.tr("The technical report could not be written to a file.")
        )
        where_label = QLabel(where, self)
        where_label.setWordWrap(True)
        self.path_label = QLabel(str(log_path) if log_path is not None else "", self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.path_label.setAccessibleName(self.tr("Report location"))
        self.path_label.setAccessibleDescription(self.path_label.text())
        advice = QLabel(
            self.tr(
                "You can carry on working. If this keeps happening, send the report "
                "to your IT support."
            ),
            self,
        )
        advice.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.continue_button = self.buttons.addButton(
            self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.quit_button = self.buttons.addButton(
            self.tr("&Quit MSP Desktop"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.quit_button.setAccessibleName(self.tr("Quit MSP Desktop"))
        self.continue_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))

        layout = QVBoxLayout(self)
        for w in (heading, body, where_label, self.path_label, advice, self.buttons):
            layout.addWidget(w)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.continue_button.setFocus()


class CrashHandler:
    """Logs uncaught exceptions and shows `CrashDialog`.

    Args:
        log_path: the log file (shown to the user), or None if logging to a file failed.
        show_dialog: False for automation (`--no-crash-dialog`).
        on_quit: called when the user chooses Quit in the dialog.
    """

    def __init__(
        self,
        log_path: Path | None,
        *,
        show_dialog: bool = True,
        on_quit: Callable[[], None] | None = None,
    ) -> None:
        self.log_path = log_path
        self.show_dialog = show_dialog
        self.on_quit = on_quit
        self.crashes = 0
        self._handling = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        """Become the process's excepthook."""
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Log the exception, then (on the GUI thread) show the dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self.crashes += 1
        log.critical("Unhandled %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
        if self._handling or not self.show_dialog:
            return
        app = QApplication.instance()
        if app is None or threading.current_thread() is not threading.main_thread():
            return
        self._handling = True
        try:
            dialog = CrashDialog(self.log_path, QApplication.activeWindow())
            if dialog.exec() == CrashDialog.QUIT and self.on_quit is not None:
                self.on_quit()
        finally:
            self._handling = False


__all__ = ["CrashDialog", "CrashHandler", "RedactingFilter", "error_message", "format_crash",
           "redact"]
