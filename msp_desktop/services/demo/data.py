"""The demo's fixed inputs: its "today", the weights and tables that shape a caseload, and the
shipped lists of names and phrases."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from msp_desktop.resources import resource_path

# Demo dates hang off a fixed "today", so the same seed gives the same payloads whenever it runs.
DEMO_TODAY = dt.date(2026, 11, 16)
LONDON = ZoneInfo("Europe/London")

# Share of cases at each stage of E-CASE-STATUS (domain.md §2.2).
STAGES: tuple[tuple[str, int], ...] = (
    ("concern_received", 5), ("information_gathering", 9), ("decision_made", 5),
    ("enquiry_planning", 7), ("enquiry_in_progress", 14), ("enquiry_concluded", 7),
    ("plan_active", 14), ("plan_under_review", 7), ("closed", 26), ("reopened", 6),
)
LEVEL = {
    "concern_received": 0, "information_gathering": 1, "decision_made": 2,
    "enquiry_planning": 3, "enquiry_in_progress": 4, "enquiry_concluded": 5, "plan_active": 6,
    "plan_under_review": 7,
}
STATUS_AT = {v: k for k, v in LEVEL.items()}
# How far a closed case got before closing: (level reached, how it closed).
CLOSE_PATHS: tuple[tuple[tuple[int, str], int], ...] = (
    ((1, "info"), 15), ((2, "no_enquiry"), 30), ((5, "concluded"), 25), ((7, "plan_ended"), 30),
)
ABUSE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("NEGLECT", 30), ("FINANCIAL", 15), ("PHYSICAL", 12), ("PSYCHOLOGICAL", 10),
    ("SELF_NEGLECT", 10), ("DOMESTIC", 8), ("ORGANISATIONAL", 5), ("SEXUAL", 4),
    ("DISCRIMINATORY", 2), ("SEXUAL_EXPLOITATION", 2), ("MODERN_SLAVERY", 2),
)
NOTE_TYPES: tuple[tuple[str, int], ...] = (
    ("HOME_VISIT", 30), ("PHONE", 25), ("MEETING", 8), ("EMAIL_LETTER_TEXT", 8),
    ("CASE_DISCUSSION", 6), ("VIRTUAL_VISIT", 4), ("NO_REPLY_VISIT", 4),
    ("MANAGER_DECISION", 4), ("OFFICE_VISIT", 3), ("SUPERVISION", 3), ("OBSERVATION", 3),
    ("OTHER", 2),
)
NO_ADULT_TYPES = frozenset({"CASE_DISCUSSION", "SUPERVISION", "MANAGER_DECISION", "OTHER",
                            "NO_REPLY_VISIT", "EMAIL_LETTER_TEXT", "OBSERVATION"})
REMOTE_TYPES = frozenset({"PHONE", "VIRTUAL_VISIT", "EMAIL_LETTER_TEXT"})
GENERIC_OUTCOMES: tuple[str | dict[str, Any], ...] = (
    {"for": ["at_home"], "text": "I want to stay in my own home."},
    "I want to be listened to.",
    "I want to feel safe.", "I want to decide things for myself.",
    "I want it all to stop, that's all.", "I want to keep seeing my family.",
)
ENGLISH = "English"
NOTES_BY_LEVEL = {0: (2, 3), 1: (4, 7), 2: (5, 8), 3: (6, 9), 4: (7, 10), 5: (8, 11),
                  6: (9, 12), 7: (10, 13)}
NICKNAMES = {"Margaret": "Peggy", "Patricia": "Pat", "Robert": "Bob", "Dorothy": "Dot",
             "Dafydd": "Dai", "Gwenllian": "Gwen", "Małgorzata": "Gosia", "Katarzyna": "Kasia",
             "Wojciech": "Wojtek", "Terence": "Terry", "Kathleen": "Kath"}


@lru_cache(maxsize=1)
def names_and_phrases() -> tuple[dict[str, Any], dict[str, Any]]:
    """resources/data/demo_names.json and demo_phrases.json, read once per process."""
    names = json.loads(resource_path("data/demo_names.json").read_text("utf-8"))
    phrases = json.loads(resource_path("data/demo_phrases.json").read_text("utf-8"))
    return names, phrases
