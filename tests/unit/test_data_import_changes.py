"""What a JSON import changed, for the open views: the records added or updated, their cases
and kinds; nothing for records already here or for a dry run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_desktop.services import cases, data_export, data_import, records
from msp_desktop.services.changes import Changes
from msp_desktop.services.session import Session
from msp_desktop.storage.keyslots import KdfParams

PASS = "pass phrase words"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    src = Session.create(tmp_path / "src", PASS, kdf=KdfParams.fast(), author="a.worker",
                         device_name="t")
    dst = Session.create(tmp_path / "dst", PASS, kdf=KdfParams.fast(), author="b.worker",
                         device_name="t")
    yield src, dst
    src.close()
    dst.close()


def test_changes_name_the_records_their_cases_and_kinds(
    pair: tuple[Session, Session], tmp_path: Path,
) -> None:
    src, dst = pair
    case = cases.open_case(src, {"family_name": "Rees", "jurisdiction": "ENG"},
                           {"status": "concern_received", "opened_at": "2026-02-01"}).state
    person_id = case.payload["person_id"]
    concern = records.create(src, "concern", {
        "case_id": case.record_id, "received_at": "2026-02-02T10:00:00+00:00",
        "description": "Bruises seen by a carer"}).state
    path = tmp_path / "export.json"
    data_export.export_json(src, path)

    dry = data_import.import_json(dst, path, dry_run=True)
    assert dry.changes == Changes()
    result = data_import.import_json(dst, path)
    assert result.changes == data_import.changes_of(result.plan) == Changes(
        frozenset({person_id, case.record_id, concern.record_id}),
        frozenset({case.record_id}), frozenset({"person", "case", "concern"}), sync=True)
    # Imported again: every record is already here, so nothing changes.
    assert data_import.changes_of(data_import.import_json(dst, path).plan) == Changes()
