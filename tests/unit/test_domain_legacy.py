"""Payloads saved before fields were coded keep loading, and nothing typed is lost."""

from __future__ import annotations

from msp_desktop.domain.fields import clean, validate
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.legacy import current_payload, health_condition_code

OLD_CASE = {"person_id": "p1", "status": "concern_received", "opened_at": "2024-05-01"}


def test_a_council_name_typed_before_coding_becomes_its_code() -> None:
    body = clean(KINDS["case"], {**OLD_CASE, "host_la": "Leeds City Council",
                                 "placing_la": "London Borough of Hackney"})
    assert body["host_council"] == "E08000035"
    assert body["placing_council"] == "E09000012"
    assert "host_la" not in body and "placing_la" not in body
    assert validate(KINDS["case"], body) == []


def test_text_that_names_no_council_is_kept_for_the_worker() -> None:
    body = clean(KINDS["case"], {**OLD_CASE, "host_la": "Kent and Medway"})
    assert body["host_la"] == "Kent and Medway"
    assert "host_council" not in body
    assert validate(KINDS["case"], body) == []
    assert KINDS["case"].field("host_la").legacy


def test_a_code_already_chosen_is_not_replaced_by_old_text() -> None:
    body = current_payload("case", {**OLD_CASE, "host_council": "E10000016",
                                    "host_la": "Leeds"})
    assert body["host_council"] == "E10000016" and body["host_la"] == "Leeds"


def test_health_condition_text_gets_a_code_only_when_it_is_clear() -> None:
    assert health_condition_code("Asperger's syndrome") == "ASPERGERS"
    assert health_condition_code("High-functioning autism") == "ASPERGERS"
    assert health_condition_code("Autism") == "AUTISM"
    assert health_condition_code("Alzheimer's disease") == "DEMENTIA"
    assert health_condition_code("Deafblind") == "DUAL_SENSORY"
    assert health_condition_code("Dementia and depression") is None
    assert health_condition_code("Ingrowing toenail") is None


def test_health_condition_words_must_name_the_condition() -> None:
    """Loose substrings coded sight loss, autism, drug misuse and illness from words that name
    none of them."""
    for text in ("Limited insight", "Known to ASC", "Takes drugs for blood pressure",
                 "Heartbroken since her husband died", "Basic needs met", "Gradually frailer"):
        assert health_condition_code(text) is None, text
    assert health_condition_code("Sight loss") == "VISUAL"
    assert health_condition_code("Registered blind") == "VISUAL"
    assert health_condition_code("Drug misuse") == "SUBSTANCE_MISUSE"
    assert health_condition_code("Alcoholic") == "SUBSTANCE_MISUSE"
    assert health_condition_code("Heart failure") == "LONG_TERM_CONDITION"
    assert health_condition_code("Autistic") == "AUTISM"
    assert health_condition_code("ASD") == "AUTISM"
    assert health_condition_code("Down's syndrome") == "LEARNING_DISABILITY"


def test_a_code_read_from_text_is_marked_only_when_asked_and_never_saved() -> None:
    person = {"family_name": "Jones", "jurisdiction": "ENG", "health_conditions": [
        {"condition": "Autism"}, {"code": "DEMENTIA", "condition": "Dementia"}]}
    marked = current_payload("person", person, mark_guesses=True)["health_conditions"]
    assert marked == [{"condition": "Autism", "code": "AUTISM", "code_guessed": True},
                      {"code": "DEMENTIA", "condition": "Dementia"}]
    assert "code_guessed" not in current_payload("person", person)["health_conditions"][0]
    assert "code_guessed" not in clean(KINDS["person"], person)["health_conditions"][0]


def test_old_health_condition_rows_keep_their_text() -> None:
    person = {"family_name": "Jones", "jurisdiction": "ENG", "health_conditions": [
        {"condition": "Autism", "source": "GP record"},
        {"condition": "Ingrowing toenail"}]}
    body = clean(KINDS["person"], person)
    rows = body["health_conditions"]
    assert rows[0] == {"code": "AUTISM", "condition": "Autism", "source": "GP record"}
    assert rows[1] == {"condition": "Ingrowing toenail"}
    problems = validate(KINDS["person"], body)
    assert [p.field for p in problems] == ["health_conditions"]
    assert "entry 2: Condition is missing" in problems[0].message


def test_a_capacity_support_tick_box_reads_as_yes_or_no() -> None:
    base = {"case_id": "c1", "enquiry_type": "OTHER", "started_at": "2024-05-01",
            "sac_lacked_capacity": "LACKED"}
    yes = clean(KINDS["enquiry"], {**base, "sac_capacity_support": True,
                                   "support_types": ["IMCA"]})
    assert yes["sac_capacity_support"] == "YES" and yes["support_types"] == ["IMCA"]
    no = clean(KINDS["enquiry"], {**base, "sac_capacity_support": False})
    assert no["sac_capacity_support"] == "NO"
    assert validate(KINDS["enquiry"], yes) == [] and validate(KINDS["enquiry"], no) == []


def test_kinds_without_an_upgrade_are_copied_unchanged() -> None:
    payload = {"case_id": "c1", "closed_at": "2024-05-01"}
    out = current_payload("closure", payload)
    assert out == payload and out is not payload
