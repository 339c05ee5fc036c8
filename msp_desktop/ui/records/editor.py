"""The editor of one record: the generated form, Save / Finalise / Amend, history, drafts.

Everything goes through services.records. Work in progress is autosaved as an encrypted
draft a few seconds after each change and when focus leaves the editor; opening the editor
again offers the draft back. A failed save never loses what was typed: the draft stays.
A write is broadcast on the context's `changed` signal; the records this form can link to
come from the shared case view and follow it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.drafts import Draft
from msp_desktop.domain.enums import CAPACITY_CONCLUSION, CONSENT_TYPE
from msp_desktop.domain.fields import Field, RecordKind
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.lifecycle import RecordError, StaleEdit
from msp_desktop.domain.revisions import RecordState
from msp_desktop.domain.status import RecordStatus
from msp_desktop.services import records, sac_answers
from msp_desktop.services.changes import Saved
from msp_desktop.services.errors import ValidationFailed, VaultError
from msp_desktop.ui import theme
from msp_desktop.ui.context import UiContext
from msp_desktop.ui.elided_label import ElidedLabel
from msp_desktop.ui.labels import (
    format_date,
    format_when,
    hlc_time,
    kind_label,
    local_time,
    op_label,
    status_label,
)
from msp_desktop.ui.live_case import LiveCase
from msp_desktop.ui.records.amend_dialog import AmendDialog
from msp_desktop.ui.records.form import RecordForm
from msp_desktop.ui.records.history import HistoryModel
from msp_desktop.ui.records.inputs import RefInput

_CTX = "RecordEditor"

# REF fields that may only point at some records of their kind.
REF_FILTERS: dict[tuple[str, str], Callable[[RecordState], bool]] = {
    ("best_interests_decision", "capacity_assessment_id"):
        lambda r: r.payload.get("conclusion") == "LACKS_CAPACITY",
}


def _same_decision(consent: dict[str, Any]) -> dict[str, Any]:
    """A capacity assessment for the decision a consent form is about."""
    what = consent.get("consent_type")
    decision = CONSENT_TYPE.label(what) if isinstance(what, str) else ""
    purpose = consent.get("scope_purpose")
    if decision and isinstance(purpose, str) and purpose.strip():
        decision += f": {purpose.strip()}"
    return {"decision_in_question": decision} if decision else {}


# REF fields with a "New ..." button beside them: (kind, field) -> (button text, what the
# new record starts with, from this form's payload).
NEW_LINKED: dict[tuple[str, str], tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    ("consent_decision", "capacity_link"): (
        str(QT_TRANSLATE_NOOP("RecordEditor", "New capacity &assessment…")), _same_decision),
}


def _keep_all(_record: RecordState) -> bool:
    return True


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def status_text(state: RecordState | None) -> str:
    """The saved state of a record in words ('Not saved yet' for a new one)."""
    if state is None:
        return _tr("Not saved yet")
    return status_label(state.status)


class RecordEditor(QWidget):
    """Edit one record of a case (or write a new one).

    Signals:
        saved(str): the record (its id) was created, edited, finalised or amended.
        status_changed(str): the saved-state text changed ("Draft saved 10:42", "Saved"...).
        drafts_changed(): a draft of this case was written or dropped (lists show drafts).
        new_linked(str, str, object): the worker asked for a new record of a kind to link in
            a field, with what to fill it with (dict); `link_to` chooses it once saved.
    """

    saved = Signal(str)
    status_changed = Signal(str)
    drafts_changed = Signal()
    new_linked = Signal(str, str, object)

    def __init__(self, ctx: UiContext, live: LiveCase, kind_name: str,
                 record_id: str | None = None, parent: QWidget | None = None, *,
                 draft: Draft | None = None) -> None:
        """draft: open this draft (a row of the record list) instead of the saved record."""
        super().__init__(parent)
        self.ctx = ctx
        self.live = live
        self.kind: RecordKind = KINDS[kind_name]
        self.kind_name = kind_name
        self.case_id = live.case_id
        self.record_id = record_id
        self.state: RecordState | None = None
        self.draft_id = records.new_draft_id()
        self.base_heads: tuple[str, ...] = ()
        self.amending = False
        self.dirty = False
        self.typed = False  # changed by the worker since the record or draft was shown
        self.draft_written = False  # self.draft_id names a draft in the vault
        self.offered_draft: Draft | None = None
        # The action refused for problems ("save", "finalise", "amend"): until the next
        # write, each change re-checks them, so no message outlives what it was about.
        self.problem_action: str | None = None
        self._pending_link: tuple[str, str] | None = None
        self.last_field: str | None = None  # the field the worker was last in (a name only)
        self.setAccessibleName(kind_label(kind_name))
        # Hooks the tests (or a future undo stack) may replace.
        self.confirm_finalise: Callable[[], bool] = self._ask_finalise
        self.confirm_replace: Callable[[Draft], bool] = self._ask_replace
        self.confirm_discard: Callable[[], bool] = self._ask_discard
        self.ask_amendment: Callable[[], tuple[str, str] | None] = self._ask_amendment

        self.heading = ElidedLabel(self)  # one line: a long title must not take the form's room
        theme.make_heading(self.heading, 1.25)
        self.status_label = QLabel(self)
        self.status_label.setProperty("role", "secondary")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_label)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.draft_bar = QFrame(self)
        self.draft_bar.setObjectName("draftBar")
        warning = theme.NOTICES["warning"]
        self.draft_bar.setStyleSheet(
            f"QFrame#draftBar {{ background: {warning.background};"
            f" border: 1px solid {warning.border}; border-radius: 4px; }}")
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(10, 6, 10, 6)
        self.draft_text = QLabel(self.draft_bar)
        self.draft_text.setWordWrap(True)
        self.restore_button = QPushButton(_tr("&Restore"), self.draft_bar)
        self.discard_button = QPushButton(_tr("&Discard"), self.draft_bar)
        bar.addWidget(self.draft_text, 1)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.discard_button)
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self.draft_bar.hide()

        self.form = RecordForm(self.kind, self, ref_options=self._ref_options)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.form)
        self.scroll_area.setAccessibleName(_tr("Record fields"))
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # History: every revision, and the selected one shown read-only.
        self.history_pane = QWidget(self)
        hp = QVBoxLayout(self.history_pane)
        hp.setContentsMargins(0, 0, 0, 0)
        history_heading = QLabel(_tr("History"), self.history_pane)
        theme.make_heading(history_heading, 1.1)
        self.history_model = HistoryModel(self)
        self.history_view = QTableView(self.history_pane)
        theme.fit_titles_when_shown(self.history_view)
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName(_tr("Versions of this record"))
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.history_view.setTabKeyNavigation(False)
        self.history_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.show_revision_row(cur.row()))
        self.version_label = QLabel(_tr("Choose a version to read it."), self.history_pane)
        self.version_label.setWordWrap(True)
        self.version_label.setProperty("role", "secondary")
        self.history_form = RecordForm(self.kind, self.history_pane, columns=1)
        self.history_form.set_read_only(True)
        self.history_form.setAccessibleName(_tr("Selected version (read only)"))
        version_scroll = QScrollArea(self.history_pane)
        version_scroll.setWidgetResizable(True)
        version_scroll.setWidget(self.history_form)
        version_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        version_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_view.setMaximumHeight(200)
        hp.addWidget(history_heading)
        hp.addWidget(self.history_view, 0)
        hp.addWidget(self.version_label)
        hp.addWidget(version_scroll, 1)
        self.history_pane.hide()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.addWidget(self.history_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.save_button = QPushButton(_tr("&Save"), self)
        self.save_button.setToolTip(_tr("Save (Ctrl+S)"))
        self.finalise_button = QPushButton(_tr("Fi&nalise…"), self)
        self.finalise_button.setToolTip(_tr(
            "Finalise (Ctrl+Shift+F): after this the note can only be changed by an "
            "amendment with a reason"))
        self.amend_button = QPushButton(_tr("A&mend…"), self)
        self.amend_button.setToolTip(_tr("Change a finalised record: the original is kept"))
        self.cancel_amend_button = QPushButton(_tr("Cancel amendmen&t"), self)
        self.history_button = QPushButton(_tr("H&istory"), self)
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(self.history_pane.setVisible)
        self.save_button.clicked.connect(self._save_clicked)
        self.finalise_button.clicked.connect(self.finalise)
        self.amend_button.clicked.connect(self.start_amendment)
        self.cancel_amend_button.clicked.connect(self.cancel_amendment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.cancel_amend_button)
        # A draft opened from the record list can be thrown away here (it has no bar).
        self.drop_draft_button = QPushButton(_tr("&Discard this draft…"), self)
        self.drop_draft_button.setToolTip(_tr("Delete this unsaved draft; the saved record, "
                                              "if there is one, stays as it is"))
        self.drop_draft_button.clicked.connect(self.drop_open_draft)
        self.drop_draft_button.hide()
        buttons.addWidget(self.drop_draft_button)
        # An enquiry's SAC answers that the case record already gives (§4.8, §6.5).
        self.prefill_button = QPushButton(_tr("&Use the record's answers"), self)
        self.prefill_button.setToolTip(_tr(
            "Fill in the empty SAC answers from the desired outcomes, capacity assessments "
            "and advocates recorded on this case, for you to check"))
        self.prefill_button.clicked.connect(self.prefill_sac_answers)
        self.prefill_button.setVisible(kind_name == "enquiry")
        buttons.addWidget(self.prefill_button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.draft_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        ctx_short = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(ctx_short)
        self.save_shortcut.activated.connect(self._save_clicked)
        self.finalise_shortcut = QShortcut(QKeySequence("Ctrl+Shift+F"), self)
        self.finalise_shortcut.setContext(ctx_short)
        self.finalise_shortcut.activated.connect(self._finalise_shortcut)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(max(1, int(ctx.autosave_seconds * 1000)))
        self.autosave_timer.timeout.connect(self.flush_draft)
        self.form.changed.connect(self._on_changed)
        if kind_name == "risk_item":
            self.form.changed.connect(self._derive_source_of_risk)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

        live.loaded.connect(self._on_case_loaded)
        self._add_new_linked_buttons()
        self._load()
        if draft is not None:
            self._apply_draft(draft)
        elif record_id is not None:  # a new record's drafts are rows of the record list
            self._offer_draft()

    # ----- loading -----------------------------------------------------------------------
    @property
    def session(self) -> Any:
        return self.ctx.session

    def _load(self, state: RecordState | None = None) -> None:
        """Show the record as saved (`state` when the caller has it already)."""
        if self.record_id is not None:
            self.state = state or records.get(self.session, self.record_id)
            self.base_heads = self.state.heads
            self.form.set_payload(self.state.payload)
        else:
            self.state = None
            self.base_heads = ()
            self.form.start_new()
        self.dirty = False
        self.typed = False
        self.amending = False
        self.problem_action = None
        self._refresh_history()
        self._update_chrome()
        self._set_status(status_text(self.state))
        self._show_state_notes()

    def _show_state_notes(self) -> None:
        state = self.state
        if state is None:
            return
        if state.status == RecordStatus.ENTERED_IN_ERROR:
            reason = next((r.reason for r in reversed(self.history_model.revisions())
                           if r.amendment_type == "ENTERED_IN_ERROR"), "")
            self.show_message(_tr("This record was marked as entered in error: %1. It is "
                                  "kept, unchanged, for the audit trail.").replace(
                                      "%1", reason or ""), kind="info")
        elif state.in_conflict:
            names = ", ".join(
                QCoreApplication.translate("fields", self.kind.field(c.field).label)
                if c.field in self.kind.by_name else c.field for c in state.conflicts)
            self.show_message(_tr("Changes made on another device conflict with this "
                                  "record (%1). Resolve the conflict before editing.").replace(
                                      "%1", names), kind="warning")

    def _refresh_history(self) -> None:
        if self.record_id is None:
            self.history_model.set_revisions([])
            self.history_button.setVisible(False)
            return
        self.history_model.set_revisions(records.history(self.session, self.record_id))
        self.history_button.setVisible(True)
        self.history_button.setText(_tr("H&istory (%1)").replace(
            "%1", str(self.history_model.rowCount())))
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)

    def _update_chrome(self) -> None:
        state = self.state
        finalised = state is not None and state.finalised
        editing = not finalised or self.amending
        self.form.set_read_only(not editing)
        for button in self.new_linked_buttons.values():
            button.setVisible(editing)  # nothing to link into a form that cannot change
        self.save_button.setVisible(editing)
        self.save_button.setText(_tr("&Save amendment…") if self.amending else _tr("&Save"))
        self.finalise_button.setVisible(self.kind.finalisable and not finalised)
        self.amend_button.setVisible(finalised and not self.amending)
        self.cancel_amend_button.setVisible(self.amending)
        self.drop_draft_button.setVisible(self.draft_written)
        if state is None:
            title = _tr("New %1").replace("%1", kind_label(self.kind_name).lower())
        elif state.title and state.title != self.kind.label:
            title = f"{kind_label(self.kind_name)}: {state.title}"
        else:
            title = f"{kind_label(self.kind_name)}, {format_date(state.sort_date)}".rstrip(", ")
        self.heading.set_full_text(title)

    def _ref_options(self, f: Field) -> list[tuple[str, str]]:
        view = self.live.view
        keep = REF_FILTERS.get((self.kind_name, f.name), _keep_all)
        out: list[tuple[str, str]] = []
        for r in view.records if view is not None else ():
            if (r.kind != f.ref_kind or r.record_id == self.record_id
                    or r.status == RecordStatus.ENTERED_IN_ERROR or not keep(r)):
                continue
            label = r.title
            if r.kind == "capacity_assessment" and r.payload.get("conclusion"):
                label += f" ({CAPACITY_CONCLUSION.label(str(r.payload['conclusion']))})"
            date = format_date(r.sort_date)
            out.append((r.record_id, f"{date} – {label}" if date else label))
        return out

    def _on_case_loaded(self, _view: object) -> None:
        """The case changed (here or elsewhere): offer the records it now holds to link to."""
        self.form.reload_refs()
        if self._pending_link is not None:
            self.link_to(*self._pending_link)

    # ----- new linked records --------------------------------------------------------------
    def _add_new_linked_buttons(self) -> None:
        """A "New ..." button beside each choice of a linked record that NEW_LINKED names."""
        self.new_linked_buttons: dict[str, QPushButton] = {}
        for (kind, name), (label, _fill) in NEW_LINKED.items():
            if kind != self.kind_name or name not in self.form.rows:
                continue
            inp = self.form.input(name)
            button = QPushButton(_tr(label), inp.container.parentWidget())
            button.setAccessibleName(_tr(label).replace("&", ""))
            button.setToolTip(_tr("Opens a new one for the same decision; once saved it is "
                                  "chosen here"))
            button.clicked.connect(lambda _=False, n=name: self.request_new_linked(n))
            layout = self.form.rows[name].layout()
            assert isinstance(layout, QVBoxLayout)
            index = layout.indexOf(inp.container)
            line = QHBoxLayout()
            layout.removeWidget(inp.container)
            line.addWidget(inp.container, 1)
            line.addWidget(button)
            layout.insertLayout(index, line)
            assert isinstance(inp, RefInput)
            inp.actions.append(button)  # Tab goes from the choice to the button
            self.new_linked_buttons[name] = button

    def request_new_linked(self, name: str) -> None:
        """Ask for a new record to link in field `name`, filled in from this form."""
        if self.form.is_read_only():
            return
        fill = NEW_LINKED[(self.kind_name, name)][1]
        ref_kind = self.kind.field(name).ref_kind
        assert ref_kind is not None
        self._pending_link = None
        self.new_linked.emit(ref_kind, name, fill(self.form.get_payload()))

    def link_to(self, name: str, record_id: str) -> bool:
        """Choose a (just saved) record in the REF field `name`; once the case view holds it.
        A form that cannot change (finalised, entered in error) refuses."""
        if self.form.is_read_only():
            self._pending_link = None
            return False
        inp = self.form.input(name)
        assert isinstance(inp, RefInput)
        if inp.combo.findData(record_id) < 0:
            self._pending_link = (name, record_id)  # the view is on its way
            return False
        self._pending_link = None
        inp.set_value(record_id)
        return True

    # ----- drafts --------------------------------------------------------------------------
    def _matching_draft(self) -> Draft | None:
        found: Draft | None = None
        for d in records.drafts_for_case(self.session, self.case_id):
            if self.record_id is not None:
                ok = d.record_id == self.record_id
            else:
                ok = d.record_id is None and d.kind == self.kind_name
            if ok:
                found = d  # ordered by updated_at: keep the latest
        return found

    def _offer_draft(self) -> None:
        draft = self._matching_draft()
        self.offered_draft = draft
        if draft is None:
            return
        when = format_when(local_time(draft.updated_at))
        text = _tr("You have unsaved work from %1.").replace("%1", when)
        self.draft_text.setText(text)
        self.draft_text.setAccessibleName(text)
        self.draft_bar.show()

    def restore_draft(self) -> bool:
        """Show the offered draft in the form; asks first when the worker has typed here
        since (their newer text is never replaced silently). Returns whether it was shown."""
        draft = self.offered_draft
        if draft is None:
            return False
        if self.typed and not self.confirm_replace(draft):
            return False
        self.flush_draft()  # what was typed here stays a draft of its own
        self.draft_bar.hide()
        self.offered_draft = None
        self._apply_draft(draft)
        self.focus_field(self.last_field)
        return True

    def _apply_draft(self, draft: Draft) -> None:
        """Show a draft in the form; typing goes on into the same draft."""
        self.draft_id = draft.draft_id
        self.draft_written = True
        self.drop_draft_button.show()
        if self.state is not None and self.state.finalised:
            self.amending = True
            self._update_chrome()
        if draft.base_heads:
            self.base_heads = draft.base_heads
        self.form.set_payload(draft.payload)
        self.dirty = False
        self.typed = False
        # A refused save's problems were about the text this draft replaces.
        self.problem_action = None
        self.form.clear_problems()
        self.hide_message()
        if self.state is not None and tuple(sorted(draft.base_heads)) != tuple(
                sorted(self.state.heads)):
            self.show_message(_tr("The record has changed since this draft was written. "
                                  "Saving will tell you if the changes clash."),
                              kind="warning")
        self._set_status(_tr("Draft restored from %1").replace(
            "%1", format_when(local_time(draft.updated_at))))

    def discard_draft(self) -> None:
        draft = self.offered_draft
        if draft is None:
            return
        records.discard_draft(self.session, draft.draft_id)
        self.offered_draft = None
        self.draft_bar.hide()
        self._set_status(status_text(self.state))
        self.drafts_changed.emit()

    def drop_open_draft(self) -> bool:
        """Delete the draft this editor writes to (after asking) and show the record as
        saved, or an empty form for a new one."""
        if not self.draft_written or not self.confirm_discard():
            return False
        self.autosave_timer.stop()
        records.discard_draft(self.session, self.draft_id)
        self.draft_id = records.new_draft_id()
        self.draft_written = False
        self.drop_draft_button.hide()
        if self.record_id is None:
            self.form.set_payload({})
        self._load()
        self.hide_message()
        self._set_status(_tr("Draft discarded"))
        self.drafts_changed.emit()
        return True

    def _ask_discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Discard this draft?"),
                          _tr("The unsaved text in this draft is deleted. A saved record "
                              "stays as it is."), QMessageBox.StandardButton.NoButton, self)
        drop = box.addButton(_tr("&Discard the draft"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is drop

    def _on_changed(self) -> None:
        if self.form.is_read_only():
            return
        self.dirty = True
        self.typed = True
        self._set_status(_tr("Changes not saved yet"))
        if self.message.property("kind") == "ok":
            self.hide_message()  # "Saved." is no longer true of what the form shows
        if self.problem_action is not None:
            self._recheck()
        self.autosave_timer.start()

    def _recheck(self) -> None:
        """Show the refused action's problems as they are now, without moving focus."""
        action = self.problem_action
        body = self.payload()
        try:
            problems = (records.check_finalise if action == "finalise" else records.check)(
                self.session, self.kind_name, body, self.record_id)
        except VaultError:
            return  # the vault cannot be read just now: the next save says why
        self.form.show_problems(problems, move_focus=False)
        if problems:
            self._show_problem_message(problems)
            return
        self.problem_action = None
        done = {"save": _tr("Everything marked is put right: you can save now."),
                "finalise": _tr("Everything marked is put right: you can finalise now."),
                "amend": _tr("Everything marked is put right: you can save the amendment "
                             "now.")}[action or "save"]
        self.show_message(done, kind="info")

    def _show_problem_message(self, problems: list[Any]) -> None:
        verb = {"save": _tr("Not saved"), "finalise": _tr("Not finalised"),
                "amend": _tr("Not amended")}[self.problem_action or "save"]
        lines = [_tr("%1: put right the things marked below. Your text is kept as a "
                     "draft.").replace("%1", verb)]
        lines += [f"• {p.message}" for p in problems]
        self.show_message("\n".join(lines), kind="error")

    def prefill_sac_answers(self) -> int:
        """Fill the enquiry's empty SAC answers that the case record gives; return how many."""
        if self.form.is_read_only():
            return 0
        answers = sac_answers.enquiry_answers(self.session, self.payload())
        current = self.form.get_payload()
        filled = 0
        for name in ("msp_asked", "msp_outcomes_achieved", "sac_lacked_capacity",
                     "sac_capacity_support"):  # in this order: each shows the next
            if name in answers and not current.get(name):
                self.form.input(name).set_value(answers[name])
                current = self.form.get_payload()
                filled += 1
        self.show_message(
            _tr("Filled in %1 answer(s) from the case record. Check them before saving.")
            .replace("%1", str(filled)) if filled else
            _tr("Nothing to fill in: the answers the record gives are already there, or the "
                "record does not answer them yet."))
        return filled

    def _derive_source_of_risk(self) -> None:
        """A detailed source with a fixed SAC roll-up sets the SAC source; a staff source is
        never a Service Provider, so that answer is cleared for the worker to choose."""
        if self.form.is_read_only():
            return
        current = self.form.get_payload()
        answers = sac_answers.risk_answers(current)
        if ("source_of_risk" in answers
                and answers["source_of_risk"] != current.get("source_of_risk")):
            self.form.input("source_of_risk").set_value(answers["source_of_risk"])

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        try:
            if new is not None and self.isAncestorOf(new):
                self.last_field = self.form.field_of(new) or self.last_field
            if (self.dirty and old is not None and self.isAncestorOf(old)
                    and (new is None or not self.isAncestorOf(new))):
                self.flush_draft()
        except RuntimeError:  # the editor's C++ side is gone
            pass

    def focus_field(self, name: str | None) -> None:
        """Put the keyboard in field `name` (the first field when it is not there to type in),
        so the next key press goes into the form; in the field it was in, typing goes on at
        the end of its text."""
        row = self.form.rows.get(name) if name is not None else None
        widgets = row.input.focus_widgets() if row is not None and row.isVisibleTo(self) else []
        if not widgets:
            widgets = self.form.focus_order()
        elif isinstance(widgets[0], QPlainTextEdit):
            widgets[0].moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(widgets[0], QLineEdit):
            widgets[0].end(False)
        if widgets:
            widgets[0].setFocus()

    def payload(self) -> dict[str, Any]:
        """The form's content with the case it belongs to."""
        body = self.form.get_payload()
        if self.kind.case_field:
            body[self.kind.case_field] = self.case_id
        return body

    def flush_draft(self) -> bool:
        """Save the work in progress as a draft now (on lock, quit, focus-out or timer)."""
        self.autosave_timer.stop()
        if not self.dirty or not self.session.is_open:
            return False
        try:
            records.save_draft(
                self.session, self.draft_id, kind=self.kind_name, case_id=self.case_id,
                payload=self.payload(), record_id=self.record_id, base_heads=self.base_heads,
            )
        except RecordError as exc:
            self.show_message(str(exc), kind="error")
            return False
        except VaultError as exc:  # e.g. the disk is full: say so, keep the text in the form
            self.show_message(exc.user_message, kind="error")
            return False
        self.dirty = False
        self.draft_written = True
        self.drop_draft_button.show()
        self._set_status(_tr("Draft saved %1").replace(
            "%1", dt.datetime.now().strftime("%H:%M")))
        self.drafts_changed.emit()
        return True

    # ----- actions -------------------------------------------------------------------------
    def _save_clicked(self) -> None:
        if self.amending:
            self.save_amendment()
        elif self.state is None or not self.state.finalised:
            self.save()

    def _finalise_shortcut(self) -> None:
        if self.finalise_button.isVisible():
            self.finalise()

    def _keep_draft(self) -> bool:
        self.dirty = True
        return self.flush_draft()

    def _after_write(self, saved: Saved, message: str) -> None:
        state = saved.state
        self.record_id = state.record_id
        self.draft_id = records.new_draft_id()
        self.draft_written = False
        self.drop_draft_button.hide()
        self.offered_draft = None
        self.draft_bar.hide()
        self._load(state)
        self.show_message(message, kind="ok")
        self.saved.emit(state.record_id)
        self.ctx.publish(saved.changes)
        self.drafts_changed.emit()

    def _failed(self, exc: Exception, action: str) -> None:
        self.problem_action = None
        kept = self._keep_draft()
        if isinstance(exc, VaultError):
            # The vault refused the write (a full disk, a vault found damaged): its own words,
            # not "unexpected problem". With a full disk the draft cannot be written either.
            tail = (_tr("Your text is kept as a draft.") if kept else
                    _tr("Your text is still in this window but is not saved yet: keep the "
                        "window open and save again."))
            self.show_message(exc.user_message + " " + tail, kind="error")
        elif isinstance(exc, ValidationFailed):
            first = self.form.show_problems(exc.problems)
            self.problem_action = action
            self._show_problem_message(list(exc.problems))
            if first is not None:
                first.setFocus()
                # Once the message above has taken its room (the layout runs later), or
                # the field would be scrolled to where the message then pushes it from.
                QTimer.singleShot(0, lambda: self._scroll_to(first))
        elif isinstance(exc, StaleEdit):
            self.show_message(str(exc), kind="error")
        else:
            self.show_message(str(exc) + " " + _tr("Your text is kept as a draft."),
                              kind="error")

    def _scroll_to(self, widget: QWidget) -> None:
        if shiboken6.isValid(self) and shiboken6.isValid(widget):
            self.scroll_area.ensureWidgetVisible(widget)

    def save(self) -> bool:
        """Create or edit the record from the form."""
        self.form.clear_problems()
        body = self.payload()
        try:
            if self.record_id is None:
                saved = records.create(self.session, self.kind_name, body,
                                       draft_id=self.draft_id)
            else:
                saved = records.edit(self.session, self.record_id, body,
                                     expected_heads=list(self.base_heads),
                                     draft_id=self.draft_id)
        except (ValidationFailed, RecordError, VaultError) as exc:
            self._failed(exc, "save")
            return False
        self._after_write(saved, _tr("Saved."))
        return True

    def finalise(self) -> bool:
        """Finalise the note; when something is missing, say exactly what, by each field."""
        if not self.kind.finalisable or (self.state is not None and self.state.finalised):
            return False
        self.form.clear_problems()
        body = self.payload()
        problems = records.check_finalise(self.session, self.kind_name, body)
        if problems:
            self._failed(ValidationFailed(problems, "finalise"), "finalise")
            return False
        if not self.confirm_finalise():
            return False
        try:
            if self.record_id is None:
                saved = records.create_and_finalise(self.session, self.kind_name, body,
                                                    draft_id=self.draft_id)
            else:
                saved = records.finalise(self.session, self.record_id, body,
                                         expected_heads=list(self.base_heads),
                                         draft_id=self.draft_id)
        except (ValidationFailed, RecordError, VaultError) as exc:
            self._failed(exc, "finalise")
            return False
        self._after_write(saved, _tr("Finalised. To change it now, use Amend; the original "
                                     "stays readable in the history."))
        return True

    def start_amendment(self) -> None:
        if self.state is None or not self.state.finalised:
            return
        self.amending = True
        self._update_chrome()
        self.show_message(_tr("Amending: make your changes, then Save amendment. You will be "
                              "asked for the type of amendment and the reason."), kind="info")
        self._set_status(_tr("Amending"))
        order = self.form.focus_order()
        if order:
            order[0].setFocus()

    def cancel_amendment(self) -> None:
        if not self.amending:
            return
        if self.draft_id and self._matching_draft() is not None:
            records.discard_draft(self.session, self.draft_id)
        self.draft_id = records.new_draft_id()
        self.draft_written = False
        self._load()
        self.hide_message()
        self.drafts_changed.emit()

    def save_amendment(self, amendment_type: str | None = None,
                       reason: str | None = None) -> bool:
        """Amend the finalised record; asks for the type and reason unless given."""
        if not self.amending or self.record_id is None:
            return False
        self.form.clear_problems()
        body = self.payload()
        problems = records.check(self.session, self.kind_name, body)
        if problems:
            self._failed(ValidationFailed(problems, "amend"), "amend")
            return False
        if amendment_type is None or reason is None:
            answer = self.ask_amendment()
            if answer is None:
                return False
            amendment_type, reason = answer
        if not reason.strip():
            self._keep_draft()
            self.show_message(_tr("Not amended: give a reason for the amendment; it is kept "
                                  "with the record."), kind="error")
            return False
        try:
            saved = records.amend(self.session, self.record_id, body, reason=reason,
                                  amendment_type=amendment_type,
                                  expected_heads=list(self.base_heads), draft_id=self.draft_id)
        except (ValidationFailed, RecordError, VaultError) as exc:
            self._failed(exc, "amend")
            return False
        self._after_write(saved, _tr("Amended. The earlier version stays readable in the "
                                     "history."))
        return True

    def _ask_finalise(self) -> bool:
        answer = QMessageBox.question(
            self, _tr("Finalise this note?"),
            _tr("After finalising, the note can only be changed by an amendment with a "
                "reason. The original will always stay readable."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_replace(self, draft: Draft) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Replace what you typed?"),
                          _tr("You have typed in this form since it opened. Replace that "
                              "with the draft from %1? What you typed is kept as a draft of "
                              "its own.").replace(
                                  "%1", format_when(local_time(draft.updated_at))),
                          QMessageBox.StandardButton.NoButton, self)
        use = box.addButton(_tr("&Use the older draft"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(_tr("&Keep what I typed"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is use

    def _ask_amendment(self) -> tuple[str, str] | None:
        dialog = AmendDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.amendment_type(), dialog.reason()

    # ----- history -------------------------------------------------------------------------
    def show_history(self, shown: bool = True) -> None:
        self.history_button.setChecked(shown)

    def show_revision_row(self, row: int) -> None:
        if not (0 <= row < self.history_model.rowCount()):
            return
        rev = self.history_model.revision(row)
        self.history_form.set_payload(rev.payload)
        self.history_form.set_read_only(True)
        text = _tr("%1 on %2 by %3").replace("%1", op_label(rev)).replace(
            "%2", format_when(hlc_time(rev.hlc))).replace("%3", rev.author)
        if rev.reason:
            text += " – " + _tr("reason: %1").replace("%1", rev.reason)
        self.version_label.setText(text)
        self.version_label.setAccessibleName(text)

    def show_revision(self, revision_id: str) -> bool:
        for row in range(self.history_model.rowCount()):
            if self.history_model.revision(row).revision_id == revision_id:
                self.show_history(True)
                self.history_view.selectRow(row)
                self.show_revision_row(row)
                return True
        return False

    # ----- messages ------------------------------------------------------------------------
    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        self.status_changed.emit(text)

    def status(self) -> str:
        return self.status_label.text()

    def show_message(self, text: str, *, kind: str = "info") -> None:
        notice = theme.NOTICES.get(kind, theme.NOTICES["info"])
        self.message.setStyleSheet(
            f"QLabel {{ background: {notice.background}; border: 1px solid {notice.border};"
            f" border-left: 5px solid {notice.border}; border-radius: 3px; padding: 6px 10px;"
            f" color: {notice.text}; }}")
        font = QFont(self.message.font())
        font.setBold(kind == "error")
        self.message.setFont(font)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setProperty("kind", kind)
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()
        self.message.clear()

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""
