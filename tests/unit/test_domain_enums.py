"""Enumerations: counts, exact SAC labels, roll-ups (domain.md §6.4, §9.3)."""

from __future__ import annotations

import pytest

from msp_desktop.domain import enums as E
from msp_desktop.domain.enums import Choice, Enumeration

ALL = [v for v in vars(E).values() if isinstance(v, Enumeration)]


@pytest.mark.parametrize(
    ("enum", "count"),
    [
        (E.ABUSE_TYPE, 11),
        (E.LOCATION, 9),
        (E.SOURCE_SAC, 3),
        (E.RISK_OUTCOME, 7),
        (E.RISK_RESULT, 4),
        (E.MSP_ASKED, 5),
        (E.MSP_ACHIEVED, 3),
        (E.SAC_CAPACITY, 4),
        (E.AGE_BAND, 6),
        (E.GENDER_SAC, 3),
        (E.ETHNICITY_SAC, 7),
        (E.PSR_SAC, 8),
        (E.PSR_DETAIL, 11),
        (E.OVERRIDE_GROUND, 11),
        (E.CASE_STATUS, 10),
        (E.CONSENT_TYPE, 7),
        (E.CONSENT_STATUS, 6),
        (E.NOT_SOUGHT, 5),
        (E.NON_ENQUIRY_RESPONSE, 8),
        (E.CRITERIA_NOT_MET, 3),
        (E.CONCERN_DECISION, 3),
        (E.WALES_DETERMINATION, 4),
        (E.ART6, 5),
        (E.ART9, 5),
        (E.FUNC, 3),
        (E.CAPACITY_CONCLUSION, 3),
        (E.RAG, 3),
        (E.ADULT_AGREEMENT, 4),
        (E.CLOSURE_REASON, 8),
        (E.NOTE_TYPE, 12),
        (E.JURISDICTION, 2),
        (E.FRAMEWORK, 2),
        (E.REFERRAL_SOURCE, 15),
        (E.CONTACT_ROLE, 13),
        (E.DECISION_CAT, 11),
        (E.AUTHORITY, 13),
        (E.ADVOCACY, 7),
        (E.PLANNING, 4),
        (E.OUTCOME_STATUS, 3),
        (E.EXPRESSED_BY, 2),
        (E.DECIDED_BY, 4),
        (E.CAPACITY_FOR_DECISION, 3),
        (E.PLAN_ACTION_STATUS, 4),
        (E.AMENDMENT_TYPE, 3),
        (E.ENQUIRY_TYPE, 2),
        (E.YES_NO_UNCLEAR, 3),
    ],
)
def test_counts(enum: Enumeration, count: int) -> None:
    assert len(enum) == count


def test_sac_labels_are_exact() -> None:
    assert [c.sac for c in E.ABUSE_TYPE] == [
        "Physical Abuse", "Sexual Abuse", "Psychological Abuse",
        "Financial or Material Abuse", "Discriminatory Abuse", "Organisational Abuse",
        "Neglect and Acts of Omission", "Domestic Abuse", "Sexual Exploitation",
        "Modern Slavery", "Self-Neglect",
    ]
    assert [c.sac for c in E.LOCATION] == [
        "Own Home", "In the Community", "Community Service", "Care Home - Nursing",
        "Care Home - Residential", "Hospital - Acute", "Hospital - Mental Health",
        "Hospital - Community", "Other",
    ]
    assert E.SOURCE_SAC.sac_label("OTHER_KNOWN") == "Other - Known to individual"
    assert E.SOURCE_SAC.sac_label("OTHER_UNKNOWN") == "Other - Unknown to individual"
    assert E.RISK_OUTCOME.sac_label("CEASED_AT_REQUEST") == (
        "Enquiry ceased at individual's request and no action taken")
    assert E.RISK_OUTCOME.sac_label("INCONCLUSIVE_ACTION") == (
        "Risk Assessment inconclusive and action taken")
    assert E.RISK_RESULT.sac_label("REMOVED") == "Risk removed"
    assert E.RISK_RESULT.sac_label("NOT_APPLICABLE") is None
    assert E.MSP_ASKED.sac_label("ASKED_EXPRESSED") == (
        "Yes they were asked and outcomes were expressed")
    assert E.MSP_ASKED.sac_label("NOT_ASKED") == "No"
    assert E.MSP_ASKED.sac_label("DONT_KNOW") == "Don't Know"
    assert E.MSP_ACHIEVED.sac_label("PARTIALLY") == "Partially Achieved"
    assert E.SAC_CAPACITY.sac_label("NOT_LACKED") == "No, they did not lack capacity"
    assert E.SAC_CAPACITY.sac_label("DONT_KNOW") == "Don't know"  # lower-case k, unlike SG4a
    assert E.GENDER_SAC.sac_label("NOT_KNOWN") == "Not Known"
    assert E.ETHNICITY_SAC.sac_label("BLACK") == "Black / African / Caribbean / Black British"
    assert E.ETHNICITY_SAC.sac_label("NOT_KNOWN") == "Undeclared / Not Known"
    assert E.PSR_SAC.sac_label("MEMORY_COGNITION") == "Support with Memory and Cognition"
    assert E.AGE_BAND.sac_label("95_PLUS") == "95+"


