"""The Sync window driven through its widgets: two vaults exchange bundles (export, preview
then import, an untrusted sender, a conflict resolved with a reason), a dropped bundle, a
bundle opened from the desktop, and the office status in the status bar and the caseload."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from a11y import assert_accessible, assert_tab_reaches_all, assert_unique_mnemonics
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from test_main_support import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    add_case,
    fake_clock,
    gui_factory,
    unlock,
    unlocked_gui,
    vault,
)

from msp_desktop.services import caseload, records, sync
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.sync_common import FileOpenWatcher, TrustAnswer, TrustCardDialog
from msp_desktop.ui.sync_window import SyncDialog
from msp_desktop.ui.workers import TaskRunner


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[Session]:
    session = Session.create(tmp_path / "peer", PASSPHRASE, kdf=KdfParams.fast(),
                             author="peer.worker", device_name="Peer laptop")
    yield session
    if session.is_open:
        session.close()


def digest(session: Session) -> str:
    return session.store.state_digest()


def trust(a: Session, b: Session, *, office: bool = False) -> None:
    """`a` trusts `b`'s card."""
    a_changes = sync.trust(a, sync.my_card(b), office=office)
    assert a_changes.sync


def send(sender: Session, receiver: Session, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    result = sync.export_bundles(sender, out, [sync.my_card(receiver)])
    assert len(result.paths) == 1
    return result.paths[0]


def wait_preview(qtbot: Any, page: Any) -> None:
    qtbot.waitUntil(lambda: not page.busy and (page.preview_result is not None
                                               or page.notice.isVisible()), timeout=10000)


def result_cases(session: Session, name: str) -> list[str]:
    rows = caseload.page(session, caseload.make_filter(session, include_closed=True), 0, 100)
    return [r.case_id for r in rows if name in r.person_name]


def peer_dialog(qtbot: Any, qapp: QApplication, session: Session) -> SyncDialog:
    ctx = UiContext(session, runner=TaskRunner(qapp, inline=True))
    dialog = SyncDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.refresh()
    dialog.show()
    return dialog


# ----- export through the window, preview and import through the window -----------------


def test_export_then_preview_writes_nothing_and_import_writes(
        qtbot: Any, qapp: QApplication, gui_factory: Any, vault: Any, peer: Session,
        tmp_path: Path) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    card_path = tmp_path / "peer-card.json"
    sync.write_my_card(peer, card_path)

    dialog = win.open_sync("export")
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    page = dialog.export_page
    qtbot.waitUntil(lambda: page._loaded, timeout=5000)
    assert page.recipients.count() == 0 and page.no_recipients.isVisibleTo(page)
    asked: list[str] = []
    page.choose_open_file = lambda title, name_filter: str(card_path)
    page.ask_trust = lambda parent, card: asked.append(card.fingerprint) or TrustAnswer()
    qtbot.mouseClick(page.add_card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recipients.count() == 1, timeout=5000)
    assert asked == [sync.my_card(peer).fingerprint]  # the fingerprint was shown first
    assert [c.fingerprint for c in page.chosen_cards()] == asked

    # Nothing can be written without a folder.
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert "folder" in page.notice.text()
    out = tmp_path / "out"
    out.mkdir()
    page.folder.set_path(str(out))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=10000)
    written = sorted(out.glob("*.mspbundle"))
    assert len(written) == 1
    assert written[0].name in page.result.toPlainText()
    assert not page.progress.isVisible() and not dialog.busy

    # The other vault imports it through its own Sync window: preview first, nothing written.
    trust(peer, gui.session)
    other = peer_dialog(qtbot, qapp, peer)
    imp = other.show_page("import")
    assert imp is other.import_page
    before = digest(peer)
    other.import_page.open_path(str(written[0]))
    wait_preview(qtbot, other.import_page)
    text = other.import_page.lines.toPlainText()
    assert "Test laptop" in text and "New:" in text, text
    assert other.import_page.import_button.isEnabled()
    assert digest(peer) == before  # the preview wrote nothing
    qtbot.mouseClick(other.import_page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other.import_page.preview_result is None
                    and not other.import_page.busy, timeout=10000)
    assert digest(peer) != before
    assert digest(peer) == digest(gui.session)
    assert "imported" in other.import_page.notice.text()
    assert not other.import_page.import_button.isEnabled()


