"""The records' schema, as sqlite-utils migrations (safe to apply twice).

Each step runs in one transaction (sqlite-utils' `Migrations.apply` wraps it in
`db.atomic()` together with its row in `_sqlite_migrations`) and ends by setting
`PRAGMA user_version` to its number, so a single read tells which schema a file
has, before anything is written: a file newer than `SCHEMA_VERSION` is refused.

Add a step by appending a function to `STEPS`; never edit an applied one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "coach-records"

_V1 = (
    """CREATE TABLE workers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
    )""",
    """CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        pseudonym TEXT NOT NULL,
        code TEXT UNIQUE,
        language TEXT NOT NULL,
        contact_channels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contact_channels)),
        consent_given INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
        consent_scope TEXT NOT NULL DEFAULT '',
        consent_date TEXT,
        created TEXT NOT NULL,
        last_visit TEXT,
        anonymised INTEGER NOT NULL DEFAULT 0 CHECK (anonymised IN (0, 1))
    )""",
    "CREATE INDEX clients_last_visit ON clients (anonymised, last_visit)",
    """CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        worker_id INTEGER NOT NULL REFERENCES workers (id),
        client_id INTEGER REFERENCES clients (id),
        language TEXT NOT NULL,
        started TEXT NOT NULL,
        ended TEXT
    )""",
    "CREATE INDEX visits_client ON visits (client_id)",
    "CREATE INDEX visits_started ON visits (started)",
    """CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits (id),
        pack_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        steps_reached INTEGER NOT NULL DEFAULT 0,
        help_requests TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(help_requests)),
        seconds_spent INTEGER NOT NULL DEFAULT 0,
        finished INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
        UNIQUE (visit_id, pack_id, lesson_id)
    )""",
    """CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits (id),
        client_id INTEGER REFERENCES clients (id),
        skill TEXT NOT NULL CHECK (instr(skill, '/') > 1),
        digcomp TEXT NOT NULL DEFAULT '',
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
        rated_by TEXT NOT NULL CHECK (rated_by IN ('worker', 'client')),
        at TEXT NOT NULL,
        UNIQUE (visit_id, skill, rated_by)
    )""",
    "CREATE INDEX ratings_client ON ratings (client_id, skill, at)",
    "CREATE INDEX ratings_at ON ratings (at)",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits (id),
        client_id INTEGER NOT NULL REFERENCES clients (id),
        text TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX notes_client ON notes (client_id)",
    "CREATE INDEX notes_visit ON notes (visit_id)",
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        worker_id INTEGER REFERENCES workers (id),
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )""",
)


def _v1_initial(db: Database) -> None:
    """Workers, clients, visits, activity, ratings, notes and the audit log."""
    for statement in _V1:
        db.execute(statement)


def _v2_search_key(db: Database) -> None:
    """clients.search_key: the pseudonym and code, folded (case, accents), so search needs no Python per row.

    It is identifying like the pseudonym: emptied on anonymisation, gone with the row on erasure.
    Uses the connection's `coach_fold` function (registered by Records before migrating).
    """
    db.execute("ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE clients SET search_key = coach_fold(pseudonym || ' ' || coalesce(code, ''))"
               " WHERE anonymised = 0")


def _v3_lesson_language(db: Database) -> None:
    """activity.language: the language each lesson was done in (a client may switch during a visit);
    activity.done_steps: the steps where the client pressed "I did it", with how many times.

    Older rows take their visit's language, the only one known then.
    """
    db.execute("ALTER TABLE activity ADD COLUMN language TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE activity ADD COLUMN done_steps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(done_steps))")
    db.execute("UPDATE activity SET language = (SELECT language FROM visits WHERE visits.id = activity.visit_id)")


def _v4_note_language(db: Database) -> None:
    """notes.language: the language the worker wrote the note in, so the client is told which it is."""
    db.execute("ALTER TABLE notes ADD COLUMN language TEXT NOT NULL DEFAULT ''")


def _v5_exercise_results(db: Database) -> None:
    """activity.exercises: the practice results the worker confirmed, as counts per exercise.

    {"step-id": {"attempts": 2, "hints": 1, "help": 0, "solved": true}}; never what the
    client typed or chose (docs/practice.md). Older rows have none.
    """
    db.execute("ALTER TABLE activity ADD COLUMN exercises TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(exercises))")


