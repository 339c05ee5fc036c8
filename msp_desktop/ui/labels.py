"""How values read on screen: dates and times, record kinds, statuses and audit actions.

One place, so the same thing is worded the same way in every list, editor and header. Domain
labels are translated at display time in the contexts domain_catalog.py lists for lupdate.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from msp_desktop.domain.days import day_text, day_time_text
from msp_desktop.domain.enums import AMENDMENT_TYPE
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.revisions import Op, Revision
from msp_desktop.domain.status import RecordStatus

_CTX = "Labels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# ----- dates -------------------------------------------------------------------------------


def display_date(value: str | None) -> str:
    """An ISO date (or the date part of a time) as '3 Mar 2025'; '' when empty."""
    if not value:
        return ""
    try:
        return day_text(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return value


def local_time(iso: str | None) -> dt.datetime | None:
    if not iso:
        return None
    try:
        value = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone()
    return value


def hlc_time(hlc: str) -> dt.datetime | None:
    """The wall-clock part of a hybrid logical clock value, in local time."""
    try:
        wall_ms = int(hlc.partition(".")[0])
    except ValueError:
        return None
    return dt.datetime.fromtimestamp(wall_ms / 1000)


def format_when(value: dt.datetime | None) -> str:
    return day_time_text(value) if value else ""


def format_date(sort_date: str | None) -> str:
    """'6 Jan 2026' or '6 Jan 2026 10:00' for a record's sort date."""
    if not sort_date:
        return ""
    if len(sort_date) > 10:
        return format_when(local_time(sort_date)) or sort_date
    try:
        return day_text(dt.date.fromisoformat(sort_date))
    except ValueError:
        return sort_date


# ----- records -----------------------------------------------------------------------------


def kind_label(kind: str | None) -> str:
    """The translated name of a record kind ('' for none)."""
    if not kind:
        return ""
    k = KINDS.get(kind)
    return QCoreApplication.translate("kinds", k.label) if k else kind


def status_label(code: str) -> str:
    """The translated words for a record status code."""
    try:
        label = RecordStatus(code).label
    except ValueError:
        return code
    return QCoreApplication.translate("status", label)


def op_label(rev: Revision) -> str:
    """What one revision did, in words ('Amended: Correction')."""
    if rev.op == Op.AMEND:
        kind = AMENDMENT_TYPE.label(rev.amendment_type) if rev.amendment_type else ""
        return _tr("Amended: %1").replace("%1", QCoreApplication.translate("choices", kind))
    labels: dict[str, str] = {
        Op.CREATE: _tr("Created"), Op.EDIT: _tr("Edited"), Op.FINALISE: _tr("Finalised"),
        Op.RESOLVE: _tr("Conflict resolved"),
    }
    return labels.get(rev.op, rev.op)  # an op from a newer version shows as its code


def action_label(action: str) -> str:
    """A readable audit action."""
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
        "restore": _tr("Restored from a backup"),
        "device.replace": _tr("Became a new device"),
    }
    return labels.get(action, action)
