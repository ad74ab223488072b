"""The player's practice exercises: one view per exercise kind of coach.domain.steps.

`exercise_view(context)` builds the view for a step whose kind is an exercise;
the lesson page shows it in place of the picture.
"""

from __future__ import annotations

from coach.ui.player.exercises.base import ExerciseContext, ExerciseView
from coach.ui.player.exercises.choose import ChooseView
from coach.ui.player.exercises.order import OrderView
from coach.ui.player.exercises.sms_code import SmsCodeView
from coach.ui.player.exercises.touch import TouchView
from coach.ui.player.exercises.type_in import TypeInView

VIEWS: dict[str, type[ExerciseView]] = {
    "touch": TouchView, "choose": ChooseView, "type-in": TypeInView, "sms-code": SmsCodeView, "order": OrderView,
}


def exercise_view(context: ExerciseContext) -> ExerciseView | None:
    """The view of the step's exercise, or None for a step that is not an exercise."""
    if context.step.exercise is None:
        return None
    view = VIEWS.get(context.step.kind)
    return None if view is None else view(context)


__all__ = ["ExerciseContext", "ExerciseView", "exercise_view"]
