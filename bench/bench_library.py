"""How long loading the pack library takes, cold and warm, and how much memory it needs.

    .venv/bin/python bench/bench_library.py                 # generates 100 packs in a temp dir
    .venv/bin/python bench/bench_library.py PACKS_DIR --runs 7 --cold-runs 3

Target (docs/performance.md, "Library loading"): 100 packs, 2,000 lessons, 10 languages:
library screen in 300 ms, under 250 MB, median on a 2-core machine.

Every measurement runs in a fresh Python process, so imports, caches and the peak
resident set size (ru_maxrss) belong to that one scenario:

* cold, no cache   `load_library(..., cache_dir=None)`: every pack read (Coach before the cache)
* cold, first run  with an empty cache folder: every pack read, then stored
* warm             with the cache filled by the previous scenario
* warm + texts     warm, then every pack and lesson title translated into Arabic, as
                   the library screen does (decodes one catalog per pack)
* pack check       `python -m coach pack check` of one generated pack (deep validation)

"load" is the time spent in load_library alone; "process" is the child's whole life,
interpreter start and imports included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

TARGET_SECONDS = 0.300
TARGET_MB = 250


def child(mode: str, packs: Path, cache: str) -> None:
    """Run one scenario in this (fresh) process and print its figures as JSON."""
    started = time.perf_counter()
    from coach.packs.loader import load_library

    imported = time.perf_counter()
    library = load_library(Path(os.devnull), packs, cache_dir=None if cache == "-" else Path(cache))
    loaded = time.perf_counter()
    if mode == "texts":
        for pack in library.packs:
            pack.translate(pack.title, "ar")
            for lesson in pack.lessons:
                pack.translate(lesson.title, "ar")
    finished = time.perf_counter()
    print(json.dumps({
        "import": imported - started,
        "load": finished - imported,
        "packs": len(library.packs),
        "lessons": sum(len(p.lessons) for p in library.packs),
        "broken": len(library.broken),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "loaded_only": loaded - imported,
    }))


def run_child(mode: str, packs: Path, cache: str) -> dict[str, float]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(packs), cache],
        check=True, capture_output=True, text=True,
    ).stdout
    figures: dict[str, float] = json.loads(out)
    figures["process"] = time.perf_counter() - started
    return figures


def wait_until_old(folder: Path) -> None:
    """The cache stores no pack changed in the last RACY_SECONDS: let fresh files age first."""
    from coach.packs.cache import RACY_SECONDS

    newest = max(max(p.stat().st_mtime, p.stat().st_ctime) for p in folder.rglob("*"))
    delay = newest + RACY_SECONDS + 0.1 - time.time()
    if delay > 0:
        time.sleep(delay)


def median(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(row[key] for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time load_library cold and warm; print a table.")
    parser.add_argument("packs", nargs="?", type=Path, help="a folder of packs (default: generate 100)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each warm scenario (median)")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs of each cold scenario (median)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "PACKS", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]), args.child[2])
        return 0

    with tempfile.TemporaryDirectory(prefix="coach-bench-") as scratch:
        packs = args.packs
        if packs is None:
            from generate_packs import generate

            packs = Path(scratch) / "packs"
            print("generating 100 packs x 20 lessons x 8 steps x 10 languages ...", flush=True)
            generate(packs, packs=100, lessons=20, steps=8, languages=10)
        wait_until_old(packs)
        cache = Path(scratch) / "cache"
        rows: list[tuple[str, list[dict[str, float]]]] = []

        rows.append(("cold, no cache", [run_child("load", packs, "-") for _ in range(args.cold_runs)]))
        first = []
        for _ in range(args.cold_runs):
            for entry in cache.glob("*"):
                entry.unlink()
            first.append(run_child("load", packs, str(cache)))
        rows.append(("cold, first run", first))
        rows.append(("warm", [run_child("load", packs, str(cache)) for _ in range(args.runs)]))
        rows.append(("warm + texts", [run_child("texts", packs, str(cache)) for _ in range(args.runs)]))

        one = sorted(p for p in packs.iterdir() if p.is_dir())[0]
        checks = []
        for _ in range(args.cold_runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "coach", "pack", "check", str(one)],
                           check=True, capture_output=True, cwd=REPO)
            checks.append(time.perf_counter() - started)

        sample = rows[0][1][0]
        cache_mb = sum(p.stat().st_size for p in cache.glob("*")) / 1e6
        print(f"\n{sample['packs']:.0f} packs, {sample['lessons']:.0f} lessons, {sample['broken']:.0f} broken; "
              f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.machine()}; "
              f"cache {cache_mb:.1f} MB")
        print(f"{'scenario':<18} {'runs':>4} {'load ms':>9} {'process ms':>11} {'peak RSS MB':>12}  target")
        for name, results in rows:
            load, rss = median(results, "load"), median(results, "max_rss_mb")
            verdict = "ok" if load <= TARGET_SECONDS and rss <= TARGET_MB else "MISSED"
            print(f"{name:<18} {len(results):>4} {load * 1000:>9.0f} {median(results, 'process') * 1000:>11.0f} "
                  f"{rss:>12.0f}  {verdict}")
        print(f"{'pack check (1)':<18} {len(checks):>4} {'':>9} {statistics.median(checks) * 1000:>11.0f}")
        print(f"\ntarget: library in {TARGET_SECONDS * 1000:.0f} ms, under {TARGET_MB} MB "
              "(load ms is load_library alone; the screen's own drawing comes on top)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
