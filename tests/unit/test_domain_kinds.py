"""Record kinds, the field framework on them, and the derived-value helpers."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain.fields import FieldType, clean, validate
from msp_desktop.domain.kinds import (
    KINDS,
    action_is_overdue,
    age_band,
    derive_msp_achieved,
    display_name,
    ethnicity_sac_for,
    psr_sac_for,
    rag_for,
    risk_score,
    source_sac_for,
)

EXPECTED = [
    "person", "related_person", "case", "concern", "concern_decision", "enquiry", "risk_item",
    "contact_note", "desired_outcome", "consent_decision", "capacity_assessment",
    "best_interests_decision", "risk_assessment", "safeguarding_plan", "plan_action",
    "plan_review", "closure", "chronology_mark",
]


def test_kind_names() -> None:
    assert list(KINDS) == EXPECTED
    assert all(k.name == name for name, k in KINDS.items())


@pytest.mark.parametrize("name", [n for n in EXPECTED if n not in ("person", "case")])
def test_case_link(name: str) -> None:
    kind = KINDS[name]
    f = kind.field("case_id")
    assert f.type is FieldType.REF and f.ref_kind == "case" and f.required
    assert kind.case_field == "case_id"


def test_person_and_case() -> None:
    person, case = KINDS["person"], KINDS["case"]
    assert person.case_field is None and "case_id" not in person.by_name
    assert case.case_field is None  # the store uses the case's own record id
    assert case.field("person_id").ref_kind == "person" and case.field("person_id").required
    assert case.field("status").required and case.field("opened_at").required
    for name in ("date_of_birth", "gender_sac", "ethnicity_sac", "psr_detail", "psr_sac",
                 "preferred_language", "interpreter_needed", "jurisdiction", "family_name",
                 "given_names", "preferred_name", "address"):
        assert name in person.by_name


@pytest.mark.parametrize("name", EXPECTED)
def test_kind_is_consistent(name: str) -> None:
    kind = KINDS[name]
    assert len(kind.by_name) == len(kind.fields), "duplicate field name"
    for attr in (kind.date_field, kind.title_field):
        assert attr is None or attr in kind.by_name
    for f in kind.fields:
        assert f.name.islower() and " " not in f.name
        if f.type in (FieldType.CHOICE, FieldType.MULTI):
            assert f.choices is not None
        if f.type is FieldType.REF:  # a chronology mark may point at an event of any kind
            assert f.ref_kind in KINDS or (kind.name, f.name) == ("chronology_mark", "target_id")
        if f.type is FieldType.LIST:
            assert f.subfields
        if f.visible_when is not None:
            other, values = f.visible_when
            assert other in kind.by_name and other != f.name
            controller = kind.field(other)
            if controller.choices is not None:
                assert set(values) <= controller.choices.codes
    assert (kind.name == "contact_note") == kind.finalisable
    assert kind.rules, "every kind carries its business rules"


def test_chronology_dates() -> None:
    assert KINDS["contact_note"].date_field == "event_start"
    assert KINDS["concern"].date_field == "received_at"
    assert KINDS["closure"].date_field == "closed_at"


def test_contact_note_fields() -> None:
    note = KINDS["contact_note"]
    assert note.field("event_start").type is FieldType.DATETIME and note.field(
        "event_start").required
    assert note.field("adult_own_words").type is FieldType.QUOTE
    assert note.field("facts").type is FieldType.LONGTEXT
    assert note.field("analysis").type is FieldType.LONGTEXT
    attendees = {s.name for s in note.field("attendees").subfields}
    assert {"name", "role", "attendance", "spoke_for_adult"} <= attendees
    assert note.finalise_rules


def test_likelihood_and_impact_are_1_to_5() -> None:
    entries = {s.name: s for s in KINDS["risk_assessment"].field("entries").subfields}
    for name in ("likelihood", "impact"):
        assert entries[name].type is FieldType.INT
        assert (entries[name].min_value, entries[name].max_value) == (1, 5)


# --- validate(): types and required fields ------------------------------------------------

def _note(**extra: Any) -> dict[str, Any]:
    return {"case_id": "c1", "note_type": "HOME_VISIT",
            "event_start": "2025-03-01T10:00:00+00:00", **extra}


def test_valid_minimal_note() -> None:
    assert validate(KINDS["contact_note"], _note()) == []


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("event_start", "yesterday", "not a valid date and time"),
        ("note_type", "CARRIER_PIGEON", "not one of the allowed options"),
        ("adult_present", "yes", "must be yes or no"),
        ("facts", 42, "must be text"),
        ("attendees", [{"role": "Daughter"}], "Name is missing"),
        ("attendees", "Jo", "list of entries"),
        ("event_end", 20250301, "date and time"),
    ],
)
def test_type_errors(field: str, value: Any, words: str) -> None:
    problems = validate(KINDS["contact_note"], _note(**{field: value}))
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message


def test_required_and_unknown_fields() -> None:
    problems = validate(KINDS["contact_note"], {"case_id": "c1", "colour": "red"})
    fields = {p.field for p in problems}
    assert {"note_type", "event_start", "colour"} <= fields


def test_int_range_in_list() -> None:
    kind = KINDS["risk_assessment"]
    entry: dict[str, Any] = {"description": "Falls", "likelihood": 6, "impact": 2}
    payload = {"case_id": "c1", "assessed_at": "2025-03-01", "entries": [entry]}
    problems = validate(kind, payload)
    assert problems and problems[0].field == "entries" and "at most 5" in problems[0].message
    entry["likelihood"] = True  # bools are not numbers
    assert "whole number" in validate(kind, payload)[0].message


# --- visible_when ---------------------------------------------------------------------------

def test_visible_when_representative() -> None:
    kind = KINDS["desired_outcome"]
    base = {"case_id": "c1", "statement": "I want to stay at home", "expressed_by": "ADULT",
            "first_expressed_at": "2025-03-01", "status": "ACTIVE"}
    assert validate(kind, base) == []
    rep = {**base, "expressed_by": "REPRESENTATIVE"}
    assert [p.field for p in validate(kind, rep)] == ["representative_name"]
    assert validate(kind, {**rep, "representative_name": "Sam (son)"}) == []
    # Hidden fields are dropped by clean(), not kept silently.
    cleaned = clean(kind, {**base, "representative_name": "Sam"})
    assert "representative_name" not in cleaned


def test_visible_when_chains_through_hidden_controller() -> None:
    kind = KINDS["consent_decision"]
    base = {"case_id": "c1", "consent_type": "SHARE_INFO", "decided_at": "2025-03-01"}
    refused = {**base, "status": "REFUSED", "override": False}
    assert kind.is_visible(kind.field("accepted_risk_statement"), refused)
    assert not kind.is_visible(kind.field("override_grounds"), refused)
    # A stale override answer left behind after the adult agreed hides its section too.
    given_ = {**base, "status": "GIVEN", "override": False, "accepted_risk_statement": "x"}
    assert not kind.is_visible(kind.field("override"), given_)
    assert not kind.is_visible(kind.field("accepted_risk_statement"), given_)
    assert clean(kind, given_) == {**base, "status": "GIVEN"}


def test_override_required_when_declined() -> None:
    kind = KINDS["consent_decision"]
    payload = {"case_id": "c1", "consent_type": "POLICE_REFERRAL",
               "decided_at": "2025-03-01", "status": "REFUSED"}
    assert [p.field for p in validate(kind, payload)] == ["override"]


def test_searchable_text_and_title() -> None:
    note = KINDS["contact_note"]
    payload = _note(purpose="Check on Mrs Jones", adult_own_words="I am frightened of him",
                    attendees=[{"name": "Ann", "role": "Neighbour"}])
    text = note.searchable_text(payload)
    assert "frightened" in text and "Neighbour" in text
    assert note.title(payload) == "Check on Mrs Jones"
    assert KINDS["risk_item"].title({"abuse_type": "FINANCIAL"}) == "Financial or material abuse"


# --- helpers --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("likelihood", "impact", "rag"),
    [(1, 1, "GREEN"), (1, 5, "GREEN"), (2, 3, "AMBER"), (3, 4, "AMBER"), (3, 5, "RED"),
     (5, 5, "RED"), (5, 1, "GREEN"), (2, 2, "GREEN")],
)
def test_rag_for(likelihood: int, impact: int, rag: str) -> None:
    assert rag_for(likelihood, impact) == rag


@pytest.mark.parametrize("bad", [(0, 3), (6, 1), (3, True)])
def test_rag_for_rejects_out_of_scale(bad: tuple[Any, Any]) -> None:
    with pytest.raises(ValueError):
        rag_for(*bad)


_ORDER = {"GREEN": 0, "AMBER": 1, "RED": 2}
scale = st.integers(min_value=1, max_value=5)


@given(scale, scale, scale, scale)
def test_rag_for_is_monotone(l1: int, i1: int, l2: int, i2: int) -> None:
    if l1 <= l2 and i1 <= i2:
        assert _ORDER[rag_for(l1, i1)] <= _ORDER[rag_for(l2, i2)]


@given(scale, scale)
def test_rag_for_is_symmetric_and_follows_score(likelihood: int, impact: int) -> None:
    assert rag_for(likelihood, impact) == rag_for(impact, likelihood)
    score = risk_score(likelihood, impact)
    assert rag_for(likelihood, impact) == ("RED" if score >= 15 else
                                           "AMBER" if score >= 6 else "GREEN")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([None, ""], None),
        (["FULLY"], "FULLY"),
        (["FULLY", "FULLY"], "FULLY"),
        (["NOT_ACHIEVED", "NOT_ACHIEVED"], "NOT_ACHIEVED"),
        (["FULLY", "NOT_ACHIEVED"], "PARTIALLY"),
        (["PARTIALLY"], "PARTIALLY"),
        (["FULLY", None], "FULLY"),
    ],
)
def test_derive_msp_achieved(values: list[str | None], expected: str | None) -> None:
    assert derive_msp_achieved(values) == expected


@given(st.lists(st.sampled_from(["FULLY", "PARTIALLY", "NOT_ACHIEVED"]), min_size=1))
def test_derive_msp_achieved_property(values: list[str]) -> None:
    result = derive_msp_achieved(values)
    if len(set(values)) == 1 and values[0] != "PARTIALLY":
        assert result == values[0]
    else:
        assert result == "PARTIALLY"
    # Order never matters.
    for perm in itertools.islice(itertools.permutations(values), 5):
        assert derive_msp_achieved(list(perm)) == result


@pytest.mark.parametrize(
    ("dob", "at", "band"),
    [
        ("1960-04-01", "2025-03-31", "18_64"),  # 64 the day before the 65th birthday
        ("1960-03-31", "2025-03-31", "65_74"),  # birthday on the day
        ("1945-06-15", "2025-03-31", "75_84"),
        ("1935-01-01", "2025-03-31", "85_94"),
        ("1929-12-31", "2025-03-31", "95_PLUS"),
        (None, "2025-03-31", "AGE_UNKNOWN"),
        ("", "2025-03-31", "AGE_UNKNOWN"),
        ("2010-01-01", "2025-03-31", None),  # under 18: outside the SAC
    ],
)
def test_age_band(dob: str | None, at: str, band: str | None) -> None:
    assert age_band(dob, at) == band
    assert age_band(dob, dt.date.fromisoformat(at)) == band


def test_roll_ups() -> None:
    assert psr_sac_for("PERSONAL_CARE") == "PHYSICAL"
    assert psr_sac_for(None) is None and psr_sac_for("NOPE") is None
    assert ethnicity_sac_for("R") == "ASIAN" and ethnicity_sac_for("Z") == "REFUSED"
    assert source_sac_for("STRANGER") == "OTHER_UNKNOWN"
    assert source_sac_for("PROVIDER_PRIVATE") == "SERVICE_PROVIDER"


def test_action_overdue_and_display_name() -> None:
    today = dt.date(2025, 3, 10)
    assert action_is_overdue({"status": "IN_PROGRESS", "due_date": "2025-03-09"}, today)
    assert not action_is_overdue({"status": "DONE", "due_date": "2025-03-09"}, today)
    assert not action_is_overdue({"status": "NOT_STARTED", "due_date": "2025-03-10"}, today)
    assert not action_is_overdue({"status": "NOT_STARTED"}, today)
    assert display_name({"given_names": "Mary Ann", "preferred_name": "Molly",
                         "family_name": "Jones"}) == "Molly Jones"
    assert display_name({}) == "Unnamed adult"
