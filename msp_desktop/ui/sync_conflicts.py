"""The Conflicts tab of the Sync window: records two people changed at once. For the chosen
record each conflicting field shows its competing values side by side (who, on which device,
when); the person picks one per field (or writes a new text), gives a reason, and saves."""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.fields import TEXT_TYPES
from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import sync
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.labels import kind_label
from msp_desktop.ui.sync_common import SyncPage, error_text

log = logging.getLogger(__name__)

_RECORD = Qt.ItemDataRole.UserRole + 1
NEW_VALUE = -1


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncConflicts", text)


def _field_def(kind: str, name: str) -> Any:
    k = KINDS.get(kind)
    if k is None:
        return None
    try:
        return k.field(name)
    except KeyError:
        return None


def show_value(kind: str, name: str, value: Any) -> str:
    """A field value in words (choice labels, yes/no, '(empty)')."""
    if value is None or value == "" or value == []:
        return _tr("(empty)")
    f = _field_def(kind, name)
    choices = getattr(f, "choices", None)
    if choices is not None:
        if isinstance(value, list):
            return ", ".join(choices.label(str(v)) for v in value)
        return str(choices.label(str(value)))
    if isinstance(value, bool):
        return _tr("Yes") if value else _tr("No")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


def is_text_field(kind: str, name: str, candidates: tuple[Any, ...]) -> bool:
    f = _field_def(kind, name)
    if f is not None:
        return f.type in TEXT_TYPES
    return all(isinstance(c.value, str | None) for c in candidates)


class FieldChooser(QGroupBox):
    """One conflicting field: a column per competing value, and a column to write a new
    value for text fields."""

    def __init__(self, item: Any, choice: Any, parent: QWidget | None = None) -> None:
        super().__init__(choice.label, parent)
        self.field = choice.field
        self.choice = choice
        self.setAccessibleName(_tr("Field: %1").replace("%1", choice.label))
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        self.options: list[QRadioButton] = []
        for i, cand in enumerate(choice.candidates):
            column = QVBoxLayout()
            who = _tr("%1 on %2, %3").replace("%1", cand.author).replace(
                "%2", cand.device).replace("%3", cand.when)
            value = show_value(item.kind, choice.field, cand.value)
            radio = QRadioButton(_tr("Keep this version"), self)
            radio.setAccessibleName(_tr("Keep the version by %1").replace("%1", who))
            radio.setAccessibleDescription(value)
            self.group.addButton(radio, i)
            self.options.append(radio)
            by = QLabel(who, self)
            by.setProperty("role", "secondary")
            by.setWordWrap(True)
            shown = QLabel(value, self)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            column.addWidget(radio)
            column.addWidget(by)
            column.addWidget(shown, 1)
            row.addLayout(column, 1)
        self.new_radio: QRadioButton | None = None
        self.new_text: QPlainTextEdit | None = None
        if is_text_field(item.kind, choice.field, choice.candidates):
            column = QVBoxLayout()
            self.new_radio = QRadioButton(_tr("Write a new value"), self)
            self.new_radio.setAccessibleName(
                _tr("Write a new value for %1").replace("%1", choice.label))
            self.group.addButton(self.new_radio, NEW_VALUE)
            self.new_text = QPlainTextEdit(self)
            self.new_text.setAccessibleName(_tr("New value for %1").replace("%1", choice.label))
            self.new_text.setTabChangesFocus(True)
            self.new_text.setEnabled(False)
            self.new_text.setMaximumHeight(self.fontMetrics().height() * 8)
            self.new_radio.toggled.connect(self.new_text.setEnabled)
            column.addWidget(self.new_radio)
            column.addWidget(self.new_text, 1)
            row.addLayout(column, 1)

    def chosen(self) -> tuple[bool, Any]:
        """(True, value) once the person picked one, else (False, None)."""
        picked = self.group.checkedId()
        if picked == NEW_VALUE and self.new_text is not None:
            return True, self.new_text.toPlainText().strip()
        if 0 <= picked < len(self.choice.candidates):
            return True, self.choice.candidates[picked].value
        return False, None

    def pick(self, index: int) -> None:
        """Choose candidate `index` (NEW_VALUE: write a new value)."""
        button = self.group.button(index)
        if button is not None:
            button.setChecked(True)


