"""Accessibility checks for any window or dialog (A11Y-1, A11Y-2)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget


def accessible_name(widget: QWidget) -> str:
    """Return what a screen reader announces as the widget's name."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def focusable_widgets(root: QWidget) -> list[QWidget]:
    """Return the visible-to-root, enabled children that can take keyboard focus."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(root)
        and w.isEnabled()
        and w.focusProxy() is None
    ]


def unnamed_widgets(root: QWidget) -> list[str]:
    """Return a description of each focusable widget without an accessible name."""
    return [
        f"{type(w).__name__}(objectName={w.objectName()!r})"
        for w in focusable_widgets(root)
        if not accessible_name(w).strip()
    ]


def assert_accessible(root: QWidget) -> None:
    """Fail if any focusable widget under `root` has no accessible name."""
    missing = unnamed_widgets(root)
    assert not missing, f"widgets without an accessible name: {missing}"


def focus_chain(root: QWidget, limit: int = 500) -> list[QWidget]:
    """Walk nextInFocusChain from root; return the focusable widgets in Tab order (one lap)."""
    chain: list[QWidget] = []
    focusable = set(focusable_widgets(root))
    w = root.nextInFocusChain()
    for _ in range(limit):
        if w is root:
            break
        if w in focusable and w not in chain:
            chain.append(w)
        w = w.nextInFocusChain()
    return chain


def assert_tab_reaches_all(root: QWidget) -> list[QWidget]:
    """Fail if the Tab chain misses a focusable widget; return the chain."""
    chain = focus_chain(root)
    missed = [type(w).__name__ for w in focusable_widgets(root) if w not in chain]
    assert not missed, f"not reachable with Tab: {missed}"
    return chain


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the visible buttons, labels and tabs under root (lower case)."""
    texts = [w.text() for w in root.findChildren(QWidget)
             if isinstance(w, QAbstractButton | QLabel) and w.isVisibleTo(root)]
    tabs = root.findChildren(QTabBar)
    texts += [t.tabText(i) for t in tabs if t.isVisibleTo(root) for i in range(t.count())]
    return [m.lower() for t in texts for m in re.findall(r"&([^&\s])", t)]


def assert_unique_mnemonics(root: QWidget) -> None:
    keys = mnemonics(root)
    assert len(keys) == len(set(keys)), keys


def _mnemonic(text: str) -> str | None:
    """The Alt+key of a text with a mnemonic ("&File" -> "f"), or None."""
    found = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _in_window(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisibleTo(window)


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Report every Alt+key that two visible things of one window share: the menu bar's
    titles, buttons and check boxes, labels with a buddy, group boxes and tab texts (and,
    separately, the items of each menu). Empty when every mnemonic is unique."""
    from PySide6.QtWidgets import QGroupBox, QMenu, QMenuBar

    owners: dict[str, list[str]] = {}

    def add(text: str, what: str, scope: dict[str, list[str]]) -> None:
        key = _mnemonic(text)
        if key is not None:
            scope.setdefault(key, []).append(f"{text!r} ({what})")

    for bar in window.findChildren(QMenuBar):
        if _in_window(bar, window):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text(), "menu", owners)
    for w in window.findChildren(QWidget):
        if not _in_window(w, window):
            continue
        if isinstance(w, QAbstractButton):
            add(w.text(), type(w).__name__, owners)
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label", owners)
        elif isinstance(w, QGroupBox):
            add(w.title(), "group box", owners)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i), "tab", owners)
    clashes = [f"alt+{key}: " + ", ".join(texts)
               for key, texts in sorted(owners.items()) if len(texts) > 1]
    for menu in window.findChildren(QMenu):
        items: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.isVisible() and not action.isSeparator():
                add(action.text(), "menu item", items)
        clashes += [f"in menu {menu.title()!r}, alt+{key}: " + ", ".join(texts)
                    for key, texts in sorted(items.items()) if len(texts) > 1]
    return clashes
