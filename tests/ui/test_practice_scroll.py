"""A practice form taller than its place (200 % text beside the worker's panel): wherever the keyboard
focus goes in it, the field goes into view with its label, and the form shows that more is below."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import builtin_library, settle

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk


def on_screen(widget: QWidget, area) -> bool:
    """All of `widget` inside the visible part of the scroll area."""
    port = area.viewport()
    return port.rect().contains(QRect(widget.mapTo(port, QPoint(0, 0)), widget.size()))


def the_form(qtbot, window):
    """The create-account step's form (e-mail, password), its layout settled."""
    window.open_lesson("practice-portal", "create-account", 2)
    qtbot.wait(100)  # the layout's passes: the practice's place, the site's button pinned under the form
    settle()
    return window.lesson.exercise


@pytest.fixture
def form_beside_panel(qtbot, make_window, tmp_path_factory, request):
    """The create-account form (e-mail, password) at 200 % beside the panel: it cannot show whole."""
    window = make_window(Settings(client_language=request.param, worker_language="fr", text_scale=200,
                                  auto_read=False), lib=builtin_library(tmp_path_factory, "practice-portal"))
    desk = VisitDesk(window, records_path())
    view = the_form(qtbot, window)
    assert view.footer.isVisible(), "the form must be taller than its place here"
    yield view
    desk.close()


@pytest.mark.parametrize("form_beside_panel", ["fr", "ar"], indirect=True)
def test_shift_tab_from_the_site_button_shows_the_password_with_its_label(qtbot, form_beside_panel) -> None:
    """The site's button is kept under the form, outside the part that scrolls: Shift+Tab from it put the
    focus on the password's Show button out of sight (Qt's scroll area follows Tab only from inside it)."""
    view = form_beside_panel
    password = view.inputs["password"]
    view.scroll_area.verticalScrollBar().setValue(0)
    view.form.button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(view.form.button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is password.show_button  # the field's Show button, beside its line
    qtbot.waitUntil(lambda: on_screen(password.edit, view.scroll_area) and on_screen(password.label, view.scroll_area))


@pytest.mark.parametrize("form_beside_panel", ["fr", "ar"], indirect=True)
def test_a_wrong_field_gets_the_focus_in_sight_and_typing_keeps_it_there(qtbot, form_beside_panel) -> None:
    view = form_beside_panel
    email, password = view.inputs["e-mail"], view.inputs["password"]
    email.edit.insert("nom@exemple.fr")
    password.edit.insert("abc")  # too weak
    view.form.button.click()
    assert QApplication.focusWidget() is password.edit and view.feedback_text()
    view.scroll_area.verticalScrollBar().setValue(0)  # the client scrolled back up to read
    QTest.keyClicks(password.edit, "x")
    qtbot.waitUntil(lambda: on_screen(password.edit, view.scroll_area))


@pytest.mark.parametrize("form_beside_panel", ["fr", "ar"], indirect=True)
def test_an_arrow_shows_that_the_form_goes_on_below_and_scrolls_on(qtbot, form_beside_panel) -> None:
    """Nothing showed that a second field was below the edge (a grab of the window in fr and ar)."""
    view = form_beside_panel
    bar, cue = view.scroll_area.verticalScrollBar(), view.more_below
    bar.setValue(0)
    assert cue.shown() and cue.arrow.isVisible()
    assert cue.arrow.accessibleName() == {"fr": "Faire défiler pour voir la suite",  # for a mouse or touch user;
                                          "ar": "مرّر إلى الأسفل لرؤية المزيد"}[view.context.language]
    assert cue.arrow.focusPolicy() == Qt.FocusPolicy.NoFocus  # not on the Tab path (a screen reader reads on)
    area = view.scroll_area
    port = area.viewport().geometry()
    arrow = QRect(area.mapFrom(view, cue.arrow.pos()), cue.arrow.size())  # in the view, over the area's corner
    assert area.rect().contains(arrow) and arrow.bottom() == port.bottom()  # at the bottom edge, over the bar
    for field in view.inputs.values():  # in the form's margin, over no field's line
        edit = QRect(field.edit.mapTo(area, QPoint(0, 0)), field.edit.size())
        assert not edit.intersects(arrow), field.field_id
    QTest.mouseClick(cue.arrow, Qt.MouseButton.LeftButton)
    assert bar.value() > 0
    bar.setValue(bar.maximum())
    assert not cue.shown(), "nothing more below"


def test_no_arrow_when_the_form_fits(qtbot, make_window, tmp_path_factory) -> None:
    view = the_form(qtbot, make_window(Settings(client_language="fr", text_scale=100, auto_read=False),
                                       lib=builtin_library(tmp_path_factory, "practice-portal")))
    assert view.scroll_area.verticalScrollBar().maximum() == 0
    assert not view.more_below.shown()


@pytest.mark.parametrize("language", ["ti", "fr", "de", "es"])
def test_both_fields_show_without_scrolling_at_200_percent_without_the_panel(qtbot, make_window, tmp_path_factory,
                                                                          language: str) -> None:
    """In Tigrinya (a short practice mark: the band is 57 px) the password line was 3 px below the edge; the
    fields' padding now grows to 125 % only, as the buttons' does (8 px less a field). In French, German
    and Spanish the band takes two lines and the password stayed 31 px (es: 10) below, until the step's
    buttons were compact on a page so short (coach.ui.player.step_controls)."""
    view = the_form(qtbot, make_window(Settings(client_language=language, text_scale=200, auto_read=False),
                                       lib=builtin_library(tmp_path_factory, "practice-portal")))
    assert view.scroll_area.verticalScrollBar().value() == 0
    for field in view.inputs.values():
        assert on_screen(field.label, view.scroll_area) and on_screen(field.edit, view.scroll_area), field.field_id
