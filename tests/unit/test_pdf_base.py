"""Every PDF the app writes (case record, SAC summary, self-test summary) goes through
pdf_base.build: each page carries the marking, the export id, who and when, and Page X of Y."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import PageBreak, Paragraph

from msp_desktop.export.meta import ExportMeta
from msp_desktop.export.pdf_base import MARKING, build, styles
from tests.unit._case_record_helpers import need_poppler, pdf_info, pdf_text


def test_every_page_is_marked_and_counted(tmp_path: Path) -> None:
    need_poppler()
    meta = ExportMeta("ABC123DEF456", "Rebecca Hollis",
                      dt.datetime(2026, 12, 3, 14, 5, tzinfo=dt.UTC))
    s = styles()
    story = []
    for n in range(3):
        story += [Paragraph(f"Section {n + 1}", s["h2"]), PageBreak()]
    out = build(tmp_path / "out.pdf", story[:-1], title="Report", meta=meta,
                footer_detail="SAC 2025-26")
    assert pdf_info(out)["Pages"] == "3"
    assert pdf_info(out)["Author"] == "Rebecca Hollis"
    for page in (1, 2, 3):
        text = pdf_text(out, page)
        assert text.count(MARKING) == 2, text
        assert f"Page {page} of 3" in text
        assert "Export ABC123DEF456" in text and "exported by Rebecca Hollis" in text
        assert "SAC 2025-26" in text
    assert not list(tmp_path.glob("*.tmp*"))  # written in one atomic step
