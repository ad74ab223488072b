"""The library screen painted, and the memory it takes, at 10, 100 and 300 installed packs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_library_screen.py [--runs 5] [--packs 10 100 300]

Each run is a fresh process with its own COACH_HOME holding that many generated packs
(20 lessons x 8 steps x 10 languages each, bench/generate_packs.py) beside the built-in
ones, the pack cache warm (as at every start after the first). It loads the packs
(`load_library`, timed apart), then builds the window and the worker's panel and shows
the library: "painted" is from the loaded library to the end of the first frame of the
window (bench/ui_clock.py). Then the library is scrolled to its end (the End key in its
scroll area) and that frame is timed too. Peak memory is the process's own peak (VmHWM) at the
end. Packs counts are interleaved run by run.

Target (issue 13): library screen <= 300 ms, <= 250 MB at 100 packs / 2,000 lessons.
Prints median, min and max; nothing here is a test assertion.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui_clock import Row, machine, print_rows  # noqa: E402


def child(home: str) -> None:
    """One run in this fresh process; prints its figures as JSON."""
    os.environ["COACH_HOME"] = home
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from coach.records.store import records_path
    from coach.settings import Settings
    from coach.ui.app import application, build_window, load_packs
    from coach.ui.visit_desk import VisitDesk
    from ui_clock import FrameClock, drain, peak_rss_mb, until_painted, wait_until

    app = application()
    started = time.perf_counter()
    library = load_packs()
    loaded = time.perf_counter()
    window = build_window(library, Settings(client_language="fr", worker_language="fr"), remember=False)
    desk = VisitDesk(window, records_path())
    window.resize(1280, 800)
    clock = FrameClock(window)
    window.show()
    window.activateWindow()
    wait_until(lambda: bool(clock.frames), what="the first frame")
    painted = clock.frames[0]
    drain()
    area = window.library.scroll_area

    def to_end() -> None:
        area.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClick(area, Qt.Key.Key_End)

    scrolled = until_painted(clock, to_end)
    lessons = sum(len(p.lessons) for p in library.packs)
    print(json.dumps({"load": loaded - started, "painted": painted - loaded, "scrolled": scrolled,
                      "rss": peak_rss_mb(), "lessons": lessons, "packs": len(library.packs)}))
    desk.close()
    window.close()
    app.processEvents()


def run_child(home: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(home)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def prepare(scratch: Path, packs: int) -> Path:
    from desk_scene import desk_home, warm_pack_cache

    home = scratch / f"library-{packs}"
    desk_home(home, packs, clients=0, ratings=0)
    warm_pack_cache(home)
    return home


def bench(scratch: Path, runs: int, counts: list[int]) -> list[Row]:
    homes = {count: prepare(scratch, count) for count in counts}
    for home in homes.values():
        run_child(home)  # one unmeasured run each: the OS file cache, the name cache
    results: dict[int, list[dict[str, float]]] = {count: [] for count in counts}
    for _ in range(runs):
        for count, home in homes.items():
            results[count].append(run_child(home))
    rows = []
    for count in counts:
        runs_of = results[count]
        lessons = int(runs_of[0]["lessons"])
        label = f"{count} packs, {lessons} lessons"
        rows += [
            Row(f"load_library, warm cache ({label})", [r["load"] for r in runs_of]),
            Row(f"library screen painted after load ({label})", [r["painted"] for r in runs_of],
                "target <= 300 ms"),
            Row(f"library scrolled to its end, End to painted ({label})", [r["scrolled"] for r in runs_of],
                "target <= 16 ms"),
            Row(f"peak memory of the process ({label})", [r["rss"] for r in runs_of], "target <= 250 MB",
                unit="MB"),
        ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the library screen to the painted frame.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--packs", type=int, nargs="+", default=[10, 100, 300])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="coach-bench-library-") as scratch:
        print_rows("library screen", bench(Path(scratch), args.runs, args.packs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
