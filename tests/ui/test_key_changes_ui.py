"""Key changes in the app (issue 8): the Settings button and dialog that change the encryption
key, the notice after unlock (failed attempts, weak key derivation with an offer to strengthen
it), and the demo vault made with calibrated key derivation."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from a11y import assert_accessible, assert_tab_reaches_all, assert_unique_mnemonics
from PySide6.QtWidgets import QMessageBox
from test_main_support import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    fake_clock,
    gui_factory,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.services.session import Session
from msp_desktop.storage.errors import VaultDamaged, WrongPassphrase
from msp_desktop.storage.keyslots import MIB, KdfParams
from msp_desktop.ui import flow as flow_mod
from msp_desktop.ui.key_dialogs import RekeyDialog
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.settings_dialog import SettingsDialog
from msp_desktop.ui.workers import TaskRunner

NEW = "meadow kettle harbour quartz"


def test_settings_offers_the_key_change_only_with_a_vault_open(qtbot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    plain = SettingsDialog(settings)
    qtbot.addWidget(plain)
    assert plain.change_key_button is None
    calls: list[int] = []
    dialog = SettingsDialog(settings, change_key=lambda: calls.append(1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.change_key_button is not None
    assert dialog.change_key_button.accessibleName() == "Change the encryption key"
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert_unique_mnemonics(dialog)  # Alt+E was both the export folder and this button
    dialog.change_key_button.click()
    assert calls == [1]


def test_rekey_dialog_changes_the_key_and_says_what_backups_still_open(
    qtbot, qapp, gui_factory, vault, tmp_path: Path
) -> None:
    folder = Path(vault["path"])
    stolen = tmp_path / "stolen.json"
    shutil.copy2(folder / "keyslots.json", stolen)
    gui = unlocked_gui(qtbot, gui_factory, vault)
    dialog = RekeyDialog(gui.session, TaskRunner(qapp, inline=True), kdf=KdfParams.fast())
    qtbot.addWidget(dialog)
    dialog.show()
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)

    dialog.current.setText("not the passphrase")
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10000)
    assert "passphrase is incorrect" in dialog.error_label.text()

    dialog.current.setText(PASSPHRASE)
    dialog.change_passphrase.setChecked(True)
    dialog.new_fields.passphrase.setText(NEW)
    dialog.new_fields.confirm.setText(NEW)
    with qtbot.waitSignal(dialog.rekeyed, timeout=20000):
        dialog.start_button.click()
    assert "Backups made before this change still open with the old passphrase" in (
        dialog.status.text())
    # The dialog grew to show the whole result (it was clipped at its first size).
    assert dialog.height() >= dialog.sizeHint().height()
    assert dialog.current.text() == ""  # no passphrase left in the widgets
    # The open session keeps working on the re-encrypted database.
    assert gui.session.store.revision_count() > 0
    gui.lock()
    unlock(qtbot, gui, NEW)
    assert gui.main_window is not None
    gui.lock()
    # The stolen key file and the old passphrase open nothing any more.
    shutil.copy2(stolen, folder / "keyslots.json")
    with pytest.raises(VaultDamaged):
        Session.open(folder, PASSPHRASE).close()


def test_failed_attempts_are_shown_after_unlock(qtbot, gui_factory, vault) -> None:
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            Session.open(vault["path"], "wrong passphrase")
    gui = unlocked_gui(qtbot, gui_factory, vault)
    box = gui.unlock_notice
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "2 failed attempts to unlock this vault" in box.text()
    box.close()


@pytest.mark.real_kdf_minimums
def test_weak_kdf_is_offered_a_strengthening_after_unlock(qtbot, gui_factory, vault) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault, )
    box = gui.unlock_notice
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Strengthen it now?" in box.text()
    names = {b.accessibleName() for b in box.buttons()}
    assert names == {"Strengthen now", "Not now"}
    gui.kdf = KdfParams(2, 64 * MIB)  # what calibration would give, without the wait
    gui.strengthen_kdf(gui.session, PASSPHRASE)
    qtbot.waitUntil(lambda: gui.key_notice is not None, timeout=20000)
    assert "strengthened" in gui.key_notice.text()
    assert not gui.session.vault.weak_kdf
    slot = json.loads((Path(vault["path"]) / "keyslots.json").read_text())["slots"][0]
    assert (slot["opslimit"], slot["memlimit"]) == (2, 64 * MIB)


def test_the_demo_vault_is_not_made_with_the_fast_kdf(
    qtbot, gui_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []
    monkeypatch.setattr(flow_mod, "_open_demo_session",
                        lambda folder, kdf, cases: seen.append(kdf) or (_ for _ in ()).throw(
                            RuntimeError("stop here")))
    gui = gui_factory(demo_kdf=None)
    gui.show_start()
    gui.open_demo()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [None]  # None: calibrated, as for any vault
