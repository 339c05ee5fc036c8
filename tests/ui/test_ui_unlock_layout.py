"""Issue 9 #7: the wrong-passphrase message in the unlock window is never clipped."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from msp_desktop.ui import theme
from msp_desktop.ui.unlock_window import UnlockWindow

LONG = ("That passphrase is not right. Check Caps Lock and the keyboard layout, then try "
        "again. You can try again in 4 seconds.")


@pytest.fixture(params=[1.0, 2.0], ids=["100%", "200%"])
def scale(request, themed_app: QApplication):
    theme.apply_theme(themed_app, font_scale=request.param)
    yield request.param
    theme.apply_theme(themed_app, font_scale=1.0)


def test_wrong_passphrase_message_gets_its_full_height(qtbot, scale) -> None:
    win = UnlockWindow("/tmp/a vault folder")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_error(LONG)
    QApplication.processEvents()
    label = win.error_label
    assert label.isVisible()
    assert label.height() >= label.heightForWidth(label.width())
    assert label.height() >= label.fontMetrics().lineSpacing() * 2  # it wraps: 2+ lines
    # every line inside the window, above the next control
    assert label.geometry().bottom() < win.reveal.geometry().top()
    assert label.geometry().bottom() < win.height()
