"""Reading payloads saved before a field was coded, without rewriting their revisions.

Revisions are signed and immutable, so an old payload keeps its old shape for ever. These
functions give its current shape when it is read (forms, rules, reports) and when it is next
saved; nothing typed is dropped:
- case.host_la / placing_la (free text): a whole council name, or an ONS code, becomes
  host_council / placing_council and the text goes (the code's label is that name); text that
  names no single council stays in host_la / placing_la, shown under its old label, for the
  worker to code.
- person.health_conditions rows without a code: the code is set when the text names exactly
  one condition in words (for example "Asperger's" or "Alzheimer's dementia"); otherwise the
  row keeps its text and no code, so the form asks for one (the code is required). Such a code
  is a reading of the text, not the worker's choice: the SAC return lists it and does not count
  it until a worker saves the adult's record with that code (CODE_GUESSED).
- enquiry.sac_capacity_support saved as a tick box: True is "YES", False is "NO".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from msp_desktop.domain.councils import code_for_name

Payload = dict[str, Any]

# Each pattern names a condition in words, matched at word starts: a bare "asc" (adult social
# care as often as autism), "sight" (insight), "drug" (medication) or "heart" (heartbroken)
# names none. Asperger's beats autism; deafblind beats sight and hearing loss.
_CONDITION_WORDS: tuple[tuple[str, str], ...] = (
    ("ASPERGERS", r"\basperger|\bhigh[- ]functioning autis"),
    ("AUTISM", r"\bautis[mt]|\basd\b|\bautism spectrum"),
    ("LEARNING_DISABILITY", r"\blearning (disab|difficult)|\bdown'?s? syndrome\b"),
    ("DEMENTIA", r"\bdementia\b|\balzheimer"),
    ("ACQUIRED_BRAIN_INJURY", r"\b(acquired |traumatic )?brain injury\b|\babi\b"),
    ("NEUROLOGICAL", r"\bparkinson|\bmultiple sclerosis\b|\bepilep|\bstroke\b|"
     r"\bmotor neurone\b|\bhuntington"),
    ("MENTAL_HEALTH", r"\bdepressi(on|ve)\b|\banxiety\b|\bschizo|\bbipolar\b|"
     r"\bpsychos[ie]s\b|\bpsychotic\b|\bmental (health|illness)\b|"
     r"\bpersonality disorder\b|\bptsd\b|\beating disorder\b"),
    ("DUAL_SENSORY", r"\bdeaf[- ]?blind|\bdual sensory\b"),
    ("VISUAL", r"\bvisual(ly)? impair|\bsight (loss|impair)|\bpartially sighted\b|"
     r"\bblind\b|\bblindness\b"),
    ("HEARING", r"\bhearing (loss|impair)|\bhard of hearing\b|\bdeaf(ness)?\b"),
    ("SUBSTANCE_MISUSE", r"\b(alcohol|drug|substance)s? (misuse|abuse|dependen|addiction)|"
     r"\balcoholi(sm|c)\b|\baddict"),
    ("LONG_TERM_CONDITION", r"\bdiabet|\bcopd\b|\bheart (disease|failure|condition)|"
     r"\bcardiac\b|\bcancer\b|\bkidney (disease|failure)|\brenal\b|"
     r"\blung (disease|condition)|\basthma\b"),
    ("PHYSICAL_DISABILITY", r"\bphysical(ly)? disab|\bmobility (problem|difficult|impair)|"
     r"\bamput|\barthritis\b|\bparalys"),
    ("FRAILTY", r"\bfrail(ty)?\b"),
)

# Set on a row whose code was read from old free text (current_payload(..., mark_guesses=True)),
# never stored: the SAC return lists it for the worker to confirm rather than count a guess.
CODE_GUESSED = "code_guessed"


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


def person(p: Mapping[str, Any], mark_guesses: bool = False) -> Payload:
    """A person payload in today's shape: health condition rows coded from their text."""
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
                    if mark_guesses:
                        row[CODE_GUESSED] = True
            new_rows.append(row)
        out["health_conditions"] = new_rows
    return out


def case(p: Mapping[str, Any]) -> Payload:
    """A case payload in today's shape: host_la / placing_la coded as councils."""
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


def enquiry(p: Mapping[str, Any]) -> Payload:
    """An enquiry payload in today's shape: a tick box capacity support as YES / NO."""
    out = dict(p)
    support = out.get("sac_capacity_support")
    if isinstance(support, bool):
        out["sac_capacity_support"] = "YES" if support else "NO"
    return out


def current_payload(kind: str, payload: Mapping[str, Any], *,
                    mark_guesses: bool = False) -> Payload:
    """The payload in today's shape (a copy); unchanged for kinds with nothing to upgrade.
    mark_guesses: a health condition coded here from its old text gets CODE_GUESSED (for
    reading only: a payload to be saved or exported is upgraded without it)."""
    if kind == "person":
        return person(payload, mark_guesses)
    if kind == "case":
        return case(payload)
    if kind == "enquiry":
        return enquiry(payload)
    return dict(payload)
