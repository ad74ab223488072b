"""`coach speak`, one sentence, the whole process, against `espeak-ng -w`, interleaved.

    .venv/bin/python bench/bench_speak_cli.py [--runs 15]

Target (issue 13): at most 2x espeak-ng's own command. Each run says the same sentence
with `coach speak` (the speech cache folder removed first: espeak-ng's `coach speak`
does not use it, another engine's would), then with `espeak-ng -v fr -w`, then with
`coach speak` in a French environment (LANGUAGE=fr: its line is translated, which
imports `gettext`), then starts the bare interpreter (nothing of Coach): the floor of
any `coach` command; then bench/lean_speaker.py, the leanest Python speaker there can
be (the same library and voice, ctypes and wave, no check or message): the floor of
any `coach speak` written in Python. Every process is timed from spawn to exit, wall
clock and CPU (user + system; on a loaded shared machine the wall clock also holds the
time spent waiting for a core). Prints median, min and max, the ratio of the medians,
any run that failed (exit status, message), and how many lengths the WAVs had (issue
13: the same text at the same rate, one length, always). It says so when the `coach`
script imports `re` (pip before 26 wrote it so: 5 ms; `./dev.sh` upgrades pip).

`--also PATH` (repeatable) adds another install's `coach` (say the main branch's
.venv/bin/coach, or a non-editable `pip install .`) to every round, with its own
COACH_HOME: a before and after in one interleaved run. One more row runs this `coach
speak` without COACH_HOME, as a user's desk does: the per-user folders of platformdirs
(HOME pointed at a temporary folder, the XDG_* variables removed), empty speech cache.

`--imports N` instead runs `coach speak` N times under `python -X importtime` and prints each module's median self and cumulative import time, nested as
imported, from the first module after the interpreter's own start: what is left of
Coach's imports, module by module (-X importtime adds its own overhead: shares, not
absolute figures).

PYTHONDONTWRITEBYTECODE is removed from the processes' environment: with it every
start compiles Coach's modules again (about 15 ms), which an installed Coach never does.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from datetime import UTC, datetime
from collections.abc import Sequence
from pathlib import Path

COACH = [str(Path(sys.executable).parent / "coach")]
SENTENCE = "Touchez le bouton vert pour continuer, puis attendez la page suivante."
COLD, ESPEAK, FRENCH, FLOOR = ("coach speak", "espeak-ng -w", "coach speak, LANGUAGE=fr", "python, bare (no Coach)")
NO_HOME = "coach speak, no COACH_HOME"
LEAN = "leanest Python speaker, no Coach"
LEAN_SPEAKER = Path(__file__).with_name("lean_speaker.py")


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall ms, CPU ms, "" or what failed) for one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return wall, cpu, "" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-200:]}"


def measure(runs: int, also: Sequence[str] = ()) -> list[str]:
    """The interleaved runs (with `also`, other installs' `coach` too); the lines of the table."""
    espeak = shutil.which("espeak-ng")
    others = {f"--also {i + 1}, empty cache": path for i, path in enumerate(also)}
    labels = (COLD, ESPEAK, FRENCH, FLOOR, LEAN, NO_HOME, *others)
    times: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label in labels}
    failures: list[str] = []
    lengths: set[int] = set()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        env = {**os.environ, "COACH_HOME": str(home)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        out = Path(folder) / "out.wav"
        speak = [*COACH, "speak", "--lang", "fr", "--text", SENTENCE, "--out", str(out)]
        french = {**env, "LANGUAGE": "fr"}
        rounds = [(COLD, speak, env), (ESPEAK, [espeak or "espeak-ng", "-v", "fr", "-w", str(out), SENTENCE], env),
                  (FRENCH, speak, french), (FLOOR, [sys.executable, "-c", "pass"], env)]
        lean = lean_speaker(str(out))
        if lean:
            rounds.append((LEAN, lean, env))
        user_home = Path(folder) / "user"
        user_env = {name: value for name, value in env.items() if name != "COACH_HOME" and not name.startswith("XDG_")}
        rounds.append((NO_HOME, speak, {**user_env, "HOME": str(user_home)}))
        speech_caches = [home / "cache" / "speech", user_home / ".cache" / "coach" / "speech"]
        for i, (label, path) in enumerate(others.items()):
            other_home = Path(folder) / f"other-home-{i}"
            rounds.append((label, [path, *speak[1:]], {**env, "COACH_HOME": str(other_home)}))
            speech_caches.append(other_home / "cache" / "speech")
        for n in range(runs + 1):  # the first round builds the language table and the bytecode, unmeasured
            for speech_cache in speech_caches:
                shutil.rmtree(speech_cache, ignore_errors=True)
            for label, command, label_env in rounds:
                if label == ESPEAK and espeak is None:
                    continue
                wall, cpu, failed = run(command, label_env)
                if label == COLD and not failed:
                    with wave.open(str(out)) as wav:
                        lengths.add(wav.getnframes())
                if n:
                    times[label][0].append(wall)
                    times[label][1].append(cpu)
                    if failed:
                        failures.append(f"{label} run {n}: {failed}")
    lines = [f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {os.getloadavg()[0]:.1f}",
             f"{'':32s}{'median':>9s}{'min':>9s}{'max':>9s}{'CPU med':>9s}  (ms, {runs} runs, interleaved)"]
    for label, (walls, cpus) in times.items():
        if walls:
            lines.append(f"{label:32s}{statistics.median(walls):9.1f}{min(walls):9.1f}{max(walls):9.1f}"
                         f"{statistics.median(cpus):9.1f}")
    if times[ESPEAK][0]:
        for name, index in (("wall", 0), ("CPU", 1)):
            ratio = statistics.median(times[COLD][index]) / statistics.median(times[ESPEAK][index])
            lines.append(f"ratio of the medians, coach speak / espeak-ng, {name}: {ratio:.2f}x (target 2x)")
    lines.extend(f"{label[:len(label) - len(', empty cache')]}: {path}" for label, path in others.items())
    lines.append(f"WAV lengths of the same sentence: {len(lengths)} distinct over {runs + 1} runs"
                 + (f" ({sorted(lengths)} frames)" if len(lengths) > 1 else ""))
    if _script_imports_re(COACH[0]):
        lines.append(f"{COACH[0]} starts with `import re` (written by pip before 26): run ./dev.sh to upgrade pip")
    lines.append(f"failed runs: {len(failures)}")
    lines.extend("  " + failure for failure in failures)
    return lines


def _script_imports_re(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as script:
            return "import re" in script.read(1000).splitlines()
    except (OSError, UnicodeDecodeError):
        return False


def lean_speaker(out: str) -> list[str]:
    """bench/lean_speaker.py on the library and voice Coach uses for French; [] without the bundled espeak-ng."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from coach.speech.engines import bundled_espeak_paths

    bundled = bundled_espeak_paths()
    if bundled is None:
        return []
    library, data = bundled
    return [sys.executable, str(LEAN_SPEAKER), library, os.path.dirname(data), "roa/fr", SENTENCE, out]


def import_times(runs: int) -> list[str]:
    """Median `-X importtime` self and cumulative ms of each module `coach speak` imports, nested, in order."""
    selfs: dict[str, list[int]] = {}
    cumulative: dict[str, list[int]] = {}
    order: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "COACH_HOME": str(Path(folder) / "home")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        speak = [sys.executable, "-X", "importtime", *COACH, "speak", "--lang", "fr", "--text", SENTENCE, "--out",
                 str(Path(folder) / "out.wav")]
        for n in range(runs + 1):  # the first run builds the language table and the bytecode, unmeasured
            shutil.rmtree(Path(folder) / "home" / "cache" / "speech", ignore_errors=True)
            done = subprocess.run(speak, env=env, capture_output=True, text=True)
            if not n:
                continue
            for line in done.stderr.splitlines():
                fields = line.removeprefix("import time:").split("|")
                if len(fields) != 3 or not fields[0].strip().isdigit():
                    continue
                name = fields[2].rstrip()
                module = name.strip()
                if module not in selfs:
                    selfs[module], cumulative[module] = [], []
                    order.append((module, len(name) - len(name.lstrip())))
                selfs[module].append(int(fields[0]))
                cumulative[module].append(int(fields[1]))
    first = next((i for i, (module, _) in enumerate(order) if module == "coach"), 0)
    lines = [f"`coach speak` under -X importtime, {runs} runs, load average {os.getloadavg()[0]:.1f}: "
             "median self and cumulative ms, from the first module of Coach on (the interpreter's start "
             "comes before it)", f"{'self':>7s}{'cumul.':>8s}  module"]
    for module, indent in order[first:]:
        lines.append(f"{statistics.median(selfs[module]) / 1000:7.2f}{statistics.median(cumulative[module]) / 1000:8.2f}"
                     f"  {' ' * (indent - 1)}{module}")
    total = sum(statistics.median(selfs[module]) for module, _ in order[first:]) / 1000
    lines.append(f"{total:7.2f}          in all ({len(order) - first} modules)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--also", metavar="PATH", action="append", default=[],
                        help="another install's coach, timed in the same rounds (repeatable)")
    parser.add_argument("--imports", type=int, metavar="N", help="print import times over N runs instead")
    options = parser.parse_args()
    print("\n".join(import_times(options.imports) if options.imports else measure(options.runs, options.also)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
