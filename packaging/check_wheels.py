#!/usr/bin/env python3
"""Check that every pinned runtime dependency has a binary wheel for each shipping platform.

    python packaging/check_wheels.py [--requirements requirements.txt] [--python-version 3.12]

For each target platform (win_amd64, macOS arm64, macOS x86_64 by default) this runs, with the
interpreter that runs this script:

1. one ``pip download --only-binary=:all: --no-deps --python-version X --implementation cp
   --platform ... name==version`` per pinned requirement, so that a failure is attributed to the
   dependency that lacks a wheel;
2. one such ``pip download`` of all pins together *with* dependencies, which is what an installer
   build resolves, so that transitive dependencies (shiboken6, pillow, charset-normalizer, cffi,
   ...) are checked too and every wheel obtained is listed. A failing resolve stops at its first
   missing wheel, so on failure each pin that has a wheel is resolved again on its own.

Each target downloads into its own temporary folder (deleted afterwards); targets run in
parallel. pip's configuration (index, extra indexes, certificates) and its cache are used as
they are, so this works wherever ``pip install`` works.

It prints a table (dependency, platform, wheel file or FAILED with pip's last error line) and
exits 1 if any dependency lacks a wheel for any platform, 2 on a usage error.

Limitation: pip evaluates environment markers in dependency metadata (``; sys_platform ==
"win32"``) against the machine it runs on, not the target platform. Such markers are listed
under "Notes" so they can be checked by hand.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import operator
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REQUIREMENTS = REPO_ROOT / "requirements.txt"
# PySide6 6.12 wheels are macosx_14_0_universal2 / arm64: the app cannot run on older macOS.
DEFAULT_MACOS_VERSION = "14.0"
DEFAULT_TARGETS = ("win_amd64", "macos_arm64", "macos_x86_64")
EXTRA_TARGETS = ("win_arm64",)  # not shipped; selectable with --target for information
PIP_TIMEOUT_SECONDS = 900
# pip evaluates dependency markers against the interpreter running it, not the target, so
# these markers may have selected the wrong dependencies for a target.
PLATFORM_MARKERS = ("sys_platform", "platform_system", "platform_machine", "os_name")
_PY_VERSION_MARKER_RE = re.compile(
    r"python_version\s*(<=|>=|==|!=|<|>)\s*[\"'](\d+(?:\.\d+)*)[\"']"
)
_COMPARE = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


# --------------------------------------------------------------------------- requirements


@dataclass(frozen=True)
class Pin:
    name: str  # as written, extras included: "reportlab" or "foo[bar]"
    version: str

    @property
    def spec(self) -> str:
        return f"{self.name}=={self.version}"

    @property
    def key(self) -> str:
        return normalize(self.name.split("[", 1)[0])


_PIN_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?)\s*==\s*([^\s;]+)\s*(?:;.*)?$")


def normalize(name: str) -> str:
    """PEP 503 project-name normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path) -> list[Pin]:
    """Pinned ``name==version`` lines; comments, blank lines and pip options are skipped."""
    pins: list[Pin] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        match = _PIN_RE.match(line)
        if not match:
            raise ValueError(f"{path}:{lineno}: not a 'name==version' pin: {raw.strip()!r}")
        pins.append(Pin(match.group(1), match.group(2)))
    if not pins:
        raise ValueError(f"{path}: no pinned requirements found")
    return pins


# --------------------------------------------------------------------------- platforms


@dataclass(frozen=True)
class Target:
    name: str
    platforms: tuple[str, ...]  # values for pip's repeated --platform option


def macos_platform_tags(arch: str, version: str) -> tuple[str, ...]:
    """Tags a macOS ``version`` machine of ``arch`` accepts, newest first.

    Mirrors packaging.tags.mac_platforms (what pip computes on a real Mac): every older
    release down to 10.9, so wheels tagged for an older deployment target (e.g. abi3 or
    universal2 wheels built for macosx_10_12 or 11_0) still match. arm64 Macs started at
    11.0, so below that only universal2 wheels can serve them. pip >= 20.3 expands a single
    --platform the same way; listing the tags explicitly keeps the check independent of that.
    """
    major, minor = (int(part) for part in [*version.split("."), "0"][:2])
    formats = ("arm64", "universal2") if arch == "arm64" else ("x86_64", "intel", "universal2")
    releases = [(m, 0) for m in range(major, 10, -1)] if major >= 11 else []
    releases += [(10, m) for m in range(minor if major == 10 else 16, 8, -1)]
    tags = []
    for rel_major, rel_minor in releases:
        for fmt in formats:
            if arch == "arm64" and rel_major == 10 and fmt != "universal2":
                continue
            tags.append(f"macosx_{rel_major}_{rel_minor}_{fmt}")
    return tuple(tags)


def make_targets(names: list[str], macos_version: str) -> list[Target]:
    known = {
        "win_amd64": ("win_amd64",),
        "win_arm64": ("win_arm64",),
        "macos_arm64": macos_platform_tags("arm64", macos_version),
        "macos_x86_64": macos_platform_tags("x86_64", macos_version),
    }
    return [Target(name, known[name]) for name in names]


