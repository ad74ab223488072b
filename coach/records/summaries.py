"""What the funders' statistics read, kept by triggers as visits, lessons and ratings are written (schema 8).

A year of statistics used to read every visit, lesson and rating of the period (and
every rating ever made, for the autonomy changes): 5–12 s at 50,000 clients. These
tables hold the same facts already counted, and SQLite triggers keep them in the same
transaction as the write that changes them — whichever code writes (a rating, an
erasure, a retention sweep, the bench's bulk inserts), so they never disagree with the
rows they summarise:

- `figure_counts (kind, day, item, n)`: per day of a visit's start, the visits
  ('visits'), the anonymous ones ('anonymous'), the visits per language each counts
  for ('language', item = the tag) and the finished lessons ('lesson', item =
  "pack/lesson"). A period's figures read at most a row per day and item.
- `visit_languages (visit_id, language, day)`: the languages one visit counts for (its
  lessons' languages, or its own when no lesson has one); rebuilt for a visit when its
  lessons' languages change, and counted into `figure_counts`.
- `level_steps (skill_no, client_id, rating_id, from_day, to_day, delta)`: for each
  client and skill, each step from one worker rating to the next in time order (`at`,
  then id): the two days and the change of level. Within a period, a client's steps
  whose two days are both inside form one chain from the first to the last rating of
  the period, so the sum of their deltas is last minus first, and the client has two
  ratings there exactly when it has a step there. Rebuilt for a client and skill from
  their ratings (a handful of rows) whenever one of them changes. Days are whole days
  since 2000-01-01 (two bytes), skills are numbered (`rating_skills`): small rows, so a
  year at 50,000 clients reads a few thousand pages.

Only counts and ids are kept, never a pseudonym, code or note; an erased client's
ratings lose their client id, and with it their steps.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlite_utils import Database

EPOCH = date(2000, 1, 1)


def day_number(day: date) -> int:
    """Whole days since 2000-01-01, as `level_steps` stores them."""
    return (day - EPOCH).days


def _day(column: str) -> str:
    """SQL for the day number of a stored time (ISO text in UTC)."""
    return f"CAST(julianday(substr({column}, 1, 10)) - 2451544.5 AS INTEGER)"


TABLES = (
    """CREATE TABLE figure_counts (
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        item TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (kind, day, item)
    ) WITHOUT ROWID""",
    """CREATE TABLE visit_languages (
        visit_id INTEGER NOT NULL,
        language TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (visit_id, language)
    ) WITHOUT ROWID""",
    "CREATE TABLE rating_skills (id INTEGER PRIMARY KEY, skill TEXT NOT NULL UNIQUE)",
    """CREATE TABLE level_steps (
        skill_no INTEGER NOT NULL,
        client_id INTEGER NOT NULL,
        rating_id INTEGER NOT NULL,
        from_day INTEGER NOT NULL,
        to_day INTEGER NOT NULL,
        delta INTEGER NOT NULL,
        PRIMARY KEY (skill_no, client_id, rating_id)
    ) WITHOUT ROWID""",
)


def _count(kind: str, day: str, item: str, n: str, where: str = "true") -> str:
    """Add `n` to one count (a statement of a trigger's body)."""
    return (f"INSERT INTO figure_counts (kind, day, item, n) SELECT {kind}, {day}, {item}, {n} WHERE {where}"
            " ON CONFLICT (kind, day, item) DO UPDATE SET n = n + excluded.n;")


def _languages_of(visit: str) -> str:
    """Rebuild the languages visit `visit` counts for (statements of a trigger's body)."""
    return f"""
        DELETE FROM visit_languages WHERE visit_id = {visit};
        INSERT INTO visit_languages (visit_id, language, day)
            SELECT DISTINCT v.id, a.language, substr(v.started, 1, 10) FROM visits v
            CROSS JOIN activity a ON a.visit_id = v.id WHERE v.id = {visit} AND a.language != ''
            UNION
            SELECT v.id, v.language, substr(v.started, 1, 10) FROM visits v WHERE v.id = {visit}
            AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.visit_id = v.id AND a.language != '');"""


def _lessons_of(row: str, sign: str) -> str:
    """Count the finished lesson `row` (OLD or NEW) of `activity` with `sign` (+1 or -1) on its visit's day."""
    return _count("'lesson'", f"(SELECT substr(started, 1, 10) FROM visits WHERE id = {row}.visit_id)",
                  f"{row}.pack_id || '/' || {row}.lesson_id", sign, f"{row}.finished = 1")


def _steps_of(client: str, skill: str) -> str:
    """Rebuild the level steps of one client and skill from their worker ratings (a trigger's statements)."""
    number = f"(SELECT id FROM rating_skills WHERE skill = {skill})"
    return f"""
        DELETE FROM level_steps WHERE skill_no = {number} AND client_id = {client};
        INSERT INTO level_steps (skill_no, client_id, rating_id, from_day, to_day, delta)
            SELECT {number}, {client}, id, previous_day, day, level - previous_level FROM (
                SELECT id, level, {_day('at')} AS day, lag({_day('at')}) OVER by_time AS previous_day,
                       lag(level) OVER by_time AS previous_level
                FROM ratings WHERE client_id = {client} AND skill = {skill} AND rated_by = 'worker'
                WINDOW by_time AS (ORDER BY at, id))
            WHERE previous_day IS NOT NULL;"""


_NEW_SKILL = "INSERT INTO rating_skills (skill) VALUES (new.skill) ON CONFLICT DO NOTHING;"
_VISIT_DAY = "substr({row}.started, 1, 10)"

TRIGGERS = (
    f"""CREATE TRIGGER visits_counted AFTER INSERT ON visits BEGIN
        {_count("'visits'", _VISIT_DAY.format(row='new'), "''", "1")}
        {_count("'anonymous'", _VISIT_DAY.format(row='new'), "''", "1", "new.client_id IS NULL")}
        {_languages_of("new.id")}
    END""",
    f"""CREATE TRIGGER visits_recounted AFTER UPDATE OF started, client_id ON visits
    WHEN old.started IS NOT new.started OR (old.client_id IS NULL) IS NOT (new.client_id IS NULL) BEGIN
        {_count("'visits'", _VISIT_DAY.format(row='old'), "''", "-1")}
        {_count("'anonymous'", _VISIT_DAY.format(row='old'), "''", "-1", "old.client_id IS NULL")}
        {_count("'visits'", _VISIT_DAY.format(row='new'), "''", "1")}
        {_count("'anonymous'", _VISIT_DAY.format(row='new'), "''", "1", "new.client_id IS NULL")}
        INSERT INTO figure_counts (kind, day, item, n)
            SELECT 'lesson', substr(old.started, 1, 10), pack_id || '/' || lesson_id, -1 FROM activity
            WHERE visit_id = new.id AND finished = 1 AND old.started IS NOT new.started
            ON CONFLICT (kind, day, item) DO UPDATE SET n = n + excluded.n;
        INSERT INTO figure_counts (kind, day, item, n)
            SELECT 'lesson', substr(new.started, 1, 10), pack_id || '/' || lesson_id, 1 FROM activity
            WHERE visit_id = new.id AND finished = 1 AND old.started IS NOT new.started
            ON CONFLICT (kind, day, item) DO UPDATE SET n = n + excluded.n;
        {_languages_of("new.id")}
    END""",
    f"""CREATE TRIGGER visits_language_changed AFTER UPDATE OF language ON visits
    WHEN old.language IS NOT new.language BEGIN
        {_languages_of("new.id")}
    END""",
    f"""CREATE TRIGGER visits_uncounted AFTER DELETE ON visits BEGIN
        {_count("'visits'", _VISIT_DAY.format(row='old'), "''", "-1")}
        {_count("'anonymous'", _VISIT_DAY.format(row='old'), "''", "-1", "old.client_id IS NULL")}
        DELETE FROM visit_languages WHERE visit_id = old.id;
    END""",
    f"""CREATE TRIGGER visit_languages_counted AFTER INSERT ON visit_languages BEGIN
        {_count("'language'", "new.day", "new.language", "1")}
    END""",
    f"""CREATE TRIGGER visit_languages_uncounted AFTER DELETE ON visit_languages BEGIN
        {_count("'language'", "old.day", "old.language", "-1")}
    END""",
    f"""CREATE TRIGGER activity_counted AFTER INSERT ON activity WHEN new.finished = 1 BEGIN
        {_lessons_of("new", "1")}
    END""",
    f"""CREATE TRIGGER activity_language_added AFTER INSERT ON activity WHEN new.language != '' BEGIN
        {_languages_of("new.visit_id")}
    END""",
    f"""CREATE TRIGGER activity_language_changed AFTER UPDATE OF language, visit_id ON activity
    WHEN old.language IS NOT new.language OR old.visit_id IS NOT new.visit_id BEGIN
        {_languages_of("old.visit_id")}
        {_languages_of("new.visit_id")}
    END""",
    f"""CREATE TRIGGER activity_lesson_changed AFTER UPDATE OF finished, pack_id, lesson_id, visit_id ON activity
    WHEN old.finished IS NOT new.finished OR old.pack_id IS NOT new.pack_id OR old.lesson_id IS NOT new.lesson_id
         OR old.visit_id IS NOT new.visit_id BEGIN
        {_lessons_of("old", "-1")}
        {_lessons_of("new", "1")}
    END""",
    f"""CREATE TRIGGER activity_uncounted AFTER DELETE ON activity WHEN old.finished = 1 BEGIN
        {_lessons_of("old", "-1")}
    END""",
    f"""CREATE TRIGGER activity_language_removed AFTER DELETE ON activity WHEN old.language != '' BEGIN
        {_languages_of("old.visit_id")}
    END""",
    f"""CREATE TRIGGER ratings_stepped AFTER INSERT ON ratings
    WHEN new.rated_by = 'worker' AND new.client_id IS NOT NULL BEGIN
        {_NEW_SKILL}
        {_steps_of("new.client_id", "new.skill")}
    END""",
    f"""CREATE TRIGGER ratings_restepped AFTER UPDATE OF client_id, skill, level, rated_by, at ON ratings BEGIN
        {_NEW_SKILL}
        {_steps_of("old.client_id", "old.skill")}
        {_steps_of("new.client_id", "new.skill")}
    END""",
    f"""CREATE TRIGGER ratings_unstepped AFTER DELETE ON ratings
    WHEN old.rated_by = 'worker' AND old.client_id IS NOT NULL BEGIN
        {_steps_of("old.client_id", "old.skill")}
    END""",
)

_FILL = (
    "INSERT INTO rating_skills (skill) SELECT DISTINCT skill FROM ratings ORDER BY skill",
    f"""INSERT INTO level_steps (skill_no, client_id, rating_id, from_day, to_day, delta)
        SELECT s.id, r.client_id, r.id, r.previous_day, r.day, r.level - r.previous_level FROM (
            SELECT id, client_id, skill, level, {_day('at')} AS day,
                   lag({_day('at')}) OVER by_time AS previous_day, lag(level) OVER by_time AS previous_level
            FROM ratings WHERE rated_by = 'worker' AND client_id IS NOT NULL
            WINDOW by_time AS (PARTITION BY client_id, skill ORDER BY at, id)) r
        CROSS JOIN rating_skills s ON s.skill = r.skill
        WHERE r.previous_day IS NOT NULL ORDER BY s.id, r.client_id, r.id""",
    """INSERT INTO visit_languages (visit_id, language, day)
        SELECT DISTINCT v.id, a.language, substr(v.started, 1, 10) FROM visits v
        CROSS JOIN activity a ON a.visit_id = v.id WHERE a.language != ''
        UNION
        SELECT v.id, v.language, substr(v.started, 1, 10) FROM visits v
        WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.visit_id = v.id AND a.language != '')""",
    """INSERT INTO figure_counts (kind, day, item, n)
        SELECT 'visits', substr(started, 1, 10), '', count(*) FROM visits GROUP BY 2
        UNION ALL
        SELECT 'anonymous', substr(started, 1, 10), '', count(*) FROM visits WHERE client_id IS NULL GROUP BY 2
        UNION ALL
        SELECT 'language', day, language, count(*) FROM visit_languages GROUP BY 2, 3
        UNION ALL
        SELECT 'lesson', substr(v.started, 1, 10), a.pack_id || '/' || a.lesson_id, count(*)
        FROM activity a JOIN visits v ON v.id = a.visit_id WHERE a.finished = 1 GROUP BY 2, 3""",
)


def create(db: Database) -> None:
    """Make the summary tables, fill them from the rows already there, then add the triggers that keep them."""
    for statement in TABLES + _FILL + TRIGGERS:
        db.execute(statement)


def _names(statements: tuple[str, ...]) -> list[str]:
    """The table or trigger each CREATE statement makes."""
    return [statement.split()[2] for statement in statements]


@contextmanager
def bulk_writes(db: Database) -> Iterator[None]:
    """Many rows written at once (an import, the bench's generator): summaries rebuilt once, not row by row.

    Call inside the writes' transaction: the triggers and summaries are dropped, the
    caller writes, then `create` summarises every row in one pass. A failure rolls back
    with the caller's transaction, summaries included.
    """
    for trigger in _names(TRIGGERS):
        db.execute(f"DROP TRIGGER {trigger}")
    for table in _names(TABLES):
        db.execute(f"DROP TABLE {table}")
    yield
    create(db)
