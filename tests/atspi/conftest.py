"""Fixtures for the AT-SPI tests: one private desktop for the session, a fresh Coach per test.

These tests skip, saying what is missing, where Xvfb, D-Bus, at-spi2-core or the system's
python3-pyatspi are not installed (`./dev.sh test` installs them on Debian and Ubuntu).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import CoachUnderReader, Desktop, missing_pieces  # noqa: E402


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    missing = missing_pieces()
    if missing:
        pytest.skip("AT-SPI tests need " + ", ".join(missing))
    screen = Desktop(tmp_path_factory.mktemp("atspi-runtime"))
    screen.start()
    yield screen
    screen.stop()


@pytest.fixture
def start_coach(desktop: Desktop, coach_home: Path) -> Iterator[Callable[..., CoachUnderReader]]:
    """Start the real `coach` with these arguments and saved settings; closed after the test."""
    started: list[CoachUnderReader] = []

    def start(*args: str, **settings: Any) -> CoachUnderReader:
        app = CoachUnderReader(desktop, coach_home, list(args), {"auto_read": False, **settings})
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()
