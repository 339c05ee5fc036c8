"""Atomic file writes for every non-SQLite file (DUR-5).

Temp file in the same directory, write, flush, fsync, rename, fsync the directory: a crash
leaves either the old bytes or the complete new bytes, never a truncated file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

TMP_SUFFIX = ".tmp"
# os.open flags that exist only on some systems (0 elsewhere): binary mode on Windows, and
# "fail rather than follow a symbolic link" on POSIX.
O_BINARY = getattr(os, "O_BINARY", 0)
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def fsync_dir(path: Path) -> None:
    """Make a rename/create in ``path`` durable. Windows cannot open directories; NTFS
    journals metadata, so skipping it there is the accepted practice."""
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(
    path: Path,
    *,
    mode: int = 0o600,
    overwrite: bool = True,
) -> Iterator[BinaryIO]:
    """Write ``path`` atomically through the yielded file: it appears, complete and with
    ``mode``, only when the block ends without an exception; otherwise nothing changes.

    overwrite=False: fail with FileExistsError instead of replacing an existing file.
    """
    path = Path(path)
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            # Permissions before any byte is written (mkstemp makes 0600; mode may loosen it).
            os.chmod(tmp, mode)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite:
            _link_no_overwrite(tmp, path)
        else:
            os.replace(tmp, path)
        fsync_dir(directory)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    mode: int = 0o600,
    overwrite: bool = True,
) -> None:
    """Replace ``path`` with ``data`` atomically (see atomic_writer)."""
    with atomic_writer(path, mode=mode, overwrite=overwrite) as fh:
        fh.write(data)


def _link_no_overwrite(tmp: Path, path: Path) -> None:
    # A hard link fails atomically if the target exists; os.replace would silently overwrite.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links: best effort (the race window is tiny).
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)


def remove_if_present(path: Path) -> bool:
    """Unlink ``path``; a file already gone is fine. Returns whether there was one."""
    try:
        Path(path).unlink()
    except FileNotFoundError:
        return False
    return True


def remove_durably(path: Path) -> None:
    """remove_if_present, then fsync the folder so the removal survives a crash."""
    if remove_if_present(path):
        fsync_dir(Path(path).parent)


# tempfile.mkstemp names: prefix + 8 characters from this alphabet + suffix.
_TMP_RANDOM = r"[a-z0-9_]{8}"


def clean_orphan_temps(
    directory: Path, names: Sequence[str] | None = None
) -> list[Path]:
    """Remove temp files a crash left behind: only regular files named exactly as our writers
    name them, ``.<target name>.<8 random characters>.tmp``. With ``names``, only temps of
    those target files. A user's ``.notes.tmp``, a link, or a folder is never touched."""
    removed: list[Path] = []
    if not directory.is_dir() or (names is not None and not names):
        return removed
    target = "|".join(re.escape(n) for n in names) if names is not None else r"[^/\\]+"
    pattern = re.compile(rf"\.(?:{target})\.{_TMP_RANDOM}{re.escape(TMP_SUFFIX)}")
    for entry in directory.iterdir():
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.stat(entry, follow_symlinks=False).st_mode):
                entry.unlink()
                removed.append(entry)
    return removed


