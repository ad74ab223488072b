"""Opening the encrypted records file: key, verify, version check, pragmas.

The order matters. The key is set and checked with a read of sqlite_master before
anything that could write, and the schema version is read before any pragma or
migration: a wrong passphrase or a file from a newer Coach leaves the file's bytes
exactly as they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from coach.domain import rules
from coach.paths import app_dirs
from coach.records.errors import (
    NoRecords,
    RecordsDamaged,
    RecordsExist,
    SchemaTooNew,
    WrongPassphrase,
    translated,
)
from coach.records.private import create_private_file, private_folder

if TYPE_CHECKING:
    # sqlcipher3 mirrors the standard library's sqlite3 API and ships no types: its
    # connections are checked as sqlite3's.
    from sqlite3 import Connection
else:
    Connection = sqlcipher.Connection
DatabaseError = sqlcipher.DatabaseError
MIN_PASSPHRASE = rules.MIN_PASSPHRASE


def records_path() -> Path:
    """The desk's records file: `<data>/records.db` (COACH_HOME governs <data>)."""
    return app_dirs().data / "records.db"


def key_literal(passphrase: str) -> str:
    """The passphrase as an SQL string literal for `PRAGMA key` (SQLCipher runs PBKDF2 on it).

    PRAGMA takes no bound parameters, so the text is quoted here: single quotes are
    doubled. An empty passphrase would mean "no encryption" to SQLCipher and a NUL
    would cut the key short, so both are refused.

    >>> key_literal("it's")
    "'it''s'"
    """
    if not isinstance(passphrase, str) or not passphrase:
        raise ValueError("the passphrase is empty")
    if "\x00" in passphrase:
        raise ValueError("the passphrase contains a NUL character")
    return "'" + passphrase.replace("'", "''") + "'"


def check_new_passphrase(passphrase: str) -> None:
    """ValueError unless `passphrase` is fit to protect the records (length, no NUL)."""
    key_literal(passphrase)
    if rules.passphrase_problem(passphrase) is rules.PassphraseProblem.TOO_SHORT:
        raise ValueError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")


PAGE_SIZE = 4096
"""SQLCipher 4's page size: a records file is a whole number of pages, the first holding the key check."""


def connect(path: Path, passphrase: str, *, create: bool = False, known_version: int | None = None,
            read_only: bool = False, check: bool = False) -> Connection:
    """A keyed, verified connection to `path`, with Coach's pragmas set.

    `create=True` makes a new file (RecordsExist if there is one); otherwise the file
    must exist (NoRecords). The passphrase is tried first on a connection that cannot
    write anything (`immutable`, so not even a WAL left by a killed writer is replayed):
    a wrong key raises WrongPassphrase and every file stays byte-identical. A schema
    newer than `known_version` raises SchemaTooNew; with `check=True` the file must
    pass `PRAGMA quick_check` (RecordsDamaged otherwise, the file untouched).
    `read_only=True` opens without setting any pragma that writes (to verify a backup).
    Every failure of the file is a RecordsError (see coach.records.errors).
    """
    path = Path(path)
    literal = key_literal(passphrase)
    with translated(path):
        if create:
            if path.exists():
                raise RecordsExist(path)
            private_folder(path.parent)
            create_private_file(path)  # SQLite gives -wal and -shm the same mode
        elif not path.is_file():
            raise NoRecords(path)
        else:
            _verify_key(path, literal, check=check)
        mode = "rwc" if create else "ro" if read_only else "rw"
        conn = _keyed(path, literal, f"mode={mode}")
        try:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except DatabaseError as exc:
                if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
                    raise WrongPassphrase(path) from None
                raise
            found = schema_version(conn)
            if known_version is not None and found > known_version:
                raise SchemaTooNew(path, found, known_version)
            conn.execute("PRAGMA busy_timeout = 5000")
            if read_only:
                return conn
            conn.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL never loses a committed transaction when the process is
            # killed; only a power cut can take back the last ones.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed (erasure, retention)
        except BaseException:
            conn.close()
            raise
    return conn


