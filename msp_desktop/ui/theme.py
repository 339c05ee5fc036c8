"""Fonts, palette and stylesheet of MSP Desktop.

The app bundles DejaVu Sans (resources/fonts) so the UI never depends on system fonts and
Welsh, Polish and Urdu text always renders. Colours meet WCAG 2.x contrast: text >= 4.5:1 and
UI components (borders, focus rings) >= 3:1 against what they sit on. Colour never carries
meaning alone: risk (RAG) colours always come with a text label (see ui/rag.py).
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QFile, QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QStyle, QTabBar, QTableView

log = logging.getLogger(__name__)

FONT_FAMILY = "DejaVu Sans"
MIN_FONT_SCALE = 0.75
MAX_FONT_SCALE = 2.5
FALLBACK_POINT_SIZE = 10.0

ColourLike = QColor | str


@dataclasses.dataclass(frozen=True)
class Colours:
    """The colours of the default (light) theme, as hex strings."""

    window: str = "#F4F5F7"
    window_text: str = "#1B1F24"
    base: str = "#FFFFFF"
    alternate_base: str = "#EEF1F4"
    text: str = "#1B1F24"
    secondary_text: str = "#4A5260"
    placeholder: str = "#5C6470"
    button: str = "#E6E9ED"
    button_text: str = "#1B1F24"
    border: str = "#6B7280"
    highlight: str = "#1D4F91"
    highlighted_text: str = "#FFFFFF"
    link: str = "#1A55A6"
    tooltip_base: str = "#1B1F24"
    tooltip_text: str = "#FFFFFF"
    disabled_text: str = "#6B7280"
    error_text: str = "#A4161A"
    focus: str = "#1D4F91"
    quote_background: str = "#F7F9FC"  # the adult's own words stand apart from other text
    # Section rules are decoration (the bold heading marks the section), so below 3:1 is fine.
    divider: str = "#C5CAD3"


COLOURS = Colours()


@dataclasses.dataclass(frozen=True)
class Fill:
    """A filled area and the text on it (text >= 4.5:1 against the background)."""

    background: str
    text: str


@dataclasses.dataclass(frozen=True)
class Notice(Fill):
    """A message box: a fill with a border that stands out from it (>= 3:1)."""

    border: str


# Risk ratings, by domain RAG code. Always shown with a text label (ui/rag.py).
RAG_FILLS: dict[str, Fill] = {
    "RED": Fill(background="#B3261E", text="#FFFFFF"),
    "AMBER": Fill(background="#F2C94C", text=COLOURS.text),
    "GREEN": Fill(background="#1E7B34", text="#FFFFFF"),
}

# Message boxes and bars, by kind. The text says what happened; colour only adds to it.
NOTICES: dict[str, Notice] = {
    "error": Notice(background="#FDECEC", text=COLOURS.text, border=COLOURS.error_text),
    "warning": Notice(background="#FFF4D6", text=COLOURS.text, border="#8A6D1D"),
    "ok": Notice(background="#E7F4EA", text=COLOURS.text, border="#1E7B34"),
    "info": Notice(background="#E8EEF7", text=COLOURS.text, border=COLOURS.highlight),
}


def resources_dir() -> Path:
    """Return the resources folder, also inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def load_fonts(font_dir: Path | None = None) -> list[str]:
    """Register the bundled TTF fonts; return the families that loaded."""
    folder = font_dir if font_dir is not None else resources_dir() / "fonts"
    families: list[str] = []
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Could not load bundled font %s", path.name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def system_point_size() -> float:
    """Return the desktop's general font size in points."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else FALLBACK_POINT_SIZE


def clamp_scale(font_scale: float) -> float:
    """Keep a user font scale within the supported range."""
    return max(MIN_FONT_SCALE, min(MAX_FONT_SCALE, float(font_scale)))


def app_font(font_scale: float = 1.0, *, base_point_size: float | None = None) -> QFont:
    """Return the app font: bundled family, system size times the user's scale."""
    base = base_point_size if base_point_size is not None else system_point_size()
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(round(base * clamp_scale(font_scale), 1))
    return font


def build_palette(colours: Colours = COLOURS) -> QPalette:
    """Return the default palette."""
    pal = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    pairs = {
        role.Window: colours.window,
        role.WindowText: colours.window_text,
        role.Base: colours.base,
        role.AlternateBase: colours.alternate_base,
        role.Text: colours.text,
        role.PlaceholderText: colours.placeholder,
        role.Button: colours.button,
        role.ButtonText: colours.button_text,
        role.BrightText: colours.highlighted_text,
        role.Highlight: colours.highlight,
        role.HighlightedText: colours.highlighted_text,
        role.Link: colours.link,
        role.LinkVisited: colours.link,
        role.ToolTipBase: colours.tooltip_base,
        role.ToolTipText: colours.tooltip_text,
        role.Mid: colours.border,
        role.Dark: colours.border,
        role.Shadow: colours.window_text,
        role.Light: colours.base,
        role.Midlight: colours.alternate_base,
    }
    for r, value in pairs.items():
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor(colours.disabled_text))
    return pal


