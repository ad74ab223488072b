"""Run work off the GUI thread, one task at a time, and deliver each result on the GUI thread.

One `TaskRunner` owns one background thread and runs its tasks in the order given
(records work needs that: one connection, one thread, writes in order). The window
never waits on it: `run()` returns at once, and `done` or `failed` is called later on
the GUI thread, from Qt's event loop.

A task given a `key` is superseded by the next task with the same key, as in Orange's
concurrency helper and Anki's task manager: if it has not started yet it is skipped,
and if it has, its result is dropped. The client search uses that, so typing fast
never piles up searches and an old result never replaces a newer one.

    runner = TaskRunner("records")
    runner.run(lambda: records.find_clients("ali"), done=show, failed=report, key="search")
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


@dataclass
class _Task:
    ticket: int
    work: Callable[[], Any]
    done: Callable[[Any], None] | None
    failed: Callable[[BaseException], None] | None
    key: str | None


@dataclass
class _Outcome:
    task: _Task
    result: Any = None
    error: BaseException | None = None
    skipped: bool = False


class TaskRunner(QObject):
    """A single background thread for one kind of work (records, files), results on the GUI thread."""

    busy_changed = Signal(bool)
    """True when the first task is queued, False when the last one has been delivered."""
    _finished = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self._pending = 0
        self._stopped = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name=f"coach-{name}", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """Some task has not been delivered yet."""
        return self._pending > 0

    @property
    def worker_thread(self) -> threading.Thread:
        """The thread that runs the tasks."""
        return self._thread

    def run(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None,
            failed: Callable[[BaseException], None] | None = None, key: str | None = None) -> int:
        """Queue `work`; `done(result)` or `failed(error)` follow on the GUI thread. Returns a ticket.

        Without `failed`, an error is logged with its traceback: pass one that tells the person.
        """
        if self._stopped:
            raise RuntimeError("this task runner has been stopped")
        ticket = next(self._tickets)
        if key is not None:
            with self._lock:
                self._latest[key] = ticket
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._queue.put(_Task(ticket, work, done, failed, key))
        return ticket

    def stop(self, timeout: float | None = 10.0) -> None:
        """Run what is queued, then end the thread (results not yet delivered are dropped)."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("the %s thread did not finish within %s s", self._thread.name, timeout)

    # -- the background thread ---------------------------------------------------------
    def _superseded(self, task: _Task) -> bool:
        if task.key is None:
            return False
        with self._lock:
            return self._latest.get(task.key) != task.ticket

    def _loop(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            if self._superseded(task):
                outcome = _Outcome(task, skipped=True)
            else:
                try:
                    outcome = _Outcome(task, result=task.work())
                except BaseException as error:  # noqa: BLE001 - handed to the GUI thread whole
                    outcome = _Outcome(task, error=error)
            if not self._stopped:
                self._finished.emit(outcome)

    # -- the GUI thread -------------------------------------------------------------------
    def _deliver(self, outcome: _Outcome) -> None:
        self._pending -= 1
        task = outcome.task
        try:
            if outcome.skipped or self._superseded(task):
                return
            if outcome.error is not None:
                if task.failed is not None:
                    task.failed(outcome.error)
                else:
                    log.error("background task failed", exc_info=outcome.error)
            elif task.done is not None:
                task.done(outcome.result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)
