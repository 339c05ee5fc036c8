"""The short case summary PDF used by the self-test.

A pure renderer: it is handed the records to print and writes one file through the atomic
writer; gathering the records and auditing the export is services/exports.py's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer

from msp_desktop.domain.revisions import RecordState
from msp_desktop.export.meta import ExportMeta
from msp_desktop.export.pdf_base import build, styles, when_text


def _quoted(text: str) -> str:
    """Show the adult's words as a quotation, without doubling quotes they already have."""
    text = text.strip()
    if text[:1] in "\"“‘'":
        return text
    return f"“{text}”"


def write_case_summary(
    dest: Path,
    *,
    person_name: str,
    outcomes: Sequence[RecordState],
    notes: Sequence[RecordState],
    meta: ExportMeta,
) -> Path:
    """A short summary: the adult's desired outcomes, then their conversations."""
    s = styles()
    story: list[Any] = [Paragraph(escape(f"Case summary: {person_name}"), s["h1"])]
    story.append(Paragraph(escape(f"Exported {meta.when_text} by {meta.exported_by}"),
                           s["body"]))
    story.append(Paragraph("What the adult wants to happen", s["h2"]))
    for o in outcomes:
        story.append(Paragraph(escape(_quoted(str(o.payload.get("statement", "")))),
                               s["quote"]))
    if not outcomes:
        story.append(Paragraph("No desired outcomes recorded yet.", s["body"]))
    story.append(Paragraph("Conversations", s["h2"]))
    for note in notes:
        story.append(Paragraph(escape(f"{when_text(note.sort_date)} – {note.title}"), s["h3"]))
        words = note.payload.get("adult_own_words")
        if words:
            story.append(Paragraph(escape(_quoted(str(words))), s["quote"]))
        facts = note.payload.get("facts")
        if facts:
            story.append(Paragraph(escape(str(facts)), s["body"]))
        story.append(Spacer(1, 4))

    return build(Path(dest), story, title="Case summary", meta=meta)
