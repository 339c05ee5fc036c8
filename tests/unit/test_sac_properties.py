"""Invariants of the Safeguarding Adults Collection counts over random caseloads (hypothesis):
totals agree with the records counted directly, unique individuals never exceed cases, and
records of other years, other councils or Wales change nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_desktop.domain import enums as E
from msp_desktop.domain.sac import SacInput, sac_report

HOME, ELSEWHERE = "E09000012", "E09000002"
YEAR = 2025
FIRST, LAST = dt.date(2025, 4, 1), dt.date(2026, 3, 31)

days = st.dates(min_value=dt.date(2024, 10, 1), max_value=dt.date(2026, 9, 30))
maybe = st.none() | st.just("")


def codes(enum: E.Enumeration) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(sorted(enum.codes))


risk = st.fixed_dictionaries({
    "abuse_type": codes(E.ABUSE_TYPE), "location": codes(E.LOCATION),
    "source_of_risk": codes(E.SOURCE_SAC),
    "risk_assessment_outcome": codes(E.RISK_OUTCOME), "risk_result": codes(E.RISK_RESULT),
})
enquiry = st.fixed_dictionaries({
    "enquiry_type": st.sampled_from(["S42", "OTHER"]), "started": days,
    "concluded": st.none() | days, "risks": st.lists(risk, max_size=4),
    "sac_lacked_capacity": codes(E.SAC_CAPACITY), "sac_capacity_support": codes(E.YES_NO),
    "msp_asked": codes(E.MSP_ASKED), "msp_outcomes_achieved": codes(E.MSP_ACHIEVED),
})
case = st.fixed_dictionaries({
    "person": st.integers(0, 2),  # adults with several cases are common
    "jurisdiction": st.sampled_from(["ENG", "ENG", "WAL", None]),
    "host_council": st.sampled_from([HOME, HOME, ELSEWHERE, None]),
    "psr_sac": codes(E.PSR_SAC),
    "concerns": st.lists(st.tuples(days, st.booleans()), max_size=3),
    "enquiries": st.lists(enquiry, max_size=2),
})
person = st.fixed_dictionaries({
    "date_of_birth": st.none() | st.dates(min_value=dt.date(1915, 1, 1),
                                          max_value=dt.date(2006, 1, 1)),
    "gender_sac": codes(E.GENDER_SAC), "ethnicity_sac": codes(E.ETHNICITY_SAC),
    "jurisdiction": st.sampled_from(["ENG", "WAL"]),
    "conditions": st.lists(codes(E.HEALTH_CONDITION), max_size=3),
})


def build(people: list[dict[str, Any]], cases: list[dict[str, Any]], tag: str = ""
          ) -> dict[str, dict[str, dict[str, Any]]]:
    kinds: dict[str, dict[str, dict[str, Any]]] = {
        k: {} for k in ("people", "cases", "concerns", "concern_decisions", "enquiries",
                        "risk_items", "desired_outcomes", "closures", "capacity_assessments")}
    for i, p in enumerate(people):
        kinds["people"][f"{tag}P{i}"] = {
            "family_name": "x", "jurisdiction": p["jurisdiction"],
            "date_of_birth": p["date_of_birth"] and p["date_of_birth"].isoformat(),
            "gender_sac": p["gender_sac"], "ethnicity_sac": p["ethnicity_sac"],
            "health_conditions": [{"code": c} for c in p["conditions"]]}
    for ci, c in enumerate(cases):
        cid = f"{tag}C{ci}"
        kinds["cases"][cid] = {"person_id": f"{tag}P{c['person'] % len(people)}",
                               "jurisdiction": c["jurisdiction"],
                               "host_council": c["host_council"], "psr_sac": c["psr_sac"]}
        for ki, (day, checked) in enumerate(c["concerns"]):
            kinds["concerns"][f"{cid}K{ki}"] = {"case_id": cid, "received_at": f"{day}T10:00:00",
                                                "reasonable_cause_checked": checked}
        for ei, e in enumerate(c["enquiries"]):
            eid = f"{cid}E{ei}"
            kinds["enquiries"][eid] = {
                "case_id": cid, "enquiry_type": e["enquiry_type"],
                "started_at": e["started"].isoformat(),
                "concluded_at": e["concluded"] and e["concluded"].isoformat(),
                **{k: e[k] for k in ("sac_lacked_capacity", "sac_capacity_support", "msp_asked",
                                     "msp_outcomes_achieved")}}
            for ri, r in enumerate(e["risks"]):
                kinds["risk_items"][f"{eid}R{ri}"] = {"case_id": cid, "enquiry_id": eid, **r}
    return kinds


def in_scope(kinds: dict[str, dict[str, dict[str, Any]]], case_id: str) -> bool:
    c = kinds["cases"][case_id]
    p = kinds["people"][c["person_id"]]
    return ((c["jurisdiction"] or p["jurisdiction"]) == "ENG"
            and c["host_council"] in (HOME, None))


def in_year(value: str | None) -> bool:
    return bool(value) and FIRST <= dt.date.fromisoformat(str(value)[:10]) <= LAST


def column_total(report: Any, table: str, column: str) -> int:
    t = report.table(table)
    return sum(t.cell(r.code, column) for r in t.rows)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(person, min_size=1, max_size=6), st.lists(case, max_size=8),
       st.lists(case, min_size=1, max_size=3), st.data())
def test_sac_invariants(people: list[dict[str, Any]], cases: list[dict[str, Any]],
                        noise: list[dict[str, Any]], data: st.DataObject) -> None:
    kinds = build(people, cases)
    report = sac_report(SacInput(**kinds), year=YEAR, council=HOME)

    scoped = {cid for cid in kinds["cases"] if in_scope(kinds, cid)}
    concluded = {eid: e for eid, e in kinds["enquiries"].items() if e["case_id"] in scoped
                 and e["enquiry_type"] == "S42" and in_year(e["concluded_at"])}
    concerns = [k for k in kinds["concerns"].values() if k["case_id"] in scoped
                and k["reasonable_cause_checked"] and in_year(k["received_at"])]
    started = {t: [e for e in kinds["enquiries"].values() if e["case_id"] in scoped
                   and e["enquiry_type"] == t and in_year(e["started_at"])]
               for t in ("S42", "OTHER")}

    # SG1f: the records counted directly.
    sg1f = report.table("SG1f")
    assert sg1f.cell("CONCERNS", "NUMBER") == len(concerns)
    assert sg1f.cell("S42", "NUMBER") == len(started["S42"])
    assert sg1f.cell("OTHER", "NUMBER") == len(started["OTHER"])
    # SG1b/SG1c count adults, SG1d cases: never more adults than cases, never more cases than
    # concerns or enquiries; SG1a leaves out only those under 18.
    for column, events in (("CONCERNS", concerns), ("S42", started["S42"]),
                           ("OTHER", started["OTHER"])):
        case_ids = {e["case_id"] for e in events}
        adults = {kinds["cases"][c]["person_id"] for c in case_ids}
        assert column_total(report, "SG1d", column) == len(case_ids) <= len(events)
        assert column_total(report, "SG1b", column) == len(adults)
        assert column_total(report, "SG1c", column) == len(adults)
        assert column_total(report, "SG1a", column) <= len(adults)
    # SG3a and the SG4a question "asked" hold every concluded enquiry exactly once.
    sg3a = report.table("SG3a")
    assert sum(r.values[0] for r in sg3a.rows if r.code != "SUPPORTED") == len(concluded)
    assert sg3a.cell("SUPPORTED", "CONCLUDED_S42") <= sg3a.cell("LACKED", "CONCLUDED_S42")
    sg4a = report.table("SG4a")
    assert sum(r.values[0] for r in sg4a.rows if r.code.startswith("ASKED:")) == len(concluded)
    assert (sum(r.values[0] for r in sg4a.rows if r.code.startswith("ACHIEVED:"))
            <= sg4a.cell("ASKED:ASKED_EXPRESSED", "CONCLUDED_S42"))
    # SG2c: each outcome at most once per enquiry; every enquiry with an outcome counted.
    sg2c = report.table("SG2c")
    with_outcome = {r["enquiry_id"] for r in kinds["risk_items"].values()
                    if r["enquiry_id"] in concluded and r["risk_assessment_outcome"]}
    assert all(r.values[0] <= len(concluded) for r in sg2c.rows)
    assert sum(r.values[0] for r in sg2c.rows) >= len(with_outcome)
    assert all(r.values[0] <= sg2c.cell("RISK_ID_ACTION", "CONCLUDED_S42")
               for r in report.table("SG2e").rows)

    # Records of other years, of Wales or of another council change nothing.
    shift = data.draw(st.sampled_from(["past", "wales", "elsewhere"]))
    extra_cases = []
    for c in noise:
        c = dict(c)
        if shift == "past":
            c["concerns"] = [(d.replace(year=2023), ok) for d, ok in c["concerns"]]
            c["enquiries"] = [{**e, "started": e["started"].replace(year=2023),
                               "concluded": e["concluded"] and e["concluded"].replace(year=2023)}
                              for e in c["enquiries"]]
        elif shift == "wales":
            c["jurisdiction"] = "WAL"
        else:
            c["host_council"] = ELSEWHERE
        extra_cases.append(c)
    more = build(people, extra_cases, tag="x")
    merged = {k: {**kinds[k], **more[k]} for k in kinds}
    again = sac_report(SacInput(**merged), year=YEAR, council=HOME)
    assert again.tables == report.tables
    assert again.uncounted == report.uncounted

    # The order records arrive in changes nothing either.
    backwards = {k: dict(reversed(list(v.items()))) for k, v in kinds.items()}
    assert sac_report(SacInput(**backwards), year=YEAR, council=HOME) == report
