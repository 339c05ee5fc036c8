"""Logging: a rotating file in the per-user log folder, with secrets redacted.

Rule (no case content in logs): log ids, counts, kinds and exception types, never record text,
client names, passphrases or keys. Exception messages are logged, so our own exceptions must
not put case content in their messages (name the record id or field instead). The
`RedactingFilter` is a safety net for passphrase/key arguments, not a licence to log them.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

import platformdirs
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from msp_desktop.services.files import make_private, make_private_dirs

APP_NAME = "MSP Desktop"
LOG_FILE = "msp-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
REDACTED = "[redacted]"

_SECRET_WORDS = r"(?:passphrase|password|passwd|secret|identity|data_key|key|token)"
_PATTERNS = (
    # passphrase='x', key: x, "password": "x", key=x'abcd'
    re.compile(
        r"(?i)(\b(?:[\w-]*[_-])?" + _SECRET_WORDS + r"\b['\"]?\s*[:=]\s*)"
        r"(x?'[^']*'|\"[^\"]*\"|[^\s,;)}\]]+)"
    ),
    # SQLCipher raw keys given as x'hex'
    re.compile(r"(?i)(x)'[0-9a-f]{32,}'"),
    # age secret keys
    re.compile(r"()AGE-SECRET-KEY-1[0-9A-Z]+"),
    # long hex or base64 runs (keys, salts, derived material)
    re.compile(r"()\b[0-9a-fA-F]{48,}\b"),
    re.compile(r"()\b(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{43,}={0,2}"),
)


def default_log_dir() -> Path:
    """Return the platform's per-user log folder for the app."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def redact(text: str) -> str:
    """Replace anything that looks like a passphrase or key with [redacted]."""
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
    return text


class RedactingFilter(logging.Filter):
    """Redacts the formatted message and traceback of every record it passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is owner-only (0600), also the fresh file each
    rotation starts (the standard handler creates it with the umask's mode, often 0644)."""

    def _open(self) -> io.TextIOWrapper:
        stream = io.TextIOWrapper(
            open(self.baseFilename, self.mode + "b", opener=_private_opener),  # noqa: SIM115
            encoding=self.encoding, errors=self.errors,
        )
        make_private(Path(self.baseFilename))
        return stream


def setup_logging(log_dir: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Log to a rotating file (owner-only folder and files); return the log file path.
    Idempotent."""
    folder = log_dir if log_dir is not None else default_log_dir()
    make_private_dirs(folder)
    make_private(folder)  # an existing folder too
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "msp_log_path", None) == path:
            return path
    handler = PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.msp_log_path = path  # type: ignore[attr-defined]
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(min(root.level, level) if root.level else level)
    for old in [path, *(path.with_name(f"{path.name}.{i}") for i in range(1, BACKUP_COUNT + 1))]:
        make_private(old)  # files an older version left readable to others
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "propagateSizeHints" in message:  # harmless offscreen-plugin noise
        return
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages() -> None:
    """Send Qt's own warnings to the log instead of stderr."""
    qInstallMessageHandler(_qt_message)
