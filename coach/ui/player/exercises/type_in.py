"""Type it in: a practice form whose fields are checked by the rules the pack declares.

The button (or Enter in a field) checks every field; the first wrong one is marked,
gets the focus, and its hint is shown and read aloud. A password field shows a
strength meter as the client types. Nothing typed is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from coach.domain.exercises import FormField, Rule, Strength, TypeInExercise
from coach.domain.pack import Text
from coach.ui.player.exercises.base import ExerciseContext, ExerciseView
from coach.ui.player.exercises.form import PracticeField, PracticeForm


def strength_words(gettext: Callable[[str], str]) -> dict[Strength, str]:
    _ = gettext
    return {
        Strength.TOO_WEAK: _("Too weak"), Strength.WEAK: _("Weak"), Strength.MEDIUM: _("Medium"),
        Strength.STRONG: _("Strong"), Strength.VERY_STRONG: _("Very strong"),
    }


class TypeInView(ExerciseView):
    def __init__(self, context: ExerciseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        exercise = context.step.exercise
        assert isinstance(exercise, TypeInExercise)
        self.exercise = exercise
        self.form = PracticeForm()
        self.inputs: dict[str, PracticeField] = {}
        for spec in exercise.fields:
            field = self.form.add_field(spec.id, password=spec.rule == Rule.PASSWORD)
            if field.meter is not None:
                field.edit.textChanged.connect(lambda _text, f=field: self._update_meter(f))
            self.inputs[spec.id] = field
        self.form.submitted.connect(self.submit)
        row = QHBoxLayout()  # a page of its own, nearly the practice's width: beside the step's
        row.addStretch(1)    # texts at 200 % a narrower one wrapped the site's name onto 4 lines
        row.addWidget(self.form, 12)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.pin_action(self.form.button, self.form.button_row)
        self._wrong_field: FormField | None = None
        self.retranslate(context)

    def hint_text(self) -> Text:
        return (self._wrong_field or self.exercise.fields[0]).hint

    def submit(self) -> None:
        if self.done:
            return
        wrong = self.exercise.wrong_fields(self.form.answers())
        for spec in self.exercise.fields:
            self.inputs[spec.id].set_invalid(spec in wrong)
        if wrong:
            self._wrong_field = wrong[0]
            self.inputs[wrong[0].id].edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.wrong(wrong[0].hint)
        else:
            self.right()

    def on_solved(self) -> None:
        for field in self.inputs.values():
            field.edit.setReadOnly(True)

    def _update_meter(self, field: PracticeField) -> None:
        if field.meter is not None:
            strength = field.strength()
            field.meter.set_strength(strength, strength_words(self.context.gettext)[strength])

    def clear(self) -> None:
        self.form.clear()

    def retranslate(self, context: ExerciseContext) -> None:
        super().retranslate(context)
        _ = context.gettext
        self.form.site.setText(context.text(self.exercise.site))
        self.form.practice_mark.setText(_("Practice: nothing is sent"))
        button = context.text(self.exercise.button)
        self.form.button.setText(button)
        self.form.button.setAccessibleName(button)
        self.form.button.setAccessibleDescription(_("Check what you wrote."))
        for spec in self.exercise.fields:
            field = self.inputs[spec.id]
            label = context.text(spec.label)
            field.label.setText(label)
            field.edit.setAccessibleName(label)
            if field.show_button is not None:
                field.show_button.setText(_("Show"))
                field.show_button.setAccessibleName(_("Show the password"))
                field.show_button.setAccessibleDescription(_("Show or hide what you typed."))
            self._update_meter(field)

    def first_focus(self) -> QWidget:
        return self.inputs[self.exercise.fields[0].id].edit
