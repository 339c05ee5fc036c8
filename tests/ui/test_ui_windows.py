"""The start chooser and the unlock window: signals, errors, A11Y-1/2/4/5."""

from __future__ import annotations

import pytest
from a11y import assert_accessible, assert_tab_reaches_all
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from qthelpers import type_text

from msp_desktop.ui import theme
from msp_desktop.ui.errors import CrashDialog
from msp_desktop.ui.idle import LockWarningDialog
from msp_desktop.ui.settings_dialog import SettingsDialog
from msp_desktop.ui.start_window import StartWindow
from msp_desktop.ui.unlock_window import UnlockWindow


@pytest.fixture
def start(qtbot, themed_app) -> StartWindow:
    w = StartWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def unlock(qtbot, themed_app, tmp_path) -> UnlockWindow:
    w = UnlockWindow(tmp_path / "vault")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_start_signals(qtbot, start, monkeypatch) -> None:
    with qtbot.waitSignal(start.create_requested):
        qtbot.mouseClick(start.create_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(start.demo_requested):
        qtbot.mouseClick(start.demo_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(start.settings_requested):
        start.settings_button.click()
    monkeypatch.setattr(start, "choose_vault_folder", lambda: "/tmp/v")
    with qtbot.waitSignal(start.open_requested) as blocker:
        start.open_button.click()
    assert blocker.args == ["/tmp/v"]


def test_start_open_cancelled_emits_nothing(qtbot, start, monkeypatch) -> None:
    monkeypatch.setattr(start, "choose_vault_folder", lambda: "")
    with qtbot.assertNotEmitted(start.open_requested):
        start.open_button.click()


def test_start_accessible(start) -> None:
    assert start.windowTitle() == "MSP Desktop"
    assert_accessible(start)
    assert_tab_reaches_all(start)


def test_unlock_field_focused(unlock) -> None:
    assert QApplication.focusWidget() is unlock.passphrase
    assert unlock.windowTitle() == "MSP Desktop"


def test_unlock_emits_and_clears(qtbot, unlock, tmp_path) -> None:
    type_text(unlock.passphrase, "ŵyn a ŷd mewn cae")
    with qtbot.waitSignal(unlock.unlock_requested) as blocker:
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    assert blocker.args == [str(tmp_path / "vault"), "ŵyn a ŷd mewn cae"]
    assert unlock.passphrase.text() == ""


def test_unlock_button_click(qtbot, unlock) -> None:
    qtbot.keyClicks(unlock.passphrase, "secret words here")
    with qtbot.waitSignal(unlock.unlock_requested):
        qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    assert unlock.passphrase.text() == ""


def test_empty_passphrase_is_an_error(qtbot, unlock) -> None:
    with qtbot.assertNotEmitted(unlock.unlock_requested):
        unlock.unlock_button.click()
    assert unlock.error() == "Enter your passphrase."


def test_wrong_passphrase_error_announced(qtbot, unlock) -> None:
    qtbot.keyClicks(unlock.passphrase, "not it")
    unlock.unlock_button.click()
    unlock.set_busy(True)
    message = "That passphrase is not right. Check Caps Lock and try again."
    unlock.show_error(message)
    assert not unlock.is_busy()
    assert unlock.error() == message
    assert unlock.error_label.isVisible()
    assert unlock.passphrase.accessibleDescription() == message
    assert QApplication.focusWidget() is unlock.passphrase
    assert unlock.passphrase.text() == ""
    qtbot.keyClicks(unlock.passphrase, "again")
    unlock.unlock_button.click()
    assert unlock.error() == ""
    assert unlock.passphrase.accessibleDescription() == ""


def test_busy_disables_input(qtbot, unlock) -> None:
    unlock.set_busy(True)
    assert unlock.busy.isVisible()
    assert unlock.busy.accessibleName() == "Unlocking"
    assert not unlock.passphrase.isEnabled()
    assert not unlock.unlock_button.isEnabled()
    with qtbot.assertNotEmitted(unlock.unlock_requested):
        unlock.passphrase.returnPressed.emit()
    unlock.set_busy(False)
    assert not unlock.busy.isVisible()
    assert unlock.passphrase.isEnabled()


def test_other_vault(qtbot, unlock) -> None:
    with qtbot.waitSignal(unlock.other_vault_requested):
        unlock.other_button.click()


def test_unlock_accessible(unlock) -> None:
    assert_accessible(unlock)
    chain = assert_tab_reaches_all(unlock)
    assert chain[0] is unlock.passphrase
    unlock.set_busy(True)
    assert_accessible(unlock)


def _all_windows(tmp_path, settings) -> list[QWidget]:
    return [
        StartWindow(),
        UnlockWindow(tmp_path / "vault"),
        SettingsDialog(settings),
        LockWarningDialog(),
        CrashDialog(tmp_path / "msp-desktop.log"),
    ]


def test_every_window_accessible(qtbot, themed_app, tmp_path, settings) -> None:
    for w in _all_windows(tmp_path, settings):
        qtbot.addWidget(w)
        w.show()
        assert w.windowTitle() == "MSP Desktop"
        assert_accessible(w)
        assert_tab_reaches_all(w)


def test_text_not_clipped_at_200_percent(qtbot, themed_app, tmp_path, settings) -> None:
    """A11Y-5: at double text size, labels and buttons still fit their text."""
    theme.apply_theme(themed_app, font_scale=2.0)
    try:
        for w in _all_windows(tmp_path, settings):
            qtbot.addWidget(w)
            w.show()
            w.adjustSize()
            QApplication.processEvents()
            for child in w.findChildren(QAbstractButton) + w.findChildren(QLabel):
                if not child.isVisibleTo(w) or not child.text():
                    continue
                if isinstance(child, QLabel) and child.wordWrap():
                    assert child.height() >= child.heightForWidth(child.width()) - 1
                    continue
                text = child.text().replace("&", "")
                need = QFontMetrics(child.font()).horizontalAdvance(text)
                assert need <= child.width(), f"{type(w).__name__}: {text!r} clipped"
    finally:
        theme.apply_theme(themed_app, font_scale=1.0)