# --------------------------------------------------------------------------- pip


@dataclass
class PipRun:
    ok: bool
    error: str  # pip's last error line when not ok


def run_pip_download(
    python: str, target: Target, python_version: str, dest: Path, specs: list[str], deps: bool
) -> PipRun:
    cmd = [
        python, "-m", "pip", "download",
        "--only-binary=:all:",
        "--python-version", python_version,
        "--implementation", "cp",
        "--dest", str(dest),
        "--progress-bar", "off",
        "--no-input",
    ]  # fmt: skip
    for platform in target.platforms:
        cmd += ["--platform", platform]
    if not deps:
        cmd.append("--no-deps")
    cmd += specs
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=PIP_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return PipRun(False, f"pip timed out after {PIP_TIMEOUT_SECONDS} s")
    if proc.returncode == 0:
        return PipRun(True, "")
    return PipRun(
        False, last_error_line(proc.stderr + proc.stdout) or f"pip exit {proc.returncode}"
    )


def last_error_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    line = (errors or lines or [""])[-1]
    return line.removeprefix("ERROR:").strip()


# --------------------------------------------------------------------------- wheels


@dataclass(frozen=True)
class Wheel:
    path: Path

    @property
    def filename(self) -> str:
        return self.path.name

    @property
    def key(self) -> str:
        return normalize(self.filename.split("-", 1)[0])

    @property
    def version(self) -> str:
        return self.filename.split("-")[1]

    def requires_dist(self) -> list[str]:
        """The Requires-Dist lines of the wheel's METADATA."""
        try:
            with zipfile.ZipFile(self.path) as zf:
                name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
                meta = HeaderParser().parsestr(zf.read(name).decode("utf-8", "replace"))
        except (OSError, StopIteration, zipfile.BadZipFile):
            return []
        return list(meta.get_all("Requires-Dist") or [])


def marker_depends_on_host(requirement: str, host_version: str, target_version: str) -> bool:
    """Whether pip, evaluating ``requirement``'s marker on this machine, may have decided
    differently than on the target: a platform marker, or a python_version comparison
    whose result differs between the two versions. Requirements of extras are ignored."""
    marker = requirement.partition(";")[2]
    if not marker or "extra" in marker:
        return False
    if any(name in marker for name in PLATFORM_MARKERS):
        return True
    host, target = (tuple(int(x) for x in v.split(".")) for v in (host_version, target_version))
    for op, value in _PY_VERSION_MARKER_RE.findall(marker):
        bound = tuple(int(x) for x in value.split("."))
        if _COMPARE[op](host, bound) != _COMPARE[op](target, bound):
            return True
    return "python_full_version" in marker and host != target


def downloaded(dest: Path) -> list[Path]:
    return sorted(p for p in dest.iterdir() if p.is_file())


def find_wheel(files: list[Path], pin: Pin) -> Path | None:
    for path in files:
        if path.suffix == ".whl":
            wheel = Wheel(path)
            if wheel.key == pin.key and wheel.version == pin.version:
                return path
    return None


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Row:
    dependency: str  # "name==version"
    via: str  # "pinned" or "dependency"
    platform: str
    result: str  # wheel file name or "FAILED: ..."
    ok: bool


@dataclass
class TargetReport:
    target: Target
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_target(
    python: str, target: Target, pins: list[Pin], python_version: str, workdir: Path
) -> TargetReport:
    report = TargetReport(target)
    dest = Path(tempfile.mkdtemp(prefix=f"{target.name}-", dir=workdir))

    def download(specs: list[str], deps: bool) -> PipRun:
        return run_pip_download(python, target, python_version, dest, specs, deps)

    # 1. Each pin on its own, no dependencies: a failure is attributed to the right pin.
    has_wheel: list[Pin] = []
    for pin in pins:
        run = download([pin.spec], deps=False)
        found = find_wheel(downloaded(dest), pin) if run.ok else None
        if found is not None:
            has_wheel.append(pin)
            report.rows.append(Row(pin.spec, "pinned", target.name, found.name, True))
        else:
            error = run.error or "pip succeeded but no matching .whl was saved"
            report.rows.append(Row(pin.spec, "pinned", target.name, f"FAILED: {error}", False))

    # 2. All pins together with dependencies, as a build resolves them. If that fails, resolve
    #    each pin that has a wheel on its own, so the other transitive wheels are still checked.
    resolved = download([pin.spec for pin in pins], deps=True)
    if not resolved.ok:
        for pin in has_wheel:
            run = download([pin.spec], deps=True)
            if not run.ok:
                report.rows.append(
                    Row(f"{pin.spec} + dependencies", "dependency", target.name,
                        f"FAILED: {run.error}", False)
                )  # fmt: skip

    # 3. Every other file obtained is a transitive dependency.
    pinned_keys = {pin.key for pin in pins}
    host_version = "{}.{}".format(*sys.version_info[:2])
    for path in downloaded(dest):
        if path.suffix != ".whl":  # cannot happen with --only-binary=:all:, but never hide it
            report.rows.append(
                Row(path.name, "dependency", target.name, "FAILED: not a wheel", False)
            )
            continue
        wheel = Wheel(path)
        report.notes += [
            f"{wheel.key}=={wheel.version} requires {req!r}"
            for req in wheel.requires_dist()
            if marker_depends_on_host(req, host_version, python_version)
        ]
        if wheel.key not in pinned_keys:
            dep = f"{wheel.key}=={wheel.version}"
            report.rows.append(Row(dep, "dependency", target.name, wheel.filename, True))
    return report


