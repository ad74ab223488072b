"""Every hostile pack of the corpus (tests/hostile_packs.py) through `coach pack check`: time and memory.

    .venv/bin/python bench/bench_hostile.py                 # every case at scale 1 and 3, 3 runs each
    .venv/bin/python bench/bench_hostile.py --scales 1 --runs 5 --case zip-bomb

Target (issue 14, docs/performance.md "Hostile packs"): every pack check ends in ≤ 2 s
and ≤ 300 MB, whatever the pack. Each run is a fresh `coach pack check PATH` process
(the deep check, as an author or a worker would run it): the wall time from start to
exit, and the process's peak resident memory (VmHWM, Linux), start-up and imports
included. The runs of the cases are interleaved (case A, B, C..., then again),
so a burst of load from elsewhere on the machine spreads over all of them. Also timed:
the check of the valid minimal pack, the floor every figure includes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from hostile_packs import CASES, MINIMAL, make  # noqa: E402

TIME_TARGET_S = 2.0
MEMORY_TARGET_MB = 300.0


@dataclass
class Figures:
    name: str
    scale: int
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    exit_codes: set[int] = field(default_factory=set)


CHILD = """
import runpy, sys
peak_file, pack = sys.argv[1:3]
sys.argv = ["coach", "pack", "check", pack]
code = 0
try:
    runpy.run_module("coach", run_name="__main__", alter_sys=True)
except SystemExit as end:
    code = end.code if isinstance(end.code, int) else 1
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
open(peak_file, "w").write(peak)
raise SystemExit(code)
"""
"""`coach pack check` run as `python -m coach` would, then its own peak resident memory (VmHWM, in kB)
written to a file. VmHWM belongs to the process's memory map, which exec makes anew: ru_maxrss
from wait4 would count the bench's own memory at the fork (about 110 MB once the corpus is built)."""


def check_once(path: Path, peak_file: Path) -> tuple[float, float, int]:
    """One `coach pack check PATH` in a fresh process: (seconds, peak MB, exit code)."""
    command = [sys.executable, "-c", CHILD, str(peak_file), str(path)]
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env={**os.environ, "LANGUAGE": "en"}).returncode
    seconds = time.perf_counter() - start
    return seconds, int(peak_file.read_text()) / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--case", action="append", help="only this case (repeatable)")
    options = parser.parse_args()
    names = options.case or sorted(CASES)
    with tempfile.TemporaryDirectory(prefix="coach-hostile-") as temporary:
        root = Path(temporary)
        subjects = [(Figures("(valid minimal pack)", 1), MINIMAL)]
        for scale in options.scales:
            for name in names:
                built = time.perf_counter()
                path = make(name, root / f"{name}-{scale}", scale)
                print(f"built {name} x{scale} in {time.perf_counter() - built:.1f} s", file=sys.stderr)
                subjects.append((Figures(name, scale), path))
        for _ in range(options.runs):
            for figures, path in subjects:
                seconds, peak, code = check_once(path, root / "peak.txt")
                figures.seconds.append(seconds)
                figures.peak_mb.append(peak)
                figures.exit_codes.add(code)
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}; {options.runs} runs per case, interleaved")
    print(f"{'case':34} {'scale':>5} {'median s':>9} {'min s':>7} {'max s':>7} {'peak MB':>8} {'exit':>5}")
    for figures, _ in subjects:
        print(f"{figures.name:34} {figures.scale:>5} {statistics.median(figures.seconds):9.2f} "
              f"{min(figures.seconds):7.2f} {max(figures.seconds):7.2f} {max(figures.peak_mb):8.0f} "
              f"{','.join(map(str, sorted(figures.exit_codes))):>5}")
    hostile = [figures for figures, _ in subjects[1:]]
    slowest = max(hostile, key=lambda f: statistics.median(f.seconds))
    largest = max(hostile, key=lambda f: max(f.peak_mb))
    over = [f"{f.name} x{f.scale}" for f in hostile
            if statistics.median(f.seconds) > TIME_TARGET_S or max(f.peak_mb) > MEMORY_TARGET_MB]
    print(f"\n{len(hostile)} hostile packs tried ({len(names)} cases x {len(options.scales)} scales), "
          f"{options.runs} runs each")
    print(f"worst median time: {statistics.median(slowest.seconds):.2f} s ({slowest.name} x{slowest.scale}, "
          f"max {max(slowest.seconds):.2f} s); worst peak memory: {max(largest.peak_mb):.0f} MB "
          f"({largest.name} x{largest.scale})")
    print(f"over the targets ({TIME_TARGET_S} s median, {MEMORY_TARGET_MB:.0f} MB): {over or 'none'}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
