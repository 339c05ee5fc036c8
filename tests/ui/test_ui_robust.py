"""Robustness items of issue #8 in the GUI layer: a full disk during a save says so (not
"unexpected problem"), an unreadable key file is not called damage, and the log folder and
every log file are owner-only."""
# ruff: noqa: F811  (pytest fixtures imported from test_main_support)

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from qthelpers import choose, live_case
from test_main_support import (  # noqa: F401 (fixtures)
    fake_clock,
    gui_factory,
    unlock,
    vault,
)

from msp_desktop.services import records
from msp_desktop.services.errors import KeyFileUnreadable
from msp_desktop.services.session import Session
from msp_desktop.storage import keyslots
from msp_desktop.ui import logsetup
from msp_desktop.ui.records.editor import RecordEditor


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_an_unreadable_key_file_is_shown_as_such_at_unlock(
    qtbot: Any, gui_factory: Any, vault: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refusing(path: Any, flags: int, *a: Any, **kw: Any) -> int:
        if str(path).endswith("keyslots.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *a, **kw)

    monkeypatch.setattr(keyslots.os, "open", refusing)
    gui = gui_factory(str(vault["path"]))
    win = gui.show_first_window()
    unlock(qtbot, gui)
    assert win.error() == KeyFileUnreadable.user_message
    assert "damaged" not in win.error() and "passphrase is correct" not in win.error()
    assert gui.session is None


def test_a_full_disk_during_a_save_is_shown_in_plain_words_and_the_text_stays(
    qtbot: Any, tmp_path: Path
) -> None:
    from qthelpers import make_vault_case

    session, case_id = make_vault_case(tmp_path)
    assert isinstance(session, Session)
    live = live_case(session, case_id)
    ed = RecordEditor(live.ctx, live, "contact_note", None)
    qtbot.addWidget(ed)
    ed.show()
    choose(ed.form.input("note_type").combo, "HOME_VISIT")
    text = "We talked in the kitchen about the week and the bills. " * 150
    ed.form.input("event_start").edit.setDateTime(QDateTime(QDate(2026, 1, 6), QTime(10, 0)))
    qtbot.keyClicks(ed.form.input("purpose").edit, "Check in after the concern")
    ed.form.input("facts").edit.setPlainText(text)
    pages = session.conn.execute("PRAGMA page_count").fetchone()[0]
    session.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    message = ed.message_text()
    assert "The disk is full" in message
    assert "Nothing you saved before is lost" in message
    assert ed.record_id is None
    assert ed.form.input("facts").edit.toPlainText() == text  # nothing typed is lost
    session.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert ed.record_id is not None, ed.message_text()
    assert records.get(session, ed.record_id).payload["facts"] == text
    ed.close()
    session.close()


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    old = os.umask(0o022)
    folder = tmp_path / "state" / "MSP Desktop" / "logs"
    try:
        yield folder
    finally:
        os.umask(old)
        root = logging.getLogger()
        for handler in list(root.handlers):
            if str(getattr(handler, "msp_log_path", "")).startswith(str(tmp_path)):
                root.removeHandler(handler)
                handler.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_log_folder_and_files_are_owner_only_also_after_rotation(logs: Path) -> None:
    path = logsetup.setup_logging(logs)
    assert _mode(logs) == 0o700
    assert _mode(logs.parent) == 0o700 and _mode(logs.parent.parent) == 0o700
    assert _mode(path) == 0o600
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "msp_log_path", None) == path)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    logging.getLogger("robust").warning("before rotation")
    handler.doRollover()
    logging.getLogger("robust").warning("after rotation")
    handler.flush()
    rotated = path.with_name(path.name + ".1")
    assert rotated.exists() and path.exists()
    assert _mode(path) == 0o600 and _mode(rotated) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_loose_log_folder_and_old_log_files_are_tightened(logs: Path) -> None:
    logs.mkdir(parents=True)
    os.chmod(logs, 0o755)
    old = logs / (logsetup.LOG_FILE + ".2")
    old.write_text("an older log")
    os.chmod(old, 0o644)
    logsetup.setup_logging(logs)
    assert _mode(logs) == 0o700
    assert _mode(old) == 0o600
