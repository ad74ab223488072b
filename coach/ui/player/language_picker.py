"""The first screen: every language written in itself, big, in its own script.

Under each name, smaller, its name in the worker's language, so the worker can help
a client who cannot read the desk's language pick theirs.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from coach.i18n.languages import Language, display_name
from coach.ui.flow_layout import FlowLayout
from coach.ui.language_state import LanguageState, direction, speak_as, use_script_font
from coach.ui.theme import MIN_TOUCH
from coach.ui.widgets import scrolling_page


class SizeGroup:
    """The picker's buttons share one size, the largest of theirs, so rows line up.

    Kept until a button's contents change (its column layout is invalidated: a text, a
    font, a label shown or hidden): the flow layout asks every button's size hint and
    minimum size at each pass, and each answer measured every button (about 1,000
    measures before the first frame, and again at each pick).
    """

    def __init__(self) -> None:
        self.buttons: list[LanguageButton] = []
        self._size: QSize | None = None

    def forget(self) -> None:
        self._size = None

    def size(self) -> QSize:
        if self._size is None:
            hints = [button.own_size_hint() for button in self.buttons]
            self._size = QSize(max(h.width() for h in hints), max(h.height() for h in hints))
        return self._size


class _Column(QVBoxLayout):
    """A button's column of labels; when it must be measured again, so must the group."""

    def __init__(self, button: LanguageButton) -> None:
        super().__init__(button)
        self._button = button

    def invalidate(self) -> None:
        button = getattr(self, "_button", None)
        if button is not None and button.size_group is not None:
            button.size_group.forget()
        super().invalidate()


class LanguageButton(QPushButton):
    """A language's own name, large, with its name in the worker's language below."""

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = lang
        self.size_group: SizeGroup | None = None
        """The picker's buttons: each is as large as the largest, so rows line up."""
        self.setProperty("role", "language")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(True)  # Enter presses the focused button, as Space does
        layout = self._column = _Column(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.endonym = QLabel(lang.endonym)
        self.endonym.setProperty("role", "language-name")
        self.endonym.setLayoutDirection(direction(lang))
        speak_as(self, lang)  # its name is the endonym
        self.endonym.setAlignment(Qt.AlignmentFlag.AlignCenter)
        use_script_font(self.endonym, lang)
        self.translated = QLabel()
        self.translated.setProperty("role", "small")
        self.translated.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.endonym, self.translated):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def own_size_hint(self) -> QSize:
        hint = self._column.sizeHint()
        return QSize(max(hint.width(), 240), max(hint.height(), MIN_TOUCH * 2))

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.size_group.size() if self.size_group is not None else self.own_size_hint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()


class LanguagePickerPage(QWidget):
    """Emits `language_chosen(tag)` when the client taps a language."""

    language_chosen = Signal(str)

    def __init__(self, languages: LanguageState, offered: Sequence[Language], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.scroll_area, layout = scrolling_page(self, (32, 24, 32, 24), 20)
        self._page_layout = layout
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        grid_holder = QWidget()
        self.grid = FlowLayout(grid_holder, spacing=20)
        self.grid.set_centred_block(True)  # under the centred title
        layout.addWidget(grid_holder)
        layout.addStretch(1)
        self.buttons: list[LanguageButton] = []
        group = SizeGroup()
        for lang in offered:
            button = LanguageButton(lang)
            button.clicked.connect(lambda _=False, tag=lang.tag: self.language_chosen.emit(tag))
            self.grid.addWidget(button)
            self.buttons.append(button)
        group.buttons = self.buttons
        for button in self.buttons:
            button.size_group = group
        self.retranslate()

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        worker = self._languages.worker
        self.title.setText(_("Choose your language"))
        self.title.setAccessibleName(self.title.text())
        for button in self.buttons:
            lang = button.language
            in_worker = display_name(lang.tag, worker.tag)
            button.translated.setText(in_worker)
            speak_as(button.translated, worker)
            button.translated.setVisible(in_worker != lang.endonym)
            button.setAccessibleName(lang.endonym)
            button.setAccessibleDescription(_("Show Coach in this language: {language}").format(language=in_worker))
            button.setToolTip(in_worker)

    def focus_current(self) -> None:
        """Focus the client's language, scrolled into view once the page is laid out (at 200 % in
        Arabic it is in the third row, below the fold)."""
        current = next((b for b in self.buttons if b.language == self._languages.client),
                       self.buttons[0] if self.buttons else None)
        if current is None:
            return
        current.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, lambda: self._keep_in_view(current))

    def _keep_in_view(self, button: LanguageButton) -> None:
        if self.isVisible() and self.window().focusWidget() is button:
            self._page_layout.activate()  # the rows where they will be painted
            self.scroll_area.ensureWidgetVisible(button, 0, 20)
