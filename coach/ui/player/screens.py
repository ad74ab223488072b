"""The client's screens in the window's stack, each built the first time it is wanted.

Only what the first frame shows is built with the window (the language picker, or the
library when the client's language is already known). The library, lesson, end and
packs screens and the pack installer, and the modules behind them (exercises, speech
audio, pack installing), come on first use: start-up waits for none of them.

A screen built late looks as if it had been there from the start: it gets the
window's text scale, contrast, settings and words, and its controls are put in the
Tab order right after the top bar (Qt appends a late widget to the end of the
window's focus chain, which is after the worker's panel).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from coach.domain.pack import Pack
from coach.i18n.languages import SUPPORTED_TAGS, Language, is_known, language, normalize_tag
from coach.i18n.ui_strings import available_ui_languages
from coach.packs.loader import BrokenPack
from coach.ui.focus_chain import tab_after
from coach.ui.language_state import speak_as, use_script_font
from coach.ui.player.window_bar import size_icons

if TYPE_CHECKING:
    from coach.ui.player.end_screen import EndPage
    from coach.ui.player.language_picker import LanguagePickerPage
    from coach.ui.player.lesson_view import LessonPage
    from coach.ui.player.library import LibraryPage
    from coach.ui.player.main_window import MainWindow
    from coach.ui.player.pack_install import PackInstaller
    from coach.ui.player.packs_page import PacksPage

P = TypeVar("P", bound=QWidget)


def offered_languages(packs: list[Pack]) -> list[Language]:
    """Languages the client can pick: those of the interface and of the packs, in the brief's order."""
    tags = {normalize_tag(t) for t in available_ui_languages()}
    for pack in packs:
        tags.update(normalize_tag(t) for t in pack.languages)
    known = [t for t in tags if is_known(t)]
    order = {tag: index for index, tag in enumerate(SUPPORTED_TAGS)}
    return [language(t) for t in sorted(known, key=lambda t: (order.get(t, len(order)), t))]


def known_tag(tag: str | None) -> bool:
    """A tag set in the settings that names a language (an empty one asks nothing of Babel)."""
    return bool(tag) and is_known(tag or "")


def dropped_pack_file(event: QDropEvent | QDragEnterEvent) -> str | None:
    """The one local .coachpack file being dragged onto the window, if that is what it is."""
    from coach.ui.player.pack_install import is_pack_file

    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
    return paths[0] if len(paths) == 1 and is_pack_file(paths[0]) else None


