"""Start-up builds and loads only what the first frame shows; what comes later looks and walks the same.

The heavy modules (speech audio, records, the chart, the network, the sheets, the
exercises, the pack readers, the worker's dialogs) are loaded when first used or after
the first frame, never before it. A
screen built late is in the Tab order where it would have been (after the top bar,
before the worker's panel) and takes the window's look.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from coach.paths import app_dirs
from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.theme import colours

HEAVY = ("PySide6.QtMultimedia", "PySide6.QtNetwork", "PySide6.QtCharts", "sqlcipher3", "babel",
         "coach.records.store", "coach.handouts.sheet", "coach.ui.handouts.dialog", "coach.packs.install",
         "coach.ui.player.lesson_view", "coach.ui.player.exercises", "coach.ui.panel.stats_dialog",
         # packs all taken from the pack cache: no pack reader, TOML or XML (the icons are checked by the tests)
         "coach.packs.reading", "tomllib", "xml.etree.ElementTree", "coach.ui.worker_dialogs",
         "coach.ui.language_warmup", "PySide6.QtDBus", "coach.ui.screen_reader",
         "coach.domain.exercises",  # a lesson's steps are decoded from the pack cache when it opens
         "_hashlib",  # OpenSSL: coach.digests has the pack cache's and reader's digests without it
         "coach.visit", "coach.packs.easy_read",  # the panel's visit and the reader's sentence rules: when used
         "coach.ui.panel.handouts_menu")  # the sheets join the worker's menu after the frame

# `coach`'s own start (run_app) in a child process; at the first painted frame of the
# window it prints which heavy modules are loaded and what the window has built, and
# once more after the frame's follow-up work has run.
CHILD = r"""
import gc, json, sys
from coach.gui_start import before_qt
before_qt()  # as `coach` does before Qt loads
from PySide6.QtCore import QEvent, QObject, QTimer
from coach.ui import app as coach_app
from coach.ui.panel.side_panel import SidePanel
from coach.ui.player.main_window import MainWindow

heavy = json.loads(sys.argv[1])

def loaded():
    return sorted(name for name in heavy if name in sys.modules)

def panel_pages(window):
    panel = window.findChild(SidePanel)
    return [name for name in ("_start", "_visit", "_lock_view") if getattr(panel, name) is not None]

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is self.window:
            watched.removeEventFilter(self)
            screens = [name for name in ("picker", "library", "lesson", "end", "packs")
                       if watched.screens.built(name) is not None]
            print("painted", json.dumps({"loaded": loaded(), "screens": screens, "panel": panel_pages(watched),
                                         "collecting": gc.isenabled()}), flush=True)
            QTimer.singleShot(50, self.after)
        return False
    def after(self):
        print("after", json.dumps({"loaded": loaded(), "panel": panel_pages(self.window),
                                   "collecting": gc.isenabled(), "frozen": gc.get_freeze_count()}), flush=True)
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


def run_start(home: Path) -> dict[str, dict]:
    env = {**os.environ, "COACH_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    ran = subprocess.run([sys.executable, "-c", CHILD, json.dumps(HEAVY)], env=env, capture_output=True,
                         text=True, timeout=300, check=True)
    return {line.split(" ", 1)[0]: json.loads(line.split(" ", 1)[1])
            for line in ran.stdout.splitlines() if line.startswith(("painted ", "after "))}


def test_the_first_frame_waits_for_no_heavy_module(coach_home: Path) -> None:
    """Records, speech audio, chart, network, sheets and lessons load when used, not before the first paint."""
    run_start(coach_home)  # the first start ever fills the pack and language-name caches
    seen = run_start(coach_home)
    assert seen["painted"]["loaded"] == []
    assert seen["painted"]["screens"] == ["picker"]  # a new visit starts on the language picker
    assert seen["painted"]["panel"] == []  # the worker's panel starts on its gate
    # Speech audio is ready before the client can press Listen: loaded right after the frame;
    # the visit page is built then too, long before a lesson shows it.
    assert "PySide6.QtMultimedia" in seen["after"]["loaded"]
    assert "coach.ui.screen_reader" in seen["after"]["loaded"]
    assert "coach.ui.panel.handouts_menu" in seen["after"]["loaded"]  # the screen-reader watch, on the bus after the frame
    assert seen["after"]["panel"] == ["_visit"]


def test_the_collector_rests_until_the_first_frame_and_then_leaves_start_up_s_objects_alone(coach_home: Path) -> None:
    """No cyclic collection walks start-up's objects before the first frame or after it (coach/collector.py)."""
    seen = run_start(coach_home)
    assert seen["painted"]["collecting"] is False
    assert seen["after"]["collecting"] is True
    assert seen["after"]["frozen"] > 20_000  # Qt's types, the packs, the widgets


def test_the_window_and_the_records_name_the_same_file() -> None:
    """The start names the records file without SQLCipher (coach.paths); the records module agrees."""
    assert app_dirs().records_file == records_path()


def test_a_screen_built_late_comes_after_the_top_bar_in_the_tab_order(qtbot, make_desk) -> None:
    """The lesson screen, first built after the worker's panel, is reached by Tab from the top bar, not after the panel."""
    desk = make_desk(Settings(client_language="fr"))
    window = desk.window
    assert window.screens.built("lesson") is None
    lesson_id = window.library.tiles()[0].lesson.id
    window.open_lesson("demo", lesson_id)
    desk.toggle.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(desk.toggle, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and window.lesson.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is desk.toggle


def test_a_screen_built_late_takes_the_window_look(qtbot, make_window) -> None:
    """Contrast, text size and the worker's text chosen before the lesson screen exists reach it when it is built."""
    window = make_window(Settings(client_language="fr"))
    window.set_high_contrast(True)
    window.set_scale(150)
    window.set_show_worker_text(True)
    assert window.screens.built("lesson") is None
    window.open_lesson("demo", window.library.tiles()[0].lesson.id)
    lesson = window.lesson
    assert lesson.phone_button.scale == 150
    assert lesson._show_worker_text
    early = make_window(Settings(client_language="fr", high_contrast=True, text_scale=150, show_worker_text=True))
    early.open_lesson("demo", early.library.tiles()[0].lesson.id)
    assert lesson.listen_button.iconSize() == early.lesson.listen_button.iconSize()
    assert lesson.dots._colour == early.lesson.dots._colour == QColor(colours(True).accent)


def test_a_start_refused_leaves_the_collector_working(capsys) -> None:
    """`coach --lang` with an unknown tag returns before any frame: the collector does not stay at rest."""
    from coach import cli

    assert cli.main(["--lang", "xx-nowhere"]) == 2
    assert gc.isenabled()
    gc.unfreeze()
    assert "unknown language tag" in capsys.readouterr().err


def test_the_window_brings_none_of_coach_s_qt_free_modules_after_qt() -> None:
    """PySide6 reads the source of each module imported after it: the window's Qt-free ones come first (gui_start)."""
    probe = ("import sys\n"
             "from coach.gui_start import before_qt\n"
             "before_qt()\n"
             "first = set(sys.modules)\n"
             "import coach.ui.app\n"
             "late = set(sys.modules) - first\n"
             "print(sorted(m for m in late if m.startswith('coach.') and not m.startswith('coach.ui')))")
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert ran.stdout.strip() == "[]", f"add these to coach.gui_start.QT_FREE_FIRST: {ran.stdout.strip()}"
