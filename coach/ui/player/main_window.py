"""The client's window: a top bar and one screen at a time (languages, library, lesson, end, packs).

The screens are built when first shown (coach.ui.player.screens), the top bar and the
worker's menu in coach.ui.player.window_bar; this module holds the window's small API
for the worker's panel, the moves between screens, and the settings and their look.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QMainWindow, QMenu, QSplitter, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from coach.domain.pack import Lesson, Pack
from coach.packs.loader import BrokenPack
from coach.i18n.languages import normalize_tag
from coach.settings import Settings, save_settings
from coach.ui.flow_layout import FlowLayout
from coach.ui.language_state import LanguageState, direction, speak_as
from coach.ui.player.panes import PaneCycle
from coach.ui.player.screen_reader_speech import ScreenReaderSpeech
from coach.ui.player.reader import Reader
from coach.ui.player.screens import Screens, dropped_pack_file, known_tag, offered_languages
from coach.ui.player.top_bar import BarButton, open_menu_below
from coach.ui.player.window_bar import apply_look, build_top_bar, label_top_bar, size_icons, window_shortcuts
from coach.ui.speech_service import SpeechService
from coach.ui.widgets import refresh_layouts

if TYPE_CHECKING:
    from coach.ui.player.end_screen import EndPage
    from coach.ui.player.language_picker import LanguagePickerPage
    from coach.ui.player.lesson_view import LessonPage
    from coach.ui.player.library import LibraryPage
    from coach.ui.player.pack_install import PackInstaller
    from coach.ui.player.packs_page import PacksPage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The player. Others (the worker's panel) use it only through the small API below."""

    settings_changed = Signal(object)
    packs_replaced = Signal()
    """The packs shown changed (replace_packs): the library and packs screen are new widgets."""
    player_event = Signal(object)
    """A `PlayerEvent` (step reached, help, "I did it", lesson finished), in the client's language."""
    step_shown = Signal(object, object, int)
    """(pack, lesson, step index) now on the client's screen."""
    self_rated = Signal(str)
    """The client's own rating after a lesson: "not-yet", "with-help" or "alone"."""
    exercise_result = Signal(str, str, object)
    """(pack id, lesson id, `ExerciseResult`): an exercise's counts changed (LessonPage.exercise_result)."""
    closing = Signal()
    """The window is about to close: end and save what is in progress."""

    # The top bar (coach.ui.player.window_bar builds them).
    top_row: FlowLayout
    home_button: BarButton
    language_button: BarButton
    smaller_button: BarButton
    bigger_button: BarButton
    contrast_button: BarButton
    worker_button: BarButton
    worker_menu_button: BarButton
    packs_button: BarButton
    worker_menu: QMenu
    worker_group: QActionGroup
    desk_menu: QMenu
    desk_group: QActionGroup
    auto_read_action: QAction

    def __init__(
        self, packs: list[Pack], broken: list[BrokenPack], settings: Settings,
        settings_path: Path | None = None, speech: SpeechService | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._settings_path = settings_path
        self._packs = {pack.id: pack for pack in packs}
        self._worker_section = False
        desk = settings.desk_language if known_tag(settings.desk_language) else "fr"
        client = settings.client_language if known_tag(settings.client_language) else desk
        worker = settings.worker_language if known_tag(settings.worker_language) else "fr"
        self.languages = LanguageState(client, worker, self)
        self.reader = Reader(speech, self)
        self.setWindowTitle("Coach")
        self.setMinimumSize(QSize(640, 480))
        # Fixed: the window draws nothing that depends on it (the player follows the client,
        # the panel the worker); following the client's, it was repainted whole, panel included.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        self.player_column = QWidget()
        column = QVBoxLayout(self.player_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.top_bar = build_top_bar(self, offered_languages(packs))
        column.addWidget(self.top_bar)
        rule = QFrame()
        rule.setProperty("role", "rule")
        column.addWidget(rule)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        # A splitter from the start, so the worker's panel is added beside the player
        # without re-parenting (and re-styling) the whole player; it stays on the right.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.splitter.addWidget(self.player_column)
        self.splitter.setCollapsible(0, False)
        self.setCentralWidget(self.splitter)
        self.screen_reader_speech = ScreenReaderSpeech(self)  # one voice per step with a screen reader
        self.screens = Screens(self, packs, broken)
        self.setAcceptDrops(True)  # a .coachpack dropped on the window is offered for install

        # A page is polished (style sheet fonts applied) when first shown: re-measure it then.
        self.stack.currentChanged.connect(lambda _index: self._page_shown())
        # The client's language changes only the player's side: the worker's panel beside it
        # keeps its texts, fonts and direction, so its layouts are left alone (re-measuring
        # them cost a second frame, 12 ms, at every switch).
        self.languages.client_changed.connect(lambda _tag: self.retranslate(self.player_column))
        self.languages.worker_changed.connect(lambda _tag: self.retranslate())
        window_shortcuts(self)
        self.panes = PaneCycle(self)  # F6 / Shift+F6: top bar, page, worker's panel

        self.apply_look()
        self.retranslate()
        if settings.client_language:
            self.show_library()
        else:
            self.show_languages()

    @property
    def packs(self) -> list[Pack]:
        return list(self._packs.values())

    # -- the screens (each built when first wanted) -----------------------------------
    @property
    def picker(self) -> LanguagePickerPage:
        return self.screens.picker

    @property
    def library(self) -> LibraryPage:
        return self.screens.library

    @property
    def lesson(self) -> LessonPage:
        return self.screens.lesson

    @property
    def end(self) -> EndPage:
        return self.screens.end

    @property
    def packs_page(self) -> PacksPage:
        return self.screens.packs_page

    @property
    def installer(self) -> PackInstaller:
        return self.screens.installer

    # -- the API the worker's panel uses ------------------------------------------------
    def add_page(self, page: QWidget) -> None:
        """Add a client-facing screen (consent, "what we recorded about you"), in the Tab order after the top bar."""
        self.screens.add(page)

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def lesson_in_player(self) -> tuple[Pack, Lesson] | None:
        """The pack and lesson open in the player, if any (asking builds no screen)."""
        page = self.screens.built("lesson")
        if page is None or self.lesson.pack is None or self.lesson.lesson is None:
            return None
        return self.lesson.pack, self.lesson.lesson

    def add_side_panel(self, panel: QWidget) -> None:
        """Put `panel` beside the player (on the right, whatever the client's direction)."""
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([3 * self.width(), self.width()])

    def add_tool(self, button: QToolButton) -> None:
        """Add a button at the end of the top bar, and after the others in the Tab order."""
        previous = self.top_bar_last_stop()
        self.top_row.addWidget(button)
        size_icons(self, button)
        if previous is not None:
            QWidget.setTabOrder(previous, button)

    def top_bar_last_stop(self) -> QWidget | None:
        """The top bar's last button (the screens come after it in the Tab order)."""
        last = self.top_row.itemAt(self.top_row.count() - 1)
        return last.widget() if last is not None else None

    def add_worker_action(self, action: QAction) -> None:
        """Add an entry to the worker's menu (after a separator, the first time)."""
        if not self._worker_section:
            self.worker_menu.addSeparator()
            self._worker_section = True
        action.setParent(self.worker_menu)
        self.worker_menu.addAction(action)

    def open_worker_menu(self) -> None:
        """Open the worker's menu under its arrow, without blocking (keyboard, mouse or assistive technology)."""
        open_menu_below(self.worker_menu, self.worker_menu_button)

    def closeEvent(self, event) -> None:  # noqa: N802
        """Closing the window (or Ctrl+Q) ends and saves the visit in progress first."""
        self.closing.emit()
        self.stop_reading()
        super().closeEvent(event)

    def voice(self) -> Reader:
        """The reader that speaks to the client: a page follows its words to highlight them."""
        return self.reader

    def read_aloud(self, text: str, private: bool = False) -> None:
        """Read `text` to the client, in the client's language (`private`: client data, never cached)."""
        self.reader.read(text, self.languages.client.tag, private=private)

    def stop_reading(self) -> None:
        self.reader.stop()

    def screen_reader_reads(self) -> bool:
        """A screen reader reads what arrives on screen: Coach's voice waits for Listen."""
        return self.screen_reader_speech.screen_reader_reads

    def start_with_client(self) -> None:
        """A new client: back to the language picker, in the desk's language."""
        self.stop_reading()
        self.set_client_language(self.settings.desk_language)
        self.show_languages()

    def pack(self, pack_id: str) -> Pack | None:
        return self._packs.get(pack_id)

    # -- packs shown (a preview reloads them, an install adds one) -------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_pack_file(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = dropped_pack_file(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.installer.offer_file(path)

    def replace_packs(self, packs: list[Pack], broken: list[BrokenPack]) -> None:
        """Show `packs` instead of the current ones: the library, picker and packs screen are rebuilt.

        The screen shown stays the same kind; a lesson on screen is left for the library
        (the caller reopens it, from the new pack, if it still exists).
        """
        current = self.stack.currentWidget()
        screens = self.screens
        was = ("languages" if current is not None and current is screens.built("picker")
               else "packs" if current is not None and current is screens.built("packs") else "library")
        if screens.built("lesson") is not None:
            self.lesson.stop_reading()
        self._packs = {pack.id: pack for pack in packs}
        screens.replace(packs, broken)
        self.packs_replaced.emit()
        self.retranslate()
        {"languages": self.show_languages, "packs": self.show_packs}.get(was, self.show_library)()

    # -- navigation ---------------------------------------------------------------
    def show_languages(self) -> None:
        self.stack.setCurrentWidget(self.picker)
        self.picker.focus_current()

    def show_library(self) -> None:
        self.screens.show_library().focus_first()

    def show_packs(self) -> None:
        self.stack.setCurrentWidget(self.packs_page)

    def open_lesson(self, pack_id: str, lesson_id: str, step_index: int = 0) -> None:
        pack = self._packs[pack_id]
        self.lesson.open_lesson(pack, pack.lesson(lesson_id), step_index)
        self.stack.setCurrentWidget(self.lesson)
        self.lesson.focus_start()

    def show_end(self) -> None:
        if self.lesson.pack is not None and self.lesson.lesson is not None:
            self.end.show_for(self.lesson.pack.translate(self.lesson.lesson.title, self.languages.client.tag))
        self.stack.setCurrentWidget(self.end)
        self.end.library_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_to_last_step(self) -> None:
        """From the end screen back to the lesson's last step."""
        self.lesson.back()
        self.stack.setCurrentWidget(self.lesson)
        self.lesson.focus_start()

    def lesson_again(self) -> None:
        if self.lesson.pack is not None and self.lesson.lesson is not None:
            self.open_lesson(self.lesson.pack.id, self.lesson.lesson.id)

    def choose_language(self, tag: str) -> None:
        """The client chose `tag` on the picker: they hear its name, then see the lessons."""
        # The picker is left at once: restyling it for the new script first cost 8 ms.
        self.screens.leaving = self.screens.built("picker")
        try:
            self.set_client_language(tag)
        finally:
            self.screens.leaving = None
        self.reader.read(self.languages.client.endonym, tag)
        self.show_library()

    def set_auto_read(self, on: bool) -> None:
        if self.screens.built("lesson") is not None:
            self.lesson.auto_read = on
        if on != self.settings.auto_read:
            self.update_settings(auto_read=on)

    # -- settings -------------------------------------------------------------------
    def set_client_language(self, tag: str) -> None:
        """The client's language, for this visit only (never saved)."""
        self.languages.set_client(tag)

    def set_desk_language(self, tag: str) -> None:
        """The desk's own language, where each visit's language picker starts."""
        self.update_settings(desk_language=normalize_tag(tag))
        for action in self.desk_group.actions():
            action.setChecked(action.data() == self.settings.desk_language)

    def set_worker_language(self, tag: str) -> None:
        self.languages.set_worker(tag)
        self.update_settings(worker_language=self.languages.worker.tag)

    def change_scale(self, direction: int) -> None:
        self.set_scale(self.settings.with_scale_step(direction).text_scale)

    def set_scale(self, percent: int) -> None:
        self.update_settings(text_scale=percent)
        self.apply_look()

    def set_high_contrast(self, high: bool) -> None:
        if high != self.settings.high_contrast:
            self.update_settings(high_contrast=high)
            self.apply_look()

    def set_show_worker_text(self, show: bool) -> None:
        if show != self.settings.show_worker_text:
            self.update_settings(show_worker_text=show)
        if self.screens.built("lesson") is not None:
            self.lesson.set_show_worker_text(show)

    def update_settings(self, **changes: Any) -> None:
        self.settings = replace(self.settings, **changes)
        if "desk_country" in changes and self.screens.built("lesson") is not None:
            self.lesson.set_desk_country(self.settings.desk_country)
        if self._settings_path is not None:
            try:
                save_settings(self._settings_path, self.settings)
            except (OSError, ValueError) as exc:
                # The screen still changes; the choice is just not remembered.
                log.warning("cannot save settings to %s: %s", self._settings_path, exc)
        self.settings_changed.emit(self.settings)

    def apply_look(self) -> None:
        """Apply the theme and text size to the whole application (screens built later take it then)."""
        apply_look(self)

    def retranslate(self, changed: QWidget | None = None) -> None:
        """Texts, fonts and directions again; `changed` is what to re-measure (default: the window)."""
        client = self.languages.client
        # The splitter keeps the worker's panel on the right, so the player below it no
        # longer inherits the application's direction: it follows the client explicitly.
        self.player_column.setLayoutDirection(direction(client))
        speak_as(self.player_column, client)
        self.screens.apply_client_font(self.stack.currentWidget())
        label_top_bar(self, self.screens.problem_count)
        packs_page = self.screens.built("packs")
        if packs_page is not None:
            speak_as(packs_page, self.languages.worker)
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if page is not None and hasattr(page, "retranslate"):
                page.retranslate()
        end = self.screens.built("end")
        if end is not None and self.stack.currentWidget() is end and self.lesson.lesson is not None \
                and self.lesson.pack:
            self.end.show_for(self.lesson.pack.translate(self.lesson.lesson.title, client.tag), reset=False)
        refresh_layouts(changed or self)

    def _page_shown(self) -> None:
        page = self.stack.currentWidget()
        if page is not None and page is not self.screens.prepared:
            self.screens.apply_client_font(page)
            refresh_layouts(page)