def indicator_size(point_size: float) -> int:
    """Return the side, in pixels, of check box and radio indicators for a text size: the
    style's 14 pixels at the usual 9-10 points, growing with the text."""
    return max(14, round(point_size * 1.55))


def indicator_rules(point_size: float) -> str:
    """Return the stylesheet rules that size check box and radio indicators with the text
    (Qt's styles draw them at a fixed 13-14 pixels whatever the font size)."""
    side = indicator_size(point_size)
    return (
        "QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator,"
        " QAbstractItemView::indicator"
        f" {{ width: {side}px; height: {side}px; }}\n"
    ) + close_button_rules(max(20, round(point_size * 2)))


# Qt's own tab-close pictures, large enough to scale down to any size (a Qt build without
# them keeps the style's picture, drawn at its small size in the larger button).
_CLOSE_TAB_IMAGES = {
    "": ":/qt-project.org/styles/commonstyle/images/standardbutton-closetab-128.png",
    ":hover": ":/qt-project.org/styles/commonstyle/images/standardbutton-closetab-hover-128.png",
    ":pressed": ":/qt-project.org/styles/commonstyle/images/standardbutton-closetab-down-128.png",
}


def close_button_rules(side: int) -> str:
    """Return the rules that size a tab's close button (the open case's "x") with the text:
    the style draws it at a fixed 12-16 pixels, too small a target at 200%."""
    # The style sizes the button (a private class of the tab bar) from a pixel metric that
    # ignores the close-button rule: a minimum size on the button itself is what works.
    rules = f"QTabBar CloseButton {{ min-width: {side}px; min-height: {side}px; }}\n"
    for state, image in _CLOSE_TAB_IMAGES.items():
        if QFile.exists(image):
            rules += f"QTabBar::close-button{state} {{ image: url({image}); }}\n"
    return rules


def stylesheet(colours: Colours = COLOURS, point_size: float | None = None) -> str:
    """Return the small app stylesheet (borders, focus rings, headings, errors); with a
    point size, also the rules that scale with the text (indicators)."""
    c = colours
    scaled = indicator_rules(point_size) if point_size else ""
    return scaled + f"""
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {c.border}; border-radius: 3px; padding: 3px 5px;
    background: {c.base}; color: {c.text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 2px solid {c.focus}; padding: 2px 4px;
}}
QPushButton {{
    border: 1px solid {c.border}; border-radius: 3px; padding: 5px 14px;
    background: {c.button}; color: {c.button_text};
}}
QPushButton:focus {{ border: 2px solid {c.focus}; padding: 4px 13px; }}
QPushButton:default {{ background: {c.highlight}; color: {c.highlighted_text}; }}
QPushButton:disabled {{ color: {c.disabled_text}; }}
QCheckBox:focus, QRadioButton:focus {{ outline: 2px solid {c.focus}; }}
QTableView, QListView, QTreeView {{ border: 1px solid {c.border}; padding: 1px; }}
QTableView:focus, QListView:focus, QTreeView:focus {{
    border: 2px solid {c.focus}; padding: 0px;
}}
QTabBar::tab {{
    background: {c.button}; color: {c.button_text}; border: 1px solid {c.border};
    padding: 5px 12px; margin: 2px 2px 0px 0px;
    border-top-left-radius: 3px; border-top-right-radius: 3px;
}}
QTabBar::tab:selected {{
    background: {c.base}; border-bottom: 3px solid {c.highlight}; padding-bottom: 3px;
}}
QTabBar::tab:focus {{
    border: 2px solid {c.focus}; border-bottom: 3px solid {c.focus};
    padding: 4px 11px 3px 11px;
}}
QLabel[role="secondary"] {{ color: {c.secondary_text}; }}
QLabel[role="error"] {{ color: {c.error_text}; font-weight: bold; }}
QProgressBar {{
    border: 1px solid {c.border}; border-radius: 3px; background: {c.base};
    color: {c.text}; text-align: center;
}}
QProgressBar::chunk {{ background: {c.highlight}; }}
"""


