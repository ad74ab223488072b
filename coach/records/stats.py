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
from coach.records.summaries import day_number


def _bounds(date_from: date, date_to: date) -> tuple[str, str]:
    check_period(date_from, date_to)
    # Stored times are ISO text in UTC, so day strings compare correctly.
    return date_from.isoformat(), (date_to + timedelta(days=1)).isoformat()


def visit_figures(conn: Connection, low: str, high: str) -> tuple[int, int, dict[str, int], dict[str, int],
                                                                    dict[str, int]]:
    """Visits, anonymous visits, visits per month, languages and lessons of the days [low, high),
    from figure_counts (at most a row per day and item, kept by the triggers: summaries.py)."""
    def counted(kind: str, grouped: str) -> list[tuple[str, int]]:
        return conn.execute(
            f"SELECT {grouped} AS grouped, sum(n) AS total FROM figure_counts WHERE kind = ? AND day >= ? AND day < ?"
            " GROUP BY grouped HAVING total > 0 ORDER BY total DESC, grouped", (kind, low, high)).fetchall()

    visits = sum(n for _, n in counted("visits", "''"))
    anonymous = sum(n for _, n in counted("anonymous", "''"))
    per_month = dict(sorted(counted("visits", "substr(day, 1, 7)")))
    # A visit counts once for each language its lessons were done in (a client may switch
    # from French to Arabic); a visit without a lesson counts for the language it began in.
    languages = dict(counted("language", "item"))
    lessons = dict(counted("lesson", "item"))
    return visits, anonymous, per_month, languages, lessons


def stats(conn: Connection, date_from: date, date_to: date) -> Stats:
    """The figures for [date_from, date_to], both days included."""
    low, high = _bounds(date_from, date_to)
    visits, anonymous, per_month, languages, lessons = visit_figures(conn, low, high)
    # Per client and skill, the level of the latest worker rating in the period against the
    # earliest. A client with two ratings or more there has exactly one step that starts in
    # the period, ends at its last rating there and whose next rating (if any) is after it;
    # the row compares that level with each of the three ratings before it (up1..up3), and
    # the days of the ratings before those tell which one was the first in the period. Only
    # a client rated five times or more in the period needs its first level looked up.
    # One range of level_steps per skill: the steps that start in the period (schema 9).
    first, last = day_number(date_from), day_number(date_to)
    changes: dict[str, LevelChange] = {}
    for skill_no, skill in conn.execute("SELECT id, skill FROM rating_skills ORDER BY skill").fetchall():
        counted_changes, up, down = conn.execute(
            "SELECT count(*), sum(direction > 0), sum(direction < 0) FROM ("
            "  SELECT CASE WHEN back1_day IS NULL OR back1_day < :first THEN up1"
            "              WHEN back2_day IS NULL OR back2_day < :first THEN up2"
            "              WHEN back3_day IS NULL OR back3_day < :first THEN up3"
            "              ELSE sign(level - (SELECT rating.level FROM ratings rating INDEXED BY ratings_client"
            "                                 WHERE rating.client_id = step.client_id AND rating.skill = :skill"
            "                                 AND rating.at >= :low AND rating.rated_by = 'worker'"
            "                                 ORDER BY rating.at, rating.id LIMIT 1)) END AS direction"
            "  FROM level_steps step WHERE skill_no = :number AND from_day BETWEEN :first AND :last AND to_day <= :last"
            "  AND (next_day IS NULL OR next_day > :last)"
            "  LIMIT -1)",  # no flattening: the direction is worked out once per row
            {"first": first, "last": last, "skill": skill, "low": low, "number": skill_no}).fetchone()
        if counted_changes:
            changes[skill] = LevelChange(up, counted_changes - up - down, down)
    return Stats(date_from, date_to, visits, anonymous, per_month, languages, lessons, changes)


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
