"""Encrypted backups with the online backup API, keeping 7, daily; restore; the health check."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coach.records import Records, WrongPassphrase, backup_files, restore
from coach.records.errors import RecordsDamaged
from coach.records.store import iterdump

pytestmark = pytest.mark.integration

PASS = "correct horse battery"


@pytest.fixture
def records(tmp_path: Path) -> Records:
    """Open records with a client, a visit, a rating and a note."""
    opened = Records.create(tmp_path / "records.db", PASS)
    worker = opened.worker("Ana")
    client = opened.create_client("Jo", "fr")
    visit = opened.start_visit(worker.id, client.id, "fr")
    opened.rate(visit.id, "demo/sms", "2.1", 2)
    opened.add_note(visit.id, "first note")
    yield opened
    opened.conn.close()


def content(path: Path) -> list[str]:
    with Records.open(path, PASS) as opened:
        return [line for line in iterdump(opened.conn) if not line.startswith("audit:")]


def test_backup_restore_round_trip(records: Records, tmp_path: Path) -> None:
    """Restoring a backup brings back exactly the data of the moment it was taken."""
    copy = records.backup(tmp_path / "backups")
    at_backup = [line for line in iterdump(records.conn) if not line.startswith("audit:")]
    visit = records.start_visit(records.worker("Ana").id, None, "ar")
    records.rate(visit.id, "demo/sms", "2.1", 3)
    records.close()
    kept = restore(copy, PASS, records.path)
    assert content(records.path) == at_backup
    assert kept.name == "records.db.before-restore"
    assert any("'ar'" in line for line in content(kept))


def test_a_backup_from_before_an_upgrade_is_restored_and_migrated(records: Records, tmp_path: Path) -> None:
    """A backup at schema 5 (before the search and statistics indexes and summaries) restores; opening it migrates it."""
    copy = records.backup(tmp_path / "backups")
    conn = records.keyed_connection(copy)
    for statement in ("DROP INDEX clients_search", "DROP INDEX ratings_client",
                      "CREATE INDEX clients_last_visit ON clients (anonymised, last_visit)",
                      "CREATE INDEX visits_started ON visits (started)",
                      "CREATE INDEX ratings_client ON ratings (client_id, skill, at)",
                      "CREATE INDEX ratings_at ON ratings (at)",
                      "DELETE FROM _sqlite_migrations WHERE name IN ('0006_search_index', '0007_statistics_indexes',"
                      " '0008_statistics_summaries', '0009_steps_by_day', '0010_no_ratings_at')"):
        conn.execute(statement)
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE type = 'trigger'"
                                   " OR name IN ('figure_counts', 'visit_languages', 'rating_skills', 'level_steps')"
                                   " ORDER BY type = 'table'").fetchall():
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    records.close()
    restore(copy, PASS, records.path)
    with Records.open(records.path, PASS) as opened:
        assert opened.check() == []
        assert [c.pseudonym for c in opened.find_clients("jo")] == ["Jo"]
        assert opened.stats(date.today(), date.today()).visits >= 1


def test_backup_is_encrypted(records: Records, tmp_path: Path) -> None:
    """A backup opens with the passphrase and not with plain sqlite3 nor a wrong passphrase."""
    copy = records.backup(tmp_path / "backups")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(WrongPassphrase):
        Records.open(copy, "not the passphrase")
    assert b"first note" not in copy.read_bytes()
    assert copy.name.startswith("records-") and copy.parent == tmp_path / "backups"


def test_default_folder_is_in_the_data_folder(records: Records, coach_home: Path) -> None:
    """Without a folder, backups go to <data>/backups."""
    assert records.backup().parent == coach_home / "data" / "backups"


def test_only_the_newest_seven_are_kept(records: Records, tmp_path: Path) -> None:
    """After ten backups, the seven newest remain."""
    from coach.records.backup import backup

    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [backup(records, tmp_path / "b", 7, start + timedelta(days=day)) for day in range(10)]
    assert backup_files(tmp_path / "b") == made[3:]


def test_backup_if_due_is_daily(records: Records, tmp_path: Path) -> None:
    """A backup is made when none exists or the newest is 24 hours old, not before."""
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    folder = tmp_path / "b"
    assert records.backup_if_due(folder, now=start) is not None
    assert records.backup_if_due(folder, now=start + timedelta(hours=23)) is None
    assert records.backup_if_due(folder, now=start + timedelta(hours=24)) is not None
    assert len(backup_files(folder)) == 2


def test_restore_with_a_wrong_passphrase_changes_nothing(records: Records, tmp_path: Path) -> None:
    """A backup that does not open with the passphrase is refused before the records are touched."""
    copy = records.backup(tmp_path / "backups")
    records.close()
    before = records.path.read_bytes()
    with pytest.raises(WrongPassphrase):
        restore(copy, "not the passphrase", records.path)
    assert records.path.read_bytes() == before
    assert not Path(f"{records.path}.before-restore").exists()


def test_restore_refuses_a_damaged_backup(records: Records, tmp_path: Path) -> None:
    """A truncated backup is refused as damaged (not as a wrong passphrase) and the records stay as they were."""
    copy = records.backup(tmp_path / "backups")
    records.close()
    copy.write_bytes(copy.read_bytes()[:4096 * 2])
    before = records.path.read_bytes()
    with pytest.raises(RecordsDamaged):
        restore(copy, PASS, records.path)
    assert records.path.read_bytes() == before


def test_check_is_clean_then_finds_a_broken_link(records: Records) -> None:
    """check() is empty for sound records and names a rating whose visit is gone."""
    assert records.check() == []
    records.conn.execute("PRAGMA foreign_keys = OFF")
    records.conn.execute("DELETE FROM notes")
    records.conn.execute("DELETE FROM visits")
    problems = records.check()
    assert problems and all(problem.startswith("foreign key: ") for problem in problems)


def test_the_copies_of_a_killed_backup_are_removed_by_the_next(records: Records, tmp_path: Path) -> None:
    """A backup SIGKILLed midway leaves its temporary copy (named by its own time); the next backup removes it."""
    folder = tmp_path / "backups"
    folder.mkdir()
    killed = folder / ".records-20261201T101010000000Z.db.tmp"
    killed.write_bytes(b"half a copy")
    Path(f"{killed}-journal").write_bytes(b"its journal")
    Path(folder / ".records-20261130T101010000000Z.db.tmp-journal").write_bytes(b"a journal alone")
    made = records.backup(folder)
    assert sorted(p.name for p in folder.iterdir()) == [made.name]