def check_all(
    python: str, targets: list[Target], pins: list[Pin], python_version: str, jobs: int
) -> list[TargetReport]:
    with (
        tempfile.TemporaryDirectory(prefix="check-wheels-") as workdir,
        concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool,
    ):
        futures = [
            pool.submit(check_target, python, t, pins, python_version, Path(workdir))
            for t in targets
        ]
        return [f.result() for f in futures]


# --------------------------------------------------------------------------- output


def sort_rows(rows: list[Row], pins: list[Pin], targets: list[Target]) -> list[Row]:
    pin_order = {pin.spec: i for i, pin in enumerate(pins)}
    target_order = {t.name: i for i, t in enumerate(targets)}
    return sorted(
        rows,
        key=lambda r: (
            r.via != "pinned",
            pin_order.get(r.dependency, 0),
            r.dependency.lower(),
            target_order[r.platform],
        ),
    )


def format_table(rows: list[Row]) -> str:
    header = ("dependency", "via", "platform", "wheel")
    cells = [header] + [(r.dependency, r.via, r.platform, r.result) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(3)]
    lines = []
    for i, cell in enumerate(cells):
        padded = [c.ljust(w) for c, w in zip(cell[:3], widths, strict=True)]
        lines.append("  ".join([*padded, cell[3]]))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * len(header[3]))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Check that pinned requirements have wheels for every shipping platform."
    )
    parser.add_argument(
        "--requirements", type=Path, default=DEFAULT_REQUIREMENTS,
        help="pinned requirements file (default: requirements.txt at the repository root)",
    )  # fmt: skip
    parser.add_argument(
        "--python-version", default="3.12", help="target CPython version (default: 3.12)"
    )
    parser.add_argument(
        "--macos-version", default=DEFAULT_MACOS_VERSION,
        help=f"oldest macOS release to support (default: {DEFAULT_MACOS_VERSION})",
    )  # fmt: skip
    parser.add_argument(
        "--target", action="append", choices=DEFAULT_TARGETS + EXTRA_TARGETS,
        help="platform to check; repeatable (default: " + ", ".join(DEFAULT_TARGETS) + ")",
    )  # fmt: skip
    parser.add_argument(
        "--jobs", type=int, default=0, help="platforms checked in parallel (default: all)"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also print each platform's --platform tags"
    )
    args = parser.parse_args(argv)
    if args.jobs < 0:
        parser.error("--jobs must be 0 (all platforms at once) or more")
    if not re.fullmatch(r"3\.\d+", args.python_version):
        parser.error("--python-version must look like 3.12")
    if not re.fullmatch(r"(1[1-9]|[2-9]\d)(\.0)?|10\.(9|1[0-6])", args.macos_version):
        parser.error("--macos-version must be 10.9 to 10.16, or 11.0 or later (e.g. 14.0)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        pins = read_pins(args.requirements)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    targets = make_targets(args.target or list(DEFAULT_TARGETS), args.macos_version)

    print(
        f"Checking {len(pins)} pins from {args.requirements} for CPython {args.python_version} "
        f"on {', '.join(t.name for t in targets)} (macOS >= {args.macos_version}) ...",
        file=sys.stderr,
    )
    jobs = args.jobs or len(targets)
    reports = check_all(sys.executable, targets, pins, args.python_version, jobs)

    rows = sort_rows([row for rep in reports for row in rep.rows], pins, targets)
    print(format_table(rows))
    if args.verbose:
        for target in targets:
            print(f"\n{target.name}: --platform " + " --platform ".join(target.platforms))
    notes: dict[str, list[str]] = {}
    for rep in reports:
        for note in rep.notes:
            notes.setdefault(note, []).append(rep.target.name)
    if notes:
        print(
            f"\nNotes: pip evaluated these markers for this machine ({sys.platform}, Python "
            f"{sys.version_info[0]}.{sys.version_info[1]}), not the target; check them by hand:"
        )
        for note, names in notes.items():
            print(f"  {note} (on {', '.join(names)})")

    failed = [row for row in rows if not row.ok]
    if failed:
        print(f"\nFAILED: {len(failed)} of {len(rows)} checks lack a wheel.")
        return 1
    print(f"\nOK: {len(rows)} wheels on {len(targets)} platform(s), CPython {args.python_version}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
