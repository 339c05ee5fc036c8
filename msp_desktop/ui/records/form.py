"""A form generated from a record kind: one labelled input per field, grouped by section.

Fields that depend on another field (`visible_when`) appear and disappear as that field
changes. `get_payload()` returns only what is visible and filled in; `show_problems()` puts
each rule's message under its field, where a screen reader also finds it (the field's
accessible description), and moves focus to the first one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from msp_desktop.domain.fields import Field, FieldType, Problem, RecordKind
from msp_desktop.ui.records.inputs import (
    NULLABLE_BOOLS,
    BoolInput,
    DateInput,
    FieldInput,
    ListInput,
    RefInput,
    RefOptions,
    field_label,
    is_empty,
    make_input,
)
from msp_desktop.ui.theme import COLOURS

WIDE_TYPES = frozenset({FieldType.LONGTEXT, FieldType.QUOTE, FieldType.MULTI, FieldType.LIST})

# Short guidance shown under a section heading, for kinds whose order follows the law.
SECTION_NOTES: dict[tuple[str, str], str] = {
    ("capacity_assessment", "The decision"):
        "Start from the presumption of capacity (MCA s.1(2)). One decision per assessment.",
    ("capacity_assessment", "Support"):
        "All practicable steps to help the person decide come first (MCA s.1(3)).",
    ("capacity_assessment", "Functional test"):
        "Can the person understand, retain, use or weigh the information, and communicate "
        "their decision (MCA s.3)? Give evidence for each.",
    ("capacity_assessment", "Impairment"):
        "Is there an impairment of, or disturbance in, the mind or brain, and is the "
        "inability to decide because of it (MCA s.2)?",
    ("capacity_assessment", "Conclusion"):
        "Decide on the balance of probabilities.",
    ("consent_decision", "Proceeding without agreement"):
        "You are proceeding or sharing without the adult's agreement: record the grounds, "
        "why it is proportionate, and whether the adult was told.",
    ("consent_decision", "Respecting the refusal"):
        "You are respecting the adult's refusal: record the risk they accept, whether "
        "anyone else is at risk, and when you will review it.",
    ("contact_note", "Note"):
        "Keep facts, what others reported, the adult's own words and your professional "
        "analysis apart.",
}


# When the thing happened, for a new record written as it happens: now, to be corrected.
NOW_BY_DEFAULT: frozenset[tuple[str, str]] = frozenset({("contact_note", "event_start")})


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordForm", text)


def nullable_bools(kind: RecordKind) -> set[str]:
    """BOOL fields whose "not answered" state matters, so they get Yes / No / not recorded."""
    names = {f.name for f in kind.fields if f.type is FieldType.BOOL and f.required}
    names |= {f.name for f in kind.fields if f.name in NULLABLE_BOOLS}
    for f in kind.fields:
        if f.visible_when is not None and False in f.visible_when[1]:
            names.add(f.visible_when[0])
    return names


class FieldRow(QWidget):
    """A field's label, help text, input and (when there is one) its problem message."""

    def __init__(self, f: Field, inp: FieldInput, quote: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = f
        self.input = inp
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        label_text = field_label(f)
        self.label = QLabel(label_text.replace("&", "&&") + (
            _tr(" (required)") if f.required else ""), self)
        self.label.setWordWrap(True)
        font = QFont(self.label.font())
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBuddy(inp.widget)
        help_parts: list[str] = []
        if quote:
            help_parts.append(_tr("In their own words"))
        if f.help:
            help_parts.append(QCoreApplication.translate("help", f.help))
        self.help_text = " – ".join(help_parts)
        if not isinstance(inp, BoolInput):
            layout.addWidget(self.label)
        else:
            self.label.hide()
        if quote:
            tag = QLabel("“ " + _tr("In their own words") + " ”", self)
            tag.setProperty("role", "secondary")
            italic = QFont(tag.font())
            italic.setItalic(True)
            tag.setFont(italic)
            layout.addWidget(tag)
        if f.help:
            help_label = QLabel(QCoreApplication.translate("help", f.help), self)
            help_label.setWordWrap(True)
            help_label.setProperty("role", "secondary")
            layout.addWidget(help_label)
        layout.addWidget(inp.container)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        layout.addWidget(self.error)
        name = label_text + (_tr(", required") if f.required else "")
        inp.set_accessible_name(name)
        for w in inp.described_widgets():
            if self.help_text:
                w.setToolTip(self.help_text)
        inp.set_description(self.help_text)

    def show_problem(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.setVisible(bool(messages))
        self.input.set_description(text if messages else self.help_text)


class RecordForm(QWidget):
    """The generated form of one record kind.

    Signals:
        changed(): any input changed (typing, ticking, adding a row).
    """

    changed = Signal()

    def __init__(self, kind: RecordKind, parent: QWidget | None = None, *,
                 ref_options: RefOptions | None = None, columns: int = 2) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = 1 if columns < 2 else 2
        self.setAccessibleName(QCoreApplication.translate("kinds", kind.label))
        self._ref_options = ref_options
        self._loading = False
        self._read_only = False
        self.rows: dict[str, FieldRow] = {}
        self._sections: list[tuple[QWidget, list[str]]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(8)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "error")
        self.summary.hide()
        outer.addWidget(self.summary)
        nullable = nullable_bools(kind)
        current_section: str | None = None
        grid: QGridLayout | None = None
        col = row = 0
        section_fields: list[str] = []
        for f in kind.fields:
            if f.name == kind.case_field:
                continue
            if f.section != current_section or grid is None:
                current_section = f.section
                box, grid = self._section(kind.name, f.section or kind.label)
                outer.addWidget(box)
                section_fields = []
                self._sections.append((box, section_fields))
                col = row = 0
            section_fields.append(f.name)
            inp = make_input(f, self, ref_options, nullable_bool=f.name in nullable,
                             relayout=self._fix_tab_order)
            field_row = FieldRow(f, inp, f.type is FieldType.QUOTE, self)
            self.rows[f.name] = field_row
            inp.on_change(self._on_input_changed)
            wide = f.type in WIDE_TYPES or self.columns == 1
            if wide and col == 1:
                row, col = row + 1, 0
            grid.addWidget(field_row, row, col, 1, 2 if wide else 1,
                           Qt.AlignmentFlag.AlignTop)
            col += 2 if wide else 1
            if col >= 2:
                row, col = row + 1, 0
        outer.addStretch(1)
        self._update_visibility()
        self._fix_tab_order()

    def _section(self, kind_name: str, title: str) -> tuple[QWidget, QGridLayout]:
        box = QFrame(self)
        box.setObjectName("section")
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 6, 0, 6)
        v.setSpacing(6)
        heading = QLabel(QCoreApplication.translate("sections", title), box)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setProperty("role", "section")
        v.addWidget(heading)
        rule = QFrame(box)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setStyleSheet(f"color: {COLOURS.divider};")
        v.addWidget(rule)
        note = SECTION_NOTES.get((kind_name, title))
        if note:
            note_label = QLabel(QCoreApplication.translate("help", note), box)
            note_label.setWordWrap(True)
            note_label.setProperty("role", "secondary")
            v.addWidget(note_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if self.columns == 2 else 0)
        v.addLayout(grid)
        return box, grid

    # --- state ---------------------------------------------------------------------------
    def input(self, name: str) -> FieldInput:
        """The input of a field (tests and special editors reach widgets through it)."""
        return self.rows[name].input

    def field_of(self, widget: QWidget) -> str | None:
        """The name of the field whose row holds `widget`, if any."""
        return next((name for name, row in self.rows.items()
                     if row is widget or row.isAncestorOf(widget)), None)

    def _raw(self) -> dict[str, Any]:
        return {name: row.input.value() for name, row in self.rows.items()}

    def _on_input_changed(self) -> None:
        if self._loading:
            return
        self._update_visibility()
        self.changed.emit()

    def _update_visibility(self) -> None:
        raw = self._raw()
        for name, row in self.rows.items():
            shown = self.kind.is_visible(self.kind.field(name), raw)
            if self._read_only and is_empty(raw[name]):
                shown = False  # a finalised record reads like a document: no empty boxes
            if row.field.legacy and is_empty(raw[name]):
                shown = False  # old free text replaced by a coded field: only to read

            row.setVisible(shown)
        for box, names in self._sections:
            box.setVisible(any(not self.rows[n].isHidden() for n in names))

    def is_shown(self, name: str) -> bool:
        """Whether a field is currently shown (its visible_when condition holds)."""
        return not self.rows[name].isHidden()

    def get_payload(self) -> dict[str, Any]:
        raw = self._raw()
        return {
            name: value
            for name, value in raw.items()
            if not is_empty(value) and self.kind.is_visible(self.kind.field(name), raw)
        }

    def set_payload(self, payload: Mapping[str, Any]) -> None:
        payload = self.kind.current(payload)  # a record saved before a field was coded
        self._loading = True
        try:
            for name, row in self.rows.items():
                row.input.set_value(payload.get(name))
        finally:
            self._loading = False
        self._update_visibility()
        self._fix_tab_order()
        self.clear_problems()

    def start_new(self) -> None:
        """Fill in the defaults of a new record (not a change: nothing to save yet)."""
        self._loading = True
        try:
            for name, row in self.rows.items():
                if (self.kind.name, name) in NOW_BY_DEFAULT and isinstance(row.input, DateInput):
                    row.input.set_now()
        finally:
            self._loading = False
        self._update_visibility()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self.rows.values():
            row.input.set_read_only(read_only)
        self._update_visibility()
        self._fix_tab_order()

    def is_read_only(self) -> bool:
        return self._read_only

    def reload_refs(self) -> None:
        """Re-read the records a REF field can point at (after another record was saved)."""
        if self._ref_options is None:
            return
        self._loading = True
        try:
            for row in self.rows.values():
                if isinstance(row.input, RefInput):
                    row.input.set_options(self._ref_options(row.field))
                elif isinstance(row.input, ListInput):
                    row.input.reload_refs()
        finally:
            self._loading = False

    # --- problems ------------------------------------------------------------------------
    def show_problems(self, problems: Iterable[Problem], *,
                      move_focus: bool = True) -> QWidget | None:
        """Show each problem under its field; return the first field with one (which gets
        focus, unless `move_focus` is False: re-checking while the worker types)."""
        self.clear_problems()
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for p in problems:
            row = self.rows.get(p.field)
            if row is None or row.isHidden():
                general.append(p.message)
            else:
                by_field.setdefault(p.field, []).append(p.message)
        first: QWidget | None = None
        for name, row in self.rows.items():
            if name in by_field:
                row.show_problem(by_field[name])
                if first is None:
                    first = row.input.widget
        count = sum(len(m) for m in by_field.values()) + len(general)
        if count:
            lines = [
                _tr("There is 1 thing to put right before this can be saved.") if count == 1
                else _tr("There are %1 things to put right before this can be saved.").replace(
                    "%1", str(count))
            ]
            lines += [f"• {m}" for m in general]
            self.summary.setText("\n".join(lines))
            self.summary.setAccessibleName(self.summary.text())
            self.summary.show()
        if first is not None and move_focus:
            first.setFocus()
        return first

    def problem_text(self, name: str) -> str:
        """The message shown under a field ('' when none)."""
        row = self.rows[name]
        return row.error.text() if not row.error.isHidden() else ""

    def clear_problems(self) -> None:
        for row in self.rows.values():
            row.show_problem([])
        self.summary.hide()
        self.summary.clear()

    # --- keyboard ------------------------------------------------------------------------
    def focus_order(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows.values():
            out.extend(row.input.focus_widgets())
        return out

    def _fix_tab_order(self) -> None:
        """Make Tab follow the visual order, also after rows were added or removed."""
        if not hasattr(self, "rows"):
            return
        order = self.focus_order()
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
