"""What the client did in each practice exercise, and the autonomy level it suggests.

Only counts leave an exercise: tries, hints, help asked, solved or not. What the
client typed or touched is never kept. The suggestion is only a suggestion: the
worker confirms it or picks another level (docs/practice.md states the rule).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from coach.domain.autonomy import AutonomyLevel


@dataclass(frozen=True)
class ExerciseResult:
    """One exercise of one lesson during a visit."""

    step_id: str
    attempts: int = 0
    """Answers given (a touch, a choice, a sent form, a finished order)."""
    hints: int = 0
    """Hints heard: after a wrong answer, or asked for with the Hint button."""
    help: int = 0
    """Times the client pressed "I need help" on this exercise."""
    solved: bool = False

    def tried(self) -> ExerciseResult:
        return replace(self, attempts=self.attempts + 1)

    def hinted(self) -> ExerciseResult:
        return replace(self, hints=self.hints + 1)

    def helped(self) -> ExerciseResult:
        return replace(self, help=self.help + 1)

    def succeeded(self) -> ExerciseResult:
        return replace(self, solved=True)

    @property
    def started(self) -> bool:
        return bool(self.attempts or self.hints or self.help or self.solved)


def suggest_level(results: Iterable[ExerciseResult], exercise_count: int) -> AutonomyLevel | None:
    """The autonomy level the lesson's exercises suggest, or None when none was tried.

    `exercise_count` is how many exercises the lesson has; one never reached counts
    as not solved. The rule, in order:

    * every exercise solved, with no hint and no help: AUTONOMOUS (3);
    * every exercise solved, with hints but no help: HELP_IF_NEEDED (2);
    * at least half solved (help asked, or some skipped): GUIDED (1);
    * fewer than half solved: DONE_FOR (0).
    """
    seen = [result for result in results if result.started]
    if not seen or exercise_count <= 0:
        return None
    solved = sum(1 for result in seen if result.solved)
    hints = sum(result.hints for result in seen)
    help_asked = sum(result.help for result in seen)
    if solved >= exercise_count and help_asked == 0:
        return AutonomyLevel.AUTONOMOUS if hints == 0 else AutonomyLevel.HELP_IF_NEEDED
    if solved * 2 >= exercise_count:
        return AutonomyLevel.GUIDED
    return AutonomyLevel.DONE_FOR
