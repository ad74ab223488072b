"""Benchmarks of the client's window, timed to the painted frame: start-up, next step, language, level.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--runs 9] [--packs 1 10 100]
        [--clients 10000] [--ratings 500000] [--only start|desk] [--before OTHER_SOURCE_TREE] [--cpu]
    ... bench/bench_ui.py --against ../before-checkout [--rounds 3] [--runs 5] [--packs 1 100]
    ... [--homes /tmp/coach-desk-homes]   # keep the generated packs and records for the next run

* start-up: from spawning `python` to the end of the first painted frame of `coach`'s
  own start (`run_app`: settings, packs through the pack cache, speech child, window,
  worker's panel, take-home sheets menu), against a bare PySide6 window with as many
  widgets, runs interleaved (Coach, bare, Coach, ...); with --before, an older tree's
  start (e.g. `git worktree add /tmp/before <commit>`) in the same runs, each with its bare window;
  with --cpu, each run also starts Coach once more with process_time() marks around each
  step of run_app: the CPU milliseconds per stage (under load, the comparable figure);
* with the panel open, the records of `--clients` clients unlocked, a visit on, speech
  on (auto-read), for each number of installed packs: the next step (Space on Next), a
  language switch fr <-> ar with a lesson on screen, choosing a language on the picker
  (Space on its button, to the painted library; pressed after the picker has been on
  screen for READING_MS, as a person reads it), one level click in the panel; each
  from the input to the end of the last frame it caused (bench/ui_clock.py); keys and
  clicks go through the window, as a keyboard's and a mouse's do;
* `--against TREE`: the desk part with Coach from another checkout and from this tree,
  one process per side in turn, `--rounds` times: a before/after in one run (each side
  on its own copy of the generated COACH_HOME; both must read this tree's records schema).
Each desk figure comes with the GUI thread's CPU time for it (time.thread_time, to the end
of the events it caused): on the shared 2-core machine the wall time also holds other
processes' turns, the CPU time much less so.

Targets (issue 13, shared/PRODUCT.md): start-up <= 2x the bare window; the others <= 16 ms.
Prints median, min and max; nothing here is a test assertion.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui_clock import Row, drain, machine, print_rows, until_painted  # noqa: E402

# The child prints "painted N" when the first frame of the main window is painted and
# flushed (the zero timer runs after the update that paints it); N is its widget count.
COACH_CHILD = r"""
# As the `coach` command does before it loads Qt (coach/cli.py); a --before tree may not.
try:
    from coach.gui_start import before_qt
except ImportError:
    pass
else:
    before_qt()
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from coach.ui import app as coach_app
from coach.ui.player.main_window import MainWindow

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is self.window:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        print("painted", len(self.window.findChildren(QWidget)), flush=True)
        coach_app.application().quit()

first = FirstFrame()
show = MainWindow.show
def watched_show(window):
    first.window = window
    window.installEventFilter(first)
    show(window)
MainWindow.show = watched_show
sys.exit(coach_app.run_app())
"""

# The same start with process_time() marks around each step of run_app (its module-level
# helpers are wrapped): the CPU time per stage, comparable under load where wall time is not.
CPU_CHILD = r"""
import time
marks = [("python", time.process_time())]
# As the `coach` command does before it loads Qt (coach/cli.py); a --before tree may not.
try:
    from coach.gui_start import before_qt
except ImportError:
    pass
else:
    before_qt()
marks.append(("Qt-free modules first (gui_start)", time.process_time()))
import PySide6.QtWidgets
marks.append(("import PySide6.QtWidgets", time.process_time()))
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from coach.ui import app as coach_app
from coach.ui.player.main_window import MainWindow
marks.append(("import coach.ui.app", time.process_time()))

def wrap(name, label):
    real = getattr(coach_app, name)
    def marked(*args, **kwargs):
        marks.append(("settings, speech child start", time.process_time()) if name == "load_packs" else
                     (f"before {label}", time.process_time()))
        result = real(*args, **kwargs)
        marks.append((label, time.process_time()))
        return result
    setattr(coach_app, name, marked)

wrap("load_packs", "packs (pack cache)")
wrap("build_window", "the window (build_window)")
wrap("open_desk", "the worker's panel (open_desk)")

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is self.window:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        marks.append(("show() to the end of the first frame", time.process_time()))
        stages, previous = {}, 0.0
        for label, at in marks:
            if not label.startswith("before "):
                stages[label] = stages.get(label, 0.0) + (at - previous) * 1000
            previous = at
        stages["total"] = previous * 1000
        print("STAGES " + json.dumps(stages), flush=True)
        coach_app.application().quit()

