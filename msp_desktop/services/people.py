"""Finding an adult already in the vault, so a repeat concern opens a new case for the same
person (SAC unique individuals, SG1a-c), and keeping case-management system ids unique."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from msp_desktop.domain.derive import display_name
from msp_desktop.domain.fields import Problem
from msp_desktop.domain.people import SAME_OFFICE_ID, match_reason, office_id_key
from msp_desktop.services.session import Session
from msp_desktop.storage import queries

REASONS = {
    SAME_OFFICE_ID: "same case-management system ID",
    "name_and_birth": "same name and date of birth",
}


@dataclass(frozen=True)
class PersonMatch:
    person_id: str
    name: str
    date_of_birth: str | None
    office_person_id: str | None
    reason: str  # SAME_OFFICE_ID or "name_and_birth" (domain/people.py)
    case_ids: tuple[str, ...]  # their cases, oldest first
    last_opened: str | None  # when their latest case was opened

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)


def find_matches(session: Session, person: Mapping[str, Any]) -> list[PersonMatch]:
    """Adults in the vault who may be the one described (office id first, then by name)."""
    found = [
        (pid, payload, reason)
        for pid, payload in queries.person_payloads(session.conn)
        if (reason := match_reason(person, payload)) is not None
    ]
    cases = queries.cases_of_people(session.conn, [pid for pid, _, _ in found])
    matches = [
        PersonMatch(
            person_id=pid,
            name=display_name(payload),
            date_of_birth=payload.get("date_of_birth"),
            office_person_id=payload.get("office_person_id"),
            reason=reason,
            case_ids=tuple(c for c, _ in cases[pid]),
            last_opened=cases[pid][-1][1] or None if cases[pid] else None,
        )
        for pid, payload, reason in found
    ]
    matches.sort(key=lambda m: (m.reason != SAME_OFFICE_ID, m.name, m.person_id))
    return matches


def _born(value: Any) -> str:
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return ""
    return f", born {day.day} {day:%B %Y}" if day else ""


def office_id_problems(
    session: Session, person: Mapping[str, Any], record_id: str | None = None
) -> list[Problem]:
    """The office person id must name one adult only: a duplicate is refused, naming the
    adult who already has it so the worker can open the case for them instead."""
    key = office_id_key(person.get("office_person_id"))
    if not key:
        return []
    for pid, office_id in queries.office_ids(session.conn):
        if pid != record_id and office_id_key(office_id) == key:
            state = session.store.get(pid)
            payload = state.payload if state is not None else {}
            who = display_name(payload) + _born(payload.get("date_of_birth"))
            typed = str(person["office_person_id"]).strip()
            return [Problem(
                "office_person_id", f"Case-management system ID {typed} "
                f"is already recorded for {who} (adult record {pid[:8]}). If this is the same "
                "adult, open the case for that record; otherwise check the ID.")]
    return []
