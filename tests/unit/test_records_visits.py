"""Visits, lesson activity, ratings and notes; anonymous visits; failed writes change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.domain.autonomy import AutonomyLevel, RatedBy
from coach.records import Records
from coach.records.store import iterdump


@pytest.fixture
def records() -> Records:
    """Unencrypted in-memory records (encryption is tested in tests/integration)."""
    found = Records.in_memory()
    yield found
    found.conn.close()


def dump(records: Records) -> list[str]:
    return list(iterdump(records.conn))


def test_visit_sets_the_clients_last_visit(records: Records) -> None:
    """Starting a visit dates the client's last visit; ending it dates the end once."""
    worker = records.worker("Ana")
    client = records.create_client("Jo", "fr")
    visit = records.start_visit(worker.id, client.id, "fr")
    assert records.client(client.id).last_visit == visit.started
    records.end_visit(visit.id)
    ended = records.visit(visit.id).ended
    records.end_visit(visit.id)
    assert ended is not None and records.visit(visit.id).ended == ended


def test_steps_help_and_finish_are_recorded(records: Records) -> None:
    """Furthest step, help per step and time spent end up in one activity row."""
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, None, "ar")
    for index in (0, 1, 2, 1):
        records.record_step(visit.id, "demo", "sms", index, f"s{index}")
    records.record_help(visit.id, "demo", "sms", "s1")
    records.record_help(visit.id, "demo", "sms", "s1")
    records.record_help(visit.id, "demo", "sms", 'odd "id".x')
    records.record_finished(visit.id, "demo", "sms", 95)
    row = records.conn.execute("SELECT steps_reached, seconds_spent, finished FROM activity").fetchone()
    assert row == (3, 95, 1)
    assert records.help_requests(visit.id, "demo", "sms") == {"s1": 2, 'odd "id".x': 1}


def test_a_new_click_replaces_the_rating_of_that_visit(records: Records) -> None:
    """Rating the same skill twice in a visit keeps one rating, the last level."""
    worker = records.worker("Ana")
    client = records.create_client("Jo", "fr")
    visit = records.start_visit(worker.id, client.id, "fr")
    first = records.rate(visit.id, "demo/sms", "2.1", 1)
    second = records.rate(visit.id, "demo/sms", "2.1", 3)
    records.rate(visit.id, "demo/sms", "2.1", 1, "client")
    assert second.id == first.id and second.level is AutonomyLevel.AUTONOMOUS
    history = records.ratings_history(client.id)
    assert [(p.level, p.by) for p in history["demo/sms"]] == [(3, RatedBy.WORKER), (1, RatedBy.CLIENT)]


@pytest.mark.parametrize("level", [7, -1, 2.5, True, "2", None])
def test_a_bad_level_raises_and_changes_nothing(records: Records, level: object) -> None:
    """A level outside 0–3 is a ValueError and the database is exactly as before."""
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, records.create_client("Jo", "fr").id, "fr")
    records.rate(visit.id, "demo/sms", "2.1", 2)
    before = dump(records)
    with pytest.raises(ValueError):
        records.rate(visit.id, "demo/sms", "2.1", level)
    assert dump(records) == before


@pytest.mark.parametrize(("skill", "by"), [("nopack", "worker"), ("demo/sms", "robot"), ("/x", "worker")])
def test_bad_skill_or_rater_is_refused(records: Records, skill: str, by: str) -> None:
    """A skill not of the form pack/skill, or a rater other than worker/client, is refused."""
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, None, "fr")
    before = dump(records)
    with pytest.raises(ValueError):
        records.rate(visit.id, skill, "", 1, by)
    assert dump(records) == before


def test_a_failed_write_inside_a_transaction_rolls_back(records: Records) -> None:
    """A write that fails half-way (unknown visit) leaves no activity row behind."""
    before = dump(records)
    with pytest.raises(ValueError):
        records.record_help(999, "demo", "sms", "s1")
    assert dump(records) == before


