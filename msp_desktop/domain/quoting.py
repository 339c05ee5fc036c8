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
    """`text` without the quote marks typed around it ('“I want”' -> 'I want'). A closing
    single quote goes only when one opened the text too: "goin'" keeps its apostrophe."""
    stripped = text.strip()
    body = stripped.lstrip(_DOUBLE_QUOTES + _SINGLE_QUOTES + " ")
    opened = stripped[:len(stripped) - len(body)]
    closing = _DOUBLE_QUOTES + " " + (_SINGLE_QUOTES if set(opened) & set(_SINGLE_QUOTES) else "")
    body = body.rstrip(closing)
    return body or stripped


def isolate(text: str) -> str:
    """`text` as a directional isolate: words in Urdu or Arabic keep their own direction and
    leave the line around them (quote marks, labels) in its order."""
    return f"{FSI}{text.translate(_CONTROLS)}{PDI}"
