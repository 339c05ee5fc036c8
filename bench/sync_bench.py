"""Sync measurements for design.md §8, called by bench/run_all.py (or run on its own).

On a copy of the bench vault (sync writes trust, sent-bundle and audit rows to the sender):

  (g) import rate: one bundle of every revision of a sample of cases, addressed to four fresh
      vaults that trust the sender; services.sync.import_bundle into three of them, median, is
      the figure (revisions/s including reading, decryption, unpacking, parsing, verification,
      inserts and projections), into the fourth the same with its phases timed. Baseline, in
      the same process: raw SQLCipher inserts of the same rows (run_all.raw_insert_rate),
      median of 3.
  (h) the whole vault: export everything=True to a third fresh vault (time, file size, bytes
      per revision after compression, peak RSS), then import it (time, peak RSS), phases timed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sync_bench.py [--quick] [--no-full]
        [--sample-cases N]

run on its own reuses run_all's cached vault (building it if needed), prints the figures and
writes bench/results/sync_latest.json; it does not touch docs/measurements.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_IMPORT_REVISIONS_PER_S = 10_000.0
STRETCH_RATIO = 0.25
TARGET_FULL_MINUTES = 10.0  # "export + import of the 10k-case vault in minutes"
RUNS = 3  # plain imports of the sample bundle, each into its own fresh vault; median
RAW_COLUMNS = (
    "revision_id, record_id, kind, op, parents, author, device_id, device_seq, hlc, payload,"
    " reason, amendment_type, schema_version, signature"
)


# ----- timing and memory helpers ----------------------------------------------------------


class Phases:
    """Wraps named functions for the duration of a `with`, adding up wall time per label
    (summed over threads for functions run on a pool). Attributes that do not exist (code
    moved on) are listed in ``missing``, not an error."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.missing: list[str] = []
        self._undo: list[tuple[Any, str, Any, bool]] = []

    def wrap(self, owner: Any, name: str, label: str,
             clock: Callable[[], float] = time.perf_counter) -> None:
        """``clock``: time.thread_time for functions run on a pool (CPU time of the thread,
        without the time it waited for the GIL)."""
        own = name in vars(owner)
        fn = getattr(owner, name, None)
        if fn is None or not callable(fn):
            self.missing.append(label)
            return
        seconds, calls, lock = self.seconds, self.calls, threading.Lock()

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                took = clock() - start
                with lock:
                    seconds[label] += took
                    calls[label] += 1

        self._undo.append((owner, name, vars(owner).get(name), own))
        setattr(owner, name, timed)

    def __enter__(self) -> Phases:
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, original, own in reversed(self._undo):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)
        self._undo.clear()

    def get(self, label: str) -> float:
        return self.seconds.get(label, 0.0)


def import_phases() -> Phases:
    """The import path, wrapped from outside: services.sync -> sync.bundle -> exchange.apply ->
    RecordStore.ingest_many (-> _Ingest steps, revision_log.insert per revision)."""
    from msp_desktop.services import sync as sync_service
    from msp_desktop.storage import projections, revision_log, store
    from msp_desktop.sync import bundle, exchange

    p = Phases()
    p.wrap(sync_service, "read_bundle", "read")
    p.wrap(bundle, "decrypt", "read.decrypt")
    p.wrap(bundle, "unpack", "read.unzip")
    p.wrap(bundle, "_check_manifest", "read.manifest")
    p.wrap(bundle, "_revisions", "read.revisions")
    p.wrap(exchange, "apply", "apply")
    p.wrap(store.RecordStore, "ingest_many", "apply.ingest")
    p.wrap(store.RecordStore, "_check_signed", "verify.work", time.thread_time)
    p.wrap(store._Ingest, "verify_all", "apply.ingest.verify")
    p.wrap(store._Ingest, "prefetch", "apply.ingest.prefetch")
    p.wrap(store._Ingest, "unpark", "apply.ingest.unpark")
    p.wrap(store._Ingest, "finish", "apply.ingest.finish")
    p.wrap(revision_log, "insert_rows", "apply.ingest.insert_rows")
    p.wrap(projections, "conflicted", "apply.conflicted")
    p.wrap(exchange, "_effects", "apply.effects")
    return p


