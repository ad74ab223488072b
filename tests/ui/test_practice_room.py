"""Room for the practice at 200 % text beside the worker's panel (1280×800): the step's buttons compact (their
icon and word at 150 %, less padding) so that a form shows its two fields, the site's band kept above the first
field, the step text's arrow over no line of it, and a cut step text scrolled by Down and Up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import builtin_library, settle

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.theme import MIN_TOUCH
from coach.ui.visit_desk import VisitDesk

LANGUAGES = ["fr", "ar", "de", "es", "ti"]


def on_screen(widget: QWidget, area) -> bool:
    port = area.viewport()
    return port.rect().contains(QRect(widget.mapTo(port, QPoint(0, 0)), widget.size()))


@pytest.fixture
def step_at(qtbot, make_window, tmp_path_factory):
    """Open create-account's step `index` at 200 % beside the panel; the desk closed after the test."""
    desks: list[VisitDesk] = []

    def open_step(language: str, index: int = 2, size=(1280, 800), scale: int = 200, worker: bool = False):
        window = make_window(Settings(client_language=language, worker_language="fr", text_scale=scale,
                                      auto_read=False, show_worker_text=worker),
                             lib=builtin_library(tmp_path_factory, "practice-portal"), size=size)
        desks.append(VisitDesk(window, records_path()))
        assert desks[-1].panel.isVisible()
        window.open_lesson("practice-portal", "create-account", index)
        qtbot.wait(100)  # the layout's passes: the practice's place, the site's button pinned under the form
        settle()
        return window

    yield open_step
    for desk in desks:
        desk.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_moves_and_the_answers_take_a_row_each(step_at, language: str) -> None:
    """At 200 % beside the panel Back, Listen, Slower and Next wrapped onto 2 rows and "I need help" and
    "I did it" onto 1 or 2 (de): 264 to 348 px of the 715 the page has. Now one row each, every button with its
    icon and its word (the tortoise alone has none, as before), big enough for a finger, named as before."""
    lesson = step_at(language).lesson
    controls = lesson.controls
    assert controls.compact
    moves = [lesson.back_button, lesson.listen_button, lesson.slow_button, lesson.next_button]
    answers = [lesson.help_button, lesson.done_button]
    for row in (moves, answers):  # centred on the row's middle (the tortoise is lower than Arabic words)
        assert len({button.geometry().center().y() for button in row}) == 1, [b.text() for b in row]
    page = lesson.rect()
    for button in moves + answers:
        assert button.isVisible() and page.contains(QRect(button.mapTo(lesson, QPoint(0, 0)), button.size()))
        assert button.height() >= MIN_TOUCH and button.width() >= MIN_TOUCH
        assert not button.icon().isNull() and button.iconSize().height() >= 40
        assert button.accessibleName()
        if button is not lesson.slow_button:
            assert button.text() == button.accessibleName()
    assert lesson.nav_row.height() + lesson.actions_row.height() <= 180  # two rows of 80 and 76 (ar: 82, 76)
    assert lesson.next_button.font().bold()


@pytest.mark.parametrize("language", ["fr", "de", "es", "ti"])
def test_both_fields_of_the_form_show_beside_the_panel(step_at, language: str) -> None:
    """The e-mail alone showed (fr, de, es: the password 123 px below the edge, de 211; ti 31)."""
    view = step_at(language).lesson.exercise
    assert view.scroll_area.verticalScrollBar().value() == 0
    for field in view.inputs.values():
        assert on_screen(field.label, view.scroll_area) and on_screen(field.edit, view.scroll_area), field.field_id
    assert view.form.button.isVisible()  # the site's own button, under the form


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_buttons_are_full_size_where_there_is_room(step_at, language: str) -> None:
    """Compact follows from the page's size alone: on a taller page the same buttons are full size again, at
    the size `full_size` foretold while they were compact; at 100 % they never are compact."""
    window = step_at(language)
    controls = window.lesson.controls
    assert controls.compact
    foretold = [controls.full_size(button) for button in controls.buttons() if not button.isHidden()]
    window.resize(1280, 2100)
    settle()
    assert not controls.compact
    assert [button.sizeHint() for button in controls.buttons() if not button.isHidden()] == foretold
    assert all(not button.property("compact") for button in controls.buttons())


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_nothing_is_compact_at_100_percent(step_at, language: str) -> None:
    lesson = step_at(language, scale=100).lesson
    assert not lesson.controls.compact
    assert lesson.next_button.font().pixelSize() == 22 and lesson.help_button.font().pixelSize() == 20
    assert lesson.next_button.iconSize().height() == 28


