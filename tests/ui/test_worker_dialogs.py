"""The worker's dialogs beside an Arabic client: in the worker's French, left to right.

Qt's own texts (standard buttons, a file dialog's labels) and the application's direction
follow the client; a question or a file dialog for the worker made with Qt's static
helpers came out in Arabic, mirrored ("نعم" / "لا" to erase a client, for a French worker).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox, QWidget
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
        seen.update(direction=dialog.layoutDirection(), name=name.text(),
                    cancel=buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", ""))
        type_file_name(tmp_path / "chiffres.csv")(dialog)
    when_modal(QFileDialog, act)
    chosen = save_file(window, window.languages, "Enregistrer les chiffres", str(tmp_path / "coach-figures.csv"),
                       "CSV (*.csv)")
    assert chosen == str(tmp_path / "chiffres.csv")
    assert seen == {"direction": Qt.LayoutDirection.LeftToRight, "name": "coach-figures.csv", "cancel": "Annuler"}
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
