"""The adult (who they are, their language and needs), their person record, and the relatives,
supporters and advocates on each case."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain.derive import ethnicity_sac_for, psr_sac_for
from msp_desktop.services.demo.data import ENGLISH, NICKNAMES
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode
from msp_desktop.services.demo.scenario import PROVIDED, setting_weights


def make_adult(draw: Draw) -> Adult:
    """Who the adult is; nothing is written until write_person."""
    groups: dict[str, Any] = draw.names["groups"]
    group = draw.weighted([(g, int(v["weight"])) for g, v in groups.items()])
    g = groups[group]
    female = draw.chance(0.6)
    given = draw.pick(g["female"] if female else g["male"])
    family = str(draw.pick(g["family"]))
    if "|" in family:  # Polish surnames agree with gender: Kowalski / Kowalska
        male_form, female_form = family.split("|")
        family = female_form if female else male_form
    age = draw.weighted(((draw.rng.randint(18, 64), 25), (draw.rng.randint(65, 74), 15),
                         (draw.rng.randint(75, 84), 30), (draw.rng.randint(85, 94), 25),
                         (draw.rng.randint(95, 102), 5)))
    languages: list[str] = g["languages"]
    language = languages[0]
    if group == "welsh":
        language = "Welsh" if draw.chance(0.55) else ENGLISH
    elif language != ENGLISH and draw.chance(0.35 if age < 65 else 0.15):
        language = ENGLISH
    interpreter = language not in (ENGLISH, "Welsh") and draw.chance(0.8)
    if age < 65:
        psr = draw.weighted((("LEARNING_DISABILITY", 30), ("MENTAL_HEALTH", 30),
                             ("SUBSTANCE_MISUSE", 10), ("PERSONAL_CARE", 15),
                             ("ACCESS_MOBILITY", 10), ("SOCIAL_ISOLATION_OTHER", 5)))
    else:
        psr = draw.weighted((("PERSONAL_CARE", 35), ("MEMORY_COGNITION", 30),
                             ("ACCESS_MOBILITY", 20), ("VISUAL", 5), ("HEARING", 5),
                             ("MENTAL_HEALTH", 5)))
    likely = psr in ("MEMORY_COGNITION", "LEARNING_DISABILITY") or (
        psr == "MENTAL_HEALTH" and draw.chance(0.3))
    impairment = {"MEMORY_COGNITION": "dementia", "LEARNING_DISABILITY": "ld",
                  "MENTAL_HEALTH": "mh"}.get(psr) if likely else None
    wales = draw.chance(float(g["wales_share"]))
    setting = draw.weighted(setting_weights(psr, age))
    provider = ""
    if setting in PROVIDED:
        provider = str(draw.pick(draw.names["settings"][setting]["wal" if wales else "eng"]))
    councils = draw.names["councils_wal" if wales else "councils_eng"]
    # Most adults live in the demo's own council (the first listed); a few across the border.
    council = councils[0] if draw.chance(0.9) else draw.pick(councils[1:])
    return Adult(
        person_id=draw.new_id(), given=given, family=family, female=female, group=group,
        language=language, interpreter_needed=interpreter,
        jurisdiction="WAL" if wales else "ENG", psr=psr, age=age,
        lacks_capacity_likely=likely, setting=setting, provider=provider,
        impairment=impairment, council=council,
    )


# Health conditions that go with each primary support reason: (younger, older).
CONDITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "PERSONAL_CARE": (("Multiple sclerosis", "Cerebral palsy", "Spinal cord injury"),
                      ("Stroke", "Heart failure", "Parkinson's disease", "Arthritis")),
    "ACCESS_MOBILITY": (("Multiple sclerosis", "Arthritis"),
                        ("Arthritis", "COPD", "Stroke")),
    "VISUAL": (("Visual impairment",), ("Visual impairment",)),
    "HEARING": (("Hearing loss",), ("Hearing loss",)),
    "MEMORY_COGNITION": (("Dementia",), ("Dementia",)),
    "LEARNING_DISABILITY": (("Learning disability",), ("Learning disability",)),
    "MENTAL_HEALTH": (("Depression", "Schizophrenia", "Bipolar disorder"),
                      ("Depression", "Anxiety")),
    "SUBSTANCE_MISUSE": (("Alcohol dependence",), ("Alcohol dependence",)),
    "SOCIAL_ISOLATION_OTHER": (("Depression", "Anxiety"), ("Depression",)),
}
# Each diagnosis under its E-HEALTH-COND code (the SAC counts autism and Asperger's, SG1e).
CONDITION_CODE = {
    "Dementia": "DEMENTIA", "Learning disability": "LEARNING_DISABILITY",
    "Autism": "AUTISM", "Asperger's syndrome": "ASPERGERS",
    "Depression": "MENTAL_HEALTH", "Anxiety": "MENTAL_HEALTH",
    "Schizophrenia": "MENTAL_HEALTH", "Bipolar disorder": "MENTAL_HEALTH",
    "Multiple sclerosis": "NEUROLOGICAL", "Parkinson's disease": "NEUROLOGICAL",
    "Cerebral palsy": "PHYSICAL_DISABILITY", "Spinal cord injury": "PHYSICAL_DISABILITY",
    "Arthritis": "PHYSICAL_DISABILITY", "Stroke": "ACQUIRED_BRAIN_INJURY",
    "Heart failure": "LONG_TERM_CONDITION", "COPD": "LONG_TERM_CONDITION",
    "Type 2 diabetes": "LONG_TERM_CONDITION", "Visual impairment": "VISUAL",
    "Hearing loss": "HEARING", "Alcohol dependence": "SUBSTANCE_MISUSE",
    "Frailty": "FRAILTY",
}
IMPAIRMENT_CONDITION = {"dementia": "Dementia", "ld": "Learning disability",
                        "mh": "Schizophrenia"}
OLDER_EXTRAS = ("Type 2 diabetes", "Hearing loss", "Arthritis", "COPD", "Heart failure")


def _conditions(draw: Draw, a: Adult) -> list[str]:
    """The adult's diagnoses: the one behind their support reason first, autism for some."""
    younger, older = CONDITIONS[a.psr]
    found = [IMPAIRMENT_CONDITION[a.impairment]] if a.impairment else []
    if not found or draw.chance(0.5):
        found.append(str(draw.pick(older if a.age >= 65 else younger)))
    autism = 0.35 if a.psr == "LEARNING_DISABILITY" else 0.08 if a.age < 65 else 0.0
    if draw.chance(autism):
        found.append("Asperger's syndrome" if a.psr != "LEARNING_DISABILITY" and
                     draw.chance(0.4) else "Autism")
    if a.age >= 65 and draw.chance(0.5):
        found.append(str(draw.pick(OLDER_EXTRAS)))
    if a.age >= 90 and draw.chance(0.3):
        found.append("Frailty")
    return list(dict.fromkeys(found))


