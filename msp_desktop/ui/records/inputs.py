"""One input per field type, built from a domain `Field`.

Each `FieldInput` owns its Qt widgets and converts between them and payload values (codes,
ISO dates, bools, ints, lists of row dicts). `None` always means "not filled in". The form
(form.py) lays the inputs out; nothing here knows about sessions or storage.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    QTime,
)
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QResizeEvent, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.derive import rag_for
from msp_desktop.domain.enums import RAG
from msp_desktop.domain.fields import Field, FieldType
from msp_desktop.ui.rag import RagLevel, rag_label, rag_stylesheet
from msp_desktop.ui.theme import COLOURS, NOTICES

RefOptions = Callable[[Field], list[tuple[str, str]]]

# BOOL fields where "not recorded" differs from "no": the rules or visible_when look at False.
NULLABLE_BOOLS = frozenset({"adult_present"})
SENTINEL_DATE = QDate(1800, 1, 1)
# The main body of a note gets more room.
BIG_TEXT_FIELDS = frozenset({"facts", "adult_own_words", "analysis", "statement",
                             "decision_in_question", "decision", "summary"})
# A long text's count of characters turns into a warning at this share of its limit.
COUNT_WARNING_SHARE = 0.9
DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
SHORT_TYPES = frozenset({
    FieldType.TEXT, FieldType.DATE, FieldType.DATETIME, FieldType.BOOL, FieldType.CHOICE,
    FieldType.INT, FieldType.REF,
})


def tr(text: str, context: str = "RecordForm") -> str:
    return QCoreApplication.translate(context, text)


def field_label(f: Field) -> str:
    """The translated label of a field (domain labels are the English source text)."""
    return QCoreApplication.translate("fields", f.label)


def choice_label(code_label: str) -> str:
    return QCoreApplication.translate("choices", code_label)


def name_widget(w: QWidget, name: str, description: str = "") -> None:
    w.setAccessibleName(name)
    if description:
        w.setAccessibleDescription(description)
        w.setToolTip(description)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class FieldInput:
    """Base: `container` goes in the layout, `widget` takes focus and carries the name."""

    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        self.field = f
        self.name = name if name is not None else field_label(f)
        self._callbacks: list[Callable[[], None]] = []
        self.widget: QWidget = QWidget(parent)
        self.container: QWidget = self.widget

    # --- what subclasses provide --------------------------------------------------------
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)

    def focus_widgets(self) -> list[QWidget]:
        return [self.widget]

    def described_widgets(self) -> list[QWidget]:
        return [self.widget]

    # --- shared ---------------------------------------------------------------------------
    def on_change(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def _emit(self, *_args: Any) -> None:
        for cb in list(self._callbacks):
            cb()

    def set_description(self, text: str) -> None:
        for w in self.described_widgets():
            w.setAccessibleDescription(text)

    def set_accessible_name(self, name: str) -> None:
        self.name = name
        self.widget.setAccessibleName(name)


class TextInput(FieldInput):
    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        super().__init__(f, parent, name)
        edit = QLineEdit(parent)
        edit.setMaxLength(f.max_length)
        edit.textChanged.connect(self._emit)
        self.widget = self.container = self.edit = edit
        name_widget(edit, self.name)

    def value(self) -> Any:
        text = self.edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class FittingTextEdit(QPlainTextEdit):
    """A plain-text box of a fixed height that, when reading, grows to show all its text:
    a finalised 20,000-character note reads in the form's own scrolling, not in 7 lines."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self._fit = False
        self._fitted_width = -1
        self.setFixedHeight(self.min_height)

    @property
    def min_height(self) -> int:
        """The height of `lines` lines of the current font (it follows the text size)."""
        return self.fontMetrics().lineSpacing() * self.lines + 18

    def fits_text(self) -> bool:
        return self._fit

    def set_fit_to_text(self, fit: bool) -> None:
        self._fit = fit
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fit else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.refit()

    def refit(self, *, force: bool = True) -> None:
        """Set the height: the text's own when fitting, else the minimum."""
        if not self._fit:
            self._fitted_width = -1
            self.setFixedHeight(self.min_height)
            return
        width = self.viewport().width()
        if width <= 0 or (not force and width == self._fitted_width):
            return
        self._fitted_width = width
        # Lay the text out in a document of the viewport's width: a QPlainTextEdit lays out
        # only what it shows, so it cannot tell its own full height.
        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(self.document().documentMargin())
        option = QTextOption()
        option.setWrapMode(self.wordWrapMode())
        doc.setDefaultTextOption(option)
        doc.setPlainText(self.toPlainText())
        doc.setTextWidth(width)
        chrome = self.height() - self.viewport().height()
        needed = math.ceil(doc.size().height()) + chrome + self.fontMetrics().lineSpacing() // 2
        self.setFixedHeight(max(self.min_height, needed))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.refit(force=False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.refit()


class LongTextInput(FieldInput):
    QUOTE_STYLE = (
        "QPlainTextEdit {{ border: 1px solid {border}; border-left: 5px solid {accent};"
        " background: {background}; padding: 4px 8px; font-style: italic; }}"
        "QPlainTextEdit:focus {{ border: 2px solid {accent}; border-left: 6px solid {accent}; }}"
    )

    def __init__(self, f: Field, parent: QWidget, name: str | None = None,
                 *, compact: bool = False) -> None:
        super().__init__(f, parent, name)
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        lines = 3 if compact else (7 if f.name in BIG_TEXT_FIELDS else 4)
        edit = FittingTextEdit(lines, box)
        edit.setTabChangesFocus(True)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        edit.textChanged.connect(self._emit)
        # How much room is left, so that Finalise never refuses a long note by surprise: always
        # under the main body of a note, elsewhere once the text nears its limit.
        self.counter = QLabel(box)
        self.counter.setWordWrap(True)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.always_count = not compact and f.name in BIG_TEXT_FIELDS
        self.read_only = False
        column.addWidget(edit)
        column.addWidget(self.counter)
        edit.textChanged.connect(self._count)
        if f.type is FieldType.QUOTE:
            edit.setObjectName("quote")
            font = QFont(edit.font())
            font.setItalic(True)
            edit.setFont(font)
            edit.setStyleSheet(self.QUOTE_STYLE.format(border=COLOURS.border,
                                                       accent=COLOURS.highlight,
                                                       background=COLOURS.quote_background))
            edit.setPlaceholderText(tr("Write exactly what they said, in their words"))
        self.widget = self.edit = edit
        self.container = box
        name_widget(edit, self.name)
        self._count()

    def _count(self) -> None:
        """Show the characters used against the field's limit (as the rules count them)."""
        used, limit = len(self.edit.toPlainText()), self.field.max_length
        near = used >= limit * COUNT_WARNING_SHARE
        shown = not self.read_only and (self.always_count or near)
        self.counter.setVisible(shown)
        if not shown:
            return
        text = tr("%1 of %2 characters").replace("%1", f"{used:,}").replace("%2", f"{limit:,}")
        if used > limit:
            text += " – " + tr("%1 too many: shorten it before saving").replace(
                "%1", f"{used - limit:,}")
            level = "over"
        elif near:
            text += " – " + tr("%1 left").replace("%1", f"{limit - used:,}")
            level = "near"
        else:
            level = ""
        if self.counter.property("level") != level:
            self.counter.setProperty("level", level)
            self.counter.setStyleSheet(
                f"QLabel {{ color: {COLOURS.error_text}; font-weight: bold; }}" if level == "over"
                else f"QLabel {{ color: {NOTICES['warning'].border}; font-weight: bold; }}"
                if level == "near" else f"QLabel {{ color: {COLOURS.secondary_text}; }}")
        self.counter.setText(text)
        self.counter.setAccessibleName(text)

    def value(self) -> Any:
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))
        self.edit.refit()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.edit.setReadOnly(read_only)
        self.edit.set_fit_to_text(read_only)
        self._count()


