"""A case workspace: what matters to the person, then chronology, record tabs and audit trail."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_desktop.domain.enums import CASE_STATUS, OUTCOME_ACHIEVEMENT, OUTCOME_STATUS
from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import caseload, cases, records
from msp_desktop.ui import theme
from msp_desktop.ui.caseload_model import RECORD_ID_ROLE, display_date
from msp_desktop.ui.caseload_view import _Table
from msp_desktop.ui.integration import flush_drafts, make_case_tabs, tab_kinds, tab_title

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWorkspace", text)


def kind_label(kind: str | None) -> str:
    """Return the readable name of a record kind."""
    if not kind:
        return ""
    k = KINDS.get(kind)
    return k.label if k else kind


class _ListModel(QAbstractTableModel):
    """A read-only table over a list of rows (tuples of display strings plus ids)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[tuple[str, ...], str, str]] = []  # texts, record id, kind

    def set_rows(self, rows: Sequence[tuple[tuple[str, ...], str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        texts, record_id, kind = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return texts[index.column()] if index.column() < len(texts) else None
        if role == RECORD_ID_ROLE:
            return record_id or None
        if role == KIND_ROLE:
            return kind or None
        return None


class ChronologyModel(_ListModel):
    """Dated events of the case in order."""

    HEADERS = ("Date", "Record", "Summary", "Status")

    def load(self, events: list[Any]) -> None:
        self.set_rows([
            ((display_date(e.date), e.kind_label, e.title, status_label(e.status)),
             e.record_id, e.kind)
            for e in events
        ])


class AuditModel(_ListModel):
    """Who did what to which record (ids and kinds only)."""

    HEADERS = ("Time", "Who", "Action", "Record")

    def load(self, entries: list[Any]) -> None:
        rows = []
        for e in entries:
            when = (e.at or "")[:19].replace("T", " ")
            record = ""
            if e.entity_kind:
                record = f"{kind_label(e.entity_kind)} {(e.entity_id or '')[:8]}".strip()
            rows.append(((when, e.author, action_label(e.action), record),
                         e.entity_id or "", e.entity_kind or ""))
        self.set_rows(rows)


def status_label(status: str) -> str:
    """Return a readable record status."""
    labels = {
        "saved": _tr("Saved"),
        "final": _tr("Final"),
        "amended": _tr("Amended"),
        "entered_in_error": _tr("Entered in error"),
    }
    return labels.get(status, status.replace("_", " ").capitalize())


def action_label(action: str) -> str:
    """Return a readable audit action."""
    labels = {
        "case.view": _tr("Viewed the case"),
        "record.create": _tr("Created"),
        "record.edit": _tr("Edited"),
        "record.finalise": _tr("Finalised"),
        "record.amend": _tr("Amended"),
        "record.resolve": _tr("Resolved a conflict"),
        "draft.save": _tr("Saved a draft"),
        "draft.discard": _tr("Discarded a draft"),
        "search": _tr("Searched"),
        "export": _tr("Exported"),
    }
    return labels.get(action, action)


class OutcomesHeader(QFrame):
    """The person, the stage, and their desired outcomes in their own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name_label = QLabel(self)
        theme.make_heading(self.name_label, 1.3)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.stage_label = QLabel(self)
        self.stage_label.setProperty("role", "secondary")
        self.outcomes_title = QLabel(_tr("What matters to this person"), self)
        font = self.outcomes_title.font()
        font.setBold(True)
        self.outcomes_title.setFont(font)
        self.outcomes_label = QLabel(self)
        self.outcomes_label.setWordWrap(True)
        self.outcomes_label.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addStretch(1)
        top.addWidget(self.stage_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.outcomes_title)
        layout.addWidget(self.outcomes_label)

    def show_overview(self, name: str, stage: str, outcomes: list[Any]) -> None:
        self.name_label.setText(name)
        self.stage_label.setText(_tr("Stage: %1").replace("%1", CASE_STATUS.label(stage)))
        current = [o for o in outcomes if o.payload.get("status") != "WITHDRAWN"]
        if not current:
            self.outcomes_label.setText(html.escape(_tr(
                "No desired outcomes recorded yet. Ask the adult what they want to happen, "
                "and record it in their own words on the Desired outcomes tab."
            )))
            self.setAccessibleDescription(self.outcomes_label.text())
            return
        parts = []
        plain = []
        for o in current:
            p = o.payload
            statement = str(p.get("statement") or "")
            status = OUTCOME_STATUS.label(str(p.get("status") or "ACTIVE"))
            achieved = p.get("achievement")
            extra = status
            if achieved:
                extra += " · " + OUTCOME_ACHIEVEMENT.label(str(achieved))
            parts.append(
                f"<p style='margin:2px 0'>“{html.escape(statement)}”"
                f" <span style='color:#555'>({html.escape(extra)})</span></p>"
            )
            plain.append(f"“{statement}” ({extra})")
        self.outcomes_label.setText("".join(parts))
        self.outcomes_label.setAccessibleName(_tr("Desired outcomes"))
        self.outcomes_label.setAccessibleDescription(" ".join(plain))

    def clear(self) -> None:
        for label in (self.name_label, self.stage_label, self.outcomes_label):
            label.clear()
            label.setAccessibleDescription("")
        self.setAccessibleDescription("")


class CaseWorkspace(QWidget):
    """One open case.

    Signals:
        records_changed(): a record of this case was saved (the caseload may need a reload).
    """

    records_changed = Signal()

    def __init__(self, ctx: Any, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self._session = ctx.session
        self.person_name = ""
        self.setAccessibleName(_tr("Case workspace"))

        self.header = OutcomesHeader(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_tr("Case record sections"))
        self.tabs.setDocumentMode(True)

        # Chronology
        self.chronology_page = QWidget(self)
        self.chronology_filter = QComboBox(self.chronology_page)
        self.chronology_filter.setAccessibleName(_tr("Show records of kind"))
        self.chronology_model = ChronologyModel(self)
        self.chronology = _Table(_tr("Chronology"), self.chronology_page)
        self.chronology.setModel(self.chronology_model)
        self.chronology.activated.connect(self._on_event_activated)
        em = self.fontMetrics().averageCharWidth()
        for col, chars in enumerate((14, 26, 60, 16)):
            self.chronology.setColumnWidth(col, em * chars)
        self.chronology.horizontalHeader().setStretchLastSection(False)
        self.chronology.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        filter_label = QLabel(_tr("S&how:"), self.chronology_page)
        filter_label.setBuddy(self.chronology_filter)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.chronology_filter)
        row.addStretch(1)
        cl = QVBoxLayout(self.chronology_page)
        cl.addLayout(row)
        cl.addWidget(self.chronology, 1)
        self.tabs.addTab(self.chronology_page, _tr("Chronology"))

        # Record tabs
        self.record_tabs: list[QWidget] = make_case_tabs(ctx, case_id)
        for tab in self.record_tabs:
            self.tabs.addTab(tab, tab_title(tab))
            changed = getattr(tab, "records_changed", None)
            if changed is not None:
                changed.connect(self._on_records_changed)

        # Audit trail
        self.audit_page = QWidget(self)
        self.audit_model = AuditModel(self)
        self.audit = _Table(_tr("Audit trail"), self.audit_page)
        self.audit.setModel(self.audit_model)
        for col, chars in enumerate((24, 20, 26)):
            self.audit.setColumnWidth(col, em * chars)
        note = QLabel(_tr("Every view and change of this case, newest last. "
                          "It holds record kinds and references, never case text."),
                      self.audit_page)
        note.setWordWrap(True)
        note.setProperty("role", "secondary")
        al = QVBoxLayout(self.audit_page)
        al.addWidget(note)
        al.addWidget(self.audit, 1)
        self.tabs.addTab(self.audit_page, _tr("Audit trail"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

        overview = cases.overview(self._session, case_id)  # audited: the case was viewed
        self._show_overview(overview)
        self._load_chronology_filter(overview)
        self.chronology_filter.currentIndexChanged.connect(self.refresh_chronology)
        self.refresh_chronology()

    # loading -------------------------------------------------------------------------------

    def _show_overview(self, overview: Any) -> None:
        row = caseload.row(self._session, self.case_id)
        self.person_name = row.person_name if row is not None else ""
        self.header.show_overview(
            self.person_name or _tr("Unnamed adult"),
            str(overview.case.payload.get("status") or ""),
            overview.outcomes,
        )

    def _load_chronology_filter(self, overview: Any) -> None:
        self.chronology_filter.blockSignals(True)
        self.chronology_filter.clear()
        self.chronology_filter.addItem(_tr("Every kind of record"), None)
        for kind in sorted(overview.counts, key=kind_label):
            if kind != "case":
                self.chronology_filter.addItem(kind_label(kind), kind)
        self.chronology_filter.blockSignals(False)

    def refresh_header(self) -> None:
        """Reload the header (not audited again)."""
        if self._session is None:
            return
        self._show_overview(cases.overview(self._session, self.case_id, audit=False))

    def refresh_chronology(self) -> None:
        """Reload the chronology with the chosen kind."""
        if self._session is None:
            return
        kind = self.chronology_filter.currentData()
        events = cases.chronology(self._session, self.case_id, {kind} if kind else None)
        self.chronology_model.load(events)

    def refresh_audit(self) -> None:
        """Reload the audit trail."""
        if self._session is None:
            return
        self.audit_model.load(cases.audit_trail(self._session, self.case_id))

    def _on_tab_changed(self, index: int) -> None:
        if self._session is None:
            return
        page = self.tabs.widget(index)
        if page is self.audit_page:
            self.refresh_audit()
        elif page is self.chronology_page:
            self.refresh_chronology()

    def _on_records_changed(self) -> None:
        if self._session is None:
            return
        self.refresh_header()
        self.refresh_chronology()
        self.records_changed.emit()

    # navigation ----------------------------------------------------------------------------

    def tab_for_kind(self, kind: str) -> QWidget | None:
        """Return the record tab that shows this kind of record."""
        for tab in self.record_tabs:
            if kind in tab_kinds(tab):
                return tab
        return None

    def open_record(self, record_id: str, kind: str | None = None) -> bool:
        """Show the record's tab with the record open; return whether a tab took it."""
        if not kind:
            try:
                kind = records.get(self._session, record_id).kind
            except Exception:
                return False
        tab = self.tab_for_kind(kind)
        if tab is None:
            self.tabs.setCurrentWidget(self.chronology_page)
            return False
        self.tabs.setCurrentWidget(tab)
        opener = getattr(tab, "open_record", None)
        if callable(opener):
            opener(record_id)
        return True

    def show_tab(self, title: str) -> bool:
        """Switch to the tab with this title."""
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i).replace("&", "") == title:
                self.tabs.setCurrentIndex(i)
                return True
        return False

    def _on_event_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.open_record(record_id, index.data(KIND_ROLE))

    # lock ----------------------------------------------------------------------------------

    def flush_drafts(self) -> int:
        """Save every open editor's draft now."""
        return flush_drafts(self.record_tabs)

    def clear(self) -> None:
        """Drop every piece of case text (on lock), before the widget is deleted."""
        self._session = None
        self.tabs.currentChanged.disconnect(self._on_tab_changed)
        self.header.clear()
        self.chronology_model.clear()
        self.audit_model.clear()
        self.chronology_filter.clear()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.hide()
                page.deleteLater()
        self.record_tabs = []
