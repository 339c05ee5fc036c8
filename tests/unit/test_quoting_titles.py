"""The adult's words in the banner (unquote, isolate) and titles cut with "…" (issue 9 #10, #11)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp_desktop.domain.fields import TITLE_MAX, shorten
from msp_desktop.domain.kinds import KINDS
from msp_desktop.domain.quoting import FSI, PDI, isolate, unquote
from msp_desktop.export.pdf_text import quoted


@pytest.mark.parametrize(("typed", "words"), [
    ("“I want to go home”", "I want to go home"),
    ("”“I want”", "I want"),
    ('"I want"', "I want"),
    ("  'Leave me be'  ", "Leave me be"),
    ("«Je veux rentrer»", "Je veux rentrer"),
    ("I'm fine, just goin'", "I'm fine, just goin'"),  # an apostrophe is not a quote mark
    ("He said “no” to it", "He said “no” to it"),  # quotes inside stay
    ("“”", "“”"),  # nothing but quote marks: left as typed
    # A quotation within the words keeps its marks (they are the adult's, not around the words).
    ('I want to go back to "The Laurels"', 'I want to go back to "The Laurels"'),
    ('"The Laurels" is my home', '"The Laurels" is my home'),
    ("'Mum' is who I want", "'Mum' is who I want"),
    ('I said "no"', 'I said "no"'),
    ('"I said "no""', '"I said "no""'),  # a mark inside: which pair is around is unclear
    ("“He said 'no'”", "He said 'no'"),  # single marks inside double ones
    ("'I'm not going'", "I'm not going"),  # an apostrophe is not a partner
])
def test_unquote_takes_off_only_the_marks_around_the_words(typed: str, words: str) -> None:
    assert unquote(typed) == words


_DOUBLE, _SINGLE = "\"“”„‟«»＂「」『』", "'‘’‚‛‹›"


@given(st.text(alphabet=st.sampled_from("ab '\"“”‘’«»")))
def test_unquote_never_removes_a_mark_whose_partner_is_inside(text: str) -> None:
    out = unquote(text)
    whole = text.strip()
    assert out in whole  # only marks (and spaces) at the ends can go
    if out != whole:
        # What went were marks of one kind at both ends, and none of that kind is left inside
        # (bar apostrophes between letters) to be their partner.
        double = whole[0] in _DOUBLE and whole[-1] in _DOUBLE
        kind = _DOUBLE if double else _SINGLE
        inner = [i for i, ch in enumerate(out) if ch in kind and not (
            not double and 0 < i < len(out) - 1 and out[i - 1].isalnum() and out[i + 1].isalnum())]
        assert inner == []
        assert whole[0] in kind and whole[-1] in kind


@given(st.text(alphabet="ab ", min_size=1).filter(str.strip),
       st.text(alphabet="ab ", min_size=1).filter(str.strip),
       st.sampled_from(["\"\"", "“”", "''", "‘’"]))
def test_a_quotation_at_one_end_of_the_words_keeps_its_marks(words: str, quoted: str,
                                                            pair: str) -> None:
    inner = f"{pair[0]}{quoted.strip()}{pair[1]}"
    for typed in (f"{words.strip()} {inner}", f"{inner} {words.strip()}",
                  f"{pair[0]}{inner} {words.strip()}{pair[1]}"):
        assert unquote(typed) == typed


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


@pytest.mark.parametrize(("typed", "printed"), [
    ("“I want to go home”", "“I want to go home”"),  # typed marks give way to the app's pair
    ("'Leave me be'", "“Leave me be”"),
    ('"The Laurels" is my home', '“"The Laurels" is my home”'),  # as in the banner
    ("'Mum' is who I want", "“'Mum' is who I want”"),
])
def test_the_pdf_quotes_the_words_as_the_banner_does(typed: str, printed: str) -> None:
    assert quoted(typed) == printed == f"“{unquote(typed)}”"