import json
first = FirstFrame()
show = MainWindow.show
def watched_show(window):
    marks.append(("sheets menu, resize", time.process_time()))
    first.window = window
    window.installEventFilter(first)
    show(window)
MainWindow.show = watched_show
sys.exit(coach_app.run_app())
"""

BARE_CHILD = r"""
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
count = int(sys.argv[1])
app = QApplication(sys.argv[:1])
window = QWidget()
layout = QVBoxLayout(window)
for index in range(count - 1):
    layout.addWidget(QLabel(f"label {index}") if index % 2 else QPushButton(f"button {index}"))

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", len(window.findChildren(QWidget)) + 1,
                                                f"{time.process_time() * 1000:.1f}", flush=True),
                                          app.quit()))
        return False

first = FirstFrame()
window.installEventFilter(first)
window.resize(1280, 800)
window.show()
app.exec()
"""


_last_cpu_ms = 0.0


def time_child(code: str, *args: str, env: dict[str, str], cwd: Path | None = None) -> tuple[float, int]:
    """Seconds from spawning the child to its "painted" line, and its widget count."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env,
                             cwd=cwd)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("painted"):
            elapsed = time.perf_counter() - start
            words = line.split()
            widgets = int(words[1])
            global _last_cpu_ms
            _last_cpu_ms = float(words[2]) if len(words) > 2 else 0.0  # the bare window says its CPU time
            break
    else:
        raise RuntimeError(f"child exited with {child.wait()} before its first frame")
    for _ in child.stdout:
        pass
    child.wait()
    return elapsed, widgets


def cpu_stages(env: dict[str, str], cwd: Path | None) -> dict[str, float]:
    """CPU milliseconds of each step of one Coach start, to its first painted frame."""
    out = subprocess.run([sys.executable, "-c", CPU_CHILD], capture_output=True, text=True, env=env, cwd=cwd,
                         check=True, timeout=120).stdout
    line = next(line for line in out.splitlines() if line.startswith("STAGES "))
    return dict(json.loads(line[len("STAGES "):]))


