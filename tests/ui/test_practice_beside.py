"""A practice that would be cut under its texts gets the whole height, its texts beside it.

At 1280×800 with the worker's line on, the scam-message phone and the fill-in form were
cut under the step's text: in Arabic the third message and the third field had to be
scrolled to. The texts now go beside them, at the reading side's start, and every message
and field is on screen (Hint and the form's button may still need the scroll bar in Arabic,
whose lines are taller).
"""

from __future__ import annotations

import pytest
from ui_helpers import builtin_library
from PySide6.QtWidgets import QApplication

from coach.packs.loader import Library
from coach.settings import Settings


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Library:
    return builtin_library(tmp_path_factory, "online-safety", "public-services")


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("pack, lesson, step", [("online-safety", "scam-messages", 7),
                                                ("public-services", "fill-form", 9)])
def test_the_whole_practice_is_on_screen_with_its_texts_beside(make_window, packs, lang, pack, lesson, step) -> None:
    window = make_window(Settings(client_language=lang, worker_language="fr" if lang != "fr" else "ar",
                                  show_worker_text=True, auto_read=False), lib=packs)
    window.open_lesson(pack, lesson, step)
    for _ in range(5):
        QApplication.processEvents()
    view = window.lesson.exercise
    assert view is not None and view.isVisible()
    port = view.scroll_area.viewport()
    things = view.buttons if hasattr(view, "buttons") else [field.edit for field in view.inputs.values()]
    cut = [w.accessibleName() or w.objectName() for w in things
           if not port.rect().contains(w.mapTo(port, w.rect().topLeft()))
           or not port.rect().contains(w.mapTo(port, w.rect().bottomRight()))]
    assert len(things) == 3 and not cut, f"each message or field of the practice is on screen, without scrolling: {cut}"
    body = window.lesson.body
    texts, practice = body.text_area.geometry(), view.geometry()
    assert texts.height() == practice.height() == body.height(), "side by side, both the body's full height"
    if lang == "ar":
        assert practice.right() < texts.left(), "Arabic reads from the right: the texts come first, on the right"
    else:
        assert texts.right() < practice.left()
    worker = window.lesson.worker_text
    assert worker.isVisible() and worker.mapTo(body.text_area.viewport(), worker.rect().bottomLeft()).y() \
        <= body.text_area.viewport().height(), "the worker's line is on screen beside the practice"
