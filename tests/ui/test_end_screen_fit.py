"""At 200 % text beside the worker's panel (1280×800), the end screen fits: its three faces on one
row and its texts (the praise, the lesson, the question) whole, not in a scroll area to scroll."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from ui_helpers import clipped, settle

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk


@pytest.mark.parametrize("lesson", ["call-someone", "first"])
@pytest.mark.parametrize("lang", ["fr", "ar", "de", "es", "ti"])
def test_the_end_screen_fits_at_200_percent_beside_the_panel(qtbot, make_window, lang: str, lesson: str) -> None:
    """After the first lesson (its name two lines long at 200 %) in de, es and ti, the texts were 39 px
    taller than their area and scrolled: the title is two lines there, one in French."""
    window = make_window(Settings(client_language=lang, worker_language="fr", text_scale=200, auto_read=False))
    desk = VisitDesk(window, records_path())
    assert desk.panel.isVisible()
    if lesson == "first":
        lesson = window.library.tiles()[0].lesson.id
    steps = len(window.library.tiles()[0].pack.lesson(lesson).steps)
    window.open_lesson("demo", lesson, steps - 1)
    window.lesson.next()
    qtbot.wait(100)  # the layout's passes (the faces' size, then the texts' room) done
    settle()
    end = window.end
    assert window.current_page() is end
    rows = {face.geometry().top() for face in end.faces.values()}
    assert len(rows) == 1, f"the faces are on {len(rows)} rows"
    overflow = end.body.text_area.verticalScrollBar().maximum()
    assert overflow == 0, f"the end screen's texts scroll by {overflow} px"
    assert end.title.visibleRegion().boundingRect().height() == end.title.height()
    viewport = end.body.text_area.viewport()
    for text in (end.title, end.subtitle):  # each whole inside the area's viewport, not cut by it
        assert viewport.rect().contains(QRect(text.mapTo(viewport, QPoint(0, 0)), text.size())), text.text()
    assert not clipped(end), clipped(end)
    assert all(face.iconSize().height() >= face.compact_saving() for face in end.faces.values())
    desk.close()


def test_the_faces_are_full_size_again_once_there_is_room(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="ar", worker_language="fr", text_scale=200, auto_read=False))
    desk = VisitDesk(window, records_path())
    window.open_lesson("demo", "call-someone", 5)
    window.lesson.next()
    for _ in range(10):
        QApplication.processEvents()
    faces = list(window.end.faces.values())
    assert faces[0].compact, "at 200 % in Arabic beside the panel the faces' icons give up room"
    window.resize(1280, 1100)  # a taller window: room enough
    for _ in range(10):
        QApplication.processEvents()
    assert not any(face.compact for face in faces)
    assert faces[0].iconSize().height() > faces[0].compact_saving()
    desk.close()
