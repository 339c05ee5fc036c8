"""Render each window offscreen to PNG files: `python -m msp_desktop.ui.screenshots OUTDIR`.

Uses only synthetic content. Run with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from msp_desktop.ui import theme
from msp_desktop.ui.errors import CrashDialog
from msp_desktop.ui.idle import LockWarningDialog
from msp_desktop.ui.passphrase import PassphraseFields
from msp_desktop.ui.rag import RagBadge, RagLevel
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.settings_dialog import SettingsDialog
from msp_desktop.ui.start_window import StartWindow
from msp_desktop.ui.unlock_window import UnlockWindow


def _unlock_with_error() -> QWidget:
    w = UnlockWindow("/home/worker/MSP Desktop/vault")
    w.show_error("That passphrase is not right. Check Caps Lock and try again.")
    return w


def _unlock_busy() -> QWidget:
    w = UnlockWindow("/home/worker/MSP Desktop/vault")
    w.set_busy(True)
    return w


def _passphrase(text: str, confirm: str) -> Callable[[], QWidget]:
    def make() -> QWidget:
        w = PassphraseFields()
        w.setMinimumWidth(460)
        w.passphrase.setText(text)
        w.confirm.setText(confirm)
        w.validate()
        return w

    return make


def _rag() -> QWidget:
    w = QWidget()
    layout = QHBoxLayout(w)
    layout.addWidget(QLabel(w.tr("Risk:"), w))
    for level in RagLevel:
        layout.addWidget(RagBadge(level, w))
    return w


def _lock_warning() -> QWidget:
    w = LockWarningDialog()
    w.set_seconds_left(42)
    return w


def builders(tmp: Path) -> dict[str, Callable[[], QWidget]]:
    """Return a name -> widget factory for every screen worth a picture."""
    settings = Settings(tmp / "settings.ini")
    return {
        "start_window": StartWindow,
        "unlock_window": lambda: UnlockWindow("/home/worker/MSP Desktop/vault"),
        "unlock_window_error": _unlock_with_error,
        "unlock_window_busy": _unlock_busy,
        "settings_dialog": lambda: SettingsDialog(settings),
        "lock_warning": _lock_warning,
        "crash_dialog": lambda: CrashDialog(tmp / "logs" / "msp-desktop.log"),
        "passphrase_weak": _passphrase("password12", "password1"),
        "passphrase_strong": _passphrase("correct horse battery staple", ""),
        "rag_badges": _rag,
    }


def render(outdir: Path, *, font_scale: float = 1.0) -> list[Path]:
    """Save one PNG per screen into `outdir`; return the paths."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply_theme(app, font_scale=font_scale)
    outdir.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in builders(Path(tmp)).items():
            widget = make()
            if not isinstance(widget, (StartWindow, UnlockWindow)) and widget.layout() is None:
                QVBoxLayout(widget)
            widget.show()
            widget.adjustSize()
            app.processEvents()
            suffix = "" if font_scale == 1.0 else f"_{int(font_scale * 100)}"
            path = outdir / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            saved.append(path)
            widget.close()
    return saved


def main(argv: list[str]) -> int:
    """Entry point."""
    outdir = Path(argv[1]) if len(argv) > 1 else Path("docs/screenshots")
    scale = float(argv[2]) if len(argv) > 2 else 1.0
    for path in render(outdir, font_scale=scale):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
