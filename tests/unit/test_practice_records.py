"""Practice results in the records: written only with the worker's level, counts only, and in the client's export."""

from __future__ import annotations

import pytest

from coach.domain.practice import ExerciseResult
from coach.records import Records
from coach.records.schema import SCHEMA_VERSION
from coach.visit import UnrecordedStore, VisitSession


@pytest.fixture
def records() -> Records:
    found = Records.in_memory()
    yield found
    found.conn.close()


def test_exercise_results_are_kept_per_lesson_and_replaced(records: Records) -> None:
    worker = records.worker("Ana")
    client = records.create_client("Jo", "fr", [], True, "learning-record")
    visit = records.start_visit(worker.id, client.id, "fr")
    assert records.exercise_results(visit.id, "portal", "log-in") == {}
    records.record_exercises(visit.id, "portal", "log-in", {"code": {"attempts": 2, "hints": 1, "help": 0,
                                                                      "solved": True}})
    records.record_exercises(visit.id, "portal", "log-in", {"code": {"attempts": 3, "hints": 1, "help": 1,
                                                                      "solved": True}})
    assert records.exercise_results(visit.id, "portal", "log-in") == {
        "code": {"attempts": 3, "hints": 1, "help": 1, "solved": True}}
    exported = records.about_client(client.id)
    assert exported["visits"][0]["lessons"][0]["exercises"]["code"]["attempts"] == 3


@pytest.mark.parametrize("bad", [
    {"code": {"attempts": -1, "hints": 0, "help": 0, "solved": True}},
    {"code": {"attempts": 1, "hints": 0, "help": 0}},
    {"code": {"attempts": 1, "hints": 0, "help": 0, "solved": True, "typed": "482913"}},
    {"": {"attempts": 1, "hints": 0, "help": 0, "solved": True}},
    {"code": {"attempts": True, "hints": 0, "help": 0, "solved": True}},
])
def test_anything_but_counts_is_refused_and_nothing_written(records: Records, bad: dict) -> None:
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, None, "fr")
    with pytest.raises(ValueError):
        records.record_exercises(visit.id, "portal", "log-in", bad)
    assert records.exercise_results(visit.id, "portal", "log-in") == {}


def test_the_schema_has_the_exercises_column(records: Records) -> None:
    assert SCHEMA_VERSION >= 5
    columns = [row[1] for row in records.conn.execute("PRAGMA table_info(activity)")]
    assert "exercises" in columns


def test_the_visit_records_practice_only_when_asked(records: Records) -> None:
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, None, "fr")
    session = VisitSession(records, visit.id, None)
    session.note_exercise("portal", "log-in", ExerciseResult("code", 2, 1, 0, True))
    session.note_exercise("portal", "log-in", ExerciseResult("scam", 0, 0, 0, False))
    assert records.exercise_results(visit.id, "portal", "log-in") == {}, "counting is not recording"
    assert session.lessons[("portal", "log-in")].exercises["code"].attempts == 2
    assert session.record_practice("portal", "log-in")
    assert records.exercise_results(visit.id, "portal", "log-in") == {
        "code": {"attempts": 2, "hints": 1, "help": 0, "solved": True}}, "an exercise not started is not recorded"
    assert not session.record_practice("portal", "other-lesson")


def test_a_visit_without_records_keeps_nothing() -> None:
    session = VisitSession(UnrecordedStore(), 0, None)  # type: ignore[arg-type]
    session.note_exercise("portal", "log-in", ExerciseResult("code", 1, 0, 0, True))
    assert session.record_practice("portal", "log-in")