def bench_start(runs: int, before: Path | None = None, cpu: bool = False) -> list[Row]:
    """Coach's start and the bare window's, interleaved run by run.

    With `before` (another source tree, e.g. a worktree of an older commit), that tree's
    Coach and its own bare window are timed in the same runs, interleaved with these.
    """
    sides = [("", None)] + ([(f", before ({before.name})", before)] if before is not None else [])
    with tempfile.TemporaryDirectory(prefix="coach-bench-start-") as scratch:
        envs, cwds = [], []
        for index, (_label, tree) in enumerate(sides):
            home = Path(scratch) / f"home-{index}"  # each tree its own caches: they would evict each other's
            env = {**os.environ, "COACH_HOME": str(home), "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]}
            if tree is not None:  # `python -c` looks in its working folder first, then PYTHONPATH
                env["PYTHONPATH"] = str(tree.resolve())
            cwds.append(tree.resolve() if tree is not None else None)
            # An installed Coach has its bytecode compiled (pip does it); a sandbox that sets
            # PYTHONDONTWRITEBYTECODE would make every start compile every module.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            _, widgets = time_child(COACH_CHILD, env=env, cwd=cwds[-1])  # fills the caches, warms the OS cache
            time_child(BARE_CHILD, str(widgets), env=env)
            envs.append(env)
        coach: list[list[float]] = [[] for _ in sides]
        bare: list[list[float]] = [[] for _ in sides]
        ratios: list[list[float]] = [[] for _ in sides]
        counts = [0 for _ in sides]
        stages: list[dict[str, list[float]]] = [{} for _ in sides]
        bare_cpu: list[list[float]] = [[] for _ in sides]
        for _ in range(runs):
            for index, env in enumerate(envs):
                coach_s, counts[index] = time_child(COACH_CHILD, env=env, cwd=cwds[index])
                bare_s, _count = time_child(BARE_CHILD, str(counts[index]), env=env)
                if cpu:
                    bare_cpu[index].append(_last_cpu_ms / 1000)
                coach[index].append(coach_s)
                bare[index].append(bare_s)
                ratios[index].append(coach_s / bare_s)
                if cpu:
                    for stage, ms in cpu_stages(env, cwds[index]).items():
                        stages[index].setdefault(stage, []).append(ms / 1000)
    rows = []
    for index, (label, _tree) in enumerate(sides):
        ratio = statistics.median(coach[index]) / statistics.median(bare[index])
        rows += [
            Row(f"start-up to first painted frame, Coach{label} ({counts[index]} widgets)", coach[index]),
            Row(f"start-up to first painted frame, bare window ({counts[index]} widgets)", bare[index]),
            Row(f"start-up ratio, run by run{label}", ratios[index],
                f"median of medians {ratio:.2f}; target <= 2", unit="x"),
        ]
        rows += [Row(f"  CPU{label}: {stage}", values) for stage, values in stages[index].items()]
        if cpu:
            rows.append(Row(f"  CPU{label}: bare window, to its first frame", bare_cpu[index]))
    return rows


def bench_desk(home: Path, runs: int, packs: int) -> list[Row]:
    """Next step, language switch, picker choice and level click with everything on."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desk_scene import Desk

    scene = Desk(home)
    window, clock, panel = scene.window, scene.clock, scene.desk.panel
    pack_id, lesson_id = scene.lesson()
    steps, switches, picks, levels = [], [], [], []
    cpu: dict[str, list[float]] = {"steps": [], "switches": [], "picks": [], "levels": []}

    def timed(kind: str, action) -> float:
        """Seconds to the painted frame, noting the GUI thread's CPU time for it (its events
        drained): on a shared machine the wall time also holds the other processes' turns."""
        start = time.thread_time()
        seconds = until_painted(clock, action)
        cpu[kind].append(time.thread_time() - start)
        return seconds

    def press(widget, key=Qt.Key.Key_Space) -> None:
        """As a keyboard does: through the window (its filters, shortcuts), to the focused widget."""
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClick(window.windowHandle(), key)

    def click(widget) -> None:
        """As a mouse does: a press and release on the window, where the widget is."""
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         widget.mapTo(window, widget.rect().center()))

    for run in range(runs):
        window.open_lesson(pack_id, lesson_id)
        drain()
        count = len(window.lesson.lesson.steps)
        for _ in range(count - 1):
            steps.append(timed("steps", lambda: press(window.lesson.next_button)))
        for tag in ("ar", "fr"):
            switches.append(timed("switches", lambda tag=tag: window.set_client_language(tag)))
        box = panel.visit.skill_levels[0] if panel.visit.skill_levels else None
        if box is not None:
            level = run % 4
            levels.append(timed("levels", lambda: click(box.buttons[level])))
        for tag in ("ar", "fr"):
            window.show_languages()
            reading_time(panel)
            button = next(b for b in window.picker.buttons if b.language.tag == tag)
            picks.append(timed("picks", lambda button=button: press(button)))
    scene.close()
    target = "target <= 16 ms"
    label = f"{packs} packs"
    return [
        Row(f"next step, Space to painted ({label})", steps, target),
        Row(f"language switch fr<->ar, lesson on screen ({label})", switches, target),
        Row(f"language chosen on the picker, Space to painted library ({label})", picks, target),
        Row(f"level click to repainted panel ({label})", levels, target),
        Row(f"  GUI-thread CPU: next step ({label})", cpu["steps"]),
        Row(f"  GUI-thread CPU: language switch ({label})", cpu["switches"]),
        Row(f"  GUI-thread CPU: language chosen on the picker ({label})", cpu["picks"]),
        Row(f"  GUI-thread CPU: level click ({label})", cpu["levels"]),
    ]


READING_MS = 300
"""How long the picker is on screen before the press: the person reads it (a second or more)."""


def reading_time(panel) -> None:
    """Let the desk settle as it does while the person reads the picker before choosing.

    Without it the press came 1 ms after the picker was shown, and the first pick of each
    run was also charged what the level click before it left for later (a re-layout of
    the panel's visit page and chart, 4-7 ms) and the rest of the picker's own layout.
    """
    from PySide6.QtTest import QTest

    from ui_clock import wait_until

    wait_until(lambda: not panel.access.busy, what="the records thread")
    QTest.qWait(READING_MS)


def desk_child(home: str, runs: int, packs: int, as_json: bool = False) -> None:
    """One packs count in its own process (a fresh QApplication, its own COACH_HOME)."""
    rows = bench_desk(Path(home), runs, packs)
    if as_json:
        import coach

        print("SAMPLES " + json.dumps({row.name: row.samples for row in rows}), flush=True)
        print("COACH " + str(Path(coach.__file__).resolve().parent.parent), flush=True)
    else:
        print_rows(f"desk, {packs} packs", rows)


