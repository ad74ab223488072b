"""Figures for funders: visits, languages, lessons done, autonomy changes — never who.

Only counts leave this module: no pseudonym, code, note or client id is read.
"""

from __future__ import annotations

import csv
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from coach.domain.rules import check_period
from coach.records.models import LevelChange, Stats
from coach.records.store import Connection


def _bounds(date_from: date, date_to: date) -> tuple[str, str]:
    check_period(date_from, date_to)
    # Stored times are ISO text in UTC, so day strings compare correctly.
    return date_from.isoformat(), (date_to + timedelta(days=1)).isoformat()


def stats(conn: Connection, date_from: date, date_to: date) -> Stats:
    """The figures for [date_from, date_to], both days included."""
    low, high = _bounds(date_from, date_to)
    # Every query reads covering indexes (schema 7), named so that a file never ANALYZEd
    # gets the same plan: the period's visits as a range of visits_period, each visit's
    # lessons by one look-up in activity_visit (CROSS JOIN keeps that order), no table row.
    visits, anonymous = conn.execute(
        "SELECT count(*), count(*) - count(client_id) FROM visits INDEXED BY visits_period"
        " WHERE started >= ? AND started < ?", (low, high)).fetchone()
    per_month = dict(conn.execute(
        "SELECT substr(started, 1, 7) AS month, count(*) FROM visits INDEXED BY visits_period"
        " WHERE started >= ? AND started < ? GROUP BY month ORDER BY month", (low, high)).fetchall())
    # A visit counts once for each language its lessons were done in (a client may switch
    # from French to Arabic); a visit without a lesson counts for the language it began in.
    languages = dict(conn.execute(
        "SELECT language, count(*) AS n FROM ("
        "  SELECT DISTINCT a.visit_id, a.language FROM visits v INDEXED BY visits_period"
        "  CROSS JOIN activity a INDEXED BY activity_visit ON a.visit_id = v.id"
        "  WHERE v.started >= ? AND v.started < ? AND a.language != ''"
        "  UNION ALL"
        "  SELECT v.id, v.language FROM visits v INDEXED BY visits_period WHERE v.started >= ? AND v.started < ?"
        "  AND NOT EXISTS (SELECT 1 FROM activity a INDEXED BY activity_visit"
        "                  WHERE a.visit_id = v.id AND a.language != ''))"
        " GROUP BY language ORDER BY n DESC, language", (low, high, low, high)).fetchall())
    lessons = dict(conn.execute(
        "SELECT a.pack_id || '/' || a.lesson_id AS lesson, count(*) AS n FROM visits v INDEXED BY visits_period"
        " CROSS JOIN activity a INDEXED BY activity_visit ON a.visit_id = v.id"
        " WHERE a.finished = 1 AND v.started >= ? AND v.started < ?"
        " GROUP BY lesson ORDER BY n DESC, lesson", (low, high)).fetchall())
    changes: dict[str, list[int]] = {}
    # Per client and skill: the level of the earliest and of the latest worker rating in
    # the period, in one pass over ratings_client, which is in the groups' order and holds
    # every column read (schema 7): no sort and no table row, where the range on `at` over
    # ratings_at fetched each rating's row at random and sorted them all (2.5x slower at
    # 10,000 clients). Stored times have a fixed width, so the key `at || id (12 digits) ||
    # level` orders by time, then id; its last character is the level.
    for skill, direction, count in conn.execute(
            """SELECT skill, direction, count(*) FROM (
                   SELECT skill, sign(cast(substr(max(at || printf('%012d', id) || level), -1) AS INTEGER)
                                      - cast(substr(min(at || printf('%012d', id) || level), -1) AS INTEGER))
                              AS direction
                   FROM ratings INDEXED BY ratings_client
                   WHERE rated_by = 'worker' AND client_id IS NOT NULL AND at >= ? AND at < ?
                   GROUP BY client_id, skill HAVING count(*) >= 2)
               GROUP BY skill, direction""", (low, high)):
        changes.setdefault(skill, [0, 0, 0])[{1: 0, 0: 1, -1: 2}[direction]] += count
    return Stats(date_from, date_to, visits, anonymous, per_month, languages, lessons,
                 {skill: LevelChange(*counts) for skill, counts in sorted(changes.items())})


HEADER = ("section", "item", "count", "up", "same", "down")


def rows(figures: Stats) -> list[tuple]:
    """The CSV rows (after the header): one section after another."""
    out: list[tuple] = [("period", f"{figures.date_from.isoformat()}/{figures.date_to.isoformat()}", "", "", "", ""),
                        ("visits", "all", figures.visits, "", "", ""),
                        ("visits", "anonymous", figures.anonymous_visits, "", "", "")]
    out += [("visits_per_month", month, n, "", "", "") for month, n in figures.visits_per_month.items()]
    out += [("languages", tag, n, "", "", "") for tag, n in figures.languages.items()]
    out += [("lessons_done", lesson, n, "", "", "") for lesson, n in figures.lessons_done.items()]
    out += [("autonomy_change", skill, c.up + c.same + c.down, c.up, c.same, c.down)
            for skill, c in figures.level_changes.items()]
    return out


def write_csv(path: Path, figures: Stats) -> None:
    """UTF-8 CSV with a header line, written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".stats-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(HEADER)
            writer.writerows(rows(figures))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
