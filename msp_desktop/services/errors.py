"""Errors the services raise, for the UI and CLI to show.

The vault's and the cards' error classes are re-exported here: callers above the services
(ui/, cli.py, app.py) catch them from this module and never import storage/ or sync/;
is_disk_full tells them whether any exception means a full disk (DiskFull's message).
"""

from __future__ import annotations

from msp_desktop.domain.fields import Problem
from msp_desktop.storage.errors import (
    DiskFull,
    EncryptionUnavailable,
    KeyFileUnreadable,
    MigrationFailed,
    RecoveryFailed,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from msp_desktop.storage.vault import is_disk_full
from msp_desktop.sync.cards import CardInvalid

__all__ = [
    "CardInvalid", "DiskFull", "EncryptionUnavailable", "KeyFileUnreadable",
    "MigrationFailed", "RecoveryFailed",
    "ValidationFailed", "VaultDamaged", "VaultError", "VaultExists", "VaultInUse",
    "VaultNotFound", "VaultTooNew", "WrongPassphrase", "is_disk_full",
]


class ValidationFailed(Exception):
    """The record does not meet the rules; each problem names its field."""

    def __init__(self, problems: list[Problem], action: str = "save") -> None:
        self.problems = problems
        lines = "\n".join(f"- {p.message}" for p in problems)
        super().__init__(f"This record cannot be {action}d yet:\n{lines}")
