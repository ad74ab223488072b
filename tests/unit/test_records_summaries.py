"""The statistics read from the summaries (schema 8) equal a plain count over the raw rows, whatever happened.

Random histories of visits, lessons, ratings and re-ratings at chosen times, with
erasures, retention sweeps, deleted and edited rows (through SQL, as a repair or a
future import would), and random periods: `records.stats` must give exactly the figures
a straightforward computation over `visits`, `activity` and `ratings` gives, in the same
order. A file migrated from schema 7 gets summaries that agree too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from coach.records import Records
from coach.records import visits as visits_module
from coach.records.models import LevelChange, Stats, to_text
from coach.records.records import fold
from coach.records.schema import migrations
from coach.records.store import Connection, memory_connection

BASE = datetime(2026, 1, 30, 22, 0, tzinfo=UTC)  # days around a month's end
LANGUAGES = ("fr", "ar", "", "uk")
LESSONS = ("demo/sms", "demo/call", "other/mail")
SKILLS = ("demo/sms", "demo/call", "other/mail")


def reference(conn: Connection, date_from: date, date_to: date) -> Stats:
    """The figures computed the plain way: every row of the period read and counted in Python."""
    low, high = date_from.isoformat(), (date_to + timedelta(days=1)).isoformat()
    visits = [row for row in conn.execute("SELECT id, client_id, language, started FROM visits")
              if low <= row[3] < high]
    lessons_of: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    for visit_id, language, finished, pack, lesson in conn.execute(
            "SELECT visit_id, language, finished, pack_id, lesson_id FROM activity"):
        lessons_of[visit_id].append((language, finished, f"{pack}/{lesson}"))
    languages: Counter[str] = Counter()
    done: Counter[str] = Counter()
    for visit_id, _client, language, _started in visits:
        used = {lang for lang, _, _ in lessons_of[visit_id] if lang}
        languages.update(used or {language})
        done.update(name for _, finished, name in lessons_of[visit_id] if finished)
    by_pair: dict[tuple[int, str], list[tuple[str, int, int]]] = defaultdict(list)
    for rating_id, client_id, skill, level, at in conn.execute(
            "SELECT id, client_id, skill, level, at FROM ratings WHERE rated_by = 'worker'"):
        if client_id is not None and low <= at < high:
            by_pair[(client_id, skill)].append((at, rating_id, level))
    changes: dict[str, list[int]] = {}
    for (_client, skill), ratings in by_pair.items():
        if len(ratings) >= 2:
            first, last = min(ratings)[2], max(ratings)[2]
            changes.setdefault(skill, [0, 0, 0])[0 if last > first else 1 if last == first else 2] += 1

    def ranked(counts: Counter[str]) -> dict[str, int]:
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    return Stats(date_from, date_to, len(visits), sum(1 for v in visits if v[1] is None),
                 dict(sorted(Counter(v[3][:7] for v in visits).items())), ranked(languages), ranked(done),
                 {skill: LevelChange(*counts) for skill, counts in sorted(changes.items())})


def same_figures(records: Records, periods: list[tuple[int, int]]) -> None:
    """stats == reference for each (first day offset, length) period, dicts in the same order too."""
    for start, length in periods:
        date_from = BASE.date() + timedelta(days=start)
        date_to = date_from + timedelta(days=length)
        got, wanted = records.stats(date_from, date_to), reference(records.conn, date_from, date_to)
        assert got == wanted
        if currently_in_test_context():  # how often the histories reach what is compared (--hypothesis-show-statistics)
            event(f"level changes: {sum(c.up + c.same + c.down for c in got.level_changes.values()) > 0}")
            event(f"languages counted: {len(got.languages)}")
        for name in ("visits_per_month", "languages", "lessons_done", "level_changes"):
            assert list(getattr(got, name).items()) == list(getattr(wanted, name).items()), name


class Clock:
    """The time Records stamps writes with, moved by the history."""

    def __init__(self) -> None:
        self.moment = BASE

    def __call__(self) -> datetime:
        return self.moment


moments = st.tuples(st.integers(0, 4), st.sampled_from((0, 1, 90, 125)))  # day offset, minutes (ties too)
rates = st.tuples(st.just("rate"), st.integers(0, 9), st.sampled_from(SKILLS[:2]), st.integers(0, 3),
                 st.sampled_from(("worker", "worker", "worker", "client")), moments)
operations = st.one_of(
    rates, rates, rates, rates,
    st.tuples(st.just("client"), st.sampled_from(LANGUAGES)),
    st.tuples(st.just("visit"), st.integers(-1, 5), st.sampled_from(LANGUAGES), moments),
    st.tuples(st.just("visit"), st.integers(0, 5), st.sampled_from(LANGUAGES), moments),
    st.tuples(st.just("step"), st.integers(0, 9), st.sampled_from(LESSONS), st.sampled_from(LANGUAGES)),
    st.tuples(st.just("finish"), st.integers(0, 9), st.sampled_from(LESSONS)),
    st.tuples(st.just("rate"), st.integers(0, 9), st.sampled_from(SKILLS), st.integers(0, 3),
              st.sampled_from(("worker", "worker", "client")), moments),
    st.tuples(st.just("sweep"), st.integers(1, 2), st.integers(20, 70)),
    st.tuples(st.just("delete rating"), st.integers(0, 30)),
    st.tuples(st.just("edit rating"), st.integers(0, 30), st.integers(0, 3), moments),
    st.tuples(st.just("delete lesson"), st.integers(0, 20)),
    st.tuples(st.just("move visit"), st.integers(0, 9), moments),
)
periods = st.lists(st.tuples(st.integers(-2, 5), st.integers(0, 6)), min_size=1, max_size=4)


def at(moment: tuple[int, int]) -> datetime:
    return BASE + timedelta(days=moment[0], minutes=moment[1])


def apply(records: Records, clock: Clock, operation: tuple) -> None:
    """One step of a history; a number picks among the rows there are (nothing to pick: nothing done)."""
    conn = records.conn
    kind, *args = operation
    clients = [row[0] for row in conn.execute("SELECT id FROM clients WHERE anonymised = 0 ORDER BY id")]
    visits = [row[0] for row in conn.execute("SELECT id FROM visits ORDER BY id")]
    ratings = [row[0] for row in conn.execute("SELECT id FROM ratings ORDER BY id")]
    if kind == "client":
        records.create_client("Jo", args[0] or "fr")
    elif kind == "visit":
        clock.moment = at(args[2])
        who = clients[args[0] % len(clients)] if args[0] >= 0 and clients else None
        records.start_visit(records.worker("Ana").id, who, args[1])
    elif kind in ("step", "finish", "rate", "move visit") and visits:
        visit = visits[args[0] % len(visits)]
        pack, _, lesson = args[1].partition("/") if kind != "move visit" else ("", "", "")
        if kind == "step":
            records.record_step(visit, pack, lesson, 0, "s1", args[2])
        elif kind == "finish":
            records.record_finished(visit, pack, lesson, 10)
        elif kind == "rate":
            clock.moment = at(args[4])
            records.rate(visit, args[1], "2.1", args[2], args[3])
        else:
            conn.execute("UPDATE visits SET started = ? WHERE id = ?", (to_text(at(args[1])), visit))
    elif kind == "erase" and clients:
        records.erase_client(clients[args[0] % len(clients)])
    elif kind == "sweep":
        records.retention_sweep(args[0], BASE + timedelta(days=args[1]))
    elif kind == "delete rating" and ratings:
        conn.execute("DELETE FROM ratings WHERE id = ?", (ratings[args[0] % len(ratings)],))
    elif kind == "edit rating" and ratings:
        conn.execute("UPDATE ratings SET level = ?, at = ? WHERE id = ?", (args[1], to_text(at(args[2])),
                                                                            ratings[args[0] % len(ratings)]))
    elif kind == "delete lesson":
        lessons = [row[0] for row in conn.execute("SELECT id FROM activity ORDER BY id")]
        if lessons:
            conn.execute("DELETE FROM activity WHERE id = ?", (lessons[args[0] % len(lessons)],))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(visits=st.lists(st.tuples(st.sampled_from((0, 1, 0, 1, -1)), st.sampled_from(LANGUAGES), moments),
                      min_size=3, max_size=8),
       rated=st.lists(rates, min_size=3, max_size=15), history=st.lists(operations, min_size=8, max_size=50),
       erasure=st.tuples(st.integers(0, 50), st.integers(0, 2)), checked=periods)
def test_statistics_equal_a_plain_count_after_any_history(visits: list[tuple], rated: list[tuple], history: list[tuple],
                                                          erasure: tuple[int, int], checked: list) -> None:
    """Whatever was written, re-rated, erased, swept, deleted or edited, the figures are the plain count's."""
    records = Records.in_memory()
    clock = Clock()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(visits_module, "now", clock)
        try:
            for client in range(2):
                records.create_client(f"Client {client}", "fr")
            for operation in [("visit", *visit) for visit in visits] + rated:
                apply(records, clock, operation)
            same_figures(records, checked)
            history.insert(erasure[0], ("erase", erasure[1]))  # one client erased at some point
            for operation in history:
                apply(records, clock, operation)
            same_figures(records, checked)
        finally:
            records.conn.close()