def make_heading(label: QLabel, scale: float = 1.4) -> QLabel:
    """Make a label a heading: larger bold text, and the Heading role where Qt supports it."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setProperty("role", "heading")
    return label


def apply_theme(app: QApplication, *, font_scale: float = 1.0) -> QFont:
    """Load fonts, then set the app font, palette and stylesheet. Safe to call again: a new
    scale applies live to the open windows (headings, fixed-size text and table columns
    grow or shrink with the body text)."""
    if FONT_FAMILY not in QFontDatabase.families():
        load_fonts()
    font = app_font(font_scale)
    old_size = app.font().pointSizeF()
    # Widgets with a font of their own (headings: make_heading) keep their point size when
    # the app font changes: note them before, and scale them after, by the same ratio.
    own_fonts = [(w, QFont(w.font())) for w in app.allWidgets()
                 if w.testAttribute(Qt.WidgetAttribute.WA_SetFont) and w.font().pointSizeF() > 0]
    app.setFont(font)
    app.setPalette(build_palette())
    app.setStyleSheet(stylesheet(point_size=font.pointSizeF()))
    ratio = font.pointSizeF() / old_size if old_size > 0 else 1.0
    if abs(ratio - 1.0) > 0.01:
        for widget, own in own_fonts:
            own.setPointSizeF(round(own.pointSizeF() * ratio, 1))
            widget.setFont(own)
        for widget in app.allWidgets():
            if isinstance(widget, QHeaderView):
                scale_sections(widget, ratio)
    _fit_tab_close_buttons(app)
    return font


def _fit_tab_close_buttons(app: QApplication) -> None:
    """Give the open tabs' close buttons the size the new rules ask for (a tab bar sizes
    them once, when the tab is added), then lay the tab bar out again."""
    sides = (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide)
    for bar in app.allWidgets():
        if not isinstance(bar, QTabBar):
            continue
        resized = False
        for index in range(bar.count()):
            for side in sides:
                button = bar.tabButton(index, side)
                if button is not None and button.metaObject().className() == "CloseButton":
                    button.resize(button.sizeHint().expandedTo(button.minimumSize()))
                    resized = True
        if resized:
            QApplication.sendEvent(bar, QEvent(QEvent.Type.StyleChange))


def header_text_width(header: QHeaderView, section: int) -> int:
    """Return the width a header section needs to show its whole title (and sort arrow)."""
    model = header.model()
    if model is None:
        return 0
    text = str(model.headerData(section, header.orientation()) or "")
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    width = header.fontMetrics().horizontalAdvance(text) + 4 * margin
    if header.isSortIndicatorShown():
        width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    return width


def fit_header(header: QHeaderView) -> None:
    """Widen the sections a user or the code sized (never shrink) so each title fits."""
    if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
        return
    resizable = (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed)
    last = header.count() - 1
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        needed = header_text_width(header, section)
        stretched = header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch
        if stretched or (section == last and header.stretchLastSection()):
            # It gets what is left, down to the minimum: keep its title whole even when the
            # other columns take all the width.
            if header.minimumSectionSize() < needed:
                header.setMinimumSectionSize(needed)
            if header.sectionSize(section) < needed:
                header.resizeSection(section, needed)
            continue
        if header.sectionResizeMode(section) not in resizable:
            continue
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)


def scale_sections(header: QHeaderView, ratio: float) -> None:
    """Scale the code-sized sections of a header with the text, then fit the titles."""
    if header.orientation() == Qt.Orientation.Horizontal:
        resizable = (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed)
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            if header.sectionResizeMode(section) in resizable:
                header.resizeSection(section, round(header.sectionSize(section) * ratio))
    else:
        header.setDefaultSectionSize(round(header.defaultSectionSize() * ratio))
    fit_header(header)


class _HeaderFitter(QObject):
    """Fits a header's column titles when its table is shown (after the code that built it
    has sized its columns from the font)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API name
        if event.type() == QEvent.Type.Show and isinstance(watched, QHeaderView):
            fit_header(watched)
        return False


def fit_titles_when_shown(view: QTableView) -> None:
    """Fit the table's column titles each time it is shown. The filter sits on the header
    alone: an application-wide filter would route every event of the app through Python."""
    header = view.horizontalHeader()
    header.installEventFilter(_HeaderFitter(header))


def relative_luminance(colour: ColourLike) -> float:
    """Return the WCAG 2.x relative luminance of a colour (0 black .. 1 white)."""
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    )


def contrast_ratio(c1: ColourLike, c2: ColourLike) -> float:
    """Return the WCAG contrast ratio of two colours (1.0 .. 21.0)."""
    l1, l2 = relative_luminance(c1), relative_luminance(c2)
    lighter, darker = max(l1, l2), min(l1, l2)
    return (lighter + 0.05) / (darker + 0.05)
