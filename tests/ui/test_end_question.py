"""The end screen's question ("How did it go?") stays beside its three faces, whatever the text size."""

from __future__ import annotations

import pytest
from ui_helpers import hidden_part

from coach.settings import Settings


@pytest.mark.parametrize("lang", ["de", "es", "ti", "ar", "fr"])
def test_the_question_is_on_screen_with_its_faces_at_200_percent_beside_the_panel(qtbot, make_desk, lang) -> None:
    """At 200 % beside the panel the end screen's texts scroll in de, es and ti; the question scrolled
    with them, its last line cut under the faces (seen in a grab of the window)."""
    desk = make_desk(Settings(client_language=lang, worker_language="fr", text_scale=200, auto_read=False))
    window = desk.window
    window.resize(1280, 800)
    window.show()
    window.open_lesson("demo", window.library.tiles()[0].lesson.id)
    window.show_end()
    end = window.end
    qtbot.waitUntil(end.isVisible)
    qtbot.wait(50)
    assert desk.panel.isVisible()
    assert hidden_part(end.question) == ""
    assert end.question.geometry().bottom() <= end.faces_row.geometry().top()
    assert not end.body.isAncestorOf(end.question)
