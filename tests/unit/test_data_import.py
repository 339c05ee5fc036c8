"""`import json`: the round trip (demo vault -> export -> fresh vault -> export gives the same
records), idempotence, dry runs, updates and conflicts, and rejection of bad input with its
exact place and nothing written (including random mutations and truncations)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp_desktop.domain.fields import FieldType
from msp_desktop.domain.kinds import KINDS
from msp_desktop.services import cases, data_export, data_import, records
from msp_desktop.services.data_import import ImportRejected
from msp_desktop.services.demo import generate
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams

PASS = "pass phrase words"


def _session(path: Path, author: str = "b.worker") -> Session:
    return Session.create(path, PASS, kdf=KdfParams.fast(), author=author, device_name="t")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Path]]:
    """A demo vault and its JSON export (the file every test imports or mutates)."""
    folder = tmp_path_factory.mktemp("src")
    s = _session(folder / "v", author="a.worker")
    generate(s, cases=10, seed=5)
    data_export.export_json(s, folder / "export.json", history=True)
    yield s, folder / "export.json"
    s.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Session]:
    s = _session(tmp_path / "target")
    yield s
    s.close()


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    """A source vault (a.worker) and an empty target vault (b.worker)."""
    src = _session(tmp_path / "src", author="a.worker")
    dst = _session(tmp_path / "dst")
    yield src, dst
    src.close()
    dst.close()


def _finalised_note(s: Session, facts: str) -> Any:
    """A finalised home-visit note in a new case; its state."""
    case_id = cases.open_case(s, {"family_name": "Rees", "jurisdiction": "ENG"},
                              {"status": "concern_received", "opened_at": "2026-02-01"},
                              ).state.record_id
    return records.create_and_finalise(s, "contact_note", {
        "case_id": case_id, "note_type": "HOME_VISIT", "adult_present": True,
        "event_start": "2026-02-03T10:00:00+00:00", "facts": facts, "seen_alone": True,
    }).state


def _payloads(doc: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    return {r["record_id"]: (r["kind"], r["payload"])
            for items in doc["records"].values() for r in items}


def _fingerprint(s: Session) -> tuple[str, int, int]:
    """What a rejected import must leave exactly as it was."""
    return s.store.state_digest(), s.store.revision_count(), s.audit.entries()[-1].seq


def test_round_trip_gives_the_same_records_and_a_second_import_adds_nothing(
    source: tuple[Session, Path], target: Session, tmp_path: Path
) -> None:
    _, path = source
    first = data_import.import_json(target, path)
    assert first.written and first.plan.count("add") == sum(
        len(v) for v in json.loads(path.read_text())["records"].values())
    data_export.export_json(target, tmp_path / "again.json")
    before, after = (json.loads(p.read_text()) for p in (path, tmp_path / "again.json"))
    assert _payloads(after) == _payloads(before)
    # finalised and entered-in-error records keep that state; amended ones arrive finalised
    state = {r["record_id"]: r["status"]["code"]
             for items in after["records"].values() for r in items}
    for items in before["records"].values():
        for r in items:
            want = {"amended": "final"}.get(r["status"]["code"], r["status"]["code"])
            if not KINDS[r["kind"]].finalisable and want == "final":
                want = "saved"
            assert state[r["record_id"]] == want, r["record_id"]
    revisions = target.store.revision_count()
    second = data_import.import_json(target, path)
    assert second.plan.count("add") == 0 and second.plan.count("update") == 0
    assert target.store.revision_count() == revisions


def test_import_is_audited_with_source_ids_and_counts_and_attributed_to_the_importer(
    source: tuple[Session, Path], target: Session
) -> None:
    _, path = source
    doc = json.loads(path.read_text())
    data_import.import_json(target, path)
    entry = target.audit.entries()[-1]
    assert entry.action == "json.import" and entry.author == "b.worker"
    assert entry.detail["export_id"] == doc["export_id"]
    assert entry.detail["source_vault_id"] == doc["vault_id"]
    assert entry.detail["added"] == entry.detail["added"] and entry.detail["skipped"] == 0
    person = doc["records"]["person"][0]
    state = target.store.get(person["record_id"])
    assert state is not None and state.created_by == "b.worker"
    assert person["payload"]["family_name"] not in json.dumps(entry.detail)


def test_dry_run_reports_and_writes_nothing(
    source: tuple[Session, Path], target: Session
) -> None:
    _, path = source
    before = _fingerprint(target)
    result = data_import.import_json(target, path, dry_run=True)
    assert not result.written and result.plan.count("add") > 0
    assert "to add" in result.plan.lines()[0]
    assert _fingerprint(target) == before


def _write(doc: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _doc(source: tuple[Session, Path]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(source[1].read_text(encoding="utf-8"))
    return doc


def test_a_saved_record_that_differs_is_updated_a_finalised_one_is_a_conflict(
    target: Session, tmp_path: Path
) -> None:
    case = cases.open_case(target, {"family_name": "Rees", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-02-01"}).state
    person_id = case.payload["person_id"]
    note = records.create_and_finalise(target, "contact_note", {
        "case_id": case.record_id, "note_type": "HOME_VISIT", "adult_present": True,
        "event_start": "2026-02-03T10:00:00+00:00", "facts": "Visited.", "seen_alone": True,
    }).state
    data_export.export_json(target, tmp_path / "mine.json")
    doc = json.loads((tmp_path / "mine.json").read_text())
    (p,) = [r for r in doc["records"]["person"] if r["record_id"] == person_id]
    p["payload"]["given_names"] = "Gwenllian"
    plan = data_import.import_json(target, _write(doc, tmp_path / "upd.json")).plan
    assert plan.count("update") == 1
    state = target.store.get(person_id)
    assert state is not None and state.payload["given_names"] == "Gwenllian"
    (n,) = [r for r in doc["records"]["contact_note"] if r["record_id"] == note.record_id]
    n["payload"]["facts"] = "Rewritten elsewhere."
    before = _fingerprint(target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "conflict.json"))
    assert note.record_id in str(err.value) and "facts" in str(err.value)
    assert "finalised" in str(err.value)
    assert _fingerprint(target) == before


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["records"]["person"][0]["payload"].update(jurisdiction={"code": "SCO",
                                                                         "label": "Scotland"}),
     "jurisdiction"),
    (lambda d: d["records"]["person"][0]["payload"].update(date_of_birth="1950-02-30"),
     "date_of_birth"),
    (lambda d: d["records"]["person"][0]["payload"].update(
        date_of_birth="1990-01-01", date_of_death="1980-01-01"), "date_of_death"),
    (lambda d: d["records"]["case"][0]["payload"].update(person_id="f" * 32), "person_id"),
    (lambda d: d["records"]["case"][0]["payload"].pop("opened_at"), "opened_at"),
    (lambda d: d["records"]["person"][0]["payload"].update(shoe_size=9), "shoe_size"),
    (lambda d: d["records"]["case"].append(copy.deepcopy(d["records"]["case"][0])),
     "appears twice"),
    (lambda d: d.update(format_version=2), "$.format_version"),
    (lambda d: d.update(exported_at="yesterday"), "$.exported_at"),
    (lambda d: d["records"]["case"][0].update(created_at="2026-13-01T00:00:00Z"),
     "created_at"),
    (lambda d: d.update(export_id="Mrs Jane Smith, 12 High St"), "$.export_id"),
    (lambda d: d.update(export_id=d["export_id"] + "\n"), "$.export_id"),
    (lambda d: d.update(vault_id="a" * 100_000), "$.vault_id"),
    (lambda d: d.update(device_id=d["device_id"].upper()), "$.device_id"),
])
def test_bad_input_is_rejected_with_its_place_and_nothing_written(
    source: tuple[Session, Path], target: Session, tmp_path: Path, mutate: Any, where: str
) -> None:
    doc = _doc(source)
    mutate(doc)
    before = _fingerprint(target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "bad.json"))
    message = str(err.value)
    assert where in message and message.endswith("Nothing was imported.")
    assert "\n" not in message
    assert _fingerprint(target) == before


def test_a_rejection_names_the_record_kind_and_field(
    source: tuple[Session, Path], target: Session, tmp_path: Path
) -> None:
    doc = _doc(source)
    rec = doc["records"]["risk_item"][1]
    rec["payload"]["abuse_type"]["code"] = "SHOUTING"
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "bad.json"))
    assert err.value.location.startswith(f"record {rec['record_id']} (risk_item), field "
                                         "abuse_type (Type of abuse or neglect) at "
                                         "$.records.risk_item[1].payload.abuse_type")


def test_an_unknown_code_in_a_list_entry_is_explained_by_the_choice_not_the_empty_value(
    source: tuple[Session, Path], target: Session, tmp_path: Path
) -> None:
    doc = _doc(source)
    i, rec = next((i, r) for i, r in enumerate(doc["records"]["contact_note"])
                  if r["payload"].get("attendees"))
    rec["payload"]["attendees"][0]["attendance"] = {"code": "NOPE", "label": "Nope"}
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "bad.json"))
    assert err.value.location.endswith(
        f"at $.records.contact_note[{i}].payload.attendees[0].attendance.code")
    assert "'NOPE' is not one of ['PRESENT'" in err.value.problem
    assert "None" not in err.value.problem


def test_a_key_twice_in_one_object_is_rejected_naming_the_key_and_the_record(
    source: tuple[Session, Path], target: Session, tmp_path: Path
) -> None:
    raw = source[1].read_text(encoding="utf-8")
    doc = _doc(source)
    first = doc["records"]["person"][0]
    name = json.dumps(first["payload"]["family_name"], ensure_ascii=False)
    assert raw.count(f'"family_name":{name}') >= 1
    bad = tmp_path / "dup.json"
    bad.write_text(raw.replace(f'"family_name":{name}',
                               f'"family_name":"Smith","family_name":{name}', 1),
                   encoding="utf-8")
    before = _fingerprint(target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, bad, dry_run=True)
    assert err.value.location == (f"record {first['record_id']} (person) at "
                                  "$.records.person[0].payload.family_name")
    assert 'the key "family_name" appears twice' in err.value.problem
    header = tmp_path / "dup-header.json"
    header.write_text(raw.replace('"history": true,', '"history": true, "history": false,', 1),
                      encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, header, dry_run=True)
    assert err.value.location == "$.history"
    assert _fingerprint(target) == before


def test_a_file_that_is_not_json_is_rejected_with_line_and_column(
    target: Session, tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "msp-desktop-export",\n "records": {', encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, path)
    assert "bad.json, line 2 column" in str(err.value)


# ----- random damage ---------------------------------------------------------------------------

_BAD_VALUE = {
    FieldType.TEXT: 12345, FieldType.LONGTEXT: ["not", "text"], FieldType.QUOTE: False,
    FieldType.DATE: "2026-13-01", FieldType.DATETIME: "yesterday", FieldType.BOOL: "yes",
    FieldType.INT: "three", FieldType.CHOICE: {"code": "NOT_A_CODE", "label": "x"},
    FieldType.MULTI: [{"code": "NOT_A_CODE", "label": "x"}], FieldType.REF: "0" * 32,
    FieldType.LIST: "not a list",
}


def _targets(doc: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(kind, index, field) of every filled field of every record in the file."""
    return [(kind, i, name)
            for kind, items in doc["records"].items()
            for i, r in enumerate(items) for name in r["payload"]]


