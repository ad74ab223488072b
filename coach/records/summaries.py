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
- `level_steps (skill_no, from_day, client_id, rating_id, to_day, next_day, level,
  back1_day, up1, back2_day, up2, back3_day, up3)` (schema 9): for each client and
  skill, each step from one worker rating to the next in time order (`at`, then id),
  keyed by the day it starts. A client with two ratings or more in a period has
  exactly one step wholly inside it that ends at its last rating there (`to_day` ≤ the
  last day < `next_day`); the row says how that last level compares (`up1`..`up3`: -1,
  0 or 1) with each of the three ratings before it, and on which days the ratings
  before those were (`back1_day`..`back3_day`), so the level of the client's first
  rating in the period is known from the row unless it had five ratings or more there
  (then one lookup in `ratings`: 1,172 of 388,000 clients and skills in the bench's year).
  A period's figures read the steps that start in it: they grow with the period's
  activity, not with all history. Rebuilt for a client and skill from their ratings
  (a handful of rows) whenever one of them changes. Days are whole days since
  2000-01-01 (two bytes), skills are numbered (`rating_skills`).

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
        from_day INTEGER NOT NULL,
        client_id INTEGER NOT NULL,
        rating_id INTEGER NOT NULL,
        to_day INTEGER NOT NULL,
        next_day INTEGER,
        level INTEGER NOT NULL,
        back1_day INTEGER,
        up1 INTEGER NOT NULL,
        back2_day INTEGER,
        up2 INTEGER,
        back3_day INTEGER,
        up3 INTEGER,
        PRIMARY KEY (skill_no, from_day, client_id, rating_id)
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


def _chain(where: str, partition: str = "") -> str:
    """The worker ratings matching `where`, each with the days and levels around it in its chain (time order).

    Each rating's day is worked out once (the inner query is not flattened: LIMIT -1),
    not once per window function: at 50,000 clients that is 12 million julianday calls fewer.
    """
    window = f"WINDOW by_time AS ({partition} ORDER BY at, id)"
    return f"""SELECT id, client_id, skill, level, day, lead(day) OVER by_time AS next_day,
                   lag(day) OVER by_time AS day1, lag(level) OVER by_time AS level1,
                   lag(day, 2) OVER by_time AS day2, lag(level, 2) OVER by_time AS level2,
                   lag(day, 3) OVER by_time AS day3, lag(level, 3) OVER by_time AS level3,
                   lag(day, 4) OVER by_time AS day4
            FROM (SELECT id, client_id, skill, level, at, {_day("at")} AS day FROM ratings
                  WHERE {where} AND rated_by = 'worker' LIMIT -1) {window}"""


_STEP_COLUMNS = ("skill_no, from_day, client_id, rating_id, to_day, next_day, level,"
                 " back1_day, up1, back2_day, up2, back3_day, up3")
_STEP_VALUES = ("r.day1, r.client_id, r.id, r.day, r.next_day, r.level, r.day2, sign(r.level - r.level1),"
                " r.day3, sign(r.level - r.level2), r.day4, sign(r.level - r.level3)")


def _steps_of(client: str, skill: str, *days: str) -> str:
    """Rebuild the level steps of one client and skill from their worker ratings (a trigger's statements).

    The old steps start on the days of the chain's ratings, found from `ratings` (plus
    `days`: the day a changed or deleted rating had), so they are deleted by key.
    """
    number = f"(SELECT id FROM rating_skills WHERE skill = {skill})"
    extra = "".join(f" UNION SELECT {_day(day)}" for day in days)
    return f"""
        DELETE FROM level_steps WHERE skill_no = {number} AND client_id = {client} AND from_day IN (
            SELECT {_day('at')} FROM ratings WHERE client_id = {client} AND skill = {skill}{extra});
        INSERT INTO level_steps ({_STEP_COLUMNS})
            SELECT {number}, {_STEP_VALUES}
            FROM ({_chain(f"client_id = {client} AND skill = {skill}")}) r
            WHERE r.day1 IS NOT NULL;"""


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
        {_steps_of("old.client_id", "old.skill", "old.at")}
        {_steps_of("new.client_id", "new.skill")}
    END""",
    f"""CREATE TRIGGER ratings_unstepped AFTER DELETE ON ratings
    WHEN old.rated_by = 'worker' AND old.client_id IS NOT NULL BEGIN
        {_steps_of("old.client_id", "old.skill", "old.at")}
    END""",
)

_FILL = (
    "INSERT INTO rating_skills (skill) SELECT DISTINCT skill FROM ratings ORDER BY skill",
    f"""INSERT INTO level_steps ({_STEP_COLUMNS})
        SELECT s.id, {_STEP_VALUES}
        FROM ({_chain("client_id IS NOT NULL", "PARTITION BY client_id, skill")}) r
        CROSS JOIN rating_skills s ON s.skill = r.skill
        WHERE r.day1 IS NOT NULL ORDER BY 1, 2, 3, 4""",
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


def _making(statements: tuple[str, ...], name: str) -> str:
    """The statement of `statements` that makes `name`."""
    return next(statement for statement in statements if statement.split()[2] == name)


_RATING_TRIGGERS = ("ratings_stepped", "ratings_restepped", "ratings_unstepped")


def restep(db: Database) -> None:
    """Schema 9: rebuild `level_steps` keyed by the day each step starts, with the levels around it.

    A file summarised by schema 8 has them keyed by client, so a period's figures read
    every step of all time; one INSERT … SELECT with window functions rebuilds them. A
    file whose `level_steps` already has the new layout (summarised by `create` of this
    Coach, at schema 8 on the way from 7) is left as it is.
    """
    if "next_day" in {row[1] for row in db.execute("PRAGMA table_info(level_steps)").fetchall()}:
        return
    for trigger in _RATING_TRIGGERS:
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP TABLE level_steps")
    db.execute(_making(TABLES, "level_steps"))
    db.execute(next(statement for statement in _FILL if statement.startswith("INSERT INTO level_steps")))
    for trigger in _RATING_TRIGGERS:
        db.execute(_making(TRIGGERS, trigger))