class Screens:
    """Builds the window's screens on demand and keeps the ones built."""

    def __init__(self, window: MainWindow, packs: list[Pack], broken: list[BrokenPack]) -> None:
        self._window = window
        self._packs = packs
        self._broken = broken
        self._pages: dict[str, QWidget] = {}
        self._installer: PackInstaller | None = None
        self.leaving: QWidget | None = None
        """The screen the client is leaving (the picker, as a language is chosen): not restyled."""
        self.prepared: QWidget | None = None
        """The screen being shown, already given its fonts and measured again: not re-measured."""

    def built(self, name: str) -> QWidget | None:
        """The screen `name` ("picker", "library", "lesson", "end", "packs") if it was built."""
        return self._pages.get(name)

    @property
    def problem_count(self) -> int:
        """Packs that could not be loaded (the packs button shows how many)."""
        return len(self._broken)

    # -- each screen ------------------------------------------------------------------
    @property
    def picker(self) -> LanguagePickerPage:
        page = self._pages.get("picker")
        if page is None:
            from coach.ui.player.language_picker import LanguagePickerPage

            window = self._window
            page = LanguagePickerPage(window.languages, offered_languages(self._packs))
            page.language_chosen.connect(window.choose_language)
            self._add("picker", page)
        return page  # type: ignore[return-value]  # built above as one

    @property
    def library(self) -> LibraryPage:
        page = self._pages.get("library")
        if page is None:
            from coach.ui.player.library import LibraryPage

            page = LibraryPage(self._window.languages, self._packs)
            page.lesson_chosen.connect(self._window.open_lesson)
            page.set_scale(self._window.settings.text_scale)
            self._add("library", page)
        return page  # type: ignore[return-value]

    @property
    def lesson(self) -> LessonPage:
        page = self._pages.get("lesson")
        if page is None:
            from coach.ui.player.lesson_view import LessonPage

            window, settings = self._window, self._window.settings
            lesson = LessonPage(window.languages, window.reader)
            lesson.auto_read = settings.auto_read
            lesson.screen_reader_reads = window.screen_reader_speech.screen_reader_reads
            lesson.slow = settings.slow_speech
            lesson.slow_button.setChecked(settings.slow_speech)
            lesson.set_desk_country(settings.desk_country)
            lesson.set_text_scale(settings.text_scale)
            lesson.set_high_contrast(settings.high_contrast)
            lesson.set_show_worker_text(settings.show_worker_text)
            lesson.lesson_finished.connect(window.show_end)
            lesson.slow_changed.connect(lambda slow: window.update_settings(slow_speech=slow))
            lesson.player_event.connect(window.player_event)
            lesson.step_shown.connect(window.step_shown)
            lesson.exercise_result.connect(window.exercise_result)
            self._add("lesson", lesson)
            page = lesson
        return page  # type: ignore[return-value]

    @property
    def end(self) -> EndPage:
        page = self._pages.get("end")
        if page is None:
            from coach.ui.player.end_screen import EndPage

            window = self._window
            end = EndPage(window.languages)
            end.set_high_contrast(window.settings.high_contrast)
            end.back.connect(window.back_to_last_step)
            end.again.connect(window.lesson_again)
            end.library.connect(window.show_library)
            end.say.connect(window.read_aloud)
            end.self_rated.connect(window.self_rated)
            self._add("end", end)
            page = end
        return page  # type: ignore[return-value]

    @property
    def packs_page(self) -> PacksPage:
        page = self._pages.get("packs")
        if page is None:
            from coach.ui.player.packs_page import PacksPage

            packs = PacksPage(self._window.languages, self._packs, self._broken)
            packs.install_requested.connect(lambda: self.installer.choose_file())
            speak_as(packs, self._window.languages.worker)
            self._add("packs", packs)
            page = packs
        return page  # type: ignore[return-value]

    @property
    def installer(self) -> PackInstaller:
        if self._installer is None:
            from coach.ui.player.pack_install import PackInstaller

            window = self._window
            self._installer = PackInstaller(window.languages, window)
            self._installer.installed.connect(
                lambda library: window.replace_packs(list(library.packs), list(library.broken)))
        return self._installer

    def _add(self, name: str, page: P) -> P:
        self._pages[name] = page
        return self.add(page)

    def add(self, page: P) -> P:
        """Into the stack, with the window's look and words, in the Tab order after the top bar."""
        window = self._window
        window.stack.addWidget(page)
        size_icons(window, page)
        retranslate = getattr(page, "retranslate", None)
        if retranslate is not None:
            retranslate()
        anchor = window.top_bar_last_stop()
        if anchor is not None:
            tab_after(anchor, page)
        return page

    def show_library(self) -> LibraryPage:
        """The library on screen, its fonts, texts and measures set while it is hidden."""
        library = self.library
        library.prepare_to_show()
        self.prepared = library
        try:
            self._window.stack.setCurrentWidget(library)
        finally:
            self.prepared = None
        return library

    def apply_client_font(self, page: QWidget | None) -> None:
        """Give the visible client page the client's script fonts.

        Only the visible page: a style sheet re-polishes every widget under it, and
        doing all pages would cost most of the 16 ms a language switch may take.
        Hidden pages get theirs when shown.
        """
        if page is None or page is self.leaving:
            return  # a page left gets its fonts when it is shown again
        client = self._window.languages.client
        if page is self._pages.get("library"):
            self.library.use_script_font(client)  # its built parts only
        elif page is not self._pages.get("packs"):
            use_script_font(page, client)

    # -- packs shown (a preview reloads them, an install adds one) -----------------------
    def replace(self, packs: list[Pack], broken: list[BrokenPack]) -> None:
        """Show `packs` from now on: the picker, library and packs screens built so far are built again."""
        self._packs, self._broken = packs, broken
        stack = self._window.stack
        for name in ("picker", "library", "packs"):
            old = self._pages.pop(name, None)
            if old is None:
                continue
            index = stack.indexOf(old)
            new = {"picker": lambda: self.picker, "library": lambda: self.library,
                   "packs": lambda: self.packs_page}[name]()
            stack.removeWidget(new)
            stack.insertWidget(index, new)  # where the old one was: the same screen stays shown
            stack.removeWidget(old)
            old.deleteLater()