def test_every_sac_enum_value_has_a_sac_label() -> None:
    sac_enums = [E.ABUSE_TYPE, E.LOCATION, E.SOURCE_SAC, E.RISK_OUTCOME, E.MSP_ASKED,
                 E.MSP_ACHIEVED, E.SAC_CAPACITY, E.GENDER_SAC, E.ETHNICITY_SAC, E.PSR_SAC]
    for enum in sac_enums:
        assert all(c.sac for c in enum), enum.ident


def test_psr_detail_rolls_up_to_psr_sac() -> None:
    assert all(c.sac_code in E.PSR_SAC for c in E.PSR_DETAIL)
    assert E.PSR_DETAIL.get("DUAL_IMPAIRMENT").sac_code == "SENSORY"
    assert E.PSR_DETAIL.get("ASYLUM_SEEKER").sac_code == "SOCIAL"
    assert E.PSR_DETAIL.label("SOCIAL_ISOLATION_OTHER") == "Support for social isolation / other"


def test_detailed_lists_roll_up_to_known_codes() -> None:
    assert all(c.sac_code in E.ETHNICITY_SAC for c in E.ETHNICITY_NHS)
    # A source with no fixed roll-up is one the worker answers Known or Unknown for.
    fixed = [c for c in E.SOURCE_DETAIL if c.code not in E.SOURCE_NEVER_PROVIDER]
    assert all(c.sac_code in E.SOURCE_SAC for c in fixed)
    assert all(E.SOURCE_DETAIL.get(c).sac_code is None for c in E.SOURCE_NEVER_PROVIDER)


def test_paid_carers_are_service_providers_and_staff_have_no_fixed_source() -> None:
    for code in ("PERSONAL_ASSISTANT", "DIRECT_PAYMENT_CARER", "SELF_FUNDED_CARER"):
        assert E.SOURCE_DETAIL.get(code).sac_code == "SERVICE_PROVIDER"
    staff = {"HEALTH", "ASSESSMENT_CARE_MANAGEMENT", "POLICE", "REGULATOR", "OTHER_ORGANISATION"}
    assert staff == E.SOURCE_NEVER_PROVIDER


def test_health_conditions_carry_the_mandatory_sg1e_labels_exactly() -> None:
    assert E.HEALTH_CONDITION.ident == "E-HEALTH-COND"
    assert E.HEALTH_CONDITION.sac_label("AUTISM") == (
        "Learning, Developmental or Intellectual Disability (Autism excluding Asperger's "
        "Syndrome/ High Functioning Autism)")
    assert E.HEALTH_CONDITION.sac_label("ASPERGERS") == (
        "Learning, Developmental or Intellectual Disability (Asperger's Syndrome/ High "
        "Functioning Autism)")


def test_spec_codes() -> None:
    assert "enquiry_in_progress" in E.CASE_STATUS
    assert E.OVERRIDE_GROUND.choices[0].code == "LACKS_CAPACITY_BI"
    assert "PUBLIC_INTEREST_OTHER" in E.OVERRIDE_GROUND
    assert [c.code for c in E.AGE_BAND] == [
        "18_64", "65_74", "75_84", "85_94", "95_PLUS", "AGE_UNKNOWN"]
    assert set(E.RISK_IDENTIFIED_OUTCOMES) <= E.RISK_OUTCOME.codes
    assert E.OUTCOME_ACHIEVEMENT is E.MSP_ACHIEVED


def test_enumerations_are_well_formed() -> None:
    idents = [e.ident for e in ALL if e is not E.OUTCOME_ACHIEVEMENT]
    assert len(idents) == len(set(idents)), "two enumerations share an ident"
    for enum in ALL:
        assert len(enum) > 0
        for c in enum:
            assert c.code and c.label.strip() == c.label and c.label


def test_lookup_api() -> None:
    assert E.RAG.label("RED") == "High risk (red)"
    assert E.RAG.label("PURPLE") == "PURPLE"  # unknown codes fall back to the code
    assert E.RAG.sac_label("PURPLE") is None
    assert "RED" in E.RAG and "PURPLE" not in E.RAG
    with pytest.raises(ValueError):
        Enumeration("X", [Choice("A", "a"), Choice("A", "b")])
