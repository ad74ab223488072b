"""Unlocking the records: create the desk's passphrase on first start, unlock later.

Worker-facing, in the worker's language. A wrong passphrase says so and touches
nothing (coach.records refuses it before any write). "Visit without records" lets a
desk help someone before anyone knows the passphrase: nothing is stored then.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coach.records.errors import RecordsError, WrongPassphrase, describe
from coach.records.store import MIN_PASSPHRASE
from coach.ui.language_state import LanguageState

if TYPE_CHECKING:
    pass


def _field(password: bool = True) -> QLineEdit:
    field = QLineEdit()
    if password:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumHeight(48)
    return field


class RecordsGate(QWidget):
    """Emits `opened(records, worker_name)` or `skipped()`."""

    opened = Signal(object, str)
    skipped = Signal()

    def __init__(self, languages: LanguageState, path: Path, worker_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._path = path
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.title.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.name_label = QLabel()
        self.name = _field(password=False)
        self.name.setText(worker_name)
        self.passphrase_label = QLabel()
        self.passphrase = _field()
        self.again_label = QLabel()
        self.again = _field()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.open_button = QPushButton()
        self.open_button.setProperty("role", "primary")
        self.open_button.setAutoDefault(True)
        self.skip_button = QPushButton()
        self.skip_button.setAutoDefault(True)
        for widget in (self.title, self.explain, self.name_label, self.name, self.passphrase_label,
                       self.passphrase, self.again_label, self.again, self.error, self.open_button,
                       self.skip_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
        self.name_label.setBuddy(self.name)
        self.passphrase_label.setBuddy(self.passphrase)
        self.again_label.setBuddy(self.again)
        self.open_button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        self.again.returnPressed.connect(self.submit)
        self.skip_button.clicked.connect(self.skipped)
        self.retranslate()

    @property
    def creating(self) -> bool:
        return not self._path.exists()

    def reset(self) -> None:
        self.passphrase.clear()
        self.again.clear()
        self.error.clear()
        self.retranslate()
        (self.passphrase if self.name.text() else self.name).setFocus()

    def submit(self) -> None:
        from coach.records.records import Records  # sqlite-utils loads when the desk unlocks

        _ = self._languages.worker_strings().gettext
        name, passphrase = self.name.text().strip(), self.passphrase.text()
        if not name:
            self._fail(_("Write your name first: it goes with what you record."), self.name)
            return
        try:
            if self.creating:
                if passphrase != self.again.text():
                    self._fail(_("The two passphrases are not the same."), self.again)
                    return
                if len(passphrase) < MIN_PASSPHRASE:
                    self._fail(_("Choose a passphrase of at least {count} characters.").format(count=MIN_PASSPHRASE),
                               self.passphrase)
                    return
                records = Records.create(self._path, passphrase)
            else:
                records = Records.open(self._path, passphrase)
        except WrongPassphrase:
            self._fail(_("This passphrase is not the right one. Nothing was changed."), self.passphrase)
            return
        except (RecordsError, OSError, ValueError) as exc:
            self._fail(describe(exc, _), self.passphrase)
            return
        self.passphrase.clear()
        self.again.clear()
        self.error.clear()
        self.opened.emit(records, name)

    def _fail(self, message: str, focus: QLineEdit) -> None:
        self.error.setText(message)
        self.error.setAccessibleName(message)
        focus.setFocus()
        focus.selectAll()

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        creating = self.creating
        self.title.setText(_("Set the desk's passphrase") if creating else _("Unlock the records"))
        self.explain.setText(
            _("The records are encrypted on this computer. Choose a passphrase of at least 8 characters. "
              "Without it, nobody can read them: keep it safe.")
            if creating else _("Write the desk's passphrase to record this visit.")
        )
        self.name_label.setText(_("Your name"))
        self.passphrase_label.setText(_("Passphrase"))
        self.again_label.setText(_("Passphrase again"))
        self.again_label.setVisible(creating)
        self.again.setVisible(creating)
        self.open_button.setText(_("Create the records") if creating else _("Unlock"))
        self.skip_button.setText(_("Visit without records"))
        for widget, description in (
            (self.name, _("Your name, kept with the levels you record.")),
            (self.passphrase, _("The desk's passphrase.")),
            (self.again, _("The same passphrase again, to avoid typing mistakes.")),
            (self.open_button, self.explain.text()),
            (self.skip_button, _("Help the client now; nothing about this visit is stored.")),
        ):
            widget.setAccessibleName(widget.text() if isinstance(widget, QPushButton) else description)
            widget.setAccessibleDescription(description)
