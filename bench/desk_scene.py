"""A help desk as the window benches need it: packs installed, records unlocked, a visit, speech on.

`desk_home(folder, packs, clients, ratings)` fills a COACH_HOME folder: `packs` generated
packs installed (beside the built-in ones), a records file of `clients` clients. `Desk`
then builds what `coach` starts (the packs loaded through the pack cache, the speech
child, the window and the worker's panel), shows it at 1280x800, unlocks the records as
a worker does (name and passphrase in the gate) and starts a visit with a known client.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# COACH_BENCH_TREE: another checkout's `coach` (bench_ui.py --against runs the same scene on both)
sys.path.insert(0, os.environ.get("COACH_BENCH_TREE") or str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui_clock import FrameClock, drain, wait_until  # noqa: E402

WORKER = "Worker 1"


def desk_home(home: Path, packs: int, clients: int, ratings: int) -> Path:
    """Fill `home` (used as COACH_HOME) once; a second call with the same folder reuses it."""
    os.environ["COACH_HOME"] = str(home)
    from coach.paths import app_dirs
    from coach.records.store import records_path

    dirs = app_dirs()
    done = home / f".bench-{packs}-{clients}-{ratings}"
    if done.exists():
        return home
    if packs:
        from generate_packs import generate

        generate(dirs.packs, packs=packs, lessons=20, steps=8, languages=10)
    if clients:
        from bench_records import generate as generate_records

        records_path().parent.mkdir(parents=True, exist_ok=True)
        generate_records(records_path(), clients, ratings)
    done.touch()
    return home


def warm_pack_cache(home: Path) -> None:
    """Load the packs once so the pack cache is filled, as at every start after the first."""
    os.environ["COACH_HOME"] = str(home)
    from coach.packs.cache import RACY_SECONDS
    from coach.paths import app_dirs
    from coach.ui.app import load_packs

    folder = app_dirs().packs
    if folder.exists():
        newest = max((max(p.stat().st_mtime, p.stat().st_ctime) for p in folder.rglob("*")), default=0)
        delay = newest + RACY_SECONDS + 0.1 - time.time()
        if delay > 0:
            time.sleep(delay)
    load_packs()


class Desk:
    """The running window and panel in this process, unlocked, a visit on, a lesson open."""

    def __init__(self, home: Path, speech_on: bool = True, unlock: bool = True) -> None:
        os.environ["COACH_HOME"] = str(home)
        try:  # the collector as run_app sets it; a tree from before coach/collector.py (--against) has none
            from coach.collector import resume_after_start, rest_during_start
        except ImportError:
            rest_during_start = resume_after_start = _as_before
        rest_during_start()
        from coach.settings import Settings
        from coach.ui.app import application, build_window, load_packs
        from coach.ui.speech_service import SpeechService
        from coach.ui.visit_desk import VisitDesk

        self.app = application()
        library = load_packs()
        self.speech = SpeechService() if speech_on else None
        if self.speech is not None:
            self.speech.start()
        settings = Settings(client_language="fr", worker_language="fr", auto_read=speech_on)
        self.window = build_window(library, settings, remember=False, speech=self.speech)
        self.desk = VisitDesk(self.window, _records_path())
        self.window.resize(1280, 800)
        self.window.show()
        self.window.activateWindow()
        drain()
        resume_after_start()  # run_app does so once the first frame is painted
        try:  # and prepares the other client languages in idle time (a tree from before does not)
            from coach.ui.app import warm_languages
        except ImportError:
            pass
        else:
            warm_languages(self.window)
        self.clock = FrameClock(self.window)
        if unlock:
            self._unlock_and_visit()

    def _unlock_and_visit(self) -> None:
        from bench_records import PASS

        panel = self.desk.panel
        gate = panel.gate
        gate.name.setText(WORKER)
        gate.passphrase.setText(PASS)
        gate.open_button.click()
        wait_until(lambda: panel.unlocked and not panel.access.busy, what="the records to unlock")
        panel.start_visit(1)
        wait_until(lambda: panel.session is not None and not panel.access.busy, what="the visit to start")

    def lesson(self) -> tuple[str, str]:
        """(pack id, lesson id): the first installed pack's first lesson, else the demo's longest."""
        installed = [p for p in self.window.packs if not p.builtin]
        pack = installed[0] if installed else self.window.pack("demo")
        assert pack is not None
        lesson = max(pack.lessons, key=lambda item: len(item.steps)) if not installed else pack.lessons[0]
        return pack.id, lesson.id

    def close(self) -> None:
        self.desk.close()
        self.window.close()
        if self.speech is not None:
            self.speech.stop()
        drain()


def _as_before() -> None:
    """What a tree without coach/collector.py does about the collector: nothing."""


def _records_path() -> Path:
    from coach.records.store import records_path

    return records_path()
