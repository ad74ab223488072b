"""Each exercise kind solved with the mouse and with the keyboard, wrong once first, in French and Arabic.

The speech child is the fake engine behind the real protocol, so "hear the hint"
means: the reader was asked to say exactly the hint shown, and played it.
"""

from __future__ import annotations

import re

import pytest
from ui_helpers import builtin_library
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from coach.packs.loader import Library
from coach.settings import Settings
from coach.ui.player.exercises.choose import ChooseView
from coach.ui.player.exercises.order import OrderView
from coach.ui.player.exercises.sms_code import SmsCodeView
from coach.ui.player.exercises.touch import STEPS, TouchView
from coach.ui.player.exercises.type_in import TypeInView
from coach.ui.player.reader import ReaderState

PRAISE = {"fr": "Bravo ! Vous avez réussi.", "ar": None}
LANGUAGES = ["fr", "ar"]
WAYS = ["mouse", "keyboard"]


@pytest.fixture(scope="session")
def portal(tmp_path_factory) -> Library:
    """The practice portal alone, as a built-in pack (the other content packs change under us)."""
    return builtin_library(tmp_path_factory, "practice-portal")


def open_step(qtbot, library: Library, speech, lang: str, lesson: str, index: int):
    from coach.ui.player.main_window import MainWindow

    window = MainWindow(list(library.packs), list(library.broken),
                        Settings(client_language=lang, auto_read=False), speech=speech)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.open_lesson("practice-portal", lesson, index)
    settle()
    return window, window.lesson.exercise


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def hears(qtbot, window, text: str) -> None:
    """The feedback shows `text`, and the reader says that very text aloud."""
    view = window.lesson.exercise
    assert view.feedback_box.isVisible() and view.feedback_text() == text
    qtbot.waitUntil(lambda: window.reader.text == text and window.reader.state is ReaderState.PLAYING, timeout=5000)


def hint(window, context_suffix: str) -> str:
    pack = window.lesson.pack
    step = window.lesson.step
    from coach.domain.pack import Text

    source = next(t for t in _texts(step.exercise) if t.context.endswith(context_suffix))
    assert isinstance(source, Text)
    return pack.translate(source, window.languages.client.tag)


def _texts(exercise):
    from coach.domain.exercises import exercise_texts

    return exercise_texts(exercise)


def praised(qtbot, window) -> None:
    _ = window.languages.client_strings().gettext
    praise = _("Well done! You did it.")
    assert window.lesson.exercise.done
    hears(qtbot, window, praise)


