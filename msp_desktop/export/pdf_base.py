"""What every PDF this app writes shares: embedded Unicode fonts, the paragraph styles, the
protective marking on every page, and building the document into one atomic write.

Pure rendering (no Qt, no vault): callers hand in a ReportLab story.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate

from msp_desktop.export.meta import ExportMeta
from msp_desktop.resources import resource_path
from msp_desktop.storage.atomic import atomic_writer

MARKING = "OFFICIAL-SENSITIVE"
_FONTS_READY = False


def register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(resource_path("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(
        TTFont("DejaVuSans-Bold", str(resource_path("fonts/DejaVuSans-Bold.ttf")))
    )
    _FONTS_READY = True


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
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


def marked_page(canvas: Any, doc: Any) -> None:
    """The protective marking at the top and bottom of every page, and the page number."""
    canvas.saveState()
    canvas.setFont("DejaVuSans-Bold", 9)
    canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, MARKING)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, MARKING)
    canvas.setFont("DejaVuSans", 8)
    canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def when_text(value: str | None) -> str:
    """A stored ISO date or date-time as the app shows it ("3 Dec 2026 14:05")."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return f"{moment:%-d %b %Y}"
    return f"{moment:%-d %b %Y %H:%M}"


def build(
    dest: Path,
    story: Sequence[Any],
    *,
    title: str,
    meta: ExportMeta,
    on_page: Callable[[Any, Any], None] = marked_page,
) -> Path:
    """Lay out the story in memory, then write the file in one atomic step, so a failed or
    interrupted export never leaves half a PDF under the chosen name."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title, author=meta.exported_by,
                            creator="MSP Desktop", topMargin=20 * mm, bottomMargin=20 * mm)
    doc.build(list(story), onFirstPage=on_page, onLaterPages=on_page)
    with atomic_writer(Path(dest)) as fh:
        fh.write(buffer.getvalue())
    return Path(dest)
