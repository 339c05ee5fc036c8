"""A small case with everything the case record PDF must show (and a subject-access copy must
withhold), written through the services; and reading PDFs with poppler's tools."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from msp_desktop.services import cases, records
from msp_desktop.services.session import Session

URDU = "میں اپنے گھر میں رہنا چاہتی ہوں"
ARABIC = "أريد أن أبقى في بيتي"
WELSH = "Mae hi'n byw ger y dŵr mewn tŷ bach"
POLISH = "Sąsiadka mówi po polsku: dziękuję, łóżko, ręka"
# Third parties: a son alleged to have caused harm, a neighbour, the referrer, a friend who
# came to a visit. None of these may appear in a subject-access copy. (Their organisations
# may: an organisation is not an individual, domain/disclosure.py.)
THIRD_PARTY_WORDS = ("Gareth", "Wanda", "Kowalczyk", "Bronwen", "Talbot", "Iolo", "Madoc",
                     "07700 900123")
ORIGINAL_FACTS = "Gareth was in the kitchen when I arrived. Wanda Kowalczyk called round."
AMENDED_FACTS = "Gareth was in the hallway when I arrived. Wanda Kowalczyk called round."
AMEND_REASON = "Wrong room recorded: it was the hallway"


@dataclass
class Built:
    case_id: str
    note_id: str
    person_id: str


def build_case(s: Session) -> Built:
    opened = cases.open_case(
        s, {"family_name": "Pritchard", "given_names": "Eirlys", "jurisdiction": "ENG",
            "preferred_language": "Urdu", "communication_needs": WELSH + ". " + POLISH},
        {"status": "enquiry_in_progress", "opened_at": "2026-01-10",
         "lead_practitioner": "Sam Worker"},
    )
    case_id = opened.state.record_id
    person_id = str(opened.state.payload["person_id"])

    def make(kind: str, **payload: object) -> str:
        return records.create(s, kind, {"case_id": case_id, **payload}).state.record_id

    son = make("related_person", name="Gareth Pritchard", relationship_to_adult="Son",
               roles=["FAMILY", "ALLEGED_CAUSED_HARM"], contact_details="07700 900123")
    make("related_person", name="Wanda Kowalczyk", relationship_to_adult="Neighbour",
         roles=["NEIGHBOUR"], organisation="Riverside Lettings")
    make("desired_outcome", statement=f"{URDU} — I want to stay in my home.",
         expressed_by="ADULT", first_expressed_at="2026-01-12", status="ACTIVE",
         achievement="PARTIALLY", achievement_assessed_at="2026-02-01",
         adult_view_on_achievement="Mostly, yes.")
    make("concern", received_at="2026-01-09T10:00:00+00:00", referrer_name="Bronwen Talbot",
         referrer_organisation="Riverside Lettings", referrer_relationship="Landlord",
         referral_source="HOUSING",
         description="Bronwen Talbot says Gareth takes Eirlys's pension each week.")
    decision = make("concern_decision", crit_a_care_support_needs="YES",
                    crit_b_abuse_or_risk="YES", crit_c_unable_to_protect="YES",
                    decision="S42_ENQUIRY", rationale="All three criteria are met.",
                    decision_maker="Sam Worker", decided_at="2026-01-10T09:00:00+00:00")
    enquiry = make("enquiry", concern_decision_id=decision, enquiry_type="S42",
                   started_at="2026-01-10", enquiry_lead="Sam Worker")
    make("risk_item", enquiry_id=enquiry, abuse_type="FINANCIAL",
         alleged_source_name="Gareth Pritchard", alleged_source_id=son,
         description="Pension taken by Gareth.")
    note = records.create_and_finalise(s, "contact_note", {
        "case_id": case_id, "note_type": "HOME_VISIT",
        "event_start": "2026-01-12T10:00:00+00:00", "adult_present": True, "seen_alone": True,
        "purpose": "Talk about the concern",
        "attendees": [{"name": "Eirlys Pritchard", "role": "The adult"},
                      {"name": "Sam Worker", "role": "Social worker"},
                      {"name": "Iolo Madoc", "role": "Friend of the adult"}],
        "facts": ORIGINAL_FACTS, "adult_own_words": f"{URDU}. {ARABIC}.",
        "analysis": "Eirlys seems afraid of Gareth; Iolo agreed.",
    }).state
    records.amend(s, note.record_id, {**note.payload, "facts": AMENDED_FACTS},
                  reason=AMEND_REASON, amendment_type="CORRECTION")
    return Built(case_id, note.record_id, person_id)


def need_poppler() -> None:
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (poppler-utils) is not installed")


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.splitlines())}


def flat(text: str) -> str:
    """Extracted text with line breaks and hyphenless wraps joined, for phrase checks."""
    return " ".join(text.split())