@pytest.mark.parametrize(("language", "height"), [("de", 800), ("ar", 900)])
def test_the_site_band_stays_above_the_first_field_when_both_fit(step_at, language: str, height: int) -> None:
    """In Arabic the e-mail was brought into view from a layout pass where the form was taller: the band stayed
    scrolled 126 px off the top once band and field fitted together (at 1280×900)."""
    view = step_at(language, size=(1280, height)).lesson.exercise
    area, email = view.scroll_area, view.inputs["e-mail"]
    bottom = email.mapTo(area.widget(), QPoint(0, email.height())).y()
    assert bottom <= area.viewport().height(), "band and first field must fit together here"
    assert QApplication.focusWidget() is email.edit
    assert area.verticalScrollBar().value() == 0
    assert on_screen(view.form.band, area) and on_screen(email, area)


def test_the_first_field_scrolls_no_more_than_it_needs(step_at) -> None:
    """Where band and field do not fit together (Arabic, 1280×800), the field shows whole, the band as much
    as it can above it."""
    view = step_at("ar").lesson.exercise
    area, email = view.scroll_area, view.inputs["e-mail"]
    bottom = email.mapTo(area.widget(), QPoint(0, email.height())).y()
    assert bottom > area.viewport().height()
    assert on_screen(email, area)
    assert area.verticalScrollBar().value() == bottom + 8 - area.viewport().height()


def _arrow_over_text(lesson) -> QRect:
    """The part of the step text's arrow over the text's viewport (both in the window's coordinates)."""
    window, port, arrow = lesson.window(), lesson.body.text_area.viewport(), lesson.body.more_below.arrow
    port_rect = QRect(port.mapTo(window, QPoint(0, 0)), port.size())
    return QRect(arrow.mapTo(window, QPoint(0, 0)), arrow.size()).intersected(port_rect)


@pytest.mark.parametrize(("language", "index"), [("de", 2), ("ar", 2), ("es", 2), ("de", 1), ("fr", 1)])
def test_the_step_text_arrow_covers_no_line(step_at, language: str, index: int) -> None:
    """The round arrow sat over the text's viewport and hid the end of its last line seen (de). It has a strip
    of its own under the text, or beside it in a column of a line or two (under the touch practice)."""
    lesson = step_at(language, index, worker=True).lesson
    bar = lesson.body.text_area.verticalScrollBar()
    assert bar.maximum() > 0, "the text must be cut here"
    for value in (0, bar.maximum() // 2):
        bar.setValue(value)
        assert lesson.body.more_below.shown()
        assert _arrow_over_text(lesson).isEmpty(), (value, _arrow_over_text(lesson))


def test_the_strip_goes_once_the_text_fits(step_at) -> None:
    window = step_at("de", 2, worker=True)
    area = window.lesson.body.text_area
    assert area.viewportMargins().bottom() > 0
    window.lesson.set_show_worker_text(False)  # Ctrl+Shift+W: the client's line alone fits
    settle()
    assert area.verticalScrollBar().maximum() == 0 and area.viewportMargins().isNull()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_down_and_up_scroll_a_cut_step_text(step_at, language: str) -> None:
    """Nothing but the mouse scrolled a cut step text. Down and Up scroll it by a line from the step's buttons
    (which pass those keys on), with no new stop on the Tab path; the focus stays where it was."""
    lesson = step_at(language, 2, worker=True).lesson
    area = lesson.body.text_area
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus and area.widget().focusPolicy() == Qt.FocusPolicy.NoFocus
    lesson.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    line = lesson.text.fontMetrics().lineSpacing()
    QTest.keyClick(lesson.next_button, Qt.Key.Key_Down)
    assert bar.value() == min(line, bar.maximum())
    assert QApplication.focusWidget() is lesson.next_button
    assert lesson.progress is not None and lesson.progress.index == 2  # not a move to another step
    for _ in range(10):
        QTest.keyClick(lesson.next_button, Qt.Key.Key_Down)
    assert bar.value() == bar.maximum() and not lesson.body.more_below.shown()
    QTest.keyClick(lesson.help_button, Qt.Key.Key_Up)
    assert bar.value() == max(0, bar.maximum() - line)
    for _ in range(10):
        QTest.keyClick(lesson.next_button, Qt.Key.Key_Up)
    assert bar.value() == 0


def test_down_in_the_form_scrolls_the_form_not_the_text(step_at) -> None:
    """A practice's own area keeps Qt's keys: Down in a field scrolls the form, the step text stays."""
    lesson = step_at("de", 2, worker=True).lesson
    view, text_bar = lesson.exercise, lesson.body.text_area.verticalScrollBar()
    email = view.inputs["e-mail"].edit
    assert QApplication.focusWidget() is email
    form_bar = view.scroll_area.verticalScrollBar()
    before = form_bar.value()
    QTest.keyClick(email, Qt.Key.Key_Down)
    assert text_bar.value() == 0 and form_bar.value() > before
