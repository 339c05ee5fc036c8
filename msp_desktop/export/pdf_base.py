"""What every PDF this app writes shares: embedded Unicode fonts, the paragraph styles, the
protective marking on every page, and building the document into one atomic write.

Pure rendering (no Qt, no vault): callers hand in a ReportLab story.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from msp_desktop.domain.days import day_text, day_time_text
from msp_desktop.export.meta import ExportMeta
from msp_desktop.resources import resource_path
from msp_desktop.storage.atomic import atomic_write_bytes

MARKING = "OFFICIAL-SENSITIVE"
_FONTS_READY = False


SHAPED_SCRIPTS = ("Bengali", "Gurmukhi", "Gujarati")
# (font name, file in fonts/). DejaVu for most text; Noto Naskh for Urdu and Arabic runs
# (export/pdf_text.py): DejaVu lacks some Urdu letters.
_PLAIN_FONTS = (("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
                ("NotoNaskhArabic", "NotoNaskhArabic-Regular.ttf"),
                ("NotoNaskhArabic-Bold", "NotoNaskhArabic-Bold.ttf"))
# Bengali (Sylheti), Panjabi (Gurmukhi) and Gujarati runs, shaped by HarfBuzz (uharfbuzz)
# when drawn: vowel signs before their consonant, conjuncts (export/pdf_text.py).
_SHAPED_FONTS = tuple((f"NotoSans{script}{suffix}", f"NotoSans{script}-{weight}.ttf")
                      for script in SHAPED_SCRIPTS
                      for weight, suffix in (("Regular", ""), ("Bold", "-Bold")))
# Every font a PDF may draw text in (the characters none of them has are listed, not boxed).
ALL_FONTS = tuple(name for name, _file in (*_PLAIN_FONTS, *_SHAPED_FONTS))


def register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    for name, file in _PLAIN_FONTS:
        pdfmetrics.registerFont(TTFont(name, str(resource_path(f"fonts/{file}"))))
        _remember_widths(pdfmetrics.getFont(name))
    for name, file in _SHAPED_FONTS:
        pdfmetrics.registerFont(TTFont(name, str(resource_path(f"fonts/{file}")), shapable=True))
    _FONTS_READY = True


@functools.cache
def _covered() -> frozenset[int]:
    register_fonts()
    return frozenset(c for name in ALL_FONTS
                     for c in pdfmetrics.getFont(name).face.charToGlyph)


def unprintable(text: str) -> str:
    """The characters of `text` that no font embedded in the PDF has (they would print as
    empty boxes), each once, in order: so that a PDF never loses text silently."""
    covered = _covered()
    seen: dict[str, None] = {}
    for c in text:
        if (ord(c) not in covered and not c.isspace()
                and unicodedata.category(c) not in ("Cc", "Cf")
                and not ("\ufe00" <= c <= "\ufe0f")):  # variation selectors draw nothing
            seen[c] = None
    return "".join(seen)


def _remember_widths(font: Any) -> None:
    """Paragraph wrapping measures every word of every line, and ReportLab 5's pure-Python
    wheel sums each word's glyph widths in Python: a long case record spends most of its time
    there. A word's width at a size never changes, so remember it (words repeat a lot)."""
    font.stringWidth = functools.lru_cache(maxsize=1 << 16)(font.stringWidth)


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "h1": ParagraphStyle("h1", fontName="DejaVuSans-Bold", fontSize=16, leading=20,
                             spaceAfter=6),
        # Headings and labels keep with what follows: never alone at the foot of a page.
        "h2": ParagraphStyle("h2", fontName="DejaVuSans-Bold", fontSize=12, leading=16,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", fontName="DejaVuSans-Bold", fontSize=10, leading=14,
                             spaceBefore=4, keepWithNext=1),
        "body": ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=14),
        "quote": ParagraphStyle("quote", fontName="DejaVuSans", fontSize=10, leading=14,
                                leftIndent=8 * mm, textColor=HexColor("#1f3a5f")),
        "label": ParagraphStyle("label", fontName="DejaVuSans-Bold", fontSize=8.5, leading=12,
                                spaceBefore=3, textColor=HexColor("#444444"), keepWithNext=1),
        "analysis": ParagraphStyle("analysis", fontName="DejaVuSans", fontSize=10, leading=14,
                                   leftIndent=4 * mm, textColor=HexColor("#3d3d3d")),
        "small": ParagraphStyle("small", fontName="DejaVuSans", fontSize=8.5, leading=11),
    }


def counted_pages(footer: Callable[[Any, int, int], None]) -> type[Canvas]:
    """A canvas class that holds every page back until the end, so each page can say
    "Page X of Y": footer(canvas, page, total) is drawn on each page at save time."""

    class CountedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return CountedCanvas


def marked_footer(meta: ExportMeta, detail: str = "") -> Callable[[Any, int, int], None]:
    """The protective marking at the top and bottom of every page; along the bottom, the
    export id, who exported it and when (and `detail`), and "Page X of Y"."""
    line = " · ".join(part for part in (
        detail, f"Export {meta.export_id}", f"exported by {meta.exported_by}", meta.when_text,
    ) if part)

    def draw(canvas: Any, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans-Bold", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, MARKING)
        canvas.drawCentredString(A4[0] / 2, 13 * mm, MARKING)
        canvas.setFont("DejaVuSans", 7.5)
        canvas.drawString(15 * mm, 8 * mm, line)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, f"Page {page} of {total}")
        canvas.restoreState()

    return draw


def when_text(value: str | None) -> str:
    """A stored ISO date or date-time as the app shows it ("3 Dec 2026 14:05")."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return day_text(moment.date())
    return day_time_text(moment)


def render(
    story: Sequence[Any],
    *,
    title: str,
    meta: ExportMeta,
    footer_detail: str = "",
    subject: str = "",
) -> bytes:
    """Lay out the story in memory, with the marked footer on every page (marked_footer):
    the whole PDF, not yet written anywhere."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title, author=meta.exported_by,
                            creator="MSP Desktop", subject=subject, topMargin=20 * mm,
                            bottomMargin=20 * mm)
    doc.build(list(story), canvasmaker=counted_pages(marked_footer(meta, footer_detail)))
    return buffer.getvalue()


def write(dest: Path, data: bytes) -> Path:
    """Write a rendered PDF in one atomic step, so a failed or interrupted export never
    leaves half a PDF under the chosen name."""
    atomic_write_bytes(Path(dest), data)
    return Path(dest)


def build(
    dest: Path,
    story: Sequence[Any],
    *,
    title: str,
    meta: ExportMeta,
    footer_detail: str = "",
    subject: str = "",
) -> Path:
    """render, then write."""
    return write(dest, render(story, title=title, meta=meta, footer_detail=footer_detail,
                              subject=subject))
