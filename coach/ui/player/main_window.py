"""The client's window: a top bar and one screen at a time (languages, library, lesson, end, packs)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.pack import Pack
from coach.packs.loader import BrokenPack
from coach.i18n.languages import SUPPORTED_TAGS, Language, is_known, language, normalize_tag
from coach.i18n.ui_strings import available_ui_languages
from coach.settings import Settings, save_settings
from coach.ui.flow_layout import FlowLayout
from coach.ui.icons import icon
from coach.ui.language_state import LanguageState, direction, speak_as, use_script_font
from coach.ui.menus import DirectedMenu
from coach.ui.player.end_screen import EndPage
from coach.ui.player.language_picker import LanguagePickerPage
from coach.ui.player.lesson_view import LessonPage
from coach.ui.player.library import LibraryPage
from coach.ui.player.pack_install import PackInstaller, is_pack_file
from coach.ui.player.packs_page import PacksPage
from coach.ui.player.panes import PaneCycle
from coach.ui.player.reader import Reader
from coach.ui.player.top_bar import open_menu_below, tool_button
from coach.ui.speech_service import SpeechService
from coach.ui.theme import ICON, colours, frame_palette, palette, px, style_sheet, tool_bar_scale
from coach.ui.widgets import refresh_layouts

log = logging.getLogger(__name__)


def offered_languages(packs: list[Pack]) -> list[Language]:
    """Languages the client can pick: those of the interface and of the packs, in the brief's order."""
    tags = {normalize_tag(t) for t in available_ui_languages()}
    for pack in packs:
        tags.update(normalize_tag(t) for t in pack.languages)
    known = [t for t in tags if is_known(t)]
    order = {tag: index for index, tag in enumerate(SUPPORTED_TAGS)}
    return [language(t) for t in sorted(known, key=lambda t: (order.get(t, len(order)), t))]


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

    def __init__(
        self, packs: list[Pack], broken: list[BrokenPack], settings: Settings,
        settings_path: Path | None = None, speech: SpeechService | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._settings_path = settings_path
        self._packs = {pack.id: pack for pack in packs}
        self._worker_section = False
        desk = settings.desk_language if is_known(settings.desk_language or "-") else "fr"
        client = settings.client_language if is_known(settings.client_language or "-") else desk
        worker = settings.worker_language if is_known(settings.worker_language or "-") else "fr"
        self.languages = LanguageState(client, worker, self)
        self.reader = Reader(speech, self)
        self.setWindowTitle("Coach")
        self.setMinimumSize(QSize(640, 480))

        self.player_column = QWidget()
        column = QVBoxLayout(self.player_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.top_bar = self._build_top_bar(offered_languages(packs))
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

        self.picker = LanguagePickerPage(self.languages, offered_languages(packs))
        self.library = self._new_library_page(packs)
        self.lesson = LessonPage(self.languages, self.reader)
        self.lesson.auto_read = settings.auto_read
        self.lesson.slow = settings.slow_speech
        self.lesson.slow_button.setChecked(settings.slow_speech)
        self.lesson.set_desk_country(settings.desk_country)
        self.end = EndPage(self.languages)
        self.installer = PackInstaller(self.languages, self)
        self.installer.installed.connect(lambda library: self.replace_packs(list(library.packs), list(library.broken)))
        self.setAcceptDrops(True)  # a .coachpack dropped on the window is offered for install
        self.packs_page = self._new_packs_page(packs, broken)
        for page in (self.picker, self.library, self.lesson, self.end, self.packs_page):
            self.stack.addWidget(page)

        # A page is polished (style sheet fonts applied) when first shown: re-measure it then.
        self.stack.currentChanged.connect(lambda _index: self._page_shown())
        self.picker.language_chosen.connect(self._on_language_chosen)
        self.lesson.lesson_finished.connect(self._on_lesson_finished)
        self.lesson.slow_changed.connect(lambda slow: self.update_settings(slow_speech=slow))
        self.end.back.connect(self._end_back)
        self.end.again.connect(self._end_again)
        self.end.library.connect(self.show_library)
        self.end.say.connect(lambda text: self.reader.read(text, self.languages.client.tag))
        self.lesson.player_event.connect(self.player_event)
        self.lesson.step_shown.connect(self.step_shown)
        self.lesson.exercise_result.connect(self.exercise_result)
        self.end.self_rated.connect(self.self_rated)
        # The client's language changes only the player's side: the worker's panel beside it
        # keeps its texts, fonts and direction, so its layouts are left alone (re-measuring
        # them cost a second frame, 12 ms, at every switch).
        self.languages.client_changed.connect(lambda _tag: self.retranslate(self.player_column))
        self.languages.worker_changed.connect(lambda _tag: self.retranslate())
        self._window_shortcuts()
        self.panes = PaneCycle(self)  # F6 / Shift+F6: top bar, page, worker's panel

        self.apply_look()
        self.lesson.set_show_worker_text(settings.show_worker_text)
        self.retranslate()
        if settings.client_language:
            self.show_library()
        else:
            self.show_languages()

    @property
    def packs(self) -> list[Pack]:
        return list(self._packs.values())

    # -- the API the worker's panel uses ------------------------------------------------
    def add_page(self, page: QWidget) -> None:
        """Add a client-facing screen (consent, "what we recorded about you")."""
        self.stack.addWidget(page)
        self._size_icons(page)

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def add_side_panel(self, panel: QWidget) -> None:
        """Put `panel` beside the player (on the right, whatever the client's direction)."""
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([3 * self.width(), self.width()])

    def add_tool(self, button: QToolButton) -> None:
        """Add a button at the end of the top bar, and after the others in the Tab order."""
        last = self._top_row.itemAt(self._top_row.count() - 1)
        previous = last.widget() if last is not None else None
        self._top_row.addWidget(button)
        self._size_icons(button)
        if previous is not None:
            QWidget.setTabOrder(previous, button)

    def add_worker_action(self, action: QAction) -> None:
        """Add an entry to the worker's menu (after a separator, the first time)."""
        if not self._worker_section:
            self.worker_menu.addSeparator()
            self._worker_section = True
        action.setParent(self.worker_menu)
        self.worker_menu.addAction(action)

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

    def start_with_client(self) -> None:
        """A new client: back to the language picker, in the desk's language."""
        self.stop_reading()
        self.set_client_language(self.settings.desk_language)
        self.show_languages()

    def pack(self, pack_id: str) -> Pack | None:
        return self._packs.get(pack_id)

    # -- packs shown (a preview reloads them, an install adds one) -------------------
    def _new_library_page(self, packs: list[Pack]) -> LibraryPage:
        page = LibraryPage(self.languages, packs)
        page.lesson_chosen.connect(self.open_lesson)
        return page

    def _new_packs_page(self, packs: list[Pack], broken: list[BrokenPack]) -> PacksPage:
        page = PacksPage(self.languages, packs, broken)
        page.install_requested.connect(self.installer.choose_file)
        return page

    def _dropped_pack_file(self, event: QDropEvent | QDragEnterEvent) -> str | None:
        """The one local .coachpack file being dragged onto the window, if that is what it is."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and is_pack_file(paths[0]) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_pack_file(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_pack_file(event)
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
        was = "languages" if current is self.picker else "packs" if current is self.packs_page else "library"
        self.lesson.stop_reading()
        self._packs = {pack.id: pack for pack in packs}
        for name, page in (
            ("picker", LanguagePickerPage(self.languages, offered_languages(packs))),
            ("library", self._new_library_page(packs)),
            ("packs_page", self._new_packs_page(packs, broken)),
        ):
            old = getattr(self, name)
            index = self.stack.indexOf(old)
            self.stack.insertWidget(index, page)
            setattr(self, name, page)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.picker.language_chosen.connect(self._on_language_chosen)
        self.packs_replaced.emit()
        # New pages take the application's style sheet by themselves (setting it again
        # would re-polish every widget: 0.4 s); they only need the scaled sizes.
        for page in (self.picker, self.library, self.packs_page):
            self._size_to_scale(page)
        self.retranslate()
        {"languages": self.show_languages, "packs": self.show_packs}.get(was, self.show_library)()

    # -- top bar ----------------------------------------------------------------
    def _build_top_bar(self, offered: list[Language]) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "topbar")
        # A flow, not a row: at 200 % text in a narrow window the tools wrap to a
        # second line instead of squeezing every button.
        row = self._top_row = FlowLayout(bar, spacing=6)
        row.setContentsMargins(12, 8, 12, 8)
        self.home_button = tool_button("home", text_beside=True)
        self.language_button = tool_button("language", text_beside=True)
        self.smaller_button = tool_button("smaller")
        self.bigger_button = tool_button("bigger")
        self.contrast_button = tool_button("contrast", checkable=True)
        self.worker_button = tool_button("worker", checkable=True)
        # The worker's menu has a button of its own (the arrow), so that Tab reaches it.
        self.worker_menu_button = tool_button("worker-menu")
        self.packs_button = tool_button("packs", text_beside=True)
        self.worker_menu = DirectedMenu(self.worker_button)
        self.worker_group = QActionGroup(self.worker_menu)
        for lang in offered:
            action = QAction(lang.endonym, self.worker_menu, checkable=True)
            action.setData(lang.tag)
            font = action.font()
            font.setFamilies([*lang.fonts, *font.families()])
            action.setFont(font)
            self.worker_group.addAction(action)
            self.worker_menu.addAction(action)
        self.worker_group.triggered.connect(lambda action: self.set_worker_language(action.data()))
        self.desk_menu = DirectedMenu(self.worker_menu)
        self.desk_group = QActionGroup(self.desk_menu)
        for lang in offered:
            action = QAction(lang.endonym, self.desk_menu, checkable=True)
            action.setData(lang.tag)
            action.setChecked(lang.tag == self.settings.desk_language)
            self.desk_group.addAction(action)
            self.desk_menu.addAction(action)
        self.desk_group.triggered.connect(lambda action: self.set_desk_language(action.data()))
        self.worker_menu.addSeparator()
        self.worker_menu.addMenu(self.desk_menu)
        self.auto_read_action = QAction(self.worker_menu, checkable=True)
        self.auto_read_action.setChecked(self.settings.auto_read)
        self.auto_read_action.toggled.connect(self.set_auto_read)
        self.worker_menu.addAction(self.auto_read_action)
        for opener in (self.worker_button, self.worker_menu_button):
            opener.offer_menu(self.open_worker_menu)
        row.addWidget(self.home_button)
        row.addWidget(self.language_button)
        row.set_trailing_from(row.count())
        row.set_even_rows(True)
        for button in (self.smaller_button, self.bigger_button, self.contrast_button, self.worker_button,
                       self.worker_menu_button, self.packs_button):
            row.addWidget(button)
        self.home_button.clicked.connect(self.show_library)
        self.language_button.clicked.connect(self.show_languages)
        self.smaller_button.clicked.connect(lambda: self.change_scale(-1))
        self.bigger_button.clicked.connect(lambda: self.change_scale(+1))
        self.contrast_button.toggled.connect(self.set_high_contrast)
        self.worker_button.toggled.connect(self.set_show_worker_text)
        self.worker_menu_button.clicked.connect(self.open_worker_menu)
        self.packs_button.clicked.connect(self.show_packs)
        return bar

    def open_worker_menu(self) -> None:
        """Open the worker's menu under its arrow, without blocking (keyboard, mouse or assistive technology)."""
        open_menu_below(self.worker_menu, self.worker_menu_button)

    def _window_shortcuts(self) -> None:
        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"), lambda: self.change_scale(+1)),
            ((QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), lambda: self.change_scale(-1)),
            (("Ctrl+0",), lambda: self.set_scale(100)),
            (("Ctrl+Shift+C",), lambda: self.contrast_button.toggle()),
            (("Ctrl+Shift+W",), lambda: self.worker_button.toggle()),
            (("Alt+Home",), self.show_library),
            ((QKeySequence.StandardKey.Quit, "Ctrl+Q"), self.close),
        ):
            # Two shortcuts with one sequence would both stay silent (ambiguous).
            sequences = {QKeySequence(key).toString(): QKeySequence(key) for key in keys}
            for sequence in sequences.values():
                shortcut = QShortcut(sequence, self)
                shortcut.activated.connect(slot)

    # -- navigation ---------------------------------------------------------------
    def show_languages(self) -> None:
        self.stack.setCurrentWidget(self.picker)
        self.picker.focus_current()

    def show_library(self) -> None:
        self.stack.setCurrentWidget(self.library)
        self.library.focus_first()

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

    def _on_lesson_finished(self) -> None:
        self.show_end()

    def _end_back(self) -> None:
        self.lesson.back()
        self.stack.setCurrentWidget(self.lesson)
        self.lesson.focus_start()

    def _end_again(self) -> None:
        if self.lesson.pack is not None and self.lesson.lesson is not None:
            self.open_lesson(self.lesson.pack.id, self.lesson.lesson.id)

    def _on_language_chosen(self, tag: str) -> None:
        self.set_client_language(tag)
        self.reader.read(self.languages.client.endonym, tag)  # the client hears their language
        self.show_library()

    def set_auto_read(self, on: bool) -> None:
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
        self.lesson.set_show_worker_text(show)

    def update_settings(self, **changes: Any) -> None:
        self.settings = replace(self.settings, **changes)
        if "desk_country" in changes:
            self.lesson.set_desk_country(self.settings.desk_country)
        if self._settings_path is not None:
            try:
                save_settings(self._settings_path, self.settings)
            except (OSError, ValueError) as exc:
                # The screen still changes; the choice is just not remembered.
                log.warning("cannot save settings to %s: %s", self._settings_path, exc)
        self.settings_changed.emit(self.settings)

    def _size_to_scale(self, root: QWidget) -> None:
        """The sizes the style sheet cannot give: tile widths and icon sizes, for the text scale."""
        self.library.set_scale(self.settings.text_scale)
        self._size_icons(root)

    def apply_look(self) -> None:
        """Apply the theme and text size to the whole application."""
        app = QApplication.instance()
        high, scale = self.settings.high_contrast, self.settings.text_scale
        if isinstance(app, QApplication):
            app.setPalette(palette(colours(high)))
            for kind in ("QCheckBox", "QComboBox"):
                app.setPalette(frame_palette(colours(high)), kind)  # type: ignore[arg-type]  # the stub says bytes; the binding wants str
            app.setStyleSheet(style_sheet(high, scale))
        self.contrast_button.setChecked(high)
        self.worker_button.setChecked(self.settings.show_worker_text)
        self._size_to_scale(self)
        self.lesson.set_text_scale(scale)
        self.lesson.set_high_contrast(high)
        self.end.set_high_contrast(high)
        self._update_top_icons()
        refresh_layouts(self)

    def _size_icons(self, root: QWidget) -> None:
        """Icons grow with the text; the client's faces are twice as big (they are read, not labels)."""
        side = px(ICON, self.settings.text_scale)
        face = max(2 * ICON, round(side * 1.5))  # big at 100 %, not so big that 3 no longer fit at 200 %
        bar = px(ICON, tool_bar_scale(self.settings.text_scale))
        buttons = [root] if isinstance(root, QAbstractButton) else []
        for button in buttons + root.findChildren(QAbstractButton):
            if button.property("role") == "face":
                button.setIconSize(QSize(face, face))
            elif button is self.worker_menu_button:  # an arrow: smaller than the pictures beside it
                button.setIconSize(QSize(bar // 2, bar // 2))
            elif self.top_bar.isAncestorOf(button):
                button.setIconSize(QSize(bar, bar))
            else:
                button.setIconSize(QSize(side, side))

    def _update_top_icons(self) -> None:
        c = colours(self.settings.high_contrast)
        for button, name in (
            (self.home_button, "home"), (self.language_button, "language"), (self.smaller_button, "text-smaller"),
            (self.bigger_button, "text-bigger"), (self.contrast_button, "contrast"), (self.worker_button, "worker"),
            (self.worker_menu_button, "menu"), (self.packs_button, "packs"),
        ):
            button.setIcon(icon(name, c.icon, on_colour=c.accent_text if button.isCheckable() else None))

    def retranslate(self, changed: QWidget | None = None) -> None:
        """Texts, fonts and directions again; `changed` is what to re-measure (default: the window)."""
        client = self.languages.client
        # The splitter keeps the worker's panel on the right, so the player below it no
        # longer inherits the application's direction: it follows the client explicitly.
        self.player_column.setLayoutDirection(direction(client))
        speak_as(self.player_column, client)
        _ = self.languages.client_strings().gettext
        self._apply_client_font()
        self.home_button.setText(_("Lessons"))
        self.language_button.setText(client.endonym)
        use_script_font(self.language_button, client)
        labels = [
            (self.home_button, _("Lessons"), _("Go back to the list of lessons.")),
            (self.language_button, _("Language"), _("Choose another language.")),
            (self.smaller_button, _("Smaller text"), _("Make the text smaller.")),
            (self.bigger_button, _("Bigger text"), _("Make the text bigger.")),
            (self.contrast_button, _("High contrast"), _("Show white text on a black background.")),
            *self._worker_labels(),
        ]
        for button, name, description in labels:
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(f"{name}\n{description}")
        broken = self.packs_page.problem_count
        self.packs_button.setText(str(broken) if broken else "")
        self.packs_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon if broken else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        for action in self.worker_group.actions():
            action.setChecked(action.data() == self.languages.worker.tag)
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if page is not None and hasattr(page, "retranslate"):
                page.retranslate()
        if self.stack.currentWidget() is self.end and self.lesson.lesson is not None and self.lesson.pack:
            self.end.show_for(self.lesson.pack.translate(self.lesson.lesson.title, client.tag), reset=False)
        refresh_layouts(changed or self)

    def _page_shown(self) -> None:
        self._apply_client_font()
        page = self.stack.currentWidget()
        if page is not None:
            refresh_layouts(page)

    def _apply_client_font(self) -> None:
        """Give the visible client page the client's script fonts.

        Only the visible page: a style sheet re-polishes every widget under it, and
        doing all pages would cost most of the 16 ms a language switch may take.
        Hidden pages get theirs when shown.
        """
        page = self.stack.currentWidget()
        if page is self.library:
            self.library.use_script_font(self.languages.client)  # its built parts only
        elif page is not None and page is not self.packs_page:
            use_script_font(page, self.languages.client)

    def _worker_labels(self) -> list[tuple[QToolButton, str, str]]:
        """The worker's own controls, labelled in the worker's language."""
        _ = self.languages.worker_strings().gettext
        self.auto_read_action.setText(_("Read each step aloud when it appears"))
        self.desk_menu.setTitle(_("Language of this desk (each new visit starts in it)"))
        # Menus are windows of their own: they would take the application's (the client's)
        # direction. They are the worker's, so they follow the worker's.
        for menu in (self.worker_menu, self.desk_menu):
            menu.setLayoutDirection(direction(self.languages.worker))
        for widget in (self.worker_menu, self.desk_menu, self.worker_button, self.worker_menu_button,
                       self.packs_button, self.packs_page):
            speak_as(widget, self.languages.worker)
        return [
            (self.worker_button, _("Show the worker's language"),
             _("Show each step in your language too, in smaller text under the client's.")),
            (self.worker_menu_button, _("Worker's menu"),
             _("Your language, this desk's language and more. Also Alt+Down or the Menu key.")),
            (self.packs_button, _("Lesson packs"), _("See the installed lesson packs and their problems.")),
        ]
