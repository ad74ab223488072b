"""The lock screen of the panel: the records stay hidden until the passphrase is given."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coach.records.errors import RecordsError, WrongPassphrase, describe
from coach.ui.language_state import LanguageState


class LockView(QWidget):
    unlocked = Signal()

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.path: Path | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.title.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumHeight(48)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.button = QPushButton()
        self.button.setProperty("role", "primary")
        self.button.setAutoDefault(True)
        for widget in (self.title, self.passphrase, self.error, self.button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.retranslate()

    def try_unlock(self) -> None:
        """The passphrase is checked by opening the file with it (nothing is written)."""
        from coach.records.records import Records

        _ = self._languages.worker_strings().gettext
        if self.path is None:
            return
        try:
            Records.open(self.path, self.passphrase.text()).close()
        except WrongPassphrase:
            self.error.setText(_("This passphrase is not the right one."))
            self.passphrase.selectAll()
            return
        except (RecordsError, OSError) as exc:
            self.error.setText(describe(exc, _))
            return
        self.passphrase.clear()
        self.error.clear()
        self.unlocked.emit()

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        self.title.setText(_("The records are locked. Write the passphrase to see them again."))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.setAccessibleDescription(self.title.text())
        self.button.setText(_("Unlock"))
        self.button.setAccessibleName(_("Unlock"))
        self.button.setAccessibleDescription(self.title.text())