def press(widget: QWidget, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(widget, key)
    settle()


def tab_to(window, target: QWidget, limit: int = 40) -> None:
    """Press Tab until `target` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        settle()
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


# -- touch --------------------------------------------------------------------------------
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_touch_the_right_place(qtbot, portal, speech, lang: str, way: str) -> None:
    window, view = open_step(qtbot, portal, speech, lang, "create-account", 1)
    assert isinstance(view, TouchView) and not window.lesson.picture.isVisible()
    area = view.area
    (target,) = view.shown_targets()
    centre_x = target.x + target.width / 2
    if lang == "ar":
        assert centre_x > area.extent.width() / 2, "in Arabic the picture and its target are mirrored"
    else:
        assert centre_x < area.extent.width() / 2
    expected_hint = hint(window, "touch-create/hint")
    if way == "mouse":
        miss = area.to_widget(QPointF(area.extent.width() - target.x - target.width / 2, 60)).toPoint()
        QTest.mouseClick(area, Qt.MouseButton.LeftButton, pos=miss)
    else:
        assert QApplication.focusWidget() is area, "the keyboard starts on the picture"
        press(area, Qt.Key.Key_Return)  # the ring starts in the middle, outside the button
    settle()
    hears(qtbot, window, expected_hint)
    assert view.result.attempts == 1 and view.result.hints == 1 and not area.show_targets
    if way == "mouse":
        QTest.mouseClick(area, Qt.MouseButton.LeftButton, pos=area.to_widget(QPointF(5, 5)).toPoint())
    else:
        press(area, Qt.Key.Key_Up)
        press(area, Qt.Key.Key_Return)
    settle()
    assert area.show_targets, "the target pulses after a second wrong try"
    if way == "mouse":
        centre = area.area_rect(target).center().toPoint()
        QTest.mouseClick(area, Qt.MouseButton.LeftButton, pos=centre)
    else:
        width, height = area.extent.width(), area.extent.height()
        ring = area.cursor_at
        dx = round((target.x + target.width / 2 - ring.x()) / (width / STEPS))
        dy = round((target.y + target.height / 2 - ring.y()) / (height / STEPS))
        right_key = Qt.Key.Key_Right if dx > 0 else Qt.Key.Key_Left
        press(area, right_key, abs(dx))
        press(area, Qt.Key.Key_Down if dy > 0 else Qt.Key.Key_Up, abs(dy))
        assert window.lesson.progress.index == 1, "the arrows move the ring, not the lesson"
        press(area, Qt.Key.Key_Space)
    settle()
    praised(qtbot, window)
    assert (view.result.attempts, view.result.hints, view.result.solved) == (3, 2, True)
    assert "%" not in view.feedback_text() and not re.search(r"\d+ */ *\d+", view.feedback_text()), "no score"


# -- choose ---------------------------------------------------------------------------------
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_choose_the_scam_message_on_the_phone(qtbot, portal, speech, lang: str, way: str) -> None:
    window, view = open_step(qtbot, portal, speech, lang, "log-in-code", 1)
    assert isinstance(view, ChooseView) and view.phone is not None
    assert view.buttons[0].window() is window and view.phone.isVisible()
    wrong, right = view.buttons[0], view.buttons[1]
    if way == "mouse":
        QTest.mouseClick(wrong, Qt.MouseButton.LeftButton)
    else:
        assert QApplication.focusWidget() is wrong
        press(wrong, Qt.Key.Key_Space)
    hears(qtbot, window, hint(window, "choice/1/hint"))
    if way == "mouse":
        QTest.mouseClick(view.listen_buttons[1], Qt.MouseButton.LeftButton)
    else:
        tab_to(window, view.listen_buttons[1])
        press(view.listen_buttons[1], Qt.Key.Key_Space)
    message = right.caption.plain_text()
    qtbot.waitUntil(lambda: window.reader.text == message and window.reader.state is ReaderState.PLAYING)
    qtbot.waitUntil(lambda: right.caption.highlighted() != "", timeout=5000)
    assert right.caption.highlighted() in message, "the message's words are highlighted as it is read"
    if way == "mouse":
        QTest.mouseClick(right, Qt.MouseButton.LeftButton)
    else:
        tab_to(window, right)
        press(right, Qt.Key.Key_Return)
    praised(qtbot, window)
    assert (view.result.attempts, view.result.hints) == (2, 1)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_choose_the_good_photo(qtbot, portal, speech, lang: str, way: str) -> None:
    window, view = open_step(qtbot, portal, speech, lang, "add-document", 1)
    assert isinstance(view, ChooseView) and view.phone is None
    first, second = view.buttons[0], view.buttons[1]
    left_of = first.mapTo(window, QPoint(0, 0)).x() < second.mapTo(window, QPoint(0, 0)).x()
    assert left_of == (lang == "fr"), "the first choice is on the reading side"
    if way == "mouse":
        QTest.mouseClick(view.buttons[2], Qt.MouseButton.LeftButton)
    else:
        tab_to(window, view.buttons[2])
        press(view.buttons[2], Qt.Key.Key_Space)
    hears(qtbot, window, hint(window, "choice/3/hint"))
    if way == "mouse":
        QTest.mouseClick(second, Qt.MouseButton.LeftButton)
    else:
        tab_to(window, second)
        press(second, Qt.Key.Key_Space)
    praised(qtbot, window)


# -- type it in -------------------------------------------------------------------------------
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_type_an_e_mail_and_a_strong_password(qtbot, portal, speech, lang: str, way: str) -> None:
    window, view = open_step(qtbot, portal, speech, lang, "create-account", 2)
    assert isinstance(view, TypeInView)
    email, password = view.inputs["e-mail"], view.inputs["password"]
    assert QApplication.focusWidget() is email.edit
    QTest.keyClicks(email.edit, "nom-exemple.fr")
    QTest.keyClicks(password.edit, "soleil")
    assert password.meter is not None and password.meter.word.text() == view.context.gettext("Too weak")
    if way == "mouse":
        QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)
    else:
        press(password.edit, Qt.Key.Key_Return)
    hears(qtbot, window, hint(window, "field/e-mail/hint"))
    assert QApplication.focusWidget() is email.edit and email.edit.property("invalid") == "yes"
    email.edit.clear()
    QTest.keyClicks(email.edit, "nom@exemple.fr")
    press(email.edit, Qt.Key.Key_Return)
    hears(qtbot, window, hint(window, "field/password/hint"))
    assert QApplication.focusWidget() is password.edit
    QTest.keyClicks(password.edit, "-Lune-2024!")
    assert password.meter.word.text() in (view.context.gettext("Strong"), view.context.gettext("Very strong"))
    if way == "mouse":
        QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)
    else:
        press(password.edit, Qt.Key.Key_Enter)
    praised(qtbot, window)
    assert (view.result.attempts, view.result.hints) == (3, 2)
    window.lesson.back()
    settle()
    assert email.edit.text() == "" and password.edit.text() == "", "practice answers are forgotten on leaving"


# -- the code arrives by SMS --------------------------------------------------------------------
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_code_arrives_by_sms(qtbot, portal, speech, lang: str, way: str) -> None:
    window, view = open_step(qtbot, portal, speech, lang, "log-in-code", 0)
    assert isinstance(view, SmsCodeView)
    phone = view.phone
    assert phone.screen_name() == "home" and not phone.banner.isVisible()
    form_x, phone_x = view.form.mapTo(window, QPoint(0, 0)).x(), phone.mapTo(window, QPoint(0, 0)).x()
    assert (form_x < phone_x) == (lang == "fr"), "the phone is beside the form, on the far side"
    if way == "mouse":
        QTest.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    else:
        assert QApplication.focusWidget() is view.send_button
        press(view.send_button, Qt.Key.Key_Space)
    assert phone.banner.isVisible()
    code = re.search(r"\d{6}", phone.banner_text()).group(0)
    if way == "mouse":
        QTest.mouseClick(phone.banner, Qt.MouseButton.LeftButton)
    else:
        tab_to(window, phone.banner)
        press(phone.banner, Qt.Key.Key_Space)
    assert phone.screen_name() == "messages" and code in phone.bubbles[-1].text.plain_text()
    wrong = "000000" if code != "000000" else "111111"
    if way == "mouse":
        QTest.mouseClick(view.field.edit, Qt.MouseButton.LeftButton)
    else:
        tab_to(window, view.field.edit)
    QTest.keyClicks(view.field.edit, wrong)
    press(view.field.edit, Qt.Key.Key_Return)
    hears(qtbot, window, hint(window, "code/hint"))
    view.field.edit.clear()
    QTest.keyClicks(view.field.edit, code)
    if way == "mouse":
        QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)
    else:
        press(view.field.edit, Qt.Key.Key_Return)
    praised(qtbot, window)


def _next_stop(widget: QWidget) -> QWidget:
    stop = widget.nextInFocusChain()
    while stop.focusPolicy() == Qt.FocusPolicy.NoFocus or not stop.isVisible():
        assert stop is not widget, "no other widget takes the focus"
        stop = stop.nextInFocusChain()
    return stop


@pytest.mark.parametrize("lesson, index, last_field", [
    ("create-account", 2, lambda view: view.inputs["password"].show_button),  # Show follows its field
    ("log-in-code", 0, lambda view: view.field.edit),
])
def test_tab_meets_the_form_s_button_before_hint(qtbot, portal, speech, lesson, index, last_field) -> None:
    """After the last field comes the form's own button, then Hint, as they are seen."""
    window, view = open_step(qtbot, portal, speech, "fr", lesson, index)
    button = _next_stop(last_field(view))
    assert button is view.form.button, button.accessibleName()
    assert _next_stop(button) is view.hint_button, _next_stop(button).accessibleName()


# -- put the steps in order ------------------------------------------------------------------------
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_put_the_steps_in_order(qtbot, portal, speech, lang: str, way: str) -> None:
    window, view = open_step(qtbot, portal, speech, lang, "benefit-form", 5)
    assert isinstance(view, OrderView)
    one, two = view.places[0], view.places[1]
    assert (one.mapTo(window, QPoint(0, 0)).x() < two.mapTo(window, QPoint(0, 0)).x()) == (lang == "fr"), \
        "place 1 is on the reading side"

    def put(item: int) -> None:
        card = view.cards[item]
        if way == "mouse":
            QTest.mouseClick(card, Qt.MouseButton.LeftButton)
        else:
            tab_to(window, card)
            press(card, Qt.Key.Key_Space)

    for item in view.jumbled:  # the order as shown: never the right one
        put(item)
    hears(qtbot, window, hint(window, "send-order/hint"))
    kept = [place.item for place in view.places if place.item is not None]
    assert kept == list(range(len(kept))), "the right beginning stays; the rest comes back"
    for item in range(len(view.places)):
        if item not in kept:
            put(item)
    praised(qtbot, window)
    assert [place.item for place in view.places] == [0, 1, 2, 3]


def test_take_back_and_drop_on_a_place(qtbot, portal, speech) -> None:
    """A placed picture comes back with a tap; a dropped one goes where it is dropped."""
    window, view = open_step(qtbot, portal, speech, "fr", "benefit-form", 5)
    view.place(2)
    assert view.placed()[0] == 2 and not view.cards[2].isVisible()
    QTest.mouseClick(view.places[0], Qt.MouseButton.LeftButton)
    assert view.placed()[0] is None and view.cards[2].isVisible()
    view.place(3, 3)  # what a drop on place 4 does
    assert view.placed() == [None, None, None, 3]


def test_help_and_skip_are_always_there(qtbot, portal, speech) -> None:
    """On an unsolved exercise, "I need help" counts for the exercise and Next goes on."""
    window, view = open_step(qtbot, portal, speech, "fr", "create-account", 1)
    window.lesson.help_button.click()
    assert view.result.help == 1
    window.lesson.next_button.click()
    settle()
    assert window.lesson.progress.index == 2
    assert window.lesson.practice_results["touch-create"].help == 1
    window.lesson.back()
    settle()
    assert window.lesson.exercise.result.help == 1, "coming back goes on counting"


def test_the_phone_bezel_is_as_thin_in_arabic_as_in_french(qtbot, portal, speech) -> None:
    """The phone's frame follows the text size, not the script's line height: Arabic fonts'
    taller lines once made it half as thick again, and the frame took the messages' room."""
    margins = {}
    for lang in ("fr", "ar"):
        window, view = open_step(qtbot, portal, speech, lang, "log-in-code", 1)
        margins[lang] = view.phone.layout().contentsMargins().top()
        window.close()
    assert margins["ar"] == margins["fr"] > 0
