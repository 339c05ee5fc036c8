"""Exports: each one gathers a view of the vault, hands it to a pure renderer in export/ that
writes one file atomically, and records the export in the audit log (ids and a content hash,
never content)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from msp_desktop.export import pdf
from msp_desktop.export.meta import ExportMeta
from msp_desktop.services import cases
from msp_desktop.services.session import Session


@dataclass(frozen=True)
class ExportResult:
    path: Path
    export_id: str
    sha256: str


def case_summary_pdf(session: Session, case_id: str, dest: Path) -> ExportResult:
    """The short case summary PDF (desired outcomes, then conversations)."""
    view = cases.case_view(session, case_id, audit=False)
    meta = ExportMeta.new(session.author, session.clock.now())
    path = pdf.write_case_summary(
        Path(dest), person_name=view.person_name or "Unnamed adult",
        outcomes=view.overview.outcomes, notes=view.of_kind("contact_note"), meta=meta,
    )
    return _audited(session, path, meta, case_id=case_id, format="pdf", profile="summary")


def _audited(
    session: Session, path: Path, meta: ExportMeta, *, case_id: str | None, **detail: str
) -> ExportResult:
    digest = _sha256(path)
    with session.write():
        session.log("export", entity_kind="case" if case_id else None, entity_id=case_id,
                    case_id=case_id,
                    detail={**detail, "export_id": meta.export_id, "sha256": digest})
    return ExportResult(path, meta.export_id, digest)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
