"""What `coach` does before it loads Qt, so that the window's first frame comes sooner.

- Python's cyclic collector rests until the first frame (coach/collector.py).
- The Qt-free modules the window needs are imported first. PySide6 reads the source of
  every module imported after it (its `__feature__` import hook looks for "PySide6" in
  each): for Coach's 36 Qt-free modules and the standard library's they bring, about
  11 ms of CPU in a 230 ms start (docs/performance.md, "Start-up, third pass").
  tests/ui/test_start_lazy.py checks that the window brings no other of Coach's
  Qt-free modules after these.
"""

from __future__ import annotations

from importlib import import_module

from coach.collector import rest_during_start

QT_FREE_FIRST = (
    "coach.packs.loader", "coach.settings", "coach.values", "coach.paths",
    "coach.i18n.languages", "coach.i18n.ui_strings", "coach.domain.autonomy",
    "coach.domain.rules", "coach.speech.cache", "coach.speech.protocol",
    "coach.records.errors", "coach.records.private", "logging", "gettext", "queue",
)


def before_qt() -> None:
    """Call before anything imports PySide6."""
    rest_during_start()
    for name in QT_FREE_FIRST:
        import_module(name)
