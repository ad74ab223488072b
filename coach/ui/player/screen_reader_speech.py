"""One voice for each step when a screen reader runs: Coach's or the screen reader's.

A step is announced to assistive technology and, with "Read each step aloud" on, read by
Coach's voice too: Orca's user heard it twice, in two voices at once. While a screen
reader says it is running (ScreenReaderWatch), the screen reader reads the step (the
announcement) and Coach does not read it by itself; Listen still reads it in Coach's
voice (slower, recorded audio). The worker's menu offers the other way for a client who
needs Coach's voice (a language the screen reader has no voice for, a pack's recordings):
Coach reads, and the announcement says only the step's number. The consent question and
the client's record follow the same rule on arrival (coach/ui/visit_desk.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from coach.ui.first_frame import after_first_frame

if TYPE_CHECKING:
    from coach.ui.player.main_window import MainWindow
    from coach.ui.screen_reader import ScreenReaderWatch


class ScreenReaderSpeech(QObject):
    """The worker's menu entry and the rule above, for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.watch: ScreenReaderWatch | None = None
        self.action = QAction(window.worker_menu, checkable=True)
        self.action.setChecked(window.settings.voice_with_screen_reader)
        self.action.toggled.connect(self._toggled)
        window.worker_menu.addAction(self.action)  # right after "Read each step aloud…"
        window.languages.worker_changed.connect(lambda _tag: self.retranslate())
        self.retranslate()
        # QtDBus and the bus call wait until the window is painted (a zero timer ran before the
        # first paint: the first event-loop pass handles timers before the window's update).
        after_first_frame(window, self._watch)

    def _watch(self) -> None:
        from coach.ui.screen_reader import ScreenReaderWatch

        self.watch = ScreenReaderWatch(self)
        self.watch.changed.connect(lambda _active: self.apply())
        self.apply()

    @property
    def screen_reader_reads(self) -> bool:
        return self.watch is not None and self.watch.active and not self._window.settings.voice_with_screen_reader

    def _toggled(self, on: bool) -> None:
        if on != self._window.settings.voice_with_screen_reader:
            self._window.update_settings(voice_with_screen_reader=on)
        self.apply()

    def apply(self) -> None:
        """Tell the lesson screen, if it is built (it asks `screen_reader_reads` when it is)."""
        lesson = self._window.screens.built("lesson")
        if lesson is not None:
            lesson.screen_reader_reads = self.screen_reader_reads  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        _ = self._window.languages.worker_strings().gettext
        self.action.setText(_("With a screen reader, Coach's voice reads the steps too"))
        self.action.setToolTip(_("Off: the screen reader reads each step, and Coach reads it only on Listen."))
