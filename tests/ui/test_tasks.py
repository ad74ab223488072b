"""The task helper: work runs off the GUI thread, in order; results come back on the GUI thread."""

from __future__ import annotations

import threading
import time

from coach.ui.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_results_arrive_on_it(qtbot) -> None:
    """`work` runs on the runner's thread; `done` is called on the GUI thread with its result."""
    runner = TaskRunner("test")
    gui = threading.current_thread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.current_thread()
        seen["result"] = result

    runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["work"] is runner.worker_thread and seen["work"] is not gui
    assert seen["done"] is gui and seen["result"] == 42
    runner.stop()


def test_tasks_run_in_order_one_at_a_time(qtbot) -> None:
    """A single serialised thread: writes reach the records in the order they were asked."""
    runner = TaskRunner("test")
    order: list[int] = []
    for number in range(20):
        runner.run(lambda n=number: (time.sleep(0.001), order.append(n)))
    qtbot.waitUntil(lambda: not runner.busy)
    assert order == list(range(20))
    runner.stop()


def test_the_latest_request_with_a_key_wins(qtbot) -> None:
    """Superseded searches are skipped or their results dropped: only the newest is delivered."""
    runner = TaskRunner("test")
    gate = threading.Event()
    delivered: list[str] = []
    runner.run(gate.wait)  # holds the thread while the searches queue up
    for text in ("a", "al", "ali"):
        runner.run(lambda t=text: t, delivered.append, key="search")
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert delivered == ["ali"]
    runner.stop()


def test_failures_go_to_the_failed_callback(qtbot) -> None:
    """An exception in the work reaches `failed` on the GUI thread, never Qt."""
    runner = TaskRunner("test")
    errors: list[BaseException] = []
    runner.run(lambda: 1 / 0, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    runner.stop()


def test_busy_is_signalled_while_work_is_queued(qtbot) -> None:
    """The panel shows it is working while a task is under way, and stops when all are done."""
    runner = TaskRunner("test")
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        runner.run(lambda: time.sleep(0.05))
    assert states == [True, False]
    runner.stop()