def run_desk_against(scratch: Path, before: Path, rounds: int, runs: int, packs: int, clients: int,
                     ratings: int) -> str:
    """The desk with Coach from `before` (another checkout) and from this tree, processes interleaved.

    Both sides run this file's scene and clock; only the `coach` package differs
    (COACH_BENCH_TREE, read by desk_scene.py); each child says which one it imported.
    """
    from desk_scene import desk_home, warm_pack_cache

    home = scratch / f"desk-{packs}"
    desk_home(home, packs, clients, ratings)
    sides = {"before": before.resolve(), "after": HERE.parent}
    # Each side opens its own copy, made afresh: a newer Coach migrates the records it
    # opens (schema 9 did), and an older one then cannot unlock them. The records are
    # written by this tree's generator, so both sides must read its schema.
    homes = {side: scratch / f"desk-{packs}-{side}" for side in sides}
    for side_home in homes.values():
        shutil.rmtree(side_home, ignore_errors=True)
        shutil.copytree(home, side_home, symlinks=True)
        warm_pack_cache(side_home)
    samples: dict[str, dict[str, list[float]]] = {side: {} for side in sides}
    loads = []
    for _round in range(rounds):
        for side, tree in sides.items():
            env = {**os.environ, "PYTHONPATH": str(tree), "COACH_BENCH_TREE": str(tree)}
            out = subprocess.run([sys.executable, __file__, "--desk-child", str(homes[side]), str(runs), str(packs),
                                  "json"],
                                 check=True, capture_output=True, text=True, env=env, cwd=tree).stdout
            line = next(line for line in out.splitlines() if line.startswith("SAMPLES "))
            used = next(line for line in out.splitlines() if line.startswith("COACH "))[len("COACH "):]
            if Path(used) != tree:
                raise RuntimeError(f"the {side} side imported coach from {used}, not {tree}")
            for name, values in json.loads(line[len("SAMPLES "):]).items():
                samples[side].setdefault(name, []).extend(values)
            loads.append(os.getloadavg()[0])
    rows = [Row(f"{name} [{side}]", values, "target <= 16 ms")
            for name in samples["after"] for side in sides for values in [samples[side].get(name, [])]]
    rows = [Row(row.name, row.samples, row.target if "CPU" not in row.name else "") for row in rows]
    title = (f"desk, {packs} packs, before = {before} / after = this tree, {rounds} rounds interleaved, "
             f"load average {min(loads):.1f}-{max(loads):.1f}")
    return print_rows(title, rows)


def run_desk(scratch: Path, runs: int, packs: int, clients: int, ratings: int) -> str:
    from desk_scene import desk_home, warm_pack_cache

    home = scratch / f"desk-{packs}"
    desk_home(home, packs, clients, ratings)
    warm_pack_cache(home)
    out = subprocess.run([sys.executable, __file__, "--desk-child", str(home), str(runs), str(packs)],
                         check=True, capture_output=True, text=True).stdout
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the client's window to the painted frame.")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--packs", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--ratings", type=int, default=500_000)
    parser.add_argument("--only", choices=("start", "desk"))
    parser.add_argument("--before", type=Path, help="another source tree whose start-up is timed in the same runs")
    parser.add_argument("--cpu", action="store_true",
                        help="start-up: also each run's CPU time per step of run_app (process_time marks)")
    parser.add_argument("--against", type=Path, metavar="TREE",
                        help="the desk part only: Coach from TREE (a checkout) against this tree, interleaved")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: processes per side")
    parser.add_argument("--homes", type=Path, metavar="FOLDER",
                        help="keep the desk's generated COACH_HOMEs (packs, records) in FOLDER and reuse them "
                             "in later runs (default: a temporary folder, generated again each run)")
    parser.add_argument("--desk-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.desk_child:
        home, runs, packs, *json_out = args.desk_child
        desk_child(home, int(runs), int(packs), as_json=bool(json_out))
        return 0
    if args.against:
        print(machine(), flush=True)
        with _homes(args.homes) as scratch:
            for packs in args.packs:
                run_desk_against(scratch, args.against, args.rounds, args.runs, packs, args.clients, args.ratings)
        return 0
    print(machine(), flush=True)
    if args.only != "desk":
        print_rows("start-up", bench_start(args.runs, args.before, args.cpu))
    if args.only != "start":
        with _homes(args.homes) as scratch:
            for packs in args.packs:
                print(run_desk(scratch, args.runs, packs, args.clients, args.ratings), flush=True)
    return 0


@contextlib.contextmanager
def _homes(folder: Path | None) -> Iterator[Path]:
    """Where the desk's COACH_HOMEs are made: `folder` (kept), else a temporary folder."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="coach-bench-desk-") as scratch:
        yield Path(scratch)


if __name__ == "__main__":
    raise SystemExit(main())
