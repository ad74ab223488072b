"""Puts the worker's side panel beside the player and wires a visit through.

Kept apart from the player's window so the player stays usable alone (tests,
screenshots, a desk that records nothing). It talks to the window only through
MainWindow's small API (pages, the side panel, a tool, the worker's menu, reading
aloud, the player's signals). What the client does reaches the panel; the panel's
client-facing screens (consent, "what we recorded about you") open in the player.
Keys 1–4 set a level unless the focus is in a text field; Ctrl+L and an idle time
lock the records (input is watched on the application's windows). Each visit that
ends sends the player back to the language picker.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from coach.speech.cache import wipe_private
from coach.ui.first_frame import after_first_frame
from coach.ui.icons import icon
from coach.ui.language_state import speak_as
from coach.ui.panel.side_panel import SidePanel
from coach.ui.player.top_bar import tool_button
from coach.ui.player.main_window import MainWindow
from coach.ui.player.screens import offered_languages
from coach.ui.theme import colours

if TYPE_CHECKING:
    from coach.ui.player.about_page import AboutPage
    from coach.ui.player.consent_page import ConsentPage

LEVEL_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
# Where digits are typed, not levels chosen. By class name (QObject.inherits): the spin box's
# and text areas' Python types, and their enums, are not made at each start for this test.
_TEXT_INPUTS = ("QLineEdit", "QPlainTextEdit", "QTextEdit", "QAbstractSpinBox")
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel})
# What opens a context menu: a right click, the Menu key or Shift+F10 (key events), and the
# platform's own context-menu event (X11 sends one for the Menu key instead of the key).
_MENU_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                         QEvent.Type.ContextMenu})


def _is_menu_key(event: QEvent) -> bool:
    """The Menu key, or Shift+F10 as on every desktop (Qt maps only the Menu key to a context menu)."""
    if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
        return False
    return event.key() == Qt.Key.Key_Menu or (
        event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)


def _menu_request(watched: QObject, event: QEvent) -> tuple[QWidget | None, QPoint | None] | None:
    """Where `event` asks for a context menu: the widget under the pointer and the point, or the
    focused widget (the menu goes at its centre); None when it asks for none, or when a menu is
    already open (the key or click is that menu's: X11 sends the Menu key on to it too)."""
    asked: tuple[QWidget | None, QPoint | None] | None = None
    if isinstance(event, QMouseEvent):
        # The click that opens a context menu: the press on Linux, the release on Windows.
        trigger = (QEvent.Type.MouseButtonPress if QGuiApplication.styleHints().contextMenuTrigger()
                   == Qt.ContextMenuTrigger.Press else QEvent.Type.MouseButtonRelease)
        if event.button() == Qt.MouseButton.RightButton and event.type() == trigger:
            asked = _widget_at(watched, event.position().toPoint()), event.globalPosition().toPoint()
    elif isinstance(event, QContextMenuEvent):  # the platform's own: X11 sends it for the Menu key
        asked = ((_widget_at(watched, event.pos()), event.globalPos())
                 if event.reason() == QContextMenuEvent.Reason.Mouse else (QApplication.focusWidget(), None))
    elif _is_menu_key(event):
        asked = QApplication.focusWidget(), None
    return asked if asked is not None and QApplication.activePopupWidget() is None else None


def _widget_at(window: QObject, point: QPoint) -> QWidget | None:
    top = next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)
    return top.childAt(point) if top is not None else None


def _menu_by_shift_f10(event: QEvent) -> bool:
    """Shift+F10 asks the focused widget for its context menu, as the Menu key does. True when one opened;
    a widget with none (the worker's menu arrow opens its own menu on Shift+F10) still gets the key."""
    if not (isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F10 and _is_menu_key(event)) \
            or QApplication.activePopupWidget() is not None:
        return False
    focus = QApplication.focusWidget()
    if focus is None:
        return False
    centre = focus.rect().center()
    asked = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, focus.mapToGlobal(centre))
    QApplication.sendEvent(focus, asked)
    return asked.isAccepted()


