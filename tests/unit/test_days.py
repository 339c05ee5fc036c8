"""Days as a worker reads them, the same on every platform."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import msp_desktop
from msp_desktop.domain.days import day_text, day_time_text


def test_day_and_time_are_unpadded_and_locale_free() -> None:
    assert day_text(dt.date(2025, 1, 7)) == "7 Jan 2025"
    assert day_time_text(dt.datetime(2025, 12, 25, 9, 5)) == "25 Dec 2025 09:05"


def test_no_date_format_relies_on_a_platform_only_strftime_flag() -> None:
    """'%-d' (no padding) exists in glibc's strftime only: Windows raises ValueError on it."""
    root = Path(msp_desktop.__file__).parent
    flagged = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py")
               for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if re.search(r"%-[a-zA-Z]", line)]
    assert flagged == []
