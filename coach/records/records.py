"""`Records`: the one object the application talks to about clients, visits and ratings.

What happens in a visit (lessons, ratings, notes) is written by its base `VisitRecords`
(visits.py); rights and retention, figures and backups are in their own modules.

Every method runs on the calling thread with this object's connection (the GUI
thread's, for the small writes of a visit); heavy work (stats, retention, backups)
belongs on a worker thread with its own `Records.open`. Each write is one
transaction: when it raises, the database is as it was.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from coach.records import backup as _backup
from coach.records import rights as _rights
from coach.records import stats as _stats
from coach.records.models import CLIENT_COLUMNS, Client, Stats, Worker, now, row_id, to_text
from coach.records.errors import RecordsDamaged, RecordsExist, WrongPassphrase, translated
from coach.records.schema import SCHEMA_VERSION, migrate
from coach.records.store import Connection, connect, records_path, rekey
from coach.records.visits import VisitRecords

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G)."""
CODE_LENGTH = 4


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form for search ("Élodie" finds "elo")."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def empty_leftover(path: Path) -> bool:
    """True for a 0-byte records file with no WAL: what an older Coach left when creation failed."""
    try:
        return path.stat().st_size == 0 and not Path(f"{path}-wal").exists()
    except OSError:
        return False


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Make `path` (a file, or a folder's entries) durable; folders cannot be opened on Windows."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class Records(VisitRecords):
    """An open, unlocked records file. Use `Records.create` or `Records.open`; `close()` when done."""

    def __init__(self, conn: Connection, path: Path, passphrase: str) -> None:
        self.conn = conn
        self.path = path
        # Kept for the life of this object: a backup's target must be keyed alike, and
        # the process holds the decrypted records anyway. Never logged, never written.
        self._passphrase = passphrase
        conn.create_function("coach_fold", 1, fold, deterministic=True)
        self.db = Database(conn)
        migrate(self.db)

    @classmethod
    def create(cls, path: Path | None = None, passphrase: str = "") -> Records:
        """Make a new encrypted records file (RecordsExist if one is there) and open it.

        The file is made under a temporary name beside it and renamed into place once
        complete, so a failure (a full disk, a kill) never leaves a half-made records
        file; an empty file left by an older Coach (it holds nothing) is replaced.
        """
        from coach.records.store import check_new_passphrase

        path = Path(path or records_path())
        check_new_passphrase(passphrase)
        with translated(path):
            if path.exists() and not empty_leftover(path):
                raise RecordsExist(path)
            staged = path.with_name(f".{path.name}.creating")
            _remove_with_journal(staged)
            try:
                conn = connect(staged, passphrase, create=True, known_version=SCHEMA_VERSION)
                try:
                    cls(conn, staged, passphrase).close()
                except BaseException:
                    conn.close()
                    raise
                _fsync(staged)
                os.replace(staged, path)
                _fsync(path.parent)
            except BaseException:
                _remove_with_journal(staged)
                raise
        return cls.open(path, passphrase)

    @classmethod
    def open(cls, path: Path | None = None, passphrase: str = "") -> Records:
        """Unlock the records after checking them (`quick_check`).

        NoRecords, WrongPassphrase, SchemaTooNew and RecordsDamaged leave every file
        byte-identical; RecordsDamaged names the newest good backup when there is one.
        """
        path = Path(path or records_path())
        try:
            conn = connect(path, passphrase, known_version=SCHEMA_VERSION, check=True)
        except RecordsDamaged as damaged:
            raise RecordsDamaged(path, damaged.problems, _backup.latest_good_backup(passphrase)) from None
        except WrongPassphrase:
            raise WrongPassphrase(path, _backup.latest_good_backup(passphrase)) from None
        try:
            with translated(path):
                return cls(conn, path, passphrase)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def in_memory(cls) -> Records:
        """Unencrypted records in memory, for tests and benchmarks of everything but encryption."""
        from coach.records.store import memory_connection

        return cls(memory_connection(), Path(":memory:"), "in-memory")

    def close(self) -> None:
        """Checkpoint the WAL into the file and close the connection."""
        self._passphrase = ""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the file under a new passphrase (at least 8 characters)."""
        rekey(self.conn, new_passphrase)
        self._passphrase = new_passphrase
        self.audit("passphrase_changed")

    def keyed_connection(self, path: Path) -> Connection:
        """A new plain connection to a new file at `path`, keyed like these records (backup target)."""
        import sqlcipher3.dbapi2 as sqlcipher

        from coach.records.store import key_literal

        conn = sqlcipher.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = {key_literal(self._passphrase)}")
        return conn

    # -- workers and clients -------------------------------------------------------------

    def worker(self, name: str) -> Worker:
        """The worker called `name`, created on first use."""
        name = name.strip()
        if not name:
            raise ValueError("a worker needs a name")
        with self.db.atomic():
            self.conn.execute("INSERT INTO workers (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
            (worker_id,) = self.conn.execute("SELECT id FROM workers WHERE name = ?", (name,)).fetchone()
        return Worker(worker_id, name)

    def create_client(self, pseudonym: str, language: str, contact_channels: Iterable[str] = (),
                      consent_given: bool = False, consent_scope: str = "") -> Client:
        """A new client with a fresh short code; the consent answer is dated now.

        >>> records.create_client("Fatima B.", "ar", ["sms"], True, "records")  # doctest: +SKIP
        Client(id=1, pseudonym='Fatima B.', code='K7P2', ...)
        """
        pseudonym = pseudonym.strip()
        if not pseudonym:
            raise ValueError("a client needs a pseudonym")
        if not language.strip():
            raise ValueError("a client needs a language")
        channels = [str(channel).strip() for channel in contact_channels if str(channel).strip()]
        moment = to_text(now())
        with self.db.atomic():
            code = self._new_code()
            cursor = self.conn.execute(
                "INSERT INTO clients (pseudonym, code, language, contact_channels, consent_given, consent_scope,"
                " consent_date, created, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (pseudonym, code, language.strip(), json.dumps(channels, ensure_ascii=False), int(bool(consent_given)),
                 consent_scope.strip(), moment, moment, fold(f"{pseudonym} {code}")))
            client_id = row_id(cursor)
            self._audit("client_created", f"client {client_id}")
        found = self.client(client_id)
        assert found is not None
        return found

    def _new_code(self) -> str:
        for attempt in range(50):
            length = CODE_LENGTH if attempt < 40 else CODE_LENGTH + 1
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
            if self.conn.execute("SELECT 1 FROM clients WHERE code = ?", (code,)).fetchone() is None:
                return code
        raise RuntimeError("could not find a free client code")

    def client(self, client_id: int) -> Client | None:
        """The client with this id, or None."""
        row = self.conn.execute(f"SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?", (client_id,)).fetchone()
        return None if row is None else Client.from_row(row)

    def find_clients(self, text: str, limit: int = 20) -> list[Client]:
        """Clients whose pseudonym or code contains `text` (any case, any accents), latest visit first.

        An empty `text` lists the most recently seen clients. Anonymised clients never appear.
        """
        text = text.strip()
        # The client whose code this is comes first (one look-up in the code's unique index);
        # then the index `clients_search` is walked newest visit first, its search_key read
        # in the index itself, until `limit` clients matched: no sort, no table scan, and
        # a part that matches nobody reads only that narrow index (schema 6).
        exact = self.conn.execute(f"SELECT {CLIENT_COLUMNS} FROM clients WHERE code = upper(?) AND anonymised = 0",
                                  (text,)).fetchall() if text else []
        rows = self.conn.execute(
            f"SELECT {CLIENT_COLUMNS} FROM clients INDEXED BY clients_search WHERE anonymised = 0"
            " AND instr(search_key, ?) > 0 AND id != ?"
            " ORDER BY last_visit DESC, created DESC, id DESC LIMIT ?",  # a NULL last_visit sorts last
            (fold(text), exact[0][0] if exact else 0, limit)).fetchall()
        return [Client.from_row(row) for row in (exact + rows)[:limit]]

    # -- the audit log ---------------------------------------------------------------------

    def audit(self, action: str, detail: str = "", worker_id: int | None = None) -> None:
        """Append to the audit log. `detail` names clients by id, never by pseudonym, code or note."""
        with self.db.atomic():
            self._audit(action, detail, worker_id)

    def _audit(self, action: str, detail: str = "", worker_id: int | None = None) -> None:
        self.conn.execute("INSERT INTO audit (at, worker_id, action, detail) VALUES (?, ?, ?, ?)",
                          (to_text(now()), worker_id, action, detail))

    def audit_log(self, limit: int = 100) -> list[tuple[datetime, int | None, str, str]]:
        """The newest audit entries: (time, worker id, action, detail)."""
        rows = self.conn.execute("SELECT at, worker_id, action, detail FROM audit ORDER BY id DESC LIMIT ?",
                                 (limit,)).fetchall()
        return [(datetime.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]

    # -- rights, retention, figures, backups (in their own modules) -------------------------

    def about_client(self, client_id: int) -> dict:
        """Everything stored about one client, JSON-ready (their own view and the access export)."""
        return _rights.about_client(self, client_id)

    def erase_client(self, client_id: int, worker_id: int | None = None) -> None:
        """Erase a client on request: their row and notes go, visits and ratings are unlinked."""
        _rights.erase_client(self, client_id, worker_id)

    def retention_sweep(self, months: int = 12, now: datetime | None = None, worker_id: int | None = None) -> int:
        """Anonymise clients not seen for `months`; returns how many."""
        return _rights.retention_sweep(self, months, now, worker_id)

    def stats(self, date_from: date, date_to: date) -> Stats:
        """Figures for funders, both days included; nothing identifying."""
        return _stats.stats(self.conn, date_from, date_to)

    def write_stats_csv(self, path: Path, date_from: date, date_to: date) -> Stats:
        """Write `stats(...)` as CSV to `path` (atomically) and return them."""
        figures = self.stats(date_from, date_to)
        _stats.write_csv(Path(path), figures)
        return figures

    def backup(self, dest_dir: Path | None = None, keep: int = 7) -> Path:
        """An encrypted copy (same passphrase) in `dest_dir` (default <data>/backups); keeps the newest `keep`."""
        return _backup.backup(self, dest_dir, keep)

    def backup_if_due(self, dest_dir: Path | None = None, keep: int = 7,
                      now: datetime | None = None) -> Path | None:
        """A backup when the newest one is 24 hours old or more (call at unlock); the new file or None."""
        return _backup.backup_if_due(self, dest_dir, keep, now)

    def check(self) -> list[str]:
        """Problems found by integrity_check, foreign_key_check and the schema version; [] when sound."""
        return _backup.check(self)

    def checkpoint(self) -> None:
        """Move the WAL's pages into the file and empty the WAL (after erasures)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _translating(method: Callable[..., Any]) -> Callable[..., Any]:
    """`method` with the driver's and the file system's errors turned into RecordsErrors."""
    @functools.wraps(method)
    def guarded(self: Records, *args: Any, **kwargs: Any) -> Any:
        with translated(self.path):
            return method(self, *args, **kwargs)
    return guarded


for _part in (VisitRecords, Records):
    for _name, _method in list(vars(_part).items()):
        if not _name.startswith("_") and inspect.isfunction(_method):
            setattr(Records, _name, _translating(_method))