# ----- an untrusted sender, the status bar and the caseload marker -----------------------


def test_untrusted_sender_is_trusted_after_the_fingerprint_check(
        qtbot: Any, gui_factory: Any, vault: Any, peer: Session, tmp_path: Path) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Office: not set up"),
                    timeout=5000)
    office_col = win.caseload.model.COLUMNS.index("office")
    assert win.caseload.table.isColumnHidden(office_col)

    trust(peer, gui.session)
    add_case(peer, "Okonkwo", "Sam")
    bundle = send(peer, gui.session, tmp_path / "from-peer")
    before = digest(gui.session)
    dialog = win.open_bundle(str(bundle))
    assert dialog is not None
    page = dialog.import_page
    wait_preview(qtbot, page)
    card = sync.my_card(peer)
    assert page.preview_result is None and not page.import_button.isEnabled()
    assert "Peer laptop" in page.notice.text() and card.fingerprint in page.notice.text()
    assert page.trust_button.isVisible()

    page.ask_trust = lambda parent, c: None  # the person did not confirm the fingerprint
    qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in sync.contact_list(gui.session)[0]] == ["Test laptop"]

    page.ask_trust = lambda parent, c: TrustAnswer(office=True)
    qtbot.mouseClick(page.trust_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, page)
    assert page.preview_result is not None, page.notice.text()
    assert page.import_button.isEnabled()
    assert digest(gui.session) == before
    # The office's vault is now known: the status bar counts what it lacks.
    qtbot.waitUntil(lambda: re.match(r"Office: oldest change not sent \d+ min ago",
                                     win.sync_label.text()) is not None, timeout=5000)
    assert not win.caseload.table.isColumnHidden(office_col)
    row = win.caseload.model.row_of(vault["info"]["case_id"])
    assert win.caseload.model.index(row, office_col).data() == "Behind"

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_result is None and not page.busy, timeout=10000)
    assert digest(gui.session) != before
    assert win.caseload.model.row_of(next(iter(result_cases(gui.session, "Okonkwo")))) >= 0

    # Send everything to the office, it imports and sends its receipt back.
    exp = dialog.show_page("export")
    qtbot.waitUntil(lambda: exp.recipients.count() == 1, timeout=5000)
    exp.tick_recipient(card.fingerprint)
    out = tmp_path / "to-office"
    out.mkdir()
    exp.folder.set_path(str(out))
    qtbot.mouseClick(exp.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: exp.result.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: win.sync_label.text()
                    == "Office: all your changes sent; receipt awaited", timeout=5000)
    sync.import_bundle(peer, next(out.glob("*.mspbundle")))
    receipt = send(peer, gui.session, tmp_path / "receipt")
    dialog.show_page("import")
    page.open_path(str(receipt))
    wait_preview(qtbot, page)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_result is None and not page.busy, timeout=10000)
    qtbot.waitUntil(lambda: win.sync_label.text() == "Office: has all your changes",
                    timeout=5000)
    row = win.caseload.model.row_of(vault["info"]["case_id"])
    assert win.caseload.model.index(row, office_col).data() == "Up to date"

    waiting = dialog.show_page("waiting")
    qtbot.waitUntil(lambda: waiting.summary.text() == "Office: has all your changes",
                    timeout=5000)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_rejected_bundle_shows_why(qtbot: Any, gui_factory: Any, vault: Any,
                                     tmp_path: Path) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    junk = tmp_path / "junk.mspbundle"
    junk.write_bytes(b"not a bundle at all")
    dialog = win.open_bundle(str(junk))
    assert dialog is not None
    page = dialog.import_page
    wait_preview(qtbot, page)
    assert page.notice.isVisible() and page.notice.property("role") == "error"
    assert page.notice.text() and "went wrong" not in page.notice.text()
    assert not page.import_button.isEnabled() and not page.trust_button.isVisible()


# ----- a conflict resolved in the window -------------------------------------------------


