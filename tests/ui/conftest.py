"""Fixtures for the pytest-qt UI tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from qthelpers import FakeClock, make_vault_case

from msp_desktop.services.session import Session
from msp_desktop.ui import theme
from msp_desktop.ui.settings import Settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def themed_app(qapp: QApplication) -> Iterator[QApplication]:
    """The app with our fonts, palette and stylesheet."""
    theme.apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def vault(tmp_path: Path, themed_app: QApplication) -> Iterator[tuple[Session, str]]:
    """A fresh vault (fast key derivation) with one case: (session, case_id)."""
    session, case_id = make_vault_case(tmp_path)
    assert isinstance(session, Session)
    yield session, case_id
    if session.is_open:
        session.close()
