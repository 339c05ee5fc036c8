"""Where an export may be written: one check every export service makes before it writes a
byte (JSON, CSV, the case record PDF, the SAC report).

- never inside the vault's own folder (an export there could replace keyslots.json or the
  database, and plaintext would sit beside the encrypted vault);
- a file export never replaces an existing file unless the caller says so (`overwrite`), and
  an existing folder given as a file is refused by its own name (not a temp file's);
- a folder export's folder must be missing, empty, or (for a report that replaces its own
  previous run) hold only the files named in `replaceable`.
Each check first removes what an earlier export to the same name, killed part-way, left
beside it (storage.atomic.clean_export_leftovers): hidden temp files and folders of plaintext.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from msp_desktop.storage.atomic import (
    FolderNotEmpty,
    check_folder_free,
    clean_export_leftovers,
)

__all__ = ["ExportTargetRefused", "FolderNotEmpty", "check_file_target", "check_folder_target"]


class ExportTargetRefused(ValueError):
    """The destination cannot be used; nothing was written. The message says why and what
    to do, in words for the person exporting."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


def _inside(dest: Path, folder: Path) -> bool:
    d, f = dest.resolve(), folder.resolve()
    return d == f or f in d.parents


def _check_outside_vault(dest: Path, vault_folder: Path) -> None:
    if _inside(dest, vault_folder):
        raise ExportTargetRefused(
            f"{dest} is inside the vault folder {vault_folder}. Save exports somewhere else "
            "(for example your documents folder); nothing was written.")


def check_file_target(dest: Path, vault_folder: Path, *, overwrite: bool = False) -> None:
    """Raise ExportTargetRefused unless `dest` may be written as one export file."""
    dest = Path(dest)
    _check_outside_vault(dest, vault_folder)
    clean_export_leftovers(dest)
    if dest.is_dir():
        raise ExportTargetRefused(
            f"{dest} is a folder; give a file name inside it (for example "
            f"{dest / 'export'}{dest.suffix or ''}). Nothing was written.")
    if os.path.lexists(dest) and not overwrite:
        raise ExportTargetRefused(
            f"{dest} already exists; choose a new file name (or delete the old file first). "
            "Nothing was written.")


def check_folder_target(
    dest: Path, vault_folder: Path, replaceable: Sequence[str] = ()
) -> None:
    """Raise ExportTargetRefused if `dest` is inside the vault folder, FolderNotEmpty (a
    FileExistsError) if it holds other files."""
    dest = Path(dest)
    _check_outside_vault(dest, vault_folder)
    clean_export_leftovers(dest)
    check_folder_free(dest, replaceable)
