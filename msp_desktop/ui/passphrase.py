"""Passphrase entry: a field, a confirm field, a zxcvbn strength meter and inline validation.

Errors are shown in a label under the field and set as the field's accessible description, so
a screen reader reads them with the field (A11Y-4).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from msp_desktop.services import passphrase_policy as policy
from msp_desktop.ui.i18n import plural

__all__ = ["PassphraseEdit", "PassphraseFields", "Strength", "StrengthMeter",
           "describe_duration", "estimate", "score_label"]

_CONTEXT = "PassphraseStrength"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", n)


@dataclasses.dataclass(frozen=True)
class Strength:
    """A translated strength estimate."""

    score: int  # 0..4
    label: str  # "Strong"
    summary: str  # "Strong: would take centuries to guess"
    feedback: tuple[str, ...]  # zxcvbn warning and suggestions


def score_label(score: int) -> str:
    """Return the word for a zxcvbn score."""
    labels = (
        _tr("Very weak"),
        _tr("Weak"),
        _tr("Fair"),
        _tr("Good"),
        _tr("Strong"),
    )
    return labels[max(0, min(4, score))]


def describe_duration(seconds: float) -> str:
    """Return a rough, translated duration ("3 hours", "centuries")."""
    minute, hour, day = 60, 3600, 86400
    month, year = day * 31, day * 365
    if seconds < minute:
        return _tr("less than a minute")
    if seconds < hour:
        return plural(_CONTEXT, "1 minute", "%n minutes", round(seconds / minute))
    if seconds < day:
        return plural(_CONTEXT, "1 hour", "%n hours", round(seconds / hour))
    if seconds < month:
        return plural(_CONTEXT, "1 day", "%n days", round(seconds / day))
    if seconds < year:
        return plural(_CONTEXT, "1 month", "%n months", round(seconds / month))
    if seconds < 100 * year:
        return plural(_CONTEXT, "1 year", "%n years", round(seconds / year))
    return _tr("centuries")


def estimate(passphrase: str, user_inputs: Sequence[str] = ()) -> Strength:
    """Estimate how hard a passphrase is to guess (offline attack, slow hash)."""
    # The same estimate the CLI's policy uses (services/passphrase_policy.py).
    result = policy.zxcvbn_estimate(passphrase, user_inputs)
    score = result.score
    label = score_label(score)
    summary = _tr("%1: would take %2 to guess").replace("%1", label)
    summary = summary.replace("%2", describe_duration(result.crack_seconds))
    items = [result.warning, *result.suggestions]
    feedback = tuple(QCoreApplication.translate("zxcvbn", s) for s in items if s)
    return Strength(score=score, label=label, summary=summary, feedback=feedback)


class PassphraseEdit(QLineEdit):
    """A line edit for a passphrase: hidden text, no undo history, no drag."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setDragEnabled(False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )

    def set_revealed(self, revealed: bool) -> None:
        """Show or hide the typed text."""
        mode = QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        self.setEchoMode(mode)