def _v6_search_index(db: Database) -> None:
    """clients_search: clients in the search's order (latest visit first) with their search_key.

    A search walks it and stops at the list's limit, reading search_key from the index,
    not the table: at 50,000 clients the table no longer fits SQLite's page cache and a
    scan of it cost 20–40 ms, this index 3 ms for a part that matches nobody. It starts
    with the same columns as clients_last_visit, which it replaces.
    """
    db.execute("CREATE INDEX clients_search ON clients (anonymised, last_visit, created, search_key)")
    db.execute("DROP INDEX clients_last_visit")


def _v7_statistics_indexes(db: Database) -> None:
    """Covering indexes for a period's statistics, so they read indexes in order, never table rows at random.

    At 50,000 clients the tables are far larger than SQLite's page cache, and every row
    fetched at random by rowid cost a page read and its decryption: a year of statistics
    took 9–13 s, of which the lessons' languages 4 s and the autonomy changes 2 s.
    visits_period (started, client_id, language) replaces visits_started; activity_visit
    (visit_id, language, finished, pack_id, lesson_id) serves the join from a visit to its
    lessons; ratings_client gains rated_by and level, so the autonomy changes walk it
    already grouped by client and skill (no sort) and a progress chart reads no table row.
    """
    db.execute("CREATE INDEX visits_period ON visits (started, client_id, language)")
    db.execute("DROP INDEX visits_started")
    db.execute("CREATE INDEX activity_visit ON activity (visit_id, language, finished, pack_id, lesson_id)")
    db.execute("DROP INDEX ratings_client")
    db.execute("CREATE INDEX ratings_client ON ratings (client_id, skill, at, rated_by, level)")


def _v8_statistics_summaries(db: Database) -> None:
    """Summaries the statistics read, kept by triggers in the same transaction as each write (summaries.py).

    A year of statistics at 50,000 clients read every rating ever made and every visit's
    lessons: 5–12 s. The tables are filled here from the rows already there (on the
    records thread, at the first unlock after the upgrade), then triggers keep them.
    """
    from coach.records import summaries

    summaries.create(db)


def _v9_steps_by_day(db: Database) -> None:
    """level_steps keyed by the day each step starts (summaries.py), so a period's figures read its steps only.

    Schema 8 kept them by client: a year of statistics read every step of all time
    (1.7–2.1 s at 50,000 clients under load). Rebuilt here in one pass, on the records
    thread at the first unlock after the upgrade. The schema-7 indexes visits_period and
    activity_visit are read by no query since schema 8 (the statistics read the
    summaries; the triggers reach a visit's lessons by the (visit_id, pack_id, lesson_id)
    key): dropped, so writes and erasures no longer keep them.
    """
    from coach.records import summaries

    summaries.restep(db)
    db.execute("DROP INDEX IF EXISTS visits_period")
    db.execute("DROP INDEX IF EXISTS activity_visit")


def _v10_no_ratings_at(db: Database) -> None:
    """The index ratings_at (schema 1) is read by no query (EXPLAIN QUERY PLAN over every
    statement the records tests run): dropped, so each rating no longer writes an entry to it."""
    db.execute("DROP INDEX IF EXISTS ratings_at")


STEPS: tuple[Callable[[Database], None], ...] = (_v1_initial, _v2_search_key, _v3_lesson_language,
                                                 _v4_note_language, _v5_exercise_results, _v6_search_index,
                                                 _v7_statistics_indexes, _v8_statistics_summaries, _v9_steps_by_day,
                                                 _v10_no_ratings_at)
SCHEMA_VERSION = len(STEPS)
"""The newest schema this Coach knows."""


def _numbered(number: int, step: Callable[[Database], None]) -> Callable[[Database], None]:
    def apply(db: Database) -> None:
        step(db)
        db.execute(f"PRAGMA user_version = {number}")

    apply.__name__ = f"{number:04d}{step.__name__.removeprefix(f'_v{number}')}"
    return apply


def migrations() -> Migrations:
    """The migration set; names such as `0001_initial` are recorded in `_sqlite_migrations`."""
    found = Migrations(MIGRATION_SET)
    for number, step in enumerate(STEPS, start=1):
        found()(_numbered(number, step))
    return found


def migrate(db: Database) -> None:
    """Apply pending steps; nothing happens when the file is current."""
    plan = migrations()
    if plan.pending(db):
        plan.apply(db)
