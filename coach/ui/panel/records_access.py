"""The panel's one way to the records: opened, used and closed on the records thread.

The GUI thread never touches SQLite. Unlocking (SQLCipher's key derivation), every
write of a visit, searches, the chart's history, backups, the retention sweep,
exports, erasure and the funders' figures all run, in order, on one background
thread that alone holds the connection (coach.ui.tasks). Results come back on the
GUI thread; a failure goes to `failed` with what was not done, in the worker's words,
so one place in the panel shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from coach.records.errors import RecordsError
from coach.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from coach.records.records import Records

T = TypeVar("T")


class RecordsClosed(RecordsError):
    """A call arrived after the records were locked or closed; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the records are not open")


class RecordsAccess(QObject):
    """Runs records work on one thread; `failed(what, error)` reports what could not be done."""

    failed = Signal(str, object)
    """(what was not done, in the worker's language; the exception)."""
    busy_changed = Signal(bool)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._runner = TaskRunner("records", self)
        self._runner.busy_changed.connect(self.busy_changed)
        self._records: Records | None = None
        """Touched only on the records thread."""
        self.is_open = False
        """The GUI thread's view: True from a successful open until close() is asked."""

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def exists(self) -> bool:
        return self.path.exists()

    def open(self, passphrase: str, create: bool, done: Callable[[], None],
             refused: Callable[[BaseException], None]) -> None:
        """Create or unlock the records file; `refused(error)` for a wrong passphrase, a damaged file…"""
        def work() -> None:
            from coach.records.records import Records  # sqlite-utils loads when the desk unlocks

            if self._records is not None:
                self._records.close()
                self._records = None
            self._records = Records.create(self.path, passphrase) if create else Records.open(self.path, passphrase)

        def opened(_result: object) -> None:
            self.is_open = True
            done()

        self._runner.run(work, opened, refused)

    def verify(self, passphrase: str, done: Callable[[], None], refused: Callable[[BaseException], None]) -> None:
        """Check a passphrase against the file (the lock screen); nothing is written."""
        def work() -> None:
            from coach.records.records import Records

            Records.open(self.path, passphrase).close()

        self._runner.run(work, lambda _result: done(), refused)

    def call(self, work: Callable[[Records], T], what: str, done: Callable[[T], None] | None = None,
             key: str | None = None, failed: Callable[[BaseException], None] | None = None) -> None:
        """Run `work(records)` on the records thread; `done(result)` follows on the GUI thread.

        `what` says, in the worker's language, what is lost if it fails ("The level was not
        saved."); it goes with the error to `failed`, unless a `failed` of the caller's own is given.
        A newer call with the same `key` supersedes an older one not yet delivered.
        """
        def run() -> T:
            if self._records is None:
                raise RecordsClosed()
            return work(self._records)

        def report(error: BaseException) -> None:
            self.failed.emit(what, error)

        self._runner.run(run, done, failed or report, key)

    def close(self, what: str, then: Callable[[], None] | None = None) -> None:
        """Close the connection (after everything queued); `then()` follows on the GUI thread."""
        self.is_open = False

        def work() -> None:
            records, self._records = self._records, None
            if records is not None:
                records.close()

        self._runner.run(work, lambda _result: then() if then else None,
                         lambda error: self.failed.emit(what, error))

    def shut_down(self) -> None:
        """At quit: close the records and wait for the thread, so every confirmed write is on disk."""
        self.is_open = False

        def work() -> Any:
            records, self._records = self._records, None
            if records is not None:
                records.close()

        self._runner.run(work)
        self._runner.stop()
