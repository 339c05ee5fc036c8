"""Text in any of the adult's languages, as a PDF flowable.

ReportLab draws glyphs one by one from one font, left to right. That is right for English,
Welsh and Polish (DejaVu Sans has ŵ ŷ ł ą ę), but Urdu and Arabic need three more things:
- shaping: each letter takes its joined form (arabic_reshaper picks the presentation forms);
- order: right-to-left runs are laid out in visual order, line by line after wrapping, so a
  long paragraph reads from the top right (python-bidi's get_display on each wrapped line);
- a font that has the letters: DejaVu lacks some Urdu ones (ہ ے ۔), so Arabic-script runs
  use Noto Naskh Arabic, the rest DejaVu Sans (font fallback per run).
Bengali (and Sylheti written in it), Panjabi in Gurmukhi and Gujarati have no letters in
DejaVu at all, and need OpenType shaping (a vowel sign drawn before its consonant, conjuncts):
their runs use Noto Sans Bengali, Gurmukhi or Gujarati and are shaped by HarfBuzz (ReportLab's
shapeStr, with uharfbuzz) as they are measured and drawn.
Text without any of these scripts takes the plain Paragraph path (fast, and most records are).
"""

from __future__ import annotations

import functools
import re
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper

# The pure-Python get_display: python-bidi 0.6's Rust one (bidi.get_display) does not mirror
# brackets ("اردو (Urdu)" came out as ")Urdu( اردو").
from bidi.algorithm import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.platypus import Flowable, Paragraph

from msp_desktop.domain.quoting import unquote

# Arabic, Arabic Supplement, Arabic Extended-A/B, and the presentation forms A and B.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Each with the danda and double danda (U+0964-5, in the Devanagari block) its texts use.
_BENGALI, _GURMUKHI, _GUJARATI = (f"{block}\u0964\u0965" for block in (
    "\u0980-\u09ff", "\u0a00-\u0a7f", "\u0a80-\u0aff"))
_INDIC = _BENGALI + _GURMUKHI + _GUJARATI
_HAS_COMPLEX = re.compile(f"[{_ARABIC}\u0590-\u05ff{_INDIC}]")
# The first strong character decides a paragraph's direction (Unicode bidi rule P2).
_FIRST_STRONG = re.compile(
    f"([{_ARABIC}\u0590-\u05ff])|([A-Za-z\u00c0-\u024f\u1e00-\u1eff{_INDIC}])")

# (font family, characters): runs of these scripts are drawn in their own font, in the
# weight of the style's font ("-Bold" added); the rest in the style's font.
_SCRIPT_FONTS = (("NotoNaskhArabic", _ARABIC), ("NotoSansBengali", _BENGALI),
                 ("NotoSansGurmukhi", _GURMUKHI), ("NotoSansGujarati", _GUJARATI))
# A run keeps the zero-width joiner and non-joiner between its letters (they steer conjuncts).
_SCRIPT_RUN = re.compile("|".join(f"([{c}]+(?:[\u200c\u200d]+[{c}]+)*)"
                                  for _f, c in _SCRIPT_FONTS))
# Fonts whose runs HarfBuzz shapes when they are measured and drawn.
SHAPED_FONTS = frozenset(f"{f}{b}" for f, _c in _SCRIPT_FONTS[1:] for b in ("", "-Bold"))


def is_rtl_paragraph(text: str) -> bool:
    m = _FIRST_STRONG.search(text)
    return bool(m and m.group(1))


def quoted(text: str) -> str:
    """The adult's words in quotation marks, once: the marks typed around them give way to
    the app's pair, as in the banner (domain/quoting.unquote; a quotation within the words
    keeps its own). Words that start in a right-to-left script get none (English quotation
    marks would land the wrong way round there; the quote style still sets them apart)."""
    text = unquote(text)
    if is_rtl_paragraph(text):
        return text
    return f"“{text}”"


def has_complex(text: str) -> bool:
    """Text that needs font fallback, shaping or reordering: right-to-left or Indic script."""
    return _HAS_COMPLEX.search(text) is not None


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """(font name, text) runs: Arabic-script characters in Noto Naskh, Bengali, Gurmukhi and
    Gujarati in their Noto Sans, the rest in `font`."""
    bold = "-Bold" if font.endswith("-Bold") else ""
    out: list[tuple[str, str]] = []
    at = 0
    for m in _SCRIPT_RUN.finditer(text):
        if m.start() > at:
            out.append((font, text[at:m.start()]))
        out.append((_SCRIPT_FONTS[(m.lastindex or 1) - 1][0] + bold, m.group()))
        at = m.end()
    if at < len(text):
        out.append((font, text[at:]))
    return out


def run_width(font: str, text: str, size: float) -> float:
    """The width of one run as it is drawn (shaped, for the Indic scripts)."""
    if font in SHAPED_FONTS:
        return _shaped_width(font, text, size)
    return float(stringWidth(text, font, size))


@functools.lru_cache(maxsize=1 << 14)
def _shaped_width(font: str, text: str, size: float) -> float:
    shaped = shapeStr(text, font, size)
    glyphs = getattr(shaped, "__shapeData__", None)
    if glyphs is None:  # not shaped (no uharfbuzz): drawn glyph by glyph
        return float(stringWidth(text, font, size))
    return float(sum(g.x_advance for g in glyphs)) * size / 1000


def draw_run(canv: Any, x: float, y: float, font: str, text: str, size: float) -> float:
    """Draw one run at (x, y); return its width."""
    canv.setFont(font, size)
    canv.drawString(x, y, shapeStr(text, font, size) if font in SHAPED_FONTS else text)
    return run_width(font, text, size)


