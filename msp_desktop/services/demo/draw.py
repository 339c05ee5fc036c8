"""The seeded draw for one adult: the two random streams, the writer, and the pick-and-fill
helpers every stage uses.

Choices come from `rng` and record ids from `ids`, each consumed in a fixed order: the same seed
gives the same payloads and ids only while every stage draws the same numbers in the same order,
so a stage that draws one number more or less changes everything written after it.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from msp_desktop.services.demo.data import DEMO_TODAY, LONDON, names_and_phrases
from msp_desktop.services.demo.model import Episode
from msp_desktop.services.demo.tags import Phrase, text_of, usable
from msp_desktop.services.demo.writer import Writer

T = TypeVar("T")


class Draw:
    """One adult's random streams and writer, with the shared name and phrase tables."""

    def __init__(
        self, writer: Writer, rng: random.Random, ids: random.Random,
        notes_per_case: int | None, room: int, serial: int = 0,
    ) -> None:
        self.w = writer
        self.rng = rng
        self.ids = ids
        self.notes_per_case = notes_per_case
        self.room = room  # cases still wanted: a reopened adult needs room for two
        self.serial = serial  # this adult's number in the vault: their office id is unique
        self.names, self.phrases = names_and_phrases()
        self.today = DEMO_TODAY

    def new_id(self) -> str:
        return uuid.UUID(int=self.ids.getrandbits(128), version=4).hex

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def fill(self, ep: Episode, template: str) -> str:
        return template.format_map(ep.text)

    def say(self, ep: Episode, pool: Sequence[Phrase]) -> str:
        """A phrase from `pool` that fits this case (tags.py), filled in."""
        return self.fill(ep, text_of(self.pick(usable(pool, ep.tags))))

    def several(self, ep: Episode, pool: Sequence[Phrase], lo: int, hi: int) -> str:
        fitting = usable(pool, ep.tags)
        k = min(len(fitting), self.rng.randint(lo, hi))
        return " ".join(self.fill(ep, text_of(t)) for t in self.rng.sample(fitting, k))

    def at(self, day: dt.date, hour: int | None = None, minute: int | None = None) -> str:
        h = self.rng.randint(9, 16) if hour is None else hour
        m = self.rng.choice((0, 10, 15, 20, 30, 40, 45, 50)) if minute is None else minute
        return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=LONDON).isoformat()

    def worker(self) -> str:
        return str(self.pick(self.names["workers"]))

    def theme(self, ep: Episode) -> dict[str, Any]:
        theme: dict[str, Any] = self.phrases["themes"][ep.theme]
        return theme
