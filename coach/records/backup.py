"""Encrypted backups with SQLite's online backup API, restore, and the health check.

A backup is written to a temporary file opened with the same key, so the copy is
encrypted like the original (SQLCipher copies page by page through both codecs),
then renamed to `records-YYYYMMDDTHHMMSSZ.db`. A restore never starts before the
backup is known to open with the passphrase and to pass `integrity_check`.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from coach.paths import app_dirs
from coach.records.errors import NoRecords, RecordsDamaged, RecordsError, translated
from coach.records.private import create_private_file, private_folder
from coach.records.schema import SCHEMA_VERSION
from coach.records.store import connect, quick_problems, records_path, schema_version

if TYPE_CHECKING:
    from coach.records.records import Records

PREFIX = "records-"
STAMP = "%Y%m%dT%H%M%S%fZ"
DUE_AFTER = timedelta(hours=24)


def backups_dir() -> Path:
    return app_dirs().data / "backups"


def backup_files(dest_dir: Path | None = None) -> list[Path]:
    """The backups in `dest_dir`, oldest first (names sort by their UTC time)."""
    folder = Path(dest_dir or backups_dir())
    return sorted(p for p in folder.glob(f"{PREFIX}*.db") if _stamp(p) is not None)


def _stamp(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.stem.removeprefix(PREFIX), STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def backup(records: Records, dest_dir: Path | None = None, keep: int = 7, now: datetime | None = None) -> Path:
    """Copy the open records to `dest_dir` with the online backup API; keep the newest `keep` files.

    The copy is checked (`quick_check`, every page read back through its key) before it
    joins the rotation and before any older backup is removed: a damaged file is never
    copied into the rotation (RecordsDamaged naming the records when they fail the check
    too, else the copy; the copy is deleted). The records themselves are not checked
    first: the copy reads every page of them (a page that fails its HMAC stops it) and
    holds the same content, so its check is theirs — one full read instead of two (the
    records were checked at unlock too). A failure (a full disk: DiskFull) leaves no
    temporary file; the copies of a backup killed midway are removed by the next one.
    Backups and their folder are owner-only.
    """
    if keep < 1:
        raise ValueError(f"keep at least one backup, not {keep}")
    folder = Path(dest_dir or backups_dir())
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    final = folder / f"{PREFIX}{moment.strftime(STAMP)}.db"
    temporary = folder / f".{final.name}.tmp"
    try:
        _copy(records, folder, temporary, final)
    except RecordsDamaged:
        with translated(records.path):
            problems = quick_problems(records.conn)
        if problems:
            raise RecordsDamaged(records.path, problems) from None
        raise
    for old in backup_files(folder)[:-keep]:
        old.unlink(missing_ok=True)
    records.audit("backup", final.name)
    return final


def _copy(records: Records, folder: Path, temporary: Path, final: Path) -> None:
    """Copy the records to `temporary` with the online backup API, check the copy, rename it to `final`."""
    with translated(final):
        private_folder(folder)
        _remove_killed_copies(folder)
        try:
            create_private_file(temporary)
            target = records.keyed_connection(temporary)
            try:
                records.conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
            finally:
                target.close()
            with open(temporary, "rb") as handle:
                os.fsync(handle.fileno())
            problems = _copy_problems(temporary, records)
            if problems:
                raise RecordsDamaged(final, problems)
            os.replace(temporary, final)
        except BaseException:
            _remove_with_journal(temporary)
            raise


def _copy_problems(path: Path, records: Records) -> list[str]:
    conn = records.keyed_connection(path)
    try:
        return quick_problems(conn)
    finally:
        conn.close()


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _remove_killed_copies(folder: Path) -> None:
    """Remove the temporary copies a backup killed midway left (each is named by its own time)."""
    for leftover in folder.glob(f".{PREFIX}*.db.tmp"):
        _remove_with_journal(leftover)
    for journal in folder.glob(f".{PREFIX}*.db.tmp-*"):  # a journal whose copy is already gone
        journal.unlink(missing_ok=True)


def latest_good_backup(passphrase: str, dest_dir: Path | None = None) -> Path | None:
    """The newest backup that `passphrase` opens and that passes `quick_check`, or None. Reads only."""
    for candidate in reversed(backup_files(dest_dir)):
        try:
            conn = connect(candidate, passphrase, known_version=SCHEMA_VERSION, read_only=True)
        except (RecordsError, ValueError):
            continue
        try:
            if not quick_problems(conn):
                return candidate
        finally:
            conn.close()
    return None


def backup_if_due(records: Records, dest_dir: Path | None = None, keep: int = 7,
                  now: datetime | None = None) -> Path | None:
    """A backup when none exists or the newest is `DUE_AFTER` (24 h) old or more."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    existing = backup_files(dest_dir)
    newest = _stamp(existing[-1]) if existing else None
    if newest is not None and moment - newest < DUE_AFTER:
        return None
    return backup(records, dest_dir, keep, moment)


def _problems(conn, older_ok: bool = False) -> list[str]:
    """What is wrong with the file; `older_ok`: an older schema is fine (opening it migrates it)."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [f"foreign key: {table} row {rowid} -> {parent}"
                 for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]
    version = schema_version(conn)
    if version > SCHEMA_VERSION or (version < SCHEMA_VERSION and not older_ok):
        problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
    return problems


def check(records: Records) -> list[str]:
    """integrity_check, foreign_key_check and the schema version; [] when all is well."""
    return _problems(records.conn)


def restore(backup_path: Path, passphrase: str, target: Path | None = None) -> Path:
    """Replace the records with a backup; the current files are kept as `records.db.before-restore`.

    The backup must open with `passphrase` (WrongPassphrase otherwise), be of a schema
    this Coach knows (SchemaTooNew) and pass the checks (RecordsDamaged); only then is
    the current file touched, and then only moved aside with its -wal and -shm, byte
    for byte (a damaged file is kept exactly as it was, for a specialist to look at).
    No connection to the records may be open meanwhile.
    Returns the path of the kept previous file (or of the records if there was none).
    """
    backup_path = Path(backup_path)
    target = Path(target or records_path())
    if not backup_path.is_file():
        raise NoRecords(backup_path)
    conn = connect(backup_path, passphrase, known_version=SCHEMA_VERSION, read_only=True)
    try:
        with translated(backup_path):
            problems = _problems(conn, older_ok=True)  # a backup from before an upgrade of Coach
    finally:
        conn.close()
    if problems:
        raise RecordsDamaged(backup_path, problems)
    kept = target.with_name(target.name + ".before-restore")
    with translated(target):
        private_folder(target.parent)
        staged = target.with_name(f".{target.name}.restoring")
        _remove_with_journal(staged)
        try:
            create_private_file(staged)
            with open(backup_path, "rb") as source, open(staged, "wb") as copy:
                shutil.copyfileobj(source, copy)
                copy.flush()
                os.fsync(copy.fileno())
        except BaseException:
            _remove_with_journal(staged)
            raise
        if target.exists():
            _remove_with_journal(kept)
            for suffix in ("-wal", "-shm", ""):  # the database last: never a file with another's WAL
                if Path(f"{target}{suffix}").exists():
                    os.replace(f"{target}{suffix}", f"{kept}{suffix}")
        os.replace(staged, target)
    return kept if kept.exists() else target