def _keyed(path: Path, literal: str, mode: str) -> Connection:
    conn = sqlcipher.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not on stderr
        conn.execute(f"PRAGMA key = {literal}")
    except BaseException:
        conn.close()
        raise
    return conn


def _wal_in_use(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def _verify_key(path: Path, literal: str, *, check: bool) -> None:
    """WrongPassphrase or RecordsDamaged unless `literal` opens `path`; nothing is ever written.

    The key is checked on the main file opened `immutable` (no lock, no -shm, the WAL
    ignored). With `check`, the file is checked too: there when no WAL is in use,
    else on a read-only connection that reads the WAL but never writes the database.
    A main file without its first page while a WAL holds everything (made by an older
    Coach killed at creation) is checked on a private copy of both.
    """
    size = path.stat().st_size
    wal = _wal_in_use(path)
    if size < PAGE_SIZE and not wal:
        raise RecordsDamaged(path, ["the file is empty or cut short: it holds no records"
                                    if size == 0 else f"the file has {size} bytes, less than one page"])
    if size < PAGE_SIZE:
        _verify_copy(path, literal, check=check)
        return
    conn = _keyed(path, literal, "mode=ro&immutable=1")
    needs_the_wal = False
    try:
        try:
            _try_key(conn, path)
        except RecordsDamaged:
            if not wal:
                raise
            # A writer killed in the middle of a checkpoint leaves the main file half updated:
            # sound only with its WAL (found by the crash loop). The WAL-reading connection decides.
            needs_the_wal = True
        if size % PAGE_SIZE and not wal:
            raise RecordsDamaged(path, [f"the file is cut short ({size} bytes is not a whole number of pages)"])
        if check and not wal:
            _raise_problems(conn, path)
    finally:
        conn.close()
    if wal and (check or needs_the_wal):
        conn = _keyed(path, literal, "mode=ro")
        try:
            _try_key(conn, path)
            if check:
                _raise_problems(conn, path)
        finally:
            conn.close()


def _verify_copy(path: Path, literal: str, *, check: bool) -> None:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="coach-check-") as folder:
        copy = Path(folder) / "records.db"
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        conn = _keyed(copy, literal, "mode=ro")
        try:
            _try_key(conn, path)
            if check:
                _raise_problems(conn, path)
        finally:
            conn.close()


def _try_key(conn: Connection, path: Path) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise WrongPassphrase(path) from None
        raise RecordsDamaged(path, [str(exc)]) from None


def quick_problems(conn: Connection) -> list[str]:
    """`PRAGMA quick_check`'s complaints ([] when sound); a read that fails is a complaint too."""
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    except DatabaseError as exc:
        return [str(exc)]


def _raise_problems(conn: Connection, path: Path) -> None:
    problems = quick_problems(conn)
    if problems:
        raise RecordsDamaged(path, problems)


def memory_connection() -> Connection:
    """An unencrypted in-memory database with Coach's pragmas: for tests where encryption is not the point."""
    conn = sqlcipher.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def iterdump(conn: Connection):
    """Every schema entry and every row of every table, as text lines (sqlcipher3 has no `iterdump`).

    For tests and audits of what the file holds; the rows come in rowid order (a table
    WITHOUT ROWID, such as the statistics' summaries, in its primary key's order).
    """
    entries = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    for kind, name, _table, sql in entries:
        yield f"{kind} {name}: {sql}"
    for kind, name, _table, sql in entries:
        if kind == "table" and not name.startswith("sqlite_"):
            quoted = '"' + name.replace('"', '""') + '"'
            order = "" if "WITHOUT ROWID" in sql.upper() else " ORDER BY rowid"
            for row in conn.execute(f"SELECT * FROM {quoted}{order}"):
                yield f"{name}: {row!r}"


def schema_version(conn: Connection) -> int:
    """The file's schema version (`PRAGMA user_version`; 0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def rekey(conn: Connection, new_passphrase: str) -> None:
    """Re-encrypt the whole file under `new_passphrase` (`PRAGMA rekey`)."""
    check_new_passphrase(new_passphrase)
    with translated(None):
        conn.execute(f"PRAGMA rekey = {key_literal(new_passphrase)}")
