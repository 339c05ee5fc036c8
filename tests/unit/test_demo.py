"""The synthetic demo caseload: deterministic, valid, varied and searchable."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msp_desktop.domain import enums as E
from msp_desktop.domain.fields import clean, validate, validate_for_finalise
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.revisions import RecordState
from msp_desktop.resources import resource_path
from msp_desktop.services.demo import generate
from msp_desktop.services.search import search
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams
from msp_desktop.storage.store import RecordStore

CASES = 40


def _session(path: Path) -> Session:
    return Session.create(path, "pass phrase words", kdf=KdfParams.fast(), author="t",
                          device_name="t")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    session = _session(tmp_path_factory.mktemp("demo") / "v")
    generate(session, cases=CASES, seed=7)
    yield session
    session.close()


def _all(store: RecordStore) -> list[RecordState]:
    return [r for kind in KINDS for r in store.records_of_kind(kind)]


def _dump(session: Session) -> str:
    """Record ids, kinds, statuses and payloads: what must match between two same-seed vaults."""
    rows = sorted((r.record_id, r.kind, r.status, r.payload) for r in _all(session.store))
    return json.dumps(rows, sort_keys=True, ensure_ascii=False)


class _Ctx:
    """The store as a RuleContext that also knows which record is being checked."""

    def __init__(self, store: RecordStore, record_id: str) -> None:
        self.store, self.record_id = store, record_id

    def get(self, record_id: str) -> Any:
        return self.store.get(record_id)

    def find(self, kind: str, case_id: str) -> Any:
        return self.store.find(kind, case_id)


def test_counts_and_audit(demo: Session) -> None:
    cases = demo.store.records_of_kind("case")
    assert len(cases) == CASES
    entries = [e for e in demo.audit.entries() if e.action == "demo.generate"]
    assert len(entries) == 1
    assert set(entries[0].detail) == {"cases", "records", "revisions"}  # counts only
    assert entries[0].detail["cases"] == CASES


def test_every_record_validates(demo: Session) -> None:
    problems = []
    for r in _all(demo.store):
        kind = KINDS[r.kind]
        assert clean(kind, r.payload) == r.payload, r.kind
        check = validate_for_finalise if r.finalised else validate
        found = check(kind, r.payload, _Ctx(demo.store, r.record_id))
        problems.extend(f"{r.kind} {r.record_id[:8]}: {p}" for p in found)
    assert problems == []


def test_every_record_passes_the_records_service(demo: Session) -> None:
    """What the app would say on saving each record again: the domain rules, references to
    records of the right kind, and office ids that name one adult each."""
    from msp_desktop.services import records

    problems = []
    for r in _all(demo.store):
        check = records.check_finalise if r.finalised else records.check
        found = list(check(demo, r.kind, r.payload, r.record_id))
        found += records.ref_problems(demo, KINDS[r.kind], r.payload)
        problems.extend(f"{r.kind} {r.record_id[:8]}: {p}" for p in found)
    assert problems == []


def test_every_stage_and_kind_appears() -> None:
    with _Tmp() as session:
        generate(session, cases=120, seed=3, notes_per_case=1)
        stages = Counter(r.payload["status"] for r in session.store.records_of_kind("case"))
        assert set(stages) == E.CASE_STATUS.codes
        assert stages["closed"] >= 15
        assert min(stages.values()) >= 3
        kinds = session.store.counts_by_kind()
        assert set(kinds) == set(KINDS)
        reopened = [r for r in session.store.records_of_kind("case")
                    if r.payload["status"] == "reopened"]
        assert all(r.payload.get("previous_case_id") for r in reopened)
        notes = session.store.records_of_kind("contact_note")
        assert len(notes) == 120


def test_realistic_variety(demo: Session) -> None:
    store = demo.store
    names = json.loads(resource_path("data/demo_names.json").read_text("utf-8"))
    groups = names["groups"]
    people = [r.payload for r in store.records_of_kind("person")]
    notes = [r for r in store.records_of_kind("contact_note")]
    consents = [r.payload for r in store.records_of_kind("consent_decision")]
    capacity = [r.payload for r in store.records_of_kind("capacity_assessment")]
    statuses = Counter(n.status for n in notes)
    assert statuses["final"] > statuses["saved"] > 0
    assert any(n.payload.get("adult_own_words", "").startswith("\u201c") for n in notes)
    assert any(n.payload.get("interpreter_used") for n in notes)
    assert any(c["status"] == "REFUSED" or c["status"] == "WITHDRAWN" for c in consents)
    assert any(c.get("override") is True for c in consents)
    assert any(c.get("override") is False for c in consents)
    assert any(c["conclusion"] == "LACKS_CAPACITY" for c in capacity)
    assert store.records_of_kind("best_interests_decision")
    assert all(p["nhs_number"].startswith("999") for p in people)  # NHS test range only

    # Names include Welsh, Polish and South Asian families (checked on the shipped list, and a
    # larger vault shows them in use).
    for group in ("welsh", "polish", "indian", "pakistani", "bangladeshi"):
        assert groups[group]["family"]
    assert "ap Rhys" in groups["welsh"]["family"]
    assert "Gwenllian" in groups["welsh"]["female"]
    assert "Kowalski|Kowalska" in groups["polish"]["family"]
    assert "Begum" in groups["bangladeshi"]["family"]


def test_names_in_use_include_welsh_polish_south_asian() -> None:
    names = json.loads(resource_path("data/demo_names.json").read_text("utf-8"))["groups"]
    with _Tmp() as session:
        generate(session, cases=150, seed=11, notes_per_case=0)
        families = {r.payload["family_name"] for r in session.store.records_of_kind("person")}

    def used(group: str) -> bool:
        wanted = {part for f in names[group]["family"] for part in f.split("|")}
        return bool(families & wanted - {"Jones", "Williams", "Davies", "Evans", "Thomas",
                                           "Brown", "Clarke", "Campbell"})

    assert used("welsh") and used("polish")
    assert used("indian") or used("pakistani") or used("bangladeshi")


def test_search_finds_phrase_bank_text(demo: Session) -> None:
    hits = search(demo, "arrange a visit", audit=False)
    hits += search(demo, "explained the safeguarding process", audit=False)
    assert hits, "a phrase from the bank should be found"
    assert all(h.case_id for h in hits)


def test_same_seed_same_payloads_other_seed_differs(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        session = _session(tmp_path / name)
        try:
            generate(session, cases=15, seed=seed, notes_per_case=3)
            dumps.append(_dump(session))
        finally:
            session.close()
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]


def test_second_run_on_same_vault_adds_new_records(tmp_path: Path) -> None:
    session = _session(tmp_path / "v")
    try:
        generate(session, cases=3, seed=1, notes_per_case=1)
        stats = generate(session, cases=3, seed=1, notes_per_case=1)
        assert stats.cases == 3
        assert len(session.store.records_of_kind("case")) == 6
        # Office ids name one adult each, across both runs (a duplicate is refused on save):
        # numbered on from the adults already there, never drawn at random.
        ids = sorted(p.payload["office_person_id"]
                     for p in session.store.records_of_kind("person"))
        assert ids == [f"DEMO-{n:07d}" for n in range(1, len(ids) + 1)]
    finally:
        session.close()


class _Tmp:
    """A throwaway vault in its own temporary folder."""

    def __enter__(self) -> Session:
        import tempfile

        self._dir = tempfile.TemporaryDirectory()
        self.session = _session(Path(self._dir.name) / "v")
        return self.session

    def __exit__(self, *exc: object) -> None:
        self.session.close()
        self._dir.cleanup()


# --- Coherence: the caseload must add up to a believable return --------------------------
# Each rule is a function from a caseload to the problems it finds, checked on a generated
# caseload (no problems) and on a copy with one record made wrong (the rule must notice).

Caseload = dict[str, dict[str, dict[str, Any]]]  # kind -> record id -> payload


@pytest.fixture(scope="module")
def caseload(tmp_path_factory: pytest.TempPathFactory) -> Caseload:
    session = _session(tmp_path_factory.mktemp("coherent") / "v")
    try:
        generate(session, cases=260, seed=21, notes_per_case=2)
        return {kind: {r.record_id: dict(r.payload) for r in session.store.records_of_kind(kind)}
                for kind in KINDS}
    finally:
        session.close()


def _case(load: Caseload, payload: dict[str, Any]) -> dict[str, Any]:
    return load["case"][payload["case_id"]]


def _person(load: Caseload, payload: dict[str, Any]) -> dict[str, Any]:
    return load["person"][_case(load, payload)["person_id"]]


def _age(person: dict[str, Any], on: str) -> int:
    born, day = dt.date.fromisoformat(person["date_of_birth"]), dt.date.fromisoformat(on[:10])
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def hospital_harm_is_not_social_care(load: Caseload) -> list[str]:
    """An NHS ward is health: harm in a hospital is never put down to a social care provider."""
    return [rid for rid, r in load["risk_item"].items()
            if r["location"].startswith("HOSPITAL_")
            and (r["source_of_risk"] == "SERVICE_PROVIDER"
                 or r["source_relationship"].startswith("PROVIDER_"))]


def self_neglect_is_the_adult_at_home(load: Caseload) -> list[str]:
    return [rid for rid, r in load["risk_item"].items()
            if (r["abuse_type"] == "SELF_NEGLECT") != (r["source_relationship"] == "SELF")
            or (r["abuse_type"] == "SELF_NEGLECT" and r["location"] != "OWN_HOME")]


def exploitation_fits_age_and_setting(load: Caseload) -> list[str]:
    """No sexual exploitation or modern slavery of a 95-year-old in a care home."""
    return [rid for rid, r in load["risk_item"].items()
            if r["abuse_type"] in ("SEXUAL_EXPLOITATION", "MODERN_SLAVERY")
            and (_age(_person(load, r), _case(load, r)["opened_at"]) > 60
                 or r["location"].startswith(("CARE_HOME", "HOSPITAL")))]


def organisational_abuse_is_by_an_organisation(load: Caseload) -> list[str]:
    return [rid for rid, r in load["risk_item"].items()
            if r["abuse_type"] == "ORGANISATIONAL"
            and r["source_relationship"] not in ("PROVIDER_PRIVATE", "PROVIDER_PUBLIC",
                                                 "PROVIDER_VOLUNTARY", "HEALTH")]


def paid_carers_and_staff_roll_up_right(load: Caseload) -> list[str]:
    """Paid carers (agency or employed by the adult) are Service Providers; health and police
    staff are Known or Unknown to the adult, never Service Provider."""
    paid = {"PROVIDER_PRIVATE", "PROVIDER_PUBLIC", "PROVIDER_VOLUNTARY", "PERSONAL_ASSISTANT",
            "DIRECT_PAYMENT_CARER", "SELF_FUNDED_CARER"}
    return [rid for rid, r in load["risk_item"].items()
            if (r["source_relationship"] in paid) != (r["source_of_risk"] == "SERVICE_PROVIDER")]


def family_sources_are_named_relatives(load: Caseload) -> list[str]:
    bad = []
    for rid, r in load["risk_item"].items():
        if r["source_relationship"] != "FAMILY_CARER":
            continue
        rel = load["related_person"].get(r.get("alleged_source_id") or "")
        if rel is None or rel["case_id"] != r["case_id"] or \
                "ALLEGED_CAUSED_HARM" not in rel["roles"] or \
                rel["name"] != r["alleged_source_name"]:
            bad.append(rid)
    return bad


_CONSENT_DECISION = {"S42_INVOLVEMENT": "ENQUIRY_PARTICIPATION", "SHARE_INFO": "CONSENT_TO_SHARE"}


def consents_link_an_assessment_of_the_same_decision(load: Caseload) -> list[str]:
    bad = []
    for rid, c in load["consent_decision"].items():
        link = c.get("capacity_link")
        if link is None:
            continue
        assessment = load["capacity_assessment"].get(link)
        if assessment is None or assessment["case_id"] != c["case_id"] or \
                assessment["decision_category"] != _CONSENT_DECISION.get(c["consent_type"]):
            bad.append(rid)
    return bad


# Words a best-interests decision must use to answer the question it was asked.
_BI_ANSWERS = {"ENQUIRY_PARTICIPATION": "enquiry", "CONSENT_TO_SHARE": "share",
               "RESIDENCE": "stay", "CARE": "care", "CONTACT": "contact",
               "FINANCES": "appointee"}


def best_interests_answer_the_question(load: Caseload) -> list[str]:
    bad = []
    for rid, b in load["best_interests_decision"].items():
        category = load["capacity_assessment"][b["capacity_assessment_id"]]["decision_category"]
        if _BI_ANSWERS[category] not in b["decision"].lower():
            bad.append(rid)
    return bad


# What the assessment must say about the impairment behind each primary support reason.
_IMPAIRMENT_WORDS = {"MEMORY_COGNITION": ("dementia",), "LEARNING_DISABILITY":
                     ("learning disability",), "MENTAL_HEALTH": ("schizophrenia", "bipolar",
                                                                 "psychotic")}


def capacity_text_fits_impairment_and_decision(load: Caseload) -> list[str]:
    bad = []
    for rid, a in load["capacity_assessment"].items():
        words = _IMPAIRMENT_WORDS.get(_person(load, a)["psr_detail"], ())
        said = f"{a.get('trigger', '')} {a.get('impairment_description', '')}".lower()
        evidence = " ".join(str(a.get(f"{i}_evidence") or "") for i in
                            ("understand", "retain", "use_weigh")).lower()
        if not any(w in said for w in words) or (
                "bank" in evidence and a["decision_category"] != "FINANCES"):
            bad.append(rid)
    return bad


def welsh_cases_are_not_section_42(load: Caseload) -> list[str]:
    bad = []
    welsh = {cid for cid, c in load["case"].items() if c["jurisdiction"] == "WAL"}
    for cid in welsh:
        if load["case"][cid]["legal_framework"] != "SSWBA_S126":
            bad.append(cid)
    for kind, recs in load.items():
        for rid, p in recs.items():
            if p.get("case_id") not in welsh:
                continue
            text = json.dumps(p, ensure_ascii=False).lower()
            if "section 42" in text or "s42_enquiry" in text or p.get("enquiry_type") == "S42":
                bad.append(rid)
            if kind == "concern_decision" and not p.get("wales_determination"):
                bad.append(rid)
            if kind == "enquiry" and (p.get("msp_asked") or p.get("sac_lacked_capacity")):
                bad.append(rid)  # the SAC is England-only
    return bad


def deaths_prompt_a_review(load: Caseload) -> list[str]:
    """A death has its date (on the closure and on the adult), a SAR considered, and nothing
    recorded with the adult after it."""
    bad = []
    for rid, c in load["closure"].items():
        if c["closure_reason"] != "ADULT_DIED":
            continue
        person = _person(load, c)
        died = c.get("date_of_death")
        if not died or c.get("sar_considered") is not True or \
                person.get("date_of_death") != died:
            bad.append(rid)
            continue
        bad += [nid for nid, n in load["contact_note"].items()
                if n["case_id"] == c["case_id"] and n.get("adult_present")
                and n["event_start"][:10] > died]
    return bad


def cases_keep_their_sac_details(load: Caseload) -> list[str]:
    """Host council coded for the right country; the support reason as it was on the case."""
    bad = []
    for cid, c in load["case"].items():
        host = c.get("host_council") or ""
        if not host.startswith("W" if c["jurisdiction"] == "WAL" else "E") or \
                host not in E.COUNCIL.codes or \
                c.get("psr_detail") != load["person"][c["person_id"]]["psr_detail"]:
            bad.append(cid)
    return bad


# Who the description says reported the concern, and the referral source that goes with it.
_REPORTERS = (("Police", "POLICE"), ("GP ", "HEALTH_PROFESSIONAL"),
              ("District nurse", "HEALTH_PROFESSIONAL"), ("Pharmacist", "HEALTH_PROFESSIONAL"),
              ("Housing officer", "HOUSING"), ("Ambulance crew", "AMBULANCE"),
              ("Fire service", "FIRE"), ("Hospital discharge", "HOSPITAL"), ("A&E", "HOSPITAL"),
              ("Care home manager", "CARE_HOME_PROVIDER"), ("Home carer", "HOME_CARE_PROVIDER"))


def referrers_fit_the_referral_source(load: Caseload) -> list[str]:
    return [rid for rid, c in load["concern"].items() for prefix, source in _REPORTERS
            if c["description"].startswith(prefix) and c["referral_source"] != source]


def others_at_risk_agree(load: Caseload) -> list[str]:
    """Other adults at risk in the concern are other adults at risk in the risk assessment."""
    others = {c["case_id"]: "ADULTS" in c["others_at_risk"] for c in load["concern"].values()}
    return [rid for rid, a in load["risk_assessment"].items() for e in a["entries"]
            if ("OTHER_ADULTS" in e["who_at_risk"]) != others[a["case_id"]]]


RULES = [referrers_fit_the_referral_source, others_at_risk_agree, hospital_harm_is_not_social_care,
         self_neglect_is_the_adult_at_home,
         exploitation_fits_age_and_setting, organisational_abuse_is_by_an_organisation,
         paid_carers_and_staff_roll_up_right, family_sources_are_named_relatives,
         consents_link_an_assessment_of_the_same_decision, best_interests_answer_the_question,
         capacity_text_fits_impairment_and_decision, welsh_cases_are_not_section_42,
         deaths_prompt_a_review, cases_keep_their_sac_details]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_caseload_is_coherent(caseload: Caseload, rule: Any) -> None:
    assert rule(caseload) == []


def _first(load: Caseload, kind: str, where: Any) -> dict[str, Any]:
    return next(p for p in load[kind].values() if where(p))


def _breaks(load: Caseload, kind: str, where: Any, change: dict[str, Any]) -> Caseload:
    """A copy of the caseload with one matching record changed."""
    broken = json.loads(json.dumps(load))
    target = _first(broken, kind, where)
    target.update(change)
    return broken


_OLD_CARE_HOME = {"location": "CARE_HOME_RESIDENTIAL", "abuse_type": "MODERN_SLAVERY"}

BREAKS = [
    (others_at_risk_agree, "concern", lambda c: c["others_at_risk"] == ["NONE"],
     {"others_at_risk": ["ADULTS"]}),
    (referrers_fit_the_referral_source, "concern",
     lambda c: c["description"].startswith("Police"), {"referral_source": "SELF"}),
    (hospital_harm_is_not_social_care, "risk_item",
     lambda r: r["source_relationship"] == "PROVIDER_PRIVATE", {"location": "HOSPITAL_ACUTE"}),
    (self_neglect_is_the_adult_at_home, "risk_item",
     lambda r: r["abuse_type"] == "SELF_NEGLECT", {"source_relationship": "FAMILY_CARER"}),
    (exploitation_fits_age_and_setting, "risk_item", lambda r: True, _OLD_CARE_HOME),
    (organisational_abuse_is_by_an_organisation, "risk_item",
     lambda r: r["source_relationship"] == "FAMILY_CARER", {"abuse_type": "ORGANISATIONAL"}),
    (paid_carers_and_staff_roll_up_right, "risk_item",
     lambda r: r["source_relationship"] == "HEALTH", {"source_of_risk": "SERVICE_PROVIDER"}),
    (family_sources_are_named_relatives, "risk_item",
     lambda r: r["source_relationship"] == "FAMILY_CARER", {"alleged_source_id": None}),
    (consents_link_an_assessment_of_the_same_decision, "consent_decision",
     lambda c: c.get("capacity_link"), {"consent_type": "POLICE_REFERRAL"}),
    (best_interests_answer_the_question, "capacity_assessment",
     lambda a: a["conclusion"] == "LACKS_CAPACITY" and a["decision_category"] != "CONTACT",
     {"decision_category": "CONTACT"}),
    (capacity_text_fits_impairment_and_decision, "capacity_assessment",
     lambda a: a["decision_category"] == "FINANCES" and a.get("retain_evidence"),
     {"decision_category": "CARE"}),
    (welsh_cases_are_not_section_42, "enquiry",
     lambda e: True, {"enquiry_type": "S42"}),
    (deaths_prompt_a_review, "closure",
     lambda c: c["closure_reason"] == "ADULT_DIED", {"sar_considered": None}),
    (cases_keep_their_sac_details, "case",
     lambda c: c["jurisdiction"] == "WAL", {"host_council": "E08000035"}),
]


@pytest.mark.parametrize("rule,kind,where,change", BREAKS, ids=[b[0].__name__ for b in BREAKS])
def test_each_coherence_rule_notices_a_break(caseload: Caseload, rule: Any, kind: str,
                                             where: Any, change: dict[str, Any]) -> None:
    if rule is welsh_cases_are_not_section_42:
        welsh = {cid for cid, c in caseload["case"].items() if c["jurisdiction"] == "WAL"}
        where = lambda e: e["case_id"] in welsh  # noqa: E731
    assert rule(_breaks(caseload, kind, where, change)) != []


def test_caseload_shows_what_the_sac_counts(caseload: Caseload) -> None:
    """The return has something in the rows that are easy to leave empty."""
    risks = list(caseload["risk_item"].values())
    sources = Counter(r["source_relationship"] for r in risks)
    assert sources["FAMILY_CARER"] and sources["PROVIDER_PRIVATE"] and sources["SELF"]
    assert {"PERSONAL_ASSISTANT", "DIRECT_PAYMENT_CARER", "SELF_FUNDED_CARER"} & set(sources)
    health = {r["source_of_risk"] for r in risks if r["source_relationship"] == "HEALTH"}
    assert health == {"OTHER_KNOWN", "OTHER_UNKNOWN"}  # staff may or may not be known
    assert any(r["location"].startswith("HOSPITAL_") for r in risks)
    codes = Counter(h["code"] for p in caseload["person"].values()
                    for h in p.get("health_conditions") or [])
    assert codes["AUTISM"] and codes["ASPERGERS"] and codes["DEMENTIA"]
    for p in caseload["person"].values():  # the support reason has its diagnosis
        wanted = {"LEARNING_DISABILITY": "LEARNING_DISABILITY",
                  "MEMORY_COGNITION": "DEMENTIA"}.get(p["psr_detail"])
        assert wanted is None or wanted in {h["code"] for h in p["health_conditions"]}
    hosts = Counter(c["host_council"] for c in caseload["case"].values()
                    if c["jurisdiction"] == "ENG")
    _, n = hosts.most_common(1)[0]
    assert n >= 0.75 * sum(hosts.values()) and len(hosts) > 1  # mostly ours, some not
    assert any(c.get("placing_council") for c in caseload["case"].values())
    assert any(c["closure_reason"] == "ADULT_DIED" for c in caseload["closure"].values())


def test_demo_vault_reports_to_its_own_council(demo: Session) -> None:
    from msp_desktop.storage import marks

    hosts = Counter(r.payload["host_council"] for r in demo.store.records_of_kind("case")
                    if r.payload["jurisdiction"] == "ENG")
    assert marks.reporting_council(demo.conn) == hosts.most_common(1)[0][0]


def test_every_scenario_has_a_concern_that_fits() -> None:
    """No case falls back to a referral written for someone else's circumstances."""
    from msp_desktop.services.demo.data import names_and_phrases
    from msp_desktop.services.demo.scenario import (
        HOSPITALS,
        IN_CARE,
        PROVIDED,
        SCENARIOS,
        SOURCE_TAG,
        location_for,
    )
    from msp_desktop.services.demo.tags import fits

    themes = names_and_phrases()[1]["themes"]
    missing = []
    for abuse, whos in SCENARIOS.items():
        for who in whos:
            for setting in who.settings:
                tags = {SOURCE_TAG[who.detail], setting, abuse, "rel", "rel_female",
                        "in_care" if setting in IN_CARE else "at_home"}
                if setting in PROVIDED:
                    tags.add("provided")
                if location_for(who, setting, "PERSONAL_CARE", 80, "HOSPITAL_ACUTE") in HOSPITALS:
                    tags.add("hospital")
                # Every concern is tagged by who referred it; one must fit this case.
                if not any(fits(c, tags) for c in themes[abuse]["concern"]):
                    missing.append((abuse, who.detail, setting))
    assert missing == []


