"""A client who cannot use a mouse goes through a whole lesson with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.domain.progress import EventKind
from coach.settings import Settings


def press(qtbot, key=Qt.Key.Key_Space) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key)


def test_walk_a_lesson_with_the_keyboard_alone(qtbot, make_window) -> None:
    """Space on the focused control picks the language, opens a lesson, steps to the end."""
    window = make_window(Settings(client_language=""))
    assert window.stack.currentWidget() is window.picker
    assert QApplication.focusWidget() in window.picker.buttons

    events = []
    window.lesson.player_event.connect(events.append)
    french = next(b for b in window.picker.buttons if b.language.tag == "fr")
    french.setFocus()
    press(qtbot)
    assert window.stack.currentWidget() is window.library
    assert window.languages.client.tag == "fr"

    first_tile = window.library.tiles()[0]
    assert QApplication.focusWidget() is first_tile
    press(qtbot)
    assert window.stack.currentWidget() is window.lesson
    steps = len(window.lesson.lesson.steps)

    for expected in range(1, steps + 1):
        assert window.lesson.progress.index == expected - 1
        assert window.lesson.counter.text() == f"{expected} / {steps}"
        assert QApplication.focusWidget() is window.lesson.next_button
        press(qtbot)
    assert window.stack.currentWidget() is window.end
    kinds = [event.kind for event in events]
    assert kinds.count(EventKind.STEP_REACHED) == steps
    assert kinds[-1] is EventKind.LESSON_FINISHED

    assert QApplication.focusWidget() is window.end.library_button
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.library


def test_tab_reaches_every_lesson_control_in_order(qtbot, make_window) -> None:
    """Tab moves Back → Listen → Slower → Next → I need help → I did it, each with a visible focus."""
    window = make_window()
    window.open_lesson("demo", window.library.tiles()[0].lesson.id, 1)
    lesson = window.lesson
    lesson.back_button.setFocus()
    order = [lesson.back_button]
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [lesson.back_button, lesson.listen_button, lesson.slow_button, lesson.next_button,
                     lesson.help_button, lesson.done_button]
    assert "focus" in QApplication.instance().styleSheet()


def test_arrow_keys_follow_the_reading_direction(qtbot, make_window) -> None:
    """Right goes forward in French; in Arabic, Left goes forward."""
    window = make_window()
    lesson_id = window.library.tiles()[0].lesson.id
    window.open_lesson("demo", lesson_id)
    press(qtbot, Qt.Key.Key_Right)
    assert window.lesson.progress.index == 1
    press(qtbot, Qt.Key.Key_Left)
    assert window.lesson.progress.index == 0

    window.set_client_language("ar")
    press(qtbot, Qt.Key.Key_Left)
    assert window.lesson.progress.index == 1
    press(qtbot, Qt.Key.Key_Right)
    assert window.lesson.progress.index == 0


def test_help_and_did_it_emit_events_and_reassure_the_client(qtbot, make_window) -> None:
    """F1 and the two buttons emit HELP_REQUESTED and DID_IT for the current step, with a message."""
    window = make_window()
    lesson = window.lesson
    window.open_lesson("demo", window.library.tiles()[0].lesson.id, 1)
    with qtbot.waitSignal(lesson.player_event) as help_signal:
        lesson.help_button.setFocus()
        press(qtbot)
    assert help_signal.args[0].kind is EventKind.HELP_REQUESTED
    assert help_signal.args[0].step_index == 1
    assert lesson.notice.isVisible() and lesson.notice.text()
    help_message = lesson.notice.text()
    with qtbot.waitSignal(lesson.player_event) as f1_signal:
        press(qtbot, Qt.Key.Key_F1)
    assert f1_signal.args[0].kind is EventKind.HELP_REQUESTED
    with qtbot.waitSignal(lesson.player_event) as done_signal:
        lesson.done_button.click()
    assert done_signal.args[0].kind is EventKind.DID_IT
    lesson.next_button.click()
    assert lesson.notice.text() != help_message, "a message belongs to its step only"


def test_the_end_screen_goes_back_to_the_last_step(qtbot, make_window) -> None:
    """No dead end: Back on the end screen reopens the last step; Do it again restarts at step 1."""
    window = make_window()
    lesson_id = window.library.tiles()[0].lesson.id
    count = len(window.lesson.lesson.steps) if window.lesson.lesson else None
    window.open_lesson("demo", lesson_id)
    count = len(window.lesson.lesson.steps)
    window.open_lesson("demo", lesson_id, count - 1)
    window.lesson.next_button.click()
    assert window.stack.currentWidget() is window.end
    window.end.back_button.click()
    assert window.stack.currentWidget() is window.lesson
    assert window.lesson.progress.index == count - 1
    window.lesson.next_button.click()
    window.end.again_button.click()
    assert window.stack.currentWidget() is window.lesson
    assert window.lesson.progress.index == 0
    assert not window.lesson.back_button.isEnabled()
