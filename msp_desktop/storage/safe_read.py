"""Reading small input files (office identity, recovery request and reply) without trusting
them: only regular files, never more than a small limit. An identity "file" of /dev/zero or a
named pipe must fail at once with a clear message, not hang or fill memory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from msp_desktop.storage.atomic import O_BINARY, O_NOFOLLOW
from msp_desktop.storage.errors import InputFileRejected

# Genuine files are far below this: an office identity is about 500 bytes, a recovery request
# or reply about 1 KiB, a key file about 1 KiB.
SMALL_FILE_LIMIT = 64 * 1024


class UnsafeFile(Exception):
    """read_capped refused the file itself (not an OSError): see the subclasses."""


class NotRegularFile(UnsafeFile):
    """A FIFO, device, folder or other special file where a plain file should be."""


class FileTooLarge(UnsafeFile):
    """Larger than the caller's limit: far too large to be the file meant."""


def read_capped(path: Path | str, limit: int = SMALL_FILE_LIMIT, *, nofollow: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. The low-level reader every
    small-file reader wraps with its own errors: raises OSError (FileNotFoundError when
    missing; with ``nofollow``, a symbolic link fails to open, ELOOP on POSIX),
    NotRegularFile or FileTooLarge. Opening is non-blocking, so a FIFO with no writer is
    refused at once instead of hanging; a file that grows while read is never read past
    the limit."""
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | O_BINARY
             | (O_NOFOLLOW if nofollow else 0))
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        if st.st_size > limit:
            raise FileTooLarge(f"{path}: larger than {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the size can change under us: never read past the limit
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileTooLarge(f"{path}: larger than {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_small_file(path: Path | str, *, what: str, limit: int = SMALL_FILE_LIMIT) -> bytes:
    """Return the bytes of a regular file of at most ``limit`` bytes, else InputFileRejected
    (exit 4) naming the file. ``what`` is a plain name for messages ("the identity file").
    A file the user chose: a symbolic link to it is followed."""
    try:
        return read_capped(path, limit, nofollow=False)
    except FileNotFoundError:
        raise InputFileRejected(
            f"{path}: not found",
            user_message=f"Cannot read {what} {path}: the file does not exist.",
        ) from None
    except NotRegularFile:
        raise InputFileRejected(
            f"{path}: not a regular file",
            user_message=f"Cannot use {what} {path}: it is not an ordinary file.",
        ) from None
    except FileTooLarge:
        raise InputFileRejected(
            f"{path}: larger than {limit} bytes",
            user_message=f"Cannot use {what} {path}: it is larger than {limit // 1024} KiB, "
            "far too large to be the right file.",
        ) from None
    except OSError as exc:
        raise InputFileRejected(
            f"{path}: {exc.strerror}",
            user_message=f"Cannot read {what} {path}: {exc.strerror or 'it cannot be read'}.",
        ) from None


def read_small_text(path: Path | str, *, what: str, limit: int = SMALL_FILE_LIMIT) -> str:
    """The file's text (UTF-8), with the same checks as read_small_file."""
    raw = read_small_file(path, what=what, limit=limit)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputFileRejected(
            f"{path}: not UTF-8 text",
            user_message=f"Cannot use {what} {path}: it is not a text file.",
        ) from None
