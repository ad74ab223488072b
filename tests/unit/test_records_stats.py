"""Figures for funders: right counts, up/same/down per skill, and nothing identifying in the CSV."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.records import Records

TODAY = date.today()
PERIOD = (TODAY - timedelta(days=1), TODAY + timedelta(days=1))


@pytest.fixture
def records() -> Records:
    """Unencrypted in-memory records (encryption is tested in tests/integration)."""
    found = Records.in_memory()
    yield found
    found.conn.close()


def test_counts(records: Records) -> None:
    """Visits (and anonymous ones), months, languages and finished lessons are counted."""
    worker = records.worker("Ana")
    client = records.create_client("Jo", "ar")
    first = records.start_visit(worker.id, client.id, "ar")
    records.record_finished(first.id, "demo", "sms", 60)
    records.record_step(first.id, "demo", "mail", 0, "s1")
    second = records.start_visit(worker.id, None, "fr")
    records.record_finished(second.id, "demo", "sms", 30)
    figures = records.stats(*PERIOD)
    assert (figures.visits, figures.anonymous_visits) == (2, 1)
    assert figures.visits_per_month == {TODAY.isoformat()[:7]: 2}
    assert figures.languages == {"ar": 1, "fr": 1}
    assert figures.lessons_done == {"demo/sms": 2}


def test_level_changes_first_against_last(records: Records) -> None:
    """Per client and skill, the last worker rating against the first: up, same or down."""
    worker = records.worker("Ana")
    for levels in ([0, 2, 3], [1, 1], [3, 2], [2]):
        client = records.create_client("x", "fr")
        for level in levels:
            visit = records.start_visit(worker.id, client.id, "fr")
            records.rate(visit.id, "demo/sms", "2.1", level)
            records.rate(visit.id, "demo/sms", "2.1", 0, "client")  # the client's own: not counted
    change = records.stats(*PERIOD).level_changes["demo/sms"]
    assert (change.up, change.same, change.down) == (1, 1, 1)


def test_period_bounds_are_inclusive_and_checked(records: Records) -> None:
    """A period ending before it starts is refused; a period in the past finds nothing of today."""
    records.start_visit(records.worker("Ana").id, None, "fr")
    assert records.stats(TODAY, TODAY).visits == 1
    assert records.stats(TODAY - timedelta(days=30), TODAY - timedelta(days=1)).visits == 0
    with pytest.raises(ValueError):
        records.stats(TODAY, TODAY - timedelta(days=1))


names = st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=3, max_size=30).filter(
    lambda text: len(text.strip()) >= 3)


def figures_csv(folder: Path, pseudonym: str, note: str) -> tuple[str, str]:
    """The stats CSV of two visits of one client with this pseudonym and note, and the client's code."""
    records = Records.in_memory()
    worker = records.worker("Ana")
    client = records.create_client(pseudonym, "fr", ["sms"], True, "records")
    for level in (1, 3):
        visit = records.start_visit(worker.id, client.id, "fr")
        records.rate(visit.id, "demo/sms", "2.1", level)
        records.add_note(visit.id, note)
        records.record_finished(visit.id, "demo", "sms", 10)
    target = folder / "figures.csv"
    records.write_stats_csv(target, *PERIOD)
    records.conn.close()
    return target.read_text(encoding="utf-8"), client.code


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pseudonym=names, note=names)
def test_csv_has_nothing_identifying(tmp_path: Path, pseudonym: str, note: str) -> None:
    """Whatever the pseudonym and note, the CSV is the same as for any other, and no cell is one of them."""
    text, code = figures_csv(tmp_path, pseudonym, note)
    baseline, _ = figures_csv(tmp_path, "Someone", "Something")
    assert text == baseline
    cells = {cell for row in csv.reader(text.splitlines()) for cell in row}
    assert {"demo/sms", "autonomy_change", "visits_per_month"} <= cells
    fixed = {cell for row in csv.reader(baseline.splitlines()) for cell in row}
    for secret in (pseudonym.strip(), note.strip(), code):
        # A generated "sms" or "dow" may match the fixed vocabulary ("sms" lesson, "down" column).
        assert secret not in cells or secret in fixed
        assert secret not in text or secret in baseline


def test_languages_count_the_language_each_lesson_was_done_in(records: Records, tmp_path: Path) -> None:
    """A visit that switched from French to Arabic counts for both in the funders' CSV."""
    worker = records.worker("Ana")
    visit = records.start_visit(worker.id, None, "fr")
    records.record_step(visit.id, "demo", "call", 0, "s1", "fr")
    records.record_step(visit.id, "demo", "unlock", 0, "s1", "ar")
    records.start_visit(worker.id, None, "fr")  # no lesson: counts for its starting language
    assert records.stats(*PERIOD).languages == {"fr": 2, "ar": 1}
    records.write_stats_csv(tmp_path / "f.csv", *PERIOD)
    rows = list(csv.reader((tmp_path / "f.csv").open(encoding="utf-8")))
    assert ["languages", "ar", "1", "", "", ""] in rows and ["languages", "fr", "2", "", "", ""] in rows


def test_statistics_read_the_summaries_by_ranges_only(records: Records) -> None:
    """The statistics read the summaries (schema 9), each by a range of its primary key, never a raw table's rows.

    At 50,000 clients a pass over the ratings, or visits and lessons fetched one by one,
    cost seconds (issue 13); a query that starts reading visits, activity or ratings, or
    scanning a summary, shows up here as a plan. The one other read allowed: a client's
    first rating of the period by the ratings_client index, for a client rated five
    times or more in it.
    """
    from coach.records import stats as figures_module

    records.rate(records.start_visit(records.worker("Ana").id, records.create_client("Jo", "fr").id, "fr").id,
                 "demo/sms", "2.1", 1)
    plans: list[str] = []

    class Explaining:
        def execute(self, sql: str, args: tuple | dict = ()) -> object:  # what stats calls on its connection
            plans.extend(row[-1] for row in records.conn.execute("EXPLAIN QUERY PLAN " + sql, args))
            return records.conn.execute(sql, args)

    figures_module.stats(Explaining(), *PERIOD)  # type: ignore[arg-type]
    readers = [plan for plan in plans if plan.startswith(("SCAN ", "SEARCH ")) and "subquery" not in plan]
    tables = {plan.split()[1] for plan in readers}
    assert tables == {"figure_counts", "step", "rating", "rating_skills"}, plans  # level_steps, ratings
    lookups = [plan for plan in readers if plan.split()[1] == "rating"]
    assert lookups and all(plan.startswith("SEARCH rating USING COVERING INDEX ratings_client (client_id=? AND skill=?")
                           for plan in lookups), plans
    ranges = [plan for plan in readers if plan.split()[1] in ("figure_counts", "step")]
    assert ranges and all(plan.startswith("SEARCH ") and "USING PRIMARY KEY" in plan for plan in ranges), plans
    assert any("step USING PRIMARY KEY (skill_no=? AND from_day>? AND from_day<?)" in plan for plan in ranges), plans
