"""How long the GUI thread is blocked while the panel unlocks, counts figures and exports a record.

    .venv/bin/python bench/bench_gui_block.py                  # 10,000 clients, 500,000 ratings
    .venv/bin/python bench/bench_gui_block.py --clients 1000 --ratings 50000 --runs 3

Target (shared/PRODUCT.md): the GUI thread is never blocked for more than 50 ms. A
1 ms timer runs on the GUI thread during each action, through the real window and
panel (offscreen); the longest gap between two of its ticks is how long the window
could not repaint or answer a click. Prints median, min and max over the runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_records import PASS, generate  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402


class BlockMeter:
    """The longest gap between ticks of a 1 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.longest = 0.0

    def _tick(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, gap)
        self.clock.restart()

    def __enter__(self) -> BlockMeter:
        self.longest = 0.0
        self.clock.start()
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()


def run_until(app, done, timeout_s: float = 120.0) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the records thread did not answer in time")
        app.processEvents()
        time.sleep(0.0005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--ratings", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="coach-bench-block-"))
    os.environ["COACH_HOME"] = str(home)
    from coach.records.store import records_path
    from coach.settings import Settings
    from coach.ui.app import application, build_window, load_packs
    from coach.ui.visit_desk import VisitDesk

    path = records_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    seconds = generate(path, options.clients, options.ratings)
    print(f"records: {options.clients} clients, {options.ratings} ratings, made in {seconds:.1f} s")
    app = application()
    library = load_packs()
    figures: dict[str, list[float]] = {"unlock (key, backup, retention)": [], "a year of statistics": [],
                                       "export a client's record": []}
    for run in range(options.runs):
        window = build_window(library, Settings(client_language="fr", auto_read=False), remember=False)
        desk = VisitDesk(window, path)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        panel = desk.panel
        gate = panel.gate
        gate.name.setText("Bench")
        gate.passphrase.setText(PASS)
        with BlockMeter() as meter:
            gate.open_button.click()
            run_until(app, lambda: panel.unlocked and not panel.access.busy)
        figures["unlock (key, backup, retention)"].append(meter.longest)
        from coach.ui.panel.stats_dialog import StatsDialog

        dialog = StatsDialog(window.languages, panel.access, window)
        today = date.today()
        with BlockMeter() as meter:
            dialog.save_to(home / f"figures-{run}.csv", date(today.year - 1, today.month, 1), today)
            run_until(app, lambda: not panel.access.busy)
        figures["a year of statistics"].append(meter.longest)
        panel.start_visit(1)
        run_until(app, lambda: panel.session is not None and not panel.access.busy)
        folder = home / f"export-{run}"
        folder.mkdir()
        with BlockMeter() as meter:
            panel.export_to(folder)
            run_until(app, lambda: not panel.access.busy)
        figures["export a client's record"].append(meter.longest)
        assert list(folder.glob("*.pdf")), "the export wrote its PDF"
        desk.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'longest GUI-thread block':34} {'median':>8} {'min':>8} {'max':>8}  (ms, {options.runs} runs)")
    for name, values in figures.items():
        print(f"{name:34} {statistics.median(values):8.1f} {min(values):8.1f} {max(values):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
