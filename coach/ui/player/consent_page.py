"""Consent, asked of the client in their own language and read aloud, before any record.

For people who read little: a picture, one short sentence per line, the question
last, every word highlighted as it is read, big Yes and No buttons. It is read on
arrival; Listen reads it all again, question included.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from coach.ui.icons import icon
from coach.ui.language_state import LanguageState
from coach.ui.player.reader import Reader
from coach.ui.player.speech_controls import SpokenText, follow_reader
from coach.ui.theme import colours
from coach.ui.player.step_layout import StepBody, control_row
from coach.ui.widgets import PictureView

CONSENT_SCOPE = "learning-record"
"""What the client agrees to: a record of their learning at this desk (see docs/privacy.md)."""


class ConsentPage(QWidget):
    answered = Signal(bool)
    say = Signal(str)

    def __init__(self, languages: LanguageState, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._high_contrast = False
        # Yes, No and Listen are never in a scroll area (coach.ui.player.step_layout).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(12)
        self.picture = PictureView(minimum=48)
        self.picture.setMaximumHeight(140)
        self.text = SpokenText()
        self.text.setProperty("role", "consent-text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        follow_reader(self.text, reader)
        # The question takes the focus when it appears: a screen reader reads it, then
        # Tab goes Listen, No, Yes.
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body = StepBody(self.picture, [self.text], visual_minimum=48)
        layout.addWidget(self.body, 1)
        self.buttons_row, row = control_row()
        self.listen_button = QPushButton()
        self.no_button = QPushButton()
        self.yes_button = QPushButton()
        self.listen_button.setProperty("role", "nav")
        self.no_button.setProperty("role", "answer-no")
        self.yes_button.setProperty("role", "answer-yes")
        for button in (self.listen_button, self.no_button, self.yes_button):
            button.setAutoDefault(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        row.addWidget(self.listen_button)
        row.addWidget(self.no_button)
        row.addWidget(self.yes_button)
        layout.addWidget(self.buttons_row)
        for before, after in ((self.text, self.listen_button), (self.listen_button, self.no_button),
                              (self.no_button, self.yes_button)):
            QWidget.setTabOrder(before, after)
        self.listen_button.clicked.connect(self.read_aloud)
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        self.retranslate()

    def focus_question(self) -> None:
        """Give the focus to the question, so that the keyboard starts there and Yes is three Tabs away."""
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def read_aloud(self) -> None:
        """Every sentence, then the question; the words are highlighted as they are said."""
        self.say.emit(self.text.plain_text())

    def set_high_contrast(self, high: bool) -> None:
        self._high_contrast = high
        self.text.set_high_contrast(high)
        self.retranslate()

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        sentences = (
            _("We write down what you learn here."),
            _("We keep your first name or a nickname."),
            _("We keep your language and your progress."),
            _("It stays on this computer, locked with a password."),
            _("You can see it at any time."),
            _("You can ask us to delete it."),
            _("May we keep a record of your learning?"),
        )
        self.text.set_plain_text("\n".join(sentences))
        self.picture.set_picture(_LOCK_PICTURE)
        self.picture.setAccessibleName(_("A closed lock"))
        self.picture.setAccessibleDescription(_("Your record is locked on this computer."))
        c = colours(self._high_contrast)
        self.body.more_below.set_colours(c)
        self.body.more_below.retranslate(_)
        for button, label, description, name, ink in (
            (self.listen_button, _("Listen"), _("Hear this question read aloud."), "listen", c.icon),
            (self.no_button, _("No"), _("Do not keep a record. You can still learn."), "stop", c.icon),
            (self.yes_button, _("Yes"), _("Keep a record of my learning."), "done", c.done_text),
        ):
            button.setText(label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(description)
            button.setIcon(icon(name, ink))


_LOCK_PICTURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">'
    b'<circle cx="60" cy="60" r="56" fill="#e8f0fb"/>'
    b'<path d="M40 55 V42 A20 20 0 0 1 80 42 V55" fill="none" stroke="#1d5fa8" stroke-width="9"/>'
    b'<rect x="30" y="55" width="60" height="42" rx="8" fill="#1d5fa8"/>'
    b'<circle cx="60" cy="72" r="6" fill="#ffffff"/><rect x="57" y="74" width="6" height="12" fill="#ffffff"/></svg>'
)
