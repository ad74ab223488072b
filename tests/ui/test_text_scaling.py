"""Text grows to 200 % and the layouts reflow: nothing is clipped, nothing needs sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from ui_helpers import SCREENS, clipped, show

from coach.settings import Settings


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("screen", SCREENS)
def test_nothing_is_clipped_at_200_percent(qtbot, make_window, screen: str, language: str) -> None:
    """At 200 % text in a 1280x800 window, every control and text of every screen fits."""
    window = make_window(Settings(client_language=language, text_scale=200, show_worker_text=True))
    page = show(window, screen)
    assert clipped(window.top_bar) == []
    assert clipped(page) == []


def test_ctrl_plus_and_minus_scale_the_text(qtbot, make_window) -> None:
    """Ctrl++ grows the text step by step to 200 %, Ctrl+- shrinks it, Ctrl+0 resets it."""
    window = make_window()
    window.open_lesson("demo", window.library.tiles()[0].lesson.id)
    before = window.lesson.text.fontInfo().pixelSize()
    for _ in range(6):
        qtbot.keyClick(window, "=", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.settings.text_scale == 200
    assert window.lesson.text.fontInfo().pixelSize() >= before * 1.9
    qtbot.keyClick(window, "-", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.settings.text_scale == 175
    qtbot.keyClick(window, "0", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.settings.text_scale == 100


def test_high_contrast_theme(qtbot, make_window) -> None:
    """The contrast button switches to white on black and back."""
    window = make_window()
    window.contrast_button.click()
    assert window.settings.high_contrast
    assert QApplication.palette().window().color().name() == "#000000"
    assert "#ffffff" in QApplication.instance().styleSheet()
    window.contrast_button.click()
    assert QApplication.palette().window().color().name() != "#000000"


@pytest.mark.parametrize("language", ["fr", "de", "es", "uk", "ar", "fa", "ti"])
def test_the_top_bar_stays_on_one_row_beside_the_panel(qtbot, make_window, language: str) -> None:
    """At 200 % with the worker's panel open (1280×800), the top bar is one row in every language:
    at 150 % growth its buttons took two rows in German, Spanish and Ukrainian, 80 px of the step."""
    from coach.records.store import records_path
    from coach.ui.visit_desk import VisitDesk

    window = make_window(Settings(client_language=language, worker_language="fr", text_scale=200, auto_read=False))
    desk = VisitDesk(window, records_path())
    try:
        show(window, "lesson")
        assert desk.panel.isVisible()
        buttons = [b for b in window.top_bar.findChildren(QAbstractButton) if b.isVisible()]
        tallest = max(b.height() for b in buttons)
        assert window.top_bar.height() < 2 * tallest, f"{window.top_bar.height()} px for buttons {tallest} px high"
    finally:
        desk.close()
