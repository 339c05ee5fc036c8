"""The exports of one case, from its workspace: the case record PDF and the subject-access
copy, each through the plaintext-export dialog (ui/export_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from msp_desktop.domain.sac import case_reference
from msp_desktop.services import exports
from msp_desktop.ui.export_dialog import ExportJob, dated_stem

PROFILES = ("full", "sar")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseExports", text)


def case_record_job(case_id: str, profile: str) -> ExportJob:
    """The export job of a case record PDF: "full" (the whole record) or "sar" (a
    subject-access copy with other people's details withheld)."""
    if profile not in PROFILES:
        raise ValueError(f"unknown case record profile {profile!r}")
    ref = case_reference(case_id)
    if profile == "sar":
        return ExportJob(
            title=_tr("Subject-access copy (PDF)"),
            what=_tr(
                "A copy of this case for a subject-access request. The names and details of"
                " other people (relatives and others involved, the person alleged to have"
                " caused harm, the referrer) are withheld, and a list at the end says what was"
                " withheld and why, for your information-governance officer to check."
                " Changes not yet saved are not included."),
            stem=dated_stem("subject-access", ref), suffix=".pdf",
            write=lambda session, path: exports.case_record_pdf(
                session, case_id, path, profile="sar"))
    return ExportJob(
        title=_tr("Export case record (PDF)"),
        what=_tr(
            "The whole case record as a PDF: the adult and what matters to them, then the"
            " chronology, conversations, consent, capacity and best interests, risk and plan,"
            " enquiry and closure. Changes not yet saved are not included."),
        stem=dated_stem("case-record", ref), suffix=".pdf",
        write=lambda session, path: exports.case_record_pdf(
            session, case_id, path, profile="full"))
