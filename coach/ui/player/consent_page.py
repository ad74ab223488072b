"""Consent, asked of the client in their own language and read aloud, before any record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coach.ui.icons import icon
from coach.ui.language_state import LanguageState
from coach.ui.theme import colours
from coach.ui.widgets import PictureView, scrolling_page

CONSENT_SCOPE = "learning-record"
"""What the client agrees to: a record of their learning at this desk (see docs/privacy.md)."""


class ConsentPage(QWidget):
    answered = Signal(bool)
    say = Signal(str)

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        scroll, layout = scrolling_page(self, (32, 24, 32, 24), 16)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setProperty("role", "step-text")
        self.body.setWordWrap(True)
        self.picture = PictureView(minimum=96)
        self.picture.setFixedHeight(140)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.listen_button = QPushButton()
        self.no_button = QPushButton()
        self.yes_button = QPushButton()
        self.listen_button.setProperty("role", "nav")
        self.no_button.setProperty("role", "nav")
        self.yes_button.setProperty("role", "done")
        for button in (self.listen_button, self.no_button, self.yes_button):
            button.setAutoDefault(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        row.addWidget(self.listen_button)
        row.addStretch(1)
        row.addWidget(self.no_button)
        row.addWidget(self.yes_button)
        layout.addLayout(row)
        self.listen_button.clicked.connect(self.read_aloud)
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        self.retranslate()

    def read_aloud(self) -> None:
        self.say.emit(f"{self.title.text()} {self.body.text()}")

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        self.title.setText(_("May we keep a record of your learning?"))
        self.body.setText("\n".join((
            _("We write down what you learn here."),
            _("We keep a first name or a nickname, your language and your progress."),
            _("It stays on this computer, locked with a password."),
            _("You can see it, and ask us to delete it, at any time."),
        )))
        self.body.setAccessibleName(self.body.text())
        ink = colours(False).icon
        self.picture.set_picture(_LOCK_PICTURE)
        self.picture.setAccessibleName(_("A closed lock"))
        self.picture.setAccessibleDescription(_("Your record is locked on this computer."))
        for button, label, description, name in (
            (self.listen_button, _("Listen"), _("Hear this question read aloud."), "listen"),
            (self.no_button, _("No"), _("Do not keep a record. You can still learn."), ""),
            (self.yes_button, _("Yes"), _("Keep a record of my learning."), "done"),
        ):
            button.setText(label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(description)
            if name:
                button.setIcon(icon(name, ink if button is not self.yes_button else "#ffffff"))


_LOCK_PICTURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">'
    b'<circle cx="60" cy="60" r="56" fill="#e8f0fb"/>'
    b'<path d="M40 55 V42 A20 20 0 0 1 80 42 V55" fill="none" stroke="#1d5fa8" stroke-width="9"/>'
    b'<rect x="30" y="55" width="60" height="42" rx="8" fill="#1d5fa8"/>'
    b'<circle cx="60" cy="72" r="6" fill="#ffffff"/><rect x="57" y="74" width="6" height="12" fill="#ffffff"/></svg>'
)
