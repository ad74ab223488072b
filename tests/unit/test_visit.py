"""The visit rules: player events become records; anonymous visits keep no notes."""

from __future__ import annotations

import pytest

from coach.domain.progress import EventKind, PlayerEvent
from coach.visit import CLIENT_SELF_RATINGS, VisitSession


class MemoryStore:
    """Keeps every call, in order, to check what a visit writes."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def record_step(self, *args):
        self.calls.append(("step", *args))

    def record_help(self, *args):
        self.calls.append(("help", *args))

    def record_did_it(self, *args):
        self.calls.append(("did_it", *args))

    def record_finished(self, *args):
        self.calls.append(("finished", *args))

    def rate(self, *args):
        self.calls.append(("rate", *args))

    def add_note(self, *args):
        self.calls.append(("note", *args))

    def end_visit(self, *args):
        self.calls.append(("end", *args))


def event(kind: EventKind, index: int = 0, step: str = "a") -> PlayerEvent:
    return PlayerEvent(kind, "demo", "call", index, step)


def test_events_become_records_and_panel_state() -> None:
    """Steps, help and the end of a lesson are recorded; help is counted per step; time is measured."""
    store, now = MemoryStore(), [100.0]
    visit = VisitSession(store, 7, client_id=3, clock=lambda: now[0])
    visit.handle(event(EventKind.STEP_REACHED))
    visit.handle(event(EventKind.HELP_REQUESTED))
    visit.handle(event(EventKind.HELP_REQUESTED))
    visit.handle(event(EventKind.STEP_REACHED, 1, "b"))
    visit.handle(event(EventKind.DID_IT, 1, "b"))
    now[0] = 172.4
    visit.handle(event(EventKind.LESSON_FINISHED, 1, "b"))
    activity = visit.lessons[("demo", "call")]
    assert activity.help_by_step == {"a": 2} and activity.did_it_by_step == {"b": 1} and activity.finished
    assert [c[0] for c in store.calls] == ["step", "help", "help", "step", "did_it", "finished"]
    assert store.calls[-2] == ("did_it", 7, "demo", "call", "b")
    assert store.calls[-1] == ("finished", 7, "demo", "call", 72)


def test_each_lesson_is_recorded_in_the_language_it_was_shown_in() -> None:
    """A client who switches from French to Arabic has the next lesson recorded as Arabic."""
    store = MemoryStore()
    visit = VisitSession(store, 7, client_id=3)
    visit.handle(PlayerEvent(EventKind.STEP_REACHED, "demo", "call", 0, "a", "fr"))
    visit.handle(PlayerEvent(EventKind.STEP_REACHED, "demo", "unlock", 0, "x", "ar"))
    assert store.calls[0] == ("step", 7, "demo", "call", 0, "a", "fr")
    assert store.calls[1] == ("step", 7, "demo", "unlock", 0, "x", "ar")
    assert visit.lessons[("demo", "unlock")].language == "ar"


def test_levels_and_self_ratings() -> None:
    """The worker's level is 0–3; the client's faces map to their stored levels, per skill."""
    store = MemoryStore()
    visit = VisitSession(store, 1, client_id=2)
    visit.rate("demo/phone-call", "2.1", 2)
    with pytest.raises(ValueError):
        visit.rate("demo/phone-call", "2.1", 4)
    visit.rate_self("demo", "call", [("demo/phone-call", "2.1"), ("demo/x", "4.1")], "alone")
    assert visit.levels == {"demo/phone-call": 2}
    assert [c for c in store.calls if c[0] == "rate"][1:] == [
        ("rate", 1, "demo/phone-call", "2.1", 3, "client"), ("rate", 1, "demo/x", "4.1", 3, "client")]
    with pytest.raises(ValueError):
        visit.rate_self("demo", "call", [], "maybe")
    assert set(CLIENT_SELF_RATINGS) == {"not-yet", "with-help", "alone"}


def test_anonymous_visit_keeps_no_note() -> None:
    """A note on an anonymous visit is refused; blank notes are ignored everywhere."""
    store = MemoryStore()
    anonymous = VisitSession(store, 1, client_id=None)
    with pytest.raises(ValueError):
        anonymous.note("Sait appeler.")
    VisitSession(store, 2, client_id=5).note("   ")
    assert not [c for c in store.calls if c[0] == "note"]


def test_an_ended_visit_records_nothing_more() -> None:
    """After the end, events are ignored and the end is written once."""
    store = MemoryStore()
    visit = VisitSession(store, 1, client_id=None)
    visit.end()
    visit.end()
    visit.handle(event(EventKind.STEP_REACHED))
    assert store.calls == [("end", 1)]
