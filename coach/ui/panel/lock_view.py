"""The lock screen of the panel: the records stay hidden until the passphrase is given.

The passphrase is checked by opening the file with it on the records thread
(nothing is written); the panel answers with `refused(error)` or unlocks.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from coach.ui.accessibility import announce
from coach.ui.language_state import LanguageState
from coach.ui.widgets import WrappingButton
from coach.ui.panel.gate import password_field, refusal_text


class LockView(QWidget):
    submitted = Signal(str)

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._busy = False
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.title.setWordWrap(True)
        self.passphrase = password_field()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.button = WrappingButton()
        self.button.setProperty("role", "primary")
        self.button.setAutoDefault(True)
        for widget in (self.title, self.passphrase, self.error, self.button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.retranslate()

    def try_unlock(self) -> None:
        if not self._busy and self.passphrase.text():
            self.submitted.emit(self.passphrase.text())

    def refused(self, error: BaseException) -> None:
        _ = self._languages.worker_strings().gettext
        self.error.setText(refusal_text(error, _("The records were not unlocked."), _))
        self.passphrase.setFocus()
        self.passphrase.selectAll()
        announce(self.error, self.error.text(), assertive=True)

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.clear()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button.setEnabled(not busy)

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        self.title.setText(_("The records are locked. Write the passphrase to see them again."))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.setAccessibleDescription(self.title.text())
        self.button.setText(_("Unlock"))
        self.button.setAccessibleName(_("Unlock"))
        self.button.setAccessibleDescription(self.title.text())