visit_rows = st.lists(st.tuples(st.sampled_from((True, True, False)), st.sampled_from(LANGUAGES), moments),
                      min_size=2, max_size=12)
lesson_rows = st.lists(st.tuples(st.integers(0, 11), st.sampled_from(LESSONS), st.sampled_from(LANGUAGES),
                                 st.booleans()), max_size=20)
rating_rows = st.lists(st.tuples(st.integers(0, 11), st.sampled_from(SKILLS[:2]), st.integers(0, 3),
                                 st.sampled_from(("worker", "worker", "client")), moments), min_size=2, max_size=40)


@settings(max_examples=60, deadline=None)
@given(visits=visit_rows, lessons=lesson_rows, ratings=rating_rows, checked=periods,
       after=st.lists(operations, max_size=15))
def test_a_schema_7_file_gets_summaries_that_agree(visits: list, lessons: list, ratings: list, checked: list,
                                                   after: list[tuple]) -> None:
    """Rows written before the upgrade are summarised by the migration; later writes keep them right."""
    conn = memory_connection()
    conn.create_function("coach_fold", 1, fold, deterministic=True)
    migrations().apply(Database(conn), stop_before="0008_statistics_summaries")
    conn.execute("INSERT INTO workers (id, name) VALUES (1, 'Ana')")
    conn.execute("INSERT INTO clients (id, pseudonym, code, language, consent_given, created)"
                 " VALUES (1, 'Jo', 'K7P3', 'fr', 1, ?)", (to_text(BASE),))
    for visit_id, (known, language, moment) in enumerate(visits, start=1):
        conn.execute("INSERT INTO visits (id, worker_id, client_id, language, started) VALUES (?, 1, ?, ?, ?)",
                     (visit_id, 1 if known else None, language, to_text(at(moment))))
    for visit, lesson, language, finished in lessons:
        pack, _, name = lesson.partition("/")
        conn.execute("INSERT INTO activity (visit_id, pack_id, lesson_id, language, finished) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT DO NOTHING", (visit % len(visits) + 1, pack, name, language, int(finished)))
    for visit, skill, level, by, moment in ratings:
        visit_id = visit % len(visits) + 1
        client = conn.execute("SELECT client_id FROM visits WHERE id = ?", (visit_id,)).fetchone()[0]
        conn.execute("INSERT INTO ratings (visit_id, client_id, skill, level, rated_by, at) VALUES (?, ?, ?, ?, ?, ?)"
                     " ON CONFLICT DO NOTHING", (visit_id, client, skill, level, by, to_text(at(moment))))
    records = Records(conn, Path(":memory:"), "unused")  # migrates to the current schema
    clock = Clock()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(visits_module, "now", clock)
        try:
            same_figures(records, checked)
            for operation in after:
                apply(records, clock, operation)
            same_figures(records, checked)
        finally:
            conn.close()


