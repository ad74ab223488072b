"""`Records`: the one object the application talks to about clients, visits and ratings.

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
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from coach.domain import rules
from coach.domain.autonomy import AutonomyLevel, RatedBy, check_level
from coach.records import backup as _backup
from coach.records import rights as _rights
from coach.records import stats as _stats
from coach.records.models import (
    CLIENT_COLUMNS,
    Client,
    Note,
    Rating,
    RatingPoint,
    Stats,
    Visit,
    Worker,
    from_text,
    moment_of,
    now,
    row_id,
    to_text,
)
from coach.records.errors import RecordsDamaged, RecordsExist, WrongPassphrase, translated
from coach.records.schema import SCHEMA_VERSION, migrate
from coach.records.store import Connection, connect, records_path, rekey

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G)."""
CODE_LENGTH = 4
MAX_NOTE = rules.MAX_NOTE


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


class Records:
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

    # -- visits and what happens in them -------------------------------------------------

    def start_visit(self, worker_id: int, client_id: int | None, language: str) -> Visit:
        """Begin a visit; `client_id=None` for an anonymous one (nothing identifying is stored)."""
        started = now()
        with self.db.atomic():
            if client_id is not None:
                client = self.client(client_id)
                if client is None or client.anonymised:
                    raise ValueError(f"no client {client_id} to visit")
                self.conn.execute("UPDATE clients SET last_visit = ? WHERE id = ?", (to_text(started), client_id))
            cursor = self.conn.execute(
                "INSERT INTO visits (worker_id, client_id, language, started) VALUES (?, ?, ?, ?)",
                (worker_id, client_id, language, to_text(started)))
        return Visit(row_id(cursor), worker_id, client_id, language, started, None)

    def visit(self, visit_id: int) -> Visit:
        row = self.conn.execute(
            "SELECT id, worker_id, client_id, language, started, ended FROM visits WHERE id = ?",
            (visit_id,)).fetchone()
        if row is None:
            raise ValueError(f"no visit {visit_id}")
        return Visit(row[0], row[1], row[2], row[3], moment_of(row[4]), from_text(row[5]))

    def end_visit(self, visit_id: int) -> None:
        """Note the visit's end time (the first end wins)."""
        with self.db.atomic():
            self.visit(visit_id)
            self.conn.execute("UPDATE visits SET ended = coalesce(ended, ?) WHERE id = ?", (to_text(now()), visit_id))

    def _activity(self, visit_id: int, pack_id: str, lesson_id: str, language: str = "") -> None:
        """Make sure the lesson's activity row exists; a `language` given becomes the lesson's language."""
        if not pack_id or not lesson_id:
            raise ValueError("a pack id and a lesson id are needed")
        visit = self.visit(visit_id)
        self.conn.execute("INSERT INTO activity (visit_id, pack_id, lesson_id, language) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT DO NOTHING", (visit_id, pack_id, lesson_id, language or visit.language))
        if language:
            self.conn.execute("UPDATE activity SET language = ? WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?",
                              (language, visit_id, pack_id, lesson_id))
            self.conn.execute("UPDATE visits SET language = ? WHERE id = ?", (language, visit_id))

    def record_step(self, visit_id: int, pack_id: str, lesson_id: str, step_index: int, step_id: str,
                    language: str = "") -> None:
        """The client reached step `step_index` (from 0) in `language`: steps_reached is the furthest step + 1.

        The lesson is recorded in the language it was last shown in, and so is the visit:
        a client who switches from French to Arabic has the next lessons recorded as Arabic.
        """
        if step_index < 0:
            raise ValueError(f"a step index is 0 or more, not {step_index}")
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id, language)
            self.conn.execute(
                "UPDATE activity SET steps_reached = max(steps_reached, ?)"
                " WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?", (step_index + 1, visit_id, pack_id, lesson_id))

    def record_help(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        """The client asked for help on `step_id`: its count goes up by one."""
        self._count_step("help_requests", visit_id, pack_id, lesson_id, step_id)

    def record_did_it(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        """The client pressed "I did it" on `step_id`: its count goes up by one."""
        self._count_step("done_steps", visit_id, pack_id, lesson_id, step_id)

    def _count_step(self, column: str, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        if not step_id:
            raise ValueError("a step id is needed")
        path = "$." + json.dumps(step_id)
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id)
            self.conn.execute(
                f"UPDATE activity SET {column} = json_set({column}, ?, coalesce(json_extract({column}, ?), 0) + 1)"
                " WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?", (path, path, visit_id, pack_id, lesson_id))

    def help_requests(self, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, int]:
        """Step id -> times the client asked for help there, in this visit."""
        return self._step_counts("help_requests", visit_id, pack_id, lesson_id)

    def did_it_steps(self, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, int]:
        """Step id -> times the client said "I did it" there, in this visit."""
        return self._step_counts("done_steps", visit_id, pack_id, lesson_id)

    def _step_counts(self, column: str, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, int]:
        row = self.conn.execute(f"SELECT {column} FROM activity WHERE visit_id = ? AND pack_id = ?"
                                " AND lesson_id = ?", (visit_id, pack_id, lesson_id)).fetchone()
        return {} if row is None else dict(json.loads(row[0]))

    def record_finished(self, visit_id: int, pack_id: str, lesson_id: str, seconds: int) -> None:
        """The client finished the lesson; `seconds` spent on it are added."""
        if seconds < 0:
            raise ValueError(f"seconds spent cannot be negative: {seconds}")
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id)
            self.conn.execute(
                "UPDATE activity SET finished = 1, seconds_spent = seconds_spent + ?"
                " WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?", (int(seconds), visit_id, pack_id, lesson_id))

    def record_exercises(self, visit_id: int, pack_id: str, lesson_id: str,
                         results: Mapping[str, Mapping[str, int | bool]]) -> None:
        """The lesson's practice results, as the worker confirmed them; they replace earlier ones.

        `results` maps a step id to its counts {"attempts", "hints", "help", "solved"};
        anything else is refused (ValueError) and nothing is written.
        """
        clean: dict[str, dict[str, int | bool]] = {}
        for step_id, counts in results.items():
            if not step_id or set(counts) != {"attempts", "hints", "help", "solved"}:
                raise ValueError(f"exercise results need attempts, hints, help and solved: {step_id!r}")
            numbers = [counts[name] for name in ("attempts", "hints", "help")]
            if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in numbers) \
                    or not isinstance(counts["solved"], bool):
                raise ValueError(f"exercise counts must be whole numbers of 0 or more: {step_id!r}")
            clean[step_id] = {"attempts": numbers[0], "hints": numbers[1], "help": numbers[2],
                              "solved": counts["solved"]}
        with self.db.atomic():
            self._activity(visit_id, pack_id, lesson_id)
            self.conn.execute("UPDATE activity SET exercises = ? WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?",
                              (json.dumps(clean, sort_keys=True), visit_id, pack_id, lesson_id))

    def exercise_results(self, visit_id: int, pack_id: str, lesson_id: str) -> dict[str, dict[str, int | bool]]:
        """Step id -> the confirmed practice counts of that exercise, in this visit."""
        row = self.conn.execute("SELECT exercises FROM activity WHERE visit_id = ? AND pack_id = ? AND lesson_id = ?",
                                (visit_id, pack_id, lesson_id)).fetchone()
        return json.loads(row[0]) if row else {}

    def rate(self, visit_id: int, skill: str, digcomp: str, level: int, by: str = RatedBy.WORKER) -> Rating:
        """Record `level` (0–3) for `skill` ("pack_id/skill_id") in this visit; a new click replaces the last.

        ValueError for a level outside 0–3, an unknown `by` or a malformed skill; nothing is written then.
        """
        level = check_level(level)
        try:
            rated_by = RatedBy(by)
        except ValueError:
            raise ValueError(f"a rating is by 'worker' or 'client', not {by!r}") from None
        pack_id, _, skill_id = skill.partition("/")
        if not pack_id or not skill_id:
            raise ValueError(f"a skill is 'pack_id/skill_id', not {skill!r}")
        at = now()
        with self.db.atomic():
            visit = self.visit(visit_id)
            (rating_id,) = self.conn.execute(
                "INSERT INTO ratings (visit_id, client_id, skill, digcomp, level, rated_by, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (visit_id, skill, rated_by)"
                " DO UPDATE SET level = excluded.level, digcomp = excluded.digcomp, at = excluded.at RETURNING id",
                (visit_id, visit.client_id, skill, digcomp, int(level), rated_by.value, to_text(at))).fetchone()
        return Rating(rating_id, visit_id, visit.client_id, skill, digcomp, level, rated_by, at)

    def add_note(self, visit_id: int, text: str, language: str = "") -> Note:
        """A short free note about the client, written in `language`; refused (ValueError) for an anonymous visit."""
        text = text.strip()
        if not text:
            raise ValueError("the note is empty")
        if len(text) > MAX_NOTE:
            raise ValueError(f"a note has at most {MAX_NOTE} characters, not {len(text)}")
        at = now()
        with self.db.atomic():
            visit = self.visit(visit_id)
            if visit.client_id is None:
                raise ValueError("an anonymous visit keeps no notes")
            cursor = self.conn.execute("INSERT INTO notes (visit_id, client_id, text, at, language)"
                                       " VALUES (?, ?, ?, ?, ?)", (visit_id, visit.client_id, text, to_text(at), language))
        return Note(row_id(cursor), visit_id, visit.client_id, text, at, language)

    def notes(self, client_id: int) -> list[Note]:
        rows = self.conn.execute("SELECT id, visit_id, client_id, text, at, language FROM notes WHERE client_id = ?"
                                 " ORDER BY at, id", (client_id,)).fetchall()
        return [Note(r[0], r[1], r[2], r[3], moment_of(r[4]), r[5]) for r in rows]

    def ratings_history(self, client_id: int) -> dict[str, list[RatingPoint]]:
        """Skill -> the client's ratings in time order (worker's and client's): a progress chart's data."""
        history: dict[str, list[RatingPoint]] = {}
        for skill, at, level, by in self.conn.execute(
                "SELECT skill, at, level, rated_by FROM ratings WHERE client_id = ? ORDER BY skill, at, id",
                (client_id,)):
            history.setdefault(skill, []).append(RatingPoint(datetime.fromisoformat(at), AutonomyLevel(level),
                                                             RatedBy(by)))
        return history

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


for _name, _method in list(vars(Records).items()):
    if not _name.startswith("_") and inspect.isfunction(_method):
        setattr(Records, _name, _translating(_method))