class StrengthMeter(QWidget):
    """A labelled 0-4 bar, a summary line and zxcvbn's advice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)  # the summary label below says it in words
        self.bar.setFixedHeight(max(8, self.fontMetrics().height() // 2))
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setProperty("role", "secondary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.advice)
        self.show_strength(None)

    def show_strength(self, strength: Strength | None) -> None:
        """Show an estimate, or the empty state."""
        if strength is None:
            self.bar.setValue(0)
            self.bar.setFormat(self.tr("No passphrase yet"))
            self.summary.setText(self.tr("Strength: no passphrase yet"))
            self.advice.setText("")
        else:
            self.bar.setValue(strength.score)
            self.bar.setFormat(strength.label)
            self.summary.setText(strength.summary)
            self.advice.setText(" ".join(strength.feedback))
        self.bar.setAccessibleDescription(self.summary.text())


class PassphraseFields(QWidget):
    """A new-passphrase field and its confirmation, with strength and validation.

    Errors appear once a field has been left or `validate()` was called, and then update
    as the user types.

    Signals:
        changed(): either field changed.
        validity_changed(bool): the pair became valid or invalid.
    """

    changed = Signal()
    validity_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        user_inputs: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self._user_inputs = tuple(user_inputs)
        self._strength: Strength | None = None
        self._touched = {"passphrase": False, "confirm": False}
        self._valid = False

        self.passphrase = PassphraseEdit(self.tr("New passphrase"), self)
        self.confirm = PassphraseEdit(self.tr("Confirm passphrase"), self)
        self.hint = self.tr(
            "At least %n characters. A few unrelated words work well.", "", policy.MIN_LENGTH
        )
        self.passphrase.setAccessibleDescription(self.hint)
        self.passphrase_error = self._error_label()
        self.confirm_error = self._error_label()
        self.meter = StrengthMeter(self)
        self.reveal = QCheckBox(self.tr("S&how passphrase"), self)
        self.reveal.setAccessibleName(self.tr("Show passphrase"))
        self.reveal.toggled.connect(self._set_revealed)

        label = QLabel(self.tr("&New passphrase:"), self)
        label.setBuddy(self.passphrase)
        hint = QLabel(self.hint, self)
        hint.setWordWrap(True)
        hint.setProperty("role", "secondary")
        confirm_label = QLabel(self.tr("&Confirm passphrase:"), self)
        confirm_label.setBuddy(self.confirm)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets: list[QWidget] = [label, hint, self.passphrase, self.passphrase_error, self.meter]
        for w in widgets:
            layout.addWidget(w)
        layout.addSpacing(6)
        widgets = [confirm_label, self.confirm, self.confirm_error, self.reveal]
        for w in widgets:
            layout.addWidget(w)
        layout.addStretch(1)

        self.passphrase.textChanged.connect(self._on_passphrase_changed)
        self.confirm.textChanged.connect(self._on_changed)
        self.passphrase.editingFinished.connect(lambda: self._touch("passphrase"))
        self.confirm.editingFinished.connect(lambda: self._touch("confirm"))
        self.setFocusProxy(self.passphrase)

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        return label

    # public API ----------------------------------------------------------------------------

    def text(self) -> str:
        """Return the new passphrase."""
        return self.passphrase.text()

    def strength(self) -> Strength | None:
        """Return the current estimate (None while empty)."""
        return self._strength

    def passphrase_problem(self) -> str:
        """Return what is wrong with the passphrase (by the passphrase policy), or ''."""
        text = self.passphrase.text()
        strength = self._strength
        rule = policy.broken_rule(
            text, lambda: strength.score if strength is not None else policy.MIN_SCORE)
        if rule == policy.EMPTY:
            return self.tr("Enter a passphrase.")
        if rule == policy.NOT_TEXT:
            return self.tr("The passphrase contains characters that are not valid text.")
        if rule == policy.TOO_SHORT:
            return self.tr(
                "Use at least %n characters; this one has %1.", "", policy.MIN_LENGTH
            ).replace("%1", str(len(text)))
        if rule == policy.TOO_EASY:
            return self.tr(
                "This passphrase would be too easy to guess. Add more words, "
                "or use words that are not a common phrase."
            )
        return ""

    def confirm_problem(self) -> str:
        """Return what is wrong with the confirmation, or ''."""
        if not self.confirm.text():
            return self.tr("Type the passphrase again to confirm it.")
        if self.confirm.text() != self.passphrase.text():
            return self.tr("The two passphrases do not match.")
        return ""

    def is_valid(self) -> bool:
        """Return whether both fields are acceptable."""
        return not self.passphrase_problem() and not self.confirm_problem()

    def validate(self) -> bool:
        """Show every problem; focus the first bad field. Return whether all is well."""
        self._touched = {"passphrase": True, "confirm": True}
        self._show_problems()
        if self.passphrase_problem():
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if self.confirm_problem():
            self.confirm.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return True

    def clear(self) -> None:
        """Empty both fields and forget errors."""
        self.passphrase.clear()
        self.confirm.clear()
        self._touched = {"passphrase": False, "confirm": False}
        self._show_problems()

    # internals -----------------------------------------------------------------------------

    def _set_revealed(self, revealed: bool) -> None:
        self.passphrase.set_revealed(revealed)
        self.confirm.set_revealed(revealed)

    def _touch(self, which: str) -> None:
        if which == "confirm" and not self.confirm.text():
            return  # leaving an empty confirm field on the way back up is not an error yet
        self._touched[which] = True
        self._show_problems()

    def _on_passphrase_changed(self, text: str) -> None:
        self._strength = estimate(text, self._user_inputs) if text else None
        self.meter.show_strength(self._strength)
        self._on_changed()

    def _on_changed(self) -> None:
        self._show_problems()
        valid = self.is_valid()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        self.changed.emit()

    def _show_problems(self) -> None:
        self._show(
            self.passphrase,
            self.passphrase_error,
            self.passphrase_problem() if self._touched["passphrase"] else "",
            self.hint,
        )
        self._show(
            self.confirm,
            self.confirm_error,
            self.confirm_problem() if self._touched["confirm"] else "",
            "",
        )

    @staticmethod
    def _show(field: QLineEdit, label: QLabel, problem: str, hint: str) -> None:
        label.setText(problem)
        label.setVisible(bool(problem))
        field.setAccessibleDescription(problem or hint)
