"""Write the JSON export (resources/schemas/msp-export-1.schema.json): one document, written
record by record so a whole vault never has to be one string in memory, and atomically (a
crash leaves no half-written file)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from msp_desktop.storage.atomic import atomic_writer

Groups = Iterable[tuple[str, Iterable[Mapping[str, Any]]]]


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _write_groups(fh: BinaryIO, name: str, groups: Groups) -> None:
    """`"name": {"kind": [record, ...], ...}`: one record a line, so the file can be read
    (and diffed) by people as well as programs."""
    fh.write(_dump(name) + b": {")
    first_group = True
    for kind, items in groups:
        fh.write((b"" if first_group else b",") + b"\n" + _dump(kind) + b": [")
        first_group = False
        sep = b"\n"
        for item in items:
            fh.write(sep + _dump(item))
            sep = b",\n"
        fh.write(b"\n]" if sep != b"\n" else b"]")
    fh.write(b"\n}")


def write_export(
    dest: Path, header: Mapping[str, Any], records: Groups, revisions: Groups | None = None
) -> Path:
    """Write the document to `dest`: the header's keys, then "records" (and "revisions")
    grouped by kind, in the order given."""
    dest = Path(dest)
    with atomic_writer(dest, mode=0o600) as fh:
        fh.write(b"{")
        for key, value in header.items():
            fh.write(b"\n" + _dump(key) + b": " + _dump(value) + b",")
        fh.write(b"\n")
        _write_groups(fh, "records", records)
        if revisions is not None:
            fh.write(b",\n")
            _write_groups(fh, "revisions", revisions)
        fh.write(b"\n}\n")
    return dest
