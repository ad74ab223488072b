"""F6 and Shift+F6 move the keyboard between the top bar, the page and the worker's panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.settings import Settings


def test_f6_goes_top_bar_page_panel_and_back_to_where_the_focus_was(qtbot, make_desk) -> None:
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))
    window, panel = desk.window, desk.panel
    window.open_lesson("demo", "call-someone")
    start = QApplication.focusWidget()
    assert window.lesson.isAncestorOf(start)
    qtbot.keyClick(start, Qt.Key.Key_F6)
    assert panel.isAncestorOf(QApplication.focusWidget()), "the page, then the panel"
    in_panel = QApplication.focusWidget()
    qtbot.keyClick(in_panel, Qt.Key.Key_F6)
    assert window.top_bar.isAncestorOf(QApplication.focusWidget()), "then round to the top bar"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is start, "the page's control that had the focus"
    qtbot.keyClick(start, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.top_bar.isAncestorOf(QApplication.focusWidget()), "Shift+F6 goes back"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is in_panel


def test_f6_skips_the_panel_when_it_is_hidden(qtbot, make_desk) -> None:
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))
    window = desk.window
    desk.toggle.click()
    assert not desk.panel.isVisible()
    window.open_lesson("demo", "call-someone")
    start = QApplication.focusWidget()
    qtbot.keyClick(start, Qt.Key.Key_F6)
    assert window.top_bar.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is start
