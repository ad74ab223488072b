"""Client search as the worker types it: from each key press to the result list drawn.

    .venv/bin/python bench/bench_search.py                         # 1,000, 10,000 and 50,000 clients
    .venv/bin/python bench/bench_search.py --clients 1000 --runs 5  # the quick run

Target (issue 13): ≤ 20 ms at every scale, median. The real window and worker's panel
(offscreen) unlock a records file made by bench_records.generate (50 ratings per
client); then, on the panel's "Start a visit" page, the bench types into the search
field one key at a time with QTest, as a person does: three letters of a pseudonym
("typed"), a client's code, and three letters nobody's name holds ("no match", the
whole table looked at). The clock starts at the key press and stops when the panel
has shown the answer for that text and the result list is repainted, so any debounce
of the search field, the records thread's round trip, the query and the drawing are
all inside it. Each key waits for its answer before the next one. Prints median, min
and max per scale and kind.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_gui_block import run_until  # noqa: E402
from bench_records import PASS, generate  # noqa: E402


def measure(clients: int, runs: int, rng: random.Random) -> dict[str, list[float]]:
    """Per kind of search, the ms from each key press to its drawn answer, at `clients` clients."""
    from PySide6.QtTest import QTest

    from coach.records import Records
    from coach.settings import Settings
    from coach.ui.app import application, build_window, load_packs
    from coach.ui.visit_desk import VisitDesk

    home = Path(tempfile.mkdtemp(prefix=f"coach-bench-search-{clients}-"))
    path = home / "records.db"
    generate(path, clients, clients * 50)
    with Records.open(path, PASS) as records:  # what the unlock's retention sweep will leave
        records.retention_sweep(12)
        rows = records.conn.execute("SELECT pseudonym, code FROM clients WHERE anonymised = 0").fetchall()
    app = application()
    window = build_window(load_packs(), Settings(client_language="fr", auto_read=False), remember=False)
    desk = VisitDesk(window, path)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    panel = desk.panel
    panel.gate.name.setText("Bench")
    panel.gate.passphrase.setText(PASS)
    panel.gate.open_button.click()
    run_until(app, lambda: panel.unlocked and not panel.access.busy)
    start = panel.start
    shown: list[tuple[float, str, int]] = []
    original = start.show_results

    def show_and_draw(found) -> None:
        original(found)
        start.results.repaint()
        shown.append((time.perf_counter(), start.search.text(), len(found)))

    start.show_results = show_and_draw  # type: ignore[method-assign]
    figures: dict[str, list[float]] = {"typed (3 letters)": [], "code": [], "no match": []}
    found: dict[str, list[int]] = {kind: [] for kind in figures}
    for _run in range(runs):
        pseudonym, code = rng.choice(rows)
        for kind, text in (("typed (3 letters)", pseudonym[1:4]), ("code", code), ("no match", "qqx")):
            start.search.clear()
            run_until(app, lambda: not panel.access.busy and not start.results.isVisible())
            app.processEvents()
            start.search.setFocus()
            for key in text:
                before = len(shown)
                pressed = time.perf_counter()
                QTest.keyClicks(start.search, key)
                run_until(app, lambda: len(shown) > before and shown[-1][1] == start.search.text(), 30)
                figures[kind].append((shown[-1][0] - pressed) * 1000)
            found[kind].append(shown[-1][2])
    assert all(found["typed (3 letters)"]) and all(found["code"]), f"searches must find clients: {found}"
    assert not any(found["no match"]), found
    desk.close()
    window.close()
    window.deleteLater()
    app.processEvents()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", default="1000,10000,50000", help="comma-separated scales")
    parser.add_argument("--runs", type=int, default=11)
    options = parser.parse_args()
    os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-search-home-")
    rng = random.Random(3)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"{'key press to the drawn answer':30} {'median':>8} {'min':>8} {'max':>8}  (ms, every key of {options.runs}"
          " searches; target 20 ms)")
    for clients in (int(part) for part in options.clients.split(",")):
        for kind, values in measure(clients, options.runs, rng).items():
            print(f"{clients:>7,} clients, {kind:17} {statistics.median(values):8.1f} {min(values):8.1f}"
                  f" {max(values):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
