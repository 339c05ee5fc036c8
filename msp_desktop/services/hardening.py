"""Process hardening for every entry point that holds a vault key (the GUI and the CLI).

No Qt here: app.py and cli.py both call `harden_process()` before a vault is opened, so a crash
while the data key is in memory never writes it to a core dump, and (Linux) other processes of
the same user cannot read this one's memory through ptrace or /proc/PID/mem.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4


def harden_process() -> list[str]:
    """Forbid core dumps and (Linux) ptrace/proc access by other processes; return what worked."""
    done: list[str] = []
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done.append("rlimit_core")
    except (ImportError, ValueError, OSError):
        log.info("Could not disable core dumps")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not_dumpable")
        except (OSError, AttributeError):
            log.info("Could not mark the process non-dumpable")
    return done
