"""Schema 9's level steps (keyed by the day they start) give the plain count's autonomy changes for every period.

One client's chain of worker ratings on a few days (several on one day, at one instant
too), then every period over those days, each boundary on a rating's day or between:
the row that ends at the period's last rating must find the first rating's level from
its three back columns, or by one lookup when the client was rated five times or more.
Then the chain is edited (a rating moved across a boundary, one deleted, one turned
into the client's own) and the client erased: the figures follow each time. A file
summarised by schema 8 (steps keyed by client) is migrated to schema 9 and agrees.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from coach.records import Records
from coach.records.models import to_text
from coach.records.records import fold
from coach.records.schema import SCHEMA_VERSION, migrations
from coach.records.store import memory_connection
from tests.unit.test_records_summaries import BASE, reference

DAYS = 6
chain = st.lists(st.tuples(st.integers(0, DAYS - 1), st.sampled_from((0, 0, 30, 600)), st.integers(0, 3),
                           st.sampled_from(("worker", "worker", "worker", "client"))), min_size=1, max_size=12)
edits = st.lists(st.one_of(st.tuples(st.just("move"), st.integers(0, 11), st.integers(0, DAYS - 1)),
                           st.tuples(st.just("delete"), st.integers(0, 11)),
                           st.tuples(st.just("by client"), st.integers(0, 11)),
                           st.tuples(st.just("level"), st.integers(0, 11), st.integers(0, 3))), max_size=4)


def every_period_agrees(records: Records) -> None:
    """records.stats == the plain count for each period starting and ending on or around the chain's days."""
    for start in range(-1, DAYS + 1):
        for end in range(start, DAYS + 1):
            date_from, date_to = BASE.date() + timedelta(days=start), BASE.date() + timedelta(days=end)
            got = records.stats(date_from, date_to).level_changes
            assert got == reference(records.conn, date_from, date_to).level_changes, (start, end)


def write(records: Records, ratings: list[tuple[int, int, int, str]], client: int = 1) -> None:
    """Each rating in a visit of its own (one per visit, skill and rater), straight into the tables."""
    conn = records.conn
    for day, minutes, level, by in ratings:
        moment = to_text(BASE + timedelta(days=day, minutes=minutes))
        visit = conn.execute("INSERT INTO visits (worker_id, client_id, language, started) VALUES (1, ?, 'fr', ?)",
                             (client, moment)).lastrowid
        conn.execute("INSERT INTO ratings (visit_id, client_id, skill, level, rated_by, at)"
                     " VALUES (?, ?, 'demo/sms', ?, ?, ?)", (visit, client, level, by, moment))


def worker_ratings(records: Records, client: int) -> int:
    """How many worker ratings the client has (the chain's length)."""
    return records.conn.execute("SELECT count(*) FROM ratings WHERE rated_by = 'worker' AND client_id = ?",
                                (client,)).fetchone()[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ratings=chain, other=chain, changes=edits)
def test_every_period_of_one_chain_agrees_with_a_plain_count(ratings: list, other: list, changes: list) -> None:
    """Whatever the chain and its edits, each period's up/same/down is the plain count's; erased, it is gone."""
    records = Records.in_memory()
    try:
        conn = records.conn
        conn.execute("INSERT INTO workers (id, name) VALUES (1, 'Ana')")
        for client in (1, 2):
            conn.execute("INSERT INTO clients (id, pseudonym, language, consent_given, created)"
                         " VALUES (?, 'Jo', 'fr', 1, ?)", (client, to_text(BASE)))
        write(records, ratings)
        write(records, other, client=2)  # a second chain beside it, in the same ranges of days
        event(f"worker ratings in the chain: {min(worker_ratings(records, 1), 7)}")
        every_period_agrees(records)
        ids = [row[0] for row in conn.execute("SELECT id FROM ratings WHERE client_id = 1 ORDER BY id")]
        for kind, index, *value in changes:
            rating = ids[index % len(ids)]
            if kind == "move":
                conn.execute("UPDATE ratings SET at = ? WHERE id = ?", (to_text(BASE + timedelta(days=value[0])), rating))
            elif kind == "delete":
                conn.execute("DELETE FROM ratings WHERE id = ?", (rating,))
            elif kind == "by client":
                conn.execute("UPDATE ratings SET rated_by = 'client' WHERE id = ?", (rating,))
            else:
                conn.execute("UPDATE ratings SET level = ? WHERE id = ?", (value[0], rating))
        every_period_agrees(records)
        records.erase_client(1)
        every_period_agrees(records)
        assert conn.execute("SELECT count(*) FROM level_steps WHERE client_id = 1").fetchone() == (0,)
    finally:
        records.conn.close()


