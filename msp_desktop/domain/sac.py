"""The Safeguarding Adults Collection: the year's tables counted from case records (domain.md
§6.2, §6.5). Pure: plain record payloads in, tables and a list of records to fix out.

Counting rules (domain.md §6.2):
- The reporting year runs from 1 April to 31 March, by the calendar in England: a timestamp
  is converted to UK time before its date is taken (23:30 UTC on 31 March is 1 April in BST).
- SG1 counts concerns received in the year whose reasonable cause was checked, and enquiries
  started in the year, in three columns (concerns, section 42 enquiries, other enquiries).
  SG1a-SG1c count each adult once per column however many cases they had; SG1d and SG1e count
  cases, so an adult with two cases counts twice there. Age is taken on 31 March, or on the day
  the adult died if that was earlier (a date of death on the adult or on a closure).
- SG2-SG4 count the section 42 enquiries concluded in the year, as the published tables do;
  other enquiries are not part of them. Each different type, location, source, outcome and
  result counts once per enquiry: two risks from the same kind of source count once, a
  stranger and a carer once each. SG2e counts only risks identified with action taken.
- Only English cases are counted, and only where the abuse happened in the reporting council's
  area (the case's host council). A case with no host council recorded is counted for the
  reporting council, because a worker records cases of their own council, and it is listed so
  that the council can be filled in; a case hosted by another council is that council's to
  report.
- Adults recorded under separate person records with the same case-management system id are
  one individual. Records with the same name and date of birth and no office id to tell them
  apart are counted apart, as recorded, and listed as perhaps one adult.

What cannot be counted, or is counted under "not known" or "not recorded" only because a
field is empty, is listed (case, record, kind, what is missing in plain words), and so are
answers that the case's own desired outcomes or capacity assessments contradict.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from msp_desktop.domain import enums as E
from msp_desktop.domain.councils import current_code
from msp_desktop.domain.days import day_text
from msp_desktop.domain.derive import (
    age_band,
    ethnicity_sac_for,
    listing,
    london_date,
    psr_sac_for,
    source_sac_for,
)
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.legacy import CODE_GUESSED
from msp_desktop.domain.people import SAME_NAME_AND_BIRTH, match_reason, office_id_key
from msp_desktop.domain.sac_checks import capacity_problems, msp_problems
from msp_desktop.domain.sac_tables import (
    ACHIEVED_PREFIX,
    ASKED_PREFIX,
    CONCERNS,
    CONCLUDED,
    CONCLUDED_COLUMNS,
    NUMBER_COLUMNS,
    OTHER,
    S42,
    SG1_COLUMNS,
    SG1F_ROWS,
    SG3A_QUESTION,
    SG3A_SUPPORT_LABEL,
    SG4A_ACHIEVED_QUESTION,
    SG4A_ASKED_QUESTION,
    SUPPORTED,
    ReportingYear,
    SacTable,
    make_table,
    sac_rows,
    sac_value_rows,
)

Payload = Mapping[str, Any]
Records = Mapping[str, Payload]  # record id -> payload

ENGLAND = "ENG"
_RESULTS = frozenset({"REMAINED", "REDUCED", "REMOVED"})
_ENQUIRY_DECISION_CODES = {"S42_ENQUIRY", "OTHER_ENQUIRY"}


@dataclass(frozen=True)
class SacInput:
    """The vault's current records, by kind, as record id -> payload (entered-in-error records
    already left out)."""

    people: Records = field(default_factory=dict)
    cases: Records = field(default_factory=dict)
    concerns: Records = field(default_factory=dict)
    concern_decisions: Records = field(default_factory=dict)
    enquiries: Records = field(default_factory=dict)
    risk_items: Records = field(default_factory=dict)
    desired_outcomes: Records = field(default_factory=dict)
    closures: Records = field(default_factory=dict)
    capacity_assessments: Records = field(default_factory=dict)
    # Records whose synced versions disagree: each payload above is one version, for now.
    conflicted: frozenset[str] = frozenset()


@dataclass(frozen=True, order=True)
class Uncounted:
    """A record the return cannot count as it should, and why, in plain words. description:
    the record as the app lists it (kind, coded title, date), never a name."""

    case_id: str
    kind: str
    record_id: str
    missing: str
    description: str = ""

    @property
    def case_reference(self) -> str:
        return case_reference(self.case_id)


def case_reference(case_id: str) -> str:
    """A case's short reference as the app shows it and file names carry it, never the
    adult's name: its id's first eight letters and digits, in capitals, which the app's
    search finds ("CASE" for an id without any)."""
    return "".join(ch for ch in case_id if ch.isalnum())[:8].upper() or "CASE"


def describe(kind: str, payload: Payload | None) -> str:
    """"Safeguarding enquiry: Section 42, 10 May 2025": the kind, its title where the title
    is a coded choice (free-text titles, and the adult's record, may name people), and the
    record's date as the app shows it."""
    k = KINDS.get(kind)
    if k is None:
        return kind
    text = k.label
    if payload is None:
        return text
    title_field = k.by_name.get(k.title_field or "")
    if title_field is not None and title_field.choices is not None and kind != "person":
        value = payload.get(title_field.name)
        if isinstance(value, str) and value in title_field.choices:
            text += f": {title_field.choices.label(value)}"
    day = london_date(payload.get(k.date_field)) if k.date_field else None
    return f"{text}, {day_text(day)}" if day else text


@dataclass(frozen=True)
class SacReport:
    year: ReportingYear
    council: str
    tables: tuple[SacTable, ...]
    uncounted: tuple[Uncounted, ...]

    def table(self, code: str) -> SacTable:
        return next(t for t in self.tables if t.code == code)


def sac_report(data: SacInput, *, year: int, council: str) -> SacReport:
    """The SAC tables of the reporting year starting 1 April `year`, for `council` (ONS code)."""
    return _Count(data, ReportingYear(year), council).run()


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _in(enum: E.Enumeration, value: Any) -> str | None:
    return value if isinstance(value, str) and value in enum else None


class _Count:
    def __init__(self, data: SacInput, year: ReportingYear, council: str) -> None:
        self.d, self.year, self.council = data, year, council
        self.notes: dict[tuple[str, str], Uncounted] = {}
        self._scope: dict[str, bool] = {}
        self._scope_notes: dict[str, list[Uncounted]] = {}
        self._used: set[str] = set()
        self.first_activity: dict[str, dt.date] = {}
        self.by_case: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for kind, records in (("concern_decision", data.concern_decisions),
                              ("desired_outcome", data.desired_outcomes),
                              ("closure", data.closures),
                              ("capacity_assessment", data.capacity_assessments)):
            for rid in sorted(records):
                case_id = records[rid].get("case_id")
                if isinstance(case_id, str):
                    self.by_case[case_id][kind].append(rid)
        # Dates of death recorded on closures, by adult (a death is a fact about the adult,
        # whichever of their cases recorded it).
        self.closure_deaths: dict[str, list[dt.date | None]] = defaultdict(list)
        for closure in data.closures.values():
            case = data.cases.get(str(closure.get("case_id")), {})
            self.closure_deaths[str(case.get("person_id"))].append(
                london_date(closure.get("date_of_death")))
        self.risks: dict[str, list[str]] = defaultdict(list)
        for rid in sorted(data.risk_items):
            self.risks[str(data.risk_items[rid].get("enquiry_id"))].append(rid)

    # ----- the list of records to fix ----------------------------------------------------

    def note(self, case_id: str, record_id: str, kind: str, text: str) -> None:
        # Once per record and problem: an adult with two cases is listed under the first.
        if (record_id, text) not in self.notes:
            self.notes[(record_id, text)] = Uncounted(
                case_id, kind, record_id, text, describe(kind, self.payload(kind, record_id)))

    def records(self) -> dict[str, Records]:
        """Every kind of record the return reads, by kind."""
        d = self.d
        return {"person": d.people, "case": d.cases, "concern": d.concerns,
                "concern_decision": d.concern_decisions, "enquiry": d.enquiries,
                "risk_item": d.risk_items, "desired_outcome": d.desired_outcomes,
                "closure": d.closures, "capacity_assessment": d.capacity_assessments}

    def payload(self, kind: str, record_id: str) -> Payload | None:
        return self.records().get(kind, {}).get(record_id)

    def use(self, case_id: str) -> None:
        """The case counts in this year's return: what is missing about its scope matters."""
        if case_id not in self._used:
            self._used.add(case_id)
            for n in self._scope_notes.get(case_id, ()):
                self.note(n.case_id, n.record_id, n.kind, n.missing)

    def in_scope(self, case_id: Any) -> bool:
        if not isinstance(case_id, str):
            return False
        if case_id not in self._scope:
            self._scope[case_id] = self._decide_scope(case_id)
        return self._scope[case_id]

    def _decide_scope(self, case_id: str) -> bool:
        case = self.d.cases.get(case_id)
        if case is None:
            return False  # a record whose case is not in this vault: nothing to count it by
        person = self.d.people.get(str(case.get("person_id")), {})
        if (case.get("jurisdiction") or person.get("jurisdiction")) != ENGLAND:
            return False
        host = case.get("host_council")
        if isinstance(host, str) and host:
            host = current_code(host) or host  # a code from before a reorganisation
        if host and host != self.council:
            return False
        if not host:
            typed = ("is typed as text that names no single council"
                     if str(case.get("host_la") or "").strip() else "is not recorded")
            self._scope_notes[case_id] = [Uncounted(
                case_id, "case", case_id,
                f"The council where the abuse happened (host council) {typed}: counted for "
                f"{self.council}, the reporting council")]
        return True

    # ----- the return --------------------------------------------------------------------

    def run(self) -> SacReport:
        tables = [*self.sg1(), *self.sg2_to_sg4()]
        self.conflicts()
        return SacReport(self.year, self.council, tuple(tables), tuple(sorted(self.notes.values())))

    def sg1(self) -> list[SacTable]:
        d = self.d
        case_cols: dict[str, set[str]] = defaultdict(set)
        totals: Counter[tuple[str, str]] = Counter()
        led_to_enquiry = {str(p.get("concern_id")) for p in d.concern_decisions.values()
                          if p.get("decision") in _ENQUIRY_DECISION_CODES}
        for rid, c in sorted(d.concerns.items()):
            case_id = c.get("case_id")
            if not self.year.holds(london_date(c.get("received_at"))) or not self.in_scope(case_id):
                continue
            assert isinstance(case_id, str)
            if c.get("reasonable_cause_checked") is True:
                totals[(CONCERNS, "NUMBER")] += 1
                self.active(case_id, c.get("received_at"))
                case_cols[case_id].add(CONCERNS)
                self.use(case_id)
            elif rid in led_to_enquiry:
                self.use(case_id)
                self.note(case_id, rid, "concern",
                          "Reasonable cause to suspect is not marked as checked, although the "
                          "concern led to an enquiry: not counted as a concern in SG1")
        for rid, e in sorted(d.enquiries.items()):
            case_id = e.get("case_id")
            if not self.year.holds(london_date(e.get("started_at"))) or not self.in_scope(case_id):
                continue
            assert isinstance(case_id, str)
            self.use(case_id)
            column = {"S42": S42, "OTHER": OTHER}.get(str(e.get("enquiry_type")))
            if column is None:
                self.note(case_id, rid, "enquiry", "The type of enquiry (section 42 or other) "
                          "is not recorded: not counted in SG1")
                continue
            totals[(column, "NUMBER")] += 1
            self.active(case_id, e.get("started_at"))
            case_cols[case_id].add(column)
        return [*self.individuals(case_cols), *self.per_case(case_cols),
                make_table("SG1f", "Totals of concerns and enquiries", "Total", SG1F_ROWS,
                           NUMBER_COLUMNS, totals, "concerns or enquiries")]

    def conflicts(self) -> None:
        """A record of a counted case (or its adult) in sync conflict was counted from one of
        its versions: listed, as the other may say something else."""
        if not self.d.conflicted:
            return
        for kind, records in self.records().items():
            for rid in sorted(self.d.conflicted & records.keys()):
                for case_id in self.cases_of(kind, rid, records[rid]):
                    self.note(case_id, rid, kind, "Two versions of this record disagree: "
                              "resolve the conflict before the return (counted from one of "
                              "them for now)")

    def cases_of(self, kind: str, rid: str, payload: Payload) -> list[str]:
        """The counted cases a record belongs to (an adult's: each of their counted cases)."""
        if kind == "person":
            return [c for c in sorted(self._used)
                    if self.d.cases.get(c, {}).get("person_id") == rid][:1]
        case_id = rid if kind == "case" else payload.get("case_id")
        return [case_id] if isinstance(case_id, str) and case_id in self._used else []

    # ----- SG1a-SG1c: unique individuals -------------------------------------------------

    def individuals(self, case_cols: Mapping[str, set[str]]) -> list[SacTable]:
        cols: dict[str, set[str]] = defaultdict(set)
        members: dict[str, set[str]] = defaultdict(set)
        activity: dict[str, dt.date] = {}  # the adult's first concern or enquiry counted
        first_case: dict[str, str] = {}
        for case_id in sorted(case_cols):
            person_id = str(self.d.cases[case_id].get("person_id"))
            person = self.d.people.get(person_id)
            if person is None:
                self.note(case_id, case_id, "case", "The adult's record is not in this vault: "
                          "not counted in SG1a, SG1b, SG1c or SG1e")
                continue
            office_id = office_id_key(person.get("office_person_id"))
            key = f"office:{office_id}" if office_id else f"record:{person_id}"
            cols[key] |= case_cols[case_id]
            members[key].add(person_id)
            first_case.setdefault(key, case_id)
            if case_id in self.first_activity:
                activity[key] = min(activity.get(key, self.first_activity[case_id]),
                                    self.first_activity[case_id])
        self.likely_duplicates(members, first_case)
        age: Counter[tuple[str, str]] = Counter()
        gender: Counter[tuple[str, str]] = Counter()
        ethnicity: Counter[tuple[str, str]] = Counter()
        for key, columns in cols.items():
            person_id = min(members[key])
            p, case_id = self.d.people[person_id], first_case[key]
            band = self.age_band(person_id, p, members[key], case_id, activity.get(key))
            sex = _in(E.GENDER_SAC, p.get("gender_sac"))
            if sex is None:
                self.note(case_id, person_id, "person", "Gender (SAC) is not recorded: counted "
                          "as Not Known in SG1b")
            group = (_in(E.ETHNICITY_SAC, p.get("ethnicity_sac"))
                     or ethnicity_sac_for(p.get("ethnicity_code")))
            if group is None:
                self.note(case_id, person_id, "person", "Ethnic group is not recorded: counted "
                          "as Undeclared / Not Known in SG1c")
            for column in columns:
                if band is not None:
                    age[(band, column)] += 1
                gender[(sex or "NOT_KNOWN", column)] += 1
                ethnicity[(group or "NOT_KNOWN", column)] += 1
        unit = "individuals"
        return [
            make_table("SG1a", "Individuals involved, by age band", "Age band",
                       sac_rows(E.AGE_BAND), SG1_COLUMNS, age, unit),
            make_table("SG1b", "Individuals involved, by gender", "Gender",
                       sac_rows(E.GENDER_SAC), SG1_COLUMNS, gender, unit),
            make_table("SG1c", "Individuals involved, by ethnicity", "Ethnicity",
                       sac_rows(E.ETHNICITY_SAC), SG1_COLUMNS, ethnicity, unit),
        ]

    def likely_duplicates(self, members: Mapping[str, set[str]],
                          first_case: Mapping[str, str]) -> None:
        """Adults counted apart whose records have the same name and date of birth, and no
        office id that tells them apart: perhaps one adult counted twice in SG1a-SG1c."""
        by_birth: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key in sorted(members):
            for person_id in sorted(members[key]):
                dob = self.d.people[person_id].get("date_of_birth")
                if isinstance(dob, str) and dob:
                    by_birth[dob].append((key, person_id))
        for group in by_birth.values():
            for i, (key, pid) in enumerate(group):
                for other_key, other in group[i + 1:]:
                    p, q = self.d.people[pid], self.d.people[other]
                    if (other_key == key
                            or match_reason(p, q) != SAME_NAME_AND_BIRTH
                            or (office_id_key(p.get("office_person_id"))
                                and office_id_key(q.get("office_person_id")))):
                        continue
                    for mine, theirs, who in ((key, other_key, pid), (other_key, key, other)):
                        self.note(first_case[mine], who, "person", "An adult's record in case "
                                  f"{case_reference(first_case[theirs])} has the same name and "
                                  "date of birth, and no office id tells them apart: they may "
                                  "be one adult counted twice in SG1a, SG1b and SG1c (merge the "
                                  "records, or record each one's office id)")

    def active(self, case_id: str, when: Any) -> None:
        """A concern or enquiry of the case counted in SG1 on `when`."""
        day = london_date(when)
        if day is not None:
            first = self.first_activity.get(case_id)
            self.first_activity[case_id] = day if first is None else min(first, day)

    def age_band(self, person_id: str, p: Payload, members: Iterable[str],
                 case_id: str, activity: dt.date | None = None) -> str | None:
        """The band on 31 March, or on the day the adult died if earlier; None: not counted."""
        deaths = [london_date(p.get("date_of_death"))]
        for member in members:
            deaths += self.closure_deaths.get(member, [])
        known = [day for day in deaths if day is not None]
        if known and activity is not None and min(known) < activity:
            self.note(case_id, person_id, "person", f"The adult's date of death "
                      f"({day_text(min(known))}) is before their concern or enquiry counted on "
                      f"{day_text(activity)}: check the date of death (the age is taken on it)")
        at = min([self.year.last_day, *known])
        dob = london_date(p.get("date_of_birth"))
        if dob is None:
            self.note(case_id, person_id, "person", "Date of birth is not recorded: counted as "
                      "age not known in SG1a")
            return "AGE_UNKNOWN"
        band = age_band(dob, at)
        if band is None:
            self.note(case_id, person_id, "person", f"The date of birth makes the adult younger "
                      f"than 18 on {day_text(at)}: not counted in SG1a (check the date)")
        return band

    # ----- SG1d, SG1e: per case ----------------------------------------------------------

    def per_case(self, case_cols: Mapping[str, set[str]]) -> list[SacTable]:
        psr: Counter[tuple[str, str]] = Counter()
        health: Counter[tuple[str, str]] = Counter()
        for case_id, columns in sorted(case_cols.items()):
            case = self.d.cases[case_id]
            reason = _in(E.PSR_SAC, case.get("psr_sac")) or psr_sac_for(case.get("psr_detail"))
            if reason is None:
                self.note(case_id, case_id, "case", "The primary support reason at the time of "
                          "this case is not recorded: counted as Not Known in SG1d")
            person_id = str(case.get("person_id"))
            conditions = self.conditions(case_id, person_id)
            for column in columns:
                psr[(reason or "NOT_KNOWN", column)] += 1
                for code in conditions:
                    health[(code, column)] += 1
        sg1e = make_table("SG1e", "By health condition", "Health condition",
                          sac_rows(E.HEALTH_CONDITION), SG1_COLUMNS, health, "cases")
        return [
            make_table("SG1d", "By primary support reason", "Primary support reason",
                       sac_rows(E.PSR_SAC), SG1_COLUMNS, psr, "cases"),
            replace(sg1e, note="The two autism rows are mandatory; the other rows are "
                    "voluntary and named as this app names the conditions."),
        ]

    def conditions(self, case_id: str, person_id: str) -> set[str]:
        """The adult's coded health conditions known by the end of the year, each once."""
        person = self.d.people.get(person_id)
        rows = person.get("health_conditions") if person else None
        codes: set[str] = set()
        for row in rows if isinstance(rows, list) else ():
            if not isinstance(row, Mapping):
                continue
            recorded = london_date(row.get("recorded_on"))
            if recorded is not None and recorded > self.year.last_day:
                continue
            code = _in(E.HEALTH_CONDITION, row.get("code"))
            if code is not None and row.get(CODE_GUESSED):
                # Read from text typed before conditions were coded: a guess is not counted
                # (SG1e's autism rows are mandatory), but listed for the worker to confirm.
                self.note(case_id, person_id, "person", "A health condition typed before "
                          f"conditions were coded reads as “{E.HEALTH_CONDITION.label(code)}”, "
                          "but no one has chosen that code: not counted in SG1e (check the "
                          "coded health condition and save the adult's record)")
            elif code is None:
                self.note(case_id, person_id, "person", "A health condition has no coded "
                          "condition chosen: not counted in SG1e")
            else:
                codes.add(code)
        return codes

    # ----- SG2-SG4: concluded section 42 enquiries ---------------------------------------

    def sg2_to_sg4(self) -> list[SacTable]:
        c: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for rid, e in sorted(self.d.enquiries.items()):
            case_id = e.get("case_id")
            kind = e.get("enquiry_type")
            if (kind == "OTHER" or not self.in_scope(case_id)
                    or not self.year.holds(london_date(e.get("concluded_at")))):
                continue
            assert isinstance(case_id, str)
            self.use(case_id)
            if kind != "S42":
                self.note(case_id, rid, "enquiry", "The type of enquiry (section 42 or other) "
                          "is not recorded: this concluded enquiry is not counted in SG2, SG3 "
                          "or SG4, which count section 42 enquiries")
                continue
            self.risk_cells(case_id, rid, c)
            self.capacity_cells(case_id, rid, e, c["SG3a"])
            self.msp_cells(case_id, rid, e, c["SG4a"])
        unit, col = "concluded enquiries", CONCLUDED_COLUMNS
        sources, locations = sac_value_rows(E.SOURCE_SAC), sac_value_rows(E.LOCATION)
        types = sac_value_rows(E.ABUSE_TYPE)
        sg3a = (*sac_value_rows(E.SAC_CAPACITY), (SUPPORTED, SG3A_SUPPORT_LABEL))
        sg4a = (*((ASKED_PREFIX + k, v) for k, v in sac_value_rows(E.MSP_ASKED)),
                *((ACHIEVED_PREFIX + k, v) for k, v in sac_value_rows(E.MSP_ACHIEVED)))
        pre = "Concluded Section 42 enquiries"
        return [
            make_table("SG2a", f"{pre} by type of risk and source of risk", "Type of Risk",
                       types, sources, c["SG2a"], unit),
            make_table("SG2b", f"{pre} by location of risk and source of risk",
                       "Location of Risk", locations, sources, c["SG2b"], unit),
            make_table("SG2a_b1", f"{pre} by type of risk and location of risk", "Type of Risk",
                       types, locations, c["SG2a_b1"], unit),
            make_table("SG2c", f"{pre} by risk assessment outcome", "Risk assessment outcome",
                       sac_value_rows(E.RISK_OUTCOME), col, c["SG2c"], unit),
            replace(make_table(
                "SG2e", f"{pre} where a risk was identified and action taken, by result",
                "Risk result", sac_value_rows(E.RISK_RESULT), col, c["SG2e"], unit),
                note="Each different result counts once per enquiry, so an enquiry with one "
                "risk reduced and another removed counts in both rows: the rows may add up to "
                "more than the SG2c row for risks identified and action taken."),
            make_table("SG3a", f"{pre}: did the individual lack capacity?", "Mental capacity",
                       sg3a, col, c["SG3a"], unit,
                       {code: SG3A_QUESTION if code != SUPPORTED else "Support"
                        for code, _ in sg3a}),
            make_table("SG4a", f"{pre}: Making Safeguarding Personal",
                       "Making Safeguarding Personal", sg4a, col, c["SG4a"], unit,
                       {code: SG4A_ASKED_QUESTION if code.startswith(ASKED_PREFIX)
                        else SG4A_ACHIEVED_QUESTION for code, _ in sg4a}),
        ]

    def risk_cells(self, case_id: str, enquiry_id: str,
                   c: dict[str, Counter[tuple[str, str]]]) -> None:
        risks = self.risks.get(enquiry_id, [])
        if not risks:
            self.note(case_id, enquiry_id, "enquiry", "No risk (allegation) is recorded for "
                      "this concluded enquiry: not counted in SG2a, SG2b, SG2a_b1, SG2c or SG2e")
        cells: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for rid in risks:
            r = self.d.risk_items[rid]
            kind = _in(E.ABUSE_TYPE, r.get("abuse_type"))
            where = _in(E.LOCATION, r.get("location"))
            source = (_in(E.SOURCE_SAC, r.get("source_of_risk"))
                      or source_sac_for(r.get("source_relationship")))
            gaps = [(kind, "the type of abuse or neglect", ("SG2a", "SG2a_b1")),
                    (where, "where it happened", ("SG2b", "SG2a_b1")),
                    (source, "the source of risk", ("SG2a", "SG2b"))]
            missing = [what for value, what, _ in gaps if value is None]
            if missing:
                hit = sorted({t for value, _, ts in gaps if value is None for t in ts})
                self.note(case_id, rid, "risk_item", f"{listing(missing).capitalize()} not "
                          f"recorded: not counted in {listing(hit)}")
            if kind and source:
                cells["SG2a"].add((kind, source))
            if where and source:
                cells["SG2b"].add((where, source))
            if kind and where:
                cells["SG2a_b1"].add((kind, where))
            outcome = _in(E.RISK_OUTCOME, r.get("risk_assessment_outcome"))
            if outcome is None:
                self.note(case_id, rid, "risk_item", "The outcome of the risk assessment is not "
                          "recorded: not counted in SG2c")
                continue
            cells["SG2c"].add((outcome, CONCLUDED))
            if outcome == "RISK_ID_ACTION":
                result = r.get("risk_result")
                if result in _RESULTS:
                    cells["SG2e"].add((str(result), CONCLUDED))
                else:
                    self.note(case_id, rid, "risk_item", "What happened to the risk (remained, "
                              "reduced or removed) is not recorded: not counted in SG2e")
        for table, keys in cells.items():
            for key in keys:
                c[table][key] += 1

    def capacity_cells(self, case_id: str, rid: str, e: Payload,
                       c: Counter[tuple[str, str]]) -> None:
        value = _in(E.SAC_CAPACITY, e.get("sac_lacked_capacity"))
        if value is None:
            self.note(case_id, rid, "enquiry", "Whether the adult lacked capacity is not "
                      "answered: counted as Not recorded in SG3a")
        c[(value or "NOT_RECORDED", CONCLUDED)] += 1
        if value == "LACKED":
            support = _in(E.YES_NO, e.get("sac_capacity_support"))
            if support == "YES":
                c[(SUPPORTED, CONCLUDED)] += 1
            elif support is None:
                self.note(case_id, rid, "enquiry", "Whether an advocate, family or friend "
                          "supported the adult is not answered: not counted in the SG3a "
                          "support item")
        for text in capacity_problems(value, self.of_case(case_id, "capacity_assessment"), e):
            self.note(case_id, rid, "enquiry", text)

    def msp_cells(self, case_id: str, rid: str, e: Payload, c: Counter[tuple[str, str]]) -> None:
        asked = _in(E.MSP_ASKED, e.get("msp_asked"))
        if asked is None:
            self.note(case_id, rid, "enquiry", "Whether the adult was asked about their desired "
                      "outcomes is not answered: counted as Not Recorded in SG4a")
        c[(ASKED_PREFIX + (asked or "NOT_RECORDED"), CONCLUDED)] += 1
        achieved = _in(E.MSP_ACHIEVED, e.get("msp_outcomes_achieved"))
        if asked == "ASKED_EXPRESSED":
            if achieved is None:
                self.note(case_id, rid, "enquiry", "Whether the desired outcomes were achieved "
                          "is not answered: not counted in SG4a (outcomes achieved)")
            else:
                c[(ACHIEVED_PREFIX + achieved, CONCLUDED)] += 1
        for text in msp_problems(asked, achieved, self.of_case(case_id, "desired_outcome"),
                                 _text(e.get("concluded_at"))):
            self.note(case_id, rid, "enquiry", text)

    def of_case(self, case_id: str, kind: str) -> list[Payload]:
        records = {"capacity_assessment": self.d.capacity_assessments,
                   "desired_outcome": self.d.desired_outcomes}[kind]
        return [records[r] for r in self.by_case[case_id][kind]]
