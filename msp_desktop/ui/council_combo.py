"""A council picker: about 170 councils, found by typing part of the name or the ONS code.

The combo box is editable only for searching: typing filters a popup of matches (anywhere in
"Name (E09000001)"), and what is kept is always one of the listed councils (or none, when the
caller offers "not set"): text that matches nothing goes back to the chosen council when the
field loses focus.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QWidget

from msp_desktop.domain.enums import COUNCIL
from msp_desktop.services import sac_report


def _tr(text: str) -> str:
    return QCoreApplication.translate("CouncilCombo", text)


def reporting_councils() -> list[tuple[str, str]]:
    """The councils that make the Safeguarding Adults Collection (English ones; Welsh councils
    report to Welsh Government instead): (ONS code, name)."""
    return [(c.code, c.label) for c in COUNCIL if sac_report.council_problem(c.code) is None]


def council_text(code: str, name: str) -> str:
    """How a council is listed: its name, then its ONS code."""
    return f"{name} ({code})"


class CouncilCombo(QComboBox):
    """Choose one council by name or ONS code; `code()` is the chosen ONS code or None."""

    def __init__(self, councils: Iterable[tuple[str, str]], accessible_name: str, *,
                 unset_text: str | None = None, parent: QWidget | None = None) -> None:
        """councils: (ONS code, name) pairs, listed by name; unset_text: the first item,
        meaning no council (omit it when one must be chosen)."""
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(accessible_name)
        self.setAccessibleDescription(_tr(
            "Type part of the council's name or its ONS code, then choose from the list"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMaxVisibleItems(15)
        if unset_text is not None:
            self.addItem(unset_text, None)
        for code, name in sorted(councils, key=lambda c: (c[1].casefold(), c[0])):
            self.addItem(council_text(code, name), code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setAccessibleName(accessible_name)
        line.setPlaceholderText(_tr("Type a name or an ONS code"))
        line.editingFinished.connect(self._settle)
        self.currentIndexChanged.connect(lambda _i: self._show_current())
        self._show_current()

    def code(self) -> str | None:
        """The ONS code of the chosen council (None: not set)."""
        data = self.currentData()
        return str(data) if data is not None else None

    def set_code(self, code: str | None) -> bool:
        """Choose the council with this ONS code (None: not set); False if it is not listed."""
        index = self.findData(code)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def _settle(self) -> None:
        """Keep a listed council: the one whose text (or ONS code) was typed, else the one
        chosen before."""
        typed = self.currentText().strip().casefold()
        for i in range(self.count()):
            data = self.itemData(i)
            if typed and (self.itemText(i).casefold() == typed
                          or (data is not None and str(data).casefold() == typed)):
                self.setCurrentIndex(i)
                self._show_current()
                return
        self._show_current()

    def _show_current(self) -> None:
        """The field shows the chosen council, or is empty (its hint showing) when none is."""
        index = self.currentIndex()
        self.setEditText(self.itemText(index) if self.itemData(index) is not None else "")

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt API name
        super().focusOutEvent(event)
        self._settle()
