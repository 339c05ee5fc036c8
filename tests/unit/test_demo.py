"""The synthetic demo caseload: deterministic, valid, varied and searchable."""

from __future__ import annotations

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