class ConflictsPage(SyncPage):
    """The conflict queue and the resolution of one record."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(_tr("Conflicts"))
        self.items: list[Any] = []
        self.fields: list[FieldChooser] = []

        self.list = QListWidget(self)
        self.list.setAccessibleName(_tr("Records in conflict"))
        # Titles are long ("Safeguarding case: Safeguarding plan under review"): wrap them
        # rather than hide the end behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_label = QLabel(_tr("&Records in conflict:"), self)
        list_label.setBuddy(self.list)
        self.empty = QLabel(_tr("No records are in conflict."), self)
        self.empty.setProperty("role", "secondary")
        self.empty.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_item)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.fields_box = QWidget(self)
        self.fields_layout = QVBoxLayout(self.fields_box)
        self.fields_layout.setContentsMargins(0, 0, 0, 0)
        self.fields_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_box)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(_tr("Reason for this resolution (required)"))
        self.reason.setPlaceholderText(_tr("For example: agreed with the adult on the visit"))
        reason_label = QLabel(_tr("Rea&son (required):"), self)
        reason_label.setBuddy(self.reason)
        self.resolve_button = QPushButton(_tr("Sa&ve resolution"), self)
        self.resolve_button.setAccessibleName(_tr("Save the resolution"))
        self.resolve_button.clicked.connect(self.resolve)
        self.reason.returnPressed.connect(self.resolve)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(list_label)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.empty)
        self.detail = QWidget(self)
        dl = QVBoxLayout(self.detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.title)
        dl.addWidget(scroll, 1)
        form = QFormLayout()
        form.addRow(reason_label, self.reason)
        dl.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.resolve_button)
        row.addStretch(1)
        dl.addLayout(row)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.notice)
        self.detail.setEnabled(False)

    # reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read(sync.conflicts, done=self._show_items,
                      failed=lambda exc: self.show_problem(error_text(exc)))

    def _show_items(self, items: list[Any]) -> None:
        current = self.current_record()
        self.items = list(items)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            kind = kind_label(item.kind) or item.kind_label
            text = f"{kind}: {item.title}" if item.title else kind
            if item.case_name:
                text += f"  ·  {item.case_name}"
            entry = QListWidgetItem(text)
            entry.setData(_RECORD, item.record_id)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.items)
        rows = [i for i, it in enumerate(self.items) if it.record_id == current]
        self.list.setCurrentRow(rows[0] if rows else (0 if self.items else -1))
        self._show_item(self.list.currentRow())

    def current_record(self) -> str | None:
        row = self.list.currentRow()
        return self.items[row].record_id if 0 <= row < len(self.items) else None

    def select_record(self, record_id: str) -> None:
        for i, item in enumerate(self.items):
            if item.record_id == record_id:
                self.list.setCurrentRow(i)

    def _show_item(self, row: int) -> None:
        for chooser in self.fields:
            chooser.hide()
            chooser.deleteLater()
        self.fields = []
        if not 0 <= row < len(self.items):
            self.title.clear()
            self.detail.setEnabled(False)
            return
        item = self.items[row]
        case = _tr(" in the case of %1").replace("%1", item.case_name) if item.case_name else ""
        self.title.setText(_tr("%1 “%2”%3: choose one value for each field, or write a new"
                               " one, and say why.")
                           .replace("%1", kind_label(item.kind) or item.kind_label)
                           .replace("%2", item.title).replace("%3", case))
        for choice in item.fields:
            chooser = FieldChooser(item, choice, self.fields_box)
            self.fields_layout.insertWidget(len(self.fields), chooser)
            self.fields.append(chooser)
        self.detail.setEnabled(True)

    # resolving -----------------------------------------------------------------------------

    def resolve(self) -> None:
        """Save the chosen values with the reason."""
        row = self.list.currentRow()
        if self.busy or not 0 <= row < len(self.items):
            return
        item = self.items[row]
        values: dict[str, Any] = {}
        for chooser in self.fields:
            ok, value = chooser.chosen()
            if not ok:
                self.show_problem(_tr("Choose a value for %1.").replace("%1",
                                                                    chooser.choice.label))
                (chooser.options[0] if chooser.options else chooser).setFocus()
                return
            values[chooser.field] = value
        reason = self.reason.text().strip()
        if not reason:
            self.show_problem(_tr("Write the reason for this resolution."))
            self.reason.setFocus()
            return
        try:
            saved = sync.resolve_conflict(self.ctx.session, item.record_id, values,
                                          reason=reason)
        except Exception as exc:
            self.show_problem(error_text(exc) if not hasattr(exc, "problems")
                              else str(exc))
            return
        self.reason.clear()
        self.show_info(_tr("The conflict was resolved."))
        self.ctx.publish(saved.changes)
        self.refresh()
        self.list.setFocus()
