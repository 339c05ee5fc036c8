"""The Export tab of the Sync window: recipients, cases, options and the destination folder;
bundles are written on the worker with progress, then the file names are listed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.enums import CASE_STATUS
from msp_desktop.services import caseload, sync
from msp_desktop.services.changes import Changes
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.i18n import plural
from msp_desktop.ui.labels import display_date
from msp_desktop.ui.path_picker import PathMode, PathPicker
from msp_desktop.ui.sync_common import SyncPage, card_name, error_text
from msp_desktop.ui.workers import ProgressRelay

log = logging.getLogger(__name__)

_INDEX = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncExport", text)


def _read_choices(session: Any) -> tuple[list[sync.Card], set[str], list[Any], str]:
    people, _offices = sync.contact_list(session)
    office_devices = {c.device_id for c in people if c.role == "office"}
    rows = caseload.page(session, caseload.make_filter(session, include_closed=True), 0, 100000)
    return sync.recipients(session), office_devices, rows, sync.my_card(session).fingerprint


class ExportPage(SyncPage):
    """Write bundles for chosen recipients."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(_tr("Export"))
        self._cards: list[sync.Card] = []
        self._loaded = False

        self.recipients = QListWidget(self)
        self.recipients.setAccessibleName(_tr("Recipients"))
        self.recipients.setAccessibleDescription(
            _tr("Tick each colleague or office the bundle is for (Space ticks)"))
        recipients_label = QLabel(_tr("&Recipients:"), self)
        recipients_label.setBuddy(self.recipients)
        self.no_recipients = QLabel(_tr(
            "No recipients yet: add a colleague's or the office's contact card (Add card from"
            " file)."), self)
        self.no_recipients.setWordWrap(True)
        self.no_recipients.setProperty("role", "secondary")
        self.no_recipients.hide()
        self.add_card_button = QPushButton(_tr("&Add card from file…"), self)
        self.add_card_button.setAccessibleName(_tr("Add card from file"))
        self.add_card_button.clicked.connect(self._add_card)
        self.my_card_button = QPushButton(_tr("Save m&y contact card…"), self)
        self.my_card_button.setAccessibleName(_tr("Save my contact card"))
        self.my_card_button.clicked.connect(self.save_my_card)
        self.my_fingerprint = QLabel(self)
        self.my_fingerprint.setProperty("role", "secondary")
        self.my_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.all_cases = QRadioButton(_tr("A&ll cases"), self)
        self.all_cases.setAccessibleName(_tr("All cases"))
        self.some_cases = QRadioButton(_tr("&Selected cases:"), self)
        self.some_cases.setAccessibleName(_tr("Selected cases only"))
        group = QButtonGroup(self)
        group.addButton(self.all_cases)
        group.addButton(self.some_cases)
        self.all_cases.setChecked(True)
        self.cases = QListWidget(self)
        self.cases.setAccessibleName(_tr("Cases to send"))
        self.cases.setAccessibleDescription(_tr("Tick each case to send (Space ticks)"))
        self.cases.setEnabled(False)
        self.case_filter = QLineEdit(self)
        self.case_filter.setAccessibleName(_tr("Find a case in the list"))
        self.case_filter.setPlaceholderText(_tr("Type part of a name, a date or a stage"))
        self.case_filter.setClearButtonEnabled(True)
        self.case_filter.setEnabled(False)
        self.case_filter.textChanged.connect(self.filter_cases)
        filter_label = QLabel(_tr("Find &case:"), self)
        filter_label.setBuddy(self.case_filter)
        self.some_cases.toggled.connect(self.cases.setEnabled)
        self.some_cases.toggled.connect(self.case_filter.setEnabled)

        self.everything = QCheckBox(
            _tr("E&verything, not only what they have not acknowledged"), self)
        self.everything.setAccessibleName(
            _tr("Everything, not only what they have not acknowledged"))
        self.max_mb = QDoubleSpinBox(self)
        self.max_mb.setAccessibleName(_tr("Maximum volume size in megabytes"))
        self.max_mb.setRange(0.0, 100000.0)
        self.max_mb.setDecimals(2)
        self.max_mb.setSingleStep(1.0)
        self.max_mb.setSuffix(_tr(" MB"))
        self.max_mb.setSpecialValueText(_tr("No limit"))
        self.max_mb.setToolTip(_tr("Split the bundle into files no larger than this"
                                   " (for email or a small memory stick)"))
        max_label = QLabel(_tr("&Maximum volume size:"), self)
        max_label.setBuddy(self.max_mb)
        self.folder = PathPicker(_tr("Destination folder"), _tr("Browse for the destination"
                                 " folder"), _tr("Choose where to write the bundles"),
                                 mode=PathMode.FOLDER, parent=self)
        folder_label = QLabel(_tr("&Destination folder:"), self)
        folder_label.setBuddy(self.folder)

        self.export_button = QPushButton(_tr("E&xport"), self)
        self.export_button.setAccessibleName(_tr("Export bundles"))
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(_tr("Export progress"))
        self.progress.hide()
        self.result = QPlainTextEdit(self)
        self.result.setReadOnly(True)
        self.result.setAccessibleName(_tr("Files written"))
        self.result.setMaximumHeight(self.fontMetrics().height() * 6)
        self.result.hide()

        card_row = QHBoxLayout()
        card_row.addWidget(self.add_card_button)
        card_row.addWidget(self.my_card_button)
        card_row.addWidget(self.my_fingerprint, 1)
        form = QFormLayout()
        form.addRow(max_label, self.max_mb)
        form.addRow(folder_label, self.folder)
        action_row = QHBoxLayout()
        action_row.addWidget(self.export_button)
        action_row.addWidget(self.progress, 1)
        action_row.addStretch(0)

        layout = QVBoxLayout(self)
        layout.addWidget(recipients_label)
        layout.addWidget(self.recipients, 2)
        layout.addWidget(self.no_recipients)
        layout.addLayout(card_row)
        layout.addWidget(self.all_cases)
        layout.addWidget(self.some_cases)
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.case_filter, 1)
        layout.addLayout(filter_row)
        layout.addWidget(self.cases, 3)
        layout.addWidget(self.everything)
        layout.addLayout(form)
        layout.addLayout(action_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.result)

    # reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read(_read_choices, done=self._show_choices, failed=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        self.show_problem(error_text(exc))

    def _show_choices(self, value: tuple[list[sync.Card], set[str], list[Any], str]) -> None:
        cards, office_devices, rows, fingerprint = value
        ticked = {self._key(c) for c in self.chosen_cards()}
        self._cards = list(cards)
        self.recipients.clear()
        for i, card in enumerate(self._cards):
            text = card_name(card)
            if isinstance(card, sync.DeviceCard) and card.device_id in office_devices:
                text += _tr(" (the office's vault)")
            item = QListWidgetItem(f"{text}  ·  {card.fingerprint}")
            item.setData(_INDEX, i)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self._key(card) in ticked
                               else Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        self.no_recipients.setVisible(self.recipients.count() == 0)
        chosen = set(self.chosen_cases())
        self.cases.clear()
        for row in rows:
            # Two cases of one adult (a repeat concern) differ by their dates and stage.
            item = QListWidgetItem("  ·  ".join(filter(None, (
                row.person_name or _tr("Unnamed adult"), CASE_STATUS.label(row.stage),
                _tr("opened %1").replace("%1", display_date(row.opened_at))
                if row.opened_at else "",
            ))))
            item.setData(_INDEX, row.case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.case_id in chosen
                               else Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.filter_cases(self.case_filter.text())
        self.my_fingerprint.setText(_tr("This vault's fingerprint: %1").replace("%1",
                                                                            fingerprint))
        self._loaded = True

    def filter_cases(self, text: str) -> None:
        """Show only the cases whose line holds every word typed (ticks stay as they are)."""
        words = text.casefold().split()
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            line = item.text().casefold()
            item.setHidden(not all(w in line for w in words))

    @staticmethod
    def _key(card: sync.Card) -> str:
        return card.fingerprint

    def chosen_cards(self) -> list[sync.Card]:
        """The ticked recipients."""
        out = []
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(self._cards[int(item.data(_INDEX))])
        return out

    def chosen_cases(self) -> list[str]:
        """The ticked cases (whether or not "Selected cases" is chosen)."""
        return [str(self.cases.item(i).data(_INDEX)) for i in range(self.cases.count())
                if self.cases.item(i).checkState() == Qt.CheckState.Checked]

    def tick_recipient(self, fingerprint: str, ticked: bool = True) -> None:
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            if self._cards[int(item.data(_INDEX))].fingerprint == fingerprint:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def tick_case(self, case_id: str, ticked: bool = True) -> None:
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            if item.data(_INDEX) == case_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _add_card(self) -> None:
        card = self.add_card_from_file()
        if card is None:
            return
        self.clear_notice()
        fingerprint = card.fingerprint
        # Tick the new recipient once the list has been read again.
        self.ctx.read(_read_choices, done=lambda value: self._after_add(value, fingerprint),
                      failed=self._read_failed)

    def _after_add(self, value: tuple[list[sync.Card], set[str], list[Any], str],
                   fingerprint: str) -> None:
        self._show_choices(value)
        self.tick_recipient(fingerprint)
        self.show_info(_tr("The card was trusted and added to the recipients."))

    # export --------------------------------------------------------------------------------

    def export(self) -> None:
        """Write the bundles (on the worker), showing progress."""
        if self.busy:
            return
        self.clear_notice()
        cards = self.chosen_cards()
        if not cards:
            self.show_problem(_tr("Tick at least one recipient."))
            self.recipients.setFocus()
            return
        cases: list[str] | None = None
        if self.some_cases.isChecked():
            cases = self.chosen_cases()
            if not cases:
                self.show_problem(_tr("Tick at least one case, or choose All cases."))
                self.cases.setFocus()
                return
        folder = self.folder.path()
        if not folder or not Path(folder).is_dir():
            self.show_problem(_tr("Choose an existing folder to write the bundles to."))
            self.folder.setFocus()
            return
        max_mb = self.max_mb.value() or None
        relay = ProgressRelay(self)
        relay.progressed.connect(self._on_progress)
        self.progress.setRange(0, 0)
        self.progress.setFormat(_tr("Preparing"))
        self.progress.show()
        self.result.hide()
        self.start_write(sync.export_bundles, Path(folder), cards, cases=cases,
                         everything=self.everything.isChecked(), max_mb=max_mb,
                         progress=relay, done=self._exported, failed=self._export_failed)

    def _on_progress(self, step: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(QCoreApplication.translate("SyncExport", step) + " %v / %m")
        self.progress.setAccessibleDescription(f"{step} {done} / {total}")

    def _exported(self, result: Any) -> None:
        self.progress.hide()
        names = [Path(p).name for p in result.paths]
        head = plural("SyncExport", "1 file written", "%n files written", len(names))
        changes = plural("SyncExport", "1 change", "%n changes", int(result.revisions))
        text = f"{head} ({changes}) " + _tr("in %1:").replace("%1", self.folder.path())
        self.result.setPlainText("\n".join([text, *names]))
        self.result.show()
        self.show_info(_tr("Export finished. Send the files to the recipients."))
        self.ctx.publish(Changes(sync=True))
        self.result.setFocus()

    def _export_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.show_problem(error_text(exc))
