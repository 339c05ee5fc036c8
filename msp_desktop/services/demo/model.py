"""What the stages share while one adult's records are written: the adult, the case so far, and
the values its text templates fill in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


class Text(dict[str, str]):
    """Template values; an unknown placeholder renders empty rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


@dataclass
class Adult:
    person_id: str
    given: str
    family: str
    female: bool
    group: str
    language: str
    interpreter_needed: bool
    jurisdiction: str
    psr: str
    age: int
    lacks_capacity_likely: bool
    setting: str = "home"  # scenario.AT_HOME | IN_CARE
    provider: str = ""  # the social care provider around the adult, if any
    impairment: str | None = None  # mca.IMPAIRMENTS key when capacity may be in doubt
    council: str = ""  # ONS code of the council the adult lives in (usually the demo's own)
    record: dict[str, Any] = field(default_factory=dict)  # the person payload as written


@dataclass
class Episode:
    """What one case has so far, for later records to refer to."""

    case_id: str
    status: str
    level: int
    close_path: str | None
    d0: dt.date
    end: dt.date
    theme: str
    abuse: str
    rel_id: str | None = None
    rel_name: str = ""
    rel_role: str = ""
    rel_is_source: bool = False
    rel_male: bool = False
    source_detail: str = ""
    source_relation: str = ""
    location: str = ""
    place: str = ""  # the organisation where the harm happened, if any
    others: list[str] = field(default_factory=lambda: ["NONE"])
    close_reason: str | None = None
    died_on: dt.date | None = None
    tags: set[str] = field(default_factory=set)
    supporter_id: str | None = None
    supporter_name: str = ""
    advocate_id: str | None = None
    advocate_name: str = ""
    org: str = ""
    capacity_id: str | None = None
    capacity_conclusion: str | None = None
    capacity_category: str | None = None
    consent_respected_refusal: bool = False
    decision: str | None = None
    decision_id: str | None = None
    enquiry_id: str | None = None
    risk_ids: list[str] = field(default_factory=list)
    outcome_ids: list[str] = field(default_factory=list)
    achievements: list[str] = field(default_factory=list)
    text: Text = field(default_factory=Text)
