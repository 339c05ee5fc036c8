"""Shared helpers for the vault tests (fast KDF, fake migration steps, file snapshots)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.storage.vault import Vault

FAST = KdfParams.fast()
PASS = "correct horse battery staple"
MARKER = "ZZ-MARKER-Gwenllian-ŵŷ-93731"


def step_notes(conn: Any) -> None:
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")


def step_tags(conn: Any) -> None:
    conn.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, note_id INTEGER REFERENCES notes)")


STEPS = [step_notes]


def make_vault(folder: Path, *, steps: list[Any] | None = None, **kw: Any) -> Vault:
    return Vault.create(folder, PASS, kdf=FAST, migrations=STEPS if steps is None else steps,
                        **kw)


def unlock(folder: Path, passphrase: str = PASS, *, steps: list[Any] | None = None) -> Vault:
    return Vault.unlock(folder, passphrase, migrations=STEPS if steps is None else steps)


def add_notes(vault: Vault, n: int, text: str = "note") -> None:
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO notes (body) VALUES (?)", [(f"{text} {i} " + "x" * 300,) for i in range(n)]
        )


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under folder: relative path -> (sha256, size, mtime_ns)."""
    out: dict[str, tuple[str, int, int]] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (
                hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns
            )
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
