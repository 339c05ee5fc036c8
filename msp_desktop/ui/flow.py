"""The window flow of one GUI run: start or unlock window, create-vault and demo flows, the
main window while unlocked, and locking (idle, Ctrl+L, the OS locking the session).

`Gui` owns the session: it unlocks or creates vaults off the GUI thread (`TaskRunner`),
shows the main window, and on lock or quit flushes drafts, closes the session, clears the
clipboard and destroys every case view. `app.py` builds it and everything it is given.
The hooks `Gui.unlock_handler`, `Gui.create_handler` and `Gui.demo_handler` default to that
wiring; tests may replace them.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from msp_desktop.ui import theme
from msp_desktop.ui.backoff import UnlockBackoff
from msp_desktop.ui.clipboard import SensitiveClipboard
from msp_desktop.ui.errors import CrashHandler, error_message
from msp_desktop.ui.i18n import plural
from msp_desktop.ui.idle import IdleController, LockWarningDialog
from msp_desktop.ui.labels import format_when, local_time
from msp_desktop.ui.session_watch import SessionWatcher
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.unlock_window import UnlockWindow
from msp_desktop.ui.workers import Task, TaskRunner

# The create-vault dialog, the main window and the settings dialog pull in the storage stack,
# zxcvbn and every record form: imported when first shown, so the unlock window appears fast
# (design.md §8: start to unlock window <= 1.5x a bare Qt window).
if TYPE_CHECKING:
    from msp_desktop.ui.context import UiContext
    from msp_desktop.ui.create_vault_dialog import CreateVaultDialog, CreateVaultRequest
    from msp_desktop.ui.main_window import MainWindow
    from msp_desktop.ui.recovery_dialog import RecoveryDialog
    from msp_desktop.ui.start_window import StartWindow

log = logging.getLogger(__name__)

APP_NAME = "MSP Desktop"


DEMO_PASSPHRASE = "demo vault only, never for real cases"
DEMO_CASES = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("Gui", text)


def demo_folder() -> Path:
    """Return where the demo vault lives (the app's data folder, apart from real vaults)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo-vault"


def _create_session(request: CreateVaultRequest, kdf: Any) -> Any:
    """Worker: create the vault, with the office recovery card if one was chosen (slow: key
    derivation)."""
    from msp_desktop.services.session import Session

    if request.recovery_card and request.confirmed_card is None:
        raise ValueError("the recovery card's fingerprint was not confirmed")  # a bug
    return Session.create(
        request.folder, request.passphrase, author=request.author,
        device_name=request.device_name, recovery_card=request.confirmed_card, kdf=kdf,
    )


def _open_demo_session(folder: Path, kdf: Any, cases: int) -> Any:
    """Worker: open the demo vault, creating and filling it first if needed."""
    from msp_desktop.services.demo import generate, mark_as_demo
    from msp_desktop.services.session import Session

    if (folder / "vault.db").exists():
        session = Session.open(folder, DEMO_PASSPHRASE)
        try:
            mark_as_demo(session)  # a demo vault made before vaults were marked
        except BaseException:
            session.close()
            raise
        return session
    session = Session.create(folder, DEMO_PASSPHRASE, kdf=kdf, author="demo.worker",
                             device_name="Demo laptop")

    try:
        generate(session, cases=cases, seed=1)
    except BaseException:
        session.close()
        raise
    return session


class Gui:
    """Owns the windows, the session and the app-wide helpers of one GUI run."""

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        crash_handler: CrashHandler,
        *,
        vault_path: str | None = None,
        runner: TaskRunner | None = None,
        kdf: Any = None,
        demo_kdf: Any = None,
        demo_folder_path: str | Path | None = None,
        demo_cases: int = DEMO_CASES,
        idle_clock: Callable[[], float] = time.monotonic,
        backoff_clock: Callable[[], float] = time.monotonic,
        session_watcher: SessionWatcher | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.crash_handler = crash_handler
        self.runner = runner if runner is not None else TaskRunner(app)
        self.kdf = kdf  # None: calibrate Argon2id (production)
        self.demo_kdf = demo_kdf
        self.demo_folder = Path(demo_folder_path) if demo_folder_path else None
        self.demo_cases = demo_cases
        self.clipboard = SensitiveClipboard(parent=app)
        self.idle = IdleController(settings.auto_lock_minutes, clock=idle_clock, parent=app)
        self.idle.install(app)
        self.idle.set_enabled(False)  # armed after an unlock
        self.lock_warning = LockWarningDialog()
        self.lock_warning.attach(self.idle)
        self.idle.lock_requested.connect(self.lock)
        # LOCK-3: OS session lock, suspend, user switch. An injected watcher is not started.
        if session_watcher is None:
            session_watcher = SessionWatcher(parent=app)
            session_watcher.start(app)
        self.session_watcher = session_watcher
        session_watcher.lock_requested.connect(self._on_system_lock)
        self._task: Task | None = None  # the unlock/create/demo task last started
        self.backoff = UnlockBackoff(clock=backoff_clock)
        self.unlock_handler: Callable[[str, str], None] = self.unlock_vault
        self.create_handler: Callable[[], Any] = self.show_create
        self.demo_handler: Callable[[], Any] = self.open_demo
        self.start_window: StartWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self.create_dialog: CreateVaultDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.main_window: MainWindow | None = None
        self.session: Any = None
        self.ctx: UiContext | None = None
        self.vault_path: str | None = None
        self.demo_note = ""
        self._reopen: list[str] = []
        self._reopen_places: dict[str, Any] = {}  # case id -> the editor open at the lock
        self._reopen_current: str | None = None
        self._pending_bundles: list[str] = []  # opened while locked: previewed after unlock
        self._attempt = 0
        self._shut_down = False
        self._initial_vault = vault_path or settings.last_vault_path or None
        self._check_runner: TaskRunner | None = None
        self.unlock_notice: QMessageBox | None = None
        self.author_dialog: QDialog | None = None
        self.key_notice: QMessageBox | None = None
        app.aboutToQuit.connect(self.shutdown)

    def current_window(self) -> QWidget | None:
        """Return the window on screen."""
        for w in (self.main_window, self.unlock_window, self.start_window):
            if w is not None and w.isVisible():
                return w
        return None

    def is_unlocked(self) -> bool:
        """Return whether a vault is open."""
        return self.session is not None

    # windows -------------------------------------------------------------------------------

    def show_first_window(self) -> QWidget:
        """Show the unlock window for a known vault, else the first-run chooser."""
        if self._initial_vault and Path(self._initial_vault).exists():
            return self.show_unlock(self._initial_vault)
        return self.show_start()

    def show_start(self) -> StartWindow:
        """Show the first-run chooser."""
        self._close_windows()
        from msp_desktop.ui.start_window import StartWindow

        win = StartWindow()
        win.create_requested.connect(lambda: self.create_handler())
        win.demo_requested.connect(lambda: self.demo_handler())
        win.open_requested.connect(self.show_unlock)
        win.settings_requested.connect(self.open_settings)
        self.start_window = win
        win.show()
        return win

    def show_unlock(self, vault_path: str) -> UnlockWindow:
        """Show the unlock window for a vault folder, the passphrase field focused."""
        self._close_windows()
        self.vault_path = str(vault_path)
        win = UnlockWindow(vault_path)
        win.unlock_requested.connect(self._on_unlock_requested)
        win.other_vault_requested.connect(self.show_start)
        win.recovery_requested.connect(self.show_recovery)
        if self.demo_note and self.demo_folder_for_run() == Path(vault_path):
            win.show_note(self.demo_note)
        self.unlock_window = win
        win.show()
        win.activateWindow()
        win.passphrase.setFocus()
        return win

    def show_create(self) -> CreateVaultDialog:
        """Show the Create vault dialog (non-blocking)."""
        if self.create_dialog is not None:
            self.create_dialog.raise_()
            return self.create_dialog
        from msp_desktop.ui.create_vault_dialog import CreateVaultDialog

        dialog = CreateVaultDialog(self.current_window())
        dialog.create_requested.connect(self._on_create_requested)
        self.create_dialog = dialog
        self._show_form_dialog(dialog, "create_dialog")
        return dialog

    def show_recovery(self) -> RecoveryDialog | None:
        """Forgotten passphrase: the recovery request/reply dialog for the unlock window's
        vault (non-blocking)."""
        if self.recovery_dialog is not None:
            self.recovery_dialog.raise_()
            return self.recovery_dialog
        win = self.unlock_window
        if win is None:
            return None
        from msp_desktop.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(win.vault_path(), win)
        dialog.recover_requested.connect(self._on_recover_requested)
        self.recovery_dialog = dialog
        self._show_form_dialog(dialog, "recovery_dialog")
        # Closed with its unlock window (the vault opened elsewhere, another vault chosen).
        dialog.destroyed.connect(lambda *_: self._forget_dialog("recovery_dialog", dialog))
        return dialog

    def _show_form_dialog(self, dialog: CreateVaultDialog | RecoveryDialog, attr: str) -> None:
        """Show the dialog held in `self.<attr>` (modal, non-blocking); forget it once it
        closes."""
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(lambda _result: self._forget_dialog(attr, dialog, delete=True))
        dialog.show()

    def _forget_dialog(self, attr: str, dialog: QDialog, *, delete: bool = False) -> None:
        if getattr(self, attr) is dialog:
            setattr(self, attr, None)
        if delete:
            dialog.deleteLater()

    def _open_from_dialog(
        self, attr: str, path: str, fn: Callable[..., Any], *args: Any, what: str,
        fallback: str | None = None, **kwargs: Any,
    ) -> None:
        """Run `fn(*args, **kwargs)` on the worker for the dialog in `self.<attr>` while it
        shows that it is busy; the session it returns opens the main window and closes the
        dialog, an error is shown in it (`fallback` when the error has no words of its own;
        a bug is logged as "<what> failed")."""
        dialog: CreateVaultDialog | RecoveryDialog | None = getattr(self, attr)
        if dialog is None:
            return
        dialog.set_busy(True)
        self._attempt += 1
        attempt = self._attempt
        task = self._task = self.runner.run(fn, *args, **kwargs)

        def opened(session: Any) -> None:
            if self._stale(attempt, session):
                return
            if getattr(self, attr) is dialog:
                dialog.set_busy(False)
                dialog.accept()
            self._on_opened(session, path, attempt)

        def failed(exc: BaseException) -> None:
            if self._stale(attempt):
                return
            from msp_desktop.services.errors import VaultError

            if not isinstance(exc, VaultError):
                log.error("%s failed", what, exc_info=exc)
            if getattr(self, attr) is dialog:
                dialog.show_error(error_message(exc, fallback))

        task.succeeded.connect(opened)
        task.failed.connect(failed)

    def _on_recover_requested(self, path: str, reply: str, passphrase: str) -> None:
        from msp_desktop.services.recovery import recover_with_reply

        self._open_from_dialog("recovery_dialog", path, recover_with_reply, path, reply,
                               passphrase, kdf=self.kdf, what="Recovery")

    def open_settings(self) -> None:
        """Show the Settings dialog and apply what changed."""
        from msp_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.settings, self.current_window(),
            change_key=self.show_rekey if self.session is not None else None,
            session=self.session,
        )
        dialog.saved.connect(self.apply_settings)
        dialog.exec()
        dialog.deleteLater()

    def show_rekey(self) -> Any:
        """Change the open vault's encryption key (modal; auto-lock waits meanwhile)."""
        if self.session is None:
            return None
        from msp_desktop.ui.key_dialogs import RekeyDialog

        parent = QApplication.activeModalWidget() or self.current_window()
        dialog = RekeyDialog(self.session, self.runner, parent, kdf=self.kdf)
        self.idle.set_enabled(False)  # the worker swaps the database file meanwhile
        try:
            dialog.exec()
        finally:
            self.runner.wait()
            self.idle.set_enabled(self.session is not None)
            dialog.deleteLater()
        return dialog

    def apply_settings(self) -> None:
        """Apply stored settings to the running app."""
        theme.apply_theme(self.app, font_scale=self.settings.font_scale)
        self.idle.set_minutes(self.settings.auto_lock_minutes)

    # unlocking -----------------------------------------------------------------------------

    def unlock_vault(self, path: str, passphrase: str) -> None:
        """Open the vault off the GUI thread; report to the unlock window."""
        win = self.unlock_window
        if win is None:
            return
        wait = self.backoff.seconds_to_wait()
        if wait > 0:
            win.show_error(plural(
                "Gui",
                "Too many wrong passphrases. Wait 1 second, then try again.",
                "Too many wrong passphrases. Wait %n seconds, then try again.",
                wait,
            ))
            return
        from msp_desktop.services.errors import VaultNotFound
        from msp_desktop.services.session import Session

        folder = Path(path)
        if not ((folder / "vault.db").exists() or (folder / "keyslots.json").exists()):
            win.show_error(VaultNotFound.user_message)
            return
        win.set_busy(True)
        self._attempt += 1
        attempt = self._attempt
        task = self._task = self.runner.run(Session.open, path, passphrase)
        task.succeeded.connect(lambda session: self._on_opened(session, path, attempt))
        task.failed.connect(lambda exc: self._on_unlock_failed(exc, attempt))

    def _stale(self, attempt: int, session: Any = None) -> bool:
        """An answer for an attempt the user has since left (locked, other vault, quit)."""
        if attempt == self._attempt and not self._shut_down:
            return False
        if session is not None:
            session.close()
        return True

    def _on_opened(self, session: Any, path: str, attempt: int, *, remember: bool = True) -> None:
        if self._stale(attempt, session):
            return
        self.backoff.record_success()
        if remember:
            self.settings.last_vault_path = str(path)
            self.settings.sync()
        self.vault_path = str(path)
        self.session = session
        self.show_main()
        self._start_integrity_check(session)
        if session.author_needs_asking():
            self.ask_author(session)
        else:
            self._after_unlock_notices(session)

    def ask_author(self, session: Any) -> Any:
        """A vault made without the worker's name: ask it once (prefilled with the login),
        then show the other notices. "Ask me later" asks again at the next unlock."""
        from msp_desktop.ui.author_dialog import AuthorDialog

        dialog = AuthorDialog(session.author, self.main_window)
        dialog.setObjectName("author_dialog")
        dialog.name_chosen.connect(lambda name: self._set_author(session, name))
        attempt = self._attempt  # a lock in between makes the answer stale
        dialog.finished.connect(lambda _result: self._author_asked(session, attempt))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.author_dialog = dialog
        dialog.open()
        return dialog

    def _author_asked(self, session: Any, attempt: int) -> None:
        if session is self.session and attempt == self._attempt:
            self._after_unlock_notices(session)

    def _set_author(self, session: Any, name: str) -> None:
        if session is not self.session:
            return
        try:
            session.confirm_author(name)
        except Exception as exc:
            log.error("Could not save the author's name", exc_info=exc)
            self._show_notice(error_message(exc, _tr("Your name could not be saved. "
                                                      "You will be asked again next time.")))

    def _after_unlock_notices(self, session: Any) -> None:
        """Tell the worker about failed unlocks, a settled rekey and weak key derivation
        (issue 8); offer to strengthen weak key derivation now."""
        lines: list[str] = []
        failed = session.failed_unlocks
        if failed:
            text = plural("Gui", "1 failed attempt to unlock this vault",
                          "%n failed attempts to unlock this vault", failed.count)
            if failed.since:
                since = format_when(local_time(failed.since)) or failed.since
                text += _tr(" since %1").replace("%1", since)
            lines.append(text + _tr(". If that was not you, tell your IT support."))
        outcome = session.rekey_outcome
        if outcome == "completed":
            lines.append(_tr("An interrupted change of the encryption key was completed."))
        elif outcome == "rolled_back":
            lines.append(_tr("An interrupted change of the encryption key was undone: the "
                             "vault still uses its previous key and passphrase."))
        weak = session.vault.weak_kdf
        if not lines and not weak:
            return
        if weak:
            lines.append(_tr("This vault's passphrase protection is weaker than it should be, "
                             "so a stolen copy would be much easier to break into. "
                             "Strengthen it now? (Your passphrase stays the same.)"))
        box = QMessageBox(QMessageBox.Icon.Warning if weak else QMessageBox.Icon.Information,
                          _tr("MSP Desktop"), "\n\n".join(lines),
                          QMessageBox.StandardButton.NoButton, self.main_window)
        box.setObjectName("unlock_notice")
        box.setAccessibleName(_tr("After unlocking"))
        if weak:
            strengthen = box.addButton(_tr("Strengthen now"), QMessageBox.ButtonRole.AcceptRole)
            strengthen.setAccessibleName(_tr("Strengthen now"))
            later = box.addButton(_tr("Not now"), QMessageBox.ButtonRole.RejectRole)
            later.setAccessibleName(_tr("Not now"))
            strengthen.clicked.connect(lambda: self.strengthen_kdf(session))
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.unlock_notice = box
        box.open()

    def strengthen_kdf(self, session: Any, passphrase: str | None = None) -> None:
        """Re-wrap the passphrase slot with calibrated key derivation; asks for the
        passphrase again (the app does not keep it)."""
        if session is not self.session:
            return
        if passphrase is None:
            from PySide6.QtWidgets import QInputDialog, QLineEdit

            text, ok = QInputDialog.getText(
                self.main_window, _tr("Strengthen the passphrase protection"),
                _tr("Type your passphrase to confirm:"), QLineEdit.EchoMode.Password)
            if not ok or not text:
                return
            passphrase = text
        task = self.runner.run(session.strengthen_kdf, passphrase, kdf=self.kdf)
        task.succeeded.connect(lambda _r: self._show_notice(
            _tr("The passphrase protection was strengthened.")))
        task.failed.connect(lambda exc: self._show_notice(error_message(exc)))

    def _show_notice(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, _tr("MSP Desktop"), message,
                          QMessageBox.StandardButton.Ok, self.main_window)
        box.setObjectName("key_notice")
        box.setAccessibleName(_tr("Notice"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.key_notice = box
        box.open()

    def _start_integrity_check(self, session: Any) -> None:
        """Large vaults get only a cheap check at unlock; run the full one now, on its own
        thread and connection, so the worker that unlocks vaults is never held up by it."""
        from msp_desktop.services.maintenance import (
            background_integrity_check,
            integrity_check_pending,
        )

        if not integrity_check_pending(session):
            return

        if self._check_runner is None:
            self._check_runner = TaskRunner(self.app, inline=self.runner._inline)
        task = self._check_runner.run(background_integrity_check, session)
        task.succeeded.connect(lambda problems: self._on_integrity_checked(session, problems))

    def _on_integrity_checked(self, session: Any, problems: list[str]) -> None:
        if not problems:
            log.info("Background integrity check passed")
            return
        log.error("Background integrity check failed; vault is now read-only")
        if session is not self.session or self.main_window is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr("The vault is damaged"),
            _tr("MSP Desktop found damage in this vault's file, so it will not write to it "
                "any more. Everything already saved can still be read. Restore the latest "
                "backup, or contact your IT support."),
            QMessageBox.StandardButton.Ok, self.main_window,
        )
        box.setObjectName("integrity_warning")
        box.setAccessibleName(_tr("The vault is damaged"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the app keeps running and every record stays readable

    def _on_unlock_failed(self, exc: BaseException, attempt: int) -> None:
        if self._stale(attempt):
            return
        from msp_desktop.services.errors import VaultError, WrongPassphrase

        message = error_message(exc)
        if isinstance(exc, WrongPassphrase):
            delay = self.backoff.record_failure()
            if delay:
                message += " " + plural(
                    "Gui", "You can try again in 1 second.",
                    "You can try again in %n seconds.", math.ceil(delay),
                )
        elif not isinstance(exc, VaultError):
            log.error("Unlock failed", exc_info=exc)
        if self.unlock_window is not None:
            self.unlock_window.show_error(message)
        elif self.start_window is not None:
            self.start_window.show_error(message)

    def _on_create_requested(self, request: CreateVaultRequest) -> None:
        self._open_from_dialog(
            "create_dialog", request.folder, _create_session, request, self.kdf,
            what="Creating a vault", fallback=_tr(
                "The vault could not be created. Check that you can write to the folder, "
                "or choose another one."))

    def demo_folder_for_run(self) -> Path:
        """Return the demo vault folder of this run."""
        return self.demo_folder if self.demo_folder is not None else demo_folder()

    def open_demo(self) -> None:
        """Create (first time) and open the demo vault of made-up cases."""
        folder = self.demo_folder_for_run()
        # Calibrated like any vault (None); only tests pass a fast demo_kdf.
        kdf = self.demo_kdf
        self.demo_note = _tr("This is the demo vault of made-up cases. Its passphrase is: %1"
                             ).replace("%1", DEMO_PASSPHRASE)
        if self.start_window is not None:
            self.start_window.set_busy(True, _tr("Preparing the demo… this can take a moment."))
        self._attempt += 1
        attempt = self._attempt
        task = self._task = self.runner.run(_open_demo_session, folder, kdf, self.demo_cases)
        task.succeeded.connect(
            lambda session: self._on_opened(session, str(folder), attempt, remember=False)
        )
        task.failed.connect(lambda exc: self._on_unlock_failed(exc, attempt))

    # the unlocked app ----------------------------------------------------------------------

    def show_main(self) -> MainWindow:
        """Show the main window for the open session (and reopen cases open before a lock)."""
        self._close_windows()
        from msp_desktop.ui.context import UiContext
        from msp_desktop.ui.main_window import MainWindow, vault_display_name

        self.ctx = UiContext(self.session, clipboard=self.clipboard, runner=self.runner,
                             settings=self.settings)
        win = MainWindow(self.ctx, vault_name=vault_display_name(self.vault_path or ""))
        if self.demo_note and self.vault_path == str(self.demo_folder_for_run()):
            win.vault_label.setText(self.demo_note)
        win.lock_requested.connect(self.lock)
        win.settings_requested.connect(self.open_settings)
        win.quit_requested.connect(self.quit)
        self.main_window = win
        win.show()
        win.activateWindow()
        reopen, self._reopen = self._reopen, []
        places, self._reopen_places = self._reopen_places, {}
        current, self._reopen_current = self._reopen_current, None
        for case_id in reopen:
            win.open_case(case_id)
        if current in reopen:
            win.open_case(current)
            reopen = [c for c in reopen if c != current] + [current]  # its editor last: focus
        elif reopen:  # the caseload was in front: it stays so
            win.cases.setCurrentWidget(win.caseload_page)
        for case_id in reopen:
            ws = win.workspace(case_id)
            if ws is not None and case_id in places:
                ws.return_to(places[case_id])
        bundles, self._pending_bundles = self._pending_bundles, []
        if bundles:
            win.open_bundle(bundles[-1])
        self.idle.set_minutes(self.settings.auto_lock_minutes)
        self.idle.set_enabled(True)
        return win

    def open_bundle(self, path: str) -> None:
        """Preview a bundle file for import: a file given on the command line or opened from
        the desktop. While locked, it waits for the unlock."""
        if self.main_window is not None and self.session is not None:
            self.main_window.open_bundle(str(path))
            return
        self._pending_bundles.append(str(path))

    def _close_dialogs(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible() and w is not self.lock_warning:
                w.reject()

    def _close_session(self) -> None:
        """Flush drafts, close every case view, lock the vault and clear the clipboard."""
        win, self.main_window = self.main_window, None
        # A bundle export or import may be writing on the worker through the main
        # connection: let it finish before drafts are written here.
        self.runner.wait(5000)
        if win is not None:
            self._reopen = win.open_case_ids()
            current = win.cases.currentWidget()
            self._reopen_current = getattr(current, "case_id", None)
            try:
                win.flush_drafts()
            except Exception:
                log.exception("Could not save drafts before locking")
            # Ids only (no case text): unlocking returns to the editors that were open.
            self._reopen_places = {ws.case_id: place for ws in win.workspaces()
                                   if (place := ws.place()) is not None}
        session, self.session = self.session, None
        if session is not None:
            # Reads of the case views run on the worker over the session's second connection;
            # let them finish before it closes.
            self.runner.wait(5000)
            try:
                session.close()
            except Exception:
                log.exception("Closing the vault failed")
        self.clipboard.clear_now()
        if win is not None:
            win.teardown()
            win.close()
            win.deleteLater()
        self.ctx = None

    def lock(self) -> None:
        """Idle or requested lock: save drafts, lock the vault, drop to the unlock window."""
        log.info("Locking")
        self._attempt += 1  # an unlock in progress is abandoned
        self.idle.set_enabled(False)
        self.lock_warning.hide()
        self._close_dialogs()
        self._close_session()
        path = self.vault_path or self.settings.last_vault_path
        if path:
            self.show_unlock(path)
        else:
            self.show_start()

    def unlock_in_progress(self) -> bool:
        """Return whether a vault is being opened or created on the worker."""
        return self._task is not None and not self._task.is_done()

    def _on_system_lock(self, reason: str) -> None:
        """The OS locked, is suspending or switched user: lock, cancelling any unlock."""
        if self._shut_down:
            return
        if self.session is None and not self.unlock_in_progress():
            return  # already locked; several back-ends report the same screen lock
        log.info("Locking on a system event: %s", reason)
        # lock() makes the pending result stale: `_stale` closes its session on arrival.
        self.lock()

    def quit(self) -> None:
        """Quit from the menu or by closing the main window."""
        self.shutdown()
        self.app.quit()

    def shutdown(self) -> None:
        """On quit: save drafts, lock the vault, clear the clipboard, let work finish."""
        if self._shut_down:
            return
        self._shut_down = True
        self.idle.set_enabled(False)
        self._close_session()
        self.clipboard.clear_now()
        self.runner.wait(5000)
        self.settings.sync()

    def dispose(self) -> None:
        """Undo the app-wide hooks (tests, or a re-built GUI)."""
        self.shutdown()
        self.idle.set_enabled(False)
        self.idle.uninstall(self.app)
        self.session_watcher.stop()
        self.crash_handler.uninstall()
        self._close_windows()
        self.lock_warning.deleteLater()

    def _on_unlock_requested(self, path: str, passphrase: str) -> None:
        self.unlock_handler(path, passphrase)

    def _close_windows(self) -> None:
        for attr in ("start_window", "unlock_window"):
            win = getattr(self, attr)
            if win is not None:
                win.close()
                win.deleteLater()
                setattr(self, attr, None)