def export_phases() -> Phases:
    import pyrage

    from msp_desktop.sync import bundle, exchange

    p = Phases()
    p.wrap(exchange, "plan_export", "plan")
    p.wrap(exchange, "write_volumes", "write")
    p.wrap(bundle, "revision_line", "write.lines")
    p.wrap(bundle, "entries_for", "write.hashes")
    p.wrap(bundle, "build", "write.build")
    p.wrap(pyrage, "encrypt", "write.build.encrypt")
    return p


def _proc_status(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


@contextmanager
def peak_rss() -> Iterator[dict[str, Any]]:
    """Peak RSS (MB) while the block runs. On Linux the high-water mark is reset first
    (/proc/self/clear_refs); elsewhere it is the process peak so far (an upper bound)."""
    out: dict[str, Any] = {"start_mb": _proc_status("VmRSS")}
    reset = False
    try:
        Path("/proc/self/clear_refs").write_text("5")
        reset = True
    except OSError:
        pass
    try:
        yield out
    finally:
        peak = _proc_status("VmHWM")
        if peak is None:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["peak_mb"] = round(peak, 1)
        out["peak_is_process_max"] = not reset
        if out["start_mb"] is not None:
            out["start_mb"] = round(out["start_mb"], 1)


# ----- vaults -------------------------------------------------------------------------------


def _copy_vault(src: Path, dst: Path) -> float:
    start = time.perf_counter()
    dst.mkdir(parents=True)
    for item in src.iterdir():
        if item.is_file() and item.name != "vault.lock":
            shutil.copy2(item, dst / item.name)
    return time.perf_counter() - start


def _fresh(folder: Path, name: str) -> Any:
    from msp_desktop.services.session import KdfParams, Session

    return Session.create(folder / name, "fresh bench vault phrase", kdf=KdfParams.fast(),
                          author=name, device_name=name)


def _trust_both(source: Any, dest: Any) -> Any:
    from msp_desktop.services import sync

    sync.trust(source, sync.my_card(dest))
    sync.trust(dest, sync.my_card(source))
    return sync.my_card(dest)


def _rows(session: Any, device_id: str) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = session.conn.execute(
        f"SELECT {RAW_COLUMNS} FROM revisions WHERE device_id = ?", (device_id,)).fetchall()
    return rows


def _import(dest: Any, path: Path, phases: Phases | None) -> tuple[float, Any]:
    from msp_desktop.services import sync

    start = time.perf_counter()
    if phases is None:
        result = sync.import_bundle(dest, path)
    else:
        with phases:
            result = sync.import_bundle(dest, path)
    return time.perf_counter() - start, result


def _breakdown(p: Phases, total: float, n: int) -> dict[str, Any]:
    """Seconds per phase, the remainders named, and the share of the total."""
    s = p.get
    read_rest = s("read") - s("read.decrypt") - s("read.unzip") - s("read.manifest") - s(
        "read.revisions")
    # verify_all checked every revision before the loop, or (since 13dfe5c) only submits the
    # checks to a pool that runs alongside the loop, whose end waits for them: the loop's time
    # then includes that wait; "verify work" is the checks' own CPU time summed over threads.
    ingest_rest = (s("apply.ingest") - s("apply.ingest.verify") - s("apply.ingest.prefetch")
                   - s("apply.ingest.unpark") - s("apply.ingest.finish"))
    apply_rest = s("apply") - s("apply.ingest") - s("apply.conflicted") - s("apply.effects")
    phases = {
        "read file, manifest JSON + signature": read_rest,
        "decrypt (age)": s("read.decrypt"),
        "unzip": s("read.unzip"),
        "manifest shape check": s("read.manifest"),
        "revisions: hash, JSON, shape": s("read.revisions"),
        "verify_all call": s("apply.ingest.verify"),
        "  verify work (content id + signature), CPU s summed over threads": s("verify.work"),
        "prefetch (held, shapes)": s("apply.ingest.prefetch"),
        "apply loop (sort, checks, inserts, wait for the pool)": ingest_rest,
        "  of which revision_log.insert_rows": s("apply.ingest.insert_rows"),
        "unpark": s("apply.ingest.unpark"),
        "finish (progress, projections)": s("apply.ingest.finish"),
        "conflicted() before/after": s("apply.conflicted"),
        "case effects (_effects)": s("apply.effects"),
        "rest of apply (devices, acks, receipts)": apply_rest,
        "rest of import (checks, waiting, audit, commit)": total - s("read") - s("apply"),
    }
    return {
        "seconds": {k: round(v, 3) for k, v in phases.items()},
        "share": {k: round(v / total, 3) for k, v in phases.items()},
        "insert_calls": p.calls.get("apply.ingest.insert_rows", 0),
        "missing_hooks": list(p.missing),
        "revisions": n,
    }


# ----- the measurements ---------------------------------------------------------------------


def import_rate(source: Any, tmp: Path, sample_cases: int, seed: int,
                raw_insert_rate: Callable[[list[tuple[Any, ...]]], float]) -> dict[str, Any]:
    from msp_desktop.services import sync

    case_ids = [r[0] for r in source.conn.execute(
        "SELECT record_id FROM records WHERE kind = 'case' ORDER BY record_id")]
    chosen = sorted(random.Random(seed).sample(case_ids, min(sample_cases, len(case_ids))))
    plains = [_fresh(tmp, f"dest-{i}") for i in range(1, RUNS + 1)]
    timed = _fresh(tmp, "dest-timed")
    plain = plains[0]
    try:
        cards = [_trust_both(source, d) for d in (*plains, timed)]
        out_dir = tmp / "sample"
        out_dir.mkdir()
        start = time.perf_counter()
        exported = sync.export_bundles(source, out_dir, cards, cases=chosen)
        export_s = time.perf_counter() - start
        [path] = exported.paths
        n = exported.revisions
        size = path.stat().st_size
        runs = [_import(d, path, None) for d in plains]
        seconds = statistics.median(r[0] for r in runs)
        outcome = runs[0][1].preview.outcome
        phases = import_phases()
        seconds_b, _ = _import(timed, path, phases)
        rows = _rows(plain, source.device.device_id)
        raws = [raw_insert_rate(rows) for _ in range(3)]
        raw = statistics.median(raws)
        held = plain.store.revision_count()
    finally:
        for d in (*plains, timed):
            d.close()
    rate = n / seconds
    return {
        "cases": len(chosen), "revisions": n, "records": len(outcome.report.records),
        "applied": outcome.new, "parked": outcome.report.parked, "held_after": held,
        "export_s": round(export_s, 2), "bundle_bytes": size,
        "bytes_per_revision": round(size / max(n, 1), 1),
        "import_s": round(seconds, 3), "revisions_per_s": round(rate),
        "import_runs_s": [round(r[0], 3) for r in runs],
        "timed_import_s": round(seconds_b, 3), "timed_revisions_per_s": round(n / seconds_b),
        "raw_rows": len(rows), "raw_rows_per_s": round(raw),
        "raw_runs_rows_per_s": [round(r) for r in raws],
        "ratio_to_raw": round(rate / raw, 3),
        "phases": _breakdown(phases, seconds_b, n),
    }


def full_vault(source: Any, tmp: Path) -> dict[str, Any]:
    from msp_desktop.services import sync

    dest = _fresh(tmp, "dest-full")
    try:
        card = _trust_both(source, dest)
        out_dir = tmp / "full"
        out_dir.mkdir()
        held_source = source.store.revision_count()
        ex_phases = export_phases()
        with peak_rss() as export_mem, ex_phases:
            start = time.perf_counter()
            exported = sync.export_bundles(source, out_dir, [card], everything=True)
            export_s = time.perf_counter() - start
        [path] = exported.paths
        n = exported.revisions
        size = path.stat().st_size
        im_phases = import_phases()
        with peak_rss() as import_mem:
            seconds, result = _import(dest, path, im_phases)
        outcome = result.preview.outcome
        held_dest = dest.store.revision_count()
    finally:
        dest.close()
    return {
        "revisions": n, "source_revisions": held_source, "held_after": held_dest,
        "applied": outcome.new, "parked": outcome.report.parked,
        "records": len(outcome.report.records),
        "export_s": round(export_s, 1), "export_revisions_per_s": round(n / export_s),
        "export_phases_s": {k: round(v, 2) for k, v in ex_phases.seconds.items()},
        "export_rss": export_mem,
        "bundle_bytes": size, "bundle_mb": round(size / 2**20, 1),
        "bytes_per_revision": round(size / max(n, 1), 1),
        "import_s": round(seconds, 1), "import_revisions_per_s": round(n / seconds),
        "import_rss": import_mem,
        "phases": _breakdown(im_phases, seconds, n),
        "total_minutes": round((export_s + seconds) / 60, 2),
    }


def run(vault: Path, passphrase: str, *, sample_cases: int, full: bool, seed: int,
        raw_insert_rate: Callable[[list[tuple[Any, ...]]], float],
        workdir: Path | None = None) -> dict[str, Any]:
    """All sync measurements on a copy of ``vault`` (closed), removed afterwards."""
    from msp_desktop.services.session import Session

    res: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sync-", dir=workdir) as name:
        tmp = Path(name)
        print("(g) sync: copying the bench vault...")
        res["copy_s"] = round(_copy_vault(vault, tmp / "source"), 1)
        source = Session.open(tmp / "source", passphrase)
        try:
            print(f"(g) sync: bundle of {sample_cases} cases, import rate...")
            res["import"] = import_rate(source, tmp, sample_cases, seed, raw_insert_rate)
            if full:
                print("(h) sync: whole vault export + import...")
                res["full"] = full_vault(source, tmp)
            else:
                res["full"] = {"skipped": "--no-full"}
        finally:
            source.close()
    return res


# ----- report -------------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def table(res: dict[str, Any]) -> list[list[str]]:
    imp, full = res["import"], res["full"]
    rate, ratio = imp["revisions_per_s"], imp["ratio_to_raw"]
    rows = [
        ["(g) bundle import", f"{rate:,} revisions/s ({imp['revisions']:,} revisions)",
         f"{imp['raw_rows_per_s']:,} raw rows/s", f"{ratio:.3f}",
         f">= {TARGET_IMPORT_REVISIONS_PER_S:,.0f}/s; stretch >= {STRETCH_RATIO}x",
         _verdict(rate >= TARGET_IMPORT_REVISIONS_PER_S)
         + ("; stretch met" if ratio >= STRETCH_RATIO else "; stretch not met")],
    ]
    if "skipped" in full:
        rows.append(["(h) whole-vault export + import", "skipped", "-", "-", "in minutes",
                     "not measured"])
        return rows
    total = full["total_minutes"]
    rows += [
        ["(h) whole-vault export", f"{full['export_s']} s ({full['revisions']:,} revisions, "
         f"{full['export_revisions_per_s']:,}/s)", "-", "-", "(part of the next)", "-"],
        ["(h) whole-vault import", f"{full['import_s']} s "
         f"({full['import_revisions_per_s']:,} revisions/s)", "-", "-", "(part of the next)",
         "-"],
        ["(h) whole-vault export + import", f"{total} min", "-", "-",
         f"in minutes (<= {TARGET_FULL_MINUTES:.0f} min)",
         _verdict(total <= TARGET_FULL_MINUTES)],
        ["(h) bundle size", f"{full['bundle_mb']} MB, {full['bytes_per_revision']} B/revision",
         f"{imp['bytes_per_revision']} B/revision (sample)", "-", "(reported)", "-"],
    ]
    return rows


def notes(res: dict[str, Any]) -> list[str]:
    imp, full = res["import"], res["full"]
    out = [
        f"(g) A copy of the bench vault ({res['copy_s']} s to copy) exports one bundle of every "
        f"revision of {imp['cases']:,} randomly chosen cases ({imp['revisions']:,} revisions, "
        f"{imp['records']:,} records, {imp['bundle_bytes'] / 2**20:.1f} MB, exported in "
        f"{imp['export_s']} s) addressed to {RUNS + 1} fresh vaults (fast KDF) that trust it. "
        f"The figure is services.sync.import_bundle into {RUNS} of them, median (runs "
        f"{imp['import_runs_s']} s), each end to end: file read, age "
        "decryption, unzip, canonical JSON and hash checks, per-revision content id and "
        "signature verification, inserts, projections, receipts, audit and commit "
        f"({imp['applied']:,} applied, {imp['parked']} parked). "
        f"Baseline: the same {imp['raw_rows']:,} rows inserted into a plain table of a fresh "
        f"SQLCipher db as in (a), median of {imp['raw_runs_rows_per_s']} rows/s.",
        f"(g) Import phases, timed on the last vault ({imp['timed_import_s']} s, "
        f"{imp['timed_revisions_per_s']:,}/s): " + _phase_text(imp["phases"]) + ".",
    ]
    if "skipped" in full:
        out.append(f"(h) Whole-vault export + import not measured: {full['skipped']}.")
        return out
    ex, im = full["export_rss"], full["import_rss"]
    out += [
        f"(h) export_bundles(everything=True) of all {full['revisions']:,} revisions of the "
        f"copy to a fresh vault's card: {full['export_s']} s, one volume of "
        f"{full['bundle_mb']} MB ({full['bytes_per_revision']} bytes per revision after "
        "deflate and age); peak RSS " + _rss_text(ex) + ". Export phases (s): "
        + ", ".join(f"{k} {v}" for k, v in full["export_phases_s"].items()) + ".",
        f"(h) import_bundle of it into the fresh vault: {full['import_s']} s "
        f"({full['applied']:,} applied, {full['parked']} parked, {full['held_after']:,} "
        f"revisions held after); peak RSS " + _rss_text(im) + ". Phases: "
        + _phase_text(full["phases"]) + ".",
    ]
    return out


def _rss_text(m: dict[str, Any]) -> str:
    where = " (process peak so far)" if m.get("peak_is_process_max") else ""
    return f"{m['peak_mb']:.0f} MB{where} (from {m['start_mb']} MB before)"


def _phase_text(ph: dict[str, Any]) -> str:
    parts = [f"{k.strip()} {v:.2f} s ({ph['share'][k]:.0%})"
             for k, v in ph["seconds"].items() if v >= 0.005 or k.startswith("  ")]
    text = "; ".join(parts)
    if ph.get("missing_hooks"):
        text += f" (not timed, code moved: {', '.join(ph['missing_hooks'])})"
    return text


def markdown(res: dict[str, Any]) -> list[str]:
    lines = ["", "## Sync", "",
             "| what | figure | baseline | ratio | target | result |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in table(res)]
    lines += ["", "Notes:", ""] + [f"- {n}" for n in notes(res)]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    import run_all  # bench/ is on sys.path when this file is run as a script

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", help="the 1,000-case vault")
    p.add_argument("--no-full", action="store_true", help="skip the whole-vault export/import")
    p.add_argument("--sample-cases", type=int, default=None)
    args = p.parse_args(argv)
    cases = 1000 if args.quick else 10_000
    run_all.RESULTS.mkdir(parents=True, exist_ok=True)
    path, _meta = run_all.build_or_reuse(cases, 20, False)
    res = run(path, run_all.PASSPHRASE, sample_cases=args.sample_cases or sample_for(cases),
              full=not args.no_full, seed=run_all.SEED, raw_insert_rate=run_all.raw_insert_rate,
              workdir=run_all.RESULTS)
    (run_all.RESULTS / "sync_latest.json").write_text(json.dumps(res, indent=2))
    print("\n".join(markdown(res)))
    return 0


def sample_for(cases: int) -> int:
    """Cases in the import-rate bundle: 1,000 of the 10k vault (about 50k revisions), 200 of
    the quick one."""
    return max(1, min(1000, cases // 5))


if __name__ == "__main__":
    sys.exit(main())
