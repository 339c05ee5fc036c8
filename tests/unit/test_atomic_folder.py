"""storage/atomic.py atomic_folder: a folder of files appears whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_desktop.storage.atomic import atomic_folder, atomic_write_bytes

NAMES = ("a.csv", "b.csv")


def fill(folder: Path, text: bytes) -> None:
    for name in NAMES:
        atomic_write_bytes(folder / name, text)


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_new_folder_appears_complete(tmp_path: Path) -> None:
    dest = tmp_path / "report"
    with atomic_folder(dest, replaceable=NAMES) as tmp:
        fill(tmp, b"one")
        assert not dest.exists()  # nothing under the chosen name until the block ends
    assert sorted(p.name for p in dest.iterdir()) == list(NAMES)
    assert leftovers(tmp_path) == []


def test_an_empty_folder_or_a_previous_report_is_replaced(tmp_path: Path) -> None:
    dest = tmp_path / "report"
    dest.mkdir()
    with atomic_folder(dest, replaceable=NAMES) as tmp:
        fill(tmp, b"one")
    with atomic_folder(dest, replaceable=NAMES) as tmp:
        atomic_write_bytes(tmp / "a.csv", b"two")
    assert sorted(p.name for p in dest.iterdir()) == ["a.csv"]  # b.csv of the old run gone
    assert (dest / "a.csv").read_bytes() == b"two"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("existing", ["other-file", "plain-file"])
def test_anything_else_is_refused_before_a_byte_is_written(tmp_path: Path,
                                                           existing: str) -> None:
    dest = tmp_path / "report"
    if existing == "plain-file":
        dest.write_text("not a folder")
    else:
        dest.mkdir()
        (dest / "mine.txt").write_text("keep")
    with pytest.raises(FileExistsError), atomic_folder(dest, replaceable=NAMES):
        pytest.fail("the block must not run")
    assert leftovers(tmp_path) == []
    assert (dest.read_text() == "not a folder" if existing == "plain-file"
            else (dest / "mine.txt").read_text() == "keep")


def test_a_failure_leaves_the_previous_report_and_no_temp(tmp_path: Path) -> None:
    dest = tmp_path / "report"
    with atomic_folder(dest, replaceable=NAMES) as tmp:
        fill(tmp, b"old")
    with pytest.raises(RuntimeError), atomic_folder(dest, replaceable=NAMES) as tmp:
        fill(tmp, b"new")
        raise RuntimeError("the PDF failed")
    assert [(dest / n).read_bytes() for n in NAMES] == [b"old", b"old"]
    assert leftovers(tmp_path) == []
