"""What the pages of the Sync window share: running a sync write off the GUI thread, the
fingerprint check before trusting a card, and bundle file paths.

Bundle export, preview and import write through the session's main connection, so they run
on the context's one worker thread (reads queue behind them there) while the window shows
that it is busy; nothing else writes meanwhile because the Sync window is modal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFileOpenEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import sync
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.theme import make_heading

log = logging.getLogger(__name__)

BUNDLE_SUFFIX = ".mspbundle"
BUNDLE_FILTER = "Bundles (*.mspbundle);;All files (*)"
CARD_FILTER = "Contact cards (*.json);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


def error_text(exc: BaseException) -> str:
    """The words to show for a failed sync action (the error's own, when it has them)."""
    message = getattr(exc, "user_message", None)
    if isinstance(message, str) and message:
        return message
    log.error("A sync action failed", exc_info=exc)
    return _tr("Something went wrong. The details are in the log file; please tell your IT"
               " support.")


def card_name(card: sync.Card) -> str:
    """Who a card belongs to, in words."""
    if isinstance(card, sync.OfficeCard):
        return _tr("Office: %1").replace("%1", card.name)
    return f"{card.display_name} ({card.author})" if card.author else card.display_name


# ----- bundle paths ------------------------------------------------------------------------


def is_bundle_path(path: str) -> bool:
    """A local file path that names a bundle."""
    return bool(path) and path.lower().endswith(BUNDLE_SUFFIX)


def bundle_from_mime(mime: QMimeData | None) -> str | None:
    """The first bundle file among dragged URLs, or None."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and is_bundle_path(url.toLocalFile()):
            return url.toLocalFile()
    return None


class FileOpenWatcher(QObject):
    """Hands the bundle files the desktop asks the app to open (macOS `QFileOpenEvent`) to a
    callback. Install on the application object."""

    def __init__(self, open_bundle: Callable[[str], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_bundle = open_bundle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API name
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if is_bundle_path(path):
                self._open_bundle(path)
                return True
        return False


# ----- trusting a card ---------------------------------------------------------------------


@dataclass(frozen=True)
class TrustAnswer:
    """The person checked the fingerprint; `office`: the device card is the office's vault."""

    office: bool = False


def monospace_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    return font


class TrustCardDialog(QDialog):
    """Shows a card's owner and fingerprint, and asks the person to confirm that it matches
    what the owner reads out before the card is trusted."""

    def __init__(self, card: sync.Card, parent: QWidget | None = None, *,
                 office_question: bool = True) -> None:
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(_tr("Check the fingerprint"))
        self.setAccessibleName(_tr("Check the fingerprint"))
        heading = make_heading(QLabel(_tr("Check the fingerprint"), self), 1.2)
        who = QLabel(_tr("Card of %1").replace("%1", card_name(card)), self)
        who.setWordWrap(True)
        self.fingerprint = QLabel(card.fingerprint, self)
        self.fingerprint.setFont(monospace_font())
        make_heading(self.fingerprint, 1.3)
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(_tr("Fingerprint"))
        self.fingerprint.setAccessibleDescription(" ".join(card.fingerprint))
        how = QLabel(_tr(
            "Ask its owner to read out the fingerprint their app shows (by phone or in person)"
            " and compare every character. Trust the card only if they match."), self)
        how.setWordWrap(True)
        how.setProperty("role", "secondary")
        self.matches = QCheckBox(_tr("The fingerprint &matches what its owner read out"), self)
        self.matches.setAccessibleName(_tr("The fingerprint matches what its owner read out"))
        self.office = QCheckBox(_tr("This is the &office's vault"), self)
        self.office.setAccessibleName(_tr("This is the office's vault"))
        self.office.setToolTip(_tr(
            "Its receipts then say what the office holds (the status bar shows it)"))
        self._office_question = office_question and isinstance(card, sync.DeviceCard)
        self.office.setVisible(self._office_question)
        self.buttons = QDialogButtonBox(self)
        self.trust_button = self.buttons.addButton(
            _tr("&Trust this card"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setAccessibleName(_tr("Trust this card"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(_tr("Cancel"))
        self.trust_button.setEnabled(False)
        self.matches.toggled.connect(self.trust_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (heading, who, self.fingerprint, how, self.matches, self.office):
            layout.addWidget(w)
        layout.addWidget(self.buttons)
        self.matches.setFocus()

    def answer(self) -> TrustAnswer:
        return TrustAnswer(office=self._office_question and self.office.isChecked())


def ask_trust(parent: QWidget, card: sync.Card) -> TrustAnswer | None:
    """Ask the person to check a card's fingerprint (None: they did not confirm it)."""
    dialog = TrustCardDialog(card, parent)
    try:
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


# ----- a page of the Sync window -----------------------------------------------------------


class SyncPage(QWidget):
    """One tab of the Sync window.

    The dialogs it opens are attributes (`ask_trust`, `choose_open_file`, `choose_save_file`,
    `confirm`) so tests can answer them.

    Signals:
        busy_changed(bool): a write on the worker started (True) or ended (False).
    """

    busy_changed = Signal(bool)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self._on_done: Callable[[Any], None] | None = None
        self._on_failed: Callable[[BaseException], None] | None = None
        self.ask_trust: Callable[[QWidget, sync.Card], TrustAnswer | None] = ask_trust
        self.choose_open_file: Callable[[str, str], str] = self._choose_open_file
        self.choose_save_file: Callable[[str, str, str], str] = self._choose_save_file
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(_tr("Message"))
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

    def refresh(self) -> None:
        """Read what the page shows again."""

    # running a write on the worker ---------------------------------------------------------

    def start_write(
        self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None],
        failed: Callable[[BaseException], None], **kwargs: Any,
    ) -> None:
        """Run the write service call `fn(session, *args, **kwargs)` on the worker; `done` or
        `failed` is called on the GUI thread."""
        self._set_busy(True)
        self._on_done, self._on_failed = done, failed
        session = self.ctx.session
        runner = self.ctx.runner
        if runner is None:
            try:
                result = fn(session, *args, **kwargs)
            except Exception as exc:
                self._failed(exc)
                return
            self._succeeded(result)
            return
        task = runner.run(fn, session, *args, **kwargs)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        done, self._on_done, self._on_failed = self._on_done, None, None
        self._set_busy(False)
        if done is not None:
            done(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        failed, self._on_done, self._on_failed = self._on_failed, None, None
        self._set_busy(False)
        if failed is not None and isinstance(exc, BaseException):
            failed(exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # cards ---------------------------------------------------------------------------------

    def add_card_from_file(self) -> sync.Card | None:
        """Load a card, show its fingerprint, and trust it once the person confirmed it."""
        path = self.choose_open_file(_tr("Add a contact card"), CARD_FILTER)
        if not path:
            return None
        try:
            card = sync.load_any_card(Path(path))
        except Exception as exc:
            self.show_problem(error_text(exc))
            return None
        answer = self.ask_trust(self, card)
        if answer is None:
            return None
        try:
            changes = sync.trust(self.ctx.session, card, office=answer.office)
        except Exception as exc:
            self.show_problem(error_text(exc))
            return None
        self.ctx.publish(changes)
        return card

    def save_my_card(self) -> str | None:
        """Write this vault's contact card where the person chooses."""
        path = self.choose_save_file(_tr("Save my contact card"), CARD_FILTER,
                                     "my-contact-card.json")
        if not path:
            return None
        try:
            card = sync.write_my_card(self.ctx.session, Path(path))
        except Exception as exc:
            self.show_problem(error_text(exc))
            return None
        self.show_info(_tr("Your contact card was saved as %1. Its fingerprint is %2; read it"
                           " out to whoever adds the card.")
                       .replace("%1", Path(path).name).replace("%2", card.fingerprint))
        return path

    # messages and file dialogs (tests replace these) ---------------------------------------

    def show_problem(self, text: str) -> None:
        """Say what went wrong, in place (in the error colour, words first)."""
        self._notice(text, "error")

    def show_info(self, text: str) -> None:
        """Say what happened, in place."""
        self._notice(text, "")

    def clear_notice(self) -> None:
        self.notice.clear()
        self.notice.hide()

    def _notice(self, text: str, role: str) -> None:
        self.notice.setProperty("role", role)
        style = self.notice.style()
        style.unpolish(self.notice)
        style.polish(self.notice)
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.setVisible(bool(text))

    def _choose_open_file(self, title: str, name_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, "", name_filter, "",
                                              QFileDialog.Option.DontUseNativeDialog)
        return path

    def _choose_save_file(self, title: str, name_filter: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, name_filter, "",
                                              QFileDialog.Option.DontUseNativeDialog)
        return path

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