def write_person(draw: Draw, a: Adult) -> None:
    names = draw.names
    wales = a.jurisdiction == "WAL"
    g = names["groups"][a.group]
    ethnicity = str(draw.pick(g["ethnicity"]))
    if draw.chance(0.04):
        ethnicity = draw.pick(("Z", "99"))
    dob = draw.today - dt.timedelta(days=a.age * 365 + draw.rng.randint(0, 364))
    town = draw.pick(names["towns_wal" if wales else "towns_eng"])
    area = draw.pick(names["postcode_areas_wal" if wales else "postcode_areas_eng"])
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    postcode = (f"{area}{draw.rng.randint(1, 19)} {draw.rng.randint(1, 9)}"
                f"{draw.pick(letters)}{draw.pick(letters)}")
    conditions = _conditions(draw, a)
    a.record = payload = {}  # filled below; kept so a death can be added to it later
    payload.update({
        "family_name": a.family,
        "given_names": a.given,
        "preferred_name": NICKNAMES.get(a.given) if draw.chance(0.5) else None,
        "office_person_id": f"DEMO-{draw.serial:07d}",
        "nhs_number": _test_nhs_number(draw.rng),
        "date_of_birth": dob.isoformat(),
        "dob_estimated": True if draw.chance(0.03) else None,
        "jurisdiction": a.jurisdiction,
        "gender_sac": "FEMALE" if a.female else "MALE",
        "gender_self_described": ("woman" if a.female else "man") if draw.chance(0.2)
        else None,
        "ethnicity_code": ethnicity,
        "ethnicity_sac": ethnicity_sac_for(ethnicity),
        "psr_detail": a.psr,
        "psr_sac": psr_sac_for(a.psr),
        "health_conditions": [
            {"code": CONDITION_CODE[c], "condition": c,
             "source": draw.pick(("GP record", "Hospital letter", "The adult")),
             "recorded_on": (draw.today - dt.timedelta(days=draw.rng.randint(30, 900)))
             .isoformat()}
            for c in conditions
        ],
        "preferred_language": a.language,
        "correspondence_language": a.language if a.language in (ENGLISH, "Welsh")
        else ENGLISH,
        "active_offer_made": True if wales else None,
        "active_offer_date": (draw.today - dt.timedelta(days=draw.rng.randint(5, 700)))
        .isoformat() if wales else None,
        "interpreter_needed": a.interpreter_needed,
        "communication_needs": draw.pick((
            "Speaks slowly and needs time to answer.", "Wears hearing aids; face the adult "
            "when speaking.", "Prefers written information in large print.",
            "Uses Makaton signs alongside speech.",
        )) if draw.chance(0.25) else None,
        "address": f"{draw.rng.randint(1, 120)} {draw.pick(names['streets'])}\n{town}",
        "postcode": postcode,
        "phone": f"07700 900{draw.rng.randint(0, 999):03d}",  # Ofcom drama range
        "gp_practice": draw.pick(names["gp_practices"]),
        "current_la": E.COUNCIL.label(a.council),
        "no_recourse_public_funds": "NO" if draw.chance(0.9) else "NOT_KNOWN",
    })
    draw.w.create("person", a.person_id, payload)


MALE_RELATIONS = frozenset({"son", "grandson", "husband", "nephew", "brother", "father"})


