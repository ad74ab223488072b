"""`coach preview DIR`: the player on one pack folder, shown again as soon as a file changes.

A trainer edits a lesson, a picture or a catalog in their editor and sees it in the
real window within a second, on the same lesson and step. The folder is polled
(four times a second, by the same fingerprint of names, sizes and times as the pack
cache): editors save in many ways (in place, by renaming a new file over the old,
through a temporary folder), and a poll sees them all where a file watcher loses
track of a renamed file. While the pack has an error, the window keeps its last good
version and shows the problems, each with its file and line, in the worker's
language; when the error is fixed the problems go and the new version shows.
"""

from __future__ import annotations

from collections.abc import Callable

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from coach.domain.problems import Problem
from coach.packs.cache_keys import fingerprint
from coach.packs.loader import BrokenPack, load_pack
from coach.ui.language_state import direction, use_script_font
from coach.ui.player.main_window import MainWindow

POLL_MS = 250


class ProblemsBanner(QWidget):
    """Above the player: what is wrong in the pack, `file:line: error: message`, selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-problems")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.heading = QLabel()
        self.heading.setProperty("role", "section")
        self.heading.setWordWrap(True)
        self.lines = QPlainTextEdit()
        self.lines.setReadOnly(True)
        self.lines.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines)
        self.problems: tuple[Problem, ...] = ()
        self.setVisible(False)

    def show_problems(self, problems: tuple[Problem, ...], gettext: Callable[[str], str],
                      ngettext: Callable[[str, str, int], str], shown: bool = True) -> None:
        """List `problems`; with errors, only the errors (warnings may come from them). `shown`: a good version is."""
        errors = tuple(p for p in problems if p.is_error)
        if errors:
            problems = errors
        self.problems = problems
        if errors and shown:
            self.heading.setText(ngettext(
                "The pack has {count} error. The preview shows its last good version until it is fixed.",
                "The pack has {count} errors. The preview shows its last good version until they are fixed.",
                len(errors)).format(count=len(errors)))
        elif errors:
            self.heading.setText(ngettext(
                "The pack has {count} error. It shows here as soon as it is fixed.",
                "The pack has {count} errors. It shows here as soon as they are fixed.",
                len(errors)).format(count=len(errors)))
        else:
            self.heading.setText(ngettext("The pack has {count} warning.", "The pack has {count} warnings.",
                                          len(problems)).format(count=len(problems)))
        self.lines.setPlainText("\n".join(p.render(gettext) for p in problems))
        self.lines.ensurePolished()
        rows = max(2, min(6, len(problems) + 1))  # a long line wraps: one row more; beyond 6, it scrolls
        self.lines.setFixedHeight(self.lines.fontMetrics().lineSpacing() * rows + 16)
        self.lines.setAccessibleName(gettext("Problems found in this pack"))
        self.lines.setAccessibleDescription(gettext("Each line says the file, the line and the problem."))
        self.setVisible(bool(problems))


class PackPreview(QObject):
    """Keeps `window` showing the pack in `folder`, reloading it whenever its files change."""

    reloaded = Signal()
    """After every reload, good or not: `problems` and the window are up to date."""

    def __init__(self, window: MainWindow, folder: Path, poll_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.banner = ProblemsBanner()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        central = window.takeCentralWidget()
        if central is not None:
            column.addWidget(central, 1)
        window.setCentralWidget(holder)
        self._print = fingerprint(folder)
        self.problems: tuple[Problem, ...] = ()
        self.polls = 0
        """How many times the folder was looked at (a change is seen at the first look after it)."""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        window.languages.worker_changed.connect(lambda _tag: self._show_problems())
        self.reload()
        self._timer.start()

    def poll(self) -> None:
        """Reload when the folder's fingerprint changed since the last look."""
        self.polls += 1
        now = fingerprint(self.folder)
        if now != self._print:
            self._print = now
            self.reload()

    def reload(self) -> None:
        """Read the pack again; show it on the same lesson and step, or show why it cannot be."""
        result = load_pack(self.folder, deep=True)
        self.problems = result.problems
        if result.pack is not None:
            where = self._where()
            old = self.window.pack(result.pack.id)
            self.window.replace_packs([result.pack], [])
            if old is not None and old is not result.pack:
                old.resources.close()
            if where is not None:
                self._reopen(*where)
        elif not self.window.packs:
            self.window.replace_packs([], [BrokenPack(result.location, result.problems)])
        self._show_problems()
        self.reloaded.emit()

    def _where(self) -> tuple[str, int] | None:
        """(lesson id, step index) when a lesson is on screen."""
        lesson, progress = self.window.lesson.lesson, self.window.lesson.progress
        if self.window.stack.currentWidget() is not self.window.lesson or lesson is None or progress is None:
            return None
        return lesson.id, progress.index

    def _reopen(self, lesson_id: str, index: int) -> None:
        pack = self.window.packs[0]
        ids = [lesson.id for lesson in pack.lessons]
        if lesson_id in ids:
            steps = len(pack.lesson(lesson_id).steps)
            self.window.open_lesson(pack.id, lesson_id, min(index, steps - 1))

    def _show_problems(self) -> None:
        strings = self.window.languages.worker_strings()
        worker = self.window.languages.worker
        self.banner.setLayoutDirection(direction(worker))
        use_script_font(self.banner, worker)
        self.banner.show_problems(self.problems, strings.gettext, strings.ngettext, shown=bool(self.window.packs))

    @property
    def poll_ms(self) -> int:
        return self._timer.interval()

    def stop(self) -> None:
        self._timer.stop()


def preview_command(path: str, client_language: str | None, worker_language: str | None) -> int:
    """Open the player on the pack folder at `path` until the window is closed. 0, 1 or 2."""
    import sys

    from coach.i18n.languages import is_known, normalize_tag
    from coach.settings import Settings
    from coach.ui.app import application
    from coach.ui.binding_check import binding_problem
    from coach.ui.speech_service import SpeechService

    folder = Path(path)
    if not folder.is_dir():
        print(f"coach preview: {path} is not a pack folder", file=sys.stderr)
        return 2
    for tag in (client_language, worker_language):
        if tag and not is_known(tag):
            print(f"coach preview: unknown language tag {tag!r}", file=sys.stderr)
            return 2
    problem = binding_problem()
    if problem:
        print(f"coach preview: {problem}", file=sys.stderr)
        return 1
    app = application()
    client = normalize_tag(client_language) if client_language else ""
    worker = normalize_tag(worker_language) if worker_language else client or "fr"
    settings = Settings(client_language=client, worker_language=worker, show_worker_text=bool(worker_language))
    speech = SpeechService()
    window = MainWindow([], [], settings, None, speech)
    window.setWindowTitle(f"Coach preview: {folder}")
    preview = PackPreview(window, folder)
    if client is None and window.packs:
        window.set_client_language(window.packs[0].source_language)
        window.show_library()
    window.resize(1280, 800)
    window.show()
    speech.start()
    try:
        return app.exec()
    finally:
        preview.stop()
        speech.stop()
