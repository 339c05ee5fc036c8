"""The adult's own words inside a line of the app's words: quoted once, direction isolated."""

from __future__ import annotations

# Quote marks a worker may type around the words themselves; the app adds its own pair.
_DOUBLE_QUOTES = "\"“”„‟«»＂「」『』"
_SINGLE_QUOTES = "'‘’‚‛‹›"
# Unicode first-strong isolate and pop directional isolate (UAX #9).
FSI = "\u2068"
PDI = "\u2069"
# Direction controls (embeddings, overrides, isolates): one left open, or a stray PDI, in the
# words would reach past the isolate and reorder the line again.
_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def unquote(text: str) -> str:
    """`text` without the quote marks typed around it ('“I want”' -> 'I want').

    The marks go only when the text both opens and closes with marks of one kind (double or
    single) and no other mark of that kind is inside: in 'I said "no"' or '"The Laurels" is
    my home' the marks belong to a quotation within the words and stay. An apostrophe between
    two letters ("I'm") is not a single quote mark; "goin'" keeps its closing one."""
    stripped = text.strip()
    for marks in (_DOUBLE_QUOTES, _SINGLE_QUOTES):
        if stripped[:1] in marks and stripped[-1:] in marks:
            body = stripped.strip(marks + " ")
            if body and not _has_mark(body, marks):
                return body
    return stripped


def _has_mark(text: str, marks: str) -> bool:
    """A mark of `marks` in `text`; for single marks, not an apostrophe between two letters."""
    for i, ch in enumerate(text):
        if ch not in marks:
            continue
        if marks is _SINGLE_QUOTES and 0 < i < len(text) - 1 \
                and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue
        return True
    return False


def isolate(text: str) -> str:
    """`text` as a directional isolate: words in Urdu or Arabic keep their own direction and
    leave the line around them (quote marks, labels) in its order."""
    return f"{FSI}{text.translate(_CONTROLS)}{PDI}"
