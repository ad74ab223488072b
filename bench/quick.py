"""A quick run of the window benches at small scale, for CI: figures to a file, never asserted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/quick.py [--out build/bench-quick.txt]

Start-up against the bare window (3 interleaved pairs); with 1 pack installed and the
records of 1,000 clients unlocked: next step, language switch, language chosen on the
picker, level click (2 runs); the library screen at 10 packs (2 runs). `./dev.sh test`
runs it after a whole-suite pytest and prints the file. The figures are for a person to
compare with docs/performance.md; a slow shared CI machine must not fail a build, so
nothing here compares them with a target. The script fails only if a bench cannot run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_library_screen  # noqa: E402
import bench_ui  # noqa: E402
from ui_clock import machine, print_rows  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Quick, small-scale run of the window benches.")
    parser.add_argument("--out", type=Path, default=HERE.parent / "build" / "bench-quick.txt")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    parts = [f"# Quick bench (small scale; figures, not pass/fail)\n{machine()}\n"]
    parts.append(print_rows("start-up", bench_ui.bench_start(3)))
    with tempfile.TemporaryDirectory(prefix="coach-quick-") as scratch:
        parts.append(bench_ui.run_desk(Path(scratch), 2, 1, clients=1000, ratings=20_000))
        print(parts[-1], flush=True)
        parts.append(print_rows("library screen", bench_library_screen.bench(Path(scratch), 2, [10])))
    parts.append(f"(quick bench took {time.perf_counter() - started:.0f} s; "
                 "full-scale commands and targets: docs/performance.md)\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
