"""Shared helpers for the sync tests: fast-KDF vaults that trust each other, bundle delivery,
and the views every replica must agree on."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from msp_desktop.services import cases, records
from msp_desktop.services import sync as sync_service
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from tests.unit.conftest import FakeClock, note_payload

PASS = "sync-test-passphrase"
T0 = 1_767_000_000_000  # 2025-12-29, midday-ish UTC


def make_session(folder: Path, index: int, skew_ms: int = 0) -> Session:
    return Session.create(
        folder, PASS, kdf=KdfParams.fast(), author=f"worker{index}",
        device_name=f"Laptop {index}", clock=FakeClock(T0 + skew_ms),
    )


def make_replicas(root: Path, n: int, skews: Sequence[int] | None = None) -> list[Session]:
    """n vaults, each trusting every other one's card (fingerprints checked, as a person
    would)."""
    skews = list(skews) if skews is not None else [0] * n
    sessions = [make_session(root / f"vault{i}", i, skews[i]) for i in range(n)]
    for a in sessions:
        for b in sessions:
            if a is not b:
                sync_service.trust(a, sync_service.my_card(b))
    return sessions


def close_all(sessions: Sequence[Session]) -> None:
    for s in sessions:
        if s.is_open:
            s.close()


def open_case(s: Session, family: str = "Pritchard") -> tuple[str, str]:
    """(case id, person id)."""
    saved = cases.open_case(
        s, {"family_name": family, "given_names": "Eirlys", "jurisdiction": "ENG"},
        {"status": "enquiry_in_progress", "opened_at": "2026-01-10"},
    )
    return saved.state.record_id, str(saved.state.payload["person_id"])


def finalised_note(s: Session, case_id: str) -> str:
    return records.create_and_finalise(s, "contact_note", note_payload(case_id)).state.record_id


def export_to(s: Session, out: Path, others: Sequence[Session], **kw: Any) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    cards = [sync_service.my_card(o) for o in others]
    return sync_service.export_bundles(s, out, cards, **kw).paths


def revision_ids(s: Session) -> set[str]:
    return {r[0] for r in s.conn.execute("SELECT revision_id FROM revisions")}


def conflict_view(s: Session) -> list[tuple[Any, ...]]:
    """What the conflict queue shows, reduced to what must be equal everywhere (as a set:
    the queue is sorted by time, and two records can carry the same HLC)."""
    return sorted(
        (item.record_id, item.kind, tuple(
            (f.field, repr(f.base), tuple((c.revision_id, repr(c.value)) for c in f.candidates))
            for f in item.fields))
        for item in sync_service.conflicts(s)
    )


def record_view(s: Session, record_id: str) -> tuple[Any, ...]:
    state = records.get(s, record_id)
    return (state.status, state.title, state.sort_date, repr(sorted(state.payload.items())),
            tuple(sorted(state.heads)), repr(state.conflicts), state.created_hlc,
            state.updated_hlc, state.created_by, state.updated_by)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vault_files(folder: Path) -> dict[str, str]:
    """sha256 of every file of a vault folder, except SQLite's shared-memory index (which a
    reader may touch; it holds no data)."""
    return {str(p.relative_to(folder)): sha256_file(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm")}
