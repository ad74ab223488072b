"""How long a worker waits for a take-home sheet: a 10-step lesson as PDF, in fr, ar and ti.

    .venv/bin/python bench/bench_handouts.py            # 15 runs per language
    .venv/bin/python bench/bench_handouts.py --runs 31

Times what the worker waits for after "Save as PDF": building the sheet (pictures
read from the pack, QR codes encoded) and drawing it into an A4 PDF on disk, on the
background thread that the app uses for it. The languages are interleaved run by
run, so the shared machine's noise falls on all of them alike. Prints median, min
and max per language (docs/performance.md, "Take-home sheets").
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from coach.domain.pack import Lesson  # noqa: E402
from coach.handouts.desk import Desk  # noqa: E402
from coach.handouts.lesson_sheet import lesson_sheet  # noqa: E402
from coach.handouts.qr import qr_code  # noqa: E402
from coach.packs.loader import load_pack  # noqa: E402
from coach.ui.handouts.render import write_sheet_pdf  # noqa: E402

PACK = REPO / "tests" / "data" / "packs" / "handouts"
DESK = Desk("Centre social Jean Macé", "12 rue des Lilas\n75011 Paris", "Lundi au vendredi, 9 h - 12 h", "FR")


def ten_steps():
    pack = load_pack(PACK).pack
    base = pack.lesson("call")
    steps = tuple(replace(base.steps[i % len(base.steps)], id=f"s{i}") for i in range(10))
    return pack, Lesson(base.id, base.title, base.icon, base.skills, steps, base.links)


def once(pack, lesson, language: str, folder: Path, cold: bool = True) -> tuple[float, int]:
    """One sheet made and written on a background thread; seconds from request to file on disk.

    `cold`: the QR codes are encoded anew (the first sheet of a lesson); else they come
    from the cache, as for every later sheet with the same links.
    """
    result: dict = {}
    if cold:
        qr_code.cache_clear()

    def work() -> None:
        sheet = lesson_sheet(pack, lesson, language, "fr" if language != "fr" else None, DESK)
        result["pages"] = write_sheet_pdf(sheet, folder / f"sheet-{language}.pdf")

    start = time.perf_counter()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return time.perf_counter() - start, result["pages"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QGuiApplication(["bench"])  # noqa: F841 (fonts need one)
    pack, lesson = ten_steps()
    languages = ("fr", "ar", "ti")
    cases = [(tag, cold) for tag in languages for cold in (True, False)]
    times: dict[tuple[str, bool], list[float]] = {case: [] for case in cases}
    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for tag in languages:  # warm-up: fonts loaded
            once(pack, lesson, tag, Path(folder))
        for _run in range(args.runs):
            for tag, cold in cases:
                seconds, pages[tag] = once(pack, lesson, tag, Path(folder), cold)
                times[(tag, cold)].append(seconds * 1000)
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"{args.runs} runs; a 10-step sheet (worker's French under each step except in fr), 3 QR codes")
    for tag, cold in cases:
        values = times[(tag, cold)]
        print(f"{tag} {'first sheet (QR encoded)' if cold else 'again (QR cached)    '}: {pages[tag]} pages  "
              f"median {statistics.median(values):.0f} ms  min {min(values):.0f} ms  max {max(values):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
