"""Render each window offscreen to PNG files: `python -m msp_desktop.ui.screenshots OUTDIR`.

Uses only synthetic content: the app screens come from a demo vault (services.demo, fast key
derivation) created in a temporary folder and deleted afterwards. Run with
QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.ui import theme
from msp_desktop.ui.create_vault_dialog import CreateVaultDialog
from msp_desktop.ui.errors import CrashDialog
from msp_desktop.ui.idle import LockWarningDialog
from msp_desktop.ui.passphrase import PassphraseFields
from msp_desktop.ui.rag import RagBadge, RagLevel
from msp_desktop.ui.records import RecordTab
from msp_desktop.ui.recovery_dialog import RecoveryDialog
from msp_desktop.ui.settings import Settings
from msp_desktop.ui.settings_dialog import SettingsDialog
from msp_desktop.ui.start_window import StartWindow
from msp_desktop.ui.unlock_window import UnlockWindow

SCREENSHOT_PASSPHRASE = "screenshot demo passphrase"


def _unlock_with_error() -> QWidget:
    w = UnlockWindow("/home/worker/MSP Desktop/vault")
    from msp_desktop.services.errors import WrongPassphrase

    w.show_error(WrongPassphrase.user_message)
    return w


def _unlock_busy() -> QWidget:
    w = UnlockWindow("/home/worker/MSP Desktop/vault")
    w.set_busy(True)
    return w


def _passphrase(text: str, confirm: str) -> Callable[[], QWidget]:
    def make() -> QWidget:
        w = PassphraseFields()
        w.setMinimumWidth(460)
        w.passphrase.setText(text)
        w.confirm.setText(confirm)
        w.validate()
        return w

    return make


def _rag() -> QWidget:
    w = QWidget()
    layout = QHBoxLayout(w)
    layout.addWidget(QLabel(w.tr("Risk:"), w))
    for level in RagLevel:
        layout.addWidget(RagBadge(level, w))
    return w


def _lock_warning() -> QWidget:
    w = LockWarningDialog()
    w.set_seconds_left(42)
    return w


def _create_vault() -> CreateVaultDialog:
    w = CreateVaultDialog(folder="/home/worker/.local/share/MSP Desktop/vault")
    w.author.setText("Sam Taylor")
    w.device.setText("Work laptop 12")
    w.passphrase.passphrase.setText("quiet harbour maple kettle")
    w.passphrase.confirm.setText("quiet harbour maple kettle")
    w.folder.edit.setCursorPosition(0)
    return w


def _create_vault_with_card(tmp: Path) -> Callable[[], QWidget]:
    def make() -> QWidget:
        from msp_desktop.services.office import keygen

        keys = keygen(tmp / "office-card", "Example Council adult safeguarding")
        w = _create_vault()
        w.card.edit.setText(str(keys.card_path))
        w.card_confirm.setText(keys.card.fingerprint)
        w.setProperty("screenshot_scroll_to_end", True)  # the fingerprint check is below
        return w

    return make


def _recovery(tmp: Path) -> Callable[[], QWidget]:
    """The forgotten-passphrase dialog of a vault made with an office card."""
    def make() -> QWidget:
        from msp_desktop.services.office import keygen
        from msp_desktop.services.session import KdfParams, Session
        keys = keygen(tmp / "office-recovery", "Example Council adult safeguarding")
        vault = tmp / "recovery-vault"
        Session.create(vault, "screenshot recovery passphrase", kdf=KdfParams.fast(),
                       recovery_card=keys.card_path, author="sam.taylor",
                       device_name="Work laptop 12").close()
        return RecoveryDialog(vault)

    return make


def builders(tmp: Path) -> dict[str, Callable[[], QWidget]]:
    """Return a name -> widget factory for every screen worth a picture."""
    settings = Settings(tmp / "settings.ini")
    return {
        "start_window": StartWindow,
        "create_vault_dialog": _create_vault,
        "create_vault_with_card": _create_vault_with_card(tmp),
        "recovery_dialog": _recovery(tmp),
        "unlock_window": lambda: UnlockWindow("/home/worker/MSP Desktop/vault"),
        "unlock_window_error": _unlock_with_error,
        "unlock_window_busy": _unlock_busy,
        "settings_dialog": lambda: SettingsDialog(settings),
        "lock_warning": _lock_warning,
        "crash_dialog": lambda: CrashDialog(tmp / "logs" / "msp-desktop.log"),
        "passphrase_weak": _passphrase("password12", "password1"),
        "passphrase_strong": _passphrase("correct horse battery staple", ""),
        "rag_badges": _rag,
    }


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _pick_case(session: Any) -> str:
    """Return a demo case with an overriding consent decision, outcomes and risk records."""
    from msp_desktop.services import caseload, cases

    best, best_score = "", -1
    f = caseload.make_filter(session)
    for row in caseload.page(session, f, 0, 200):
        ov = cases.overview(session, row.case_id, audit=False)
        score = (
            5 * any(r.payload.get("override") for r in ov.of_kind("consent_decision"))
            + 2 * bool(ov.outcomes) + bool(ov.of_kind("capacity_assessment"))
            + bool(ov.of_kind("risk_assessment")) + bool(ov.of_kind("safeguarding_plan"))
            + bool(ov.of_kind("enquiry"))
        )
        if score > best_score:
            best, best_score = row.case_id, score
    return best


def _case_with(session: Any, kind: str) -> str | None:
    """Return a demo case that has a record of this kind."""
    from msp_desktop.services import caseload, cases

    for row in caseload.page(session, caseload.make_filter(session, include_closed=True), 0, 200):
        if cases.overview(session, row.case_id, audit=False).of_kind(kind):
            return row.case_id
    return None


def _first_record(tab: RecordTab, prefer: Callable[[Any], bool] | None = None) -> None:
    model = tab.model
    rows = range(model.rowCount())
    chosen = next((r for r in rows if prefer and prefer(model.record(r))), 0 if rows else None)
    if chosen is not None:
        tab.open_record(model.record(chosen).record_id)


def render_app(outdir: Path, tmp: Path, app: QApplication, suffix: str = "") -> list[Path]:
    """Render the unlocked app (caseload, a case workspace, search) from a demo vault."""
    from msp_desktop.services.demo import generate
    from msp_desktop.services.session import KdfParams, Session
    from msp_desktop.ui.clipboard import SensitiveClipboard
    from msp_desktop.ui.context import UiContext
    from msp_desktop.ui.key_dialogs import RekeyDialog
    from msp_desktop.ui.main_window import MainWindow
    from msp_desktop.ui.new_case_dialog import NewCaseDialog
    from msp_desktop.ui.workers import TaskRunner

    saved: list[Path] = []
    vault = tmp / "demo-vault"
    session = Session.create(vault, SCREENSHOT_PASSPHRASE, kdf=KdfParams.fast(),
                             author="sam.taylor", device_name="Demo laptop")
    try:
        generate(session, cases=40, seed=7)
        ctx = UiContext(session, clipboard=SensitiveClipboard())
        win = MainWindow(ctx, vault_name="vault")
        win.resize(1280, 800)
        win.show()
        _settle(app)

        def shot(name: str, widget: QWidget | None = None) -> None:
            _settle(app)
            path = outdir / f"{name}{suffix}.png"
            (widget or win).grab().save(str(path))
            saved.append(path)

        shot("main_caseload")
        case_id = _pick_case(session)
        ws = win.open_case(case_id)
        assert ws is not None
        shot("workspace_chronology")
        tab_names = {
            "Conversations": "workspace_conversations",
            "Desired outcomes": "workspace_outcomes",
            "Consent": "workspace_consent",
            "Mental capacity": "workspace_capacity",
            "Risk and plan": "workspace_risk_plan",
            "Enquiry": "workspace_enquiry",
        }
        for tab in ws.record_tabs:
            title = tab.title
            ws.tabs.setCurrentWidget(tab)
            prefer = None
            if title == "Consent":
                def prefer(r: Any) -> bool:
                    return bool(r.payload.get("override"))
            elif title == "Risk and plan":
                def prefer(r: Any) -> bool:
                    return bool(r.kind == "safeguarding_plan")
            _first_record(tab, prefer)
            name = tab_names.get(title, "workspace_" + title.lower().replace(" ", "_"))
            kinds = tab.kinds
            empty = not tab.model.rowCount()
            other = _case_with(session, kinds[0]) if kinds and empty else None
            if other:  # this case has none: show one that does, then come back
                ows = win.open_case(other)
                assert ows is not None
                otab = next(t for t in ows.record_tabs if t.title == title)
                ows.tabs.setCurrentWidget(otab)
                _first_record(otab)
                shot(name)
                win.close_case_at(win.cases.indexOf(ows))
                win.open_case(case_id)
            else:
                shot(name)
            if title == "Consent":
                editor = tab.editor
                override = editor.form.input("override_grounds") if editor else None
                widgets = override.focus_widgets() if override is not None else []
                area = editor.findChild(QScrollArea) if editor else None
                if widgets and area is not None:
                    area.ensureWidgetVisible(widgets[0], 50, 200)
                shot("consent_override")
        ws.tabs.setCurrentWidget(ws.audit_page)
        shot("workspace_audit")
        _export_shots(app, ws, tmp, shot)
        win.focus_search()
        win.caseload.search_box.setText("carer")
        win.caseload.run_search()
        shot("search_results")
        win.caseload.clear_search()

        dialog = NewCaseDialog(session, win)
        dialog.show()
        _settle(app)
        shot("new_case_dialog", dialog)
        dialog.close()
        rekey = RekeyDialog(session, TaskRunner(app), win)
        rekey.show()
        _settle(app)
        shot("rekey_dialog", rekey)
        rekey.close()
        _report_shots(app, win, session, tmp, shot)
        _sync_shots(app, win, session, case_id, tmp, shot)
        win.teardown()
        win.deleteLater()
        _settle(app)
    finally:
        session.close()
    return saved


def _export_shots(app: QApplication, ws: Any, tmp: Path,
                  shot: Callable[[str, QWidget | None], None]) -> None:
    """The case record export: the step-up, a wrong passphrase refused, then the result."""
    out = tmp / "exports"
    out.mkdir(exist_ok=True)
    dialog = ws.export_case("full")
    dialog.step_up.folder.set_path(str(out))
    shot("export_case_record", dialog)
    dialog.step_up.passphrase.setText("not the passphrase")
    dialog.start()
    _until(app, lambda: dialog.error_label.isVisible())
    shot("export_wrong_passphrase", dialog)
    dialog.close()
    sar = ws.export_case("sar")
    sar.step_up.folder.set_path(str(out))
    sar.step_up.passphrase.setText(SCREENSHOT_PASSPHRASE)
    sar.start()
    _until(app, lambda: not sar.busy)
    shot("export_subject_access_done", sar)
    sar.close()


def _report_shots(app: QApplication, win: Any, session: Any, tmp: Path,
                  shot: Callable[[str, QWidget | None], None]) -> None:
    """The Reports menu: the CSV export, the import preview and a rejected file, the
    Safeguarding Adults Collection with its list of what cannot be counted, and Settings with
    the vault's reporting council."""
    from msp_desktop.services import cases, data_export, sac_report
    from msp_desktop.services.session import KdfParams, Session

    out = tmp / "exports"
    out.mkdir(exist_ok=True)
    csv = win.export_all("csv")
    csv.step_up.folder.set_path(str(out))
    shot("export_csv", csv)
    csv.close()

    other = Session.create(tmp / "import-source", "screenshot import passphrase",
                           kdf=KdfParams.fast(), author="alex.morgan", device_name="Old laptop")
    try:
        cases.open_case(other, {"family_name": "Okafor", "given_names": "Ade",
                                "jurisdiction": "ENG"},
                        {"status": "concern_received", "opened_at": "2026-02-10"})
        source = data_export.export_json(other, tmp / "from-old-laptop.json").path
    finally:
        other.close()
    imp = win.open_import()
    imp.file.set_path(str(source))
    imp.preview()
    _until(app, lambda: not imp.busy)
    shot("import_preview", imp)
    cut = tmp / "damaged-export.json"
    cut.write_text(source.read_text(encoding="utf-8")[:400], encoding="utf-8")
    imp.file.set_path(str(cut))
    imp.preview()
    _until(app, lambda: not imp.busy)
    shot("import_rejected", imp)
    imp.close()

    sac_report.set_reporting_council(session, "E08000025")
    sac = win.open_sac()
    sac.step_up.folder.set_path(str(out))
    shot("sac_dialog", sac)
    sac.step_up.passphrase.setText(SCREENSHOT_PASSPHRASE)
    sac.start()
    _until(app, lambda: not sac.busy and sac.result_label.isVisible())
    shot("sac_dialog_done", sac)
    sac.hide()

    from msp_desktop.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(Settings(tmp / "settings-vault.ini"), win,
                              change_key=lambda: None, session=session)
    settings.show()
    _settle(app)
    shot("settings_dialog_vault", settings)
    settings.close()


