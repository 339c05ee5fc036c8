"""When two person records are the same adult: the unique-individual counts of the SAC
(SG1a-c) depend on a repeat concern being a new case for the same person (§6.2)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from msp_desktop.domain.folding import fold

SAME_OFFICE_ID = "office_id"
SAME_NAME_AND_BIRTH = "name_and_birth"


def _fold(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    # fold first: ł, ø, ß have no decomposition, and NFKD-then-ASCII would drop them
    # ("Mirosław" -> "mirosaw", never "miroslaw").
    folded = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    folded = folded.casefold()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def office_id_key(value: Any) -> str:
    """An office (case-management system) id as compared: case, spaces and dashes ignored."""
    return re.sub(r"[\s\-]+", "", value).casefold() if isinstance(value, str) else ""


def _given_names(p: Mapping[str, Any]) -> set[str]:
    names = {_fold(p.get("preferred_name"))}
    given = _fold(p.get("given_names")).split()
    if given:
        names.add(given[0])
    return names - {""}


def match_reason(typed: Mapping[str, Any], other: Mapping[str, Any]) -> str | None:
    """Why `other` may be the adult described by `typed`, or None.

    The same office id is a match on its own. Otherwise the family name and the date of birth
    must both be equal, and the given names must not disagree: the first given name, or the
    preferred name, of one is that of the other (either may be missing, as when a referrer only
    knew the surname).
    """
    key = office_id_key(typed.get("office_person_id"))
    if key and key == office_id_key(other.get("office_person_id")):
        return SAME_OFFICE_ID
    family = _fold(typed.get("family_name"))
    dob = typed.get("date_of_birth")
    if not family or not dob or family != _fold(other.get("family_name")):
        return None
    if dob != other.get("date_of_birth"):
        return None
    mine, theirs = _given_names(typed), _given_names(other)
    if mine and theirs and not mine & theirs:
        return None
    return SAME_NAME_AND_BIRTH
