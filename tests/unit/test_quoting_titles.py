"""The adult's words in the banner (unquote, isolate) and titles cut with "…" (issue 9 #10, #11)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain.fields import TITLE_MAX, shorten
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.quoting import FSI, PDI, isolate, unquote


@pytest.mark.parametrize(("typed", "words"), [
    ("“I want to go home”", "I want to go home"),
    ("”“I want”", "I want"),
    ('"I want"', "I want"),
    ("  'Leave me be'  ", "Leave me be"),
    ("«Je veux rentrer»", "Je veux rentrer"),
    ("I'm fine, just goin'", "I'm fine, just goin'"),  # an apostrophe is not a quote mark
    ("He said “no” to it", "He said “no” to it"),  # quotes inside stay
    ("“”", "“”"),  # nothing but quote marks: left as typed
])
def test_unquote_takes_off_only_the_marks_around_the_words(typed: str, words: str) -> None:
    assert unquote(typed) == words


@given(st.text())
def test_isolate_is_always_one_balanced_isolate(text: str) -> None:
    out = isolate(text)
    assert out.startswith(FSI) and out.endswith(PDI)
    assert out.count(FSI) == 1 and out.count(PDI) == 1  # no stray control leaks out


@given(st.text(min_size=0, max_size=400))
def test_shorten_keeps_short_text_and_marks_a_cut(text: str) -> None:
    out = shorten(text, TITLE_MAX)
    assert len(out) <= TITLE_MAX
    if len(text) <= TITLE_MAX:
        assert out == text
    else:
        assert out.endswith("…") and text.startswith(out[:-1])


def test_a_long_first_line_becomes_a_title_with_an_ellipsis() -> None:
    note = KINDS["contact_note"]
    assert note.title({"purpose": "x" * 200}) == "x" * 119 + "…"
    assert note.title({"purpose": "y" * 120}) == "y" * 120
    assert note.title({"purpose": "Phone call\nsecond line"}) == "Phone call"