class _ComboInput(FieldInput):
    """A combo box whose first item is the empty "— choose —" (data None)."""

    def __init__(self, f: Field, parent: QWidget, items: Sequence[tuple[str, Any]],
                 name: str | None = None, empty: str | None = None) -> None:
        super().__init__(f, parent, name)
        combo = QComboBox(parent)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.addItem(empty if empty is not None else tr("— choose —"), None)
        for label, data in items:
            combo.addItem(label, data)
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        combo.currentIndexChanged.connect(self._emit)
        self.widget = self.container = self.combo = combo
        name_widget(combo, self.name)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        if value is None:
            self.combo.setCurrentIndex(0)
            return
        for i in range(self.combo.count()):
            if self.combo.itemData(i) == value and type(self.combo.itemData(i)) is type(value):
                self.combo.setCurrentIndex(i)
                return
        # A value we cannot offer (an old code, another case's record): keep it, visibly.
        self.combo.addItem(self._unknown_label(value), value)
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def _unknown_label(self, value: Any) -> str:
        return str(value)


class ChoiceInput(_ComboInput):
    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        assert f.choices is not None
        items = [(choice_label(c.label), c.code) for c in f.choices]
        super().__init__(f, parent, items, name)


class TriStateInput(_ComboInput):
    """Yes / No / not recorded, for flags where an unanswered question matters."""

    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        super().__init__(f, parent, [(tr("Yes"), True), (tr("No"), False)], name,
                         empty=tr("— not recorded —"))


