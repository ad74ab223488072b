"""coach.records.errors: each kind of failure has its own class and its own words; bugs stay bugs."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from coach.i18n.ui_strings import ui_strings
from coach.records.errors import (
    DiskFull,
    NoRecords,
    RecordsDamaged,
    RecordsError,
    RecordsExist,
    RecordsLocked,
    RecordsReadOnly,
    SchemaTooNew,
    StorageFailed,
    WrongPassphrase,
    describe,
    from_database_error,
    from_os_error,
    translated,
)

PATH = Path("/desk/records.db")


def driver_error(kind: type[Exception], message: str, name: str) -> Exception:
    error = kind(message)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize("error, expected", [
    (driver_error(sqlcipher.OperationalError, "database or disk is full", "SQLITE_FULL"), DiskFull),
    (driver_error(sqlcipher.DatabaseError, "database disk image is malformed", "SQLITE_CORRUPT"), RecordsDamaged),
    (driver_error(sqlcipher.OperationalError, "database is locked", "SQLITE_BUSY"), RecordsLocked),
    (driver_error(sqlcipher.OperationalError, "attempt to write a readonly database", "SQLITE_READONLY"),
     RecordsReadOnly),
    (driver_error(sqlcipher.OperationalError, "unable to open database file", "SQLITE_CANTOPEN"), RecordsReadOnly),
    (driver_error(sqlcipher.OperationalError, "something new", "SQLITE_ERROR"), StorageFailed),
])
def test_driver_errors_are_classified(error: Exception, expected: type[RecordsError]) -> None:
    assert isinstance(from_database_error(error, PATH), expected)
    with pytest.raises(expected) as caught, translated(PATH):
        raise error
    assert caught.value.__cause__ is error


@pytest.mark.parametrize("error", [
    sqlcipher.ProgrammingError("Cannot operate on a closed database."),
    sqlcipher.IntegrityError("UNIQUE constraint failed: clients.code"),
    sqlcipher.InterfaceError("bad parameter"),
])
def test_misuse_of_the_driver_stays_a_bug(error: Exception) -> None:
    assert from_database_error(error, PATH) is None
    with pytest.raises(type(error)), translated(PATH):
        raise error


@pytest.mark.parametrize("bug", [ValueError("a level is 0-3"), TypeError("bad"), KeyError("x")])
def test_bugs_are_never_records_errors(bug: Exception) -> None:
    with pytest.raises(type(bug)), translated(PATH):
        raise bug


@pytest.mark.parametrize("number, expected", [
    (errno.ENOSPC, DiskFull), (errno.EDQUOT, DiskFull), (errno.EACCES, RecordsReadOnly),
    (errno.EROFS, RecordsReadOnly), (errno.EIO, StorageFailed),
])
def test_os_errors_are_classified(number: int, expected: type[RecordsError]) -> None:
    assert isinstance(from_os_error(OSError(number, "reason", "/desk/x"), PATH), expected)


EVERY_KIND = [
    NoRecords(PATH), RecordsExist(PATH), WrongPassphrase(PATH), WrongPassphrase(PATH, Path("/b/records-1.db")),
    SchemaTooNew(PATH, 9, 2), RecordsDamaged(PATH, ["page 3"]), RecordsDamaged(PATH, ["x"], Path("/b/r.db")),
    DiskFull(PATH), RecordsLocked(PATH), RecordsReadOnly(PATH), StorageFailed(PATH, "I/O"),
]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_kind_is_worded_in_the_workers_language(language: str) -> None:
    english = {describe(error, lambda s: s) for error in EVERY_KIND}
    translated_ = [describe(error, ui_strings(language).gettext) for error in EVERY_KIND]
    assert len(english) == len(EVERY_KIND), "each kind has its own words"
    assert not english & set(translated_), "every message is translated"


def test_disk_full_says_the_disk_is_full() -> None:
    assert "the disk is full" in describe(DiskFull(PATH), lambda s: s)
    assert "disque est plein" in describe(DiskFull(PATH), ui_strings("fr").gettext)