class VisitDesk(QObject):
    """The panel, its client-facing pages and their wiring, for one main window."""

    def __init__(self, window: MainWindow, records_path: Path) -> None:
        super().__init__(window)
        self.window = window
        languages = window.languages
        settings = window.settings
        self.panel = SidePanel(languages, records_path, offered_languages(window.packs), window.packs,
                               settings.worker_name, settings.retention_months)
        self._consent: ConsentPage | None = None  # client-facing screens, built when first shown
        self._about: AboutPage | None = None
        self._return_to: QWidget | None = None  # the library, unless a screen says otherwise
        window.add_side_panel(self.panel)

        self.toggle = tool_button("panel-toggle", checkable=True)  # Enter presses it, like the other tools
        self.toggle.setChecked(True)
        self.toggle.toggled.connect(self.panel.setVisible)
        window.add_tool(self.toggle)

        window.player_event.connect(self.panel.handle_event)
        window.step_shown.connect(self.panel.show_step)
        window.exercise_result.connect(self.panel.handle_exercise)
        window.self_rated.connect(self.panel.self_rated)
        window.closing.connect(self.close)
        self.panel.consent_needed.connect(self._show_consent)
        self.panel.visit_ended.connect(window.start_with_client)
        self.panel.about_needed.connect(self._show_about)
        # A visit that starts, ends or is erased leaves no client speech on disk.
        self.panel.visit_changed.connect(wipe_private)
        self.panel.worker_named.connect(lambda name: window.update_settings(worker_name=name))
        window.settings_changed.connect(self._recolour)
        languages.worker_changed.connect(lambda _tag: self.retranslate())  # the panel is the worker's

        lock = QShortcut(QKeySequence("Ctrl+L"), window)
        lock.activated.connect(self.panel.lock)
        self.stats_action = QAction()
        self.stats_action.triggered.connect(self._figures)
        window.add_worker_action(self.stats_action)
        self._lock_after_s = settings.lock_after_minutes * 60
        self._last_input = time.monotonic()
        self._idle = QTimer(self)
        self._idle.setInterval(5000)
        self._idle.timeout.connect(self._check_idle)
        self._idle.start()
        self._closed = False
        # Input is watched on the windows, not the application: an application filter ran
        # Python for every event of every widget (some 1,400 in a language switch). From the
        # first frame on (a start shows the window after the desk is built).
        after_first_frame(window, self._watch_input)
        # The visit page is not needed for the first frame (the panel starts on its gate), but
        # is built right after it, long before a lesson shows it.
        after_first_frame(window, self.panel.prepare_visit)
        self._label()  # the panel labelled itself when it was built

    # -- the client-facing screens ------------------------------------------------------
    @property
    def consent(self) -> ConsentPage:
        """The consent question, asked in the client's language."""
        if self._consent is None:
            from coach.ui.player.consent_page import ConsentPage

            self._consent = ConsentPage(self.window.languages, self.window.voice())
            self._consent.set_high_contrast(self.window.settings.high_contrast)
            self._consent.answered.connect(self._consent_answered)
            self._consent.say.connect(self.window.read_aloud)
            self.window.add_page(self._consent)
        return self._consent

    @property
    def about(self) -> AboutPage:
        """"What we recorded about you", shown to the client."""
        if self._about is None:
            from coach.ui.player.about_page import AboutPage

            self._about = AboutPage(self.window.languages)
            self._about.set_high_contrast(self.window.settings.high_contrast)
            self._about.back.connect(self._back_from_about)
            # The client's record is client data: read privately, never into the speech cache.
            self._about.say.connect(lambda text: self.window.read_aloud(text, private=True))
            self.window.add_page(self._about)
        return self._about

    # -- flows ----------------------------------------------------------------------
    def _show_consent(self, language: str) -> None:
        self._return_to = self.window.current_page()
        self.window.set_client_language(language)
        self.window.show_page(self.consent)
        self.consent.focus_question()
        if not self.window.screen_reader_reads():  # else it reads the focused question
            self.consent.read_aloud()

    @staticmethod
    def _app() -> QCoreApplication:
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("the visit desk needs a running QApplication")
        return app

    def _consent_answered(self, given: bool) -> None:
        self.window.stop_reading()
        self.panel.consent_answered(given)
        self.window.show_library()

    def _show_about(self, about: dict) -> None:
        self._return_to = self.window.current_page()
        self.about.show_record(about, self.panel.skill_names(self.window.languages.client.tag))
        self.window.show_page(self.about)
        if not self.window.screen_reader_reads():  # one voice: Listen reads it in Coach's
            self.about.read_aloud()

    def _back_from_about(self) -> None:
        self.window.show_page(self._return_to or self.window.library)

    def _figures(self) -> None:
        _ = self.window.languages.worker_strings().gettext
        if not self.panel.unlocked or self.panel.locked:
            from coach.ui.worker_dialogs import tell_worker  # dialogs load when one is shown

            tell_worker(self.window, self.window.languages, _("Figures for funders"), _("Unlock the records first."))
            return
        from coach.ui.panel.stats_dialog import StatsDialog

        StatsDialog(self.window.languages, self.panel.access, self.window).exec()

    # -- keys and idle ----------------------------------------------------------------
    def _watch_windows(self) -> None:
        """Filter the input of every window of the application: the main window, and each
        dialog, menu and popup as it appears (typing in a modal dialog is activity too).

        Every such window comes up as the focus window or by an input on a watched one
        (each input looks again); installing a filter twice keeps one.
        """
        if self._closed:
            return
        for shown in QGuiApplication.topLevelWindows():
            shown.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in _MENU_INPUT and (self._worker_text_menu(watched, event) or _menu_by_shift_f10(event)):
            self._last_input = time.monotonic()
            return True
        if kind in _INPUT:
            self._last_input = time.monotonic()
            QTimer.singleShot(0, self._watch_windows)  # a dialog or menu this input opens
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            level = LEVEL_KEYS.get(Qt.Key(event.key()))
            focus = QApplication.focusWidget()
            if level is not None and focus is not None and not any(focus.inherits(name) for name in _TEXT_INPUTS) \
                    and focus.window() is self.window:
                return self.panel.choose_level(level)
        return False

    def _worker_text_menu(self, watched: QObject, event: QEvent) -> bool:
        """A right click, the Menu key or Shift+F10 on a worker's text field (the panel's, a dialog's)
        opens its menu in the worker's language; Qt's own would be the client's. True when shown."""
        asked = _menu_request(watched, event)
        if asked is None:
            return False
        from coach.ui.worker_dialogs import text_field_of, text_menu_for_worker  # loaded when first asked

        widget, where = asked
        field = text_field_of(widget)
        if field is None or (field.window() is self.window and not self.panel.isAncestorOf(field)):
            return False  # the client's fields (a practice form) keep the client's menu
        if where is None:  # from the keyboard (not `not where`: a QPoint at 0, 0 is false)
            text_menu_for_worker(field, self.window.languages, field.mapToGlobal(field.rect().center()),
                                 from_keyboard=True)
        else:
            text_menu_for_worker(field, self.window.languages, where)
        return True

    def _watch_input(self) -> None:
        app = self._app()
        if not self._closed and isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(lambda _window: self._watch_windows())
            self._watch_windows()

    def _check_idle(self) -> None:
        if self._lock_after_s > 0 and time.monotonic() - self._last_input >= self._lock_after_s:
            self.panel.lock()

    def retranslate(self) -> None:
        self._label()
        self.panel.retranslate()

    def _label(self) -> None:
        """The desk's own controls (the panel's toggle, the figures entry), in the worker's language."""
        _ = self.window.languages.worker_strings().gettext
        self._recolour()
        speak_as(self.toggle, self.window.languages.worker)
        self.toggle.setAccessibleName(_("Worker's panel"))
        self.toggle.setAccessibleDescription(_("Show or hide the worker's panel; hidden, the client has the "
                                               "whole screen."))
        self.toggle.setToolTip(self.toggle.accessibleDescription())
        self.stats_action.setText(_("Figures for funders…"))

    def _recolour(self, _settings: object = None) -> None:
        """The toggle's icon and the client-facing pages follow the theme, like the rest of the player."""
        high = self.window.settings.high_contrast
        self.toggle.setIcon(icon("panel", colours(high).icon, on_colour=colours(high).accent_text))
        for page in (self._consent, self._about):
            if page is not None:
                page.set_high_contrast(high)

    def close(self) -> None:
        """End the visit, save it, close the records (waits for the last write). Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._idle.stop()
        for shown in QGuiApplication.topLevelWindows():
            shown.removeEventFilter(self)
        self.panel.close_records()
