"""The Sync window: Export, Import, Conflicts, Waiting and Contacts, one tab each.

Modal while open (a bundle write runs on the worker over the session's main connection, and
nothing else may write meanwhile); it cannot be closed while a write is on its way. Every tab
reads again when the vault changes (`UiContext.changed`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import sync
from msp_desktop.services.changes import Changes
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.i18n import plural
from msp_desktop.ui.labels import format_when, local_time
from msp_desktop.ui.sync_common import SyncPage, error_text
from msp_desktop.ui.sync_conflicts import ConflictsPage
from msp_desktop.ui.sync_contacts import ContactsPage
from msp_desktop.ui.sync_export import ExportPage
from msp_desktop.ui.sync_import import ImportPage

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncWindow", text)


class WaitingPage(SyncPage):
    """What the office holds, and the changes held back until earlier ones arrive."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(_tr("Waiting"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setProperty("role", "secondary")
        self.list = QListWidget(self)
        self.list.setAccessibleName(_tr("Changes held back"))
        self.list.setWordWrap(True)
        list_label = QLabel(_tr("Changes &held back until earlier ones arrive:"), self)
        list_label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.notice)

    def refresh(self) -> None:
        self.ctx.read(sync.status, done=self._show,
                      failed=lambda exc: self.show_problem(error_text(exc)))

    def _show(self, status: Any) -> None:
        self.summary.setText(status.summary(self.ctx.session.clock.now()))
        parts = []
        if status.last_receipt:
            parts.append(_tr("Last receipt from the office: %1").replace(
                "%1", format_when(local_time(status.last_receipt))))
        if status.office_known:
            parts.append(plural("SyncWindow", "1 case has changes the office has not"
                                " acknowledged.", "%n cases have changes the office has not"
                                " acknowledged.", len(status.missing_at_office)))
        parts.append(plural("SyncWindow", "1 record is in conflict.",
                            "%n records are in conflict.", int(status.conflicts)))
        self.details.setText(" ".join(parts))
        self.list.clear()
        if status.waiting:
            self.list.addItems(list(status.waiting))
        else:
            self.list.addItem(_tr("Nothing is held back."))


class SyncDialog(QDialog):
    """Sync with colleagues and the office by bundle files."""

    PAGES = ("export", "import", "conflicts", "waiting", "contacts")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.setWindowTitle(_tr("Sync"))
        self.setAccessibleName(_tr("Sync"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.export_page = ExportPage(ctx, self)
        self.import_page = ImportPage(ctx, self)
        self.conflicts_page = ConflictsPage(ctx, self)
        self.waiting_page = WaitingPage(ctx, self)
        self.contacts_page = ContactsPage(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_tr("Sync sections"))
        for page, title in ((self.export_page, _tr("&Export")),
                            (self.import_page, _tr("&Import")),
                            (self.conflicts_page, _tr("Con&flicts")),
                            (self.waiting_page, _tr("&Waiting")),
                            (self.contacts_page, _tr("Co&ntacts"))):
            self.tabs.addTab(page, title)
            page.busy_changed.connect(self._set_busy)
        self.busy_note = QLabel(self)
        self.busy_note.setProperty("role", "secondary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(_tr("Close Sync"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy_note)
        layout.addWidget(self.buttons)
        ctx.changed.connect(self._on_changed)
        self.resize(900, 640)

    def pages(self) -> list[SyncPage]:
        return [self.export_page, self.import_page, self.conflicts_page, self.waiting_page,
                self.contacts_page]

    def show_page(self, name: str) -> SyncPage:
        """Bring a tab to the front ('export', 'import', 'conflicts', 'waiting', 'contacts')."""
        page = self.pages()[self.PAGES.index(name)]
        self.tabs.setCurrentWidget(page)
        return page

    def refresh(self) -> None:
        """Read every tab again."""
        for page in self.pages():
            page.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if self.isVisible() and not self.busy:
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for page in self.pages():
            page.setEnabled(not busy)
        self.tabs.tabBar().setEnabled(not busy)
        self.busy_note.setText(_tr("Working… Sync can be closed when this is done.")
                               if busy else "")
        self.busy_note.setAccessibleDescription(self.busy_note.text())

    def reject(self) -> None:
        """Close, unless a write is on its way (then say so)."""
        if self.busy:
            self.busy_note.setText(_tr("Wait until this is done, then close Sync."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt API name
        if self.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
