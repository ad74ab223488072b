"""Benchmarks of the client's window: start-up, next step, language switch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--runs 7]

Targets (shared/PRODUCT.md): start-up at most twice a bare PySide6 window with the
same number of widgets; next step and language switch repainted within 16 ms.
Figures go to docs/performance.md; nothing here is a test assertion.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Child programs print "ready N" once the window is shown and the first event-loop
# pass (layout, first paint) is done; N is the number of widgets it holds.
COACH_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from coach.ui.app import application, build_window, load_packs
from coach.ui.visit_desk import VisitDesk
from coach.records.store import records_path
from coach.settings import Settings
app = application()
window = build_window(load_packs(), Settings(client_language="fr"), remember=False)
desk = VisitDesk(window, records_path())  # the worker's panel, as `coach` starts it
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("ready", len(window.findChildren(QWidget))), sys.stdout.flush(), app.quit()))
app.exec()
"""

BARE_CHILD = r"""
import sys
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
count = int(sys.argv[1])
app = QApplication(sys.argv[:1])
window = QWidget()
layout = QVBoxLayout(window)
for index in range(count):
    layout.addWidget(QLabel(f"label {index}") if index % 2 else QPushButton(f"button {index}"))
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("ready", len(window.findChildren(QWidget))), sys.stdout.flush(), app.quit()))
app.exec()
"""


def time_child(code: str, *args: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from process start to the child's "ready" line (exit not included)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
            objects = int(line.split()[1])
            break
    else:
        raise RuntimeError(f"child exited with {child.wait()} before it was ready")
    child.wait()
    return elapsed, objects


def bench_start(runs: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COACH_HOME": home}
        # An installed Coach has its bytecode compiled (pip does it); this sandbox sets
        # PYTHONDONTWRITEBYTECODE, which would make every start compile every module.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        time_child(COACH_CHILD, env=env)  # warm the OS file cache and the pack cache
        coach = [time_child(COACH_CHILD, env=env) for _ in range(runs)]
        objects = coach[0][1]
        bare = [time_child(BARE_CHILD, str(objects), env=env) for _ in range(runs)]
    coach_median = statistics.median(t for t, _ in coach)
    bare_median = statistics.median(t for t, _ in bare)
    print(f"start-up to interactive window: coach {coach_median * 1000:.0f} ms, "
          f"bare window with {bare[0][1]} objects {bare_median * 1000:.0f} ms, "
          f"ratio {coach_median / bare_median:.2f} (target <= 2)")


def bench_interaction(runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from coach.settings import Settings
    from coach.ui.app import application, build_window, load_packs

    app = application()
    window = build_window(load_packs(), Settings(client_language="fr"), remember=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    lesson = window.pack("demo").lessons[-1]
    steps, switches = [], []
    for _ in range(runs):
        window.open_lesson("demo", lesson.id)
        QApplication.processEvents()
        for _step in range(len(lesson.steps) - 1):
            start = time.perf_counter()
            window.lesson.next()
            window.repaint()
            steps.append(time.perf_counter() - start)
        for tag in ("ar", "fr"):
            start = time.perf_counter()
            window.set_client_language(tag)
            window.repaint()
            switches.append(time.perf_counter() - start)
    print(f"next step, to repainted window: median {statistics.median(steps) * 1000:.1f} ms, "
          f"max {max(steps) * 1000:.1f} ms over {len(steps)} (target 16 ms)")
    print(f"language switch fr<->ar, to repainted window: median {statistics.median(switches) * 1000:.1f} ms, "
          f"max {max(switches) * 1000:.1f} ms over {len(switches)} (target 16 ms)")
    window.close()
    app.quit()
    app.aboutToQuit.emit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bench_start(args.runs)
    bench_interaction(args.runs)


if __name__ == "__main__":
    main()
