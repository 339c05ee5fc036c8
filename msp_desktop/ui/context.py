"""What every case screen needs: the open session and the shared UI services."""

from __future__ import annotations

from dataclasses import dataclass

from msp_desktop.services.session import Session
from msp_desktop.ui.clipboard import SensitiveClipboard


@dataclass
class UiContext:
    """Built by the main window after unlocking and passed to each case screen."""

    session: Session
    clipboard: SensitiveClipboard | None = None
    autosave_seconds: float = 3.0
