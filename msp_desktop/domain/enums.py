"""Enumerations of the MSP domain (domain.md §9.3 and §6.4), with SAC labels where they exist.

Codes are what is stored; labels are what people read. SAC labels are copied exactly from the
Safeguarding Adults Collection tables and are data, not prose: do not reword them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    sac: str | None = None  # exact SAC label, where the collection has one
    sac_code: str | None = None  # code of the SAC value this detailed value rolls up to


class Enumeration:
    """An ordered set of choices, looked up by code."""

    def __init__(self, ident: str, choices: list[Choice]) -> None:
        self.ident = ident
        self.choices = tuple(choices)
        self._by_code = {c.code: c for c in self.choices}
        if len(self._by_code) != len(self.choices):
            raise ValueError(f"duplicate code in {ident}")

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._by_code)

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Choice:
        return self._by_code[code]

    def label(self, code: str) -> str:
        choice = self._by_code.get(code)
        return choice.label if choice else code

    def sac_label(self, code: str) -> str | None:
        choice = self._by_code.get(code)
        return choice.sac if choice else None

    def __repr__(self) -> str:
        return f"Enumeration({self.ident!r}, {len(self.choices)} choices)"


def _e(ident: str, *items: tuple[str, str] | tuple[str, str, str]) -> Enumeration:
    return Enumeration(ident, [Choice(*item) for item in items])


YES_NO_UNCLEAR = _e("E-YES-NO-UNCLEAR", ("YES", "Yes"), ("NO", "No"), ("UNCLEAR", "Unclear"))

# The remaining enumerations are defined below (domain.md §9.3, §6.4, §3, §4, §7.2).
