"""Forgotten passphrase from the unlock window (request and reply, issue 8 must fix 3), and the
recovery card fingerprint confirmed in the create-vault dialog (must fix 4)."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from a11y import assert_accessible, assert_tab_reaches_all
from PySide6.QtCore import Qt
from test_main_support import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    fake_clock,
    gui_factory,
)

from msp_desktop.services import office as office_service
from msp_desktop.services.errors import WrongPassphrase
from msp_desktop.services.maintenance import vault_info
from msp_desktop.services.recovery import PENDING_FILE
from msp_desktop.services.session import KdfParams, Session
from msp_desktop.sync.cards import generate_office_keys, load_card
from msp_desktop.ui.create_vault_dialog import CreateVaultDialog
from msp_desktop.ui.recovery_dialog import RecoveryDialog
from msp_desktop.ui.unlock_window import UnlockWindow

NEW_PASSPHRASE = "copper meadow whistle garnet"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _vault_with_card(tmp_path: Path) -> tuple[Path, Any]:
    office = generate_office_keys(tmp_path / "office", "Test office")
    folder = tmp_path / "vault"
    Session.create(folder, PASSPHRASE, kdf=KdfParams.fast(), author="test.worker",
                   device_name="Test laptop", recovery_card=load_card(office.card_path)).close()
    return folder, office


def _open_dialog(qtbot: Any, gui: Any) -> RecoveryDialog:
    win = gui.show_first_window()
    assert isinstance(win, UnlockWindow)
    assert win.forgot_button.accessibleName() == "Forgotten your passphrase?"
    # Keyboard: Tab from the passphrase field reaches the link, Space presses it.
    assert win.forgot_button in assert_tab_reaches_all(win)
    win.forgot_button.setFocus()
    qtbot.keyClick(win.forgot_button, Qt.Key.Key_Space)
    dialog = gui.recovery_dialog
    assert isinstance(dialog, RecoveryDialog)
    return dialog


def test_forgotten_passphrase_request_then_reply_opens_the_vault(
    qtbot, gui_factory, tmp_path: Path,
) -> None:
    folder, office = _vault_with_card(tmp_path)
    gui = gui_factory(str(folder))
    dialog = _open_dialog(qtbot, gui)
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    assert dialog.save_button.isEnabled() and not dialog.unavailable_label.isVisibleTo(dialog)

    # Step 1: save the request (the file dialog is replaced) and show the code.
    request_file = tmp_path / "out" / "request.msprecovery-request"
    request_file.parent.mkdir()
    dialog.choose_request_path = lambda: str(request_file)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    code = json.loads(request_file.read_text())["code"]
    assert dialog.request_code() == code
    assert code in dialog.code_label.text() and dialog.code_label.isVisibleTo(dialog)
    assert dialog.code_label.accessibleName() == "Request code"
    assert (folder / PENDING_FILE).exists()

    # The office answers offline.
    reply = tmp_path / "out" / "reply.json"
    answer = office_service.answer_recovery_request(office.identity_path, request_file, reply,
                                                    expected_code=code)
    assert answer.request_code == code

    # Step 2: a weak passphrase is refused inline; then the reply opens the vault.
    dialog.reply.set_path(str(reply))
    dialog.passphrase.passphrase.setText("password")
    dialog.passphrase.confirm.setText("password")
    dialog.recover_button.click()
    assert dialog.passphrase.passphrase_error.isVisibleTo(dialog)
    assert gui.main_window is None
    dialog.passphrase.passphrase.setText(NEW_PASSPHRASE)
    dialog.passphrase.confirm.setText(NEW_PASSPHRASE)
    dialog.recover_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=10000)
    assert gui.session is not None and gui.session.is_open
    assert gui.recovery_dialog is None
    assert not (folder / PENDING_FILE).exists()
    gui.lock()
    try:
        Session.open(folder, PASSPHRASE)
    except WrongPassphrase:
        pass
    else:  # pragma: no cover
        raise AssertionError("the old passphrase still opens the vault")
    Session.open(folder, NEW_PASSPHRASE).close()


def test_a_reply_for_another_vault_is_refused_and_changes_nothing(
    qtbot, gui_factory, tmp_path: Path,
) -> None:
    folder, office = _vault_with_card(tmp_path)
    other = tmp_path / "other"
    Session.create(other, PASSPHRASE, kdf=KdfParams.fast(),
                   recovery_card=load_card(office.card_path)).close()
    from msp_desktop.services import recovery

    recovery.write_recovery_request(other, tmp_path / "other-req")
    office_service.answer_recovery_request(office.identity_path, tmp_path / "other-req",
                                           tmp_path / "other-reply")
    gui = gui_factory(str(folder))
    dialog = _open_dialog(qtbot, gui)
    dialog.choose_request_path = lambda: str(tmp_path / "req")
    dialog.save_button.click()
    before = _snapshot(folder)
    dialog.reply.set_path(str(tmp_path / "other-reply"))
    dialog.passphrase.passphrase.setText(NEW_PASSPHRASE)
    dialog.passphrase.confirm.setText(NEW_PASSPHRASE)
    dialog.recover_button.click()
    assert "another vault" in dialog.error()
    assert "another vault" in dialog.recover_button.accessibleDescription()
    assert gui.main_window is None and not dialog.is_busy()
    assert _snapshot(folder) == before
    # Closing the dialog (Escape) leaves the unlock window as it was.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert gui.recovery_dialog is None
    assert gui.unlock_window is not None


def test_the_dialog_shows_a_waiting_request(qtbot, gui_factory, tmp_path: Path) -> None:
    folder, _office = _vault_with_card(tmp_path)
    from msp_desktop.services import recovery

    info = recovery.write_recovery_request(folder, tmp_path / "req")
    gui = gui_factory(str(folder))
    dialog = _open_dialog(qtbot, gui)
    assert dialog.request_code() == info.code
    assert "waiting" in dialog.code_label.text()


def test_a_vault_without_a_recovery_card_says_so(qtbot, gui_factory, tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    Session.create(folder, PASSPHRASE, kdf=KdfParams.fast()).close()
    gui = gui_factory(str(folder))
    dialog = _open_dialog(qtbot, gui)
    assert dialog.unavailable_label.isVisibleTo(dialog)
    assert "without an office recovery card" in dialog.unavailable_label.text()
    assert not dialog.save_button.isEnabled() and not dialog.recover_button.isEnabled()
    assert dialog.close_button.isEnabled()
    assert not (folder / PENDING_FILE).exists()


# ----- the create-vault dialog: the card's fingerprint is confirmed by a person ------------


def test_create_vault_requires_the_card_fingerprint_confirmed(
    qtbot, gui_factory, tmp_path: Path,
) -> None:
    office = generate_office_keys(tmp_path / "office", "Test office")
    forged = generate_office_keys(tmp_path / "forger", "Test office")
    fpr = load_card(office.card_path).fingerprint
    gui = gui_factory()
    gui.show_first_window()
    dialog = gui.show_create()
    assert isinstance(dialog, CreateVaultDialog)
    folder = tmp_path / "new-vault"
    dialog.folder.edit.setText(str(folder))
    dialog.passphrase.passphrase.setText(PASSPHRASE)
    dialog.passphrase.confirm.setText(PASSPHRASE)
    assert dialog.create_button.isEnabled()  # no card: nothing to confirm

    # A swapped card: its own (valid) fingerprint is shown, and what the office read out
    # does not match it.
    dialog.card.set_path(str(forged.card_path))
    assert load_card(forged.card_path).fingerprint in dialog.card_info.text()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.card_confirm, fpr)
    assert not dialog.create_button.isEnabled()
    assert "does not match" in dialog.card_status.text()
    assert "does not match" in dialog.card_confirm.accessibleDescription()

    # The office's own card, the fingerprint typed in lower case with spaces.
    dialog.card.set_path(str(office.card_path))
    assert fpr in dialog.card_info.text()
    assert fpr in dialog.card_info.accessibleDescription()
    dialog.card_confirm.clear()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.card_confirm, fpr.replace("-", " ").lower())
    assert dialog.card_confirmed() and dialog.create_button.isEnabled()
    assert "matches" in dialog.card_status.text()
    assert_accessible(dialog)
    assert_tab_reaches_all(dialog)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: gui.main_window is not None, timeout=10000)
    assert vault_info(gui.session)["recovery_card_fingerprint"] == fpr
    slots = json.loads((folder / "keyslots.json").read_text())
    assert slots["slots"][1]["fingerprint"] == fpr


def test_create_vault_with_an_invalid_card_says_why(qtbot, gui_factory, tmp_path: Path) -> None:
    gui = gui_factory()
    gui.show_first_window()
    dialog = gui.show_create()
    bad = tmp_path / "card.json"
    bad.write_text('{"type": "msp-office-card"}')
    dialog.card.set_path(str(bad))
    assert "not valid" in dialog.card_info.text()
    assert not dialog.create_button.isEnabled()
