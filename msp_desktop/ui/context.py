"""What every screen of the unlocked app shares: the session, the UI services, the one
change broadcast, and the way slow reads leave the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from msp_desktop.services.changes import Changes
from msp_desktop.services.session import Session
from msp_desktop.ui.backoff import UnlockBackoff
from msp_desktop.ui.clipboard import SensitiveClipboard
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class UiContext(QObject):
    """Built by the app after unlocking and passed to every screen of the session.

    Every write service returns what it changed; the screen that wrote calls `publish`, and
    every open view listens to `changed` and refreshes what it shows (a bundle import that
    touches many cases reaches every open case and the caseload the same way).

    Signals:
        changed(Changes): a write changed the vault.
    """

    changed = Signal(object)

    def __init__(
        self,
        session: Session,
        *,
        clipboard: SensitiveClipboard | None = None,
        autosave_seconds: float = 3.0,
        runner: TaskRunner | None = None,
        settings: Settings | None = None,
        parent: QObject | None = None,
    ) -> None:
        """settings: the user's preferences (the default export folder), when the app has
        them."""
        super().__init__(parent)
        self.session = session
        self.clipboard = clipboard
        self.autosave_seconds = autosave_seconds
        self.runner = runner
        self.settings = settings
        # Wrong passphrases at export step-ups, counted across dialogs (ENC-3's backoff).
        self.step_up_backoff = UnlockBackoff()

    def publish(self, changes: Changes) -> None:
        """Tell every open view what a write changed."""
        if changes:
            self.changed.emit(changes)

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run the read-only service call `fn(session, *args)` and hand its result to `done`.

        With a task runner the call runs on the runner's thread over the session's read-only
        connection, so the GUI stays responsive on a large vault; without one (tools, unit
        tests of a single widget) it runs here and now.
        """
        self._run(fn, args, done, failed, reader=True)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run the service call `fn(session, *args)` that writes (an import, or an export,
        which audits) and hand its result to `done`: like `read`, but over the writing
        session itself."""
        self._run(fn, args, done, failed, reader=False)

    def _run(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None,
        *,
        reader: bool,
    ) -> None:
        on_error = failed or _log_failure
        if self.runner is None:
            try:
                result = fn(self.session, *args)
            except Exception as exc:
                on_error(exc)
                return
            done(result)
            return
        session = self.session
        task = self.runner.run(
            lambda: fn(session.reader() if reader else session, *args))
        task.succeeded.connect(done)
        task.failed.connect(on_error)

def _log_failure(exc: BaseException) -> None:
    log.error("A background read failed", exc_info=exc)
