"""Where the adult lives and who is alleged to harm them: the facts every record of a case must
agree on, so the return the demo produces is believable.

The adult's setting (own home, home care, supported living, a care home) decides which
organisations are around them. The abuse type is drawn only among those that fit the adult's
age and setting, together with who is alleged to cause the harm and where, from SCENARIOS:
a social care provider only where one is involved, a hospital ward as health staff (never a
social care provider), self-neglect as the adult themselves at home, sexual exploitation and
modern slavery only for younger adults who live in the community.
"""

from __future__ import annotations

from dataclasses import dataclass

from msp_desktop.services.demo.data import ABUSE_WEIGHTS

AT_HOME = frozenset({"home", "home_care", "supported"})
IN_CARE = frozenset({"care_home", "nursing"})
PROVIDED = frozenset({"home_care", "supported", "care_home", "nursing"})
ANY = AT_HOME | IN_CARE
# Adults at home with no agency: some employ their own carers (direct payments or privately).
DIRECT = frozenset({"home"})

# The SAC location of harm that happens where the adult lives (supported living is their home).
HOME_LOCATION = {"home": "OWN_HOME", "home_care": "OWN_HOME", "supported": "OWN_HOME",
                 "care_home": "CARE_HOME_RESIDENTIAL", "nursing": "CARE_HOME_NURSING"}
HOSPITALS = ("HOSPITAL_ACUTE", "HOSPITAL_MENTAL_HEALTH", "HOSPITAL_COMMUNITY")

# Source details that are staff of the adult's own social care provider.
PROVIDER_DETAILS = frozenset({"PROVIDER_PRIVATE", "PROVIDER_PUBLIC", "PROVIDER_VOLUNTARY"})
# Paid carers the adult employs or pays directly: Service Providers in the SAC, not agencies.
PAID_BY_ADULT = frozenset({"PERSONAL_ASSISTANT", "DIRECT_PAYMENT_CARER", "SELF_FUNDED_CARER"})
# What each source detail is called in the phrase tags.
SOURCE_TAG = {
    "PROVIDER_PRIVATE": "provider", "PROVIDER_PUBLIC": "provider",
    "PROVIDER_VOLUNTARY": "provider", "FAMILY_CARER": "family", "SELF": "self",
    "HEALTH": "health", "KNOWN_NOT_RELATED": "known", "STRANGER": "stranger",
    "UNKNOWN_OTHER": "stranger", "PERSONAL_ASSISTANT": "pa", "DIRECT_PAYMENT_CARER": "pa",
    "SELF_FUNDED_CARER": "pa", "POLICE": "police_staff",
}


@dataclass(frozen=True)
class Who:
    """Who is alleged to cause the harm, and where it happens."""

    detail: str  # E-SOURCE-DETAIL
    relation: str  # how the record names them; "family" is filled in from the relative
    where: str  # "lives" (where the adult lives), "community", "other", "hospital"
    weight: int
    settings: frozenset[str] = ANY
    min_age: int = 18
    max_age: int = 120