def text_flowable(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of stored text (line breaks kept): a plain Paragraph unless it has
    right-to-left or Indic script."""
    if has_complex(text):
        return MixedText(text, style)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class MixedText(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A paragraph mixing scripts (left-to-right, Arabic-script, Indic), wrapped at spaces."""

    def __init__(self, text: str, style: ParagraphStyle,
                 lines: list[tuple[list[tuple[str, str]], float, bool]] | None = None) -> None:
        super().__init__()
        self.style = style
        self.text = text
        self._shaped = arabic_reshaper.reshape(text) if lines is None else ""
        # Each line: its runs in visual order, its width, and whether it is right-to-left.
        self._lines = lines
        self._avail = -1.0

    def _measure(self, word: str) -> float:
        size = self.style.fontSize
        return sum(run_width(font, part, size)
                   for font, part in font_runs(word, self.style.fontName))

    def _cut(self, word: str, width: float) -> list[str]:
        """A word wider than a line, in pieces that each fit (at least one character each),
        in one pass over its characters' widths: measuring ever shorter prefixes took
        seconds for a few thousand characters."""
        size = self.style.fontSize
        pieces: list[str] = []
        start, used = 0, 0.0
        for i, c in enumerate(word):
            [(font, _c)] = font_runs(c, self.style.fontName)
            cw = run_width(font, c, size)
            if used + cw > width and i > start:
                pieces.append(word[start:i])
                start, used = i, 0.0
            used += cw
        pieces.append(word[start:])
        return pieces

    def _layout(self, width: float) -> list[tuple[list[tuple[str, str]], float, bool]]:
        out: list[tuple[list[tuple[str, str]], float, bool]] = []
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        for para in self._shaped.split("\n"):
            rtl = is_rtl_paragraph(para)
            logical: list[str] = []
            current: list[str] = []
            used = 0.0
            for word in para.split(" "):
                w = self._measure(word)
                if w > width and len(word) > 1:  # a word longer than a line: cut it
                    *whole_lines, word = self._cut(word, width)
                    if current:
                        logical.append(" ".join(current))
                        current, used = [], 0.0
                    logical += whole_lines
                    w = self._measure(word)
                extra = w + (space if current else 0.0)
                if current and used + extra > width:
                    logical.append(" ".join(current))
                    current, used = [word], w
                else:
                    current.append(word)
                    used += extra
            logical.append(" ".join(current))
            for line in logical:
                visual = get_display(line, base_dir="R" if rtl else "L")
                runs = font_runs(visual, self.style.fontName)
                out.append((runs, self._measure(visual), rtl))
        return out

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = availWidth - self.style.leftIndent - self.style.rightIndent
        if self._lines is None or (self._shaped and inner != self._avail):
            self._lines = self._layout(inner)
            self._avail = inner
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return []
        return [MixedText(self.text, self.style, self._lines[:fit]),
                MixedText(self.text, self.style, self._lines[fit:])]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        assert self._lines is not None
        canv: Any = self.canv
        style = self.style
        canv.setFillColor(style.textColor)
        left = style.leftIndent
        right = self.width - style.rightIndent
        y = self.height - style.fontSize
        for runs, width, rtl in self._lines:
            x = right - width if rtl else left
            for font, part in runs:
                x += draw_run(canv, x, y, font, part, style.fontSize)
            y -= style.leading


class OneLine(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A short line of left-to-right text, e.g. "Label: value", drawn directly when it fits
    on one line, else laid out as the Paragraph `markup`. A long record has thousands of such
    lines; a Paragraph each (markup parsing, line breaking) was most of its build time."""

    def __init__(self, runs: list[tuple[str, str]], style: ParagraphStyle, markup: str) -> None:
        super().__init__()
        self.runs = runs
        self.style = style
        self.markup = markup
        self._para: Paragraph | None = None
        self._needed = style.leftIndent + style.rightIndent + sum(
            float(stringWidth(text, font, style.fontSize)) for font, text in runs)
        if any("\n" in text for _font, text in runs):
            self._needed = float("inf")  # more than one line: the paragraph breaks them

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._para is None and self._needed <= availWidth:
            self.width, self.height = availWidth, float(self.style.leading)
            return self.width, self.height
        if self._para is None:
            self._para = Paragraph(self.markup, self.style)
        self.width, self.height = self._para.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._para is None:
            return []
        return list(self._para.split(availWidth, availHeight))

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        canv: Any = self.canv
        size = self.style.fontSize
        canv.setFillColor(self.style.textColor)
        x = self.style.leftIndent
        y = self.height - size
        for font, text in self.runs:
            canv.setFont(font, size)
            canv.drawString(x, y, text)
            x += stringWidth(text, font, size)


def label_line(label: str, style: ParagraphStyle) -> Flowable:
    """A line in one style (a label, a heading): drawn directly when it fits, wrapped as a
    paragraph when it does not; right-to-left or Indic text as MixedText."""
    if has_complex(label):
        return MixedText(label, style)
    return OneLine([(style.fontName, label)], style, escape(label).replace("\n", "<br/>"))


def field_line(label: str, value: str, style: ParagraphStyle, bold: str) -> Flowable:
    """ "Label: value" in `style`, the label in the `bold` font (left-to-right text only)."""
    return OneLine([(bold, label + " "), (style.fontName, value)], style,
                   f'<font name="{bold}">{escape(label)}</font> '
                   + escape(value).replace("\n", "<br/>"))
