"""The worker's dialogs beside an Arabic client: in the worker's French, left to right.

Qt's own texts (standard buttons, a file dialog's labels) and the application's direction
follow the client; a question or a file dialog for the worker made with Qt's static
helpers came out in Arabic, mirrored ("نعم" / "لا" to erase a client, for a French worker).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QToolButton,
    QWidget,
)
from ui_helpers import type_file_name, when_modal

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk
from coach.ui.worker_dialogs import ask_worker, save_file

ARABIC_CLIENT = Settings(client_language="ar", worker_language="fr", auto_read=False)


def _qt_cancel() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_a_question_to_the_worker_is_in_french_left_to_right_with_no_as_default(make_window) -> None:
    window = make_window(ARABIC_CLIENT)
    seen: dict[str, object] = {}

    def read_then(press: str):
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen.update(direction=box.layoutDirection(), locale=box.locale().name(),
                        buttons=sorted(b.text() for b in box.buttons()), default=box.defaultButton().text())
            if press == "Escape":
                QTest.keyClick(box, Qt.Key.Key_Escape)
            else:
                next(b for b in box.buttons() if b.text() == press).click()
        return act

    when_modal(QMessageBox, read_then("Oui"))
    assert ask_worker(window, window.languages, "Effacer cette personne ?", "Effacer ?") is True
    assert seen == {"direction": Qt.LayoutDirection.LeftToRight, "locale": "fr_FR",
                    "buttons": ["Non", "Oui"], "default": "Non"}
    when_modal(QMessageBox, read_then("Escape"))
    assert ask_worker(window, window.languages, "Effacer cette personne ?", "Effacer ?") is False


def test_a_file_dialog_for_the_worker_is_in_french_then_qt_speaks_the_client_s_language_again(
        make_window, tmp_path: Path) -> None:
    window = make_window(ARABIC_CLIENT)
    client_cancel = _qt_cancel()
    assert client_cancel != "Cancel", "Qt's texts are the Arabic client's"
    seen: dict[str, object] = {}

    def act(dialog: QWidget) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert buttons is not None and name is not None
        labels = {label.text().replace("&", "").replace("\xa0", " ") for label in dialog.findChildren(QLabel)}
        back = dialog.findChild(QToolButton, "backButton")
        left = dialog.style().standardIcon(QStyle.StandardPixmap.SP_ArrowLeft, None, back)
        seen.update(back_points_left=back.icon().pixmap(16).toImage() == left.pixmap(16).toImage())
        seen.update(direction=dialog.layoutDirection(), name=name.text(),
                    cancel=buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", ""),
                    labels=labels >= {"Voir dans :", "Nom de fichier :", "Fichiers de type :"})
        type_file_name(tmp_path / "chiffres.csv")(dialog)
    when_modal(QFileDialog, act)
    chosen = save_file(window, window.languages, "Enregistrer les chiffres", str(tmp_path / "coach-figures.csv"),
                       "CSV (*.csv)")
    assert chosen == str(tmp_path / "chiffres.csv")
    # "Look in:" and "Files of type:" too: Qt's French catalogue has them only without their "&"
    assert seen == {"direction": Qt.LayoutDirection.LeftToRight, "name": "coach-figures.csv", "cancel": "Annuler",
                    "labels": True, "back_points_left": True}
    assert _qt_cancel() == client_cancel, "the client's Qt texts are back after the dialog"


def test_the_locked_figures_message_is_the_worker_s(make_window) -> None:
    window = make_window(ARABIC_CLIENT)
    desk = VisitDesk(window, records_path())
    seen: list[tuple[str, Qt.LayoutDirection, list[str]]] = []

    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.layoutDirection(), [b.text() for b in box.buttons()]))
        box.buttons()[0].click()
    when_modal(QMessageBox, act)
    desk._figures()
    assert seen == [("Déverrouillez d'abord les dossiers.", Qt.LayoutDirection.LeftToRight, ["OK"])]


def _menu_opened_by_right_click(qtbot, window, field: QWidget, keys: str = "") -> dict[str, object]:
    """Right-click `field` through the window, as a mouse does (or with `keys`, "menu" or
    "shift+f10", on the focused field, as a keyboard does); what the menu showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    seen: dict[str, object] = {}

    def look() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, look)
            return
        seen.update(direction=menu.layoutDirection(),
                    texts=[a.text().replace("&", "").split("\t")[0] for a in menu.actions() if a.text()])
        menu.close()
    QTimer.singleShot(0, look)
    if keys:
        def focused() -> bool:  # a step just shown may still move the focus once
            window.activateWindow()  # the offscreen platform does not give it back when a menu closes
            field.setFocus(Qt.FocusReason.TabFocusReason)
            return field.hasFocus()
        qtbot.waitUntil(focused, timeout=5000)
        if keys == "x11 menu key":  # X11 sends the window a context-menu event instead of the key
            centre = field.rect().center()
            QApplication.sendEvent(window.windowHandle(), QContextMenuEvent(
                QContextMenuEvent.Reason.Keyboard, field.mapTo(window, centre), field.mapToGlobal(centre)))
        else:
            key, modifier = ((Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier) if keys == "menu"
                             else (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier))
            QTest.keyClick(window.windowHandle(), key, modifier)
    else:
        where = field.mapTo(window, field.rect().center())
        QTest.mousePress(window.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, where)
        QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                           where)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def test_a_worker_field_s_own_menu_is_in_french_beside_an_arabic_client(qtbot, make_window, tmp_path_factory) -> None:
    """Cut, Copy, Paste… of the panel's fields are the worker's; a practice field's stay the client's."""
    from panel_helpers import unlock
    from ui_helpers import builtin_library

    window = make_window(ARABIC_CLIENT, lib=builtin_library(tmp_path_factory, "practice-portal"))
    desk = VisitDesk(window, records_path())
    unlock(qtbot, desk)
    search = desk.panel.start.search
    qtbot.waitUntil(search.isVisible, timeout=5000)
    worker = _menu_opened_by_right_click(qtbot, window, search)
    assert worker["direction"] == Qt.LayoutDirection.LeftToRight
    assert "Tout sélectionner" in worker["texts"], worker["texts"]
    window.open_lesson("practice-portal", "create-account", 2)  # a practice's site: the client's
    email = window.lesson.exercise.inputs["e-mail"].edit
    qtbot.waitUntil(lambda: window.childAt(email.mapTo(window, email.rect().center())) is email, timeout=5000)
    client = _menu_opened_by_right_click(qtbot, window, email)
    assert client["direction"] == Qt.LayoutDirection.RightToLeft and "Tout sélectionner" not in client["texts"]
    desk.close()


