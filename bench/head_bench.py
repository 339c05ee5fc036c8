"""What the signed head (storage/head.py) adds to a note save, measured against the same saves
without it, in one process (issue 8):

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/head_bench.py [--saves N] [--rounds R]

Each round makes two fresh vaults of a small demo caseload, one whose session keeps the signed
head (as the app does) and one whose head keeper is switched off (the baseline), and times N
services.records.create saves in each, alternating, after 10 warm-up saves. Prints medians, p95
and the ratio; writes bench/results/head_latest.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run_all import note_saves  # after the path is set


def _session(folder: Path, with_head: bool) -> Any:
    from msp_desktop.services.demo import generate
    from msp_desktop.services.session import KdfParams, Session

    session = Session.create(folder, "bench passphrase words", kdf=KdfParams.fast(),
                             author="bench", device_name="bench")
    generate(session, cases=20, seed=3)
    if not with_head:
        session.heads = None  # the baseline: the same saves, no head signed or written
    return session


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for rnd in range(args.rounds):
            row: dict[str, Any] = {}
            for with_head in (False, True):
                session = _session(Path(tmp) / f"{rnd}-{with_head}", with_head)
                try:
                    row["head" if with_head else "baseline"] = note_saves(
                        session, random.Random(rnd), args.saves)
                finally:
                    session.close()
            row["ratio_p50"] = round(row["head"]["p50_ms"] / row["baseline"]["p50_ms"], 2)
            row["ratio_p95"] = round(row["head"]["p95_ms"] / row["baseline"]["p95_ms"], 2)
            results.append(row)
            print(f"round {rnd + 1}: baseline p50 {row['baseline']['p50_ms']} ms, p95 "
                  f"{row['baseline']['p95_ms']} ms; with the signed head p50 "
                  f"{row['head']['p50_ms']} ms, p95 {row['head']['p95_ms']} ms; ratio p50 "
                  f"{row['ratio_p50']}, p95 {row['ratio_p95']}")
    out = Path(__file__).resolve().parent / "results" / "head_latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
