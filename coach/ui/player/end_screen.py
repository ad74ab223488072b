"""The end of a lesson: praise, and clear ways on: again, another lesson, or back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from coach.domain.autonomy import SelfRating
from coach.ui.accessibility import announce
from coach.ui.icons import icon
from coach.ui.language_state import LanguageState
from coach.ui.player.step_layout import StepBody, control_row
from coach.ui.player.top_bar import BarButton
from coach.ui.theme import colours
from coach.ui.widgets import PictureView
from coach.visit import CLIENT_SELF_RATINGS


class EndPage(QWidget):
    again = Signal()
    library = Signal()
    back = Signal()
    self_rated = Signal(str)
    """The client's own answer: "not-yet", "with-help" or "alone" (see coach.visit)."""
    say = Signal(str)
    """A text to read aloud in the client's language (the face just tapped)."""

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._lesson_title = ""
        self._high_contrast = False
        # The faces and the buttons are never in a scroll area (coach.ui.player.step_layout).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.picture = PictureView(minimum=48)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "step-text")
        self.subtitle.setWordWrap(True)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question = QLabel()
        self.question.setProperty("role", "section")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = StepBody(self.picture, [self.title, self.subtitle, self.question], visual_minimum=48)
        layout.addWidget(self.body, 1)
        self.faces_row, faces = control_row(spread=False)
        self.faces: dict[str, QToolButton] = {}
        for answer in CLIENT_SELF_RATINGS:
            face = BarButton()  # the face above its word: three fit side by side at 200 %; Enter chooses
            face.setProperty("role", "face")
            face.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            face.setCheckable(True)
            face.setAutoExclusive(True)
            face.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            face.setCursor(Qt.CursorShape.PointingHandCursor)
            face.clicked.connect(lambda _=False, a=answer: self._rate(a))
            faces.addWidget(face)
            self.faces[answer] = face
        layout.addWidget(self.faces_row)
        self.buttons_row, row = control_row()
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "nav")
        self.again_button = QPushButton()
        self.again_button.setProperty("role", "nav")
        self.library_button = QPushButton()
        self.library_button.setProperty("role", "primary")
        for button in (self.back_button, self.again_button, self.library_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        row.addWidget(self.back_button)
        row.addWidget(self.again_button)
        row.addWidget(self.library_button)
        layout.addWidget(self.buttons_row)
        self.back_button.clicked.connect(self.back)
        self.again_button.clicked.connect(self.again)
        self.library_button.clicked.connect(self.library)
        self.retranslate()

    def show_for(self, lesson_title: str, reset: bool = True) -> None:
        if reset:
            for face in self.faces.values():
                face.setAutoExclusive(False)
                face.setChecked(False)
                face.setAutoExclusive(True)
        self._lesson_title = lesson_title
        self.retranslate()
        self.library_button.setFocus(Qt.FocusReason.OtherFocusReason)
        # The focus lands on "Other lessons": the screen's news is said after it.
        announce(self.title, f"{self.title.text()} {self.question.text()}")

    def _rate(self, answer: str) -> None:
        self.say.emit(self.faces[answer].text())
        self.self_rated.emit(answer)
        self.retranslate()

    def set_high_contrast(self, high: bool) -> None:
        self._high_contrast = high
        self.retranslate()

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        c = colours(self._high_contrast)
        rtl = self._languages.client.rtl
        self.picture.set_picture(_done_picture(c.done))
        self.picture.setAccessibleName(_("Well done"))
        self.picture.setAccessibleDescription(_("A big green tick."))
        self.title.setText(_("Well done! You finished the lesson."))
        self.subtitle.setText(self._lesson_title)
        self.question.setText(_("How did it go?"))
        for rating, description in (
            (SelfRating.NOT_YET, _("I cannot do it alone yet.")),
            (SelfRating.WITH_HELP, _("I can do it with some help.")),
            (SelfRating.ALONE, _("I can do it alone.")),
        ):
            answer, label = rating.key, _(rating.label)
            face = self.faces[answer]
            face.setText(label)
            ink = c.accent_text if face.isChecked() else c.icon
            face.setIcon(icon(f"face-{answer}", ink))
            face.setAccessibleName(label)
            face.setAccessibleDescription(description)
        for button, label, description, name, ink in (
            (self.back_button, _("Back"), _("Go back to the last step."), "next" if rtl else "back", c.icon),
            (self.again_button, _("Do it again"), _("Start this lesson again from step 1."), "restart", c.icon),
            (self.library_button, _("Other lessons"), _("Choose another lesson."), "home", c.accent_text),
        ):
            button.setText(label)
            button.setIcon(icon(name, ink))
            button.setAccessibleName(label)
            button.setAccessibleDescription(description)


def _done_picture(colour: str) -> bytes:
    """A large tick in a circle, drawn here so the end screen needs no pack file."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">'
        f'<circle cx="100" cy="100" r="90" fill="{colour}"/>'
        '<path d="M55 105 L88 138 L148 70" fill="none" stroke="#ffffff" stroke-width="18" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    ).encode()