class RefInput(_ComboInput):
    def __init__(self, f: Field, parent: QWidget, options: list[tuple[str, str]],
                 name: str | None = None) -> None:
        super().__init__(f, parent, [(label, rid) for rid, label in options], name)
        self.actions: list[QWidget] = []  # buttons beside the choice ("New ..."), Tab next

    def focus_widgets(self) -> list[QWidget]:
        return [self.widget, *self.actions]

    def set_options(self, options: list[tuple[str, str]]) -> None:
        current = self.value()
        self.combo.blockSignals(True)
        while self.combo.count() > 1:
            self.combo.removeItem(1)
        for rid, label in options:
            self.combo.addItem(label, rid)
        self.combo.blockSignals(False)
        self.set_value(current)

    def _unknown_label(self, value: Any) -> str:
        return tr("A linked record (not in this case)")


class BoolInput(FieldInput):
    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        super().__init__(f, parent, name)
        box = QCheckBox(self.name.replace("&", "&&"), parent)
        box.toggled.connect(self._emit)
        self.widget = self.container = self.box = box
        name_widget(box, self.name)

    def value(self) -> Any:
        return True if self.box.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.box.setChecked(value is True)


class IntInput(FieldInput):
    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        super().__init__(f, parent, name)
        spin = QSpinBox(parent)
        low = (f.min_value if f.min_value is not None else 0) - 1
        spin.setRange(low, f.max_value if f.max_value is not None else 999999)
        spin.setSpecialValueText(tr("not set"))
        spin.setValue(low)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("not set") + 48)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.valueChanged.connect(self._emit)
        self.widget = self.container = self.spin = spin
        name_widget(spin, self.name)

    def value(self) -> Any:
        v = self.spin.value()
        return None if v == self.spin.minimum() else v

    def set_value(self, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool):
            self.spin.setValue(value)
        else:
            self.spin.setValue(self.spin.minimum())

    def set_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)
        self.spin.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows)