@pytest.fixture(scope="module")
def damage_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    s = _session(tmp_path_factory.mktemp("damage") / "v")
    yield s
    s.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_field_damage_is_rejected_at_that_field_and_changes_nothing(
    source: tuple[Session, Path], damage_target: Session, tmp_path: Path, data: st.DataObject
) -> None:
    doc = _doc(source)
    kind, i, name = data.draw(st.sampled_from(_targets(doc)))
    rec = doc["records"][kind][i]
    f = KINDS[kind].by_name[name]
    how = data.draw(st.sampled_from(["value", "drop_required", "unknown_field"]))
    if how == "drop_required":
        required = [x.name for x in KINDS[kind].fields
                    if x.required and x.visible_when is None and x.name in rec["payload"]]
        name = data.draw(st.sampled_from(required)) if required else name
        if required:
            del rec["payload"][name]
        else:
            rec["payload"][name] = _BAD_VALUE[f.type]
    elif how == "unknown_field":
        name = "zz_" + data.draw(st.text("abcdefghij", min_size=1, max_size=8))
        rec["payload"][name] = "x"
    else:
        rec["payload"][name] = _BAD_VALUE[f.type]
    path = _write(doc, tmp_path / "damaged.json")
    before = _fingerprint(damage_target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(damage_target, path)
    assert rec["record_id"] in err.value.location and name in err.value.location
    assert _fingerprint(damage_target) == before


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_a_truncated_export_is_rejected_and_changes_nothing(
    source: tuple[Session, Path], damage_target: Session, tmp_path: Path, cut: float
) -> None:
    data = source[1].read_bytes()
    keep = int(cut * (len(data) - 3))  # at least the closing brace is lost
    path = tmp_path / "cut.json"
    path.write_bytes(data[:keep])
    before = _fingerprint(damage_target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(damage_target, path)
    assert "cut.json" in err.value.location
    assert _fingerprint(damage_target) == before


def test_an_entered_in_error_note_arrives_entered_in_error_with_the_reason_saying_why(
    pair: tuple[Session, Session], tmp_path: Path,
) -> None:
    src, dst = pair
    note = _finalised_note(src, "Wrong adult.")
    records.amend(src, note.record_id, note.payload, reason="Filed on the wrong case",
                  amendment_type="ENTERED_IN_ERROR")
    result = data_export.export_json(src, tmp_path / "x.json")
    data_import.import_json(dst, tmp_path / "x.json")
    state = dst.store.get(note.record_id)
    assert state is not None and state.status == "entered_in_error"
    (last,) = [r for r in dst.store.history(note.record_id) if r.op == "amend"]
    assert result.export_id in (last.reason or "")
    assert [r.op for r in dst.store.history(note.record_id)] == [
        "create", "finalise", "amend"]
    again = data_import.import_json(dst, tmp_path / "x.json")
    assert again.plan.count("skip") == 3 and again.plan.count("add") == 0


def test_a_file_marks_a_record_here_entered_in_error_only_with_its_amendment(
    pair: tuple[Session, Session], tmp_path: Path,
) -> None:
    src, dst = pair
    note = _finalised_note(src, "Visited.")
    data_export.export_json(src, tmp_path / "first.json")
    data_import.import_json(dst, tmp_path / "first.json")
    records.amend(src, note.record_id, note.payload, reason="Filed on the wrong case",
                  amendment_type="ENTERED_IN_ERROR")
    data_export.export_json(src, tmp_path / "later.json")
    doc = json.loads((tmp_path / "later.json").read_text(encoding="utf-8"))
    (n,) = doc["records"]["contact_note"]
    (amendment,) = n["amendments"]

    # A status alone (no amendment): a conflict, and nothing is written.
    n["amendments"] = []
    before = _fingerprint(dst)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(dst, _write(doc, tmp_path / "bare.json"))
    assert f"record {note.record_id} (contact_note)" in str(err.value)
    assert "no ENTERED_IN_ERROR amendment" in str(err.value)
    assert _fingerprint(dst) == before

    # With the amendment: listed in the dry run, then applied with its reason, author
    # and time (the revision is this vault's, signed by the importer).
    dry = data_import.import_json(dst, tmp_path / "later.json", dry_run=True)
    lines = dry.plan.lines()
    assert "1 record(s) here to mark entered in error, as the file says:" in lines
    assert any(note.record_id in ln and "a.worker" in ln and "Filed on the wrong case"
               in ln for ln in lines)
    data_import.import_json(dst, tmp_path / "later.json")
    state = dst.store.get(note.record_id)
    assert state is not None and state.status == "entered_in_error"
    last = dst.store.history(note.record_id)[-1]
    assert last.op == "amend" and last.amendment_type == "ENTERED_IN_ERROR"
    assert last.reason is not None and last.reason.startswith("Filed on the wrong case")
    assert "by a.worker" in last.reason and amendment["at"] in last.reason


def test_an_amended_record_of_a_kind_never_finalised_is_a_conflict_not_an_edit(
    target: Session, tmp_path: Path
) -> None:
    case = cases.open_case(target, {"family_name": "Rees", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-02-01"}).state
    person_id = case.payload["person_id"]
    data_export.export_json(target, tmp_path / "before.json")
    person = target.store.get(person_id)
    assert person is not None
    records.amend(target, person_id, {**person.payload, "given_names": "Siân"},
                  reason="Name spelt wrongly", amendment_type="CORRECTION")
    doc = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))
    for r in doc["records"]["person"]:
        r["revision_ids"] = ["from-another-system"]  # not this vault's history
    before = _fingerprint(target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "other.json"))
    assert f"record {person_id} (person), field given_names" in str(err.value)
    assert _fingerprint(target) == before


def test_an_older_export_of_this_vault_never_undoes_later_changes(
    target: Session, tmp_path: Path
) -> None:
    case = cases.open_case(target, {"family_name": "Rees", "jurisdiction": "ENG",
                                    "given_names": "Gwen"},
                           {"status": "concern_received", "opened_at": "2026-02-01"}).state
    person_id = case.payload["person_id"]
    data_export.export_json(target, tmp_path / "old.json")
    person = target.store.get(person_id)
    assert person is not None
    records.edit(target, person_id, {**person.payload, "given_names": "Gwenllian"})
    before = _fingerprint(target)
    plan = data_import.import_json(target, tmp_path / "old.json").plan
    assert plan.count("update") == 0 and plan.count("newer") == 1
    assert "1 newer here (kept as they are)" in plan.lines()[0]
    state = target.store.get(person_id)
    assert state is not None and state.payload["given_names"] == "Gwenllian"
    assert _fingerprint(target)[:2] == before[:2]  # no revision written (only the audit entry)
    # A file whose version this vault never held is still applied to a saved record.
    doc = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))
    (p,) = [r for r in doc["records"]["person"] if r["record_id"] == person_id]
    p["revision_ids"] = ["f" * 64]
    plan = data_import.import_json(target, _write(doc, tmp_path / "elsewhere.json")).plan
    assert plan.count("update") == 1
    state = target.store.get(person_id)
    assert state is not None and state.payload["given_names"] == "Gwen"


