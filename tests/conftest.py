"""Test-wide setup: Qt runs off screen, and Coach's folders live in a temporary home."""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No timed assertions in tests (speed lives in bench/): Hypothesis' default 200 ms
# deadline per example would fail a correct test on a busy machine.
settings.register_profile("coach", deadline=None)
settings.load_profile("coach")

REPO_ROOT = Path(__file__).resolve().parent.parent

# The whole suite takes 3-8 minutes on 2 cores. pytest-timeout ends a test that hangs
# (pyproject.toml), but not a process stuck outside a test: a worker that cannot exit
# (a thread left running) or the controller waiting for it. Past this, each process
# prints every thread's stack and ends, so CI says where it stuck, long before its 90
# minutes are up.
WHOLE_RUN_LIMIT_S = 30 * 60


def _stop_a_stuck_run() -> None:
    stream = sys.__stderr__
    if stream is not None:
        stream.write(f"\n*** the test run (pid {os.getpid()}) is still going after {WHOLE_RUN_LIMIT_S // 60} minutes: "
                     "every thread's stack, then it stops ***\n")
        stream.flush()
        faulthandler.dump_traceback(file=stream, all_threads=True)
        stream.flush()
    os._exit(3)


def pytest_configure(config: pytest.Config) -> None:
    watchdog = threading.Timer(WHOLE_RUN_LIMIT_S, _stop_a_stuck_run)
    watchdog.daemon = True  # never what keeps a finished run alive
    watchdog.start()


@pytest.fixture(autouse=True)
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty COACH_HOME, so no test sees the user's real data."""
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    return home
