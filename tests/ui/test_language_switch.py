"""Switching the client's language at runtime retranslates everything and mirrors the layout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPoint, Qt
from PySide6.QtWidgets import QApplication

from coach.settings import Settings


def centre_x(widget) -> int:
    return widget.mapTo(widget.window(), QPoint(widget.width() // 2, 0)).x()


def test_french_to_arabic_and_back(qtbot, make_window) -> None:
    """Texts change, the layout mirrors, Qt's own strings follow, and it all comes back."""
    window = make_window()
    lesson = window.lesson
    window.open_lesson("demo", window.library.tiles()[0].lesson.id, 1)
    french = {
        "next": lesson.next_button.text(), "help": lesson.help_button.text(),
        "step": lesson.text.text(), "home": window.home_button.text(),
    }
    assert french["next"] == "Suivant"
    assert centre_x(lesson.back_button) < centre_x(lesson.next_button)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight

    window.set_client_language("ar")
    arabic = {
        "next": lesson.next_button.text(), "help": lesson.help_button.text(),
        "step": lesson.text.text(), "home": window.home_button.text(),
    }
    for key in french:
        assert arabic[key] != french[key], f"{key} was not translated"
        assert any("\u0600" <= ch <= "\u06ff" for ch in arabic[key]), f"{key} is not in Arabic: {arabic[key]}"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert lesson.isRightToLeft()
    QApplication.processEvents()
    assert centre_x(lesson.back_button) > centre_x(lesson.next_button), "Back must move to the right"
    assert window.language_button.text() == "العربية"
    tiles = window.library.tiles()
    assert any("\u0600" <= ch <= "\u06ff" for ch in tiles[0].title.text())

    window.set_client_language("fr")
    QApplication.processEvents()
    assert lesson.next_button.text() == french["next"]
    assert lesson.text.text() == french["step"]
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert centre_x(lesson.back_button) < centre_x(lesson.next_button)


def test_qt_own_translations_follow_the_client(qtbot, make_window) -> None:
    """Qt's qtbase catalog is swapped, so Qt's standard texts are in the client's language."""
    window = make_window()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    window.set_client_language("ar")
    assert window.languages._qt_translator is not None
    assert window.languages._qt_translator.filePath().startswith(folder)
    assert window.languages._qt_translator.language().startswith("ar")
    window.set_client_language("fr")
    assert window.languages._qt_translator.language().startswith("fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler", "served without a reinstall"
    window.set_client_language("ar")
    arabic = window.languages._qt_translator.translate("QPlatformTheme", "Cancel")
    assert arabic and arabic != "Cancel" and QCoreApplication.translate("QPlatformTheme", "Cancel") == arabic


def test_picking_a_language_on_the_first_screen(qtbot, make_window) -> None:
    """The picker shows each language in its own script and switches the whole window."""
    window = make_window(Settings(client_language="", worker_language="fr"))
    names = {button.language.tag: button.endonym.text() for button in window.picker.buttons}
    assert names["ar"] == "العربية" and names["fr"] == "Français" and names["en"] == "English"
    arabic = next(b for b in window.picker.buttons if b.language.tag == "ar")
    assert arabic.translated.text() == "Arabe", "the worker reads the name in French"
    arabic.click()
    assert window.languages.client.tag == "ar"
    assert window.stack.currentWidget() is window.library


def test_worker_text_shows_under_the_clients(qtbot, make_window) -> None:
    """With the toggle on, a French worker reads each step in French under the Arabic text."""
    window = make_window(Settings(client_language="ar", worker_language="fr"))
    window.open_lesson("demo", window.library.tiles()[0].lesson.id)
    lesson = window.lesson
    assert not lesson.worker_text.isVisible()
    window.worker_button.click()
    assert lesson.worker_text.isVisible()
    assert lesson.pack.translate(lesson.step.text, "fr") in lesson.worker_text.text()
    assert "not yet checked" in lesson.worker_text.text() or "native" in lesson.worker_text.text() \
        or "locuteur" in lesson.worker_text.text()
    assert lesson.worker_text.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert lesson.text.text() != lesson.worker_text.text()
    window.worker_button.click()
    assert not lesson.worker_text.isVisible()