def test_conflict_is_resolved_with_a_reason(qtbot: Any, gui_factory: Any, vault: Any,
                                            peer: Session, tmp_path: Path) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    session = gui.session
    trust(session, peer)
    trust(peer, session)
    sync.import_bundle(peer, send(session, peer, tmp_path / "a"))
    note_id = vault["info"]["note_id"]
    mine = records.get(session, note_id).payload
    records.edit(session, note_id, {**mine, "facts": "Robin phoned about the garden gate."})
    theirs = records.get(peer, note_id).payload
    records.edit(peer, note_id, {**theirs, "facts": "Robin phoned about the back door."})
    result = sync.import_bundle(session, send(peer, session, tmp_path / "b"))
    win.ctx.publish(result.changes)
    qtbot.waitUntil(lambda: "1 in conflict" in win.sync_label.text(), timeout=5000)

    dialog = win.open_sync("conflicts")
    assert dialog is not None
    page = dialog.conflicts_page
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5000)
    assert page.current_record() == note_id
    [chooser] = page.fields
    assert chooser.field == "facts"
    shown = [w.text() for w in chooser.findChildren(QLabel)]
    assert "Robin phoned about the garden gate." in shown
    assert "Robin phoned about the back door." in shown
    assert any("peer.worker on Peer laptop" in t for t in shown)
    assert chooser.new_text is not None  # a text field: a new value can be written

    # A reason is required.
    theirs_index = next(i for i, c in enumerate(chooser.choice.candidates)
                        if c.author == "peer.worker")
    chooser.pick(theirs_index)
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    assert "reason" in page.notice.text()
    assert records.get(session, note_id).conflicts

    qtbot.keyClicks(page.reason, "Checked with Robin on the phone")
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    state = records.get(session, note_id)
    assert not state.conflicts
    assert state.payload["facts"] == "Robin phoned about the back door."
    qtbot.waitUntil(lambda: page.list.count() == 0 and page.empty.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "in conflict" not in win.sync_label.text(), timeout=5000)


# ----- a dropped file, a file opened from the desktop ------------------------------------


def _drop(win: QWidget, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    return drop


# PySide6 marks the QDragEnterEvent constructor deprecated; Qt 6 has no other.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_a_bundle_on_the_main_window_opens_the_preview(
        qtbot: Any, gui_factory: Any, vault: Any, peer: Session, tmp_path: Path) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    trust(peer, gui.session)
    trust(gui.session, peer)
    bundle = send(peer, gui.session, tmp_path / "drop")
    before = digest(gui.session)

    other = tmp_path / "notes.txt"
    other.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()  # only bundles are taken
    assert win.sync_dialog is None

    _drop(win, bundle)
    dialog = win.sync_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.import_page
    wait_preview(qtbot, dialog.import_page)
    assert dialog.import_page.bundle.path() == str(bundle)
    assert "Peer laptop" in dialog.import_page.lines.toPlainText()
    assert digest(gui.session) == before


def test_a_bundle_opened_while_locked_is_previewed_after_unlock(
        qtbot: Any, qapp: QApplication, gui_factory: Any, vault: Any, peer: Session,
        tmp_path: Path) -> None:
    gui = gui_factory(str(vault["path"]))
    gui.show_first_window()
    # Take the vault's card while it is closed: open it once, trust it, lock it again.
    opened = Session.open(vault["path"], PASSPHRASE)
    card = sync.my_card(opened)
    sync.trust(opened, sync.my_card(peer))
    opened.close()
    sync.trust(peer, card)
    bundle = tmp_path / "desk"
    bundle.mkdir()
    path = sync.export_bundles(peer, bundle, [card]).paths[0]

    seen: list[str] = []
    watcher = FileOpenWatcher(seen.append)
    qapp.installEventFilter(watcher)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "x.txt")))
        QApplication.sendEvent(qapp, QFileOpenEvent(str(path)))
    finally:
        qapp.removeEventFilter(watcher)
    assert seen == [str(path)]

    gui.open_bundle(str(path))  # locked: waits for the unlock
    assert gui.main_window is None
    unlock(qtbot, gui)
    win = gui.main_window
    assert win is not None and win.sync_dialog is not None
    wait_preview(qtbot, win.sync_dialog.import_page)
    assert win.sync_dialog.import_page.preview_result is not None


# ----- contacts, accessibility, the fingerprint dialog -----------------------------------


