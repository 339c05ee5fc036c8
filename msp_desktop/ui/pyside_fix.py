"""Guard against a PySide6 6.12 reference-count bug on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, abi3 wheel, CPython 3.11.7): every call of a
void-returning Qt method from Python (`label.setText(...)`, `timer.start()`) drops one
reference to `None`, and every `Signal.emit()` drops one reference to `True`. On 3.12+ these
objects are immortal (PEP 683) and nothing happens; on 3.11 the count reaches zero after some
thousands of calls and the interpreter aborts ("none_dealloc: deallocating None").

`protect_singletons()` raises the counts of None, True and False by 2**40 so they can never
reach zero: what 3.12 does for every interpreter. Remove this module once the app requires
Python >= 3.12 or a PySide6 release without the bug.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_BUMP = 1 << 40
_done = False


def needs_protection() -> bool:
    """Return whether this interpreter has mortal None/True/False (CPython < 3.12)."""
    return platform.python_implementation() == "CPython" and sys.version_info < (3, 12)


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal; return whether anything was done."""
    global _done
    if _done or not needs_protection():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a non-debug CPython build
        ctypes.c_ssize_t.from_address(id(obj)).value += _BUMP
    _done = True
    return True
