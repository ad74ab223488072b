"""The window's top bar, the worker's menu and the window's look (theme, text size, icon sizes).

The buttons stay attributes of the window (`window.home_button`, `window.worker_menu`…),
the names the worker's panel, the tests and assistive technology code use; this
module only builds and wires them, so the window's own module is about screens and
settings. The client's buttons are labelled in the client's language; the worker's
(the worker's text, the worker's menu, the packs) in the worker's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QToolButton, QWidget

from coach.i18n.languages import Language
from coach.ui.flow_layout import FlowLayout
from coach.ui.icons import icon
from coach.ui.language_state import direction, speak_as, use_script_font
from coach.ui.menus import DirectedMenu
from coach.ui.player.top_bar import tool_button
from coach.ui.theme import ICON, colours, frame_palette, palette, px, style_sheet, tool_bar_scale
from coach.ui.widgets import refresh_layouts

if TYPE_CHECKING:
    from coach.ui.player.main_window import MainWindow


def build_top_bar(window: MainWindow, offered: list[Language]) -> QFrame:
    """The bar above the screens: lessons, language, text size, contrast, worker's text and menu, packs."""
    bar = QFrame()
    bar.setProperty("role", "topbar")
    # A flow, not a row: at 200 % text in a narrow window the tools wrap to a
    # second line instead of squeezing every button.
    row = window.top_row = FlowLayout(bar, spacing=6)
    row.setContentsMargins(12, 8, 12, 8)
    window.home_button = tool_button("home", text_beside=True)
    window.language_button = tool_button("language", text_beside=True)
    window.smaller_button = tool_button("smaller")
    window.bigger_button = tool_button("bigger")
    window.contrast_button = tool_button("contrast", checkable=True)
    window.worker_button = tool_button("worker", checkable=True)
    # The worker's menu has a button of its own (the arrow), so that Tab reaches it.
    window.worker_menu_button = tool_button("worker-menu")
    window.packs_button = tool_button("packs", text_beside=True)
    _build_worker_menu(window, offered)
    for opener in (window.worker_button, window.worker_menu_button):
        opener.offer_menu(window.open_worker_menu)
    row.addWidget(window.home_button)
    row.addWidget(window.language_button)
    row.set_trailing_from(row.count())
    row.set_even_rows(True)
    for button in (window.smaller_button, window.bigger_button, window.contrast_button, window.worker_button,
                   window.worker_menu_button, window.packs_button):
        row.addWidget(button)
    window.home_button.clicked.connect(window.show_library)
    window.language_button.clicked.connect(window.show_languages)
    window.smaller_button.clicked.connect(lambda: window.change_scale(-1))
    window.bigger_button.clicked.connect(lambda: window.change_scale(+1))
    window.contrast_button.toggled.connect(window.set_high_contrast)
    window.worker_button.toggled.connect(window.set_show_worker_text)
    window.worker_menu_button.clicked.connect(window.open_worker_menu)
    window.packs_button.clicked.connect(window.show_packs)
    return bar


def _build_worker_menu(window: MainWindow, offered: list[Language]) -> None:
    """The worker's language, the desk's language (a submenu) and reading aloud; the panel adds more."""
    window.worker_menu = DirectedMenu(window.worker_button)
    window.worker_group = QActionGroup(window.worker_menu)
    for lang in offered:
        action = QAction(lang.endonym, window.worker_menu, checkable=True)
        action.setData(lang.tag)
        font = action.font()
        font.setFamilies([*lang.fonts, *font.families()])
        action.setFont(font)
        window.worker_group.addAction(action)
        window.worker_menu.addAction(action)
    window.worker_group.triggered.connect(lambda action: window.set_worker_language(action.data()))
    window.desk_menu = DirectedMenu(window.worker_menu)
    window.desk_group = QActionGroup(window.desk_menu)
    for lang in offered:
        action = QAction(lang.endonym, window.desk_menu, checkable=True)
        action.setData(lang.tag)
        action.setChecked(lang.tag == window.settings.desk_language)
        window.desk_group.addAction(action)
        window.desk_menu.addAction(action)
    window.desk_group.triggered.connect(lambda action: window.set_desk_language(action.data()))
    window.worker_menu.addSeparator()
    window.worker_menu.addMenu(window.desk_menu)
    window.auto_read_action = QAction(window.worker_menu, checkable=True)
    window.auto_read_action.setChecked(window.settings.auto_read)
    window.auto_read_action.toggled.connect(window.set_auto_read)
    window.worker_menu.addAction(window.auto_read_action)


