"""The visit desk sees the worker's input on every window of the application (the idle lock).

It filters the windows, not the application: an application-wide filter ran Python for
each of the ~1,400 events of a language switch. Keys are sent through the window here,
as a keyboard sends them (tests/ui/test_side_panel.py does so for the level keys).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from coach.settings import Settings


def test_typing_in_a_modal_dialog_is_activity(qtbot, make_desk) -> None:
    """A worker typing in a modal dialog is not idle: the records must not lock under them."""
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))
    box = QMessageBox(desk.window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setText("?")
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is box.windowHandle())
    desk._last_input = 0.0
    QTest.keyClick(box.windowHandle(), Qt.Key.Key_A)
    assert desk._last_input > 0.0
    box.close()

