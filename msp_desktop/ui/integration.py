"""Adapters to the record-editor package (ui/records) and the UI context (ui/context.py).

Those modules are built separately. Everything else in the UI asks this module for a context
and for the record tabs of a case, so the rest of the UI works (with simple placeholder tabs)
even where the record editors are not available.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

RECORD_TAB_TITLES = (
    "Conversations",
    "Desired outcomes",
    "Consent",
    "Mental capacity",
    "Risk and plan",
    "Enquiry",
)


@dataclass
class _FallbackContext:
    session: Any
    clipboard: Any = None
    autosave_seconds: float = 3.0


def make_context(session: Any, clipboard: Any = None, autosave_seconds: float = 3.0) -> Any:
    """Return a `UiContext` for the session (a plain stand-in if ui/context.py is absent)."""
    try:
        from msp_desktop.ui.context import UiContext
    except ImportError:
        return _FallbackContext(session, clipboard, autosave_seconds)
    return UiContext(session, clipboard=clipboard, autosave_seconds=autosave_seconds)


class PlaceholderTab(QWidget):
    """Stands in for a record tab when the record editors are not installed."""

    records_changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.kinds: tuple[str, ...] = ()
        label = QLabel(self.tr("This part of the case record is not available yet."), self)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)

    def refresh(self) -> None:
        """Nothing to reload."""

    def open_record(self, record_id: str) -> bool:
        """Nothing to open."""
        return False


def make_case_tabs(ctx: Any, case_id: str) -> list[QWidget]:
    """Return the record tabs of a case (from ui/records when it exists)."""
    try:
        from msp_desktop.ui.records import make_case_tabs as real
    except ImportError:
        try:
            from msp_desktop.ui.records.tabs import make_case_tabs as real
        except ImportError:
            log.info("Record editors not available; using placeholder tabs")
            return [PlaceholderTab(t) for t in RECORD_TAB_TITLES]
    return list(real(ctx, case_id))


def tab_title(tab: QWidget) -> str:
    """Return a record tab's title."""
    for attr in ("title", "tab_title"):
        value = getattr(tab, attr, None)
        if callable(value):
            value = value()
        if isinstance(value, str) and value:
            return value
    return tab.windowTitle() or tab.accessibleName() or "Records"


def tab_kinds(tab: QWidget) -> frozenset[str]:
    """Return the record kinds a tab shows."""
    kinds = getattr(tab, "kinds", ())
    if callable(kinds):
        kinds = kinds()
    return frozenset(kinds or ())


def flush_drafts(widgets: Iterable[QWidget]) -> int:
    """Call `flush_draft()` on every record editor under the given widgets; return how many."""
    done = 0
    for root in widgets:
        flush = getattr(root, "flush_draft", None)
        # A tab that can flush does it for its editors; otherwise look for editors inside.
        targets = [root] if callable(flush) else [
            w for w in root.findChildren(QWidget) if callable(getattr(w, "flush_draft", None))
        ]
        for w in targets:
            try:
                w.flush_draft()  # type: ignore[attr-defined]
                done += 1
            except Exception:  # one failing editor must not stop the lock
                log.exception("Could not save a draft while locking")
    return done
