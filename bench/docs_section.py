"""Replace (or add) one section of docs/measurements.md, leaving the rest as it is: each bench
that writes its own figures there (pdf_bench, sac_bench, data_export_bench) calls this."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

MEASUREMENTS = Path(__file__).resolve().parent.parent / "docs" / "measurements.md"


def replace_section(heading: str, lines: Sequence[str], path: Path = MEASUREMENTS) -> None:
    """Put `lines` (the section, from a blank line and `heading` on) in place of the section
    under `heading`, up to the next "## " heading; at the end if there is none. One blank line
    before the next section."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Measurements\n"
    head, _, rest = text.partition("\n" + heading + "\n")
    tail = ""
    if rest:
        nxt = rest.find("\n## ")
        tail = rest[nxt:].lstrip("\n") if nxt >= 0 else ""
    section = "\n".join(lines).rstrip("\n") + "\n"
    path.write_text(head.rstrip("\n") + "\n" + section + ("\n" + tail if tail else ""),
                    encoding="utf-8")
