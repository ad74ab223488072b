"""`coach speak`, one sentence, the whole process, against `espeak-ng -w`, interleaved.

    .venv/bin/python bench/bench_speak_cli.py [--runs 15]

Target (issue 13): at most 2x espeak-ng's own command. Each run says a sentence never
said before (an empty cache, so synthesis is inside), first with `coach speak`, then
the same sentence with `espeak-ng -v fr -w`; then once more with `coach speak` (from the
cache). Every process is timed from spawn to exit. Prints median, min and max, the
ratio of the medians, and any run that failed (exit status, message).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COACH = [str(Path(sys.executable).parent / "coach")]
SENTENCE = "Touchez le bouton vert pour continuer, puis attendez la page {n}."


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """(ms, "" or what failed) for one process."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    ms = (time.perf_counter() - start) * 1000
    return ms, "" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-200:]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    espeak = shutil.which("espeak-ng")
    times: dict[str, list[float]] = {"coach speak (new sentence)": [], "espeak-ng -w": [], "coach speak (cached)": []}
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "COACH_HOME": str(Path(folder) / "home")}
        out = str(Path(folder) / "out.wav")
        for n in range(options.runs + 1):  # the first round warms the page cache, unmeasured
            text = SENTENCE.format(n=n)
            rounds = (("coach speak (new sentence)", [*COACH, "speak", "--lang", "fr", "--text", text, "--out", out]),
                      ("espeak-ng -w", [espeak or "espeak-ng", "-v", "fr", "-w", out, text]),
                      ("coach speak (cached)", [*COACH, "speak", "--lang", "fr", "--text", text, "--out", out]))
            for label, command in rounds:
                if label.startswith("espeak") and espeak is None:
                    continue
                ms, failed = run(command, env)
                if n:
                    times[label].append(ms)
                    if failed:
                        failures.append(f"{label} run {n}: {failed}")
    print(f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {os.getloadavg()[0]:.1f}")
    print(f"{'':28s}{'median':>9s}{'min':>9s}{'max':>9s}  (ms, {options.runs} runs, interleaved)")
    for label, values in times.items():
        if values:
            print(f"{label:28s}{statistics.median(values):9.1f}{min(values):9.1f}{max(values):9.1f}")
    if times["espeak-ng -w"]:
        ratio = statistics.median(times["coach speak (new sentence)"]) / statistics.median(times["espeak-ng -w"])
        print(f"ratio of the medians, new sentence: {ratio:.1f}x (target 2x)")
    print(f"failed runs: {len(failures)}")
    for failure in failures:
        print("  " + failure)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
