"""Crash handling and log redaction."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from a11y import assert_accessible
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from msp_desktop.ui.errors import CrashDialog, CrashHandler, format_crash
from msp_desktop.ui.logsetup import REDACTED, RedactingFilter, redact, setup_logging


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "msp_log_path", None) == path:
            root.removeHandler(handler)
            handler.close()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


@pytest.mark.parametrize(
    "text",
    [
        "open(passphrase='correct horse battery staple')",
        "password: hunter2hunter2",
        "new_passphrase=abc def",
        'PRAGMA key = "x\'' + "ab" * 32 + "'\"",
        "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGP",
        '{"data_key": "c2VjcmV0IGtleSBtYXRlcmlhbCAxMjM0NTY3ODkwMTIzNDU2Nzg5MA=="}',
    ],
)
def test_redact(text: str) -> None:
    out = redact(text)
    assert REDACTED in out
    for secret in ("correct horse", "hunter2", "abc", "abab", "QYQSZ", "c2VjcmV0"):
        assert secret not in out


def test_redact_keeps_ordinary_text() -> None:
    text = 'KeyError: \'case_id\' in File "/work/main/msp_desktop/ui/x.py", line 3, monkey=1'
    assert redact(text) == text


def test_filter_redacts_args_and_traceback() -> None:
    record = logging.LogRecord(
        "t", logging.ERROR, __file__, 1, "unlock %s", ("passphrase=x1",), None
    )
    try:
        raise ValueError("bad key='topsecret'")
    except ValueError:
        record.exc_info = sys.exc_info()
    RedactingFilter().filter(record)
    assert "x1" not in record.getMessage()
    assert "topsecret" not in (record.exc_text or "")
    assert "ValueError" in (record.exc_text or "")


def test_log_file_is_owner_only(log_file) -> None:
    logging.getLogger("msp_desktop.test").warning("hello passphrase=abcdef")
    _flush()
    text = log_file.read_text()
    assert "hello passphrase=[redacted]" in text
    assert "abcdef" not in text
    assert log_file.stat().st_mode & 0o077 == 0


def test_format_crash_has_frames_not_locals() -> None:
    def boom() -> None:
        client_name = "Marker Person"  # a local that must not be logged
        raise RuntimeError(f"failed on record {len(client_name)}")

    try:
        boom()
    except RuntimeError as exc:
        text = format_crash(type(exc), exc, exc.__traceback__)
    assert "RuntimeError" in text and "boom" in text
    assert "Marker Person" not in text.split("raise RuntimeError")[0].split("client_name =")[0]


def test_excepthook_logs_without_dialog(log_file) -> None:
    handler = CrashHandler(log_file, show_dialog=False)
    handler.install()
    try:
        try:
            raise LookupError("record 42 missing")
        except LookupError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        handler.uninstall()
    _flush()
    assert handler.crashes == 1
    text = log_file.read_text()
    assert "Unhandled LookupError" in text and "record 42 missing" in text


def test_thread_exceptions_are_logged(log_file) -> None:
    handler = CrashHandler(log_file, show_dialog=True)
    handler.install()
    try:
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
    finally:
        handler.uninstall()
    assert handler.crashes == 1


def test_excepthook_shows_dialog(qtbot, log_file) -> None:
    quit_called: list[bool] = []
    handler = CrashHandler(log_file, on_quit=lambda: quit_called.append(True))
    seen: list[CrashDialog] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CrashDialog)
        seen.append(dialog)
        assert str(log_file) in dialog.path_label.text()
        assert_accessible(dialog)
        dialog.quit_button.click()

    QTimer.singleShot(50, close_dialog)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)
    assert seen and quit_called == [True]
