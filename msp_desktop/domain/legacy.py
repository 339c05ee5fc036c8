"""Reading payloads saved before a field was coded, without rewriting their revisions.

Revisions are signed and immutable, so an old payload keeps its old shape for ever. These
functions give its current shape when it is read (forms, rules, reports) and when it is next
saved; nothing typed is dropped:
- case.host_la / placing_la (free text): a whole council name, or an ONS code, becomes
  host_council / placing_council and the text goes (the code's label is that name); text that
  names no single council stays in host_la / placing_la, shown under its old label, for the
  worker to code.
- person.health_conditions rows without a code: the code is set when the text names exactly
  one condition (for example "Asperger's" or "Alzheimer's dementia"); otherwise the row keeps
  its text and no code, so the form asks for one (the code is required).
- enquiry.sac_capacity_support saved as a tick box: True is "YES", False is "NO".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from msp_desktop.domain.councils import code_for_name

Payload = dict[str, Any]

# Ordered: the first pattern of each code that matches counts; Asperger's before autism.
_CONDITION_WORDS: tuple[tuple[str, str], ...] = (
    ("ASPERGERS", r"asperger|high[- ]functioning autis"),
    ("AUTISM", r"autis|\basd\b|\basc\b"),
    ("LEARNING_DISABILITY", r"learning disab|learning difficult|down'?s? syndrome"),
    ("DEMENTIA", r"dementia|alzheimer"),
    ("ACQUIRED_BRAIN_INJURY", r"brain injury|\babi\b"),
    ("NEUROLOGICAL", r"parkinson|multiple sclerosis|epilep|stroke|motor neurone|huntington"),
    ("MENTAL_HEALTH", r"depress|anxiety|schizo|bipolar|psychos|mental health|personality "
     r"disorder|\bptsd\b|eating disorder"),
    ("DUAL_SENSORY", r"deafblind|dual sensory"),
    ("VISUAL", r"visual|sight|blind"),
    ("HEARING", r"hearing|deaf"),
    ("SUBSTANCE_MISUSE", r"alcohol|drug|substance"),
    ("LONG_TERM_CONDITION", r"diabet|copd|heart|cancer|kidney|renal|lung|asthma"),
    ("PHYSICAL_DISABILITY", r"physical disab|mobility|amput|arthritis|paralys"),
    ("FRAILTY", r"frail"),
)


def health_condition_code(text: str | None) -> str | None:
    """The HEALTH_CONDITION code free text clearly names, or None when none or several do."""
    if not text:
        return None
    lowered = text.lower()
    found = {code for code, pattern in _CONDITION_WORDS if re.search(pattern, lowered)}
    if "ASPERGERS" in found:
        found.discard("AUTISM")
    if "DUAL_SENSORY" in found:
        found -= {"VISUAL", "HEARING"}
    return found.pop() if len(found) == 1 else None


def _person(p: Mapping[str, Any]) -> Payload:
    out = dict(p)
    rows = p.get("health_conditions")
    if isinstance(rows, list):
        new_rows: list[Any] = []
        for row in rows:
            if isinstance(row, Mapping) and not row.get("code"):
                row = dict(row)
                code = health_condition_code(row.get("condition"))
                if code:
                    row["code"] = code
            new_rows.append(row)
        out["health_conditions"] = new_rows
    return out


def _case(p: Mapping[str, Any]) -> Payload:
    out = dict(p)
    for text_field, code_field in (("host_la", "host_council"), ("placing_la", "placing_council")):
        text = out.get(text_field)
        if not isinstance(text, str) or not text.strip() or out.get(code_field):
            continue
        code = code_for_name(text)
        if code:
            out[code_field] = code
            del out[text_field]
    return out


def _enquiry(p: Mapping[str, Any]) -> Payload:
    out = dict(p)
    support = out.get("sac_capacity_support")
    if isinstance(support, bool):
        out["sac_capacity_support"] = "YES" if support else "NO"
    return out


UPGRADES: dict[str, Callable[[Mapping[str, Any]], Payload]] = {
    "person": _person,
    "case": _case,
    "enquiry": _enquiry,
}


def current_payload(kind: str, payload: Mapping[str, Any]) -> Payload:
    """The payload in today's shape (a copy); unchanged for kinds with nothing to upgrade."""
    upgrade = UPGRADES.get(kind)
    return upgrade(payload) if upgrade is not None else dict(payload)
