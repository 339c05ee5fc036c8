"""The Import tab of the Sync window: choose a bundle, see what importing it would do (nothing
is written), then import it. A bundle from a device this vault does not trust yet shows the
sender's name and fingerprint and can be trusted once the person has checked it."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import sync
from msp_desktop.services.errors import VaultError
from msp_desktop.services.recovery import read_identity_text
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.path_picker import PathMode, PathPicker
from msp_desktop.ui.sync_common import BUNDLE_FILTER, SyncPage, error_text
from msp_desktop.ui.workers import BusyIndicator

log = logging.getLogger(__name__)

IDENTITY_FILTER = "Office identity (*.txt *.key);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncImport", text)


class ImportPage(SyncPage):
    """Preview, then import, one bundle.

    Signals:
        previewed(object): an ImportPreview is on screen (nothing was written).
        imported(object): an ImportResult; its changes were published.
    """

    previewed = Signal(object)
    imported = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(_tr("Import"))
        self.preview_result: Any = None  # the ImportPreview on screen, for the path shown
        self.untrusted: sync.DeviceCard | None = None

        self.bundle = PathPicker(_tr("Bundle file"), _tr("Browse for a bundle file"),
                                 _tr("Choose a bundle to import"), mode=PathMode.FILE,
                                 name_filter=BUNDLE_FILTER, parent=self)
        bundle_label = QLabel(_tr("&Bundle file:"), self)
        bundle_label.setBuddy(self.bundle)
        self.identity = PathPicker(_tr("Office identity key file (optional)"),
                                   _tr("Browse for the office identity key file"),
                                   _tr("Choose the office identity key file"),
                                   mode=PathMode.FILE, name_filter=IDENTITY_FILTER, parent=self)
        self.identity.setToolTip(_tr("Only at the office: its secret key opens bundles"
                                     " addressed to the office"))
        identity_label = QLabel(_tr("Office identity &key (office only):"), self)
        identity_label.setBuddy(self.identity)
        self.bundle.edit.textChanged.connect(self._forget_preview)
        self.identity.edit.textChanged.connect(self._forget_preview)

        self.preview_button = QPushButton(_tr("&Preview"), self)
        self.preview_button.setAccessibleName(_tr("Preview the import"))
        self.preview_button.clicked.connect(self.preview)
        self.busy_bar = BusyIndicator(self)

        self.trust_button = QPushButton(_tr("&Trust this sender…"), self)
        self.trust_button.setAccessibleName(_tr("Trust this sender"))
        self.trust_button.clicked.connect(self.trust_sender)
        self.trust_button.hide()

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.hide()
        self.lines = QPlainTextEdit(self)
        self.lines.setReadOnly(True)
        self.lines.setAccessibleName(_tr("What importing would do"))
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.import_button = QPushButton(_tr("Imp&ort"), self)
        self.import_button.setAccessibleName(_tr("Import the bundle"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_now)

        form = QFormLayout()
        form.addRow(bundle_label, self.bundle)
        form.addRow(identity_label, self.identity)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.busy_bar, 1)
        buttons.addStretch(1)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_button)
        trust_row.addStretch(1)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addLayout(trust_row)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines, 1)
        layout.addLayout(import_row)

    # preview -------------------------------------------------------------------------------

    def open_path(self, path: str) -> None:
        """Show a bundle file and preview it at once (a dropped or opened file)."""
        self.bundle.set_path(path)
        self.preview()

    def _identity_text(self) -> str | None:
        path = self.identity.path()
        if not path:
            return None
        try:
            return read_identity_text(path)  # a regular file of at most 64 KiB
        except VaultError as exc:
            raise _Problem(exc.user_message) from exc

    def _forget_preview(self) -> None:
        if self.busy:
            return
        self.preview_result = None
        self.import_button.setEnabled(False)

    def preview(self) -> None:
        """Work out what importing the chosen bundle would do (on the worker; nothing is
        written)."""
        if self.busy:
            return
        self._forget_preview()
        self.clear_notice()
        self.trust_button.hide()
        self.untrusted = None
        self.heading.hide()
        self.lines.clear()
        path = self.bundle.path()
        if not path:
            self.show_problem(_tr("Choose a bundle file (ending .mspbundle)."))
            self.bundle.setFocus()
            return
        try:
            identity = self._identity_text()
        except _Problem as exc:
            self.show_problem(str(exc))
            return
        self.busy_bar.start(_tr("Checking the bundle"))
        self.start_write(sync.preview_import, Path(path), identity, done=self._previewed,
                         failed=self._preview_failed)

    def _previewed(self, preview: Any) -> None:
        self.busy_bar.stop()
        self.preview_result = preview
        self.heading.setText(_tr("Nothing has been imported yet. This is what importing the"
                                 " bundle would do; check it, then choose Import."))
        self.heading.show()
        self.lines.setAccessibleName(_tr("What importing would do"))
        self.lines.setPlainText("\n".join(preview.lines()))
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)
        self.lines.setFocus()
        self.previewed.emit(preview)

    def _preview_failed(self, exc: BaseException) -> None:
        self.busy_bar.stop()
        if isinstance(exc, sync.UntrustedSender):
            card = exc.card
            self.untrusted = card
            self.show_problem(_tr(
                "This bundle comes from %1 (%2), a device this vault does not trust yet.\n"
                "Its fingerprint is %3.\nAsk its owner to read out their fingerprint; trust"
                " the sender only if the two match. Nothing was imported.")
                .replace("%1", card.display_name).replace("%2", card.author)
                .replace("%3", card.fingerprint))
            self.trust_button.show()
            self.trust_button.setFocus()
            return
        self.show_problem(error_text(exc))
        self.bundle.setFocus()

    def trust_sender(self) -> None:
        """Trust the untrusted sender once the fingerprint is confirmed, then preview again."""
        card = self.untrusted
        if card is None or self.busy:
            return
        answer = self.ask_trust(self, card)
        if answer is None:
            return
        try:
            changes = sync.trust(self.ctx.session, card, office=answer.office)
        except Exception as exc:
            self.show_problem(error_text(exc))
            return
        self.ctx.publish(changes)
        self.preview()

    # import --------------------------------------------------------------------------------

    def import_now(self) -> None:
        """Import the previewed bundle (on the worker, in one transaction)."""
        if self.busy or self.preview_result is None:
            return
        try:
            identity = self._identity_text()
        except _Problem as exc:
            self.show_problem(str(exc))
            return
        confirmed = self.preview_result.needs_confirmation
        if confirmed and not self.confirm(
                _tr("Hide many records?"),
                _tr("This bundle marks %1 records as entered in error, which hides them from"
                    " their cases. That is more than an everyday correction. Import it only if"
                    " the sender has told you to expect this.")
                .replace("%1", str(len(self.preview_result.outcome.hidden)))):
            return
        self.import_button.setEnabled(False)
        self.busy_bar.start(_tr("Importing"))
        self.start_write(partial(sync.import_bundle, confirmed=confirmed),
                         Path(self.bundle.path()), identity,
                         done=self._imported, failed=self._import_failed)

    def _imported(self, result: Any) -> None:
        self.busy_bar.stop()
        self.preview_result = None
        self.heading.setText(_tr("Imported. Every open case shows the new changes."))
        self.lines.setAccessibleName(_tr("What the import did"))
        self.lines.setPlainText("\n".join(result.preview.lines()))
        self.show_info(_tr("The bundle was imported."))
        self.ctx.publish(result.changes)
        self.lines.setFocus()
        self.imported.emit(result)

    def _import_failed(self, exc: BaseException) -> None:
        self.busy_bar.stop()
        self.show_problem(error_text(exc) + " " + _tr("Nothing was imported."))
        self.import_button.setEnabled(self.preview_result is not None)


class _Problem(Exception):
    """A problem to show as it is."""
