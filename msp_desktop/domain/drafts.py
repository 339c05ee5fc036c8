"""An autosaved draft: work in progress that is not a revision yet (design.md §4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Draft:
    draft_id: str
    kind: str
    record_id: str | None
    case_id: str | None
    base_heads: tuple[str, ...]
    payload: dict[str, Any]
    updated_at: str
