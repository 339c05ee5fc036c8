"""Issue 9 #4: a short auto-lock warns for at most half its time and never eats a key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from qthelpers import FakeClock

from msp_desktop.ui.idle import IdleController, LockWarningDialog
from msp_desktop.ui.settings import Settings


@pytest.fixture
def one_minute(qapp: QApplication, clock: FakeClock) -> Iterator[IdleController]:
    controller = IdleController(1, clock=clock, check_interval_ms=60_000)
    controller.install(qapp)
    yield controller
    controller.uninstall(qapp)
    controller.set_enabled(False)


@pytest.fixture
def typing(qtbot) -> QLineEdit:
    window = QWidget()
    window.setAccessibleName("Note")
    edit = QLineEdit(window)
    edit.setAccessibleName("Note text")
    QVBoxLayout(window).addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    edit.window_ref = window  # type: ignore[attr-defined]  # keep the window alive
    return edit


def test_one_minute_lock_does_not_warn_right_after_input(one_minute, clock, qtbot,
                                                          typing) -> None:
    dialog = LockWarningDialog()
    qtbot.addWidget(dialog)
    dialog.attach(one_minute)
    qtbot.keyClick(typing, Qt.Key.Key_A)
    clock.advance(1)
    one_minute.poke()
    assert not dialog.isVisible(), "the warning showed one second after a key press"
    clock.advance(28)
    one_minute.poke()
    assert not dialog.isVisible()
    clock.advance(2)  # 29 s left: the warning takes the last half minute
    one_minute.poke()
    assert dialog.isVisible()
    assert "29 seconds" in dialog.message()


def test_warning_never_swallows_the_next_key(one_minute, clock, qtbot, typing) -> None:
    dialog = LockWarningDialog()
    qtbot.addWidget(dialog)
    dialog.attach(one_minute)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is typing.window())
    clock.advance(40)
    one_minute.poke()
    assert dialog.isVisible()
    QApplication.processEvents()
    assert QApplication.activeWindow() is typing.window(), "the warning took the window"
    assert QApplication.focusWidget() is typing, "the warning took the focus"
    # The key goes where the window system sends it: the focused window, not the edit.
    focus_window = QApplication.focusWindow()
    assert focus_window is not None
    qtbot.keyClick(focus_window, Qt.Key.Key_B)
    assert typing.text() == "b", "the key that dismissed the warning was lost"
    assert not dialog.isVisible()
    assert not dialog.isModal()


def test_five_minutes_still_warn_a_minute_ahead(clock) -> None:
    controller = IdleController(5, clock=clock, check_interval_ms=60_000)
    assert controller.warning_seconds() == 60
    assert IdleController(1, clock=clock, check_interval_ms=60_000).warning_seconds() == 30
    controller.set_enabled(False)


def test_every_allowed_lock_time_warns_between_15_seconds_and_half_of_it(clock) -> None:
    """Over every lock time Settings allows, the warning is long enough to read and act on
    (15 s) and never more than half the lock time (else it shows after every action)."""
    var = Settings.auto_lock_minutes
    for minutes in range(var.minimum, var.maximum + 1):
        controller = IdleController(minutes, clock=clock, check_interval_ms=60_000)
        warning = controller.warning_seconds()
        controller.set_enabled(False)
        assert 15 <= warning <= minutes * 60 / 2, (minutes, warning)


def test_settings_refuse_a_lock_time_under_the_minimum(tmp_path) -> None:
    settings = Settings(tmp_path / "s.ini")
    with pytest.raises(ValueError):
        settings.auto_lock_minutes = Settings.auto_lock_minutes.minimum - 1
    settings._qsettings.setValue(Settings.auto_lock_minutes.key, "0")  # edited by hand
    assert settings.auto_lock_minutes == Settings.auto_lock_minutes.minimum
