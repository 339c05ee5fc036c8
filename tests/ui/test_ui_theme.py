"""A11Y-3 (contrast), fonts and text size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QPalette

from msp_desktop.ui import theme
from msp_desktop.ui.rag import RAG_STYLES, RagBadge, RagLevel
from msp_desktop.ui.theme import COLOURS, NOTICES, Notice, build_palette, contrast_ratio

R = QPalette.ColorRole
TEXT_PAIRS = [
    (R.WindowText, R.Window),
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.PlaceholderText, R.Base),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
    (R.Link, R.Window),
]


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#767676") == contrast_ratio("#767676", "#FFFFFF")


@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS, ids=lambda r: r.name)
def test_palette_text_contrast(qapp, fg, bg) -> None:
    pal = build_palette()
    assert contrast_ratio(pal.color(fg), pal.color(bg)) >= 4.5


@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        (COLOURS.secondary_text, COLOURS.window),
        (COLOURS.error_text, COLOURS.window),
        (COLOURS.error_text, COLOURS.base),
        (COLOURS.highlighted_text, COLOURS.highlight),  # default button
        (COLOURS.disabled_text, COLOURS.base),
        (COLOURS.text, COLOURS.quote_background),
        (COLOURS.placeholder, COLOURS.quote_background),
    ],
)
def test_stylesheet_text_contrast(fg: str, bg: str) -> None:
    assert contrast_ratio(fg, bg) >= 4.5


@pytest.mark.parametrize("bg", [COLOURS.window, COLOURS.base, COLOURS.button])
@pytest.mark.parametrize("component", [COLOURS.border, COLOURS.focus])
def test_component_contrast(component: str, bg: str) -> None:
    assert contrast_ratio(component, bg) >= 3.0


@pytest.mark.parametrize("level", list(RagLevel))
def test_rag_text_contrast_and_label(qtbot, level: RagLevel) -> None:
    style = RAG_STYLES[level]
    assert contrast_ratio(style.text, style.background) >= 4.5
    badge = RagBadge(level)
    qtbot.addWidget(badge)
    assert badge.text()  # never colour alone
    assert badge.accessibleName() == badge.text()


def test_rag_labels_distinct(qtbot) -> None:
    labels = {RagBadge(level).text() for level in RagLevel}
    assert len(labels) == 3



@pytest.mark.parametrize("kind", sorted(NOTICES))
def test_notice_contrast(kind: str) -> None:
    notice: Notice = NOTICES[kind]
    assert contrast_ratio(notice.text, notice.background) >= 4.5
    assert contrast_ratio(notice.border, notice.background) >= 3.0
    assert contrast_ratio(notice.border, COLOURS.window) >= 3.0


# #RGB, #RGBA, #RRGGBB, #AARRGGBB, and rgb()/rgba()/hsl() in stylesheets.
COLOUR_LITERAL = re.compile(
    r"#(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3,4})\b|\b(?:rgba?|hsla?)\(", re.IGNORECASE
)


def test_colour_literals_only_in_theme() -> None:
    ui = Path(theme.__file__).parent
    found = [
        f"{path.relative_to(ui)}:{number}: {line.strip()}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COLOUR_LITERAL.search(line)
    ]
    assert not found, "colour literals belong in ui/theme.py:\n" + "\n".join(found)


def test_colour_literal_pattern() -> None:
    for text in ('color: #1B1F24;', 'QColor("#fff")', "background: rgba(0, 0, 0, 0.5)"):
        assert COLOUR_LITERAL.search(text), text
    for text in ("QFrame#draftBar", "# a comment", "issue #1234x"):
        assert not COLOUR_LITERAL.search(text), text


def test_bundled_font_loads(qapp) -> None:
    families = theme.load_fonts()
    assert "DejaVu Sans" in families
    assert "DejaVu Sans" in QFontDatabase.families()


def test_font_scale_applies(themed_app) -> None:
    base = theme.system_point_size()
    font = theme.apply_theme(themed_app, font_scale=2.0)
    assert font.family() == "DejaVu Sans"
    assert themed_app.font().pointSizeF() == pytest.approx(base * 2, abs=0.1)
    theme.apply_theme(themed_app, font_scale=1.0)
    assert themed_app.font().pointSizeF() == pytest.approx(base, abs=0.1)


def test_font_scale_is_clamped() -> None:
    assert theme.clamp_scale(10) == theme.MAX_FONT_SCALE
    assert theme.clamp_scale(0.1) == theme.MIN_FONT_SCALE


def test_app_font_respects_base_size() -> None:
    assert theme.app_font(1.5, base_point_size=12).pointSizeF() == pytest.approx(18)
