"""The lesson-progress state machine the player drives, and the events it yields.

Pure code: the player calls `next()`, `back()`, `ask_for_help()` and `did_it()`;
each returns the events the worker's panel records. Only the position lives here:
what the client did during the visit (help asked, "I did it") is kept by
`coach.visit.VisitSession`, its one owner.
There are no timers and no dead ends: Back always works except on the first step,
and the end screen can go back to the last step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EventKind(StrEnum):
    STEP_REACHED = "step_reached"
    HELP_REQUESTED = "help_requested"
    DID_IT = "did_it"
    LESSON_FINISHED = "lesson_finished"


@dataclass(frozen=True)
class PlayerEvent:
    """Something the client did in a lesson, for the worker's panel to record."""

    kind: EventKind
    pack_id: str
    lesson_id: str
    step_index: int
    step_id: str
    language: str = ""
    """The client's language when it happened (the player fills it in)."""


@dataclass
class LessonProgress:
    """Where the client is in one lesson: a step index, or the end screen."""

    pack_id: str
    lesson_id: str
    step_ids: tuple[str, ...]
    index: int = 0
    finished: bool = False
    furthest: int = 0

    def __post_init__(self) -> None:
        if not self.step_ids:
            raise ValueError(f"lesson {self.lesson_id!r} has no steps")
        if not 0 <= self.index < len(self.step_ids):
            raise ValueError(f"step index {self.index} out of range 0..{len(self.step_ids) - 1}")
        self.furthest = max(self.furthest, self.index)

    @property
    def step_count(self) -> int:
        return len(self.step_ids)

    @property
    def is_first(self) -> bool:
        return self.index == 0 and not self.finished

    @property
    def is_last(self) -> bool:
        return self.index == self.step_count - 1

    @property
    def can_go_back(self) -> bool:
        return self.finished or self.index > 0

    def start(self) -> list[PlayerEvent]:
        """The events of opening the lesson at the current step."""
        return [self._event(EventKind.STEP_REACHED)]

    def next(self) -> list[PlayerEvent]:
        """Go to the next step, or to the end screen after the last one."""
        if self.finished:
            return []
        if self.is_last:
            self.finished = True
            return [self._event(EventKind.LESSON_FINISHED)]
        self.index += 1
        self.furthest = max(self.furthest, self.index)
        return [self._event(EventKind.STEP_REACHED)]

    def back(self) -> list[PlayerEvent]:
        """Go to the previous step; from the end screen, back to the last step."""
        if self.finished:
            self.finished = False
            return [self._event(EventKind.STEP_REACHED)]
        if self.index == 0:
            return []
        self.index -= 1
        return [self._event(EventKind.STEP_REACHED)]

    def go_to(self, index: int) -> list[PlayerEvent]:
        """Jump to a step (used to reopen a lesson where the client left it)."""
        if not 0 <= index < self.step_count:
            raise ValueError(f"step index {index} out of range 0..{self.step_count - 1}")
        self.finished = False
        self.index = index
        self.furthest = max(self.furthest, index)
        return [self._event(EventKind.STEP_REACHED)]

    def ask_for_help(self) -> list[PlayerEvent]:
        """The client pressed "I need help" on the current step (nothing on the end screen)."""
        if self.finished:
            return []
        return [self._event(EventKind.HELP_REQUESTED)]

    def did_it(self) -> list[PlayerEvent]:
        """The client pressed "I did it" on the current step (nothing on the end screen)."""
        if self.finished:
            return []
        return [self._event(EventKind.DID_IT)]

    def _event(self, kind: EventKind) -> PlayerEvent:
        return PlayerEvent(kind, self.pack_id, self.lesson_id, self.index, self.step_ids[self.index])
