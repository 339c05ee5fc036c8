"""Run slow calls (key derivation, opening a vault) off the GUI thread.

`TaskRunner.run(fn, *args)` returns a `Task` whose `succeeded(object)` / `failed(object)` /
`finished()` signals fire on the GUI thread. The runner owns one worker thread (a QThreadPool
of size one that never lets its thread expire), so work is serialised and a database
connection opened by a task stays on one thread. Tests pass `inline=True` to run tasks on the
GUI thread (results are still delivered from the event loop, after the caller connected).
A `ProgressRelay` passed as a task's progress callback reports on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QWidget

log = logging.getLogger(__name__)


class Task(QObject):
    """The GUI-thread handle of one background call.

    Signals:
        succeeded(object): the call's return value.
        failed(object): the exception it raised.
        finished(): after either of the above.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    _deliver = Signal(bool, object)  # emitted from the worker thread, queued to ours

    def __init__(self, on_done: Callable[[Task], None] | None = None) -> None:
        super().__init__()  # no parent: Python owns it, so it lives as long as it is referenced
        self._done = False
        self._on_done = on_done
        self._deliver.connect(self._on_deliver)

    def is_done(self) -> bool:
        """Return whether the result or error has been delivered."""
        return self._done

    @Slot(bool, object)
    def _on_deliver(self, ok: bool, value: object) -> None:
        self._done = True
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)
        self.finished.emit()
        if self._on_done is not None:
            self._on_done(self)
            self._on_done = None


class _Job(QRunnable):
    def __init__(
        self,
        task: Task,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._fn = fn
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self._task._deliver.emit(False, exc)
        else:
            self._task._deliver.emit(True, result)
        finally:
            self._args = ()
            self._kwargs = {}


class TaskRunner(QObject):
    """Runs callables on one background thread and reports on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._tasks: set[Task] = set()

    def run(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Task:
        """Start `fn(*args, **kwargs)`; connect to the returned Task's signals."""
        task = Task(self._tasks.discard)
        self._tasks.add(task)
        job = _Job(task, fn, args, kwargs)
        if self._inline:
            QTimer.singleShot(0, job.run)
        else:
            self._pool.start(job)
        return task

    def running(self) -> int:
        """Return how many tasks have not yet delivered."""
        return len(self._tasks)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker thread is idle (used on quit and in tests)."""
        return self._pool.waitForDone(msecs)


class ProgressRelay(QObject):
    """A progress callable for the worker thread; `progressed` arrives on the GUI thread (the
    relay lives there, so the signal is queued across threads)."""

    progressed = Signal(str, int, int)

    def __call__(self, step: str, done: int, total: int) -> None:
        try:
            self.progressed.emit(step, done, total)
        except RuntimeError:  # the window was closed meanwhile; the work goes on
            pass


class BusyIndicator(QProgressBar):
    """An indeterminate progress bar with an accessible name, hidden while idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setAccessibleName(self.tr("Working"))
        self.setMaximumHeight(self.fontMetrics().height())
        self.hide()

    def start(self, message: str = "") -> None:
        """Show the bar; `message` becomes its accessible description."""
        self.setAccessibleDescription(message)
        self.setToolTip(message)
        self.show()

    def stop(self) -> None:
        """Hide the bar."""
        self.hide()
        self.setAccessibleDescription("")
