"""A step's text column taller than its place (200 % text beside the worker's panel): a fade and a round
arrow at its bottom edge show that it goes on (as under a practice: coach.ui.player.more_below), the arrow
scrolls on, and the word Listen is reading comes into view when it is below the edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from ui_helpers import builtin_library, settle

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk


@pytest.fixture
def step_beside_panel(qtbot, make_window, tmp_path_factory, request):
    """The window on a step of create-account at 200 % beside the panel, in the language asked, the worker's
    line under the step's (since the step's buttons are compact there, the client's line alone fits)."""
    language, index = request.param
    window = make_window(Settings(client_language=language, worker_language="fr", text_scale=200,
                                  auto_read=False, show_worker_text=True),
                         lib=builtin_library(tmp_path_factory, "practice-portal"))
    desk = VisitDesk(window, records_path())
    window.open_lesson("practice-portal", "create-account", index)
    qtbot.wait(100)  # the layout's passes (as in test_practice_scroll)
    settle()
    yield window
    desk.close()


def arrow_in_body(body) -> QRect:
    cue = body.more_below
    return QRect(cue.arrow.mapTo(body, QPoint(0, 0)), cue.arrow.size())


@pytest.mark.parametrize("step_beside_panel", [("fr", 1), ("de", 2), ("ar", 2)], indirect=True)
def test_an_arrow_shows_that_the_step_text_goes_on_and_scrolls_on(step_beside_panel) -> None:
    """The practice step's text was cut after "mot de" with only a thin scroll bar to say more (fr); the
    practice steps' too in German (the French source, untranslated, and the worker's line) and Arabic."""
    body = step_beside_panel.lesson.body
    area, cue = body.text_area, body.more_below
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the text must be taller than its place here"
    bar.setValue(0)
    assert cue.shown() and cue.arrow.isVisible() and cue.fade.isVisible()
    arrow, column = arrow_in_body(body), area.geometry()
    assert column.contains(arrow) and arrow.bottom() == column.bottom()  # in the strip kept for it, or beside
    rtl = step_beside_panel.lesson.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert (arrow.left() == column.left()) if rtl else (arrow.right() == column.right())  # on the scroll bar's side
    assert cue.arrow.focusPolicy() == Qt.FocusPolicy.NoFocus
    names = {"fr": "Faire défiler pour voir la suite", "de": "Nach unten scrollen, um mehr zu sehen",
             "ar": "مرّر إلى الأسفل لرؤية المزيد"}  # in the client's language
    assert cue.arrow.accessibleName() == names[step_beside_panel.settings.client_language]
    QTest.mouseClick(cue.arrow, Qt.MouseButton.LeftButton)
    assert bar.value() > 0
    bar.setValue(bar.maximum())
    assert not cue.shown(), "nothing more below"


@pytest.mark.parametrize("step_beside_panel", [("fr", 1), ("de", 1)], indirect=True)
def test_the_word_being_read_below_the_edge_comes_into_view(step_beside_panel) -> None:
    lesson = step_beside_panel.lesson
    area, text = lesson.body.text_area, lesson.text
    bar = area.verticalScrollBar()
    bar.setValue(0)
    words = text.plain_text().split()
    last = text.plain_text().rindex(words[-1])
    text.highlight(last, len(words[-1]))
    assert bar.value() > 0
    word = text.span_rect()
    top = text.mapTo(area.viewport(), word.topLeft()).y()
    below_fade = area.viewport().height() - (lesson.body.more_below.fade.height() if lesson.body.more_below.shown()
                                             else 0)
    assert 0 <= top and top + word.height() <= below_fade
    text.highlight(0, len(words[0]))  # back to the first word, above the edge again
    assert bar.value() == 0


@pytest.mark.parametrize("language", ["fr", "ar", "de", "ti"])
def test_no_arrow_where_the_text_fits(qtbot, make_window, tmp_path_factory, language) -> None:
    window = make_window(Settings(client_language=language, text_scale=100, auto_read=False),
                         lib=builtin_library(tmp_path_factory, "practice-portal"))
    for index in (0, 2):
        window.open_lesson("practice-portal", "create-account", index)
        qtbot.wait(100)
        settle()
        body = window.lesson.body
        assert body.text_area.verticalScrollBar().maximum() == 0
        assert not body.more_below.shown()
