"""Idle auto-lock (LOCK-1, LOCK-2).

`IdleController` watches every key, mouse and wheel event of the application through an event
filter. After `minutes` without input it emits `lock_requested` once and disarms itself until
`reset()` is called (the app calls it after a successful unlock). From `warning_seconds()` before
the lock (60 seconds, or half the idle time when that is shorter, so a short auto-lock does not
warn after every action) it emits `warning(seconds_left)` on every check, and
`warning_cancelled` when input arrives during the warning. `LockWarningDialog` shows the warning
without taking focus: any input dismisses it and still reaches the widget it was meant for.

The clock is injectable (a callable returning monotonic seconds) so tests can advance time and
call `poke()` instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui.i18n import plural

Clock = Callable[[], float]

DEFAULT_MINUTES = 5
WARNING_SECONDS = 60

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleController(QObject):
    """Emits `lock_requested` after a period with no user input.

    Signals:
        warning(int): seconds left before the lock; emitted on each check in the last minute.
        warning_cancelled(): input arrived while the warning was showing.
        lock_requested(): the idle time ran out (emitted once per armed period).
    """

    warning = Signal(int)
    warning_cancelled = Signal()
    lock_requested = Signal()

    def __init__(
        self,
        minutes: int = DEFAULT_MINUTES,
        *,
        clock: Clock = time.monotonic,
        check_interval_ms: int = 1000,
        warning_seconds: int = WARNING_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._minutes = self._checked_minutes(minutes)
        self._warning_seconds = warning_seconds
        self._enabled = True
        self._armed = True
        self._warning_active = False
        self._last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.poke)
        self._timer.start()

    @staticmethod
    def _checked_minutes(minutes: int) -> int:
        if minutes < 1:
            raise ValueError(f"auto-lock minutes must be >= 1, got {minutes}")
        return int(minutes)

    # configuration -------------------------------------------------------------------------

    def minutes(self) -> int:
        """Return the idle time, in minutes, after which the app locks."""
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time; the countdown restarts."""
        self._minutes = self._checked_minutes(minutes)
        self._mark_activity()

    def timeout_seconds(self) -> float:
        """Return the idle time in seconds."""
        return self._minutes * 60.0

    def warning_seconds(self) -> float:
        """Return how long before the lock the warning shows: at most half the idle time."""
        return min(float(self._warning_seconds), self.timeout_seconds() / 2)

    def is_enabled(self) -> bool:
        """Return whether auto-lock is on."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Turn auto-lock on or off. Turning it on restarts the countdown."""
        self._enabled = enabled
        if enabled:
            self.reset()
            self._timer.start()
        else:
            self._timer.stop()
            self._cancel_warning()

    def is_armed(self) -> bool:
        """Return False after `lock_requested` until the next `reset()`."""
        return self._armed

    def install(self, app: QCoreApplication) -> None:
        """Watch every input event of the application."""
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        """Stop watching input events."""
        app.removeEventFilter(self)

    # state ---------------------------------------------------------------------------------

    def reset(self) -> None:
        """Re-arm and restart the countdown (e.g. after an unlock)."""
        self._armed = True
        self._mark_activity()

    def seconds_idle(self) -> float:
        """Return seconds since the last input."""
        return max(0.0, self._clock() - self._last_activity)

    def seconds_left(self) -> float:
        """Return seconds until the lock."""
        return max(0.0, self.timeout_seconds() - self.seconds_idle())

    def poke(self) -> None:
        """Check the clock now (the periodic timer calls this)."""
        if not (self._enabled and self._armed):
            return
        left = self.seconds_left()
        if left <= 0:
            self._armed = False
            self._warning_active = False
            self.lock_requested.emit()
        elif left <= self.warning_seconds():
            self._warning_active = True
            self.warning.emit(int(left + 0.999))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API name
        """Treat input events as activity; never consumes them."""
        if event.type() in _ACTIVITY_EVENTS and self._armed:
            self._mark_activity()
        return False

    def _mark_activity(self) -> None:
        self._last_activity = self._clock()
        self._cancel_warning()

    def _cancel_warning(self) -> None:
        if self._warning_active:
            self._warning_active = False
            self.warning_cancelled.emit()


class LockWarningDialog(QDialog):
    """The accessible "about to lock" warning. Any input dismisses it.

    Connect it with `attach(controller)`; it shows itself on `warning`, updates the countdown,
    and hides on `warning_cancelled` and `lock_requested`. It is not modal and never takes the
    focus (screen readers hear it as an alert): the key press that dismisses it goes on to the
    field the worker was typing in, instead of being swallowed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MSP Desktop"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAccessibleName(self.tr("Lock warning"))
        self._controller: IdleController | None = None
        self._seconds = 0
        # The window the worker was in: given back the activation if a platform activates
        # the warning in spite of the flags above (the key would go to the warning).
        self._return_to: QWidget | None = None

        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setAccessibleName(self.tr("Lock warning"))
        self._stay = QPushButton(self.tr("&Stay unlocked"), self)
        self._stay.setAccessibleName(self.tr("Stay unlocked"))
        self._stay.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicked, never focused
        self._stay.clicked.connect(self._extend)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._stay)
        layout = QVBoxLayout(self)
        layout.addWidget(self._message)
        layout.addLayout(buttons)
        self.set_seconds_left(WARNING_SECONDS)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)

    def attach(self, controller: IdleController) -> None:
        """Follow an idle controller's signals."""
        self._controller = controller
        controller.warning.connect(self.show_warning)
        controller.warning_cancelled.connect(self.hide)
        controller.lock_requested.connect(self.hide)

    def message(self) -> str:
        """Return the shown warning text."""
        return self._message.text()

    def set_seconds_left(self, seconds: int) -> None:
        """Update the countdown text."""
        self._seconds = seconds
        text = plural(
            "LockWarningDialog",
            "MSP Desktop will lock in 1 second to protect case records. "
            "Press any key to stay unlocked.",
            "MSP Desktop will lock in %n seconds to protect case records. "
            "Press any key to stay unlocked.",
            seconds,
        )
        self._message.setText(text)
        self.setAccessibleDescription(text)
        self._stay.setAccessibleDescription(text)

    def show_warning(self, seconds: int) -> None:
        """Show (or update) the warning."""
        self.set_seconds_left(seconds)
        if not self.isVisible():
            active = QApplication.activeWindow()
            self._return_to = active if active is not self else None
            self.show()
            self.raise_()
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def event(self, event: QEvent) -> bool:  # Qt API name
        if event.type() == QEvent.Type.WindowActivate and self._return_to is not None:
            back, self._return_to = self._return_to, None
            if shiboken6.isValid(back) and back.isVisible():  # not closed since (a lock)
                back.activateWindow()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API name
        """Any key dismisses the warning and extends the session."""
        event.accept()
        self._extend()

    def _extend(self) -> None:
        if self._controller is not None:
            self._controller.reset()
        self.hide()
