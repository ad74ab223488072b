"""What can go wrong when opening or changing the records, as exceptions with data.

Each carries the facts a message needs; the CLI and the UI word them in the user's
language (the English `str()` is for logs).
"""

from __future__ import annotations

from collections.abc import Callable
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
    """The passphrase does not open the file (or the file is not Coach records). Nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"wrong passphrase for {path} (or not a Coach records file); nothing was changed")
        self.path = path


class SchemaTooNew(RecordsError):
    """The file was made by a newer Coach; it is left untouched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"{path} was made by a newer Coach (schema {found}, this Coach knows {known}): update Coach"
        )
        self.path = path
        self.found = found
        self.known = known


def describe(error: Exception, _: Callable[[str], str]) -> str:
    """`error` worded for a person, through the gettext function `_` (the CLI and the panel share it)."""
    if isinstance(error, NoRecords):
        return _("no records yet at {path}: run coach records init").format(path=error.path)
    if isinstance(error, RecordsExist):
        return _("records already exist at {path}; nothing was changed").format(path=error.path)
    if isinstance(error, WrongPassphrase):
        return _("wrong passphrase: the records were not opened and nothing was changed")
    if isinstance(error, SchemaTooNew):
        return _("the records were made by a newer Coach (schema {found}, this Coach knows "
                 "{known}): update Coach").format(found=error.found, known=error.known)
    if isinstance(error, OSError):
        return _("cannot use {path}: {reason}").format(path=error.filename, reason=error.strerror)
    return str(error)
