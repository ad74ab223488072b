"""The code arrives by SMS: a practice log-in form beside the simulated phone.

"Get the code" makes the phone receive a message with a code (a banner at the top
of its screen; touching it opens the messages). The client copies the code into
the form. Only the latest code is right, as on a real site. Nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget

from coach.domain.exercises import SmsCodeExercise
from coach.domain.pack import Text
from coach.ui.player.exercises.base import ExerciseContext, ExerciseView, press_button
from coach.ui.player.exercises.form import PracticeForm
from coach.ui.player.exercises.phone import SimulatedPhone


def app_names(gettext: Callable[[str], str]) -> dict[str, str]:
    _ = gettext
    return {"messages": _("Messages"), "phone": _("Phone"), "internet": _("Internet"),
            "camera": _("Camera"), "mail": _("Mail"), "settings": _("Settings")}


class SmsCodeView(ExerciseView):
    def __init__(self, context: ExerciseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        exercise = context.step.exercise
        assert isinstance(exercise, SmsCodeExercise)
        self.exercise = exercise
        self.code = ""
        self._received: list[str] = []
        self.form = PracticeForm()
        self.send_button = press_button("nav")
        self.send_button.clicked.connect(self.send_code)
        self.form.add_widget(self.send_button)
        self.field = self.form.add_field("code")
        self.field.edit.setInputMethodHints(self.field.edit.inputMethodHints() | Qt.InputMethodHint.ImhDigitsOnly)
        self.form.submitted.connect(self.submit)
        self.phone = SimulatedPhone()
        self.phone.show_home()
        row = self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(24)
        row.addWidget(self.form, 3, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.phone, 2)
        self.body.addLayout(row, 1)
        self.pin_action(self.form.button, self.form.button_row)
        self.retranslate(context)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The phone beside the form, or under it when both do not fit side by side (200 %
        text beside the worker's panel: the phone went past the practice's edge)."""
        needed = self.form.minimumSizeHint().width() + self._row.spacing() + self.phone.minimumSizeHint().width()
        room = self.width() - self.scroll_area.verticalScrollBar().sizeHint().width()
        beside = room >= needed
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._row.direction() != direction:
            self._row.setDirection(direction)

    def hint_text(self) -> Text:
        return self.exercise.hint

    def send_code(self) -> None:
        """The site sends a code: the phone receives it at once (no waiting, no timeout)."""
        self.code = self.exercise.new_code()
        self._received.append(self.code)
        self.phone.notify(self._sender(), self._message(self.code), on_open=self.open_messages)
        if self._row.direction() == QBoxLayout.Direction.TopToBottom:
            self.scroll_area.ensureWidgetVisible(self.phone)  # the message arrives under the form: show it

    def open_messages(self) -> None:
        self.phone.show_messages(self.context.gettext("Messages"),
                                 [(self._sender(), self._message(code)) for code in self._received])

    def _sender(self) -> str:
        return self.context.text(self.exercise.sender)

    def _message(self, code: str) -> str:
        return self.context.text(self.exercise.message).replace("{code}", code)

    def submit(self) -> None:
        if self.done:
            return
        typed = self.field.edit.text().strip().replace(" ", "")
        if self.code and typed == self.code:
            self.field.set_invalid(False)
            self.right()
        else:
            self.field.set_invalid(True)
            self.field.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.wrong()

    def on_solved(self) -> None:
        self.field.edit.setReadOnly(True)

    def clear(self) -> None:
        self.form.clear()
        self.code = ""

    def retranslate(self, context: ExerciseContext) -> None:
        super().retranslate(context)
        _ = context.gettext
        e = self.exercise
        self.form.site.setText(context.text(e.site))
        self.form.practice_mark.setText(_("Practice: nothing is sent"))
        self.form.button.setText(context.text(e.button))
        self.form.button.setAccessibleName(context.text(e.button))
        self.form.button.setAccessibleDescription(_("Check the code you wrote."))
        self.send_button.setText(_("Get the code"))
        self.send_button.setAccessibleName(_("Get the code"))
        self.send_button.setAccessibleDescription(_("The phone receives a message with a code."))
        self.field.label.setText(context.text(e.label))
        self.field.edit.setAccessibleName(context.text(e.label))
        self.phone.set_app_names(app_names(_))
        self.phone.setAccessibleName(_("Practice phone"))
        self.phone.set_high_contrast(context.high_contrast)
        if self.phone.banner_text():
            self.phone.notify(self._sender(), self._message(self.code), on_open=self.open_messages)
        if self.phone.screen_name() == "messages":
            self.open_messages()

    def first_focus(self) -> QWidget:
        return self.send_button
