"""LessonProgress: the step-by-step state machine of a lesson, and the events it yields."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from coach.domain.progress import EventKind, LessonProgress, PlayerEvent

STEPS = ("press-button", "swipe-up", "type-code", "home-screen")


def make(steps: tuple[str, ...] = STEPS, **kwargs) -> LessonProgress:
    return LessonProgress("demo", "unlock-phone", steps, **kwargs)


def reached(index: int) -> list[PlayerEvent]:
    return [PlayerEvent(EventKind.STEP_REACHED, "demo", "unlock-phone", index, STEPS[index])]


def state(progress: LessonProgress) -> tuple[int, bool]:
    return progress.index, progress.finished


# --- construction -------------------------------------------------------------------------


def test_new_lesson_starts_at_first_step() -> None:
    """A new lesson opens at step 0, not finished, with nothing recorded."""
    progress = make()
    assert state(progress) == (0, False)
    assert progress.furthest == 0
    assert progress.step_count == 4
    assert progress.is_first and not progress.is_last and not progress.can_go_back
    assert not hasattr(progress, "help_requests"), "help asked is kept by the visit, not the player"


def test_start_reports_the_current_step() -> None:
    """start() yields one STEP_REACHED event for the step the lesson opens at."""
    assert make().start() == reached(0)
    assert make(index=2).start() == reached(2)


def test_opening_in_the_middle_sets_furthest() -> None:
    """A lesson reopened at step 2 counts step 2 as reached."""
    assert make(index=2).furthest == 2


def test_empty_lesson_is_refused() -> None:
    """A lesson with no steps raises ValueError naming the lesson."""
    with pytest.raises(ValueError, match="unlock-phone"):
        make(steps=())


@pytest.mark.parametrize("index", [-1, 4, 100])
def test_start_index_out_of_range_is_refused(index: int) -> None:
    """Opening a lesson at a step that does not exist raises ValueError with the range."""
    with pytest.raises(ValueError, match=r"out of range 0\.\.3"):
        make(index=index)


# --- next / back --------------------------------------------------------------------------


def test_next_walks_through_every_step_then_finishes() -> None:
    """next() reaches each step in turn, then the end screen with LESSON_FINISHED."""
    progress = make()
    for index in range(1, 4):
        assert progress.next() == reached(index)
        assert state(progress) == (index, False)
    assert progress.is_last
    assert progress.next() == [PlayerEvent(EventKind.LESSON_FINISHED, "demo", "unlock-phone", 3, "home-screen")]
    assert state(progress) == (3, True)
    assert progress.furthest == 3


def test_next_on_end_screen_does_nothing() -> None:
    """next() on the end screen yields no event and changes nothing."""
    progress = make(index=3)
    progress.next()
    assert progress.next() == []
    assert state(progress) == (3, True)


def test_back_on_first_step_does_nothing() -> None:
    """back() on the first step yields no event and stays there."""
    progress = make()
    assert progress.back() == []
    assert state(progress) == (0, False)


def test_back_goes_to_previous_step_and_keeps_furthest() -> None:
    """back() reaches the previous step; furthest remembers how far the client went."""
    progress = make(index=2)
    assert progress.back() == reached(1)
    assert state(progress) == (1, False)
    assert progress.furthest == 2


def test_end_screen_goes_back_to_last_step() -> None:
    """From the end screen, back() returns to the last step (no dead end)."""
    progress = make(index=3)
    progress.next()
    assert progress.can_go_back and not progress.is_first
    assert progress.back() == reached(3)
    assert state(progress) == (3, False)


def test_single_step_lesson() -> None:
    """A one-step lesson is first and last; next finishes it, back returns to it."""
    progress = make(steps=("only",))
    assert progress.is_first and progress.is_last
    assert [e.kind for e in progress.next()] == [EventKind.LESSON_FINISHED]
    assert progress.back()[0].step_id == "only"
    assert state(progress) == (0, False)


# --- go_to -------------------------------------------------------------------------------


def test_go_to_jumps_and_leaves_end_screen() -> None:
    """go_to() reaches the given step, even from the end screen, and updates furthest."""
    progress = make(index=3)
    progress.next()
    assert progress.go_to(1) == reached(1)
    assert state(progress) == (1, False)
    assert progress.furthest == 3
    progress = make()
    progress.go_to(2)
    assert progress.furthest == 2


@pytest.mark.parametrize("index", [-1, 4])
def test_go_to_out_of_range_is_refused_and_changes_nothing(index: int) -> None:
    """go_to() outside the lesson raises ValueError and leaves the state as it was."""
    progress = make(index=1)
    with pytest.raises(ValueError, match="out of range"):
        progress.go_to(index)
    assert state(progress) == (1, False)


# --- help and "I did it" -----------------------------------------------------------------


def test_help_is_counted_per_step() -> None:
    """ask_for_help() yields HELP_REQUESTED for the step on screen, each time (the visit counts them)."""
    progress = make()
    assert progress.ask_for_help() == [PlayerEvent(EventKind.HELP_REQUESTED, "demo", "unlock-phone", 0, STEPS[0])]
    progress.next()
    progress.next()
    assert progress.ask_for_help() == [PlayerEvent(EventKind.HELP_REQUESTED, "demo", "unlock-phone", 2, STEPS[2])]


def test_did_it_marks_the_current_step() -> None:
    """did_it() yields DID_IT for the step on screen."""
    progress = make(index=1)
    assert progress.did_it() == [PlayerEvent(EventKind.DID_IT, "demo", "unlock-phone", 1, STEPS[1])]


# --- no dead ends ------------------------------------------------------------------------


def reachable_states() -> list[tuple[int, bool]]:
    return [(i, False) for i in range(len(STEPS))] + [(len(STEPS) - 1, True)]


def put_in(progress: LessonProgress, wanted: tuple[int, bool]) -> None:
    index, finished = wanted
    progress.go_to(index)
    if finished:
        progress.next()
    assert state(progress) == wanted


@pytest.mark.parametrize("wanted", reachable_states())
def test_no_dead_ends(wanted: tuple[int, bool]) -> None:
    """From every state but the first step, back then next returns to it; from the first, next then back."""
    progress = make()
    put_in(progress, wanted)
    if progress.can_go_back:
        assert progress.back()
        assert progress.next()
    else:
        assert progress.next()
        assert progress.back()
    assert state(progress) == wanted


# --- random walks ------------------------------------------------------------------------

ACTIONS = ("next", "back", "help", "did_it", "go_to")


@settings(max_examples=300)
@given(
    steps=st.lists(st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True), min_size=1, max_size=6, unique=True),
    walk=st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 10)), max_size=40),
)
def test_random_walk_keeps_invariants(steps: list[str], walk: list[tuple[str, int]]) -> None:
    """Any sequence of actions keeps 0 <= index < count, furthest >= index, and events on the current step."""
    progress = LessonProgress("p", "l", tuple(steps))
    visited = {0}
    events = progress.start()
    helped = help_events = 0
    for action, target in walk:
        if action == "next":
            events = progress.next()
        elif action == "back":
            events = progress.back()
        elif action == "help":
            helped += 0 if progress.finished else 1  # nothing to help with on the end screen
            events = progress.ask_for_help()
        elif action == "did_it":
            events = progress.did_it()
        else:
            target %= len(steps)
            events = progress.go_to(target)
        visited.add(progress.index)
        assert 0 <= progress.index < progress.step_count
        assert progress.furthest >= progress.index
        assert progress.furthest == max(visited)
        if progress.finished:
            assert progress.is_last and progress.step_count - 1 in visited
        for event in events:
            assert (event.pack_id, event.lesson_id) == ("p", "l")
            assert event.step_index == progress.index
            assert event.step_id == steps[progress.index]
            help_events += event.kind is EventKind.HELP_REQUESTED
    assert help_events == helped


class ProgressMachine(RuleBasedStateMachine):
    """A model of the lesson (index, finished, furthest, help counts) checked against LessonProgress."""

    @initialize(count=st.integers(1, 6), start=st.integers(0, 5))
    def open_lesson(self, count: int, start: int) -> None:
        self.steps = tuple(f"step-{n}" for n in range(count))
        self.index = start % count
        self.finished = False
        self.furthest = self.index
        self.help: dict[int, int] = {}
        self.progress = LessonProgress("p", "l", self.steps, index=self.index)

    def check(self, events: list[PlayerEvent], kind: EventKind | None) -> None:
        if kind is None:
            assert events == []
        else:
            assert [e.kind for e in events] == [kind]
            assert events[0].step_index == self.index
            assert events[0].step_id == self.steps[self.index]

    @rule()
    def next(self) -> None:
        events = self.progress.next()
        if self.finished:
            kind = None
        elif self.index == len(self.steps) - 1:
            self.finished, kind = True, EventKind.LESSON_FINISHED
        else:
            self.index += 1
            kind = EventKind.STEP_REACHED
        self.furthest = max(self.furthest, self.index)
        self.check(events, kind)

    @rule()
    def back(self) -> None:
        events = self.progress.back()
        if self.finished:
            self.finished, kind = False, EventKind.STEP_REACHED
        elif self.index == 0:
            kind = None
        else:
            self.index -= 1
            kind = EventKind.STEP_REACHED
        self.check(events, kind)

    @rule(wanted=st.integers(0, 5))
    def go_to(self, wanted: int) -> None:
        wanted %= len(self.steps)
        events = self.progress.go_to(wanted)
        self.index, self.finished = wanted, False
        self.furthest = max(self.furthest, wanted)
        self.check(events, EventKind.STEP_REACHED)

    @precondition(lambda self: not self.finished)
    @rule()
    def help(self) -> None:
        events = self.progress.ask_for_help()
        self.help[self.index] = self.help.get(self.index, 0) + 1
        self.check(events, EventKind.HELP_REQUESTED)

    @invariant()
    def matches_model(self) -> None:
        assert (self.progress.index, self.progress.finished) == (self.index, self.finished)
        assert self.progress.furthest == self.furthest >= self.index
        assert 0 <= self.progress.index < self.progress.step_count
        if self.finished:
            assert self.furthest == len(self.steps) - 1
        assert self.progress.can_go_back == (self.finished or self.index > 0)


TestProgressMachine = ProgressMachine.TestCase
TestProgressMachine.settings = settings(max_examples=100, stateful_step_count=30)


def test_end_screen_ignores_help_and_did_it() -> None:
    """On the end screen there is no step to help with: help and "I did it" emit nothing."""
    progress = LessonProgress("p", "l", ("a", "b"), index=1)
    progress.next()
    assert progress.finished
    assert progress.ask_for_help() == [] and progress.did_it() == []
