"""Deriving an enquiry's SAC answers from the record (domain.md §4.8, §6.5), and when two person
records are the same adult."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain.derive import derive_sac_capacity, outcomes_by, suggest_enquiry_sac
from msp_desktop.domain.people import match_reason, office_id_key


def test_capacity_from_assessments() -> None:
    assert derive_sac_capacity([]) == "NOT_LACKED"  # no doubt, no assessment needed
    assert derive_sac_capacity([{"conclusion": "HAS_CAPACITY"}]) == "NOT_LACKED"
    assert derive_sac_capacity([{"conclusion": "UNABLE_TO_CONCLUDE"},
                                {"conclusion": "HAS_CAPACITY"}]) == "DONT_KNOW"
    assert derive_sac_capacity([{"conclusion": "HAS_CAPACITY"},
                                {"conclusion": "LACKS_CAPACITY"}]) == "LACKED"


def test_suggestions_look_only_up_to_the_conclusion() -> None:
    enquiry = {"concluded_at": "2025-02-20"}
    late_outcome = {"first_expressed_at": "2025-03-01", "status": "ACTIVE",
                    "achievement": "FULLY"}
    late_lack = {"assessed_at": "2025-03-01T09:00:00+00:00", "conclusion": "LACKS_CAPACITY",
                 "decision_category": "ENQUIRY_PARTICIPATION"}
    advocate = {"roles": ["ADVOCATE"]}
    assert suggest_enquiry_sac(enquiry, [late_outcome], [late_lack], [advocate]) == {
        "sac_lacked_capacity": "NOT_LACKED"}
    # An open enquiry looks at everything recorded so far.
    assert suggest_enquiry_sac({}, [late_outcome], [late_lack], [advocate]) == {
        "msp_asked": "ASKED_EXPRESSED", "msp_outcomes_achieved": "FULLY",
        "sac_lacked_capacity": "LACKED", "sac_capacity_support": "YES"}
    # No advocate does not mean no support from family or friends: left to the worker.
    assert "sac_capacity_support" not in suggest_enquiry_sac({}, [], [late_lack], [])


def test_outcomes_up_to_the_conclusion_are_read_by_the_uk_day() -> None:
    # 23:30 UTC on 10 June 2025 is 00:30 on 11 June in BST: after a conclusion on 10 June,
    # as the capacity assessments are read (enquiry_assessments), not on the day itself.
    late = {"first_expressed_at": "2025-06-10T23:30:00+00:00"}
    assert outcomes_by([late], "2025-06-10") == []
    assert outcomes_by([late], "2025-06-11") == [late]
    # And a conclusion stamped 23:30 UTC on 10 June was on 11 June: an outcome of 11 June counts.
    same_day = {"first_expressed_at": "2025-06-11"}
    assert outcomes_by([same_day], "2025-06-10T23:30:00+00:00") == [same_day]


def test_suggestions_count_only_assessments_of_decisions_about_the_enquiry() -> None:
    enquiry = {"started_at": "2025-02-01", "concluded_at": "2025-03-20"}
    tenancy = {"assessed_at": "2025-02-10T09:00:00+00:00", "conclusion": "LACKS_CAPACITY",
               "decision_category": "TENANCY"}
    taking_part = {**tenancy, "decision_category": "ENQUIRY_PARTICIPATION",
                   "conclusion": "HAS_CAPACITY"}
    assert suggest_enquiry_sac(enquiry, [], [tenancy, taking_part]) == {
        "sac_lacked_capacity": "NOT_LACKED"}
    # An assessment of taking part, years before the enquiry, does not answer it either.
    old = {**tenancy, "decision_category": "ENQUIRY_PARTICIPATION",
           "assessed_at": "2023-02-10T09:00:00+00:00"}
    assert suggest_enquiry_sac(enquiry, [], [old]) == {"sac_lacked_capacity": "NOT_LACKED"}
    recent = {**old, "assessed_at": "2025-01-10T09:00:00+00:00"}  # while information gathered
    assert suggest_enquiry_sac(enquiry, [], [recent]) == {"sac_lacked_capacity": "LACKED"}


ADULT = {"family_name": "Ó Súilleabháin", "given_names": "Siobhán Marie",
         "date_of_birth": "1950-05-01"}


def test_same_adult_by_name_and_birth() -> None:
    typed = {"family_name": "o suilleabhain", "given_names": "Siobhan", "date_of_birth":
             "1950-05-01"}
    assert match_reason(typed, ADULT) == "name_and_birth"
    assert match_reason({**typed, "given_names": ""}, ADULT) == "name_and_birth"
    assert match_reason({**typed, "given_names": "Marie"}, ADULT) is None
    assert match_reason({**typed, "preferred_name": "Siobhan", "given_names": "Mary"},
                        {**ADULT, "preferred_name": "Siobhan"}) == "name_and_birth"
    assert match_reason({**typed, "date_of_birth": None}, ADULT) is None


@pytest.mark.parametrize(("written", "typed"), [
    ({"family_name": "Michałowska", "given_names": "Mirosław"},
     {"family_name": "Michalowska", "given_names": "Miroslaw"}),
    ({"family_name": "Løvås", "given_names": "Bjørn"},
     {"family_name": "Lovas", "given_names": "Bjorn"}),
    ({"family_name": "Weiß", "given_names": "Jürgen"},
     {"family_name": "Weiss", "given_names": "Jurgen"}),
])
def test_same_adult_when_letters_without_a_decomposition_are_typed_plainly(
        written: dict[str, str], typed: dict[str, str]) -> None:
    # ł, ø, ß are letters of their own to NFKD: they fold as a worker types them, so a
    # repeat concern is still the same adult for the SAC unique-individual counts.
    born = {"date_of_birth": "1948-11-02"}
    assert match_reason({**typed, **born}, {**written, **born}) == "name_and_birth"
    assert match_reason({**written, **born}, {**typed, **born}) == "name_and_birth"
    assert match_reason({**typed, **born}, {**written, "date_of_birth": "1948-11-03"}) is None


@given(st.text(alphabet="ABCDEFGHIJ0123456789-", min_size=1, max_size=12).filter(
    lambda t: t.strip("-")))
def test_office_ids_match_whatever_the_spacing_and_case(office_id: str) -> None:
    typed = {"office_person_id": f" {office_id.lower()} "}
    assert office_id_key(office_id) == office_id_key(typed["office_person_id"])
    assert match_reason(typed, {"office_person_id": office_id}) == "office_id"
