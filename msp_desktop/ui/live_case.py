"""One open case's view, read once and shared by everything that shows the case.

The workspace, its record tabs and their editors all take the case from here. It is read
again only when a write touches the case (the context's `changed` broadcast), and the read
runs off the GUI thread when the context has a task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from msp_desktop.services import cases
from msp_desktop.services.cases import CaseView
from msp_desktop.services.changes import Changes
from msp_desktop.ui.context import UiContext


class LiveCase(QObject):
    """Signals:
    loaded(CaseView): a fresh view of the case (first load, or after a change).
    failed(object): the case could not be read (the exception).
    """

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx: UiContext, case_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.view: CaseView | None = None
        self.loading = False
        self._viewed = False
        self._stopped = False
        ctx.changed.connect(self._on_changed)

    def load(self) -> None:
        """Read the case (once per call); `loaded` follows."""
        self.loading = True
        case_id = self.case_id
        self.ctx.read(lambda session: cases.case_view(session, case_id, audit=False),
                      done=self._on_loaded, failed=self._on_failed)

    def _on_loaded(self, view: CaseView) -> None:
        self.loading = False
        if self._stopped:  # locked or closed while the read was on its way: keep nothing
            return
        self.view = view
        if not self._viewed:  # the audit log records the opening, not every refresh
            self._viewed = True
            cases.log_view(self.ctx.session, self.case_id)
        self.loaded.emit(view)

    def _on_failed(self, exc: BaseException) -> None:
        self.loading = False
        if not self._stopped:
            self.failed.emit(exc)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches_case(self.case_id):
            self.load()

    def stop(self) -> None:
        """Forget the case (on lock or close): no more reads, no case data kept."""
        self._stopped = True
        self.ctx.changed.disconnect(self._on_changed)
        self.view = None
