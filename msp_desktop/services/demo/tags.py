"""Which phrases fit which case.

A phrase in demo_phrases.json is a plain string (it fits any case) or {"for": [tags], "text"}:
it fits a case that has every one of its tags, where "a|b" means either. A case's tags say who
is alleged to cause harm, where the adult lives, the abuse type and a few facts the text leans
on (a named relative, an interpreter, capacity in doubt), so a care-home phrase never lands in
a case about someone living at home, and "he" never stands for a daughter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Phrase = str | dict[str, Any]


def text_of(phrase: Phrase) -> str:
    return phrase if isinstance(phrase, str) else str(phrase["text"])


def fits(phrase: Phrase, tags: frozenset[str] | set[str]) -> bool:
    if isinstance(phrase, str):
        return True
    wanted: Iterable[str] = phrase.get("for") or ()
    return all(any(t in tags for t in want.split("|")) for want in wanted)


def usable(pool: Sequence[Phrase], tags: frozenset[str] | set[str]) -> list[Phrase]:
    """The phrases of `pool` that fit; the untagged ones if none does (never empty)."""
    fitting = [p for p in pool if fits(p, tags)]
    if fitting:
        return fitting
    plain: list[Phrase] = [p for p in pool if isinstance(p, str)]
    return plain or list(pool)