@pytest.mark.parametrize("keys", ["menu", "shift+f10", "x11 menu key"])
def test_the_menu_key_and_shift_f10_open_a_field_s_menu_in_its_reader_s_language(
        qtbot, make_window, tmp_path_factory, keys: str) -> None:
    """From the keyboard as with the mouse: the panel's field gives the worker's menu, a practice field the client's.

    X11 turns the Menu key into a context-menu event for the window (seen under Xvfb with
    xdotool): the desk's filter saw no key, and the worker got Qt's menu in the client's
    language. The offscreen platform passes the key itself, which Qt turns into no menu.
    """
    from panel_helpers import unlock
    from ui_helpers import builtin_library

    window = make_window(ARABIC_CLIENT, lib=builtin_library(tmp_path_factory, "practice-portal"))
    desk = VisitDesk(window, records_path())
    unlock(qtbot, desk)
    search = desk.panel.start.search
    qtbot.waitUntil(search.isVisible, timeout=5000)
    worker = _menu_opened_by_right_click(qtbot, window, search, keys)
    assert worker["direction"] == Qt.LayoutDirection.LeftToRight
    assert "Tout sélectionner" in worker["texts"], worker["texts"]
    if keys == "menu":
        desk.close()
        return  # the offscreen platform makes no menu of the key on a client's field; X11 sends the event below
    window.open_lesson("practice-portal", "create-account", 2)
    email = window.lesson.exercise.inputs["e-mail"].edit
    qtbot.waitUntil(email.isVisible, timeout=5000)
    client = _menu_opened_by_right_click(qtbot, window, email, keys)
    assert client["direction"] == Qt.LayoutDirection.RightToLeft and "Tout sélectionner" not in client["texts"]
    assert client["texts"], "the practice field's own menu opened"
    desk.close()


@pytest.mark.parametrize("client", ["ar", "fr"])
def test_a_folder_s_type_in_the_worker_s_file_dialog_is_french(qtbot, make_window, tmp_path: Path, client) -> None:
    """Qt's French catalogue has no "Folder" (a folder's type, in the dialog's Type column): Coach's has."""
    window = make_window(Settings(client_language=client, worker_language="fr", auto_read=False))
    (tmp_path / "Attestations").mkdir()
    seen: list[str] = []

    def act(dialog: QWidget) -> None:
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        folder = model.index(str(tmp_path / "Attestations"))
        qtbot.waitUntil(lambda: bool(model.index(folder.row(), 2, folder.parent()).data()))
        seen.append(model.index(folder.row(), 2, folder.parent()).data())
        dialog.reject()
    when_modal(QFileDialog, act)
    save_file(window, window.languages, "Enregistrer les chiffres", str(tmp_path / "coach-figures.csv"), "CSV (*.csv)")
    assert seen == ["Dossier"]
