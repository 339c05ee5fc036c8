"""A clipboard for case text that does not linger (LOCK-4).

Copied text carries the hints that clipboard managers and Windows clipboard history honour
(`x-kde-passwordManagerHint: secret`, `ExcludeClipboardContentFromMonitorProcessing`), and is
cleared after 30 seconds, but only if the clipboard still holds what we put there: anything
the user copied since is left alone. `clear_now()` runs on lock and on quit.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

Clock = Callable[[], float]

CLEAR_AFTER_SECONDS = 30.0
KDE_HINT = "x-kde-passwordManagerHint"
WINDOWS_EXCLUDE = "ExcludeClipboardContentFromMonitorProcessing"
_WINDOWS_MIME = 'application/x-qt-windows-mime;value="{}"'


def sensitive_mime_data(text: str) -> QMimeData:
    """Return mime data holding `text` with the "do not keep or sync" hints."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(KDE_HINT, b"secret")
    mime.setData(WINDOWS_EXCLUDE, b"1")
    if sys.platform == "win32":
        mime.setData(_WINDOWS_MIME.format(WINDOWS_EXCLUDE), b"1")
        mime.setData(_WINDOWS_MIME.format("CanIncludeInClipboardHistory"), bytes(4))
        mime.setData(_WINDOWS_MIME.format("CanUploadToCloudClipboard"), bytes(4))
    elif sys.platform == "darwin":
        mime.setData("application/x-nspasteboard-concealed-type", b"secret")
    return mime


class SensitiveClipboard(QObject):
    """Copies case text with privacy hints and clears it again.

    Signals:
        cleared(): the clipboard was cleared by us (timeout or clear_now).
    """

    cleared = Signal()

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        *,
        clear_after_seconds: float = CLEAR_AFTER_SECONDS,
        clock: Clock = time.monotonic,
        check_interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self._clear_after = clear_after_seconds
        self._clock = clock
        self._ours: str | None = None
        self._copied_at = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.poke)

    def copy(self, text: str) -> None:
        """Put `text` on the clipboard, marked sensitive; clear it later."""
        self._clipboard.setMimeData(sensitive_mime_data(text), QClipboard.Mode.Clipboard)
        self._ours = text
        self._copied_at = self._clock()
        self._timer.start()

    def holds_our_text(self) -> bool:
        """Return whether the clipboard still holds the text we copied."""
        return self._ours is not None and self._clipboard.text() == self._ours

    def pending(self) -> bool:
        """Return whether a clear is scheduled."""
        return self._ours is not None

    def poke(self) -> None:
        """Clear the clipboard if our text has been there long enough (the timer calls this)."""
        if self._ours is None:
            self._timer.stop()
            return
        if self._clock() - self._copied_at >= self._clear_after:
            self.clear_now()

    def clear_now(self) -> None:
        """Clear our text from the clipboard now, if it is still there."""
        self._timer.stop()
        if self.holds_our_text():
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            self.cleared.emit()
        self._ours = None
