"""Fixtures for the Qt tests: the built-in packs and a real main window, off screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.packs.loader import Library, load_library
from coach.paths import builtin_packs_dir
from coach.settings import Settings
from coach.records.store import records_path
from coach.ui.player.main_window import MainWindow
from coach.ui.visit_desk import VisitDesk


@pytest.fixture
def speech(qtbot):
    """A speech service whose child is the fake engine (real process, real protocol)."""
    from fakes.fake_speech_child import fake_child_command

    from coach.ui.speech_service import SpeechService

    service = SpeechService(fake_child_command())
    service.start()
    yield service
    service.stop()


@pytest.fixture(scope="session")
def demo_builtin_dir(tmp_path_factory) -> Path:
    """A built-in packs folder holding the demo pack alone.

    The window tests walk the demo's lessons by position; the content packs beside it in
    lessons/ grow and change, and must not move the demo's tiles under the tests.
    """
    builtin = tmp_path_factory.mktemp("builtin-packs")
    shutil.copytree(builtin_packs_dir() / "demo", builtin / "demo")
    return builtin


@pytest.fixture(scope="session")
def library(demo_builtin_dir: Path) -> Library:
    """The built-in demo pack, loaded once for the whole session."""
    return load_library(demo_builtin_dir, Path("/nonexistent-coach-packs"))


@pytest.fixture
def make_window(qtbot, library: Library) -> Callable[..., MainWindow]:
    """Build, show and activate a 1280x800 main window with the given settings."""

    def build(settings: Settings | None = None, lib: Library | None = None, size=(1280, 800)) -> MainWindow:
        lib = lib or library
        window = MainWindow(list(lib.packs), list(lib.broken), settings or Settings(client_language="fr"))
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        QApplication.processEvents()
        return window

    return build


@pytest.fixture
def make_desk(qtbot, make_window) -> Iterator[Callable[[Settings], VisitDesk]]:
    """A window with the worker's panel, records created in COACH_HOME and unlocked; closed after the test."""
    from panel_helpers import unlock

    desks: list[VisitDesk] = []

    def build(settings: Settings) -> VisitDesk:
        desk = VisitDesk(make_window(settings), records_path())
        assert desk.panel.gate.creating
        unlock(qtbot, desk)
        assert desk.panel.unlocked
        desks.append(desk)
        return desk

    yield build
    for desk in desks:
        desk.close()