def test_a_client_rated_five_times_in_the_period_is_looked_up() -> None:
    """Five ratings in the period: the first level is beyond the row's three back columns, and still right."""
    records = Records.in_memory()
    try:
        records.conn.execute("INSERT INTO workers (id, name) VALUES (1, 'Ana')")
        records.conn.execute("INSERT INTO clients (id, pseudonym, language, consent_given, created)"
                             " VALUES (1, 'Jo', 'fr', 1, ?)", (to_text(BASE),))
        write(records, [(day, 0, level, "worker") for day, level in enumerate((3, 1, 2, 2, 0, 3))])
        period = BASE.date() + timedelta(days=1), BASE.date() + timedelta(days=5)  # levels 1 … 3: up
        changes = records.stats(*period).level_changes["demo/sms"]
        assert (changes.up, changes.same, changes.down) == (1, 0, 0)
        every_period_agrees(records)
    finally:
        records.conn.close()


SCHEMA_8_STEPS = (
    "INSERT INTO rating_skills (skill) SELECT DISTINCT skill FROM ratings ORDER BY skill ON CONFLICT DO NOTHING",
    """CREATE TABLE level_steps (
        skill_no INTEGER NOT NULL, client_id INTEGER NOT NULL, rating_id INTEGER NOT NULL,
        from_day INTEGER NOT NULL, to_day INTEGER NOT NULL, delta INTEGER NOT NULL,
        PRIMARY KEY (skill_no, client_id, rating_id)
    ) WITHOUT ROWID""",
    """INSERT INTO level_steps (skill_no, client_id, rating_id, from_day, to_day, delta)
        SELECT s.id, r.client_id, r.id, r.previous_day, r.day, r.level - r.previous_level FROM (
            SELECT id, client_id, skill, level, CAST(julianday(substr(at, 1, 10)) - 2451544.5 AS INTEGER) AS day,
                   lag(CAST(julianday(substr(at, 1, 10)) - 2451544.5 AS INTEGER)) OVER by_time AS previous_day,
                   lag(level) OVER by_time AS previous_level
            FROM ratings WHERE rated_by = 'worker' AND client_id IS NOT NULL
            WINDOW by_time AS (PARTITION BY client_id, skill ORDER BY at, id)) r
        CROSS JOIN rating_skills s ON s.skill = r.skill
        WHERE r.previous_day IS NOT NULL ORDER BY s.id, r.client_id, r.id""",
    # schema 8's triggers on ratings, as far as the migration cares: they exist and are replaced
    "CREATE TRIGGER ratings_stepped AFTER INSERT ON ratings BEGIN SELECT 1; END",
    "CREATE TRIGGER ratings_restepped AFTER UPDATE ON ratings BEGIN SELECT 1; END",
    "CREATE TRIGGER ratings_unstepped AFTER DELETE ON ratings BEGIN SELECT 1; END",
)


@pytest.mark.parametrize("seed", range(4))
def test_a_schema_8_file_is_migrated_to_steps_by_day(seed: int) -> None:
    """A file as schema 8 left it (steps keyed by client) gets schema 9's steps, agreeing,
    and loses the three indexes no query reads."""
    import random

    rng = random.Random(seed)
    conn = memory_connection()
    conn.create_function("coach_fold", 1, fold, deterministic=True)
    db = Database(conn)
    migrations().apply(db, stop_before="0009_steps_by_day")
    for trigger in ("ratings_stepped", "ratings_restepped", "ratings_unstepped"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE level_steps")
    conn.execute("INSERT INTO workers (id, name) VALUES (1, 'Ana')")
    for client in (1, 2, 3):
        conn.execute("INSERT INTO clients (id, pseudonym, language, consent_given, created) VALUES (?, 'Jo', 'fr', 1, ?)",
                     (client, to_text(BASE)))
    for _ in range(40):
        client, day = rng.randint(1, 3), rng.randint(0, DAYS - 1)
        moment = to_text(BASE + timedelta(days=day, minutes=rng.choice((0, 30))))
        visit = conn.execute("INSERT INTO visits (worker_id, client_id, language, started) VALUES (1, ?, 'fr', ?)",
                             (client, moment)).lastrowid
        conn.execute("INSERT INTO ratings (visit_id, client_id, skill, level, rated_by, at) VALUES (?, ?, ?, ?, ?, ?)",
                     (visit, client, rng.choice(("demo/sms", "demo/call")), rng.randint(0, 3),
                      rng.choice(("worker", "worker", "client")), moment))
    for statement in SCHEMA_8_STEPS:
        conn.execute(statement)
    assert conn.execute("PRAGMA user_version").fetchone() == (8,)
    migrated = Records(conn, Path(":memory:"), "unused")  # migrates to the newest schema
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert not indexes & {"visits_period", "activity_visit", "ratings_at"}
        every_period_agrees(migrated)
        write(migrated, [(day, 0, level, "worker") for day, level in ((1, 0), (2, 2), (4, 1))], client=3)
        conn.execute("UPDATE ratings SET at = ? WHERE id = (SELECT min(id) FROM ratings WHERE client_id = 1)",
                     (to_text(BASE + timedelta(days=3)),))  # the triggers keep the new steps after the upgrade
        migrated.erase_client(2)
        every_period_agrees(migrated)
    finally:
        conn.close()
