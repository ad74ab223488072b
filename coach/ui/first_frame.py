"""Work that can wait until the window's first frame is on screen.

The first frame is what the client and the worker wait for at start-up; loading speech
audio or watching every event of the application for the idle lock can come right
after it, before anyone can press anything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the frame is flushed
            self.deleteLater()
        return False


def after_first_frame(window: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once `window` has painted its first frame; now if it is already on screen."""
    if window.isVisible():
        then()
    else:
        _FirstPaint(window, then)
