"""Search folding: letters with no Unicode decomposition, written as a worker types them.

The index tokenizer (unicode61 remove_diacritics 2) already strips accents that decompose
("Król" -> "krol"), but letters such as ł, ø, đ, ß or æ are letters of their own to it, so
"Miroslaw" would never find "Mirosław". `fold` runs on the indexed text and on the query.

Every letter maps to ASCII letters only: the words of a text and their number stay the same,
so the index (folded) and the stored text (as written) agree word for word, and a search
snippet can mark the words in the text as written.
"""

from __future__ import annotations

import re

# Each letter -> what an English keyboard user types for it (common transliteration).
# Changing this table changes what the index holds (and what taking a row out of it must
# name): bump storage/projections.py SEARCH_INDEX_FORM with it, so vaults re-index once.
_LETTERS = {
    "ß": "ss", "ẞ": "SS",
    "æ": "ae", "Æ": "AE", "ǽ": "ae", "Ǽ": "AE", "ǣ": "ae", "Ǣ": "AE",
    "œ": "oe", "Œ": "OE",
    "ø": "o", "Ø": "O", "ǿ": "o", "Ǿ": "O",
    "ł": "l", "Ł": "L", "ŀ": "l", "Ŀ": "L", "ƚ": "l", "ȴ": "l",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ɖ": "d", "Ɖ": "D",
    "þ": "th", "Þ": "TH",
    "ı": "i", "ɨ": "i", "Ɨ": "I",
    "ȷ": "j",
    "ħ": "h", "Ħ": "H",
    "ŧ": "t", "Ŧ": "T",
    "ĸ": "k",
    "ŋ": "ng", "Ŋ": "NG",
    "ŉ": "n",
    "ƀ": "b", "Ƀ": "B",
    "ƶ": "z", "Ƶ": "Z",
    "ĳ": "ij", "Ĳ": "IJ",
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
}
FOLDED_LETTERS = frozenset(_LETTERS)
# A regex, not str.translate: translate slows to a crawl on any text that is not all ASCII
# (measured 25x slower on a note holding one "ł"), and most notes hold none of these letters.
_FOLDABLE = re.compile("[" + re.escape("".join(_LETTERS)) + "]")


def fold(text: str) -> str:
    """`text` with each letter that has no decomposition replaced by its ASCII spelling
    (ł -> l, ß -> ss, æ -> ae, þ -> th, ...); everything else unchanged."""
    return _FOLDABLE.sub(_spell, text)


def _spell(match: re.Match[str]) -> str:
    return _LETTERS[match.group()]
