"""At 200 % text beside the worker's panel (1280×800), the end screen fits: its three faces on one
row and its texts (the praise, the lesson, the question) whole, not in a scroll area to scroll."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_end_screen_fits_at_200_percent_beside_the_panel(qtbot, make_window, lang: str) -> None:
    window = make_window(Settings(client_language=lang, worker_language="fr", text_scale=200, auto_read=False))
    desk = VisitDesk(window, records_path())
    assert desk.panel.isVisible()
    window.open_lesson("demo", "call-someone", 5)
    window.lesson.next()
    for _ in range(10):
        QApplication.processEvents()
    end = window.end
    assert window.current_page() is end
    rows = {face.geometry().top() for face in end.faces.values()}
    assert len(rows) == 1, f"the faces are on {len(rows)} rows"
    assert end.body.text_area.verticalScrollBar().maximum() == 0, "the end screen's texts must be scrolled"
    assert end.title.visibleRegion().boundingRect().height() == end.title.height()
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
