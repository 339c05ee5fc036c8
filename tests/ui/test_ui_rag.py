"""RAG wording and colours have one source: domain enumeration RAG and theme.RAG_FILLS."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from msp_desktop.domain.enums import RAG
from msp_desktop.ui.rag import RAG_STYLES, RagBadge, RagLevel, rag_label
from msp_desktop.ui.theme import RAG_FILLS


def test_rag_levels_are_the_domain_codes() -> None:
    assert {level.name for level in RagLevel} == RAG.codes
    assert set(RAG_FILLS) == RAG.codes


@pytest.mark.parametrize("level", list(RagLevel))
def test_badge_shows_the_domain_label(qtbot, level: RagLevel) -> None:
    badge = RagBadge(level)
    qtbot.addWidget(badge)
    assert badge.text() == RAG.label(level.name)  # no translator loaded: the source text
    assert RAG_STYLES[level].background in badge.styleSheet()
    assert RAG_STYLES[level].text in badge.styleSheet()


class _Welsh(QTranslator):
    """Marks every "choices" string, as a real translation file would change it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"cy:{source}" if context == "choices" else ""


def test_label_is_translated_like_other_domain_choices(qapp) -> None:
    translator = _Welsh()
    QCoreApplication.installTranslator(translator)
    try:
        assert rag_label(RagLevel.RED) == "cy:" + RAG.label("RED")
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("level", list(RagLevel))
def test_risk_cell_uses_the_same_label_and_colours(qtbot, level: RagLevel) -> None:
    # Imported here so the checks above do not depend on the whole records package.
    from msp_desktop.ui.records.inputs import RagCell

    cell = RagCell()
    qtbot.addWidget(cell)
    cell.show_rating(1, 1, level.name)  # an override shows that level whatever the score
    assert RAG.label(level.name) in cell.text()
    assert RAG_STYLES[level].background in cell.styleSheet()
    assert RAG_STYLES[level].text in cell.styleSheet()
