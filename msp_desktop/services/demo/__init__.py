"""A realistic, synthetic caseload for demonstrations, training and benchmarks.

Everyone in it is invented: names are drawn at random from resources/data/demo_names.json and
text from demo_phrases.json. The same seed gives the same records, ids and payloads (revision
ids still differ between vaults, because they include the device, author and clock).

Records are written through the RecordStore in one transaction per chunk of cases, with case
summaries refreshed once per chunk (`store.batch()`): writing each record through
services.records would cost a transaction and an audit entry per record, which is what the
benchmark of a real save measures, not what a bulk fill needs. Every payload is built to pass
domain validation (tests/unit/test_demo.py checks every record of a generated vault).

`case` writes one adult's case(s) stage by stage; each stage has its own module (people,
concern, voice, enquiry, plan, notes, closure), drawing from `draw` and writing via `writer`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from msp_desktop.services.demo.case import write_cases
from msp_desktop.services.demo.data import DEMO_TODAY, names_and_phrases
from msp_desktop.services.demo.draw import Draw
from msp_desktop.services.demo.writer import Writer
from msp_desktop.services.session import Session
from msp_desktop.storage import marks

__all__ = ["CHUNK_CASES", "DEMO_TODAY", "DemoStats", "generate", "mark_as_demo"]

CHUNK_CASES = 200


@dataclass(frozen=True)
class DemoStats:
    cases: int
    records: int
    revisions: int
    seconds: float


def generate(
    session: Session, *, cases: int, seed: int, notes_per_case: int | None = None
) -> DemoStats:
    """Add `cases` synthetic cases to the vault. notes_per_case=None gives about 6-12 a case."""
    if cases < 0 or (notes_per_case is not None and notes_per_case < 0):
        raise ValueError("cases and notes_per_case must not be negative")
    start = time.perf_counter()
    mark_as_demo(session)  # first: even a fill cut short leaves made-up cases behind
    _report_to_demo_council(session)
    store = session.store
    writer = Writer(store)
    # Ids depend on the seed and on how full the vault already was, so a second run on the same
    # vault adds new records instead of colliding with the first run's ids.
    salt = store.revision_count()
    # Office ids must name one adult each (services/people.py refuses a duplicate): number
    # the adults on from those already in the vault.
    first = store.counts_by_kind().get("person", 0)
    made = person_no = 0
    with store.large_cache():
        while made < cases:
            with session.write(), store.batch():
                chunk_end = min(cases, made + CHUNK_CASES)
                while made < chunk_end:
                    draw = Draw(
                        writer, random.Random(f"msp-demo:{seed}:{person_no}"),
                        random.Random(f"msp-demo-ids:{seed}:{salt}:{person_no}"),
                        notes_per_case, room=cases - made, serial=first + person_no + 1,
                    )
                    made += write_cases(draw)
                    person_no += 1
    seconds = time.perf_counter() - start
    stats = DemoStats(cases=made, records=writer.records, revisions=writer.revisions,
                      seconds=seconds)
    with session.write():
        session.log("demo.generate", detail={
            "cases": stats.cases, "records": stats.records, "revisions": stats.revisions,
        })
    return stats


def _report_to_demo_council(session: Session) -> None:
    """Most demo cases happen in one English council (the first of demo_names.json's
    councils_eng): make it the vault's reporting council, unless one is set, so the SAC
    report runs on a demo vault as it would on a real one."""
    if marks.reporting_council(session.conn) is None:
        council = names_and_phrases()[0]["councils_eng"][0]
        with session.write():
            marks.set_reporting_council(session.conn, council)


def mark_as_demo(session: Session) -> None:
    """Record that the vault holds made-up cases: the app then says "demo" while it is open
    (`vault info` too). Kept for good: real records never belong in such a vault."""
    if not marks.is_demo(session.conn):
        with session.write():
            marks.mark_demo(session.conn)