SCENARIOS: dict[str, tuple[Who, ...]] = {
    "FINANCIAL": (
        Who("FAMILY_CARER", "family", "lives", 50),
        Who("KNOWN_NOT_RELATED", "lodger", "lives", 10, AT_HOME - {"supported"}),
        Who("STRANGER", "scam caller", "lives", 25, frozenset({"home", "home_care"}),
            min_age=60),
        Who("PROVIDER_PRIVATE", "care worker", "lives", 12, PROVIDED),
        Who("PERSONAL_ASSISTANT", "personal assistant", "lives", 8, DIRECT),
        Who("SELF_FUNDED_CARER", "carer the adult pays privately", "lives", 6, DIRECT,
            min_age=65),
    ),
    "PHYSICAL": (
        Who("FAMILY_CARER", "family", "lives", 45, AT_HOME),
        Who("PROVIDER_PRIVATE", "care worker", "lives", 35, PROVIDED),
        Who("KNOWN_NOT_RELATED", "fellow resident", "lives", 20,
            IN_CARE | {"supported"}),
        Who("PERSONAL_ASSISTANT", "personal assistant", "lives", 8, DIRECT),
        Who("POLICE", "police officer", "community", 3, AT_HOME, max_age=70),
    ),
    "PSYCHOLOGICAL": (
        Who("FAMILY_CARER", "family", "lives", 60, AT_HOME),
        Who("PROVIDER_PRIVATE", "care worker", "lives", 40, PROVIDED),
        Who("DIRECT_PAYMENT_CARER", "carer paid by direct payment", "lives", 6, DIRECT),
    ),
    "NEGLECT": (
        Who("PROVIDER_PRIVATE", "care provider", "lives", 55, PROVIDED),
        Who("FAMILY_CARER", "family", "lives", 25, frozenset({"home", "home_care"})),
        Who("HEALTH", "community nursing team", "lives", 10, AT_HOME, min_age=50),
        Who("HEALTH", "ward staff", "hospital", 10, min_age=60),
        Who("DIRECT_PAYMENT_CARER", "carer paid by direct payment", "lives", 12, DIRECT),
        Who("SELF_FUNDED_CARER", "carer the adult pays privately", "lives", 6, DIRECT,
            min_age=65),
    ),
    "SELF_NEGLECT": (Who("SELF", "self", "lives", 1, AT_HOME),),
    "DOMESTIC": (
        Who("FAMILY_CARER", "family", "lives", 85, AT_HOME),
        Who("FAMILY_CARER", "family", "community", 15, AT_HOME),
    ),
    "SEXUAL": (
        Who("KNOWN_NOT_RELATED", "fellow resident", "lives", 35, IN_CARE | {"supported"}),
        Who("PROVIDER_PRIVATE", "care worker", "lives", 25, PROVIDED),
        Who("STRANGER", "a man not known to the adult", "community", 15, AT_HOME,
            max_age=75),
        Who("KNOWN_NOT_RELATED", "man met online", "lives", 15, AT_HOME, max_age=60),
    ),
    "ORGANISATIONAL": (
        Who("PROVIDER_PRIVATE", "care provider", "lives", 80, PROVIDED),
        Who("HEALTH", "ward staff", "hospital", 20),
    ),
    "DISCRIMINATORY": (
        Who("STRANGER", "neighbours' visitors", "community", 35, AT_HOME),
        Who("KNOWN_NOT_RELATED", "neighbour", "lives", 30, AT_HOME),
        Who("PROVIDER_PRIVATE", "care worker", "lives", 35, PROVIDED),
    ),
    "SEXUAL_EXPLOITATION": (
        Who("KNOWN_NOT_RELATED", "'boyfriend'", "community", 60, AT_HOME, max_age=45),
        Who("STRANGER", "group of men", "community", 40, AT_HOME, max_age=45),
    ),
    "MODERN_SLAVERY": (
        Who("UNKNOWN_OTHER", "gangmaster", "other", 60, frozenset({"home"}), max_age=60),
        Who("KNOWN_NOT_RELATED", "landlord", "other", 40, frozenset({"home"}), max_age=60),
    ),
}

# A second abuse type found in the same enquiry, by the same person: (primary, secondaries).
ALSO = {
    "DOMESTIC": ("PSYCHOLOGICAL", "FINANCIAL", "PHYSICAL"),
    "PHYSICAL": ("PSYCHOLOGICAL",),
    "PSYCHOLOGICAL": ("FINANCIAL",),
    "FINANCIAL": ("PSYCHOLOGICAL",),
    "NEGLECT": ("PSYCHOLOGICAL",),
    "ORGANISATIONAL": ("NEGLECT",),
    "SEXUAL_EXPLOITATION": ("FINANCIAL",),
    "MODERN_SLAVERY": ("FINANCIAL", "PSYCHOLOGICAL"),
}


def fitting(abuse: str, setting: str, age: int) -> list[Who]:
    return [w for w in SCENARIOS[abuse]
            if setting in w.settings and w.min_age <= age <= w.max_age]


def abuse_choices(setting: str, age: int) -> list[tuple[str, int]]:
    """ABUSE_WEIGHTS restricted to the types with a scenario that fits this adult."""
    return [(abuse, weight) for abuse, weight in ABUSE_WEIGHTS
            if fitting(abuse, setting, age)]


def setting_weights(psr: str, age: int) -> tuple[tuple[str, int], ...]:
    """Where an adult with this support reason and age is likely to live."""
    if age < 65:
        if psr == "LEARNING_DISABILITY":
            return (("supported", 40), ("home", 30), ("home_care", 15), ("care_home", 15))
        if psr == "MENTAL_HEALTH":
            return (("home", 60), ("supported", 25), ("home_care", 10), ("care_home", 5))
        if psr in ("PERSONAL_CARE", "ACCESS_MOBILITY"):
            return (("home_care", 60), ("home", 35), ("nursing", 5))
        return (("home", 90), ("supported", 10))
    older = age >= 85
    if psr in ("PERSONAL_CARE", "MEMORY_COGNITION"):
        return (("home_care", 40), ("home", 10), ("care_home", 30 if older else 25),
                ("nursing", 20 if older else 15))
    if psr == "ACCESS_MOBILITY":
        return (("home", 40), ("home_care", 45), ("care_home", 15))
    return (("home", 60), ("home_care", 25), ("care_home", 15))


def location_for(who: Who, setting: str, psr: str, age: int, pick_hospital: str) -> str:
    if who.where == "lives":
        return HOME_LOCATION[setting]
    if who.where == "community":
        return "IN_COMMUNITY"
    if who.where == "other":
        return "OTHER"
    if psr == "MENTAL_HEALTH" and age < 75:
        return "HOSPITAL_MENTAL_HEALTH"
    return pick_hospital
