"""How fast the encrypted records answer the side panel and the funders' figures, at scale.

    .venv/bin/python bench/bench_records.py                 # 10,000 and 50,000 clients, 50 ratings each
    .venv/bin/python bench/bench_records.py --clients 1000 --runs 11

Targets (docs/performance.md, "Records"), median on a 2-core machine:
client search 20 ms, one rating committed 5 ms, a progress chart's data
(ratings_history) 30 ms, a year of statistics 1 s (a month's too, which should cost
less than a year's). Generating the data must take
under a minute (bulk inserts in one transaction). A year of statistics and the
backup are each timed against what they did before, interleaved run by run (the
statistics with schema 8's level steps, keyed by client; the backup with a full check
of the records before the copy; both run at unlock, on the records thread). Also
timed: retention sweeps (at unlock too), and the sizes of the records file and of a
backup. Every row prints median, min and max.

The file is a real SQLCipher file (WAL, synchronous=NORMAL, secure_delete on), opened
through `Records.open`, so the key derivation is paid once, as at unlock.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from coach.records import Records  # noqa: E402
from coach.records.models import LevelChange, Stats, to_text  # noqa: E402
from coach.records.records import CODE_ALPHABET, fold  # noqa: E402
from coach.records.store import quick_problems  # noqa: E402
from coach.records.summaries import bulk_writes  # noqa: E402

PASS = "benchmark passphrase"
SYLLABLES = ["ma", "ri", "ko", "sa", "le", "nu", "fa", "ti", "do", "ya", "el", "an", "zo", "be", "ha"]
LANGUAGES = ["fr", "ar", "fa", "uk", "ti", "es", "tr", "de", "it", "en"]
SKILLS = [(f"pack{p}/skill{s}", f"{1 + s % 5}.{1 + p % 4}") for p in range(4) for s in range(5)]


def generate(path: Path, clients: int, ratings: int, seed: int = 7) -> float:
    """Fill a new records file; returns the seconds it took.

    The rows go in as one bulk write (the statistics' summaries built once at the end, as
    an import would), so the summaries are laid out in order as after a migration.
    """
    rng = random.Random(seed)
    start = time.perf_counter()
    records = Records.create(path, PASS)
    conn = records.conn
    now = datetime.now(UTC)
    per_client = max(1, ratings // clients)
    visits_per_client = max(1, per_client // 10)
    with records.db.atomic(), bulk_writes(records.db):
        conn.executemany("INSERT INTO workers (id, name) VALUES (?, ?)", [(i, f"Worker {i}") for i in range(1, 11)])
        codes: set[str] = set()
        client_rows = []
        for client_id in range(1, clients + 1):
            while (code := "".join(rng.choice(CODE_ALPHABET) for _ in range(5))) in codes:
                pass
            codes.add(code)
            name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + f" {rng.choice('ABCDEFGH')}."
            created = now - timedelta(days=rng.randint(30, 720))
            # search_key as Records.create_client writes it: without it every timed search matched nothing
            client_rows.append((client_id, name, code, rng.choice(LANGUAGES), '["sms"]', 1, "records",
                                to_text(created), to_text(created), fold(f"{name} {code}")))
        conn.executemany("INSERT INTO clients (id, pseudonym, code, language, contact_channels, consent_given,"
                         " consent_scope, consent_date, created, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         client_rows)
        visit_rows, rating_rows, activity_rows, last_visit = [], [], [], {}
        visit_id = 0
        made = 0
        for client_id, _, _, language, *_rest in client_rows:
            levels = {skill: rng.randint(0, 2) for skill, _ in SKILLS}
            for v in range(visits_per_client):
                visit_id += 1
                started = now - timedelta(days=rng.randint(0, 700), minutes=rng.randint(0, 600))
                visit_rows.append((visit_id, rng.randint(1, 10), client_id, language, to_text(started),
                                   to_text(started + timedelta(minutes=40))))
                last_visit[client_id] = max(last_visit.get(client_id, ""), to_text(started))
                activity_rows.append((visit_id, "pack0", f"lesson{v % 20}", 8, '{"s2": 1}', 600, 1))
                for skill, digcomp in rng.sample(SKILLS, 10):
                    if made >= ratings:
                        break
                    levels[skill] = min(3, levels[skill] + rng.choice((0, 0, 1)))
                    rating_rows.append((visit_id, client_id, skill, digcomp, levels[skill], "worker",
                                        to_text(started)))
                    made += 1
        conn.executemany("INSERT INTO visits (id, worker_id, client_id, language, started, ended)"
                         " VALUES (?, ?, ?, ?, ?, ?)", visit_rows)
        conn.executemany("INSERT INTO activity (visit_id, pack_id, lesson_id, steps_reached, help_requests,"
                         " seconds_spent, finished) VALUES (?, ?, ?, ?, ?, ?, ?)", activity_rows)
        conn.executemany("INSERT INTO ratings (visit_id, client_id, skill, digcomp, level, rated_by, at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", rating_rows)
        conn.executemany("UPDATE clients SET last_visit = ? WHERE id = ?",
                         [(at, client_id) for client_id, at in last_visit.items()])
    conn.execute("ANALYZE")
    records.close()
    return time.perf_counter() - start


SCHEMA_8_STEPS = (
    """CREATE TABLE schema8_level_steps (
        skill_no INTEGER NOT NULL, client_id INTEGER NOT NULL, rating_id INTEGER NOT NULL,
        from_day INTEGER NOT NULL, to_day INTEGER NOT NULL, delta INTEGER NOT NULL,
        PRIMARY KEY (skill_no, client_id, rating_id)
    ) WITHOUT ROWID""",
    """INSERT INTO schema8_level_steps (skill_no, client_id, rating_id, from_day, to_day, delta)
        SELECT s.id, r.client_id, r.id, r.previous_day, r.day, r.level - r.previous_level FROM (
            SELECT id, client_id, skill, level, CAST(julianday(substr(at, 1, 10)) - 2451544.5 AS INTEGER) AS day,
                   lag(CAST(julianday(substr(at, 1, 10)) - 2451544.5 AS INTEGER)) OVER by_time AS previous_day,
                   lag(level) OVER by_time AS previous_level
            FROM ratings WHERE rated_by = 'worker' AND client_id IS NOT NULL
            WINDOW by_time AS (PARTITION BY client_id, skill ORDER BY at, id)) r
        CROSS JOIN rating_skills s ON s.skill = r.skill
        WHERE r.previous_day IS NOT NULL ORDER BY s.id, r.client_id, r.id""",
)
"""Schema 8's level_steps (keyed by client), made beside schema 9's for the 'before' side."""


def before_stats(conn, date_from: date, date_to: date) -> Stats:
    """The statistics as schema 8 computed them (the 'before' side, interleaved with schema 9's).

    The same visit figures (coach.records.stats.visit_figures), and schema 8's autonomy changes: every level step of
    all time, per skill, summed per client (schema8_level_steps, built by the bench
    beside level_steps, from the same ratings).
    """
    from coach.records.stats import visit_figures
    from coach.records.summaries import day_number

    low, high = date_from.isoformat(), (date_to + timedelta(days=1)).isoformat()
    visits, anonymous, per_month, languages, lessons = visit_figures(conn, low, high)  # unchanged since schema 8
    first, last = day_number(date_from), day_number(date_to)
    changes: dict[str, LevelChange] = {}
    for skill_no, skill in conn.execute("SELECT id, skill FROM rating_skills ORDER BY skill").fetchall():
        up, same, down = conn.execute(
            "SELECT sum(total > 0), sum(total = 0), sum(total < 0) FROM ("
            "  SELECT sum(delta) AS total FROM schema8_level_steps"
            "  WHERE skill_no = ? AND from_day >= ? AND to_day <= ? GROUP BY client_id)",
            (skill_no, first, last)).fetchone()
        if up is not None:
            changes[skill] = LevelChange(up, same, down)
    return Stats(date_from, date_to, visits, anonymous, per_month, languages, lessons, changes)


def timed(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def row(label: str, values: list[float], target: str = "") -> str:
    """One line of the table: median, min and max in ms."""
    return (f"{label:34s}{statistics.median(values):10.1f}{min(values):10.1f}{max(values):10.1f}"
            f"  {len(values):3d}   {target}")


def mib(path: Path) -> str:
    return f"{path.stat().st_size / 2**20:.0f} MiB"


def bench_scale(folder: Path, clients: int, per_client: int, runs: int) -> list[str]:
    """Generate `clients` clients with `per_client` ratings each and time what the panel and menu wait for."""
    path = folder / f"records-{clients}.db"
    seconds = generate(path, clients, clients * per_client)
    lines = [f"{clients:,} clients, {clients * per_client:,} ratings: generated in {seconds:.1f} s "
             f"(target < 60 s at 10,000); records file {mib(path)}"]
    unlock = time.perf_counter()
    records = Records.open(path, PASS)
    lines.append(f"unlock (key derivation, open, migration check) {(time.perf_counter() - unlock) * 1000:.0f} ms")
    lines.append(f"{'':34s}{'median':>10s}{'min':>10s}{'max':>10s}  runs  target")
    rng = random.Random(1)
    names = [row[0] for row in records.conn.execute("SELECT pseudonym FROM clients LIMIT 500")]
    queries = iter([name[1:4] for name in rng.choices(names, k=runs)])
    lines.append(row("client search (the query)", timed(lambda: records.find_clients(next(queries)), runs),
                     "20 ms (typed and drawn: bench_search.py)"))
    worker = records.worker("Bench")
    visit = records.start_visit(worker.id, rng.randint(1, clients), "fr")
    skills = iter([rng.choice(SKILLS) for _ in range(runs)])
    lines.append(row("one rating committed", timed(lambda: records.rate(visit.id, *next(skills), rng.randint(0, 3)),
                                                   runs), "5 ms"))
    ids = iter([rng.randint(1, clients) for _ in range(runs)])
    lines.append(row("progress chart data", timed(lambda: records.ratings_history(next(ids)), runs), "30 ms"))
    # A year and a month of statistics with schema 9's level steps (keyed by the day they
    # start) against schema 8's (keyed by client: all history read) on the same file, run
    # by run in turn; both must give the same figures (schema 8's steps made now, after the
    # ratings above, from the same rows).
    with records.db.atomic():
        for statement in SCHEMA_8_STEPS:
            records.conn.execute(statement)
    today = date.today()
    for label, days, target in (("a year of statistics", 365, "1 s, off the GUI thread"),
                                ("a month of statistics", 30, "")):
        period = (today - timedelta(days=days - 1), today)
        after: list[float] = []
        before: list[float] = []
        after_figures: list[Stats] = []
        before_figures: list[Stats] = []
        for _ in range(max(3, runs // 5)):
            after += timed(lambda: after_figures.append(records.stats(*period)), 1)
            before += timed(lambda: before_figures.append(before_stats(records.conn, *period)), 1)
        assert after_figures == before_figures, "schema 9's figures differ from schema 8's"
        lines.append(row(label, after, target))
        lines.append(row("  before: schema 8's level steps", before, "(all history read, interleaved)"))
    backups = folder / f"backups-{clients}"
    made: list[Path] = []
    # The backup as it is (copied, the copy checked) against the records checked first as
    # well (what backup() did before), run by run in turn.
    copied: list[float] = []
    checked_first: list[float] = []
    for _ in range(3):
        copied += timed(lambda: made.append(records.backup(backups, keep=1)), 1)
        checked_first += timed(lambda: (quick_problems(records.conn), made.append(records.backup(backups, keep=1))), 1)
    lines.append(row("backup (copied, copy checked)", copied, "(at unlock, once a day)"))
    lines.append(row("  before: records checked first", checked_first, "(interleaved)"))
    # Each sweep with a shorter retention anonymises the next band of clients (the daily
    # sweep at 12 months finds a few; shortening the retention finds thousands).
    swept: list[int] = []
    months = iter((18, 12, 9, 6, 4, 3))
    lines.append(row("retention sweep (one band)", timed(lambda: swept.append(records.retention_sweep(next(months))),
                                                         6), "(at unlock)"))
    lines.append(f"  clients anonymised per sweep: {', '.join(f'{n:,}' for n in swept)}")
    records.close()
    lines.append(f"sizes: records {mib(path)} after the sweeps, backup {mib(made[-1])}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--per-client", type=int, default=50, help="ratings per client (10 per visit)")
    parser.add_argument("--runs", type=int, default=21)
    options = parser.parse_args()
    print(f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True)
    for clients in options.clients:
        with tempfile.TemporaryDirectory() as folder:
            print("\n".join(bench_scale(Path(folder), clients, options.per_client, options.runs)) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
