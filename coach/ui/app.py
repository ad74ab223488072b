"""The composition root: the QApplication, the packs, the settings and the window."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coach import __version__
from coach.collector import resume_after_start, rest_during_start
from coach.i18n.languages import is_known, normalize_tag
from coach.packs.loader import Library, load_library
from coach.paths import app_dirs, builtin_packs_dir
from coach.settings import Settings, read_settings
from coach.ui import accessibility
from coach.ui.binding_check import binding_problem
from coach.ui.first_frame import after_first_frame
from coach.ui.icons import icon
from coach.ui.player.main_window import MainWindow
from coach.ui.speech_service import SpeechService
from coach.ui.visit_desk import VisitDesk

if TYPE_CHECKING:
    from coach.ui.panel.handouts_menu import HandoutsMenu

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created on first use."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # Fusion, named on the command line Qt reads: app.setStyle("Fusion") hands Python the
    # QStyle it makes, and making QStyle's Python type creates its dozen enums (some
    # 1,000 members, about 8 ms of a start); nothing else needs them before a menu opens.
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    app.setApplicationName("Coach")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Coach")
    accessibility.install()
    # Cached QIcons must go before the QApplication does, or finalisation crashes.
    app.aboutToQuit.connect(icon.cache_clear)
    return app


def load_packs() -> Library:
    dirs = app_dirs()
    return load_library(builtin_packs_dir(), dirs.packs)


def build_window(
    library: Library, settings: Settings, remember: bool = True, speech: SpeechService | None = None
) -> MainWindow:
    path = app_dirs().settings_file if remember else None
    return MainWindow(list(library.packs), list(library.broken), settings, path, speech)


def warm_languages(window: MainWindow) -> None:
    """Prepare the other client languages in idle time, once the window is up (language_warmup.py)."""
    from coach.ui.language_warmup import LanguageWarmup
    from coach.ui.player.screens import offered_languages

    LanguageWarmup(window.languages, offered_languages(window.packs), lambda: window.settings.text_scale,
                   window, lambda: window.settings.high_contrast).start()


def open_desk(window: MainWindow, settings_set_aside: Path | None = None) -> VisitDesk:
    """The worker's panel beside the player; a damaged settings file is told to the worker there."""
    desk = VisitDesk(window, app_dirs().records_file)  # the records (and SQLCipher) open when unlocked
    if settings_set_aside is not None:
        _ = window.languages.worker_strings().gettext
        desk.panel.failures.tell(_("The settings file was damaged. It is kept as {name}; Coach uses its usual "
                                   "settings for now: choose the languages and the text size again.")
                                 .format(name=settings_set_aside))
    return desk


def handouts_menu(window: MainWindow, desk: VisitDesk) -> HandoutsMenu:
    """The take-home sheets in the worker's menu (printing support loads only here)."""
    from coach.ui.panel.handouts_menu import HandoutsMenu

    return HandoutsMenu(window, desk.panel)


def run_app(client_language: str | None = None, worker_language: str | None = None) -> int:
    logging.basicConfig(level=os.environ.get("COACH_LOG", "WARNING"))
    problem = binding_problem()
    if problem:
        print(f"coach: {problem}", file=sys.stderr)
        return 1
    settings, damaged = read_settings(app_dirs().settings_file)
    for name, value in (("client_language", client_language), ("worker_language", worker_language)):
        if value:
            if not is_known(value):
                print(f"coach: unknown language tag {value!r}", file=sys.stderr)
                return 2
            settings = (replace(settings, client_language=normalize_tag(value)) if name == "client_language"
                        else replace(settings, worker_language=normalize_tag(value)))
    rest_during_start()  # `coach` did so before Qt loaded; a caller of run_app may not have
    app = application()
    # The speech child starts first, on the other core while the packs load and the window
    # is built: it is warm before the client can press Listen (its start took 80-350 ms,
    # which the first Listen paid when the child started only after the window was up).
    speech = SpeechService()
    speech.start()
    library = load_packs()
    for broken in library.broken:
        log.warning("pack %s was not loaded: %d problems", broken.location, len(broken.problems))
    window = build_window(library, settings, speech=speech)
    desk = open_desk(window, damaged)
    window.resize(1280, 800)
    # The worker's sheets join the worker's menu (closed until someone opens it) once the
    # window is painted; QtMultimedia loads then too, before the client can press Listen.
    sheets: list[HandoutsMenu] = []
    after_first_frame(window, lambda: sheets.append(handouts_menu(window, desk)))
    after_first_frame(window, window.reader.prepare)
    after_first_frame(window, resume_after_start)
    after_first_frame(window, lambda: warm_languages(window))
    window.show()
    # Ask for the keyboard focus: without it a screen reader hears nothing until a click
    # (under a window manager this is what it does anyway; without one, nothing else will).
    window.activateWindow()
    try:
        return app.exec()
    finally:
        desk.close()  # ends the visit and closes the records cleanly
        for menu in sheets:
            menu.close()
        speech.stop()
