"""What the client did in each practice exercise, and the autonomy level it suggests.

Only counts leave an exercise: tries, hints, help asked, solved or not. What the
client typed or touched is never kept. The suggestion is only a suggestion: the
worker confirms it or picks another level (docs/practice.md states the rule).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def describe(result: ExerciseResult, gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str]) -> str:
    """The worker's line for one exercise: "solved after 2 tries, 1 hint", "not solved yet, 3 tries"."""
    parts = []
    if result.solved:
        parts.append(ngettext("solved after {count} try", "solved after {count} tries", result.attempts)
                     .format(count=result.attempts))
    elif result.attempts:
        parts.append(ngettext("not solved yet, {count} try", "not solved yet, {count} tries", result.attempts)
                     .format(count=result.attempts))
    else:
        parts.append(gettext("not tried yet"))
    if result.hints:
        parts.append(ngettext("{count} hint", "{count} hints", result.hints).format(count=result.hints))
    if result.help:
        parts.append(ngettext("help asked {count} time", "help asked {count} times", result.help)
                     .format(count=result.help))
    return ", ".join(parts)


def to_record(results: Iterable[ExerciseResult]) -> dict[str, dict[str, int | bool]]:
    """The results as the records keep them (JSON): step id -> counts, nothing the client typed."""
    return {r.step_id: {"attempts": r.attempts, "hints": r.hints, "help": r.help, "solved": r.solved}
            for r in results if r.started}


def from_record(data: dict[str, dict[str, int | bool]]) -> list[ExerciseResult]:
    return [ExerciseResult(step_id, int(v.get("attempts", 0)), int(v.get("hints", 0)), int(v.get("help", 0)),
                           bool(v.get("solved", False))) for step_id, v in data.items()]