def window_shortcuts(window: MainWindow) -> None:
    """Text size, contrast, the worker's text, the lessons and quit, from anywhere in the window."""
    shortcuts: tuple[tuple[tuple[QKeySequence.StandardKey | str, ...], Callable[[], object]], ...] = (
        ((QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"), lambda: window.change_scale(+1)),
        ((QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), lambda: window.change_scale(-1)),
        (("Ctrl+0",), lambda: window.set_scale(100)),
        (("Ctrl+Shift+C",), lambda: window.contrast_button.toggle()),
        (("Ctrl+Shift+W",), lambda: window.worker_button.toggle()),
        (("Alt+Home",), window.show_library),
        ((QKeySequence.StandardKey.Quit, "Ctrl+Q"), window.close),
    )
    for keys, slot in shortcuts:
        # Two shortcuts with one sequence would both stay silent (ambiguous).
        sequences = {QKeySequence(key).toString(): QKeySequence(key) for key in keys}
        for sequence in sequences.values():
            shortcut = QShortcut(sequence, window)
            shortcut.activated.connect(slot)


def colour_top_bar(window: MainWindow) -> None:
    """The bar's icons in the theme's colours (a checked button draws in the accent's ink)."""
    c = colours(window.settings.high_contrast)
    for button, name in (
        (window.home_button, "home"), (window.language_button, "language"), (window.smaller_button, "text-smaller"),
        (window.bigger_button, "text-bigger"), (window.contrast_button, "contrast"), (window.worker_button, "worker"),
        (window.worker_menu_button, "menu"), (window.packs_button, "packs"),
    ):
        button.setIcon(icon(name, c.icon, on_colour=c.accent_text if button.isCheckable() else None))


def label_top_bar(window: MainWindow, broken: int) -> None:
    """Texts, names and descriptions of the bar: the client's buttons in the client's words, the rest the worker's.

    `broken`: how many packs could not be loaded (shown on the packs button).
    """
    client = window.languages.client
    _ = window.languages.client_strings().gettext
    window.home_button.setText(_("Lessons"))
    window.language_button.setText(client.endonym)
    use_script_font(window.language_button, client)
    labels = [
        (window.home_button, _("Lessons"), _("Go back to the list of lessons.")),
        (window.language_button, _("Language"), _("Choose another language.")),
        (window.smaller_button, _("Smaller text"), _("Make the text smaller.")),
        (window.bigger_button, _("Bigger text"), _("Make the text bigger.")),
        (window.contrast_button, _("High contrast"), _("Show white text on a black background.")),
        *_worker_labels(window),
    ]
    for button, name, description in labels:
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.setToolTip(f"{name}\n{description}")
    window.packs_button.setText(str(broken) if broken else "")
    window.packs_button.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon if broken else Qt.ToolButtonStyle.ToolButtonIconOnly
    )
    for action in window.worker_group.actions():
        action.setChecked(action.data() == window.languages.worker.tag)


def _worker_labels(window: MainWindow) -> list[tuple[QToolButton, str, str]]:
    """The worker's own controls, labelled in the worker's language."""
    worker = window.languages.worker
    _ = window.languages.worker_strings().gettext
    window.auto_read_action.setText(_("Read each step aloud when it appears"))
    window.desk_menu.setTitle(_("Language of this desk (each new visit starts in it)"))
    # Menus are windows of their own: they would take the application's (the client's)
    # direction. They are the worker's, so they follow the worker's.
    for menu in (window.worker_menu, window.desk_menu):
        menu.setLayoutDirection(direction(worker))
    for widget in (window.worker_menu, window.desk_menu, window.worker_button, window.worker_menu_button,
                   window.packs_button):
        speak_as(widget, worker)
    return [
        (window.worker_button, _("Show the worker's language"),
         _("Show each step in your language too, in smaller text under the client's.")),
        (window.worker_menu_button, _("Worker's menu"),
         _("Your language, this desk's language and more. Also Alt+Down or the Menu key.")),
        (window.packs_button, _("Lesson packs"), _("See the installed lesson packs and their problems.")),
    ]


def apply_look(window: MainWindow) -> None:
    """Apply the theme and text size to the whole application (screens built later take it then)."""
    app = QApplication.instance()
    high, scale = window.settings.high_contrast, window.settings.text_scale
    if isinstance(app, QApplication):
        app.setPalette(palette(colours(high)))
        for kind in ("QCheckBox", "QComboBox"):
            app.setPalette(frame_palette(colours(high)), kind)  # type: ignore[arg-type]  # the stub says bytes; the binding wants str
        app.setStyleSheet(style_sheet(high, scale))
    window.contrast_button.setChecked(high)
    window.worker_button.setChecked(window.settings.show_worker_text)
    if window.screens.built("library") is not None:
        window.library.set_scale(scale)
    size_icons(window, window)
    if window.screens.built("lesson") is not None:
        window.lesson.set_text_scale(scale)
        window.lesson.set_high_contrast(high)
    if window.screens.built("end") is not None:
        window.end.set_high_contrast(high)
    colour_top_bar(window)
    refresh_layouts(window)


def size_icons(window: MainWindow, root: QWidget) -> None:
    """Icons grow with the text; the client's faces are twice as big (they are read, not labels)."""
    side = px(ICON, window.settings.text_scale)
    face = max(2 * ICON, round(side * 1.5))  # big at 100 %, not so big that 3 no longer fit at 200 %
    bar = px(ICON, tool_bar_scale(window.settings.text_scale))
    buttons = [root] if isinstance(root, QAbstractButton) else []
    for button in buttons + root.findChildren(QAbstractButton):
        if button.property("role") == "face":
            button.setIconSize(QSize(face, face))
        elif button is window.worker_menu_button:  # an arrow: smaller than the pictures beside it
            button.setIconSize(QSize(bar // 2, bar // 2))
        elif window.top_bar.isAncestorOf(button):
            button.setIconSize(QSize(bar, bar))
        else:
            button.setIconSize(QSize(side, side))
