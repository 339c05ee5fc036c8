"""LOCK-4: the sensitive clipboard."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from qthelpers import FakeClock

from msp_desktop.ui.clipboard import KDE_HINT, WINDOWS_EXCLUDE, SensitiveClipboard


@pytest.fixture
def board(qapp, clock: FakeClock):
    cb = SensitiveClipboard(clock=clock, check_interval_ms=60_000)
    yield cb
    cb.clear_now()
    QGuiApplication.clipboard().clear()


def test_copy_sets_text_and_hints(board) -> None:
    board.copy("Contact note: visited at home")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "Contact note: visited at home"
    assert bytes(mime.data(KDE_HINT).data()) == b"secret"
    assert mime.hasFormat(WINDOWS_EXCLUDE)


def test_cleared_after_thirty_seconds(board, clock, qtbot) -> None:
    board.copy("Mrs Ŵ said she felt safe")
    clock.advance(29)
    board.poke()
    assert QGuiApplication.clipboard().text() == "Mrs Ŵ said she felt safe"
    clock.advance(1)
    with qtbot.waitSignal(board.cleared, timeout=1000):
        board.poke()
    assert QGuiApplication.clipboard().text() == ""
    assert not board.pending()


def test_other_content_survives(board, clock) -> None:
    board.copy("case text")
    QGuiApplication.clipboard().setText("the user's own copy")
    clock.advance(31)
    board.poke()
    assert QGuiApplication.clipboard().text() == "the user's own copy"
    assert not board.pending()


def test_clear_now(board) -> None:
    board.copy("case text")
    board.clear_now()
    assert QGuiApplication.clipboard().text() == ""


def test_clear_now_keeps_other_content(board) -> None:
    board.copy("case text")
    QGuiApplication.clipboard().setText("something else")
    board.clear_now()
    assert QGuiApplication.clipboard().text() == "something else"


def test_timer_clears(qtbot, clock) -> None:
    cb = SensitiveClipboard(clock=clock, check_interval_ms=10)
    cb.copy("case text")
    clock.advance(30)
    with qtbot.waitSignal(cb.cleared, timeout=2000):
        pass
    assert QGuiApplication.clipboard().text() == ""
