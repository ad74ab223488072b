"""`coach screenshot` shows the voice notice the real app would show: none where espeak-ng has a voice."""

from __future__ import annotations

import pytest

from coach.settings import Settings
from coach.speech.commands import voice_for
from coach.ui.screenshot import show_voice_notice

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_notice_where_a_voice_speaks(make_window, lang) -> None:
    """French and Arabic have espeak-ng voices: the screenshot shows no "no voice" notice."""
    assert voice_for(lang) is not None, f"espeak-ng should have a {lang} voice here"
    window = make_window(Settings(client_language=lang, auto_read=False))
    window.open_lesson("demo", "call-someone", 1)
    show_voice_notice(window)
    assert not window.lesson.notice_box.isVisible()


def test_the_notice_where_no_voice_exists(make_window) -> None:
    """Somali has no voice on this computer: the screenshot says so, as the app would."""
    assert voice_for("so") is None
    window = make_window(Settings(client_language="so", auto_read=False))
    window.open_lesson("demo", "call-someone", 1)
    show_voice_notice(window)
    assert window.lesson.notice_box.isVisible() and window.lesson.notice.text()
