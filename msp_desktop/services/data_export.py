"""Whole-vault exports for office systems: JSON (described by
resources/schemas/msp-export-1.schema.json, importable back with services/data_import.py) and
CSV (one file per record kind). Each gathers here, renders through a pure writer in export/
and is audited (ids, counts and a content hash; never case text)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from msp_desktop.domain.enums import AMENDMENT_TYPE
from msp_desktop.domain.interchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    choice_object,
    hlc_time,
    labelled,
    load_order,
)
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.revisions import RecordState, Revision
from msp_desktop.domain.status import RecordStatus
from msp_desktop.export import csv_export, json_export
from msp_desktop.export.meta import ExportMeta
from msp_desktop.services.export_target import check_file_target, check_folder_target
from msp_desktop.services.exports import (
    ExportResult,
    Written,
    audited_export,
    file_sha256,
    folder_sha256,
)
from msp_desktop.services.session import Session


def _lifecycle(session: Session) -> dict[str, dict[str, Any]]:
    """record_id -> when and by whom it was finalised, and its amendments (no payloads read)."""
    out: dict[str, dict[str, Any]] = {}
    for record_id, revision_id, op, author, hlc, reason, amendment_type in (
        session.store.lifecycle_events()
    ):
        entry = out.setdefault(record_id, {"amendments": []})
        if op == "finalise":
            entry.setdefault("finalised_at", hlc_time(hlc))
            entry.setdefault("finalised_by", author)
        elif isinstance(amendment_type, str) and amendment_type in AMENDMENT_TYPE:
            entry["amendments"].append({
                "revision_id": revision_id, "at": hlc_time(hlc), "author": author,
                "amendment_type": choice_object(AMENDMENT_TYPE, amendment_type),
                "reason": reason,
            })
    return out


def record_document(state: RecordState, events: Mapping[str, Any] | None) -> dict[str, Any]:
    """One record as the JSON export writes it."""
    status = RecordStatus(state.status)
    events = events or {}
    return {
        "record_id": state.record_id,
        "kind": state.kind,
        "case_id": state.case_id,
        "status": {"code": status.value, "label": status.label},
        "finalised": status.finalised,
        "revision_ids": list(state.heads),
        "created_at": hlc_time(state.created_hlc),
        "updated_at": hlc_time(state.updated_hlc),
        "created_by": state.created_by,
        "updated_by": state.updated_by,
        "finalised_at": events.get("finalised_at"),
        "finalised_by": events.get("finalised_by"),
        "amendments": events.get("amendments", []),
        "in_conflict": state.in_conflict,
        "payload": labelled(KINDS[state.kind], state.payload),
    }


def revision_document(rev: Revision) -> dict[str, Any]:
    return {
        "revision_id": rev.revision_id, "record_id": rev.record_id, "kind": rev.kind,
        "op": rev.op, "parents": list(rev.parents), "author": rev.author,
        "device_id": rev.device_id, "device_seq": rev.device_seq, "hlc": rev.hlc,
        "at": hlc_time(rev.hlc), "reason": rev.reason,
        "amendment_type": (choice_object(AMENDMENT_TYPE, rev.amendment_type)
                           if rev.amendment_type and rev.amendment_type in AMENDMENT_TYPE
                           else None),
        "schema_version": rev.schema_version, "signature": rev.signature.hex(),
        "payload": labelled(KINDS[rev.kind], rev.payload),
    }


class _Tally:
    """Counts and the digest of the exported record ids, as the records stream past."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self._ids = hashlib.sha256()

    def see(self, kind: str, record_id: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self._ids.update(record_id.encode("utf-8") + b"\n")

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def ids_sha256(self) -> str:
        return self._ids.hexdigest()

    def detail(self) -> dict[str, str]:
        """Audit detail (strings): counts per kind, and a digest of the record ids in export
        order, so an auditor can check a file against the entry without the log listing
        every id of a whole vault."""
        return {
            "records": str(self.total),
            "counts": ",".join(f"{k}={n}" for k, n in self.counts.items()),
            "record_ids_sha256": self.ids_sha256,
        }


def export_json(
    session: Session, dest: Path, *, history: bool = False, overwrite: bool = False
) -> ExportResult:
    """The vault's current records (with `history`, every revision too) as one JSON file.
    Never inside the vault folder; an existing file only with `overwrite`."""
    check_file_target(Path(dest), session.path, overwrite=overwrite)
    meta = ExportMeta.new(session.author, session.clock.now())
    order = load_order()
    events = _lifecycle(session)
    tally = _Tally()

    def records() -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        for kind in order:
            yield kind, _records_of(kind)

    def _records_of(kind: str) -> Iterator[dict[str, Any]]:
        for state in session.store.iter_records_of_kind(kind):
            tally.see(kind, state.record_id)
            yield record_document(state, events.get(state.record_id))

    revision_count = 0

    def _revisions_of(kind: str) -> Iterator[dict[str, Any]]:
        nonlocal revision_count
        for rev in session.store.iter_revisions_of_kind(kind):
            revision_count += 1
            yield revision_document(rev)

    revisions = ((k, _revisions_of(k)) for k in order) if history else None
    header = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "export_id": meta.export_id,
        "exported_at": meta.exported_at.isoformat(timespec="seconds"),
        "exported_by": meta.exported_by,
        "vault_id": session.vault.vault_id,
        "device_id": session.device.device_id,
        "history": history,
        "kinds": order,
    }

    def write() -> Written:
        path = json_export.write_export(Path(dest), header, records(), revisions)
        detail = tally.detail()
        if history:
            detail["revisions"] = str(revision_count)
        return file_sha256(path), detail

    return audited_export(session, Path(dest), write, meta, format="json",
                          profile="history" if history else "current")


def export_csv(session: Session, dest: Path) -> tuple[ExportResult, list[Path]]:
    """One CSV file per record kind (and per list field) in the new folder `dest`, which must
    be missing or empty (and outside the vault folder). The audit's content hash covers every
    file, by name, in order."""
    check_folder_target(Path(dest), session.path)
    meta = ExportMeta.new(session.author, session.clock.now())
    tally = _Tally()

    def kinds() -> Iterator[tuple[Any, list[RecordState]]]:
        for name in load_order():
            states = session.store.records_of_kind(name)
            for s in states:
                tally.see(name, s.record_id)
            yield KINDS[name], states

    files: list[Path] = []

    def write() -> Written:
        files.extend(csv_export.write_csv_folder(Path(dest), kinds()))
        return folder_sha256(files, hex_entries=True), {"files": str(len(files)),
                                                        **tally.detail()}

    result = audited_export(session, Path(dest), write, meta, format="csv", profile="current")
    return result, files
