"""Failed unlock attempts, counted outside the database (design.md §3).

A wrong passphrase cannot be written into the encrypted database, so it is counted in a small
plain file in the vault folder, ``unlock-failures.json``: a count and the times of the latest
attempts, nothing about the passphrase. The next successful unlock moves them into the audit
log and removes the file. Anyone who can write the folder can edit or delete this file: it is
a notice for the worker, not evidence.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from msp_desktop.storage.atomic import atomic_write_bytes, remove_if_present
from msp_desktop.storage.keyslots import KEYSLOTS_FILE
from msp_desktop.storage.safe_read import UnsafeFile, read_capped

FAILURES_FILE = "unlock-failures.json"
MAX_TIMES = 20  # the latest attempts kept with their time; the count goes on


@dataclass(frozen=True)
class FailedUnlocks:
    count: int
    times: tuple[str, ...]  # ISO UTC, oldest first (the latest MAX_TIMES)
    since: str  # the first attempt counted

    def __bool__(self) -> bool:
        return self.count > 0


NONE = FailedUnlocks(0, (), "")


def read_failures(folder: Path) -> FailedUnlocks:
    """The attempts recorded; an unreadable or edited file counts as one unknown attempt."""
    path = Path(folder) / FAILURES_FILE
    try:
        raw = read_capped(path)
    except FileNotFoundError:
        return NONE
    except (OSError, UnsafeFile):  # unreadable, a link, not a file, or far too large
        return FailedUnlocks(1, (), "")
    try:
        doc = json.loads(raw.decode("utf-8"))
        count, times, since = doc["count"], doc["times"], doc["since"]
        if not (isinstance(count, int) and count > 0 and isinstance(since, str)
                and isinstance(times, list) and all(isinstance(t, str) for t in times)):
            raise TypeError
    except (ValueError, TypeError, KeyError, RecursionError):
        return FailedUnlocks(1, (), "")
    return FailedUnlocks(min(count, 10**9), tuple(t[:40] for t in times[-MAX_TIMES:]),
                         since[:40])


def record_failure(folder: Path, at: str) -> None:
    """Count one failed attempt. Only in an existing vault folder; never raises."""
    folder = Path(folder)
    if not folder.is_dir() or not (folder / KEYSLOTS_FILE).is_file():
        return
    with contextlib.suppress(OSError):
        old = read_failures(folder)
        doc = {
            "count": old.count + 1,
            "since": old.since or at,
            "times": [*old.times, at][-MAX_TIMES:],
        }
        atomic_write_bytes(folder / FAILURES_FILE, json.dumps(doc).encode("ascii"), mode=0o600)


def clear_failures(folder: Path) -> None:
    remove_if_present(Path(folder) / FAILURES_FILE)
