"""The vault's own id, kept inside the encrypted database as well as in keyslots.json, so that
a key file put next to another vault's database is named as such (meta key ``vault_id``)."""

from __future__ import annotations

from typing import Any

from msp_desktop.storage import marks
from msp_desktop.storage.errors import KeyFileMismatch

_KEY = "vault_id"


def stored_vault_id(conn: Any) -> str | None:
    return marks.get(conn, _KEY)


def bind_vault_id(conn: Any, vault_id: str) -> None:
    """Check the database's vault id against the key file's; write it if the database has
    none yet (vaults made before it was stored). Call inside a transaction. Raises
    KeyFileMismatch when they differ."""
    stored = stored_vault_id(conn)
    if stored is None:
        marks.put(conn, _KEY, vault_id)
    elif stored != vault_id:
        raise KeyFileMismatch(f"keyslots.json is for vault {vault_id[:8]}, vault.db for "
                              f"{stored[:8]}")
