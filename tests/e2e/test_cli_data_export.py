"""`export json`, `export csv` and `import json` as the CLI runs them (design.md §7): exit 0 with
the files written; 2 for usage (missing arguments, a CSV folder already holding files); 4 for a
rejected file, with its place in the one stderr line, and nothing written."""

from __future__ import annotations

import csv
import io
import json

import jsonschema

from msp_desktop.resources import resource_path
from msp_desktop.services import data_import
from tests.e2e.conftest import Sandbox, all_paths, error_line, ok, seed_vault
from tests.e2e.test_cli import info


def _schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource_path("schemas/msp-export-1.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=data_import.format_checker())


def test_export_json_then_import_into_a_new_vault_twice(sandbox: Sandbox) -> None:
    src, dst = sandbox.work / "src", sandbox.work / "dst"
    seeded = seed_vault(src)
    out = sandbox.work / "export.json"
    result = ok(sandbox.run("export", "json", src, out, "--history"))
    assert str(out) in result.stdout and "SHA-256" in result.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(_schema_validator().iter_errors(doc)) == []
    assert {r["record_id"] for r in doc["records"]["case"]} == set(seeded.case_ids)
    assert len([r for v in doc["revisions"].values() for r in v]) == len(seeded.revision_ids)

    ok(sandbox.run("vault", "init", dst, fast_kdf=True))
    dry = ok(sandbox.run("import", "json", dst, out, "--dry-run"))
    assert "8 record(s) to add" in dry.stdout and "Dry run: nothing was written." in dry.stdout
    assert info(sandbox, dst)["counts"] == {}
    first = ok(sandbox.run("import", "json", dst, out))
    assert "8 record(s) to add" in first.stdout and "Imported." in first.stdout
    counts = info(sandbox, dst)["counts"]
    assert counts == info(sandbox, src)["counts"]
    again = ok(sandbox.run("import", "json", dst, out))
    assert "0 record(s) to add, 0 to update, 8 already here" in again.stdout


def test_import_rejects_a_bad_record_with_its_place_and_exit_4(sandbox: Sandbox) -> None:
    src, dst = sandbox.work / "src", sandbox.work / "dst"
    seed_vault(src)
    out = sandbox.work / "export.json"
    ok(sandbox.run("export", "json", src, out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    note = doc["records"]["contact_note"][0]
    note["payload"]["event_start"] = "not a time"
    bad = sandbox.work / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    ok(sandbox.run("vault", "init", dst, fast_kdf=True))
    result = sandbox.run("import", "json", dst, bad)
    assert result.returncode == 4
    line = error_line(result)
    assert f"record {note['record_id']} (contact_note), field event_start" in line
    assert line.endswith("Nothing was imported.")
    assert info(sandbox, dst)["counts"] == {}


def test_export_csv_writes_a_folder_and_refuses_one_with_files(sandbox: Sandbox) -> None:
    src = sandbox.work / "src"
    seed_vault(src)
    outdir = sandbox.work / "csv"
    result = ok(sandbox.run("export", "csv", src, outdir))
    assert "file(s)" in result.stdout
    text = (outdir / "case.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][0] == "Record ID" and len(rows) == 3
    again = sandbox.run("export", "csv", src, outdir)
    assert again.returncode == 2
    assert "already exists and is not an empty folder" in error_line(again)


def test_usage_errors_exit_2(sandbox: Sandbox) -> None:
    for args, needle in ((("export", "json"), "path, out"), (("export", "csv", "x"), "outdir"),
                         (("import", "json", "x"), "file"),
                         (("export", "xml", "a", "b"), "invalid choice")):
        result = sandbox.run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith("msp-desktop: ") and needle in last, last
    assert all_paths(sandbox.work) == set()
    missing = sandbox.run("import", "json", sandbox.work / "v", sandbox.work / "none.json")
    assert missing.returncode == 2 and "is not a file" in error_line(missing)


def test_export_json_refuses_the_vault_folder_and_an_existing_file(sandbox: Sandbox) -> None:
    src = sandbox.work / "src"
    seed_vault(src)
    keyslots = (src / "keyslots.json").read_bytes()
    inside = sandbox.run("export", "json", src, src / "keyslots.json", "--force")
    assert inside.returncode == 2
    assert "inside the vault folder" in error_line(inside)
    assert (src / "keyslots.json").read_bytes() == keyslots
    info(sandbox, src)  # the vault still opens
    out = sandbox.work / "e.json"
    out.write_text("mine", encoding="utf-8")
    again = sandbox.run("export", "json", src, out)
    assert again.returncode == 2 and "already exists" in error_line(again)
    assert out.read_text(encoding="utf-8") == "mine"
    ok(sandbox.run("export", "json", src, out, "--force"))
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "msp-desktop-export"