def test_contacts_revoke_after_confirmation(qtbot: Any, gui_factory: Any, vault: Any,
                                            peer: Session) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    trust(gui.session, peer)
    dialog = win.open_sync("contacts")
    assert dialog is not None
    page = dialog.contacts_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    names = [page.model.index(r, 0).data() for r in range(2)]
    assert set(names) == {"Test laptop", "Peer laptop"}
    page.select_device(gui.session.device.device_id)
    assert not page.revoke_button.isEnabled()  # not this vault's own device
    page.select_device(peer.device.device_id)
    assert page.revoke_button.isEnabled()
    page.confirm = lambda title, text: False
    page.revoke_button.click()
    assert not any(c.trust == "revoked" for c in sync.contact_list(gui.session)[0])
    page.confirm = lambda title, text: "Peer laptop" in text
    page.revoke_button.click()
    assert any(c.trust == "revoked" for c in sync.contact_list(gui.session)[0])
    qtbot.waitUntil(lambda: any(str(page.model.index(r, 2).data()).startswith("Revoked")
                                for r in range(page.model.rowCount())), timeout=5000)


def test_export_cases_are_found_by_typing_and_told_apart(
        qtbot: Any, qapp: QApplication, peer: Session) -> None:
    nowak = add_case(peer, "Nowak", "Zofia", opened="2025-03-04")
    again = add_case(peer, "Nowak", "Zofia", opened="2026-01-12")  # a repeat concern
    add_case(peer, "Kowalski")
    dialog = peer_dialog(qtbot, qapp, peer)
    page = dialog.export_page
    qtbot.waitUntil(lambda: page._loaded, timeout=5000)
    assert not page.case_filter.isEnabled()
    page.some_cases.setChecked(True)
    assert page.case_filter.isEnabled()
    page.case_filter.setFocus()
    qtbot.keyClicks(page.case_filter, "nowak 2025")
    visible = [page.cases.item(i) for i in range(page.cases.count())
               if not page.cases.item(i).isHidden()]
    assert [item.data(Qt.ItemDataRole.UserRole + 1) for item in visible] == [nowak]
    assert "2025" in visible[0].text() and "2026" not in visible[0].text()
    visible[0].setCheckState(Qt.CheckState.Checked)
    page.case_filter.clear()
    assert all(not page.cases.item(i).isHidden() for i in range(page.cases.count()))
    assert page.chosen_cases() == [nowak] and again not in page.chosen_cases()


def test_a_device_introduced_by_a_bundle_is_trusted_after_the_fingerprint_check(
        qtbot: Any, gui_factory: Any, vault: Any, peer: Session, tmp_path: Path) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    third = Session.create(tmp_path / "third", PASSPHRASE, kdf=KdfParams.fast(),
                           author="third.worker", device_name="Third laptop")
    try:
        trust(peer, third)
        trust(third, peer)
        add_case(third, "Kowalski")
        sync.import_bundle(peer, send(third, peer, tmp_path / "to-peer"))
        third_card = sync.my_card(third)
    finally:
        third.close()
    trust(gui.session, peer)
    trust(peer, gui.session)
    sync.import_bundle(gui.session, send(peer, gui.session, tmp_path / "to-us"))

    dialog = win.open_sync("contacts")
    assert dialog is not None
    page = dialog.contacts_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    page.select_device(peer.device.device_id)
    assert not page.trust_button.isEnabled()  # already trusted
    page.select_device(third_card.device_id)
    assert page.trust_button.isEnabled()
    shown: list[str] = []
    page.ask_trust = lambda parent, card: shown.append(card.fingerprint)  # not confirmed
    page.trust_button.click()
    assert shown == [third_card.fingerprint]
    assert [c.trust for c in sync.contact_list(gui.session)[0]
            if c.device_id == third_card.device_id] == ["introduced"]
    page.ask_trust = lambda parent, card: TrustAnswer()
    page.trust_button.click()
    assert [c.trust for c in sync.contact_list(gui.session)[0]
            if c.device_id == third_card.device_id] == ["trusted"]
    qtbot.waitUntil(lambda: not page.trust_button.isEnabled(), timeout=5000)