def test_anonymous_visit_stores_nothing_identifying(records: Records) -> None:
    """An anonymous visit has no client, refuses notes, and its ratings have no client."""
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, None, "fa")
    assert visit.anonymous
    rating = records.rate(visit.id, "demo/sms", "2.1", 2)
    assert rating.client_id is None
    before = dump(records)
    with pytest.raises(ValueError, match="anonymous"):
        records.add_note(visit.id, "lives at 3 rue X")
    assert dump(records) == before
    assert records.conn.execute("SELECT count(*) FROM clients").fetchone() == (0,)
    assert records.conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_notes_belong_to_the_visits_client(records: Records) -> None:
    """A note is kept with its client; empty or overlong notes are refused."""
    worker = records.worker("Ana")
    client = records.create_client("Jo", "fr")
    visit = records.start_visit(worker.id, client.id, "fr")
    note = records.add_note(visit.id, "  wants to try the tax site  ")
    assert note.text == "wants to try the tax site" and records.notes(client.id) == [note]
    with pytest.raises(ValueError):
        records.add_note(visit.id, " ")
    with pytest.raises(ValueError):
        records.add_note(visit.id, "x" * 2001)


def test_visit_for_an_unknown_client_is_refused(records: Records) -> None:
    """Starting a visit for a client who does not exist is a ValueError."""
    worker = records.worker("Ana")
    with pytest.raises(ValueError):
        records.start_visit(worker.id, 42, "fr")


def test_migrations_reapply_harmlessly(records: Records) -> None:
    """Applying the migrations again changes nothing."""
    from coach.records.schema import SCHEMA_VERSION, migrate

    before = dump(records)
    migrate(records.db)
    from coach.records.schema import migrations

    migrations().apply(records.db)
    assert dump(records) == before
    assert records.conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_a_version_1_file_is_migrated_and_searchable() -> None:
    """A file at schema 1 gets step 2 (search_key, filled for existing clients) on open."""
    from sqlite_utils import Database

    from coach.records.records import fold
    from coach.records.schema import SCHEMA_VERSION, migrations
    from coach.records.store import memory_connection

    conn = memory_connection()
    conn.create_function("coach_fold", 1, fold, deterministic=True)
    migrations().apply(Database(conn), stop_before="0002_search_key")
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    conn.execute("INSERT INTO clients (pseudonym, code, language, consent_given, created)"
                 " VALUES ('Élodie', 'K7P3', 'fr', 1, '2026-01-01T00:00:00.000+00:00')")
    records = Records(conn, Path(":memory:"), "unused")
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert [c.pseudonym for c in records.find_clients("elo")] == ["Élodie"]
    assert [c.code for c in records.find_clients("k7p")] == ["K7P3"]


def test_did_it_is_recorded_per_step(records: Records) -> None:
    """"I did it" is stored per step, counted, and listed in the client's record."""
    worker = records.worker("Ana")
    client = records.create_client("Jo", "fr")
    visit = records.start_visit(worker.id, client.id, "fr")
    records.record_did_it(visit.id, "demo", "call", "s2")
    records.record_did_it(visit.id, "demo", "call", "s2")
    records.record_did_it(visit.id, "demo", "call", "s3")
    assert records.did_it_steps(visit.id, "demo", "call") == {"s2": 2, "s3": 1}
    lesson = records.about_client(client.id)["visits"][0]["lessons"][0]
    assert lesson["did_it"] == {"s2": 2, "s3": 1}


def test_lessons_keep_the_language_they_were_done_in(records: Records) -> None:
    """A visit begun in French whose client switches to Arabic records the next lesson as Arabic."""
    worker = records.worker("Ana")
    client = records.create_client("Jo", "fr")
    visit = records.start_visit(worker.id, client.id, "fr")
    records.record_step(visit.id, "demo", "call", 0, "s1", "fr")
    records.record_step(visit.id, "demo", "unlock", 0, "s1", "ar")
    lessons = records.about_client(client.id)["visits"][0]["lessons"]
    assert [(lesson["lesson"], lesson["language"]) for lesson in lessons] == [("call", "fr"), ("unlock", "ar")]
    assert records.visit(visit.id).language == "ar", "the visit shows the language used last"
