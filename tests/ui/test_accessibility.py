"""Every control has an accessible name and description, and is big enough for a finger."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication
from ui_helpers import SCREENS, show, visible_children

from coach.settings import Settings
from coach.ui.theme import MIN_TOUCH


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("screen", SCREENS)
def test_controls_are_named_described_and_large(qtbot, make_window, screen: str, language: str) -> None:
    """Each visible button of each screen and of the top bar has a name, a description and 48 px."""
    window = make_window(Settings(client_language=language))
    page = show(window, screen)
    buttons = visible_children(page, QAbstractButton) + visible_children(window.top_bar, QAbstractButton)
    assert buttons
    for button in buttons:
        label = button.text() or button.objectName()
        assert button.accessibleName(), f"{label} has no accessible name"
        assert button.accessibleDescription(), f"{label} has no accessible description"
        assert button.width() >= MIN_TOUCH and button.height() >= MIN_TOUCH, f"{label} is {button.size()}"


def test_pictures_are_described(qtbot, make_window) -> None:
    """The step picture carries the step's picture description for screen readers."""
    window = make_window()
    window.open_lesson("demo", window.library.tiles()[0].lesson.id)
    lesson = window.lesson
    expected = lesson.pack.translate(lesson.step.picture_description, "fr")
    assert lesson.picture.accessibleDescription() == expected
    assert lesson.picture.has_picture()
    QApplication.processEvents()


def test_a_scroll_area_answers_a_stale_child_index_with_nothing(qtbot) -> None:
    """A screen reader asking for a child the scroll area no longer has gets none (Qt's crashed).

    Qt's own interface indexes its children unchecked: a reader that counted the vertical
    scroll bar before it hid took the application down (seen through AT-SPI, opening a lesson).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel, QScrollArea

    from coach.ui import accessibility

    accessibility.install()
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    area.setWidget(QLabel("text"))
    area.show()
    QApplication.processEvents()
    interface = QAccessible.queryAccessibleInterface(area)
    assert interface.childCount() == 2  # the viewport, the vertical bar's container
    viewport = interface.child(0)
    assert viewport.object() is area.viewport()
    assert interface.indexOfChild(viewport) == 0
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QApplication.processEvents()
    assert interface.childCount() == 1
    assert interface.child(1) is None
    assert interface.child(-1) is None
