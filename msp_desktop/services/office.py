"""The office's own keys: the recovery identity (kept offline) and the public card that
laptops trust."""

from __future__ import annotations

from pathlib import Path

from msp_desktop.sync.cards import OfficeKeys, generate_office_keys

__all__ = ["OfficeKeys", "keygen"]


def keygen(outdir: Path, name: str) -> OfficeKeys:
    """Write office-identity.txt (secret, 0600) and office-card.json into outdir."""
    return generate_office_keys(outdir, name)
