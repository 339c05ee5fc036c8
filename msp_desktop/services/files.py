"""Owner-only files and folders for the layers above the services (ui/, app.py), which never
import storage/ themselves: the same rules the vault folder follows (folder 0700, file 0600,
never through a link, never another user's file)."""

from __future__ import annotations

from msp_desktop.storage.atomic import make_private, make_private_dirs

__all__ = ["make_private", "make_private_dirs"]
