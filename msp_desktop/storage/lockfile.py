"""One process per vault (DUR-7).

An OS advisory lock on ``vault.lock``: flock on POSIX, msvcrt.locking on Windows. The OS drops
the lock when the process dies (even by SIGKILL), so a stale file left by a crash never blocks;
the file itself is never deleted (deleting lock files races with a concurrent opener).
flock locks belong to the open file description, so a second open in the same process is
refused too. Nothing is written into the file: taking the lock must not change any file.

The lock file is opened without following symbolic links (O_NOFOLLOW): a link planted in the
vault folder cannot make us create or lock a file elsewhere. After the lock is taken, the file
we locked must still be the one at ``path`` (same device and inode); otherwise another process
removed it in between (only a failed ``vault init`` removes its own lock file, while holding
it) and we try again, so two processes can never hold "the" lock on two different files.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from msp_desktop.storage.atomic import O_BINARY, O_NOFOLLOW
from msp_desktop.storage.errors import VaultError, VaultInUse

LOCK_FILE = "vault.lock"
_ATTEMPTS = 5


class VaultLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self.created = False  # the last successful acquire() made the file

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, create: bool = True) -> None:
        if self._fd is not None:
            return
        for _ in range(_ATTEMPTS):
            fd, made = self._open(create)
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
            if same_file(fd, self.path):
                self._fd = fd
                self.created = made
                return
            # The file was removed (or replaced) between our open and our lock: not ours.
            _unlock(fd)
            os.close(fd)
        raise VaultInUse(f"{self.path} keeps changing")

    def _open(self, create: bool) -> tuple[int, bool]:
        """Open the lock file, never through a symbolic link; (fd, this call created it)."""
        base = os.O_RDWR | O_NOFOLLOW | O_BINARY
        try:
            if create:
                try:
                    return os.open(self.path, base | os.O_CREAT | os.O_EXCL, 0o600), True
                except FileExistsError:
                    pass
            return os.open(self.path, base), False
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(self.path):
                raise VaultError(
                    f"{self.path} is a symbolic link",
                    user_message="The vault folder holds a link where its lock file should be, "
                    "so it was not opened. Remove vault.lock from the vault folder (it holds "
                    "no data), or contact your IT support.",
                ) from None
            raise

    def release(self, *, remove: bool = False) -> None:
        """Drop the lock. remove=True also deletes the lock file (only a failed ``vault
        init`` does this, for a file it created): it is unlinked while still locked, so any
        process that opened it meanwhile sees it is gone and tries again."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if remove and same_file(fd, self.path):
                try:
                    os.unlink(self.path)
                except OSError:
                    pass  # e.g. Windows cannot remove an open file: an empty file stays
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> VaultLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def same_file(fd: int, path: Path) -> bool:
    """``path`` is still the regular file open as ``fd`` (same device and inode; never
    through a link)."""
    try:
        now = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return stat.S_ISREG(now.st_mode) and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


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
