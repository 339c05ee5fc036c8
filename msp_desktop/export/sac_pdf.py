"""A readable PDF summary of the Safeguarding Adults Collection return: every table with the
collection's labels, then the records to fix before the return is due.

A pure renderer: the counted report in, one file out through pdf_base.build (atomic, with the
protective marking on every page).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from msp_desktop.domain.sac import SacReport, case_reference
from msp_desktop.domain.sac_tables import SacTable
from msp_desktop.export.meta import ExportMeta
from msp_desktop.export.pdf_base import build, styles

SUMMARY_FILE = "sac-summary.pdf"
# The PDF lists this many records to fix; missing.csv always holds them all.
PDF_MISSING_LIMIT = 400
_WIDTH = A4[0] - 2 * inch  # SimpleDocTemplate's default margins
_HEAD_BG = colors.HexColor("#dfe6ee")
_GROUP_BG = colors.HexColor("#f1f4f7")
_PAD = 2  # points either side of a cell's text


def write_summary(
    dest: Path, report: SacReport, *, council_name: str, meta: ExportMeta,
) -> Path:
    s = styles()
    small = ParagraphStyle("small", parent=s["body"], fontSize=7.5, leading=9.5)
    small_bold = ParagraphStyle("small_bold", parent=small, fontName="DejaVuSans-Bold")
    year = report.year
    story: list[Any] = [
        Paragraph(escape(f"Safeguarding Adults Collection {year.label}"), s["h1"]),
        Paragraph(escape(f"{council_name} ({report.council})"), s["h2"]),
        Paragraph(escape(f"Reporting year 1 April {year.start} to 31 March {year.start + 1}. "
                         f"Exported {meta.when_text} by {meta.exported_by}; export "
                         f"{meta.export_id}."), s["body"]),
        Spacer(1, 4),
        Paragraph(escape(
            "SG1 tables count concerns received (reasonable cause checked) and enquiries started "
            "in the year; SG1a-SG1c count each adult once per column, SG1d and SG1e count "
            "cases. SG2-SG4 count section 42 enquiries concluded in the year, each different "
            "type, location, source, outcome and result once per enquiry. English cases only, "
            "where the abuse happened in this council's area; a case with no host council "
            "recorded is counted here and listed below, to be completed."), s["body"]),
        Spacer(1, 4),
        Paragraph(escape(_headline(report)), s["body"]),
    ]
    for table in report.tables:
        story.append(_table_block(table, s, small, small_bold))
    story.append(Paragraph(escape("Records to fix before the return is due"), s["h2"]))
    story += _missing_block(report, s, small, small_bold)

    return build(Path(dest), story, title=f"Safeguarding Adults Collection {year.label}",
                 meta=meta, footer_detail=f"SAC {year.label} · {report.council}")


def _headline(report: SacReport) -> str:
    totals = report.table("SG1f")
    concluded = sum(r.values[0] for r in report.table("SG3a").rows[:-1])
    parts = [f"{r.label}: {r.values[0]:,}" for r in totals.rows]
    parts.append(f"Concluded Section 42 enquiries: {concluded:,}")
    parts.append(f"Records to fix or check: {len(report.uncounted):,}")
    return ". ".join(parts) + "."


def _table_block(table: SacTable, s: dict[str, ParagraphStyle], small: ParagraphStyle,
                 bold: ParagraphStyle) -> Any:
    ncols = len(table.columns)
    label_width = 62 * mm if ncols <= 3 else 27 * mm
    col_width = min(34 * mm, (_WIDTH - label_width) / ncols)
    head_style = _fitting(bold, table.column_labels, col_width - 2 * _PAD)
    head = [Paragraph(escape(table.row_heading), head_style),
            *(Paragraph(escape(c), head_style) for c in table.column_labels)]
    body: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    group = ""
    for r in table.rows:
        if r.group and r.group != group:  # the question these rows answer, across the table
            group = r.group
            spans += [("SPAN", (0, len(body) + 1), (-1, len(body) + 1)),
                      ("BACKGROUND", (0, len(body) + 1), (-1, len(body) + 1), _GROUP_BG)]
            body.append([Paragraph(escape(group), bold), *([""] * ncols)])
        body.append([Paragraph(escape(r.label), small), *(f"{v:,}" for v in r.values)])
    grid = Table([head, *body], colWidths=[label_width, *([col_width] * ncols)], repeatRows=1)
    grid.setStyle(TableStyle([
        *spans,
        ("FONT", (0, 0), (-1, -1), "DejaVuSans", 8),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    title = Paragraph(escape(f"{table.code}: {table.title}"), s["h2"])
    unit = Paragraph(escape(" ".join(filter(None, (f"Counts of {table.unit}.", table.note)))),
                     small)
    return KeepTogether([title, unit, Spacer(1, 2), grid])


def _fitting(style: ParagraphStyle, labels: Sequence[str], width: float) -> ParagraphStyle:
    """The style, smaller if need be so that no word of a column heading is split."""
    words = [w for label in labels for w in label.split()]
    widest = max((stringWidth(w, style.fontName, 1) for w in words), default=0)
    if not widest or widest * style.fontSize <= width:
        return style
    size = max(4.5, width / widest)
    return ParagraphStyle(f"{style.name}_{size:.1f}", parent=style, fontSize=size,
                          leading=size + 2)


def _missing_block(report: SacReport, s: dict[str, ParagraphStyle], small: ParagraphStyle,
                   bold: ParagraphStyle) -> Sequence[Any]:
    items = report.uncounted
    if not items:
        return [Paragraph("Nothing is missing: every record could be counted.", s["body"])]
    shown = items[:PDF_MISSING_LIMIT]
    intro = (f"{len(items):,} records could not be counted as they should, or disagree with "
             "other records of their case. Open the case, fix the record, and run the report "
             "again.")
    if len(items) > len(shown):
        intro += f" The first {len(shown):,} are listed here; missing.csv lists them all."
    head = [Paragraph(h, bold) for h in ("Case", "Record", "What is missing or to check")]
    # As the app's SAC window shows them: the case's reference, then the record as the app
    # lists it, with its own reference when it is not the case itself.
    rows = [[Paragraph(escape(u.case_reference), small),
             Paragraph(escape(u.description) + (
                 "" if u.record_id == u.case_id else f" · {escape(case_reference(u.record_id))}"),
                 small),
             Paragraph(escape(u.missing), small)] for u in shown]
    grid = Table([head, *rows], colWidths=[20 * mm, 57 * mm, _WIDTH - 77 * mm], repeatRows=1)
    grid.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [Paragraph(escape(intro), s["body"]), Spacer(1, 4), grid]
