"""The one way a day is written for a worker: '7 Jan 2025' (day unpadded, month in three
letters). Every screen (chronology, caseload, record lists, drafts, audit trail) and the
wording built in the domain (due dates, SAC record names) use it."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: dt.date) -> str:
    """'7 Jan 2025' (the same whatever the system locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def day_time_text(moment: dt.datetime) -> str:
    """'7 Jan 2025 09:30': the day as `day_text`, then the 24-hour time."""
    return f"{day_text(moment.date())} {moment:%H:%M}"
