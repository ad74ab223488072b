"""Installing a .coachpack from the window: the packs screen's button, or a file dropped on it.

The file is checked and unpacked off the GUI thread (coach.packs.install does the
work); the worker then sees, in the worker's language, the pack's title, version,
languages and lessons, and what it replaces, and says Install or Cancel. A refused
file says why. After an install the library is read again and the window shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from coach.packs.install import Installed, InstallRefused, PackOffer, discard, install, open_offer
from coach.packs.loader import Library, load_library
from coach.paths import app_dirs, builtin_packs_dir
from coach.ui.language_state import LanguageState
from coach.ui.tasks import TaskRunner
from coach.ui.worker_dialogs import for_worker, open_file

PACK_SUFFIX = ".coachpack"


def is_pack_file(path: str) -> bool:
    return path.lower().endswith(PACK_SUFFIX)


class PackInstaller(QObject):
    """Checks, confirms and installs pack files for one window; `installed(library)` after each install."""

    installed = Signal(object)
    """The library read again after an install (a coach.packs.loader.Library)."""
    finished = Signal(str)
    """"installed", "refused" or "cancelled": the end of one attempt (for tests and the status)."""

    def __init__(self, languages: LanguageState, parent: QWidget) -> None:
        super().__init__(parent)
        self._languages = languages
        self._parent = parent
        self._runner: TaskRunner | None = None
        self.dialog: QMessageBox | None = None
        """The question or message on screen, if any."""

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        if self._runner is None:
            self._runner = TaskRunner("pack-install", self)
        self._runner.run(work, done=done, failed=self._failed)

    def choose_file(self) -> None:
        """Ask the worker for a .coachpack file, then offer it."""
        _ = self._languages.worker_strings().gettext
        path = open_file(self._parent, self._languages, _("Install a pack"), str(Path.home()),
                         _("Lesson packs (*.coachpack)"))
        if path:
            self.offer_file(path)

    def offer_file(self, path: str) -> None:
        """Check the file in the background, then ask the worker to confirm."""
        packs, builtin = app_dirs().packs, builtin_packs_dir()
        self._run(lambda: open_offer(Path(path), packs, builtin), self._confirm)  # type: ignore[arg-type]

    def _strings(self) -> Any:
        return self._languages.worker_strings()

    def _confirm(self, offer: PackOffer) -> None:
        _ = self._strings().gettext
        pack, tag = offer.pack, self._languages.worker.tag
        lessons = "\n".join(f"• {pack.translate(lesson.title, tag)}" for lesson in pack.lessons)
        facts = [
            _("Version: {version}").format(version=pack.version),
            _("Languages: {languages}").format(languages=", ".join(pack.languages)),
        ]
        if offer.installed_version and offer.is_downgrade:
            facts.append(_("Version {version} is installed now: this file is OLDER.").format(
                version=offer.installed_version))
        elif offer.installed_version:
            facts.append(_("It replaces version {version}. The records about it are kept.").format(
                version=offer.installed_version))
        box = self._box(QMessageBox.Icon.Question, _("Install this pack?"), pack.translate(pack.title, tag))
        box.setInformativeText("\n".join(facts) + "\n\n" + _("Lessons:") + "\n" + lessons)
        install_button = box.addButton(
            _("Install the older version") if offer.is_downgrade else _("Install"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(install_button)

        def answered() -> None:
            self.dialog = None
            if box.clickedButton() is install_button:
                downgrade = offer.is_downgrade
                self._run(lambda: self._install(offer, downgrade), self._done)  # type: ignore[arg-type]
            else:
                discard(offer)
                self.finished.emit("cancelled")

        box.finished.connect(lambda _result: answered())
        box.open()

    @staticmethod
    def _install(offer: PackOffer, downgrade: bool) -> tuple[Installed, Library]:
        done = install(offer, allow_downgrade=downgrade)
        return done, load_library(builtin_packs_dir(), app_dirs().packs)

    def _done(self, result: tuple[Installed, Library]) -> None:
        done, library = result
        self.installed.emit(library)
        _ = self._strings().gettext
        text = _("The pack {id} {version} is installed.").format(id=done.pack_id, version=done.version)
        dropped = [*done.lessons_dropped, *done.skills_dropped]
        if dropped:
            text += "\n" + _("The new version no longer has: {ids}. What was recorded about them is kept.").format(
                ids=", ".join(dropped))
        self._tell(QMessageBox.Icon.Information, _("Pack installed"), text)
        self.finished.emit("installed")

    def _failed(self, error: BaseException) -> None:
        _ = self._strings().gettext
        reason = error.render(_) if isinstance(error, InstallRefused) else str(error)
        self._tell(QMessageBox.Icon.Warning, _("The pack was not installed"), reason)
        self.finished.emit("refused")

    def _box(self, kind: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(kind, title, text, QMessageBox.StandardButton.NoButton, self._parent)
        for_worker(box, self._languages)  # a window of its own: it reported locale "C" to a reader
        self.dialog = box
        return box

    def _tell(self, kind: QMessageBox.Icon, title: str, text: str) -> None:
        _ = self._strings().gettext
        box = self._box(kind, title, title)
        box.setInformativeText(text)
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _result: setattr(self, "dialog", None))
        box.open()

    def stop(self) -> None:
        if self._runner is not None:
            self._runner.stop()
