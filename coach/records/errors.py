"""What can go wrong when opening or changing the records, as exceptions with data.

Every failure of the records file reaches callers as a `RecordsError` subclass, one
per thing a person can act on; `describe` words each in the user's language (the
English `str()` is for logs). The database driver's own errors never escape the
records package: `from_database_error` classifies them (and the OSErrors of file
work) where they happen.

    NoRecords        no file yet                       run `coach records init`
    RecordsExist     `init` over an existing file       nothing was changed
    WrongPassphrase  the key does not open the file     nothing was changed
    SchemaTooNew     made by a newer Coach              update Coach
    RecordsDamaged   integrity check failed, cut short  restore a good backup
    DiskFull         no space left                      free some space
    RecordsLocked    another program holds the file     close it, try again
    RecordsReadOnly  the file or folder cannot be written  check the permissions
    StorageFailed    any other input/output failure     the system's reason

A bug (ValueError, TypeError, a misuse of the API) is never turned into a
RecordsError: it must show as a bug.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


class RecordsError(Exception):
    """Base class: the records cannot be used as asked."""


class NoRecords(RecordsError):
    """There is no records file yet (run `coach records init`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no records file at {path}: run coach records init")
        self.path = path


class RecordsExist(RecordsError):
    """`create` refuses to overwrite an existing records file."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"a records file already exists at {path}")
        self.path = path


class WrongPassphrase(RecordsError):
    """The passphrase does not open the file (or the file is not Coach records). Nothing was changed.

    `opens_backup` is the newest backup this passphrase does open, if any: then either
    the passphrase was changed since that backup, or the file's first page is damaged.
    """

    def __init__(self, path: Path, opens_backup: Path | None = None) -> None:
        super().__init__(f"wrong passphrase for {path} (or not a Coach records file); nothing was changed")
        self.path = path
        self.opens_backup = opens_backup


class SchemaTooNew(RecordsError):
    """The file was made by a newer Coach; it is left untouched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"{path} was made by a newer Coach (schema {found}, this Coach knows {known}): update Coach"
        )
        self.path = path
        self.found = found
        self.known = known


class RecordsDamaged(RecordsError):
    """The file (records or backup) fails its integrity check, or is cut short. It was not changed.

    `problems` are the checker's own lines (English, for logs and the CLI's details);
    `good_backup` is the newest backup that opens and passes the check, if one was found.
    """

    def __init__(self, path: Path, problems: Sequence[str] = (), good_backup: Path | None = None) -> None:
        detail = "; ".join(problems[:5]) or "damaged"
        super().__init__(f"{path} is damaged: {detail}")
        self.path = path
        self.problems = tuple(problems)
        self.good_backup = good_backup


class DiskFull(RecordsError):
    """No space left where the records (or a backup, an export) are written; nothing half-made was left."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(f"the disk is full: cannot write {path}")
        self.path = path


class RecordsLocked(RecordsError):
    """Another program (a second Coach, a backup tool) holds the file; try again once it lets go."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(f"{path} is in use by another program")
        self.path = path


class RecordsReadOnly(RecordsError):
    """The file or its folder cannot be written (permissions, a read-only disk)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(f"{path} cannot be written (permissions or a read-only disk)")
        self.path = path


class StorageFailed(RecordsError):
    """Any other input/output failure; `reason` is the system's (English) explanation."""

    def __init__(self, path: Path | None, reason: str) -> None:
        super().__init__(f"cannot use {path}: {reason}")
        self.path = path
        self.reason = reason


_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_LOCKED = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_READ_ONLY = {"SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH"}


def _disk_is_full(path: Path | None) -> bool:
    folder = Path(path).parent if path is not None else Path.cwd()
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def from_os_error(error: OSError, path: Path | None = None) -> RecordsError:
    """The RecordsError for an OSError met while working on the records' files."""
    where = Path(error.filename) if error.filename else path
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(where)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return RecordsReadOnly(where)
    if error.errno in (errno.EBUSY, errno.ETXTBSY):
        return RecordsLocked(where)
    return StorageFailed(where, error.strerror or str(error))


def from_database_error(error: Exception, path: Path | None) -> RecordsError | None:
    """The RecordsError for a driver error (sqlcipher3's DatabaseError family), or None for a bug.

    Misuse (ProgrammingError, InterfaceError, IntegrityError: constraint broken by our code)
    returns None, so the caller re-raises it as it was.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    kind = type(error).__name__
    if kind in ("ProgrammingError", "InterfaceError", "IntegrityError", "NotSupportedError"):
        return None
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return DiskFull(path)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DiskFull(path) if _disk_is_full(path) else StorageFailed(path, str(error))
    if name.split("_")[:2] == ["SQLITE", "CORRUPT"] or name in _DAMAGED or "malformed" in text:
        return RecordsDamaged(path or Path("?"), [str(error)])
    if any(name.startswith(code) for code in _LOCKED) or "is locked" in text or "database is busy" in text:
        return RecordsLocked(path)
    if any(name.startswith(code) for code in _READ_ONLY) or "readonly" in text or "unable to open" in text:
        return RecordsReadOnly(path)
    if kind in ("OperationalError", "DatabaseError"):
        return StorageFailed(path, str(error))
    return None


@contextmanager
def translated(path: Path | None) -> Iterator[None]:
    """Turn the driver's errors and OSErrors met inside into RecordsErrors about `path`; bugs pass through."""
    from sqlcipher3.dbapi2 import DatabaseError

    try:
        yield
    except RecordsError:
        raise
    except DatabaseError as exc:
        mapped = from_database_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc
    except OSError as exc:
        raise from_os_error(exc, path) from exc


def describe(error: Exception, _: Callable[[str], str]) -> str:
    """`error` worded for a person, through the gettext function `_` (the CLI and the panel share it)."""
    if isinstance(error, NoRecords):
        return _("no records yet at {path}: run coach records init").format(path=error.path)
    if isinstance(error, RecordsExist):
        return _("records already exist at {path}; nothing was changed").format(path=error.path)
    if isinstance(error, WrongPassphrase):
        if error.opens_backup is not None:
            return _("this passphrase does not open the records, but it opens the backup {backup}: if the "
                     "passphrase was not changed since, the records file is damaged and that backup can be "
                     "restored. Nothing was changed").format(backup=error.opens_backup.name)
        return _("wrong passphrase: the records were not opened and nothing was changed")
    if isinstance(error, SchemaTooNew):
        return _("the records were made by a newer Coach (schema {found}, this Coach knows "
                 "{known}): update Coach").format(found=error.found, known=error.known)
    if isinstance(error, RecordsDamaged):
        if error.good_backup is not None:
            return _("the file {path} is damaged and was left as it is. The latest good backup is "
                     "{backup}: restore it (coach records restore {backup})").format(
                         path=error.path, backup=error.good_backup)
        return _("the file {path} is damaged and was left as it is; no good backup was found").format(
            path=error.path)
    if isinstance(error, DiskFull):
        return _("the disk is full: nothing was written and nothing half-made was left. "
                 "Free some space, then try again")
    if isinstance(error, RecordsLocked):
        return _("the records are in use by another program (another Coach?): close it, then try again")
    if isinstance(error, RecordsReadOnly):
        return _("{path} cannot be written (permissions, or a read-only disk); nothing was changed").format(
            path=error.path)
    if isinstance(error, StorageFailed):
        return _("cannot use {path}: {reason}").format(path=error.path, reason=error.reason)
    if isinstance(error, OSError):
        return describe(from_os_error(error), _)
    return str(error)