def test_a_vaults_own_export_of_an_old_shape_payload_imports_back_as_already_here(
    target: Session, tmp_path: Path
) -> None:
    # Saved before health conditions were coded, then amended: the stored
    # payload keeps its free-text shape; the export writes it in today's (coded) shape.
    with target.write():
        person = target.store.create("person", {
            "family_name": "Rees", "jurisdiction": "ENG",
            "health_conditions": [{"condition": "Asperger's syndrome"}]}).record_id
        stored = target.store.get(person)
        assert stored is not None
        target.store.amend(person, {**stored.payload, "given_names": "Siân"},
                           reason="Name added", amendment_type="CORRECTION")
    stored = target.store.get(person)
    assert stored is not None and "code" not in stored.payload["health_conditions"][0]
    data_export.export_json(target, tmp_path / "own.json")
    before = _fingerprint(target)
    plan = data_import.import_json(target, tmp_path / "own.json").plan
    (action,) = [a for a in plan.actions if a.record_id == person]
    assert action.action == "skip"
    assert _fingerprint(target)[:2] == before[:2]
    # The same record from elsewhere, truly different, is named at the differing field, not
    # at the health conditions that differ only in shape.
    doc = json.loads((tmp_path / "own.json").read_text(encoding="utf-8"))
    (p,) = [r for r in doc["records"]["person"] if r["record_id"] == person]
    p["revision_ids"] = ["elsewhere"]
    p["payload"]["given_names"] = "Gwen"
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "other.json"))
    assert f"record {person} (person), field given_names" in str(err.value)