def _until(app: QApplication, done: Callable[[], bool], seconds: float = 20.0) -> None:
    """Let the event loop run until a read or write on the worker has been shown."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    _settle(app)


def _sync_shots(app: QApplication, win: Any, session: Any, case_id: str, tmp: Path,
                shot: Callable[[str, QWidget | None], None]) -> None:
    """The Sync window: a colleague's vault edits the case's team while this one does too,
    so the import preview, the conflict queue and the contacts have something to show."""
    from msp_desktop.services import records, sync
    from msp_desktop.services.session import KdfParams, Session

    peer = Session.create(tmp / "peer-vault", "screenshot peer passphrase",
                          kdf=KdfParams.fast(), author="alex.morgan",
                          device_name="Alex's laptop")
    try:
        sync.trust(session, sync.my_card(peer))
        sync.trust(peer, sync.my_card(session))
        out = tmp / "bundles"
        for sub in ("1", "2"):
            (out / sub).mkdir(parents=True)
        [first] = sync.export_bundles(session, out / "1", [sync.my_card(peer)],
                                      cases=[case_id]).paths
        sync.import_bundle(peer, first)
        for who, team in ((session, "Team North"), (peer, "Team South")):
            state = records.get(who, case_id)
            records.edit(who, case_id, {**state.payload, "team": team})
        [back] = sync.export_bundles(peer, out / "2", [sync.my_card(session)]).paths
        peer_card = sync.my_card(peer)
    finally:
        peer.close()
    dialog = win.open_sync("export")
    dialog.resize(900, 700)
    export = dialog.export_page
    _until(app, lambda: export._loaded)
    export.tick_recipient(peer_card.fingerprint)
    shot("sync_export", dialog)
    imp = dialog.show_page("import")
    imp.open_path(str(back))
    _until(app, lambda: imp.preview_result is not None)
    shot("sync_import_preview", dialog)
    imp.import_now()
    _until(app, lambda: imp.preview_result is None and not imp.busy)
    conflicts = dialog.show_page("conflicts")
    conflicts.refresh()
    _until(app, lambda: conflicts.list.count() > 0)
    conflicts.select_record(case_id)
    shot("sync_conflicts", dialog)
    contacts = dialog.show_page("contacts")
    contacts.refresh()
    _until(app, lambda: contacts.model.rowCount() > 1)
    shot("sync_contacts", dialog)
    dialog.close()


def render(outdir: Path, *, font_scale: float = 1.0) -> list[Path]:
    """Save one PNG per screen into `outdir`; return the paths."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply_theme(app, font_scale=font_scale)
    outdir.mkdir(parents=True, exist_ok=True)
    saved = []
    suffix = "" if font_scale == 1.0 else f"_{int(font_scale * 100)}"
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in builders(Path(tmp)).items():
            widget = make()
            if not isinstance(widget, (StartWindow, UnlockWindow)) and widget.layout() is None:
                QVBoxLayout(widget)
            widget.show()
            widget.adjustSize()
            if isinstance(widget, (CreateVaultDialog, RecoveryDialog)):
                widget.resize(widget.sizeHint())  # adjustSize caps at 2/3 of the screen
            app.processEvents()
            area = widget.findChild(QScrollArea)
            if widget.property("screenshot_scroll_to_end") and area is not None:
                area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
                app.processEvents()
            path = outdir / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            saved.append(path)
            widget.close()
        saved.extend(render_app(outdir, Path(tmp), app, suffix))
    return saved


def main(argv: list[str]) -> int:
    """Entry point."""
    outdir = Path(argv[1]) if len(argv) > 1 else Path("docs/screenshots")
    scale = float(argv[2]) if len(argv) > 2 else 1.0
    for path in render(outdir, font_scale=scale):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
