"""Issue 9: a vault made without the worker's name asks it once, at the first unlock."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

from pathlib import Path

from a11y import assert_accessible, mnemonic_clashes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_main_support import PASSPHRASE, fake_clock, gui_factory, unlock  # noqa: F401

from msp_desktop.services import cases, records
from msp_desktop.services.session import KdfParams, Session, default_author
from msp_desktop.ui.author_dialog import AuthorDialog


def cli_vault(path: Path) -> str:
    """A vault as `msp vault create` makes it without --author: the login is the author."""
    session = Session.create(path, PASSPHRASE, kdf=KdfParams.fast(), device_name="Laptop")
    case = cases.open_case(session, {"family_name": "Jones", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-01-05"})
    session.close()
    return case.state.record_id


def author_dialog(gui) -> AuthorDialog | None:
    return gui.main_window.findChild(AuthorDialog) if gui.main_window else None


def test_name_asked_once_prefilled_and_used_on_records(qtbot, gui_factory, tmp_path) -> None:
    case_id = cli_vault(tmp_path / "vault")
    gui = gui_factory(str(tmp_path / "vault"))
    gui.show_first_window()
    unlock(qtbot, gui)
    dialog = author_dialog(gui)
    assert dialog is not None and dialog.isVisible(), "the name was not asked"
    assert dialog.name.text() == default_author()  # prefilled
    assert_accessible(dialog)
    assert mnemonic_clashes(dialog) == []
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Sam Taylor")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert gui.session.author == "Sam Taylor"
    note = records.create(gui.session, "contact_note", {
        "case_id": case_id, "note_type": "PHONE", "event_start": "2026-02-03T10:00",
        "purpose": "Phone call", "facts": "Spoke on the phone."}).state
    assert {r.author for r in gui.session.store.history(note.record_id)} == {"Sam Taylor"}

    gui.lock()
    unlock(qtbot, gui)
    QApplication.processEvents()
    assert author_dialog(gui) is None or not author_dialog(gui).isVisible(), "asked twice"
    assert gui.session.author == "Sam Taylor"


def test_empty_name_is_refused_and_later_asks_again(qtbot, gui_factory, tmp_path) -> None:
    cli_vault(tmp_path / "vault")
    gui = gui_factory(str(tmp_path / "vault"))
    gui.show_first_window()
    unlock(qtbot, gui)
    dialog = author_dialog(gui)
    assert dialog is not None
    dialog.name.clear()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Enter your name." in dialog.error_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # "Ask me later"
    assert not dialog.isVisible()
    assert not gui.session.author_confirmed
    gui.lock()
    unlock(qtbot, gui)
    again = author_dialog(gui)
    assert again is not None and again.isVisible()


def test_a_vault_made_in_the_app_is_never_asked(qtbot, gui_factory, tmp_path) -> None:
    Session.create(tmp_path / "vault", PASSPHRASE, kdf=KdfParams.fast(),
                   author="Ann Lee").close()
    gui = gui_factory(str(tmp_path / "vault"))
    gui.show_first_window()
    unlock(qtbot, gui)
    assert author_dialog(gui) is None


def test_an_older_vault_with_a_real_name_is_not_asked(qtbot, gui_factory, tmp_path) -> None:
    """Review of issue 9: a vault from before the question (no confirmed mark) whose author
    is a real name, not the login, is marked confirmed silently instead of being asked."""
    from msp_desktop.storage import marks
    from msp_desktop.storage.identity import set_author

    cli_vault(tmp_path / "vault")
    session = Session.open(tmp_path / "vault", PASSPHRASE)
    with session.write():  # what an earlier release wrote: the name, and no mark
        set_author(session.conn, session.device.device_id, "Jane Smith")
    assert not marks.author_confirmed(session.conn)
    session.close()
    gui = gui_factory(str(tmp_path / "vault"))
    gui.show_first_window()
    unlock(qtbot, gui)
    QApplication.processEvents()
    dialog = author_dialog(gui)
    assert dialog is None or not dialog.isVisible(), "asked for a name the vault already has"
    assert gui.session.author == "Jane Smith"
    assert gui.session.author_confirmed
