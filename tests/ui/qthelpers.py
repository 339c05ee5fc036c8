"""Helpers for the UI tests: a fake clock and non-ASCII typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, including non-ASCII (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def choose(combo: object, data: object) -> None:
    """Select the item of a QComboBox whose data is `data` (fails if there is none)."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    for i in range(combo.count()):
        if combo.itemData(i) == data and type(combo.itemData(i)) is type(data):
            combo.setCurrentIndex(i)
            return
    raise AssertionError(f"{data!r} is not offered")


def make_vault_case(tmp_path: object, family_name: str = "Jones") -> tuple[object, str]:
    """A fresh vault session (fast KDF) with one English case; returns (session, case_id)."""
    from pathlib import Path

    from msp_desktop.services import cases
    from msp_desktop.services.session import KdfParams, Session

    assert isinstance(tmp_path, Path)
    session = Session.create(tmp_path / "v", "pass phrase words", kdf=KdfParams.fast(),
                             author="t", device_name="t")
    case = cases.open_case(session, {"family_name": family_name, "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-01-05"}).state
    return session, case.record_id


def live_case(session: object, case_id: str, **ctx_options: object) -> object:
    """A UI context (no task runner: reads happen at once) and the case's live view, loaded."""
    from msp_desktop.ui.context import UiContext
    from msp_desktop.ui.live_case import LiveCase

    ctx = UiContext(session, **ctx_options)  # type: ignore[arg-type]
    live = LiveCase(ctx, case_id)
    live.load()
    return live
