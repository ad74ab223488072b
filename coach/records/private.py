"""Files and folders that hold client data are the owner's alone, whatever the umask.

The records, their -wal and -shm, backups, the file kept before a restore, an access
export, a PDF of a client's record and a take-home sheet saved as PDF (it may name the
client) are made 0600 in folders made 0700 (where the platform has modes; on Windows
the user's profile folder already keeps others out).
SQLite gives a database's -wal and -shm the mode of the database file, so making the
database file 0600 before SQLite opens it covers all three.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """Make `folder` (and any missing parent) owner-only; an existing folder is tightened too."""
    folder = Path(folder)
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    for made in (*missing, folder):
        _chmod(made, FOLDER_MODE)
    return folder


def create_private_file(path: Path) -> None:
    """Create `path` empty and owner-only (FileExistsError if it is there)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)


def make_private(path: Path) -> None:
    """Tighten an existing file to owner-only."""
    _chmod(Path(path), FILE_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temporary file, fsync, rename), owner-only.

    The folder must exist; it is left as it is (it may be the worker's own Documents
    folder: call `private_folder` first for Coach's folders). On any failure (a full
    disk...) the temporary file is removed and `path` is as it was.
    """
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _chmod(Path(temporary), FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def private_replacement(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary owner-only file beside `path` for a writer that wants a file name (Qt's
    QPdfWriter); when the block ends it becomes `path`, still 0600, whatever the umask.

    On any failure the temporary file is removed and `path` is as it was: a PDF of a
    client's record is never left half written, nor readable by others.
    """
    path = Path(path)
    descriptor, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix, dir=path.parent)
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        _chmod(temporary, FILE_MODE)  # in case the writer made the file anew
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _chmod(path: Path, mode: int) -> None:
    if os.name == "posix":
        os.chmod(path, mode)
