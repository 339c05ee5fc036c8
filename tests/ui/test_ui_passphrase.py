"""The passphrase pair: strength meter and inline validation."""

from __future__ import annotations

import pytest
from a11y import assert_accessible, assert_tab_reaches_all
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from qthelpers import type_text

from msp_desktop.ui.passphrase import PassphraseFields, describe_duration, estimate

STRONG = "correct horse battery staple"


@pytest.fixture
def fields(qtbot) -> PassphraseFields:
    w = PassphraseFields()
    qtbot.addWidget(w)
    w.show()
    return w


def test_estimate_strong() -> None:
    s = estimate(STRONG)
    assert s.score == 4
    assert s.summary == "Strong: would take centuries to guess"


def test_estimate_weak_has_feedback() -> None:
    s = estimate("password1")
    assert s.score == 0
    assert s.label == "Very weak"
    assert s.summary.startswith("Very weak: would take")
    assert any("common" in f for f in s.feedback)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(5, "less than a minute"), (60, "1 minute"), (7200, "2 hours"), (86400 * 3, "3 days"),
     (86400 * 365 * 2, "2 years"), (1e12, "centuries")],
)
def test_durations(seconds: float, text: str) -> None:
    assert describe_duration(seconds) == text


def test_meter_follows_typing(qtbot, fields) -> None:
    qtbot.keyClicks(fields.passphrase, STRONG)
    assert fields.meter.bar.value() == 4
    assert fields.meter.bar.format() == "Strong"
    assert fields.meter.summary.text() == "Strong: would take centuries to guess"
    assert fields.meter.bar.accessibleName() == "Passphrase strength"


def test_non_ascii_passphrase(fields) -> None:
    type_text(fields.passphrase, "ŵyn ŷd ąę łódź cwtch")
    assert fields.text() == "ŵyn ŷd ąę łódź cwtch"
    assert fields.strength() is not None


def test_too_short(qtbot, fields) -> None:
    qtbot.keyClicks(fields.passphrase, "Tr0ub4d!")
    qtbot.keyClicks(fields.confirm, "Tr0ub4d!")
    assert not fields.validate()
    msg = fields.passphrase_error.text()
    assert "at least 10 characters" in msg
    assert fields.passphrase.accessibleDescription() == msg
    assert fields.passphrase_error.isVisible()
    assert fields.passphrase.hasFocus()


def test_too_guessable(qtbot, fields) -> None:
    qtbot.keyClicks(fields.passphrase, "password123")
    qtbot.keyClicks(fields.confirm, "password123")
    assert not fields.validate()
    assert "too easy to guess" in fields.passphrase.accessibleDescription()


def test_mismatch(qtbot, fields) -> None:
    qtbot.keyClicks(fields.passphrase, STRONG)
    qtbot.keyClicks(fields.confirm, STRONG + "x")
    assert not fields.validate()
    assert fields.passphrase_error.text() == ""
    assert fields.confirm_error.text() == "The two passphrases do not match."
    assert fields.confirm.accessibleDescription() == "The two passphrases do not match."
    assert fields.confirm.hasFocus()


def test_valid_pair_and_live_error_clearing(qtbot, fields) -> None:
    validity: list[bool] = []
    fields.validity_changed.connect(validity.append)
    qtbot.keyClicks(fields.passphrase, STRONG)
    qtbot.keyClicks(fields.confirm, STRONG[:-1])
    assert not fields.validate()
    qtbot.keyClicks(fields.confirm, STRONG[-1])
    assert fields.confirm_error.text() == ""
    assert fields.confirm.accessibleDescription() == ""
    assert fields.validate()
    assert fields.is_valid()
    assert validity == [True]


def test_errors_wait_until_field_is_left(qtbot, fields) -> None:
    qtbot.keyClicks(fields.passphrase, "abc")
    assert fields.passphrase_error.text() == ""
    fields.passphrase.editingFinished.emit()
    assert "at least 10 characters" in fields.passphrase_error.text()


def test_show_hide_toggle(qtbot, fields) -> None:
    assert fields.passphrase.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(fields.reveal, Qt.MouseButton.LeftButton)
    assert fields.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert fields.confirm.echoMode() == QLineEdit.EchoMode.Normal
    fields.reveal.setChecked(False)
    assert fields.confirm.echoMode() == QLineEdit.EchoMode.Password


def test_clear(qtbot, fields) -> None:
    qtbot.keyClicks(fields.passphrase, "abc")
    fields.validate()
    fields.clear()
    assert fields.text() == ""
    assert fields.passphrase_error.text() == ""
    assert fields.meter.bar.value() == 0


def test_accessible(fields) -> None:
    assert_accessible(fields)
    chain = assert_tab_reaches_all(fields)
    assert chain[:2] == [fields.passphrase, fields.confirm]
