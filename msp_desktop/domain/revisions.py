"""The revision model: immutable, content-addressed, signed revisions and the current state of
a record derived from them (design.md §4). Pure values; storage and sync both build on them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.canonical import encode, sha256_hex
from msp_desktop.domain.merge import FieldConflict, Node
from msp_desktop.domain.status import FINAL_STATUSES

REVISION_SCHEMA_VERSION = 1


class Op(enum.StrEnum):
    """What a revision did to its record."""

    CREATE = "create"
    EDIT = "edit"
    FINALISE = "finalise"
    AMEND = "amend"
    RESOLVE = "resolve"  # a person's resolution of a conflict; its parents are all heads


OPS = frozenset(Op)


@dataclass(frozen=True)
class Revision:
    revision_id: str
    record_id: str
    kind: str
    op: str
    parents: tuple[str, ...]
    author: str
    device_id: str
    device_seq: int
    hlc: str
    payload: dict[str, Any]
    reason: str | None
    amendment_type: str | None
    schema_version: int
    signature: bytes

    def body(self) -> dict[str, Any]:
        return revision_body(
            record_id=self.record_id, kind=self.kind, op=self.op, parents=self.parents,
            author=self.author, device_id=self.device_id, device_seq=self.device_seq,
            hlc=self.hlc, payload=self.payload, reason=self.reason,
            amendment_type=self.amendment_type, schema_version=self.schema_version,
        )

    def node(self) -> Node:
        return Node(self.revision_id, self.parents, self.hlc, self.device_id, self.payload)

    def to_json(self) -> dict[str, Any]:
        data = self.body()
        data["revision_id"] = self.revision_id
        data["signature"] = self.signature.hex()
        return data


def revision_from_json(data: Mapping[str, Any]) -> Revision:
    return Revision(
        revision_id=data["revision_id"], record_id=data["record_id"], kind=data["kind"],
        op=data["op"], parents=tuple(data["parents"]), author=data["author"],
        device_id=data["device_id"], device_seq=data["device_seq"], hlc=data["hlc"],
        payload=dict(data["payload"]), reason=data.get("reason"),
        amendment_type=data.get("amendment_type"), schema_version=data["schema_version"],
        signature=bytes.fromhex(data["signature"]),
    )


def revision_body(**fields: Any) -> dict[str, Any]:
    body = dict(fields)
    body["parents"] = sorted(body["parents"])
    return body


def revision_id_for(body: Mapping[str, Any], *, check: bool = True) -> str:
    """SHA-256 of the canonical encoding of everything but the id and the signature.
    check=False: the body is known to hold no floats (see canonical.dumps)."""
    return sha256_hex(encode(dict(body), check=check))


@dataclass(frozen=True)
class RecordState:
    """A record as it stands: the merged payload of its heads, and how it got there."""

    record_id: str
    kind: str
    case_id: str | None
    status: str
    title: str
    sort_date: str | None
    payload: dict[str, Any]
    heads: tuple[str, ...]
    conflicts: tuple[FieldConflict, ...]
    created_hlc: str
    updated_hlc: str
    created_by: str
    updated_by: str

    @property
    def finalised(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def in_conflict(self) -> bool:
        return bool(self.conflicts)
