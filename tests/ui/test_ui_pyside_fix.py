"""The PySide6 6.12 / Python 3.11 None-refcount guard keeps a busy GUI alive."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import msp_desktop.ui
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class O(QObject):
    s = Signal(int)
o = O()
label = QLabel()
for i in range(200_000):
    label.setText("x")
    o.s.emit(i)
print("ok")
"""


def test_many_void_calls_and_emits_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"
