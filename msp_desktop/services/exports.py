"""Exports: each one gathers a view of the vault, hands it to a pure renderer in export/ that
writes one file atomically, and records the export in the audit log (ids and a content hash,
never content)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from msp_desktop.domain.disclosure import PROFILES
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.revisions import RecordState, Revision
from msp_desktop.export import case_record_pdf as record_pdf
from msp_desktop.export import pdf, pdf_base
from msp_desktop.export.meta import ExportMeta
from msp_desktop.services import cases, records
from msp_desktop.services.export_target import check_file_target
from msp_desktop.services.session import Session
from msp_desktop.storage.atomic import fsync_dir, remove_durably


@dataclass(frozen=True)
class ExportResult:
    path: Path
    export_id: str
    sha256: str


def case_summary_pdf(session: Session, case_id: str, dest: Path) -> ExportResult:
    """The short case summary PDF (desired outcomes, then conversations)."""
    view = cases.case_view(session, case_id, audit=False)
    meta = ExportMeta.new(session.author, session.clock.now())
    data = pdf.render_case_summary(
        person_name=view.person_name or "Unnamed adult",
        outcomes=view.overview.outcomes, notes=view.of_kind("contact_note"), meta=meta,
    )
    return _audited_write(session, Path(dest), data, meta, case_id=case_id, format="pdf",
                          profile="summary")


def case_record_pdf(
    session: Session, case_id: str, dest: Path, profile: str = "full", *,
    overwrite: bool = False,
) -> ExportResult:
    """The whole case record as a PDF. profile "sar": a subject-access copy, with third
    parties' names and details withheld and listed (domain/disclosure.py). Never inside the
    vault folder; an existing file only with `overwrite`."""
    if profile not in PROFILES:
        raise ValueError(f"Unknown profile {profile!r}: use one of {', '.join(PROFILES)}.")
    check_file_target(Path(dest), session.path, overwrite=overwrite)
    view = cases.case_view(session, case_id, audit=False)
    # Only amended records need their revisions: the PDF shows each amendment next to the
    # text it replaced.
    histories = {r.record_id: [_current(rev) for rev in records.history(session, r.record_id)]
                 for r in view.records if r.status in _AMENDED}
    person = view.overview.person
    record = record_pdf.CaseRecord(
        case=_current(view.overview.case), person=_current(person) if person else None,
        records=[_current(r) for r in view.records if r.record_id != case_id],
        histories=histories, profile=profile,
    )
    meta = ExportMeta.new(session.author, session.clock.now())
    rendered = record_pdf.render_case_record(record, meta)
    return _audited_write(session, Path(dest), rendered.data, meta, case_id=case_id,
                          kind="pdf", format="pdf", document="case_record", profile=profile,
                          content_hash=rendered.content_hash,
                          record_ids=list(rendered.record_ids), withheld=rendered.withheld)


_AMENDED = frozenset({"amended", "entered_in_error"})

_R = TypeVar("_R", RecordState, Revision)


def _current(r: _R) -> _R:
    """A payload saved before a field was coded, as the app reads it (RecordKind.upgrade),
    as the JSON and CSV exports read it: a legacy tick box prints "Yes", not "True"."""
    kind = KINDS.get(r.kind)
    return r if kind is None else replace(r, payload=kind.current(r.payload))


Written = tuple[str, Mapping[str, Any]]
"""What an export's writer returns: the SHA-256 of what it wrote (file_sha256, folder_sha256)
and any audit detail known only once it is written (counts)."""


def audited_export(
    session: Session, dest: Path, write: Callable[[], Written], meta: ExportMeta, *,
    case_id: str | None = None, **detail: Any,
) -> ExportResult:
    """Write a plaintext export (a file or a folder, by `write`, atomically) and record it in
    the audit log, in one transaction: a write that fails rolls the entry back, and if the
    entry or the transaction then fails, the new file or folder is removed: a plaintext export
    never stays on disk without its audit entry."""
    dest = Path(dest)
    written = False
    try:
        with session.write():
            try:
                digest, more = write()
            except Exception as exc:  # the export's disk, not the vault's: not a DiskFull
                raise _FileNotWritten(exc) from exc
            written = True
            session.log("export", entity_kind="case" if case_id else None, entity_id=case_id,
                        case_id=case_id, detail={**detail, **more, "export_id": meta.export_id,
                                                 "sha256": digest})
    except _FileNotWritten as failed:
        raise failed.error from None
    except BaseException:
        if written:
            _remove(dest)
        raise
    return ExportResult(dest, meta.export_id, digest)


def _audited_write(
    session: Session, dest: Path, data: bytes, meta: ExportMeta, *, case_id: str | None,
    **detail: Any,
) -> ExportResult:
    def write() -> Written:
        pdf_base.write(dest, data)
        return hashlib.sha256(data).hexdigest(), {}

    return audited_export(session, dest, write, meta, case_id=case_id, **detail)


def _remove(dest: Path) -> None:
    if dest.is_dir() and not dest.is_symlink():
        shutil.rmtree(dest, ignore_errors=True)
        fsync_dir(dest.parent)
    else:
        remove_durably(dest)


class _FileNotWritten(Exception):
    """Carries the export file's own write error out of the vault transaction (which would
    report a full export disk as the vault's disk being full)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def file_sha256(path: Path) -> str:
    """The SHA-256 of one file, as hex (read in chunks: an export may be large)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def folder_sha256(files: Iterable[Path], *, hex_entries: bool) -> str:
    """One hash of a folder export: each file's name, a NUL and its SHA-256, in the order
    given; the CSV export hashes each file as hex and a newline (hex_entries), the SAC report
    as the raw digest."""
    h = hashlib.sha256()
    for f in files:
        entry = file_sha256(f)
        h.update(f.name.encode("utf-8") + b"\0"
                 + (entry.encode("ascii") + b"\n" if hex_entries else bytes.fromhex(entry)))
    return h.hexdigest()
