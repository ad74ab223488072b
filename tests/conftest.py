"""Test-wide setup: Qt runs off screen, and Coach's folders live in a temporary home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No timed assertions in tests (speed lives in bench/): Hypothesis' default 200 ms
# deadline per example would fail a correct test on a busy machine.
settings.register_profile("coach", deadline=None)
settings.load_profile("coach")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty COACH_HOME, so no test sees the user's real data."""
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    return home
