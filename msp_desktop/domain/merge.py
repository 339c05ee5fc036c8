"""Per-field three-way merge of a record with several heads.

Concurrency is decided by parent links only. Fields changed on one side merge; the same field
changed to different values is a conflict that a person resolves. Every replica computes the
same result from the same revisions, whatever order they arrived in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.canonical import dumps

_MISSING: Any = object()


def _stored_form(value: Any) -> str | None:
    """A value as stored, to compare by: its canonical text (Python's `1 == True == 1.0` must
    not make two different writes look like one); None for a field that is absent."""
    return None if value is _MISSING else dumps(value, check=False)


@dataclass(frozen=True)
class Node:
    revision_id: str
    parents: tuple[str, ...]
    hlc: str
    device_id: str
    payload: Mapping[str, Any]


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any  # value in the common ancestor (None if absent)
    candidates: tuple[tuple[str, Any], ...]  # (revision_id, value), deterministic order


@dataclass(frozen=True)
class MergeResult:
    payload: dict[str, Any]
    conflicts: tuple[FieldConflict, ...]


def ancestors(start: str, lookup: Callable[[str], Node | None]) -> set[str]:
    """All revision ids reachable from start, start included."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        rid = stack.pop()
        if rid in seen:
            continue
        seen.add(rid)
        node = lookup(rid)
        if node is not None:
            stack.extend(node.parents)
    return seen


def _order_key(node: Node) -> tuple[str, str, str]:
    return (node.hlc, node.device_id, node.revision_id)


def common_base(heads: Sequence[Node], lookup: Callable[[str], Node | None]) -> Node | None:
    """The most recent common ancestor of all heads (deterministic if several)."""
    sets = [ancestors(h.revision_id, lookup) for h in heads]
    common = set.intersection(*sets) if sets else set()
    if not common:
        return None
    # Keep only common ancestors that are not ancestors of another common ancestor.
    best: set[str] = set(common)
    for rid in common:
        node = lookup(rid)
        if node is None:
            continue
        for parent in node.parents:
            best -= ancestors(parent, lookup) & common
    nodes = [n for n in (lookup(r) for r in best) if n is not None]
    return max(nodes, key=_order_key) if nodes else None


def merge(heads: Sequence[Node], lookup: Callable[[str], Node | None]) -> MergeResult:
    ordered = sorted(heads, key=_order_key)
    if len(ordered) == 1:
        return MergeResult(dict(ordered[0].payload), ())
    base = common_base(ordered, lookup)
    base_payload: Mapping[str, Any] = base.payload if base else {}
    names = sorted({k for h in ordered for k in h.payload} | set(base_payload))
    merged: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in names:
        base_value = base_payload.get(name, _MISSING)
        base_form = _stored_form(base_value)
        changed: list[tuple[Node, Any]] = []
        by_form: dict[str | None, Any] = {}  # each distinct new value, first seen kept
        for h in ordered:
            head_value = h.payload.get(name, _MISSING)
            form = _stored_form(head_value)
            if form != base_form:
                changed.append((h, head_value))
                by_form.setdefault(form, head_value)
        distinct = list(by_form.values())
        if not distinct:
            value = base_value
        elif len(distinct) == 1:
            value = distinct[0]
        else:
            conflicts.append(
                FieldConflict(
                    field=name,
                    base=None if base_value is _MISSING else base_value,
                    candidates=tuple(
                        (h.revision_id, None if v is _MISSING else v) for h, v in changed
                    ),
                )
            )
            # Show the latest-ordered candidate meanwhile; it is flagged, never silently chosen.
            value = changed[-1][1]
        if value is not _MISSING:
            merged[name] = value
    return MergeResult(merged, tuple(conflicts))