def test_a_case_management_id_names_one_adult_in_the_file_and_the_vault(
    source: tuple[Session, Path], target: Session, tmp_path: Path
) -> None:
    doc = _doc(source)
    first, second = doc["records"]["person"][:2]
    first["payload"]["office_person_id"] = "LAS-1234"
    second["payload"]["office_person_id"] = "las 1234"
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "dup.json"))
    assert f"record {second['record_id']} (person), field office_person_id" in str(err.value)
    cases.open_case(target, {"family_name": "Rees", "jurisdiction": "ENG",
                             "office_person_id": "LAS-1234"},
                    {"status": "concern_received", "opened_at": "2026-02-01"})
    del second["payload"]["office_person_id"]
    before = _fingerprint(target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, _write(doc, tmp_path / "held.json"))
    assert f"record {first['record_id']} (person), field office_person_id" in str(err.value)
    assert _fingerprint(target) == before


def test_a_payload_saved_before_a_field_was_coded_exports_in_its_current_shape(
    target: Session, tmp_path: Path
) -> None:
    import jsonschema

    from msp_desktop.resources import resource_path

    # Written straight through the store, as a vault from before the coded fields holds it.
    with target.write():
        person = target.store.create("person", {
            "family_name": "Rees", "jurisdiction": "ENG",
            "health_conditions": [{"condition": "Asperger's syndrome"},
                                  {"condition": "Bad knees"}]}).record_id
    data_export.export_json(target, tmp_path / "old.json")
    doc = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))
    schema = json.loads(resource_path("schemas/msp-export-1.schema.json").read_text("utf-8"))
    assert list(jsonschema.Draft202012Validator(
        schema, format_checker=data_import.format_checker()).iter_errors(doc)) == []
    (p,) = [r for r in doc["records"]["person"] if r["record_id"] == person]
    rows = p["payload"]["health_conditions"]
    assert rows[0]["code"]["code"] == "ASPERGERS" and "code" not in rows[1]
    # The CSV export reads it the same way.
    data_export.export_csv(target, tmp_path / "csv")
    text = (tmp_path / "csv" / "person.health_conditions.csv").read_text(encoding="utf-8-sig")
    assert f"{person},1,ASPERGERS," in text and f"{person},2,,," in text
    # Importing it elsewhere applies today's rules: the uncoded condition must be coded first.
    other = _session(tmp_path / "other")
    try:
        with pytest.raises(ImportRejected) as err:
            data_import.import_json(other, tmp_path / "old.json")
        assert f"record {person} (person), field health_conditions" in str(err.value)
    finally:
        other.close()


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
    target: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.json"
    with open(big, "wb") as fh:  # sparse: no disk space, no memory
        fh.truncate(data_import.MAX_IMPORT_BYTES + 1)

    def no_read(self: Path) -> bytes:
        raise AssertionError("read a file over the cap")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    before = _fingerprint(target)
    with pytest.raises(ImportRejected) as err:
        data_import.import_json(target, big, dry_run=True)
    assert f"huge.json: the file is larger than 512 MiB ({big.stat().st_size:,} bytes)" in str(
        err.value)
    assert _fingerprint(target) == before