def test_a_bundle_hiding_many_records_is_imported_only_when_confirmed(
        qtbot: Any, qapp: QApplication, peer: Session, tmp_path: Path) -> None:
    sender = Session.create(tmp_path / "sender", PASSPHRASE, kdf=KdfParams.fast(),
                            author="sender.worker", device_name="Sender laptop")
    try:
        trust(sender, peer)
        trust(peer, sender)
        case_id = add_case(sender, "Nowak")
        payload = {"case_id": case_id, "note_type": "HOME_VISIT",
                   "event_start": "2026-02-03T10:00:00+00:00", "adult_present": True,
                   "seen_alone": True, "purpose": "Visit", "facts": "Visited."}
        notes = [records.create_and_finalise(sender, "contact_note", payload).state.record_id
                 for _ in range(sync.MASS_HIDE + 1)]
        sync.import_bundle(peer, send(sender, peer, tmp_path / "first"))
        for note_id in notes:
            records.amend(sender, note_id, payload, reason="Wrong case",
                          amendment_type="ENTERED_IN_ERROR")
        path = send(sender, peer, tmp_path / "hide")
    finally:
        sender.close()
    dialog = peer_dialog(qtbot, qapp, peer)
    page = dialog.import_page
    page.open_path(str(path))
    wait_preview(qtbot, page)
    assert "entered in error" in page.lines.toPlainText()
    before = digest(peer)
    asked: list[str] = []
    page.confirm = lambda title, text: bool(asked.append(text))  # the person says No
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and str(len(notes)) in asked[0]
    assert digest(peer) == before and page.import_button.isEnabled()
    page.confirm = lambda title, text: True
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_result is None and not page.busy, timeout=10000)
    assert digest(peer) != before
    assert all(records.get(peer, n).status == "entered_in_error" for n in notes)


def test_sync_window_is_named_reachable_and_keyboard_driven(
        qtbot: Any, gui_factory: Any, vault: Any) -> None:
    gui = unlocked_gui(qtbot, gui_factory, vault)
    win = gui.main_window
    assert win is not None
    assert win.sync_action.shortcut().toString() == "Ctrl+Shift+S"
    menus = [a.text() for a in win.menuBar().actions()]
    assert "S&ync" in menus
    keys = [m for t in menus for m in re.findall(r"&(\w)", t)]
    assert len(keys) == len(set(keys)), menus
    shortcuts = [a.shortcut().toString() for a in win.actions() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts
    win.sync_action.trigger()
    dialog = win.sync_dialog
    assert dialog is not None and dialog.isVisible()
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert [t.replace("&", "") for t in tabs] == ["Export", "Import", "Conflicts", "Waiting",
                                                   "Contacts"]
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        qtbot.wait(1)
        assert_accessible(dialog)
        assert_tab_reaches_all(dialog)
        assert_unique_mnemonics(dialog)
    assert_accessible(win)


def test_trust_dialog_needs_the_fingerprint_confirmed(qtbot: Any, peer: Session) -> None:
    card = sync.my_card(peer)
    dialog = TrustCardDialog(card)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_accessible(dialog)
    assert dialog.fingerprint.text() == card.fingerprint
    assert dialog.office.isVisible()
    assert not dialog.trust_button.isEnabled()
    dialog.matches.click()
    assert dialog.trust_button.isEnabled()
    dialog.office.click()
    dialog.trust_button.click()
    assert dialog.result() == TrustCardDialog.DialogCode.Accepted
    assert dialog.answer() == TrustAnswer(office=True)


def test_export_on_a_real_worker_thread_reports_progress(
        qtbot: Any, qapp: QApplication, vault: Any, peer: Session, tmp_path: Path) -> None:
    session = Session.open(vault["path"], PASSPHRASE)
    runner = TaskRunner(qapp)  # a real background thread, as in the app
    try:
        trust(session, peer)
        dialog = SyncDialog(UiContext(session, runner=runner))
        qtbot.addWidget(dialog)
        dialog.refresh()
        dialog.show()
        page = dialog.export_page
        qtbot.waitUntil(lambda: page.recipients.count() == 1, timeout=5000)
        page.tick_recipient(sync.my_card(peer).fingerprint)
        page.some_cases.click()
        page.tick_case(vault["info"]["case_id"])
        page.folder.set_path(str(tmp_path))
        steps: list[tuple[str, int, int]] = []
        shown = page._on_progress
        page._on_progress = lambda *a: (steps.append(a), shown(*a))  # type: ignore[method-assign]
        page.export()
        assert dialog.busy and not page.isEnabled()
        dialog.reject()  # refused while writing
        assert dialog.isVisible()
        qtbot.waitUntil(lambda: page.result.isVisible(), timeout=10000)
        assert not dialog.busy and page.isEnabled()
        assert len(list(tmp_path.glob("*.mspbundle"))) == 1
        assert steps and steps[-1][0] == "Encrypting" and steps[-1][1] == steps[-1][2] > 0
    finally:
        runner.wait(5000)
        session.close()
