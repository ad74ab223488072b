"""The worker's own dialogs (questions, messages, files): in the worker's language and
direction, whatever the client's.

Coach keeps Qt's own texts (a file dialog's labels, standard buttons) and the
application's direction in the client's language, for the player. A dialog for the
worker made with Qt's static helpers came out in the client's: an erase question
answered with "نعم" / "لا" for a French worker beside an Arabic client, a file dialog
mirrored. Here each dialog is made and shown with the worker's catalogue, direction,
script font and locale (what a screen reader reads it in); so is the context menu of a
worker's text field (Cut, Copy, Paste…), which Qt made in the client's language and
direction.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QToolButton,
    QWidget,
)

from coach.ui.language_state import LanguageState, direction, speak_as, use_script_font


def for_worker(dialog: QDialog, languages: LanguageState) -> None:
    """Give `dialog` the worker's direction, script font and locale; when it closes, the
    keyboard goes back to its window (without a window manager nothing else gives it)."""
    worker = languages.worker
    dialog.setLayoutDirection(direction(worker))
    use_script_font(dialog, worker)
    speak_as(dialog, worker)
    parent = dialog.parentWidget()
    if parent is not None:
        window = parent.window()
        dialog.finished.connect(lambda _result: window.activateWindow())


def ask_worker(parent: QWidget, languages: LanguageState, title: str, question: str) -> bool:
    """A yes-or-no question to the worker; True for yes. No is the default (Enter, Escape)."""
    _ = languages.worker_strings().gettext
    with languages.qt_texts_of_worker():
        box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
        yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        for_worker(box, languages)
        box.exec()
    return box.clickedButton() is yes


def tell_worker(parent: QWidget, languages: LanguageState, title: str, message: str) -> None:
    """A message the worker closes with OK."""
    _ = languages.worker_strings().gettext
    with languages.qt_texts_of_worker():
        box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.NoButton, parent)
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        for_worker(box, languages)
        box.exec()


def open_file(parent: QWidget, languages: LanguageState, caption: str, folder: str, kinds: str) -> str:
    """A file the worker picks to open, or "" when they cancel."""
    return _file_dialog(parent, languages, caption, folder, kinds, QFileDialog.FileMode.ExistingFile,
                        QFileDialog.AcceptMode.AcceptOpen)


def save_file(parent: QWidget, languages: LanguageState, caption: str, proposed: str, kinds: str) -> str:
    """Where the worker saves a file, or "" when they cancel."""
    return _file_dialog(parent, languages, caption, proposed, kinds, QFileDialog.FileMode.AnyFile,
                        QFileDialog.AcceptMode.AcceptSave)


def choose_folder(parent: QWidget, languages: LanguageState, caption: str, folder: str) -> str:
    """A folder the worker picks, or "" when they cancel."""
    return _file_dialog(parent, languages, caption, folder, "", QFileDialog.FileMode.Directory,
                        QFileDialog.AcceptMode.AcceptOpen)


# Qt 6's file dialog asks its catalogue for "&Look in:" and "Files of &type:"; most of
# Qt's catalogues (fr, it, ar, fa, uk, es, tr) hold those labels only as they were before,
# without the "&", so a French worker read them in English.
_LABELS_AS_BEFORE = ((QFileDialog.DialogLabel.LookIn, "&Look in:", "Look in:"),
                     (QFileDialog.DialogLabel.FileType, "Files of &type:", "Files of type:"))


def _labels_from_qt_s_older_texts(dialog: QFileDialog) -> None:
    for label, current, before in _LABELS_AS_BEFORE:
        if QCoreApplication.translate("QFileDialog", current) == current:
            translated = QCoreApplication.translate("QFileDialog", before)
            if translated != before:
                dialog.setLabelText(label, "&" + translated)  # keeps a key to reach the field


def _arrows_of_the_dialog_s_direction(dialog: QFileDialog) -> None:
    """Back and Forward point the dialog's way: Qt draws them for the application's direction,
    so beside an Arabic client a French worker's Back pointed right."""
    left, right = QStyle.StandardPixmap.SP_ArrowLeft, QStyle.StandardPixmap.SP_ArrowRight
    backward = left if dialog.layoutDirection() == Qt.LayoutDirection.LeftToRight else right
    for name, arrow in (("backButton", backward), ("forwardButton", right if backward == left else left)):
        button = dialog.findChild(QToolButton, name)  # Qt's own file dialog; a native one has none
        if button is not None:
            button.setIcon(dialog.style().standardIcon(arrow, None, button))


def _file_dialog(parent: QWidget, languages: LanguageState, caption: str, where: str, kinds: str,
                 mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode) -> str:
    with languages.qt_texts_of_worker():
        dialog = QFileDialog(parent, caption, where, kinds)
        dialog.setFileMode(mode)
        dialog.setAcceptMode(accept)
        _labels_from_qt_s_older_texts(dialog)
        if mode == QFileDialog.FileMode.Directory:
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        for_worker(dialog, languages)
        _arrows_of_the_dialog_s_direction(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return dialog.selectedFiles()[0]


def text_field_of(widget: QWidget | None) -> QLineEdit | QPlainTextEdit | QTextEdit | None:
    """The text field `widget` is, or is the viewport of (a text area's inside gets the clicks)."""
    for _level in range(2):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            return widget
        widget = widget.parentWidget() if widget is not None else None
    return None


def text_menu_for_worker(field: QLineEdit | QPlainTextEdit | QTextEdit, languages: LanguageState,
                         where: QPoint, from_keyboard: bool = False) -> None:
    """A worker's text field's own menu (Undo, Cut, Copy, Paste, Select all) at `where` (global),
    in the worker's language and direction.

    Opened from the keyboard, its first entry is active (as the worker's menu's is), so a
    screen reader says it; once it closes, a focus event says the focus is back on the
    field (Qt sends none, and the reader stayed on the closed menu's entry).
    """
    with languages.qt_texts_of_worker():
        if isinstance(field, QLineEdit):
            menu = field.createStandardContextMenu()
        else:
            menu = field.createStandardContextMenu(field.viewport().mapFromGlobal(where))
    if menu is None:
        return
    menu.setLayoutDirection(direction(languages.worker))
    speak_as(menu, languages.worker)
    first = next((action for action in menu.actions() if action.isEnabled() and not action.isSeparator()), None)
    if from_keyboard and first is not None:
        QTimer.singleShot(0, lambda: menu.setActiveAction(first))  # once shown, inside exec's loop
    menu.exec(where)
    menu.deleteLater()
    QTimer.singleShot(0, lambda: _focus_back_told(field))


def _focus_back_told(field: QWidget) -> None:
    if QApplication.focusWidget() is field and QApplication.activePopupWidget() is None:
        QAccessible.updateAccessibility(QAccessibleEvent(field, QAccessible.Event.Focus))
