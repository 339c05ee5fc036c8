"""Check boxes grow with the text size: at 150% and 200% they are not left tiny."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from msp_desktop.domain.kinds import KINDS
from msp_desktop.ui import theme
from msp_desktop.ui.records.form import RecordForm


def indicator_size(box: QCheckBox) -> int:
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    return min(rect.width(), rect.height())


@pytest.fixture
def scaled(themed_app: QApplication) -> Iterator[Any]:
    """Set the text size the way the settings do (the whole app's font), and restore it."""
    def apply(scale: float) -> None:
        theme.apply_theme(themed_app, font_scale=scale)
        QApplication.processEvents()

    yield apply
    apply(1.0)


def test_check_boxes_follow_the_text_size_live(qtbot: Any, scaled: Any) -> None:
    form = RecordForm(KINDS["risk_item"])  # flags and a multiple choice
    qtbot.addWidget(form)
    form.resize(900, 1200)
    form.show()
    boxes = form.findChildren(QCheckBox)
    assert len(boxes) >= 4
    small = {box: indicator_size(box) for box in boxes}
    for box, size in small.items():
        # At 100% the box is about the height of a capital letter, not smaller.
        assert size >= box.fontMetrics().capHeight(), box.text()
    for scale in (1.5, 2.0):
        scaled(scale)
        for box in boxes:
            size = indicator_size(box)
            text_height = box.fontMetrics().height()
            assert size >= 0.7 * text_height, (scale, box.text(), size, text_height)
            assert size >= small[box] * scale * 0.9, (scale, box.text())
    # Back to 100%: the boxes shrink back with the text.
    scaled(1.0)
    assert all(indicator_size(box) == size for box, size in small.items())


def test_indicator_rules_scale_with_the_point_size() -> None:
    assert "QCheckBox::indicator" in theme.indicator_rules(10.0)
    assert "QRadioButton::indicator" in theme.indicator_rules(10.0)
    assert theme.indicator_rules(20.0) != theme.indicator_rules(10.0)
