"""Choose the right picture or message: 2 to 4 big choices, any right one solves it.

Each choice is one button (touch, click, or Tab then Enter/Space); a text choice has
its own Listen button, and its words are highlighted while it is read. With
`phone = true` text choices are messages on the simulated phone. In right-to-left
languages the row of choices starts on the right.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from coach.domain.exercises import ChooseExercise
from coach.domain.pack import Text
from coach.ui.icons import icon
from coach.ui.player.exercises.base import ExerciseContext, ExerciseView, press_button
from coach.ui.player.exercises.phone import SimulatedPhone
from coach.ui.player.speech_controls import SpokenText
from coach.ui.theme import colours
from coach.ui.widgets import PictureView


class ChoiceButton(QPushButton):
    """A big pressable card holding a picture, a text, or both."""

    def __init__(self, picture: bytes, has_text: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "choice")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(True)
        self.setCheckable(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.box = layout
        self.picture: PictureView | None = None
        if picture:
            self.picture = PictureView(minimum=120)
            self.picture.set_picture(picture)
            self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(self.picture, 1)
        self.caption = SpokenText()
        self.caption.setProperty("role", "choice-text")
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.caption)
        self.caption.setVisible(has_text)  # after it has a parent: a shown orphan would be a window

    def sizeHint(self) -> QSize:  # noqa: N802
        inner = self.box.sizeHint()
        return QSize(inner.width(), max(inner.height(), 48))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.box.minimumSize().expandedTo(QSize(48, 48))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.caption.isVisible() and self.picture is None

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        margins = self.box.contentsMargins()
        inner = width - margins.left() - margins.right()
        return margins.top() + self.caption.heightForWidth(inner) + margins.bottom()


class ChooseView(ExerciseView):
    def __init__(self, context: ExerciseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        exercise = context.step.exercise
        assert isinstance(exercise, ChooseExercise)
        self.exercise = exercise
        self.buttons: list[ChoiceButton] = []
        self.listen_buttons: list[QPushButton | None] = []
        holder = QWidget()
        self.phone: SimulatedPhone | None = None
        texts_only = all(choice.text is not None and not choice.picture for choice in exercise.choices)
        if exercise.on_phone and texts_only:
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(8, 8, 8, 8)
            self.phone = SimulatedPhone()
            self.phone.set_screen(holder)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.phone, 3)
            row.addStretch(1)
            self.body.addLayout(row, 1)
        else:
            # Pictures side by side (the row starts on the right in right-to-left), texts one under another.
            layout = QVBoxLayout(holder) if texts_only else QHBoxLayout(holder)  # type: ignore[assignment]
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(16)
            self.body.addWidget(holder, 1)
        for index, choice in enumerate(exercise.choices):
            card = QWidget()
            column = QVBoxLayout(card)
            column.setContentsMargins(0, 0, 0, 0)
            button = ChoiceButton(context.picture(choice.picture) if choice.picture else b"", choice.text is not None)
            if choice.picture:
                button.setMinimumHeight(160)
            button.clicked.connect(lambda _checked=False, i=index: self.choose(i))
            listen = None
            if choice.text is not None and not choice.picture:
                # A message and, beside it, its own Listen button (an icon: the row stays short).
                line = QHBoxLayout()
                line.setSpacing(8)
                line.addWidget(button, 1)
                listen = press_button("nav")
                listen.clicked.connect(lambda _checked=False, i=index: self.read_choice(i))
                line.addWidget(listen, 0, Qt.AlignmentFlag.AlignVCenter)
                column.addLayout(line)
            else:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                column.addWidget(button, 1)
                if choice.text is not None:
                    listen = press_button("nav")
                    listen.clicked.connect(lambda _checked=False, i=index: self.read_choice(i))
                    column.addWidget(listen, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
            self.listen_buttons.append(listen)
            layout.addWidget(card, 1)
        if self.phone is not None:
            layout.addStretch(1)
        self.retranslate(context)

    def hint_text(self) -> Text:
        return self.exercise.hint

    def choose(self, index: int) -> None:
        if self.done:
            return
        if self.exercise.choices[index].right:
            self.buttons[index].setProperty("answer", "right")
            self._restyle(self.buttons[index])
            self.right()
        else:
            self.buttons[index].setProperty("answer", "wrong")
            self._restyle(self.buttons[index])
            self.wrong(self.exercise.hint_for(index))

    def read_choice(self, index: int) -> None:
        self.say(self.buttons[index].caption.plain_text())

    def on_word(self, start: int, length: int) -> None:
        spoken = self.context.reader.text
        for button in self.buttons:
            if button.caption.plain_text() == spoken:
                button.caption.highlight(start, length)
            else:
                button.caption.highlight(-1, 0)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def retranslate(self, context: ExerciseContext) -> None:
        super().retranslate(context)
        _ = context.gettext
        ink = colours(context.high_contrast).icon
        count = len(self.exercise.choices)
        for index, (choice, button) in enumerate(zip(self.exercise.choices, self.buttons, strict=True)):
            parts = []
            if choice.text is not None:
                text = context.text(choice.text)
                if text != button.caption.plain_text():
                    button.caption.set_plain_text(text)
                parts.append(text)
            if choice.picture_description is not None:
                description = context.text(choice.picture_description)
                parts.append(description)
                if button.picture is not None:
                    button.picture.setAccessibleDescription(description)
            name = _("Choice {number} of {total}").format(number=index + 1, total=count)
            button.setAccessibleName(name)
            button.setAccessibleDescription(" ".join(parts))
            button.setToolTip(" ".join(parts))
            button.caption.set_high_contrast(context.high_contrast)
            listen = self.listen_buttons[index]
            if listen is not None:
                listen.setToolTip(_("Listen"))
                listen.setIcon(icon("listen", ink))
                listen.setAccessibleName(_("Listen to choice {number}").format(number=index + 1))
                listen.setAccessibleDescription(_("Hear this message read aloud."))
        if self.phone is not None:
            self.phone.set_high_contrast(context.high_contrast)

    def first_focus(self) -> QWidget:
        return self.buttons[0]
