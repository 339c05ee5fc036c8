"""ENC-6 in the app: a damaged large vault opens read-only with a clear warning."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.storage import vault as vault_mod


def _warning() -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == "integrity_warning":
            return w
    return None


def test_sound_large_vault_shows_no_warning(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_mod, "FULL_CHECK_AT_UNLOCK_MAX_BYTES", 0)
    gui = unlocked_gui(qtbot, gui_factory, vault)
    assert gui.session.vault.needs_background_check
    qtbot.wait(50)
    assert not gui.session.vault.read_only and _warning() is None


def test_damage_found_after_unlock_warns_and_goes_read_only(
    qtbot: Any, gui_factory: Any, vault: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_mod, "FULL_CHECK_AT_UNLOCK_MAX_BYTES", 0)
    monkeypatch.setattr(vault_mod.Vault, "background_check",
                        lambda self: ["HMAC verification failed for page 7"])
    gui = unlocked_gui(qtbot, gui_factory, vault)
    qtbot.waitUntil(lambda: _warning() is not None, timeout=5000)
    box = _warning()
    assert box is not None and box.accessibleName() == "The vault is damaged"
    assert "will not write" in box.text()
    assert gui.session.vault.read_only
    box.close()
    assert Path(str(vault["path"])).exists()
