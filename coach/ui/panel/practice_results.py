"""The panel's view of a lesson's practice: each exercise's result and the suggested level.

"Step 2: solved after 2 tries, 1 hint" for each exercise of the lesson on screen, the
level the results suggest (coach.domain.practice, rule in docs/practice.md), and one
button that records it. Nothing is recorded until the worker clicks it, or another
level.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from coach.domain.autonomy import AutonomyLevel
from coach.domain.pack import Lesson
from coach.domain.practice import ExerciseResult, describe, suggest_level
from coach.ui.language_state import LanguageState


class PracticeResults(QFrame):
    """Results of the lesson's exercises, and "Confirm: Autonomous" (one click)."""

    confirmed = Signal(int)
    """The worker confirmed the suggested level (0–3) for the lesson's skills."""

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._languages = languages
        self._lesson: Lesson | None = None
        self._results: Mapping[str, ExerciseResult] = {}
        self.suggested: AutonomyLevel | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.title.setWordWrap(True)
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setAutoDefault(True)
        self.confirm_button.setProperty("role", "level")
        self.confirm_button.clicked.connect(self._confirm)
        for widget in (self.title, self.lines, self.suggestion, self.confirm_button):
            layout.addWidget(widget)
        self.setVisible(False)

    def show_lesson(self, lesson: Lesson | None, results: Mapping[str, ExerciseResult]) -> None:
        """The lesson on the client's screen and its exercise results so far in this visit."""
        self._lesson, self._results = lesson, dict(results)
        self.retranslate()

    def exercise_lines(self) -> list[str]:
        return self.lines.text().splitlines() if self.lines.text() else []

    def _confirm(self) -> None:
        if self.suggested is not None:
            self.confirmed.emit(int(self.suggested))

    def retranslate(self) -> None:
        strings = self._languages.worker_strings()
        _ = strings.gettext
        lesson = self._lesson
        exercises = [(index, step) for index, step in enumerate(lesson.steps) if step.exercise is not None] \
            if lesson is not None else []
        self.setVisible(bool(exercises))
        if not exercises:
            self.suggested = None
            return
        self.title.setText(_("Practice"))
        lines = []
        for index, step in exercises:
            result = self._results.get(step.id, ExerciseResult(step.id))
            lines.append(_("Step {number}: {result}").format(
                number=index + 1, result=describe(result, strings.gettext, strings.ngettext)))
        self.lines.setText("\n".join(lines))
        self.lines.setAccessibleName(self.title.text() + ": " + "; ".join(lines))
        self.suggested = suggest_level(self._results.values(), len(exercises))
        if self.suggested is None:
            self.suggestion.setText(_("No suggestion yet: no exercise tried."))
            self.confirm_button.setVisible(False)
            return
        label = _(self.suggested.label)
        self.suggestion.setText(_("Suggested level: {level}").format(level=label))
        self.confirm_button.setVisible(True)
        self.confirm_button.setText(_("Confirm"))  # the level is on the line above: the button never clips
        self.confirm_button.setAccessibleName(_("Confirm: {level}").format(level=label))
        self.confirm_button.setAccessibleDescription(
            _("Record this level and the practice results for the lesson's skills."))
