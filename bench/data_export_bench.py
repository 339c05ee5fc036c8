"""JSON and CSV export and JSON import (design.md §8: "full export + import of the 10k-case
vault: minutes"), called by bench/run_all.py or run on its own.

On a copy of the bench vault (an export writes its audit entry to the vault):
  (k)  export json (current records), export json --history, export csv: wall time, size, rate;
  (l)  import json of the current-records export into a fresh vault: the check (schema, then
       every domain rule) and the write timed apart, peak RSS; then the same file again
       (everything already there: nothing added) for the idempotent case.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/data_export_bench.py [--quick]
        [--exports-only] [--update-docs] [--json-out NAME] [--from-json NAME]

Run on its own it reuses run_all's cached vault (building it if needed), prints the figures,
writes bench/results/data_export_latest.json and, with --update-docs, puts its section into
docs/measurements.md (run_all writes the whole file, this section included).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

TARGET_EXPORT_S_10K = 60.0  # "the 10k-case vault exports in well under a minute"
SECTION = "## JSON and CSV export and import"


def _loadavg() -> float | None:
    """The 1-minute load average: figures from a machine shared with other work vary."""
    try:
        return round(os.getloadavg()[0], 2)
    except (OSError, AttributeError):
        return None


def _timed(fn: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def run(vault: Path, passphrase: str, *, workdir: Path | None = None,
        imports: bool = True) -> dict[str, Any]:
    """All measurements on a copy of ``vault`` (closed), removed afterwards. imports=False:
    the exports only."""
    from sync_bench import _copy_vault, _fresh, peak_rss

    from msp_desktop.services import data_export, data_import
    from msp_desktop.services.session import Session

    res: dict[str, Any] = {"loadavg_start": _loadavg()}
    with tempfile.TemporaryDirectory(prefix="data-export-", dir=workdir) as name:
        tmp = Path(name)
        print("(k) data export: copying the bench vault...")
        _copy_vault(vault, tmp / "source")
        source = Session.open(tmp / "source", passphrase)
        try:
            records = sum(source.store.counts_by_kind().values())
            revisions = source.store.revision_count()
            res.update(records=records, revisions=revisions,
                       cases=source.store.counts_by_kind().get("case", 0))
            print("(k) export json...")
            with peak_rss() as rss:
                _, secs = _timed(lambda: data_export.export_json(source, tmp / "current.json"))
            res["json"] = {"s": round(secs, 2), "records_per_s": round(records / secs),
                           "mb": round((tmp / "current.json").stat().st_size / 2**20, 1),
                           "peak_rss_mb": rss["peak_mb"]}
            print("(k) export json --history...")
            _, secs = _timed(lambda: data_export.export_json(source, tmp / "history.json",
                                                             history=True))
            res["json_history"] = {
                "s": round(secs, 2), "revisions_per_s": round(revisions / secs),
                "mb": round((tmp / "history.json").stat().st_size / 2**20, 1)}
            print("(k) export csv...")
            (_, files), secs = _timed(lambda: data_export.export_csv(source, tmp / "csv"))
            res["csv"] = {"s": round(secs, 2), "files": len(files),
                          "mb": round(sum(f.stat().st_size for f in files) / 2**20, 1)}
        finally:
            source.close()
        (tmp / "history.json").unlink()
        if not imports:
            res["loadavg_end"] = _loadavg()
            return res
        target = _fresh(tmp, "target")
        try:
            print("(l) import json: check...")
            plan, check_s = _timed(lambda: data_import.plan_import(target, tmp / "current.json"))
            print("(l) import json: check and write...")
            with peak_rss() as rss:
                result, total_s = _timed(
                    lambda: data_import.import_json(target, tmp / "current.json"))
            res["import"] = {
                "added": result.plan.count("add"), "check_s": round(check_s, 2),
                "total_s": round(total_s, 2), "write_s": round(total_s - check_s, 2),
                "records_per_s": round(result.plan.count("add") / total_s),
                "peak_rss_mb": rss["peak_mb"]}
            assert plan.count("add") == result.plan.count("add") == records
            print("(l) import json again (nothing to add)...")
            again, secs = _timed(lambda: data_import.import_json(target, tmp / "current.json"))
            res["import_again"] = {"s": round(secs, 2), "added": again.plan.count("add"),
                                   "skipped": again.plan.count("skip")}
        finally:
            target.close()
    res["loadavg_end"] = _loadavg()
    return res


def table(res: dict[str, Any]) -> list[list[str]]:
    j, h, c = (res[k] for k in ("json", "json_history", "csv"))
    scale = 10_000 / max(1, res["cases"])
    rows = [
        ["(k) export json", f"{j['s']} s ({j['records_per_s']:,} records/s, {j['mb']} MB)",
         "-", "-", "10k cases well under 1 min",
         f"~{j['s'] * scale:.0f} s for 10k (linear)" if scale > 1.5 else
         ("pass" if j["s"] < TARGET_EXPORT_S_10K else "FAIL")],
        ["(k) export json --history", f"{h['s']} s ({h['revisions_per_s']:,} revisions/s, "
         f"{h['mb']} MB)", "-", "-", "(reported)", "-"],
        ["(k) export csv", f"{c['s']} s ({c['files']} files, {c['mb']} MB)", "-", "-",
         "(reported)", "-"],
    ]
    if "import" not in res:
        return rows
    i, a = res["import"], res["import_again"]
    return [
        *rows,
        ["(l) import json", f"{i['total_s']} s ({i['records_per_s']:,} records/s; check "
         f"{i['check_s']} s, write {i['write_s']} s)", "-", "-", "minutes for 10k",
         f"~{i['total_s'] * scale / 60:.1f} min for 10k (linear)" if scale > 1.5 else
         ("pass" if i["total_s"] < 600 else "FAIL")],
        ["(l) import json again", f"{a['s']} s ({a['added']} added, {a['skipped']:,} skipped)",
         "-", "-", "adds nothing", "pass" if a["added"] == 0 else "FAIL"],
    ]


def notes(res: dict[str, Any]) -> list[str]:
    imported = (f", import {res['import']['peak_rss_mb']} MB" if "import" in res
                else "; imports not measured on this vault")
    return [
        f"(i, j) Vault: {res['cases']:,} cases, {res['records']:,} records, "
        f"{res['revisions']:,} revisions (a copy of the bench vault). Peak RSS: export json "
        f"{res['json']['peak_rss_mb']} MB{imported}." + (
            f" Load average (1 min) at the start and end: {res['loadavg_start']} and "
            f"{res.get('loadavg_end')} on {os.cpu_count()} CPUs (other work on the machine "
            "slows every figure)." if res.get("loadavg_start") is not None else ""),
        "(k) services.data_export: export_json streams record by record (and revision by "
        "revision) to the file, written atomically; export_csv holds one kind at a time and "
        "writes one file per kind and list field into a temp folder renamed into place.",
        "(l) services.data_import.import_json into a fresh fast-KDF vault: the check is "
        "json.loads, the JSON Schema (jsonschema, draft 2020-12, with format checks) and every "
        "domain rule and reference; the write is one transaction. The schema check dominates "
        "the check time; the whole file is held in memory (no streaming parser).",
    ]


def heading(res: dict[str, Any]) -> str:
    return f"{SECTION} ({res['cases']:,} cases)"


def markdown(res: dict[str, Any]) -> list[str]:
    lines = ["", heading(res), "",
             "| what | figure | baseline | ratio | target | result |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in table(res)]
    lines += ["", "Notes:", ""] + [f"- {n}" for n in notes(res)]
    return lines


def update_docs(res: dict[str, Any], command: str) -> None:
    """Put this section into docs/measurements.md, replacing an earlier one."""
    from docs_section import replace_section  # bench/ is on sys.path, as for run_all

    section = markdown(res)
    section.insert(3, f"Measured on its own: `{command}`.")
    section.insert(4, "")
    replace_section(heading(res), section)


def main(argv: Sequence[str] | None = None) -> int:
    import run_all

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", help="the 1,000-case vault")
    p.add_argument("--exports-only", action="store_true", help="skip the imports")
    p.add_argument("--update-docs", action="store_true",
                   help="write this section into docs/measurements.md")
    p.add_argument("--json-out", default="data_export_latest.json",
                   help="file name under bench/results/")
    p.add_argument("--from-json", metavar="NAME",
                   help="print (and with --update-docs write) saved results; measure nothing")
    args = p.parse_args(argv)
    cases = 1000 if args.quick else 10_000
    run_all.RESULTS.mkdir(parents=True, exist_ok=True)
    if args.from_json:
        res = json.loads((run_all.RESULTS / args.from_json).read_text())
    else:
        path, _meta = run_all.build_or_reuse(cases, 20, False)
        res = run(path, run_all.PASSPHRASE, workdir=run_all.RESULTS,
                  imports=not args.exports_only)
        (run_all.RESULTS / args.json_out).write_text(json.dumps(res, indent=2))
    print("\n".join(markdown(res)))
    if args.update_docs:
        command = ("python bench/data_export_bench.py" + (" --quick" if args.quick else "")
                   + (" --exports-only" if "import" not in res else ""))
        update_docs(res, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
