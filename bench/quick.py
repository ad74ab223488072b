"""A quick run of the window benches at small scale, for CI: figures to a file, never asserted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/quick.py [--out build/bench-quick.txt]

Start-up against the bare window (3 interleaved pairs); with 1 pack installed and the
records of 1,000 clients unlocked: next step, language switch, language chosen on the
picker, level click (2 runs); the library screen at 10 packs (2 runs); the records of
1,000 clients (bench_records.py: search, one rating, chart data, a year of statistics,
backup, retention sweeps, sizes); speech (bench_speech.py: the first Listen 300 ms after
the child's start in 2 fresh processes, Listen with an empty and a warm cache, 3 runs;
bench_speak_cli.py: `coach speak` against espeak-ng, 3 rounds). `./dev.sh test`
runs it after a whole-suite pytest and prints the file. The figures are for a person to
compare with docs/performance.md; a slow shared CI machine must not fail a build, so
nothing here compares them with a target. The script fails only if a bench cannot run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_library_screen  # noqa: E402
import bench_records  # noqa: E402
import bench_speak_cli  # noqa: E402
import bench_ui  # noqa: E402
from ui_clock import machine, print_rows  # noqa: E402


def section(title: str, bench: Callable[[], list[str]]) -> str:
    """Run `bench`: its own lines under a title, with the seconds it took, printed as it is done."""
    started = time.perf_counter()
    lines = bench()
    text = "\n".join([f"## {title} ({time.perf_counter() - started:.0f} s)", *lines, ""])
    print(text, flush=True)
    return text


def speech_lines() -> list[str]:
    """bench_speech.py at small scale, in its own process (it needs a QApplication of its own)."""
    done = subprocess.run([sys.executable, str(HERE / "bench_speech.py"), "--runs", "3", "--first", "2",
                           "--head-start", "300"], capture_output=True, text=True, check=True, timeout=300)
    return done.stdout.splitlines()


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
        parts.append(section("records, 1,000 clients (ms)",
                             lambda: bench_records.bench_scale(Path(scratch), 1000, 20, 5)))
    parts.append(section("speech: Listen (the app's reader and speech child)", speech_lines))
    parts.append(section("speech: coach speak, whole process", lambda: bench_speak_cli.measure(3)))
    parts.append(f"(quick bench took {time.perf_counter() - started:.0f} s; "
                 "full-scale commands and targets: docs/performance.md)\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
