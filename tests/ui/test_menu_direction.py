"""The worker's menu reads in the worker's direction, whatever the client's.

The application takes the client's direction; a QMenu given the worker's direction
still painted its labels against the application's (French labels at the right edge
beside an Arabic client). Checked in pixels: where the label's ink is.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from coach.settings import Settings
from coach.ui.theme import colours


def ink_span(menu, action) -> tuple[int, int]:
    """The leftmost and rightmost columns of the action's row that are not the menu's background."""
    image = menu.grab().toImage()
    ratio = image.devicePixelRatio()
    rect = menu.actionGeometry(action)
    background = QColor(colours(False).surface)
    columns = [x for x in range(rect.left() + 4, rect.right() - 4)
               if any(image.pixelColor(round(x * ratio), round(y * ratio)) != background
                      for y in range(rect.top() + 4, rect.bottom() - 4, 2))]
    assert columns, "the label is drawn"
    return min(columns), max(columns)


@pytest.mark.parametrize("client, worker", [("ar", "fr"), ("fr", "ar")])
def test_the_worker_menu_labels_start_on_the_worker_side(make_window, client, worker) -> None:
    window = make_window(Settings(client_language=client, worker_language=worker, auto_read=False))
    menu = window.worker_menu
    window.open_worker_menu()
    for _ in range(5):
        QApplication.processEvents()
    assert menu.isVisible()
    english = next(a for a in menu.actions() if a.data() == "en")  # unchecked: the label alone on its row
    menu.setActiveAction(menu.actions()[0])  # not highlighted either
    left, right = ink_span(menu, english)
    width = menu.width()
    if worker == "fr":
        assert left < width // 4 and right < width // 2, f"'English' at {left}-{right} of {width}: left-aligned"
    else:
        assert left > width // 2 and right > width * 3 // 4, f"'English' at {left}-{right} of {width}: right-aligned"
    menu.hide()
