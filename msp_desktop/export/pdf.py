"""The short case summary PDF used by the self-test.

A pure renderer: it is handed the records to print and lays out the PDF in memory, with the
same text helpers as the case record (Urdu and Arabic shaped and in reading order, the
adult's words quoted the same way); writing the file after auditing the export is
services/exports.py's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Spacer

from msp_desktop.domain.revisions import RecordState
from msp_desktop.export.meta import ExportMeta
from msp_desktop.export.pdf_base import render, styles, when_text
from msp_desktop.export.pdf_text import quoted, text_flowable


def render_case_summary(
    *,
    person_name: str,
    outcomes: Sequence[RecordState],
    notes: Sequence[RecordState],
    meta: ExportMeta,
) -> bytes:
    """A short summary: the adult's desired outcomes, then their conversations."""
    s = styles()
    story: list[Any] = [text_flowable(f"Case summary: {person_name}", s["h1"])]
    story.append(text_flowable(f"Exported {meta.when_text} by {meta.exported_by}", s["body"]))
    story.append(text_flowable("What the adult wants to happen", s["h2"]))
    for o in outcomes:
        story.append(text_flowable(quoted(str(o.payload.get("statement", ""))), s["quote"]))
    if not outcomes:
        story.append(text_flowable("No desired outcomes recorded yet.", s["body"]))
    story.append(text_flowable("Conversations", s["h2"]))
    for note in notes:
        story.append(text_flowable(f"{when_text(note.sort_date)} – {note.title}", s["h3"]))
        words = note.payload.get("adult_own_words")
        if words:
            story.append(text_flowable(quoted(str(words)), s["quote"]))
        facts = note.payload.get("facts")
        if facts:
            story.append(text_flowable(str(facts), s["body"]))
        story.append(Spacer(1, 4))
    return render(story, title="Case summary", meta=meta)
