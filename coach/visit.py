"""A visit in progress: turns what the client does in the player into records.

Qt-free, so the rules are tested without a window. The player's events (steps
reached, "I need help", "I did it", end of lesson) arrive here; this module knows
the time spent per lesson and which calls the records need. It depends on a small
`VisitStore` protocol rather than on the records package, so the same logic runs
against the encrypted store and against a plain in-memory one in tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from coach.domain.autonomy import SelfRating
from coach.domain.practice import ExerciseResult, to_record
from coach.domain.progress import EventKind, PlayerEvent

CLIENT_SELF_RATINGS = tuple(rating.key for rating in SelfRating)
"""The client's own rating after a lesson (three faces), as the end screen names them."""


class VisitStore(Protocol):
    """What a visit needs from the records (coach.records.Records provides it)."""

    def record_step(self, visit_id: int, pack_id: str, lesson_id: str, step_index: int, step_id: str,
                    language: str = "") -> None: ...

    def record_help(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None: ...

    def record_did_it(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None: ...

    def record_finished(self, visit_id: int, pack_id: str, lesson_id: str, seconds: int) -> None: ...

    def record_exercises(self, visit_id: int, pack_id: str, lesson_id: str,
                         results: dict[str, dict[str, int | bool]]) -> None: ...

    def rate(self, visit_id: int, skill: str, digcomp: str, level: int, by: str) -> object: ...

    def add_note(self, visit_id: int, text: str, language: str = "") -> object: ...

    def end_visit(self, visit_id: int) -> None: ...


@dataclass
class LessonActivity:
    """What happened in one lesson during this visit: the one place the panel reads it from."""

    pack_id: str
    lesson_id: str
    started: float
    help_by_step: dict[str, int] = field(default_factory=dict)
    """Step id -> times the client pressed "I need help" there."""
    did_it_by_step: dict[str, int] = field(default_factory=dict)
    """Step id -> times the client pressed "I did it" there."""
    furthest: int = 0
    finished: bool = False
    language: str = ""
    """The client's language the last time a step of this lesson was shown."""
    exercises: dict[str, ExerciseResult] = field(default_factory=dict)
    """Step id -> the practice exercise's counts so far (recorded when the worker confirms a level)."""


@dataclass
class VisitSession:
    """One visit: anonymous (client_id None) or for a known client."""

    store: VisitStore
    visit_id: int
    client_id: int | None
    clock: Callable[[], float] = time.monotonic
    lessons: dict[tuple[str, str], LessonActivity] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    """The worker's latest level per skill in this visit."""
    self_ratings: dict[tuple[str, str], str] = field(default_factory=dict)
    ended: bool = False

    @property
    def anonymous(self) -> bool:
        return self.client_id is None

    def handle(self, event: PlayerEvent) -> None:
        """Record a player event (the panel shows the same state from `lessons`)."""
        if self.ended:
            return
        key = (event.pack_id, event.lesson_id)
        activity = self.lessons.get(key)
        if activity is None:
            activity = self.lessons[key] = LessonActivity(event.pack_id, event.lesson_id, self.clock())
        if event.kind is EventKind.STEP_REACHED:
            activity.furthest = max(activity.furthest, event.step_index)
            activity.language = event.language or activity.language
            self.store.record_step(self.visit_id, event.pack_id, event.lesson_id, event.step_index, event.step_id,
                                   event.language)
        elif event.kind is EventKind.HELP_REQUESTED:
            activity.help_by_step[event.step_id] = activity.help_by_step.get(event.step_id, 0) + 1
            self.store.record_help(self.visit_id, event.pack_id, event.lesson_id, event.step_id)
        elif event.kind is EventKind.DID_IT:
            activity.did_it_by_step[event.step_id] = activity.did_it_by_step.get(event.step_id, 0) + 1
            self.store.record_did_it(self.visit_id, event.pack_id, event.lesson_id, event.step_id)
        elif event.kind is EventKind.LESSON_FINISHED:
            activity.finished = True
            seconds = round(self.clock() - activity.started)
            self.store.record_finished(self.visit_id, event.pack_id, event.lesson_id, seconds)

    def note_exercise(self, pack_id: str, lesson_id: str, result: ExerciseResult) -> None:
        """An exercise's counts changed: kept for the panel, not recorded until the worker confirms."""
        if self.ended:
            return
        key = (pack_id, lesson_id)
        activity = self.lessons.get(key)
        if activity is None:
            activity = self.lessons[key] = LessonActivity(pack_id, lesson_id, self.clock())
        activity.exercises[result.step_id] = result

    def record_practice(self, pack_id: str, lesson_id: str) -> bool:
        """Write the lesson's practice results to the record (the worker chose a level). False if none."""
        activity = self.lessons.get((pack_id, lesson_id))
        results = to_record(activity.exercises.values()) if activity is not None else {}
        if not results or self.ended:
            return False
        self.store.record_exercises(self.visit_id, pack_id, lesson_id, results)
        return True

    def rate(self, skill: str, digcomp: str, level: int) -> None:
        """The worker's one-click autonomy level (0–3) for a skill."""
        if not 0 <= level <= 3:
            raise ValueError(f"autonomy level must be 0 to 3, not {level}")
        self.store.rate(self.visit_id, skill, digcomp, level, "worker")
        self.levels[skill] = level

    def rate_self(self, pack_id: str, lesson_id: str, skills: list[tuple[str, str]], answer: str) -> None:
        """The client's own rating after a lesson, kept beside the worker's for each skill."""
        rating = SelfRating.from_key(answer)
        for skill, digcomp in skills:
            self.store.rate(self.visit_id, skill, digcomp, int(rating), "client")
        self.self_ratings[(pack_id, lesson_id)] = answer

    def note(self, text: str, language: str = "") -> None:
        """The worker's note, written in `language` (the client is told which language it is in)."""
        text = text.strip()
        if not text:
            return
        if self.anonymous:
            raise ValueError("an anonymous visit keeps no notes")
        self.store.add_note(self.visit_id, text, language)

    def end(self) -> None:
        if not self.ended:
            self.store.end_visit(self.visit_id)
            self.ended = True


class UnrecordedStore:
    """The store of a visit made without unlocking the records: nothing is kept anywhere."""

    def record_step(self, *args: object) -> None: ...

    def record_help(self, *args: object) -> None: ...

    def record_did_it(self, *args: object) -> None: ...

    def record_finished(self, *args: object) -> None: ...

    def record_exercises(self, *args: object) -> None: ...

    def rate(self, *args: object) -> None: ...

    def add_note(self, *args: object) -> None: ...

    def end_visit(self, *args: object) -> None: ...
