"""One process per vault (DUR-7).

An OS advisory lock on ``vault.lock``: flock on POSIX, msvcrt.locking on Windows. The OS drops
the lock when the process dies (even by SIGKILL), so a stale file left by a crash never blocks;
the file itself is never deleted (deleting lock files races with a concurrent opener).
flock locks belong to the open file description, so a second open in the same process is
refused too. Nothing is written into the file: taking the lock must not change any file.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from msp_desktop.storage.errors import VaultError, VaultInUse

LOCK_FILE = "vault.lock"


class VaultLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, create: bool = True) -> None:
        if self._fd is not None:
            return
        flags = os.O_RDWR | (os.O_CREAT if create else 0)
        if sys.platform == "win32":
            flags |= os.O_BINARY
        fd = os.open(self.path, flags, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            if _is_contention(exc):
                raise VaultInUse(str(self.path)) from None
            # e.g. ENOLCK on a network file system: not "in use", and not safe either.
            raise VaultError(
                f"cannot lock {self.path}: {exc.strerror}",
                user_message="The vault folder cannot be locked. Keep the vault on a local "
                "disk (not a network or cloud-synced folder) and try again.",
            ) from exc
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> VaultLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _is_contention(exc: OSError) -> bool:
        return exc.errno in (errno.EACCES, errno.EDEADLOCK)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _is_contention(exc: OSError) -> bool:
        return exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
