"""Keyboard everywhere (issue 12 item 3): Enter on the top bar, the worker's menu, consent, "I did it"."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QApplication, QMenu

from coach.settings import Settings


def _menu_closed(qtbot, menu: QMenu) -> None:
    menu.close()
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_presses_the_top_bar_buttons_as_space_does(qtbot, make_window, key) -> None:
    """The README promises Space or Enter on every button: the tool buttons answered Space only."""
    window = make_window(Settings(client_language="fr", text_scale=100))
    window.show_languages()
    window.home_button.setFocus()
    qtbot.keyClick(window.home_button, key)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library, timeout=2000)

    window.bigger_button.setFocus()
    qtbot.keyClick(window.bigger_button, key)
    qtbot.waitUntil(lambda: window.settings.text_scale > 100, timeout=2000)

    window.contrast_button.setFocus()
    qtbot.keyClick(window.contrast_button, key)
    qtbot.waitUntil(lambda: window.settings.high_contrast, timeout=2000)
    qtbot.keyClick(window.contrast_button, key)
    qtbot.waitUntil(lambda: not window.settings.high_contrast, timeout=2000)


def test_the_panel_toggle_answers_enter_too(qtbot, make_desk) -> None:
    desk = make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))
    assert desk.panel.isVisible()
    desk.toggle.setFocus()
    qtbot.keyClick(desk.toggle, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not desk.panel.isVisible(), timeout=2000)
    qtbot.keyClick(desk.toggle, Qt.Key.Key_Enter)
    qtbot.waitUntil(desk.panel.isVisible, timeout=2000)


def test_the_worker_menu_arrow_is_a_named_stop_right_after_the_worker_button(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    arrow = window.worker_menu_button
    assert arrow.accessibleName() == "Menu de l'accompagnant"
    assert "Alt" in arrow.accessibleDescription()
    assert arrow.focusPolicy() & Qt.FocusPolicy.TabFocus
    window.worker_button.setFocus()
    qtbot.keyClick(window.worker_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is arrow
    assert arrow.width() >= 48 and arrow.height() >= 48, "a 48 px target like the other tools"
    assert arrow.iconSize().width() < window.worker_button.iconSize().width(), "an arrow, smaller than the pictures"


@pytest.mark.parametrize(("on", "key", "modifier"), [
    ("arrow", Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    ("arrow", Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    ("arrow", Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ("worker", Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ("worker", Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ("worker", Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
])
def test_the_worker_menu_opens_from_the_keyboard(qtbot, make_window, on, key, modifier) -> None:
    """Space/Enter on its arrow, Alt+Down, the Menu key and Shift+F10 open it, its first entry active."""
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    target = window.worker_menu_button if on == "arrow" else window.worker_button
    target.setFocus()
    qtbot.keyClick(target, key, modifier)
    menu = window.worker_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert menu.activeAction() is menu.actions()[0]
    assert not window.worker_button.isChecked() or on != "worker", "opening the menu does not toggle the button"
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


def test_choosing_in_the_worker_menu_by_keyboard_changes_the_workers_language(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    window.worker_menu_button.setFocus()
    qtbot.keyClick(window.worker_menu_button, Qt.Key.Key_Space)
    menu = window.worker_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    english = next(a for a in window.worker_group.actions() if a.data() == "en")
    for _ in window.worker_group.actions():
        if menu.activeAction() is english:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is english, "Down never reached English in the worker's menu"
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.languages.worker.tag == "en", timeout=2000)
    assert not menu.isVisible()


def test_the_assistive_press_action_opens_the_menu_without_blocking(qtbot, make_window) -> None:
    """Its accessible action was ShowMenu, which ran the menu's own loop (13 s in Orca): now it returns at once."""
    window = make_window(Settings(client_language="fr", worker_language="fr"))
    accessible = QAccessible.queryAccessibleInterface(window.worker_menu_button)
    assert accessible is not None
    actions = accessible.actionInterface()
    assert actions is not None
    names = actions.actionNames()
    assert QAccessibleActionInterface.pressAction() in names
    assert QAccessibleActionInterface.showMenuAction() not in names
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert window.worker_menu.isVisible(), "a blocking menu loop would only return once the menu is closed"
    _menu_closed(qtbot, window.worker_menu)


def test_the_worker_menu_opens_under_its_arrow_in_the_workers_direction(qtbot, make_window) -> None:
    """Arabic client, French worker: the menu reads left to right, and hangs under the arrow."""
    window = make_window(Settings(client_language="ar", worker_language="fr"))
    window.open_worker_menu()
    menu = window.worker_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert menu.layoutDirection() == Qt.LayoutDirection.LeftToRight
    arrow = window.worker_menu_button
    bottom = arrow.mapToGlobal(QPoint(0, arrow.height()))
    assert abs(menu.geometry().top() - bottom.y()) <= 4
    room = arrow.screen().availableGeometry().right() + 1 - menu.width()
    assert abs(menu.geometry().left() - min(bottom.x(), room)) <= 4, "at the arrow, or as near as the screen allows"
    _menu_closed(qtbot, menu)


def _open_consent(desk) -> None:
    start = desk.panel.start
    start.pseudonym.setText("Amal")
    start.language.setCurrentIndex(start.language.findData("fr"))
    start.create_button.click()


def test_the_consent_question_takes_the_focus_and_yes_is_three_tabs_away(qtbot, make_desk) -> None:
    """It was 19 Tab presses away: now the question has the focus, then Listen, No, Yes."""
    desk = make_desk(Settings(desk_language="fr", worker_language="fr", auto_read=False))
    _open_consent(desk)
    consent = desk.consent
    assert desk.window.stack.currentWidget() is consent
    qtbot.waitUntil(lambda: QApplication.focusWidget() is consent.text, timeout=2000)
    for expected in (consent.listen_button, consent.no_button, consent.yes_button):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    qtbot.keyClick(consent.yes_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: desk.window.stack.currentWidget() is not consent, timeout=3000)


def test_after_i_did_it_the_focus_is_on_next(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="fr", auto_read=False))
    window.open_lesson("demo", "unlock-phone")
    window.lesson.done_button.setFocus()
    qtbot.keyClick(window.lesson.done_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is window.lesson.next_button
