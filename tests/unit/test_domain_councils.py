"""Councils by ONS code (domain/councils.py) and the COUNCIL enumeration."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain import councils as C
from msp_desktop.domain import enums as E


def test_england_has_153_cassrs_by_type_and_wales_22_councils() -> None:
    prefixes = [code[:3] for code, _ in C.ENGLAND]
    assert len(C.ENGLAND) == 153
    assert {p: prefixes.count(p) for p in set(prefixes)} == {
        "E06": 63, "E08": 36, "E09": 33, "E10": 21}
    assert len(C.WALES) == 22
    assert all(code.startswith("W06") for code, _ in C.WALES)
    assert len(E.COUNCIL) == 175
    assert all(re.fullmatch(r"[EW]\d{8}", c.code) for c in E.COUNCIL)
    names = [c.label for c in E.COUNCIL]
    assert len(set(names)) == len(names)


def test_known_codes() -> None:
    expected = {
        "E09000001": "City of London",
        "E06000053": "Isles of Scilly",
        "E06000063": "Cumberland",
        "E06000064": "Westmorland and Furness",
        "E06000065": "North Yorkshire",
        "E06000066": "Somerset",
        "E08000025": "Birmingham",
        "E09000012": "Hackney",
        "E10000016": "Kent",
        "E06000058": "Bournemouth, Christchurch and Poole",
        "W06000015": "Cardiff",
        "W06000024": "Merthyr Tydfil",
    }
    for code, name in expected.items():
        assert E.COUNCIL.label(code) == name


def test_councils_abolished_by_reorganisation_are_not_offered() -> None:
    for gone in ("E10000006", "E10000023", "E10000027",  # Cumbria, N Yorks, Somerset CCs
                 "E06000028", "E06000029", "E10000002", "E10000021", "E10000009"):
        assert gone not in E.COUNCIL


def test_former_codes_resolve_to_the_same_council() -> None:
    assert C.current_code("E08000016") == "E08000038"
    assert C.current_code("e09000001") == "E09000001"
    assert C.current_code("E99999999") is None


def test_names_as_people_type_them() -> None:
    assert C.code_for_name("Royal Borough of Kensington & Chelsea") == "E09000020"
    assert C.code_for_name("Leeds City Council") == "E08000035"
    assert C.code_for_name("  kent county council ") == "E10000016"
    assert C.code_for_name("Hull") == "E06000010"
    assert C.code_for_name("Ynys Môn") == "W06000001"
    assert C.code_for_name("E06000066") == "E06000066"
    # Not a single council: left for a person to code.
    assert C.code_for_name("Kent and Medway") is None
    assert C.code_for_name("Ashby Vale Council") is None
    assert C.code_for_name("") is None


@given(st.sampled_from(C.ENGLAND + C.WALES))
def test_every_council_name_finds_its_own_code(entry: tuple[str, str]) -> None:
    code, name = entry
    assert C.code_for_name(name) == code
    assert C.code_for_name(name.upper() + " Council") == code
