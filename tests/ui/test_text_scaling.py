"""Text grows to 200 % and the layouts reflow: nothing is clipped, nothing needs sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
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