def _family_relation(draw: Draw, a: Adult, abuse: str) -> tuple[str, bool]:
    """Who in the family is alleged to harm the adult, fitting their age; (relation, male).
    The phrase bank speaks of a man where the abuse is physical, domestic or financial."""
    male_only = abuse in ("PHYSICAL", "DOMESTIC", "FINANCIAL")
    partner = ("husband",) if a.female else ("partner",)
    pool: tuple[str, ...]
    if a.age < 45 or (a.psr == "LEARNING_DISABILITY" and a.age < 70):
        pool = ("brother", "father", "partner") if male_only else (
            "mother", "father", "brother", "sister", "partner")
    elif a.age < 70:
        pool = (*partner, "son", "brother") if male_only else (
            *partner, "son", "daughter", "brother", "sister")
    else:
        pool = (*partner, "son", "grandson", "nephew") if male_only else (
            *partner, "son", "daughter", "grandson", "wife" if not a.female else "daughter")
    if abuse == "DOMESTIC" and a.age >= 45:
        pool = (*partner, *partner, "son")
    rel = str(draw.pick(pool))
    male = rel in MALE_RELATIONS or (rel == "partner" and (male_only or a.female))
    return rel, male


def _surname(group: dict[str, Any], family: str, male: bool) -> str:
    """The family name as a relative of this gender carries it (Kowalski / Kowalska)."""
    for forms in group["family"]:
        if "|" in forms and family in forms.split("|"):
            return str(forms.split("|")[0 if male else 1])
    return family


def _not_the_adults(pool: list[str], given: str, a: Adult) -> str:
    """A relative or friend never has the adult's first name (which, with the family name,
    could make them the adult's namesake): the next name in the list instead, so the draws
    that follow stay the same."""
    if given != a.given:
        return given
    return pool[(pool.index(given) + 1) % len(pool)]


def write_relatives(draw: Draw, a: Adult, ep: Episode) -> None:
    g = draw.names["groups"][a.group]
    is_source = ep.source_detail == "FAMILY_CARER"
    if is_source or draw.chance(0.6):
        if is_source:
            rel, male = _family_relation(draw, a, ep.abuse)
        else:
            rel = draw.pick(("daughter", "son", "niece", "nephew") if a.age >= 50 else
                            ("mother", "father", "sister", "brother"))
            male = rel in MALE_RELATIONS
        pool = g["male"] if male else g["female"]
        given = _not_the_adults(pool, draw.pick(pool), a)
        name = f"{given} {_surname(g, a.family, male)}"
        roles = ["FAMILY", "ALLEGED_CAUSED_HARM" if is_source else "CARER_UNPAID"]
        rid = draw.w.create("related_person", draw.new_id(), {
            "case_id": ep.case_id, "name": name, "relationship_to_adult": rel,
            "roles": roles, "is_paid_or_professional": False,
            "do_not_contact": True if is_source and draw.chance(0.3) else None,
            "safety_notes": f"{name} may be at the address; see the adult alone."
            if is_source else None,
            "contact_details": f"07700 900{draw.rng.randint(0, 999):03d}",
        })
        ep.rel_id, ep.rel_name, ep.rel_role, ep.rel_is_source = rid, name, rel, is_source
        ep.rel_male = male
    if ep.rel_is_source or ep.rel_id is None or draw.chance(0.3):
        # Someone on the adult's side: a friend or relative who is not alleged to harm them.
        relation = draw.pick(("friend", "niece", "neighbour", "cousin", "nephew"))
        female = relation == "niece" or (relation != "nephew" and draw.chance(0.6))
        pool = g["female"] if female else g["male"]
        given = _not_the_adults(pool, draw.pick(pool), a)
        name = f"{given} {str(draw.pick(g['family'])).split('|')[0]}"
        ai = not a.lacks_capacity_likely and draw.chance(0.2)
        ep.supporter_id = draw.w.create("related_person", draw.new_id(), {
            "case_id": ep.case_id, "name": name,
            "relationship_to_adult": relation,
            "roles": ["FRIEND", "APPROPRIATE_INDIVIDUAL"] if ai else ["FRIEND"],
            "is_paid_or_professional": False,
            "contact_details": f"07700 900{draw.rng.randint(0, 999):03d}",
        })
        ep.supporter_name = name
    if a.lacks_capacity_likely:
        name = draw.pick(("Jo Marsden", "Sam Okoro", "Bethan Rhys", "Kamal Hussain"))
        ep.advocate_id = draw.w.create("related_person", draw.new_id(), {
            "case_id": ep.case_id, "name": name, "relationship_to_adult": "advocate",
            "roles": [draw.pick(("ADVOCATE", "IMCA"))],
            "organisation": "Voice Together Advocacy", "is_paid_or_professional": True,
        })
        ep.advocate_name = name


def _test_nhs_number(rng: random.Random) -> str:
    """A number in the 999 range the NHS reserves for testing, with a valid check digit."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            digits.append(check)
            s = "".join(map(str, digits))
            return f"{s[:3]} {s[3:6]} {s[6:]}"
