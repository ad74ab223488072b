"""The worker's panel at a glance, in the worker's direction, with nothing clipped in any language."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from panel_helpers import settle, unlock, with_records
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import clipped, hidden_part

from coach.i18n.ui_strings import catalog_path
from coach.paths import locales_dir
from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk


def pump() -> None:
    for _ in range(6):
        QApplication.processEvents()


def on_screen(widget: QWidget) -> bool:
    return not hidden_part(widget)


def longest_language() -> str:
    """The shipped interface language whose translations are the longest in all."""
    totals = {}
    for folder in locales_dir().iterdir():
        path = folder / "LC_MESSAGES" / "coach.po"
        if path.is_file():
            with path.open("rb") as handle:
                catalog = read_po(handle)
            totals[folder.name] = sum(len(m.string if isinstance(m.string, str) else "".join(m.string))
                                      for m in catalog if m.id)
    return max(totals, key=totals.get)


@pytest.fixture
def desk(make_desk):
    return make_desk(Settings(client_language="ar", worker_language="fr", auto_read=False))


def test_the_visit_at_a_glance_without_scrolling(qtbot, desk) -> None:
    """At 1280×800, 100 %: the step, what the client did and the level buttons show without scrolling."""
    panel, window = desk.panel, desk.window
    client = with_records(lambda r: r.create_client("Hana", "ar", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone", 1)
    window.lesson.help_button.click()
    window.lesson.done_button.click()
    pump()
    visit = panel.visit
    assert panel.scroll_area.verticalScrollBar().value() == 0
    for widget in (visit.step_title, visit.step_text, visit.help_list, *visit.skill_levels[0].buttons):
        assert on_screen(widget), f"{widget.accessibleName() or widget.__class__.__name__} needs scrolling"


def test_the_scroll_position_stays_between_steps_and_lock_shows_at_once(qtbot, desk) -> None:
    """Moving on a step keeps the worker's place in the panel; Lock shows the lock form at the top."""
    panel, window = desk.panel, desk.window
    client = with_records(lambda r: r.create_client("Hana", "ar", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone", 1)
    pump()
    bar = panel.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    assert where > 0
    window.lesson.next()
    pump()
    assert bar.value() == where, "the panel did not jump"
    panel.lock()
    pump()
    assert bar.value() == 0 and on_screen(panel.lock_view.passphrase) and on_screen(panel.lock_view.button)


def test_no_right_to_left_leaks_into_the_french_panel_and_menu(qtbot, desk) -> None:
    """With an Arabic client and a French worker, the panel and the worker's menu lay out left to right."""
    panel, window = desk.panel, desk.window
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    pump()
    assert window.lesson.isRightToLeft(), "the client's side is mirrored"
    visit = panel.visit

    def x(widget: QWidget) -> int:
        return widget.mapTo(panel, widget.rect().topLeft()).x()

    assert x(visit.lock_button) < x(visit.end_button), "Verrouiller comes first, on the left"
    levels = visit.skill_levels[0].buttons
    assert x(levels[0]) <= x(levels[1]) and x(levels[2]) <= x(levels[3])
    for widget in (panel, visit, *levels, visit.step_text, visit.help_list):
        assert widget.layoutDirection() == Qt.LayoutDirection.LeftToRight
    for label in (visit.step_title, visit.levels_title):
        assert label.mapTo(panel, label.rect().topLeft()).x() < panel.width() // 4, "French text starts on the left"
    for menu in (window.worker_menu, window.desk_menu):
        assert menu.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window.worker_menu.popup(window.mapToGlobal(window.rect().center()))
    pump()
    first = window.worker_menu.actions()[0]
    geometry = window.worker_menu.actionGeometry(first)
    assert geometry.left() < window.worker_menu.width() // 4, "menu items start on the left"
    window.worker_menu.hide()


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("worker", ["fr", "ar", "longest"])
def test_nothing_is_clipped_in_the_panel(qtbot, make_window, worker, scale) -> None:
    """Every page of the panel in fr, ar and the longest shipped language, at 100 % and 200 %."""
    tag = longest_language() if worker == "longest" else worker
    assert catalog_path(tag).is_file() or tag == "en"
    window = make_window(Settings(client_language="fr", worker_language=tag, text_scale=scale, auto_read=False))
    desk = VisitDesk(window, records_path())
    panel = desk.panel
    try:
        pump()
        problems = {"gate": clipped(panel)}  # the page and the scroll area it is in
        unlock(qtbot, desk)
        pump()
        problems["start"] = clipped(panel)
        panel.start.anonymous_button.click()
        settle(qtbot, desk)
        window.open_lesson("demo", "call-someone")
        window.lesson.help_button.click()
        pump()
        problems["visit"] = clipped(panel)
        panel.lock()
        pump()
        problems["lock"] = clipped(panel)
        assert not any(problems.values()), problems
    finally:
        desk.close()