def test_bulk_writes_summarise_every_row_once_at_the_end() -> None:
    """Rows written inside `bulk_writes` (no triggers meanwhile) are summarised when it ends; later writes too."""
    from coach.records.summaries import bulk_writes

    records = Records.in_memory()
    try:
        conn = records.conn
        with records.db.atomic(), bulk_writes(records.db):
            conn.execute("INSERT INTO workers (id, name) VALUES (1, 'Ana')")
            conn.execute("INSERT INTO clients (id, pseudonym, code, language, consent_given, created)"
                         " VALUES (1, 'Jo', 'K7P3', 'fr', 1, ?)", (to_text(BASE),))
            for visit_id, level in enumerate((0, 2, 1), start=1):
                started = to_text(at((visit_id, 0)))
                conn.execute("INSERT INTO visits (id, worker_id, client_id, language, started) VALUES (?, 1, 1, 'ar', ?)",
                             (visit_id, started))
                conn.execute("INSERT INTO activity (visit_id, pack_id, lesson_id, finished) VALUES (?, 'demo', 'sms', 1)",
                             (visit_id,))
                conn.execute("INSERT INTO ratings (visit_id, client_id, skill, level, rated_by, at)"
                             " VALUES (?, 1, 'demo/sms', ?, 'worker', ?)", (visit_id, level, started))
        figures = records.stats(BASE.date(), BASE.date() + timedelta(days=5))
        assert (figures.visits, figures.languages, figures.lessons_done) == (3, {"ar": 3}, {"demo/sms": 3})
        assert figures.level_changes == {"demo/sms": LevelChange(1, 0, 0)}
        same_figures(records, [(0, 1), (1, 1), (2, 3)])
        records.rate(records.start_visit(1, 1, "fr").id, "demo/sms", "2.1", 0)  # the triggers are back
        same_figures(records, [(0, 400)])
    finally:
        records.conn.close()
