"""A step on the client's screen: the worker's panel gets its final layout in the same pass (one frame)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from coach.settings import Settings
from panel_helpers import settle, with_records


def _geometries(page: QWidget) -> dict[int, tuple[int, int, int, int]]:
    return {id(child): child.geometry().getRect() for child in page.findChildren(QWidget)
            if child.isVisible()} | {0: page.geometry().getRect()}


def test_a_step_lays_the_visit_page_out_at_once(qtbot, make_desk) -> None:
    """After each step the panel's page is already at its final size: Qt's next passes move nothing.

    At 200 % the visit page is taller than the panel, and a step text of another line count moves what is under it.
    """
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False, text_scale=200))
    panel, window = desk.panel, desk.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    pack = window.pack("demo")
    assert pack is not None
    heights = set()
    for lesson in pack.lessons:  # lesson titles and step texts of one, two, three lines
        window.open_lesson("demo", lesson.id)
        qtbot.wait(20)
        for _ in range(len(lesson.steps) - 1):
            window.lesson.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
            qtbot.keyClick(window.lesson.next_button, Qt.Key.Key_Space)
            before = _geometries(panel.visit)
            for _pass in range(4):
                QApplication.processEvents()
            assert _geometries(panel.visit) == before
            heights.add(panel.visit.step_text.height())
    assert len(heights) > 1, "the demo's step texts should take more than one height"


def test_each_page_is_as_tall_as_itself(qtbot, make_desk) -> None:
    """After a visit, the start page and the lock screen are their own height, not the visit page's.

    Qt's stack measures every page, shown or not: the start page shown after a visit was as
    tall as the visit page (about 1,300 px of empty scrolling below its last field), and the
    lock screen had a scroll bar over nothing.
    """
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))
    panel, window = desk.panel, desk.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    client = with_records(lambda r: r.create_client("Hana", "fr", [], True, "learning-record"))
    panel.start_visit(client.id)  # a known client's visit: note, chart and rights buttons too
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    for _pass in range(4):
        QApplication.processEvents()
    viewport = panel.scroll_area.viewport()
    assert panel.stack.height() > viewport.height(), "the visit page should need scrolling at 1280×800"
    for show in (panel.lock, panel.unlock, panel.end_visit):
        show()
        for _pass in range(4):
            QApplication.processEvents()
        page = panel.stack.currentWidget()
        own = max(page.heightForWidth(panel.stack.width()), viewport.height())
        assert panel.stack.height() == own, f"{type(page).__name__}: {panel.stack.height()} px, its own {own} px"
