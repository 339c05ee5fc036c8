"""Wall clock and hybrid logical clock.

The HLC orders revisions for display only; merges are decided by parent links, never clocks.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Clock:
    """Injectable wall clock (tests pass a fake `now`)."""

    now_ms: Callable[[], int] = field(default=lambda: time.time_ns() // 1_000_000)

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.now_ms() / 1000, tz=dt.UTC)

    def iso_now(self) -> str:
        return self.now().isoformat(timespec="seconds")

    def today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.now_ms() / 1000).astimezone().date()


def format_hlc(wall_ms: int, counter: int) -> str:
    return f"{wall_ms:013d}.{counter:05d}"


def parse_hlc(text: str) -> tuple[int, int]:
    wall, _, counter = text.partition(".")
    return int(wall), int(counter or 0)


class HybridClock:
    def __init__(self, clock: Clock, last: str | None = None) -> None:
        self._clock = clock
        self._wall, self._counter = parse_hlc(last) if last else (0, 0)

    def tick(self) -> str:
        now = self._clock.now_ms()
        if now > self._wall:
            self._wall, self._counter = now, 0
        else:
            self._counter += 1
        return format_hlc(self._wall, self._counter)

    def last(self) -> str:
        return format_hlc(self._wall, self._counter)

    def observe(self, remote: str) -> None:
        """Move past a timestamp seen in imported data."""
        wall, counter = parse_hlc(remote)
        if (wall, counter) > (self._wall, self._counter):
            self._wall, self._counter = wall, counter