class _CalendarPage(QObject):
    """Open the calendar popup of an unset date on this month, not on the sentinel year."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._edit.date() == SENTINEL_DATE:
            today = QDate.currentDate()
            cal = self._edit.calendarWidget()
            cal.setCurrentPage(today.year(), today.month())
        return False


class OptionalDateEdit(QDateTimeEdit):
    """A date (or date-time) edit with a "not set" state: the minimum date, shown as text.

    Typing or stepping from "not set" starts at today; the Clear button next to it (see
    DateInput) goes back to "not set". Tab always moves on to the next widget, and letters
    are refused.
    """

    def __init__(self, with_time: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATETIME_FORMAT if with_time else DATE_FORMAT)
        self.setMinimumDateTime(QDateTime(SENTINEL_DATE, QTime(0, 0)))
        self.setMaximumDate(QDate(2200, 12, 31))
        self.setSpecialValueText(tr("not set"))
        self.clear_value()
        self.calendarWidget().installEventFilter(_CalendarPage(self))

    def is_set(self) -> bool:
        return self.date() != SENTINEL_DATE

    def clear_value(self) -> None:
        self.setDateTime(self.minimumDateTime())

    def _start_today(self) -> None:
        now = QDateTime.currentDateTime()
        if self.with_time:
            self.setDateTime(QDateTime(now.date(), QTime(now.time().hour(), 0)))
        else:
            self.setDateTime(QDateTime(now.date(), QTime(0, 0)))
        self.setCurrentSection(QDateTimeEdit.Section.DaySection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # Tab leaves the field (WCAG 2.1.2); Left and Right move between its parts.
            self.focusNextPrevChild(key == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if is_letter(event):
            return  # never "not setzz": a date takes digits only
        if not self.is_set() and not self.isReadOnly():
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                return
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) or event.text().isdigit():
                self._start_today()
                if event.text().isdigit():
                    self.lineEdit().selectAll()
                    self.setSelectedSection(QDateTimeEdit.Section.DaySection)
                else:
                    return
            elif event.text() and event.text().isprintable():
                return  # a separator typed before any digit: nothing to separate yet
        elif key_is_clear(event) and not self.isReadOnly():
            self.clear_value()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.BacktabFocusReason and self.is_set():
            # Qt selects the last part (the minutes) when Shift+Tab comes back: typing a
            # date goes in from the day, as it does after Tab.
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def stepBy(self, steps: int) -> None:
        if not self.is_set():
            self._start_today()
            return
        super().stepBy(steps)

    def focusNextPrevChild(self, next: bool) -> bool:
        # QDateTimeEdit's own version steps through its sections, and from "not set" it never
        # gets past the first one: go to the next widget like any other field.
        return QWidget.focusNextPrevChild(self, next)


def is_letter(event: QKeyEvent) -> bool:
    """A typed character that is not a digit (and no shortcut): a date has no use for it."""
    text = event.text()
    if not text or not text.isprintable() or text.isdigit():
        return False
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False
    return text not in "/: "


def key_is_clear(event: QKeyEvent) -> bool:
    """Ctrl+Delete clears a date."""
    return (event.key() == Qt.Key.Key_Delete
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


class DateInput(FieldInput):
    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        super().__init__(f, parent, name)
        self.with_time = f.type is FieldType.DATETIME
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        edit = OptionalDateEdit(self.with_time, box)
        edit.dateTimeChanged.connect(self._emit)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/0000 00:00") + 48)
        clear = QToolButton(box)
        clear.setText(tr("Clear"))
        clear.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        clear.clicked.connect(edit.clear_value)
        row.addWidget(edit)
        row.addWidget(clear)
        row.addStretch(1)
        self.edit = edit
        self.clear_button = clear
        self.widget = edit
        self.container = box
        self._original: str | None = None
        name_widget(edit, self.name, tr("Not set until you type or choose a date. Left and Right "
                                     "move between its parts; Ctrl+Delete clears."))
        name_widget(clear, tr("Clear %1").replace("%1", self.name))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit, self.clear_button]

    def set_accessible_name(self, name: str) -> None:
        super().set_accessible_name(name)
        self.clear_button.setAccessibleName(tr("Clear %1").replace("%1", name))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.edit.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.clear_button.setVisible(not read_only)

    def _shown(self) -> dt.datetime | None:
        if not self.edit.is_set():
            return None
        qd = self.edit.dateTime()
        d, t = qd.date(), qd.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def value(self) -> Any:
        shown = self._shown()
        if shown is None:
            return None
        if self._original is not None and self._parse(self._original) == shown:
            return self._original  # unchanged: keep the stored text exactly
        if not self.with_time:
            return shown.date().isoformat()
        return shown.astimezone().isoformat(timespec="seconds")

    def _parse(self, value: str) -> dt.datetime | None:
        try:
            if not self.with_time:
                d = dt.date.fromisoformat(value[:10])
                return dt.datetime(d.year, d.month, d.day)
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone().replace(tzinfo=None)
        return parsed.replace(second=0, microsecond=0)

    def set_now(self) -> None:
        """Show the current date (and time, to the minute) for the worker to correct."""
        now = QDateTime.currentDateTime()
        self._original = None
        self.edit.setDateTime(QDateTime(now.date(), QTime(now.time().hour(),
                                                          now.time().minute())))

    def set_value(self, value: Any) -> None:
        parsed = self._parse(value) if isinstance(value, str) and value else None
        self._original = value if parsed is not None else None
        if parsed is None:
            self.edit.clear_value()
            return
        self.edit.setDateTime(QDateTime(QDate(parsed.year, parsed.month, parsed.day),
                                        QTime(parsed.hour, parsed.minute)))


class MultiInput(FieldInput):
    def __init__(self, f: Field, parent: QWidget, name: str | None = None) -> None:
        super().__init__(f, parent, name)
        assert f.choices is not None
        frame = QFrame(parent)
        frame.setObjectName("multi")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for c in f.choices:
            text = choice_label(c.label)
            box = QCheckBox(text.replace("&", "&&"), frame)
            box.setAccessibleName(f"{self.name}: {text}")
            box.toggled.connect(self._emit)
            layout.addWidget(box)
            self.boxes.append((c.code, box))
        frame.setAccessibleName(self.name)
        self.container = frame
        self.widget = self.boxes[0][1]
        self._extra: list[str] = []

    def focus_widgets(self) -> list[QWidget]:
        return [b for _, b in self.boxes]

    def described_widgets(self) -> list[QWidget]:
        return [b for _, b in self.boxes]

    def set_accessible_name(self, name: str) -> None:
        self.name = name
        for _code, box in self.boxes:
            box.setAccessibleName(f"{name}: {box.text().replace('&&', '&')}")

    def value(self) -> Any:
        codes = [code for code, box in self.boxes if box.isChecked()] + self._extra
        return codes or None

    def set_value(self, value: Any) -> None:
        values = value if isinstance(value, list) else []
        known = {code for code, _ in self.boxes}
        self._extra = [v for v in values if v not in known]
        for code, box in self.boxes:
            box.setChecked(code in values)

    def set_read_only(self, read_only: bool) -> None:
        for _, box in self.boxes:
            box.setEnabled(not read_only)


def rag_text(code: str) -> str:
    return rag_label(RagLevel[code])


class RagCell(QLabel):
    """A risk's rating: a coloured cell that always says its level in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rag")
        self.setWordWrap(True)
        self.code: str | None = None
        self.show_rating(None, None, None)

    def show_rating(self, likelihood: Any, impact: Any, override: Any) -> None:
        try:
            code = rag_for(likelihood, impact)
            score = likelihood * impact
        except (ValueError, TypeError):
            code = None
            score = None
        shown = override if override in RAG else code
        self.code = shown
        if shown is None:
            text = tr("Rating: choose likelihood and impact")
            self.setStyleSheet(
                f"QLabel {{ border: 1px dashed {COLOURS.border}; padding: 4px 8px;"
                f" color: {COLOURS.secondary_text}; }}")
        else:
            text = tr("Rating: %1, score %2").replace("%1", rag_text(shown)).replace(
                "%2", str(score) if score is not None else "–")
            if code is not None and override in RAG and override != code:
                text += " " + tr("– the score alone gives %1").replace("%1", rag_text(code))
            self.setStyleSheet(rag_stylesheet(RagLevel[shown], padding="4px 8px"))
        self.setText(text)
        self.setAccessibleName(text)


