"""PDF output with ReportLab (no Qt). For now: a short case summary used by the self-test.

A pure renderer: it is handed the records to print and writes one file through the atomic
writer; gathering the records and auditing the export is services/exports.py's job.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from msp_desktop.domain.revisions import RecordState
from msp_desktop.export.meta import ExportMeta
from msp_desktop.resources import resource_path
from msp_desktop.storage.atomic import atomic_writer

MARKING = "OFFICIAL-SENSITIVE"
_FONTS_READY = False


def _register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(resource_path("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(
        TTFont("DejaVuSans-Bold", str(resource_path("fonts/DejaVuSans-Bold.ttf")))
    )
    _FONTS_READY = True


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    return {
        "h1": ParagraphStyle("h1", fontName="DejaVuSans-Bold", fontSize=16, leading=20,
                             spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName="DejaVuSans-Bold", fontSize=12, leading=16,
                             spaceBefore=8, spaceAfter=4),
        "h3": ParagraphStyle("h3", fontName="DejaVuSans-Bold", fontSize=10, leading=14,
                             spaceBefore=4),
        "body": ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=14),
        "quote": ParagraphStyle("quote", fontName="DejaVuSans", fontSize=10, leading=14,
                                leftIndent=8 * mm, textColor="#1f3a5f"),
    }


def _page(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("DejaVuSans-Bold", 9)
    canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, MARKING)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, MARKING)
    canvas.setFont("DejaVuSans", 8)
    canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def _quoted(text: str) -> str:
    """Show the adult's words as a quotation, without doubling quotes they already have."""
    text = text.strip()
    if text[:1] in "\"“‘'":
        return text
    return f"“{text}”"


def _when(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return f"{moment:%-d %b %Y}"
    return f"{moment:%-d %b %Y %H:%M}"


def write_case_summary(
    dest: Path,
    *,
    person_name: str,
    outcomes: Sequence[RecordState],
    notes: Sequence[RecordState],
    meta: ExportMeta,
) -> Path:
    """A short summary: the adult's desired outcomes, then their conversations."""
    s = _styles()
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
        story.append(Paragraph(escape(f"{_when(note.sort_date)} – {note.title}"), s["h3"]))
        words = note.payload.get("adult_own_words")
        if words:
            story.append(Paragraph(escape(_quoted(str(words))), s["quote"]))
        facts = note.payload.get("facts")
        if facts:
            story.append(Paragraph(escape(str(facts)), s["body"]))
        story.append(Spacer(1, 4))

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title="Case summary", author=meta.exported_by,
                            creator="MSP Desktop", topMargin=20 * mm, bottomMargin=20 * mm)
    doc.build(story, onFirstPage=_page, onLaterPages=_page)
    with atomic_writer(Path(dest)) as fh:
        fh.write(buffer.getvalue())
    return Path(dest)
