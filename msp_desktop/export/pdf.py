"""PDF output with ReportLab (no Qt). For now: a short case summary used by the self-test.

The full case-record PDF (desired outcomes first, chronology, profiles, redaction) is the
exports issue; this module gives it the fonts, the page template and the atomic write.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from msp_desktop.resources import resource_path

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


def write_atomic(dest: Path, build: Any) -> Path:
    """Build into a temp file in the destination folder, then rename over the target."""
    dest = Path(dest)
    fd, tmp = tempfile.mkstemp(prefix=".msp-", suffix=".pdf", dir=dest.parent)
    os.close(fd)
    try:
        build(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


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


def write_case_summary_pdf(session: Any, case_id: str, dest: Path) -> Path:
    from msp_desktop.services.cases import overview

    ov = overview(session, case_id, audit=False)
    s = _styles()
    name = ov.person.title if ov.person else "Unnamed adult"
    from msp_desktop.storage.summary import person_name

    if ov.person:
        name = person_name(ov.person.payload)
    story: list[Any] = [Paragraph(escape(f"Case summary: {name}"), s["h1"])]
    story.append(Paragraph(escape(f"Exported {dt.datetime.now().astimezone():%Y-%m-%d %H:%M} "
                                  f"by {session.author}"), s["body"]))
    story.append(Paragraph("What the adult wants to happen", s["h2"]))
    for o in ov.outcomes or []:
        story.append(Paragraph(escape(_quoted(str(o.payload.get("statement", "")))),
                               s["quote"]))
    if not ov.outcomes:
        story.append(Paragraph("No desired outcomes recorded yet.", s["body"]))
    story.append(Paragraph("Conversations", s["h2"]))
    for note in ov.of_kind("contact_note"):
        story.append(Paragraph(escape(f"{_when(note.sort_date)} – {note.title}"), s["h3"]))
        words = note.payload.get("adult_own_words")
        if words:
            story.append(Paragraph(escape(_quoted(str(words))), s["quote"]))
        facts = note.payload.get("facts")
        if facts:
            story.append(Paragraph(escape(str(facts)), s["body"]))
        story.append(Spacer(1, 4))

    def build(path: str) -> None:
        doc = SimpleDocTemplate(path, pagesize=A4, title="Case summary", author=session.author,
                                creator="MSP Desktop", topMargin=20 * mm, bottomMargin=20 * mm)
        doc.build(story, onFirstPage=_page, onLaterPages=_page)

    out = write_atomic(dest, build)
    with session.write():
        session.log("export", entity_kind="case", entity_id=case_id, case_id=case_id,
                    detail={"format": "pdf", "profile": "summary"})
    return out
