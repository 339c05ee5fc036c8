"""LOCK-1 / LOCK-2: idle auto-lock with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from a11y import accessible_name, assert_accessible
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from qthelpers import FakeClock

from msp_desktop.ui.idle import IdleController, LockWarningDialog

MINUTES = 5


@pytest.fixture
def idle(qapp: QApplication, clock: FakeClock) -> Iterator[IdleController]:
    controller = IdleController(MINUTES, clock=clock, check_interval_ms=60_000)
    controller.install(qapp)
    yield controller
    controller.uninstall(qapp)
    controller.set_enabled(False)


@pytest.fixture
def field(qtbot) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName("Test field")
    qtbot.addWidget(edit)
    edit.show()
    return edit


@pytest.fixture
def recorder(idle: IdleController) -> dict[str, list]:
    seen: dict[str, list] = {"lock": [], "warning": [], "cancelled": []}
    idle.lock_requested.connect(lambda: seen["lock"].append(True))
    idle.warning.connect(seen["warning"].append)
    idle.warning_cancelled.connect(lambda: seen["cancelled"].append(True))
    return seen


def test_default_is_five_minutes_and_enabled(clock: FakeClock) -> None:
    controller = IdleController(clock=clock)
    assert controller.minutes() == 5
    assert controller.is_enabled()


def test_still_unlocked_one_minute_before(idle, clock, recorder) -> None:
    clock.advance((MINUTES - 1) * 60)
    idle.poke()
    assert recorder["lock"] == []
    clock.advance(59)
    idle.poke()
    assert recorder["lock"] == []


def test_locks_at_n_minutes_once(idle, clock, recorder) -> None:
    clock.advance(MINUTES * 60)
    idle.poke()
    assert recorder["lock"] == [True]
    assert not idle.is_armed()
    clock.advance(MINUTES * 60)
    idle.poke()
    assert recorder["lock"] == [True], "a disarmed controller must not lock again"
    idle.reset()
    assert idle.is_armed()


def test_key_click_resets_the_timer(idle, clock, recorder, qtbot, field) -> None:
    clock.advance((MINUTES - 1) * 60)
    qtbot.keyClick(field, Qt.Key.Key_A)
    clock.advance((MINUTES - 1) * 60)
    idle.poke()
    assert recorder["lock"] == []
    clock.advance(60)
    idle.poke()
    assert recorder["lock"] == [True]


def test_mouse_and_wheel_reset_the_timer(idle, clock, recorder, qtbot, field) -> None:
    clock.advance(MINUTES * 60 - 1)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    clock.advance(MINUTES * 60 - 1)
    idle.poke()
    assert recorder["lock"] == []
    assert idle.seconds_idle() == MINUTES * 60 - 1


def test_warning_sixty_seconds_before(idle, clock, recorder) -> None:
    clock.advance(MINUTES * 60 - 61)
    idle.poke()
    assert recorder["warning"] == []
    clock.advance(1)
    idle.poke()
    assert recorder["warning"] == [60]
    clock.advance(30)
    idle.poke()
    assert recorder["warning"] == [60, 30]


def test_disabled_never_locks(idle, clock, recorder) -> None:
    idle.set_enabled(False)
    clock.advance(MINUTES * 600)
    idle.poke()
    assert recorder["lock"] == []
    idle.set_enabled(True)
    clock.advance(MINUTES * 60)
    idle.poke()
    assert recorder["lock"] == [True]


def test_minutes_must_be_positive(clock) -> None:
    with pytest.raises(ValueError):
        IdleController(0, clock=clock)


def test_periodic_timer_fires_lock(qtbot, clock) -> None:
    controller = IdleController(1, clock=clock, check_interval_ms=10)
    clock.advance(61)
    with qtbot.waitSignal(controller.lock_requested, timeout=2000):
        pass
    controller.set_enabled(False)


def test_warning_dialog_shows_and_one_key_extends(idle, clock, recorder, qtbot) -> None:
    dialog = LockWarningDialog()
    qtbot.addWidget(dialog)
    dialog.attach(idle)
    clock.advance(MINUTES * 60 - 60)
    idle.poke()
    assert dialog.isVisible()
    assert accessible_name(dialog) == "Lock warning"
    assert "will lock in 60 seconds" in dialog.message()
    assert "Press any key to stay unlocked." in dialog.message()
    assert_accessible(dialog)

    qtbot.keyClick(dialog, Qt.Key.Key_Shift)
    assert not dialog.isVisible()
    assert recorder["cancelled"]
    clock.advance(MINUTES * 60 - 1)
    idle.poke()
    assert recorder["lock"] == []


def test_warning_then_no_input_locks(idle, clock, recorder, qtbot) -> None:
    dialog = LockWarningDialog()
    qtbot.addWidget(dialog)
    dialog.attach(idle)
    clock.advance(MINUTES * 60 - 30)
    idle.poke()
    assert dialog.isVisible()
    assert "30 seconds" in dialog.message()
    clock.advance(30)
    idle.poke()
    assert recorder["lock"] == [True]
    assert not dialog.isVisible()


def test_stay_button_extends(idle, clock, recorder, qtbot) -> None:
    dialog = LockWarningDialog()
    qtbot.addWidget(dialog)
    dialog.attach(idle)
    clock.advance(MINUTES * 60 - 10)
    idle.poke()
    idle.uninstall(QApplication.instance())  # prove the button works without the filter
    qtbot.mouseClick(dialog._stay, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    clock.advance(MINUTES * 60 - 1)
    idle.poke()
    assert recorder["lock"] == []
