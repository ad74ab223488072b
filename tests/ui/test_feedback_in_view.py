"""The hint or the praise is on screen even when the practice form is taller than its place."""

from __future__ import annotations


import pytest
from ui_helpers import builtin_library
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from coach.packs.loader import Library
from coach.settings import Settings
from coach.ui.player.exercises.type_in import TypeInView


@pytest.fixture(scope="module")
def services(tmp_path_factory) -> Library:
    return builtin_library(tmp_path_factory, "public-services")


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def in_view(view: TypeInView) -> bool:
    """The whole feedback box lies inside the visible part of the exercise's scroll area."""
    port = view.scroll_area.viewport()
    top = view.feedback_box.mapTo(port, QPoint(0, 0)).y()
    return top >= 0 and top + view.feedback_box.height() <= port.height()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_hint_and_the_praise_scroll_into_view(qtbot, services, speech, lang: str) -> None:
    from coach.ui.player.main_window import MainWindow

    window = MainWindow(list(services.packs), [], Settings(client_language=lang, auto_read=False), speech=speech)
    qtbot.addWidget(window)
    window.resize(1280, 640)
    window.show()
    qtbot.waitExposed(window)
    window.open_lesson("public-services", "fill-form", 9)
    settle()
    view = window.lesson.exercise
    assert isinstance(view, TypeInView)
    assert view.scroll_area.verticalScrollBar().maximum() > 0, "the form must be taller than its place here"
    view.inputs["last-name"].edit.insert("Diallo")
    view.inputs["first-name"].edit.insert("Awa")
    view.inputs["birth-date"].edit.insert("5 mars")
    QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.feedback_text() != "" and in_view(view), timeout=3000)
    view.inputs["birth-date"].edit.clear()
    view.inputs["birth-date"].edit.insert("05 03 1980")
    view.scroll_area.verticalScrollBar().setValue(0)
    QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)
    assert view.done
    qtbot.waitUntil(lambda: in_view(view), timeout=3000)