class ListInput(FieldInput):
    """Rows of subfields: one small card per entry, with Add and Remove buttons.

    When every subfield is short, a card lays its inputs out in a row like a table line;
    otherwise in two columns.
    """

    def __init__(self, f: Field, parent: QWidget, ref_options: RefOptions | None,
                 name: str | None = None,
                 relayout: Callable[[], None] | None = None) -> None:
        super().__init__(f, parent, name)
        self._ref_options = ref_options
        self._relayout = relayout
        self.read_only = False
        frame = QFrame(parent)
        outer = QVBoxLayout(frame)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        outer.addLayout(self.rows_box)
        self.empty_label = QLabel(tr("No entries yet."), frame)
        self.empty_label.setProperty("role", "secondary")
        outer.addWidget(self.empty_label)
        self.add_button = QPushButton(tr("Add an entry"), frame)
        self.add_button.setAccessibleName(tr("Add an entry to %1").replace("%1", self.name))
        self.add_button.setAutoDefault(True)  # Enter adds an entry too, like Space
        self.add_button.clicked.connect(self._add_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        frame.setAccessibleName(self.name)
        self.container = frame
        self.widget = self.add_button
        self.short = all(s.type in SHORT_TYPES for s in f.subfields) and len(f.subfields) <= 5
        self.rows: list[dict[str, Any]] = []

    # --- rows --------------------------------------------------------------------------------
    def _add_clicked(self) -> None:
        """Add an entry and put the cursor in it, in view: a keyboard user sees (and a screen
        reader says, "..., entry 2") what the button did, and never adds rows unawares."""
        row = self.add_row()
        self._emit()
        first = next(iter(row["inputs"].values()), None)
        # The new card is laid out only when the event loop comes round: lay it out now, so
        # that it can be scrolled to and take focus at once.
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        area = self.container.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(row["card"], 0, 0)
            if first is not None:
                area.ensureWidgetVisible(first.widget)
        if first is not None:
            first.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_row(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        card = QFrame(self.container)
        card.setObjectName("entry")
        card.setStyleSheet(
            f"QFrame#entry {{ border: 1px solid {COLOURS.border}; border-radius: 4px;"
            f" background: {COLOURS.alternate_base}; }}")
        grid = QGridLayout(card)
        grid.setContentsMargins(8, 6, 8, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        title = QLabel(card)
        title_font = QFont(title.font())
        title_font.setBold(True)
        title.setFont(title_font)
        remove = QPushButton(tr("Remove"), card)
        inputs: dict[str, FieldInput] = {}
        labels: dict[str, QLabel] = {}
        row: dict[str, Any] = {"card": card, "title": title, "remove": remove,
                               "inputs": inputs, "labels": labels, "rag": None}
        cols = len(self.field.subfields) if self.short else 2
        grid.addWidget(title, 0, 0, 1, max(1, cols - 1))
        grid.addWidget(remove, 0, max(1, cols) - 1 if cols > 1 else 1,
                       alignment=Qt.AlignmentFlag.AlignRight)
        r, c = 1, 0
        for sub in self.field.subfields:
            inp = make_input(sub, card, self._ref_options, compact=True)
            label = QLabel(field_label(sub).replace("&", "&&") + (
                tr(" (required)") if sub.required else ""), card)
            label.setWordWrap(True)
            label.setBuddy(inp.widget)
            inputs[sub.name] = inp
            labels[sub.name] = label
            wide = sub.type in (FieldType.LONGTEXT, FieldType.QUOTE, FieldType.MULTI)
            if self.short:
                if isinstance(inp, BoolInput):
                    label.hide()
                grid.addWidget(label, 1, c)
                grid.addWidget(inp.container, 2, c)
                c += 1
                continue
            if wide and c == 1:
                r, c = r + 2, 0
            span = 2 if wide else 1
            if isinstance(inp, BoolInput):
                label.hide()
            grid.addWidget(label, r, c, 1, span)
            grid.addWidget(inp.container, r + 1, c, 1, span)
            c += span
            if c >= 2:
                r, c = r + 2, 0
            inp.on_change(self._emit)
            if sub.name == "impact" and "likelihood" in inputs:
                if c == 1:
                    r, c = r + 2, 0
                rag = RagCell(card)
                row["rag"] = rag
                grid.addWidget(rag, r, 0, 1, 2)
                r += 1
        if self.short:
            for inp in inputs.values():
                inp.on_change(self._emit)
        for col in range(cols):
            grid.setColumnStretch(col, 1)
        if row["rag"] is not None:

            def update(row: dict[str, Any] = row) -> None:
                ins = row["inputs"]
                row["rag"].show_rating(ins["likelihood"].value(), ins["impact"].value(),
                                       ins["rag"].value() if "rag" in ins else None)

            for n in ("likelihood", "impact", "rag"):
                if n in inputs:
                    inputs[n].on_change(update)
        remove.clicked.connect(lambda _=False, row=row: self._remove(row))
        self.rows.append(row)
        self.rows_box.addWidget(card)
        card.show()  # now, not when the event loop next runs: it can take focus at once
        if values:
            for name, value in values.items():
                if name in inputs:
                    inputs[name].set_value(value)
        if row["rag"] is not None:
            ins = inputs
            row["rag"].show_rating(ins["likelihood"].value(), ins["impact"].value(),
                                   ins["rag"].value() if "rag" in ins else None)
        for inp in inputs.values():
            inp.set_read_only(self.read_only)
        remove.setVisible(not self.read_only)
        self._renumber()
        return row

    def _remove(self, row: dict[str, Any]) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row["card"].hide()
        row["card"].setParent(None)
        row["card"].deleteLater()
        self._renumber()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)]["remove"].setFocus()
        else:
            self.add_button.setFocus()
        self._emit()

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows, 1):
            row["title"].setText(tr("Entry %1").replace("%1", str(i)))
            row["remove"].setAccessibleName(
                tr("Remove entry %1 of %2").replace("%1", str(i)).replace("%2", self.name))
            for sub_name, inp in row["inputs"].items():
                sub = inp.field
                del sub_name
                inp.set_accessible_name(
                    tr("%1, entry %2").replace("%1", field_label(sub)).replace("%2", str(i)))
        self.empty_label.setVisible(not self.rows)
        if self._relayout is not None:
            self._relayout()

    # --- FieldInput --------------------------------------------------------------------------
    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            for inp in row["inputs"].values():
                out.extend(inp.focus_widgets())
            out.append(row["remove"])
        out.append(self.add_button)
        return out

    def described_widgets(self) -> list[QWidget]:
        return [self.add_button]

    def set_accessible_name(self, name: str) -> None:
        self.name = name
        self.container.setAccessibleName(name)
        self.add_button.setAccessibleName(tr("Add an entry to %1").replace("%1", name))

    def value(self) -> Any:
        out: list[dict[str, Any]] = []
        for row in self.rows:
            entry = {n: inp.value() for n, inp in row["inputs"].items()}
            entry = {n: v for n, v in entry.items() if not is_empty(v)}
            if entry:
                out.append(entry)
        return out or None

    def set_value(self, value: Any) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row["card"].setParent(None)
            row["card"].deleteLater()
        for entry in value if isinstance(value, list) else []:
            if isinstance(entry, dict):
                self.add_row(entry)
        self._renumber()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setVisible(not read_only)
        for row in self.rows:
            row["remove"].setVisible(not read_only)
            for inp in row["inputs"].values():
                inp.set_read_only(read_only)

    def reload_refs(self) -> None:
        if self._ref_options is None:
            return
        for row in self.rows:
            for inp in row["inputs"].values():
                if isinstance(inp, RefInput):
                    inp.set_options(self._ref_options(inp.field))


def make_input(f: Field, parent: QWidget, ref_options: RefOptions | None, *,
               compact: bool = False, nullable_bool: bool = False,
               relayout: Callable[[], None] | None = None) -> FieldInput:
    t = f.type
    if t is FieldType.TEXT:
        return TextInput(f, parent)
    if t in (FieldType.LONGTEXT, FieldType.QUOTE):
        return LongTextInput(f, parent, compact=compact)
    if t in (FieldType.DATE, FieldType.DATETIME):
        return DateInput(f, parent)
    if t is FieldType.BOOL:
        return TriStateInput(f, parent) if nullable_bool else BoolInput(f, parent)
    if t is FieldType.CHOICE:
        return ChoiceInput(f, parent)
    if t is FieldType.MULTI:
        return MultiInput(f, parent)
    if t is FieldType.INT:
        return IntInput(f, parent)
    if t is FieldType.REF:
        return RefInput(f, parent, ref_options(f) if ref_options is not None else [])
    if t is FieldType.LIST:
        return ListInput(f, parent, ref_options, relayout=relayout)
    raise ValueError(f"no input for field type {t}")