def test_relatives_carry_the_family_name_in_their_own_gender(caseload: Caseload) -> None:
    """A Polish son of Pani Kowalska is Kowalski."""
    names = json.loads(resource_path("data/demo_names.json").read_text("utf-8"))
    forms = {f for f in names["groups"]["polish"]["family"] if "|" in f}
    male = {"son", "grandson", "husband", "nephew", "brother", "father"}
    checked = []
    for rel in caseload["related_person"].values():
        family = _person(caseload, rel)["family_name"]
        pair = next((f.split("|") for f in forms if family in f.split("|")), None)
        if pair and "FAMILY" in rel["roles"] and rel["relationship_to_adult"] != "partner":
            wanted = pair[0] if rel["relationship_to_adult"] in male else pair[1]
            checked.append(rel["name"].endswith(" " + wanted))
    assert checked and all(checked)


def test_no_relative_has_the_adults_own_name(caseload: Caseload) -> None:
    """A son named after his mother's full name would look like the adult in every record
    (and a subject-access copy cannot tell them apart in the text)."""
    same = []
    for rid, rel in caseload["related_person"].items():
        p = _person(caseload, rel)
        if " ".join(rel["name"].split()).casefold() == \
                f"{p['given_names']} {p['family_name']}".casefold():
            same.append(rid)
    assert same == []
