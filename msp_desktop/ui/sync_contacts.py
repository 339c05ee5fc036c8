"""The Contacts tab of the Sync window: the devices and office cards this vault knows, adding a
card (after the fingerprint check), trusting a device another's bundle introduced, saving this
vault's card, and revoking a device."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import sync
from msp_desktop.services.changes import Changes
from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.labels import display_date
from msp_desktop.ui.sync_common import SyncPage, error_text
from msp_desktop.ui.table_model import TEXT_ROLES, RowsModel

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncContacts", text)


@dataclass(frozen=True)
class ContactRow:
    name: str
    author: str
    status: str
    fingerprint: str
    added: str
    device_id: str | None  # None for an office card
    revocable: bool
    trustable: bool  # introduced by another device's bundle, fingerprint not checked yet


def contact_rows(people: list[Any], offices: list[Any]) -> list[ContactRow]:
    rows = [ContactRow(
        c.name, c.author,
        QCoreApplication.translate("SyncContacts", c.status),
        c.fingerprint, display_date(c.added_at), c.device_id,
        c.role != "self" and c.trust != "revoked", c.trust == "introduced") for c in people]
    rows += [ContactRow(o.name, "", _tr("Office card (bundles can be sent to it)"),
                        o.fingerprint, "", None, False, False) for o in offices]
    return rows


class ContactsModel(RowsModel[ContactRow]):
    HEADERS = ("Name", "Author", "Status", "Fingerprint", "Added")
    TR_CONTEXT = "SyncContacts"

    def cell(self, row: ContactRow, column: int, role: int) -> Any:
        if role in TEXT_ROLES:
            return (row.name, row.author, row.status, row.fingerprint, row.added)[column]
        return None


class ContactsPage(SyncPage):
    """Who this vault exchanges bundles with."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(_tr("Contacts"))
        self.model = ContactsModel(self)
        self.table = QTableView(self)
        theme.fit_titles_when_shown(self.table)
        self.table.setAccessibleName(_tr("Devices and office cards"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        table_label = QLabel(_tr("&Devices and office cards:"), self)
        table_label.setBuddy(self.table)
        self.revoke_button = QPushButton(_tr("&Revoke…"), self)
        self.revoke_button.setAccessibleName(_tr("Revoke the selected device"))
        self.revoke_button.setToolTip(_tr("Stop accepting the device's new bundles; what it"
                                          " sent before stays"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.revoke_button.setEnabled(False)
        self.trust_button = QPushButton(_tr("&Trust…"), self)
        self.trust_button.setAccessibleName(_tr("Trust the selected device"))
        self.trust_button.setToolTip(_tr("Check its fingerprint with its owner, then accept"
                                         " bundles from it directly"))
        self.trust_button.clicked.connect(self.trust_selected)
        self.trust_button.setEnabled(False)
        self.add_button = QPushButton(_tr("&Add card from file…"), self)
        self.add_button.setAccessibleName(_tr("Add card from file"))
        self.add_button.clicked.connect(self._add_card)
        self.save_button = QPushButton(_tr("Save m&y contact card…"), self)
        self.save_button.setAccessibleName(_tr("Save my contact card"))
        self.save_button.clicked.connect(self.save_my_card)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.trust_button, self.revoke_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)

    def refresh(self) -> None:
        self.ctx.read(sync.contact_list, done=self._show,
                      failed=lambda exc: self.show_problem(error_text(exc)))

    def _show(self, value: tuple[list[Any], list[Any]]) -> None:
        people, offices = value
        self.model.set_rows(contact_rows(people, offices))

    def selected(self) -> ContactRow | None:
        index = self.table.currentIndex()
        return self.model.row_value(index.row()) if index.isValid() else None

    def select_device(self, device_id: str) -> None:
        for row in range(self.model.rowCount()):
            value = self.model.row_value(row)
            if value is not None and value.device_id == device_id:
                self.table.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        row = self.selected()
        self.revoke_button.setEnabled(row is not None and row.revocable)
        self.trust_button.setEnabled(row is not None and row.trustable)

    def _add_card(self) -> None:
        card = self.add_card_from_file()
        if card is not None:
            self.show_info(_tr("The card was trusted."))
            self.refresh()

    def trust_selected(self) -> None:
        """Trust a device another's bundle introduced, once its fingerprint is checked."""
        row = self.selected()
        if row is None or not row.trustable or row.device_id is None:
            return
        try:
            card = sync.card_for(self.ctx.session, row.device_id)
            answer = self.ask_trust(self, card)
            if answer is None:
                return
            changes = sync.trust(self.ctx.session, card, office=answer.office)
        except Exception as exc:
            self.show_problem(error_text(exc))
            return
        self.show_info(_tr("%1 is trusted.").replace("%1", row.name))
        self.ctx.publish(changes)
        self.refresh()

    def revoke_selected(self) -> None:
        """Revoke the selected device after the person confirms."""
        row = self.selected()
        if row is None or not row.revocable or row.device_id is None:
            return
        if not self.confirm(_tr("Revoke a device"), _tr(
                "Stop accepting new bundles and changes from %1 (%2)? What it sent before"
                " stays in this vault. Do this when a laptop is lost or leaves the team.")
                .replace("%1", row.name).replace("%2", row.author)):
            return
        try:
            contact = sync.revoke(self.ctx.session, row.device_id)
        except Exception as exc:
            self.show_problem(error_text(exc))
            return
        self.show_info(_tr("%1 was revoked.").replace("%1", contact.name))
        self.ctx.publish(Changes(sync=True))
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
