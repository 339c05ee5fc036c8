"""The main window: menus, the caseload and the open case workspaces.

The window title is always exactly "MSP Desktop": the adult's name appears only inside the
window (tab labels), never in the title, notifications or the status bar.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QDateTime,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.services import maintenance, sync
from msp_desktop.services.changes import Changes
from msp_desktop.ui import theme
from msp_desktop.ui.caseload_view import CaseloadView, _Table
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.new_case_dialog import NewCaseDialog
from msp_desktop.ui.records.editor import RecordEditor
from msp_desktop.ui.sync_common import bundle_from_mime
from msp_desktop.ui.workspace import CaseWorkspace

if TYPE_CHECKING:
    from msp_desktop.ui.export_dialog import ExportDialog
    from msp_desktop.ui.reports import ImportDialog
    from msp_desktop.ui.sac_dialog import SacDialog
    from msp_desktop.ui.sync_window import SyncDialog

log = logging.getLogger(__name__)

WINDOW_TITLE = "MSP Desktop"


def app_version() -> str:
    """Return the installed version."""
    try:
        from importlib.metadata import version

        return version("msp-desktop")
    except Exception:
        return ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# Keys that are not a main-window action: the record editor's shortcuts and Qt's own keys.
# F1 lists these after the actions, which list themselves (so the list cannot drift from the
# menus); a test checks that every QShortcut and QAction key of the window appears in F1.
# QT_TRANSLATE_NOOP marks each description for lupdate; _tr translates it when F1 shows it.
OTHER_KEYS = (
    ("Ctrl+S",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Save the record you are writing"))),
    ("Ctrl+Shift+F",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Finalise the record you are writing"))),
    ("Ctrl+Tab / Ctrl+Shift+Tab",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Next or previous page inside a case (Chronology, Notes…)"))),
    ("Ctrl+M",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Mark or unmark the selected chronology event as significant"))),
    ("Enter",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Open the selected case, record or search result"))),
    ("Escape",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Leave the search results"))),
    ("Tab / Shift+Tab",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Move to the next or previous control"))),
    ("Alt + underlined letter",
     str(QT_TRANSLATE_NOOP("MainWindow",
                           "Go to that control or menu"))),
)


def _plain(text: str) -> str:
    """A menu text without its mnemonic marker and trailing dots, for the F1 list."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class MainWindow(QMainWindow):
    """The unlocked app.

    Signals:
        lock_requested(): the user chose Lock.
        settings_requested(): the user chose Settings.
        quit_requested(): the user chose Quit or closed the window.
    """

    lock_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self, ctx: UiContext, *, vault_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._tearing_down = False
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName(_tr("MSP Desktop"))

        self.caseload = CaseloadView(ctx, self)
        self.caseload_page = QWidget(self)
        cl = QVBoxLayout(self.caseload_page)
        cl.setContentsMargins(10, 10, 10, 6)
        cl.addWidget(self.caseload, 1)
        # One tab strip: the caseload first (never closed), then one tab per open case.
        self.cases = QTabWidget(self)
        self.cases.setAccessibleName(_tr("Caseload and open cases"))
        self.cases.setTabsClosable(True)
        self.cases.setDocumentMode(True)
        self.cases.addTab(self.caseload_page, _tr("Caseload"))
        self.cases.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.cases.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.cases.tabCloseRequested.connect(self.close_case_at)
        self.demo_banner = self._demo_banner() if maintenance.is_demo_vault(ctx.session) else None
        if self.demo_banner is None:
            self.setCentralWidget(self.cases)
        else:
            central = QWidget(self)
            layout = QVBoxLayout(central)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            layout.addWidget(self.demo_banner)
            layout.addWidget(self.cases, 1)
            self.setCentralWidget(central)

        self.vault_label = QLabel(_tr("Vault: %1").replace("%1", vault_name), self)
        self.vault_label.setAccessibleName(_tr("Vault"))
        self.saved_label = QLabel(_tr("All changes saved"), self)
        self.saved_label.setAccessibleName(_tr("Save status"))
        # One save state: the status bar says what the record being worked on says.
        self._followed_editor: RecordEditor | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_save_state)
        self.sync_label = QLabel(self)
        self.sync_label.setAccessibleName(_tr("Office sync status"))
        self.sync_status: sync.SyncStatus | None = None
        self.sync_dialog: SyncDialog | None = None
        self.sac_dialog: SacDialog | None = None
        self.report_dialog: ExportDialog | ImportDialog | None = None
        self.statusBar().addWidget(self.vault_label)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        # The age in the summary ("3 days ago") moves on with the clock, not only on changes.
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(60_000)
        self._sync_timer.timeout.connect(self._show_sync_summary)
        self._sync_timer.start()
        self.setAcceptDrops(True)

        self.caseload.case_activated.connect(self.open_case)
        self.caseload.record_activated.connect(self.open_record)
        for table in (self.caseload.table, self.caseload.results):
            table.copy_requested.connect(self.copy_text)
        ctx.changed.connect(self._on_changed)
        self._build_menus()
        self.refresh_sync_status()
        self.resize(1280, 800)
        self.restore_window_geometry()
        self.caseload.table.setFocus()

    def _demo_banner(self) -> QLabel:
        """A bar above everything, for as long as a demo vault is open: it has no close
        button, and screen readers find it by name and read its text."""
        warning = theme.NOTICES["warning"]
        banner = QLabel(_tr(
            "Demo vault: made-up cases for trying MSP Desktop. Do not enter real people's"
            " details here. Create your own vault for real work."
        ), self)
        banner.setObjectName("demoBanner")
        banner.setWordWrap(True)
        banner.setAccessibleName(_tr("Demo vault, not for real data"))
        banner.setAccessibleDescription(banner.text())
        banner.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable from the keyboard, to read
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        banner.setStyleSheet(
            f"QLabel#demoBanner {{ background: {warning.background}; color: {warning.text};"
            f" border-bottom: 2px solid {warning.border}; padding: 8px 12px;"
            " font-weight: bold; }")
        return banner

    # menus ---------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: Any, slot: Any, tip: str = "",
                help_text: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        if help_text:
            action.setWhatsThis(help_text)  # its line in the F1 list
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_tr("&File"))
        self.lock_action = self._action(_tr("&Lock"), "Ctrl+L", self.lock_requested.emit,
                                        _tr("Lock now; your passphrase opens it again"),
                                        _tr("Lock MSP Desktop now"))
        self.settings_action = self._action(_tr("&Settings…"), "Ctrl+,",
                                            self.settings_requested.emit)
        self.quit_action = self._action(_tr("&Quit"), QKeySequence.StandardKey.Quit,
                                        self.quit_requested.emit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        case_menu = bar.addMenu(_tr("&Case"))
        self.new_case_action = self._action(_tr("&New case…"), "Ctrl+N", self.new_case,
                                            help_text=_tr("Open a new case"))
        self.find_action = self._action(_tr("&Search every record"), "Ctrl+F", self.focus_search)
        self.close_case_action = self._action(_tr("&Close case"), "Ctrl+W", self.close_current)
        self.copy_action = self._action(_tr("C&opy selected row"), "Ctrl+Shift+C",
                                        self.copy_selected_row)
        for a in (self.new_case_action, self.find_action, self.close_case_action,
                  self.copy_action):
            case_menu.addAction(a)

        view_menu = bar.addMenu(_tr("&View"))
        self.caseload_action = self._action(_tr("&Caseload"), "Ctrl+0", self.focus_caseload,
                                            help_text=_tr("Go to the caseload"))
        self.next_action = self._action(_tr("&Next tab"), "Ctrl+PgDown",
                                        lambda: self._step_case(1))
        self.prev_action = self._action(_tr("&Previous tab"), "Ctrl+PgUp",
                                        lambda: self._step_case(-1))
        self.reload_action = self._action(_tr("&Reload caseload"), "F5", self.caseload.reload)
        for a in (self.caseload_action, self.next_action, self.prev_action, self.reload_action):
            view_menu.addAction(a)

        sync_menu = bar.addMenu(_tr("S&ync"))
        self.sync_action = self._action(_tr("&Sync…"), "Ctrl+Shift+S", lambda: self.open_sync(),
                                        _tr("Exchange bundles with colleagues and the office"))
        self.export_action = self._action(_tr("&Export bundles…"), None,
                                          lambda: self.open_sync("export"))
        self.import_action = self._action(_tr("&Import a bundle…"), None,
                                          lambda: self.open_sync("import"))
        self.conflicts_action = self._action(_tr("Resolve &conflicts…"), None,
                                             lambda: self.open_sync("conflicts"))
        self.contacts_action = self._action(_tr("C&ontacts…"), None,
                                            lambda: self.open_sync("contacts"))
        for a in (self.sync_action, self.export_action, self.import_action,
                  self.conflicts_action, self.contacts_action):
            sync_menu.addAction(a)

        reports_menu = bar.addMenu(_tr("Re&ports"))
        self.export_json_action = self._action(
            _tr("Export all records (&JSON)…"), None, lambda: self.export_all("json"),
            _tr("Every current record as one JSON file, for another vault or system"))
        self.export_csv_action = self._action(
            _tr("Export all records (C&SV)…"), None, lambda: self.export_all("csv"),
            _tr("One spreadsheet file per kind of record"))
        self.import_json_action = self._action(
            _tr("&Import records from JSON…"), None, self.open_import,
            _tr("Check a JSON export, see what it would add, then import it"))
        self.sac_action = self._action(
            _tr("Safeguarding &Adults Collection…"), None, self.open_sac,
            _tr("The yearly return: its tables, and the records that cannot be counted yet"))
        for a in (self.export_json_action, self.export_csv_action):
            reports_menu.addAction(a)
        reports_menu.addAction(self.import_json_action)
        reports_menu.addSeparator()
        reports_menu.addAction(self.sac_action)

        help_menu = bar.addMenu(_tr("&Help"))
        self.shortcuts_action = self._action(_tr("&Keyboard shortcuts"), "F1",
                                             self.show_shortcuts,
                                             help_text=_tr("This list"))
        self.about_action = self._action(_tr("&About MSP Desktop"), None, self.show_about)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    # cases ---------------------------------------------------------------------------------

    def workspaces(self) -> list[CaseWorkspace]:
        """Return the open case workspaces, in tab order."""
        out = []
        for i in range(self.cases.count()):
            w = self.cases.widget(i)
            if isinstance(w, CaseWorkspace):
                out.append(w)
        return out

    def open_case_ids(self) -> list[str]:
        """Return the ids of the open cases (no client data)."""
        return [w.case_id for w in self.workspaces()]

    def workspace(self, case_id: str) -> CaseWorkspace | None:
        """Return the open workspace of a case."""
        for w in self.workspaces():
            if w.case_id == case_id:
                return w
        return None

    def open_case(self, case_id: str) -> CaseWorkspace | None:
        """Open (or switch to) a case's workspace."""
        if self._tearing_down:
            return None
        ws = self.workspace(case_id)
        if ws is None:
            try:
                ws = CaseWorkspace(self.ctx, case_id, self.cases)
            except Exception as exc:
                log.exception("Could not open a case")
                QMessageBox.warning(
                    self, WINDOW_TITLE,
                    getattr(exc, "user_message", None) or _tr("That case could not be opened."),
                )
                return None
            index = self.cases.addTab(ws, _tr("Opening…"))
            self.cases.tabBar().setTabData(index, case_id)
            ws.loaded.connect(lambda ws=ws: self._name_tab(ws))
            if ws.is_loaded:  # read at once (no task runner): loaded has fired already
                self._name_tab(ws)
        self.cases.setCurrentWidget(ws)
        ws.tabs.setFocus()
        return ws

    def _name_tab(self, ws: CaseWorkspace) -> None:
        index = self.cases.indexOf(ws)
        if index >= 0:
            self.cases.setTabText(index, ws.person_name or _tr("Unnamed adult"))

    def open_record(self, case_id: str, record_id: str, kind: str = "") -> CaseWorkspace | None:
        """Open a case at one record (from search results)."""
        ws = self.open_case(case_id)
        if ws is not None:
            ws.open_record(record_id, kind or None)
        return ws

    def close_case_at(self, index: int) -> None:
        """Close one case tab (its editor's draft is kept). The caseload tab stays."""
        ws = self.cases.widget(index)
        if not isinstance(ws, CaseWorkspace):
            return
        ws.flush_drafts()
        ws.clear()
        self.cases.removeTab(index)
        ws.deleteLater()
        if self.cases.currentWidget() is self.caseload_page:
            self.caseload.table.setFocus()

    def close_current(self) -> None:
        """Close the case on screen."""
        self.close_case_at(self.cases.currentIndex())

    def new_case(self) -> None:
        """Ask for a new adult and case, then open it."""
        if self._tearing_down:
            return
        dialog = NewCaseDialog(self.ctx.session, self)
        try:
            if dialog.exec() and dialog.saved is not None:
                self.ctx.publish(dialog.saved.changes)
                self.open_case(dialog.saved.state.record_id)
        finally:
            dialog.deleteLater()

    def _step_case(self, step: int) -> None:
        n = self.cases.count()
        if n:
            self.cases.setCurrentIndex((self.cases.currentIndex() + step) % n)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.cases.setCurrentWidget(self.caseload_page)
        self.caseload.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.caseload.search_box.selectAll()

    def focus_caseload(self) -> None:
        """Put the focus on the case list."""
        self.caseload.clear_search()
        self.cases.setCurrentWidget(self.caseload_page)
        self.caseload.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # clipboard and status ------------------------------------------------------------------

    def copy_text(self, text: str) -> None:
        """Copy case text through the sensitive clipboard (cleared soon after, and on lock)."""
        clipboard = self.ctx.clipboard
        if clipboard is not None and text:
            clipboard.copy(text)
            self.statusBar().showMessage(_tr("Copied. The clipboard is cleared in 30 seconds."),
                                         5000)

    def copy_selected_row(self) -> None:
        """Copy the row that has focus in a list."""
        w = self.focusWidget()
        if isinstance(w, _Table):
            w.copy_current_row()

    def _on_changed(self, changes: Changes) -> None:
        if self._tearing_down:
            return
        if changes.records:
            self.saved_label.setText(
                _tr("Saved at %1").replace("%1", QDateTime.currentDateTime().toString("HH:mm"))
            )
        if changes.records or changes.sync:
            self.refresh_sync_status()
        if changes.caseload:
            self.caseload.reload()

    def _follow_save_state(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Show the save state of the record editor that focus went into."""
        if self._tearing_down:
            return
        editor = new
        while editor is not None and not isinstance(editor, RecordEditor):
            editor = editor.parentWidget()
        followed = self._followed_editor
        if editor is None or editor is followed:
            return
        if followed is not None:
            try:
                followed.status_changed.disconnect(self._show_save_state)
            except (RuntimeError, TypeError):  # already deleted with its case tab
                pass
        self._followed_editor = editor
        editor.status_changed.connect(self._show_save_state)
        self._show_save_state(editor.status())

    def _show_save_state(self, text: str) -> None:
        if not self._tearing_down:
            self.saved_label.setText(text)

    # sync ----------------------------------------------------------------------------------

    def refresh_sync_status(self) -> None:
        """Read what the office holds into the status bar and the caseload, off the GUI thread
        (it costs what the office lacks, which is the whole vault before a first receipt)."""
        if self._tearing_down:
            return
        self.ctx.read(sync.status, done=self._sync_status_read,
                      failed=lambda exc: log.error("Could not read the sync status",
                                                   exc_info=exc))

    def _sync_status_read(self, status: sync.SyncStatus) -> None:
        if self._tearing_down:
            return
        self.sync_status = status
        self.caseload.set_office_status(status.office_known, status.missing_at_office)
        self._show_sync_summary()

    def _show_sync_summary(self) -> None:
        status = self.sync_status
        if status is None or self._tearing_down:
            return
        text = status.summary(self.ctx.session.clock.now())
        if status.conflicts:
            text += _tr("; %1 in conflict").replace("%1", str(status.conflicts))
        self.sync_label.setText(text)
        self.sync_label.setAccessibleDescription(text)

    def open_sync(self, page: str | None = None) -> SyncDialog | None:
        """Show the Sync window (on one of its tabs)."""
        if self._tearing_down:
            return None
        from msp_desktop.ui.sync_window import SyncDialog

        dialog = self.sync_dialog
        if dialog is None:
            dialog = self.sync_dialog = SyncDialog(self.ctx, self)
            dialog.finished.connect(self._sync_closed)
        if page:
            dialog.show_page(page)
        if not dialog.isVisible():
            dialog.refresh()
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        current = dialog.tabs.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return dialog

    def _sync_closed(self, _result: int) -> None:
        self.refresh_sync_status()

    def open_bundle(self, path: str) -> SyncDialog | None:
        """Preview a bundle file for import (dropped, opened from the desktop or given on the
        command line)."""
        dialog = self.open_sync("import")
        if dialog is not None and not dialog.busy:
            dialog.import_page.open_path(str(path))
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt API name
        if bundle_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # Qt API name
        if bundle_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # Qt API name
        path = bundle_from_mime(event.mimeData())
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.open_bundle(path)

    # reports -----------------------------------------------------------------------------

    def _replace_report_dialog(self, dialog: ExportDialog | ImportDialog) -> None:
        previous, self.report_dialog = self.report_dialog, dialog
        if previous is not None:
            previous.deleteLater()
        dialog.open()  # window-modal: its write runs on the worker, nothing else writes

    def export_all(self, fmt: str) -> ExportDialog | None:
        """Export every record as JSON ("json") or CSV ("csv"), after the step-up."""
        if self._tearing_down:
            return None
        from msp_desktop.ui.export_dialog import ExportDialog
        from msp_desktop.ui.reports import csv_job, json_job

        dialog = ExportDialog(self.ctx, json_job() if fmt == "json" else csv_job(), self)
        self._replace_report_dialog(dialog)
        return dialog

    def open_import(self) -> ImportDialog | None:
        """Preview, then import, a JSON export."""
        if self._tearing_down:
            return None
        from msp_desktop.ui.reports import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        self._replace_report_dialog(dialog)
        return dialog

    def open_sac(self) -> SacDialog | None:
        """Show the Safeguarding Adults Collection dialog (the same one again, with its list
        of records that cannot be counted, after a case was opened from it)."""
        if self._tearing_down:
            return None
        from msp_desktop.ui.sac_dialog import SacDialog

        dialog = self.sac_dialog
        if dialog is None:
            dialog = self.sac_dialog = SacDialog(self.ctx, self)
            dialog.open_record.connect(self._open_from_sac)
        # Window-modal: its write runs on the worker over the session's connection, and
        # nothing else may write meanwhile (the Sync window does the same).
        dialog.open()
        return dialog

    def _open_from_sac(self, case_id: str, record_id: str, kind: str) -> None:
        dialog = self.sac_dialog
        if dialog is not None:
            dialog.hide()
        self.statusBar().showMessage(_tr(
            "Reports, Safeguarding Adults Collection shows the list of records that cannot be"
            " counted again."), 15000)
        if record_id:
            self.open_record(case_id, record_id, kind)
        else:
            self.open_case(case_id)

    # help ----------------------------------------------------------------------------------

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Return (keys, what they do) for F1: every action of the window that has a shortcut,
        in menu order, then the keys of OTHER_KEYS."""
        native = QKeySequence.SequenceFormat.NativeText
        rows: list[tuple[str, str]] = []
        for action in self.actions():
            keys = " / ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())
            if keys:
                rows.append((keys, action.whatsThis() or action.statusTip()
                             or _plain(action.text())))
        rows += [(keys, _tr(what)) for keys, what in OTHER_KEYS]
        return rows

    def show_shortcuts(self) -> QMessageBox:
        """List the keyboard shortcuts (window-modal, not blocking)."""
        rows = "".join(
            f"<tr><td style='padding-right:16px'><b>{html.escape(keys)}</b></td>"
            f"<td>{html.escape(what)}</td></tr>"
            for keys, what in self.shortcut_rows()
        )
        box = QMessageBox(self)
        box.setWindowTitle(WINDOW_TITLE)
        box.setObjectName("shortcuts_box")
        box.setAccessibleName(_tr("Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<h3>{_tr('Keyboard shortcuts')}</h3><table>{rows}</table>")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_about(self) -> None:
        """Say what this is."""
        QMessageBox.about(
            self, WINDOW_TITLE,
            _tr("<h3>MSP Desktop %1</h3><p>Encrypted, offline case notes for Making "
                "Safeguarding Personal.</p><p>Case records stay in the encrypted vault on "
                "this computer.</p>").replace("%1", app_version()),
        )

    # lock and quit -------------------------------------------------------------------------

    def restore_window_geometry(self) -> bool:
        """Take the size and place the window had when it was last locked or closed."""
        settings = self.ctx.settings
        saved = settings.main_window_geometry if settings is not None else ""
        if not saved:
            return False
        return bool(self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))))

    def save_window_geometry(self) -> None:
        """Remember the window's size and place (no case data: geometry only)."""
        settings = self.ctx.settings
        if settings is None:
            return
        settings.main_window_geometry = bytes(self.saveGeometry().toBase64().data()).decode(
            "ascii")
        settings.sync()

    def flush_drafts(self) -> int:
        """Save every open editor's draft now."""
        return sum(ws.flush_drafts() for ws in self.workspaces())

    def teardown(self) -> None:
        """Remove every case view and model (on lock or quit); the window is then deleted."""
        self._tearing_down = True
        if self.isVisible():
            self.save_window_geometry()
        self.ctx.changed.disconnect(self._on_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._follow_save_state)
        self._followed_editor = None
        self._sync_timer.stop()
        dialog, self.sync_dialog = self.sync_dialog, None
        if dialog is not None:
            dialog.busy = False  # the session is closing: the window goes regardless
            dialog.hide()
            dialog.deleteLater()
        report, self.report_dialog = self.report_dialog, None
        if report is not None:
            report.busy = False
            report.hide()
            report.deleteLater()
        sac, self.sac_dialog = self.sac_dialog, None
        if sac is not None:
            sac.busy = False
            sac.missing_model.clear_rows()
            sac.hide()
            sac.deleteLater()
        self.sync_label.clear()
        for ws in self.workspaces():
            ws.clear()
            self.cases.removeTab(self.cases.indexOf(ws))
            ws.hide()
            ws.deleteLater()
        self.caseload.clear()
        self.statusBar().clearMessage()
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt API name
        """Closing the window quits (drafts are flushed and the vault locked by the app)."""
        if self._tearing_down:
            event.accept()
            return
        event.ignore()
        self.quit_requested.emit()


def vault_display_name(path: str | Path) -> str:
    """Return the vault's folder name for the status bar."""
    return Path(path).name or str(path)