def _ours(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _only_our_files(folder: Path, nested: str | None = None) -> bool:
    """Whether ``folder`` holds nothing but regular files of this user (and, with ``nested``,
    one folder of that name holding the same): never a link, never anything else."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return False
    for entry in entries:
        try:
            st = os.stat(entry, follow_symlinks=False)
        except OSError:
            return False
        if not _ours(st):
            return False
        if stat.S_ISDIR(st.st_mode) and entry.name == nested:
            if not _only_our_files(entry):
                return False
        elif not stat.S_ISREG(st.st_mode):
            return False
    return True


def clean_export_leftovers(dest: Path) -> list[Path]:
    """Remove what an export to ``dest`` killed part-way left beside it, plaintext that
    nobody would otherwise find: the temp file atomic_writer names ``.<name>.XXXXXXXX.tmp``,
    the temp folder atomic_folder names the same way, and the ``.<name>.XXXXXXXX.old`` folder
    a replaced report steps aside into. Only this user's, only regular files inside (a folder
    holding a link, a subfolder or another user's file is left alone), never through a link.
    Returns what was removed."""
    dest = Path(dest)
    parent = dest.parent
    removed: list[Path] = []
    if not dest.name or not parent.is_dir():
        return removed
    pattern = re.compile(
        rf"\.{re.escape(dest.name)}\.{_TMP_RANDOM}(?P<end>{re.escape(TMP_SUFFIX)}|\.old)")
    for entry in parent.iterdir():
        m = pattern.fullmatch(entry.name)
        if m is None:
            continue
        try:
            st = os.stat(entry, follow_symlinks=False)
        except OSError:
            continue
        if not _ours(st):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(st.st_mode) and m["end"] == TMP_SUFFIX:
                entry.unlink()
                removed.append(entry)
            elif stat.S_ISDIR(st.st_mode) and _only_our_files(
                    entry, nested=dest.name if m["end"] == ".old" else None):
                shutil.rmtree(entry)
                removed.append(entry)
    return removed


# --- owner-only files and folders ---------------------------------------------------------


def make_private(path: Path) -> None:
    """Owner-only permissions (folder 0700, file 0600) when looser; POSIX only, and only on
    what we own, never through a symbolic link. Best effort: a failure here must not stop
    the caller (opening a vault, writing a log)."""
    if os.name != "posix":
        return
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return
    if stat.S_ISLNK(st.st_mode) or st.st_uid != os.getuid():
        return
    want = 0o700 if stat.S_ISDIR(st.st_mode) else 0o600
    if stat.S_IMODE(st.st_mode) & ~want:
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IMODE(st.st_mode) & want)


def make_private_dirs(folder: Path) -> list[Path]:
    """Create ``folder`` and any missing parents, each owner-only (0700); return the ones this
    call created, outermost first (a folder another process made meanwhile is not ours)."""
    missing: list[Path] = []
    p = Path(folder)
    while not os.path.lexists(p) and p != p.parent:
        missing.append(p)
        p = p.parent
    made: list[Path] = []
    for d in reversed(missing):
        try:
            d.mkdir(mode=0o700)
        except FileExistsError:
            continue
        made.append(d)
        make_private(d)  # mkdir's mode is reduced by the umask, never widened: be exact
    return made


# --- a folder of files, all or nothing ------------------------------------------------------


class FolderNotEmpty(FileExistsError):
    """The destination folder exists and holds files: an export never mixes with them."""


def check_folder_free(dest: Path, replaceable: Sequence[str] = ()) -> None:
    """Raise FolderNotEmpty unless ``dest`` is missing, an empty folder, or a folder holding
    only files named in ``replaceable``."""
    dest = Path(dest)
    if os.path.lexists(dest):
        if not dest.is_dir() or dest.is_symlink():
            raise FolderNotEmpty(f"{dest} exists and is not a folder")
        if any(p.name not in replaceable for p in dest.iterdir()):
            raise FolderNotEmpty(f"{dest} already holds other files")


@contextlib.contextmanager
def atomic_folder(dest: Path, *, replaceable: Sequence[str] = ()) -> Iterator[Path]:
    """Build a folder of files in a temporary sibling folder (write each file there with
    atomic_writer) and move it to ``dest`` only when the block ends without an exception: a
    failed or interrupted build leaves ``dest`` as it was.

    ``dest`` may be missing, an empty folder, or a folder holding nothing but files named in
    ``replaceable`` (the previous run of the same report), which is then replaced; any other
    existing ``dest`` raises FolderNotEmpty (a FileExistsError) before anything is written."""
    dest = Path(dest)
    check_folder_free(dest, replaceable)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=TMP_SUFFIX, dir=dest.parent))
    try:
        yield tmp
        for entry in tmp.iterdir():
            fsync_file(entry)
        fsync_dir(tmp)
        check_folder_free(dest, replaceable)  # again: something may have appeared meanwhile
        if os.path.lexists(dest):
            # Swap: the old folder steps aside, the new one takes its name, the old one goes.
            aside = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".old",
                                          dir=dest.parent))
            os.replace(dest, aside / dest.name)
            os.replace(tmp, dest)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(tmp, dest)
        fsync_dir(dest.parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
