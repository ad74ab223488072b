"""Opening the encrypted records file: key, verify, version check, pragmas.

The order matters. The key is set and checked with a read of sqlite_master before
anything that could write, and the schema version is read before any pragma or
migration: a wrong passphrase or a file from a newer Coach leaves the file's bytes
exactly as they were.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from coach.paths import app_dirs
from coach.records.errors import NoRecords, RecordsExist, SchemaTooNew, WrongPassphrase

Connection = sqlcipher.Connection
DatabaseError = sqlcipher.DatabaseError
MIN_PASSPHRASE = 8
"""A new or changed passphrase is at least this many characters."""


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
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")


def connect(path: Path, passphrase: str, *, create: bool = False, known_version: int | None = None,
            read_only: bool = False) -> Connection:
    """A keyed, verified connection to `path`, with Coach's pragmas set.

    `create=True` makes a new file (RecordsExist if there is one); otherwise the file
    must exist (NoRecords). A wrong key raises WrongPassphrase; a schema newer than
    `known_version` raises SchemaTooNew. In both cases nothing was written.
    `read_only=True` opens without setting any pragma that writes (to verify a backup).
    """
    path = Path(path)
    literal = key_literal(passphrase)
    if create:
        if path.exists():
            raise RecordsExist(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.is_file():
        raise NoRecords(path)
    mode = "rwc" if create else "ro" if read_only else "rw"
    conn = sqlcipher.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not on stderr
        conn.execute(f"PRAGMA key = {literal}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            raise WrongPassphrase(path) from None
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


def memory_connection() -> Connection:
    """An unencrypted in-memory database with Coach's pragmas: for tests where encryption is not the point."""
    conn = sqlcipher.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def iterdump(conn: Connection):
    """Every schema entry and every row of every table, as text lines (sqlcipher3 has no `iterdump`).

    For tests and audits of what the file holds; the rows come in rowid order.
    """
    entries = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    for kind, name, _table, sql in entries:
        yield f"{kind} {name}: {sql}"
    for kind, name, _table, _sql in entries:
        if kind == "table" and not name.startswith("sqlite_"):
            quoted = '"' + name.replace('"', '""') + '"'
            for row in conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid"):
                yield f"{name}: {row!r}"


def schema_version(conn: Connection) -> int:
    """The file's schema version (`PRAGMA user_version`; 0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def rekey(conn: Connection, new_passphrase: str) -> None:
    """Re-encrypt the whole file under `new_passphrase` (`PRAGMA rekey`)."""
    check_new_passphrase(new_passphrase)
    conn.execute(f"PRAGMA rekey = {key_literal(new_passphrase)}")
