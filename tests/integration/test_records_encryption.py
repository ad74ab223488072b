"""The records file with the real SQLCipher: encrypted, keyed, versioned, untouched when refused."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from coach.records import Records, RecordsExist, SchemaTooNew, WrongPassphrase
from coach.records.errors import NoRecords
from coach.records.schema import SCHEMA_VERSION
from coach.records.store import iterdump, key_literal, records_path

pytestmark = pytest.mark.integration

PASS = "correct horse battery"


def fingerprint(path: Path) -> tuple[bytes, int, list[str]]:
    """The file's bytes, its modification time and the folder's listing."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A closed records file holding one client."""
    path = tmp_path / "records.db"
    with Records.create(path, PASS) as records:
        records.create_client("Zainab Q.", "ar", ["sms"], True, "records")
    return path


def test_records_path_is_in_the_data_folder(coach_home: Path) -> None:
    """records_path() is <COACH_HOME>/data/records.db."""
    assert records_path() == coach_home / "data" / "records.db"


def test_plain_sqlite3_cannot_read_the_file(made: Path) -> None:
    """The stdlib sqlite3 module sees no database, and the pseudonym is not in the bytes."""
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(made).execute("SELECT * FROM sqlite_master").fetchall()
    assert b"Zainab" not in made.read_bytes() and b"SQLite format 3" not in made.read_bytes()


def test_wrong_passphrase_is_refused_and_touches_nothing(made: Path) -> None:
    """A wrong passphrase raises WrongPassphrase; bytes, mtime and the folder stay the same."""
    before = fingerprint(made)
    with pytest.raises(WrongPassphrase):
        Records.open(made, "not the passphrase")
    assert fingerprint(made) == before


def test_right_passphrase_opens(made: Path) -> None:
    """The right passphrase opens the file and the data is there."""
    with Records.open(made, PASS) as records:
        assert [c.pseudonym for c in records.find_clients("zain")] == ["Zainab Q."]


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    """Opening a file that does not exist raises NoRecords and creates nothing."""
    with pytest.raises(NoRecords):
        Records.open(tmp_path / "none.db", PASS)
    assert os.listdir(tmp_path) == []


def test_create_refuses_an_existing_file(made: Path) -> None:
    """create() never overwrites records; the file is unchanged."""
    before = fingerprint(made)
    with pytest.raises(RecordsExist):
        Records.create(made, PASS)
    assert fingerprint(made) == before


def test_short_or_empty_passphrase_is_refused(tmp_path: Path) -> None:
    """A new passphrase needs 8 characters; an empty key (no encryption) is never used."""
    for weak in ("", "short"):
        with pytest.raises(ValueError):
            Records.create(tmp_path / "r.db", weak)
    assert not (tmp_path / "r.db").exists()


def test_quotes_in_the_passphrase_are_safe(tmp_path: Path) -> None:
    """A passphrase with quotes and non-ASCII letters works and is not SQL."""
    odd = "it's a 'desk'; DROP TABLE x -- é ع"
    assert key_literal("a'b") == "'a''b'"
    with Records.create(tmp_path / "r.db", odd) as records:
        records.worker("Ana")
    with Records.open(tmp_path / "r.db", odd) as records:
        assert records.worker("Ana").id == 1
    with pytest.raises(WrongPassphrase):
        Records.open(tmp_path / "r.db", "it's a ")


def test_too_new_schema_is_refused_and_left_byte_identical(made: Path) -> None:
    """A file with a newer schema raises SchemaTooNew with both numbers; the file is untouched."""
    conn = sqlcipher.connect(str(made))
    conn.execute(f"PRAGMA key = {key_literal(PASS)}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 4}")
    conn.commit()
    conn.close()
    before = fingerprint(made)
    with pytest.raises(SchemaTooNew) as refused:
        Records.open(made, PASS)
    assert (refused.value.found, refused.value.known) == (SCHEMA_VERSION + 4, SCHEMA_VERSION)
    assert f"schema {SCHEMA_VERSION + 4}, this Coach knows {SCHEMA_VERSION}" in str(refused.value)
    assert "update Coach" in str(refused.value)
    assert fingerprint(made) == before


def test_reopening_applies_no_migration_twice(made: Path) -> None:
    """Opening the file again leaves its content and its migration log as they were."""
    with Records.open(made, PASS) as records:
        before = list(iterdump(records.conn))
        applied = records.conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    with Records.open(made, PASS) as records:
        assert list(iterdump(records.conn)) == before
        assert applied == [("0001_initial",), ("0002_search_key",), ("0003_lesson_language",),
                       ("0004_note_language",), ("0005_exercise_results",), ("0006_search_index",),
                       ("0007_statistics_indexes",), ("0008_statistics_summaries",),
                       ("0009_steps_by_day",), ("0010_no_ratings_at",)]


def test_changed_passphrase(made: Path) -> None:
    """After change_passphrase the old one fails and the new one opens the same data."""
    with Records.open(made, PASS) as records:
        records.change_passphrase("a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        Records.open(made, PASS)
    with Records.open(made, "a brand new passphrase") as records:
        assert records.find_clients("Zainab")


def test_pragmas_of_an_open_file(made: Path) -> None:
    """WAL, foreign keys and secure_delete are on for an open file."""
    with Records.open(made, PASS) as records:
        pragma = lambda name: records.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1 and pragma("secure_delete") == 1
