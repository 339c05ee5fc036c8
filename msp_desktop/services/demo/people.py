"""The adult (who they are, their language and needs), their person record, and the relatives,
supporters and advocates on each case."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from msp_desktop.domain.derive import ethnicity_sac_for, psr_sac_for
from msp_desktop.services.demo.data import ENGLISH, NICKNAMES
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.model import Adult, Episode


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
    wales = draw.chance(float(g["wales_share"]))
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
    return Adult(
        person_id=draw.new_id(), given=given, family=family, female=female, group=group,
        language=language, interpreter_needed=interpreter,
        jurisdiction="WAL" if wales else "ENG", psr=psr, age=age,
        lacks_capacity_likely=likely,
    )


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
    conditions = draw.rng.sample(draw.phrases["conditions"], draw.rng.randint(0, 3))
    payload: dict[str, Any] = {
        "family_name": a.family,
        "given_names": a.given,
        "preferred_name": NICKNAMES.get(a.given) if draw.chance(0.5) else None,
        "office_person_id": f"DEMO-{draw.ids.randrange(10**7):07d}",
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
            {"condition": c, "source": draw.pick(("GP record", "Hospital letter",
                                                  "The adult")),
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
        "current_la": draw.pick(names["councils_wal" if wales else "councils_eng"]),
        "no_recourse_public_funds": "NO" if draw.chance(0.9) else "NOT_KNOWN",
    }
    draw.w.create("person", a.person_id, payload)


def write_relatives(draw: Draw, a: Adult, ep: Episode) -> None:
    theme = draw.theme(ep)
    detail, relation = draw.pick(theme["sources"])
    g = draw.names["groups"][a.group]
    family_relations = ("son", "daughter", "grandson", "husband", "wife", "partner")
    kin = (*family_relations, "niece", "nephew")
    if detail == "FAMILY_CARER" or draw.chance(0.7):
        rel = relation if detail == "FAMILY_CARER" else draw.pick(
            ("daughter", "son", "niece", "nephew", "neighbour", "friend"))
        male = rel in ("son", "grandson", "husband", "nephew") or (
            rel == "partner" and a.female)
        given = draw.pick(g["male"] if male else g["female"])
        family = a.family if rel in kin else str(
            draw.pick(g["family"])).split("|")[0]
        name = f"{given} {family}"
        is_source = detail == "FAMILY_CARER"
        roles = ["FAMILY" if rel in kin else "FRIEND"]
        if is_source:
            roles.append("ALLEGED_CAUSED_HARM")
        elif rel in kin:
            roles.append("CARER_UNPAID")
        rid = draw.w.create("related_person", draw.new_id(), {
            "case_id": ep.case_id, "name": name, "relationship_to_adult": rel,
            "roles": roles, "is_paid_or_professional": False,
            "do_not_contact": True if is_source and draw.chance(0.3) else None,
            "safety_notes": f"{name} may be at the address; see the adult alone."
            if is_source else None,
            "contact_details": f"07700 900{draw.rng.randint(0, 999):03d}",
        })
        ep.rel_id, ep.rel_name, ep.rel_role, ep.rel_is_source = rid, name, rel, is_source
    if ep.rel_is_source or ep.rel_id is None or draw.chance(0.3):
        # Someone on the adult's side: a friend or relative who is not alleged to harm them.
        given = draw.pick(g["female"] if draw.chance(0.6) else g["male"])
        name = f"{given} {str(draw.pick(g['family'])).split('|')[0]}"
        ai = not a.lacks_capacity_likely and draw.chance(0.2)
        ep.supporter_id = draw.w.create("related_person", draw.new_id(), {
            "case_id": ep.case_id, "name": name,
            "relationship_to_adult": draw.pick(("friend", "niece", "neighbour", "cousin")),
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