def test_a_closure_because_the_adult_died_puts_the_date_on_the_adult_as_saving_one_does(
    target: Session, tmp_path: Path
) -> None:
    src = _session(tmp_path / "src", author="a.worker")
    try:
        case = cases.open_case(src, {"family_name": "Jones", "jurisdiction": "ENG",
                                     "date_of_birth": "1940-06-01"},
                               {"status": "concern_received", "opened_at": "2025-01-10"}).state
        person_id = case.payload["person_id"]
        records.create(src, "closure", {
            "case_id": case.record_id, "closed_at": "2025-03-01",
            "closure_reason": "ADULT_DIED", "adult_view_not_obtained_reason": "The adult died.",
            "date_of_death": "2025-02-20"})
        data_export.export_json(src, tmp_path / "died.json")
    finally:
        src.close()
    doc = json.loads((tmp_path / "died.json").read_text(encoding="utf-8"))
    (person,) = doc["records"]["person"]
    assert person["payload"].pop("date_of_death") == "2025-02-20"  # saving set it there
    data_import.import_json(target, _write(doc, tmp_path / "kept-on-closure.json"))
    state = target.store.get(person_id)
    assert state is not None and state.payload["date_of_death"] == "2025-02-20"
    assert target.store.history(person_id)[-1].reason == "Date of death from the closure"


def test_an_imported_record_keeps_who_finalised_and_amended_it_in_the_source(
    pair: tuple[Session, Session], tmp_path: Path,
) -> None:
    src, dst = pair
    note = _finalised_note(src, "Visited.")
    records.amend(src, note.record_id, {**note.payload, "facts": "Visited at home."},
                  reason="Place added", amendment_type="CORRECTION")
    result = data_export.export_json(src, tmp_path / "x.json")
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    (n,) = doc["records"]["contact_note"]
    data_import.import_json(dst, tmp_path / "x.json")
    first = dst.store.history(note.record_id)[0]
    assert first.op == "create" and first.author == "b.worker"
    reason = first.reason or ""
    assert reason.startswith(f"Imported from export {result.export_id}.")
    assert f"created by a.worker at {n['created_at']}" in reason
    assert f"Finalised by a.worker at {n['finalised_at']}." in reason
    (amendment,) = n["amendments"]
    assert f"by a.worker at {amendment['at']}: Place added." in reason
