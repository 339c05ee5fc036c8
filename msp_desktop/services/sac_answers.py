"""Answers to the SAC questions that the record already gives, for a form to pre-fill and the
worker to confirm (domain.md §4.8, §6.5): an enquiry's MSP and capacity answers, and the SAC
source of a risk whose detailed source has a fixed roll-up or rules the current one out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msp_desktop.domain.derive import source_sac_for, suggest_enquiry_sac
from msp_desktop.domain.enums import SOURCE_NEVER_PROVIDER
from msp_desktop.services.session import Session


def enquiry_answers(session: Session, enquiry: Mapping[str, Any]) -> dict[str, str]:
    """msp_asked, msp_outcomes_achieved, sac_lacked_capacity and sac_capacity_support, where
    the case's desired outcomes, capacity assessments and advocates answer them (up to the
    enquiry's conclusion date, when it has one)."""
    case_id = enquiry.get("case_id")
    if not isinstance(case_id, str) or not case_id:
        return {}
    store = session.store

    def of(kind: str) -> list[Mapping[str, Any]]:
        return [r.payload for r in store.find(kind, case_id)]

    return suggest_enquiry_sac(enquiry, of("desired_outcome"), of("capacity_assessment"),
                               of("related_person"))


def risk_answers(risk: Mapping[str, Any]) -> dict[str, str | None]:
    """source_of_risk when the detailed source decides it (paid carers are Service Providers),
    or None when the detail rules out the risk's current answer: a staff source is never a
    Service Provider, and whether the adult knew them is left to the worker."""
    detail = risk.get("source_relationship")
    detail = detail if isinstance(detail, str) else None
    sac = source_sac_for(detail)
    if sac:
        return {"source_of_risk": sac}
    if detail in SOURCE_NEVER_PROVIDER and risk.get("source_of_risk") == "SERVICE_PROVIDER":
        return {"source_of_risk": None}
    return {}
