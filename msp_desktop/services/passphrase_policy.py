"""The passphrase policy, shared by the GUI (ui/passphrase.py) and the CLI: a new passphrase
has at least MIN_LENGTH characters and a zxcvbn score of at least MIN_SCORE, and every
passphrase must be valid text (no undecodable bytes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

MIN_LENGTH = 10
MIN_SCORE = 2
ESTIMATE_CHARS = 100  # zxcvbn slows down on very long input; the tail adds nothing useful


@dataclass(frozen=True)
class Estimate:
    score: int  # 0..4
    crack_seconds: float  # offline attack on a slow hash (1e4 guesses a second)
    warning: str
    suggestions: tuple[str, ...]


def zxcvbn_estimate(passphrase: str, user_inputs: Sequence[str] = ()) -> Estimate:
    from zxcvbn import zxcvbn  # ~20 ms of imports: loaded on first use

    result: Any = zxcvbn(passphrase[:ESTIMATE_CHARS], user_inputs=list(user_inputs))
    fb = result["feedback"]
    return Estimate(
        score=int(result["score"]),
        crack_seconds=float(result["crack_times_seconds"]["offline_slow_hashing_1e4_per_second"]),
        warning=str(fb.get("warning") or ""),
        suggestions=tuple(str(s) for s in fb.get("suggestions", []) if s),
    )


def text_problem(passphrase: str) -> str:
    """'' if the passphrase is valid text, else why not (undecodable bytes, NUL)."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        return ("The passphrase contains bytes that are not valid text (check the keyboard "
                "or terminal settings).")
    if "\x00" in passphrase:
        return "The passphrase contains a NUL character."
    return ""


# The rules a new passphrase can break, in the order they are checked (see `broken_rule`).
EMPTY, NOT_TEXT, TOO_SHORT, TOO_EASY = "empty", "not_text", "too_short", "too_easy"


def broken_rule(passphrase: str, score: Callable[[], int]) -> str:
    """The first rule a new passphrase breaks ('' if none): EMPTY, NOT_TEXT, TOO_SHORT or
    TOO_EASY. `score` gives its zxcvbn score; it is asked only once the others hold."""
    if not passphrase:
        return EMPTY
    if text_problem(passphrase):
        return NOT_TEXT
    if len(passphrase) < MIN_LENGTH:
        return TOO_SHORT
    if score() < MIN_SCORE:
        return TOO_EASY
    return ""


def new_passphrase_problem(passphrase: str, user_inputs: Sequence[str] = ()) -> str:
    """'' if a new passphrase is acceptable, else the reason, in plain words."""
    rule = broken_rule(passphrase, lambda: zxcvbn_estimate(passphrase, user_inputs).score)
    if rule == EMPTY:
        return "The passphrase is empty."
    if rule == NOT_TEXT:
        return text_problem(passphrase)
    if rule == TOO_SHORT:
        return (f"The new passphrase is too short: use at least {MIN_LENGTH} characters "
                f"(this one has {len(passphrase)}).")
    if rule == TOO_EASY:
        return ("The new passphrase would be too easy to guess. Add more words, or use words "
                "that are not a common phrase.")
    return ""
