"""The lesson screen's controls: Back · Listen · Slower · Next, then "I need help" · "I did it" ·
"Open on your phone", two rows of big buttons that wrap (`control_row`), never in a scroll area.

Compact when the text is large and the page short of room: above 125 % text, where the buttons at
full size would take more than a fifth of the page's height (at 200 % beside the worker's panel they
wrapped onto 3 or 4 rows and left a practice form room for one field; on a 800 px high window they
took 2 rows of 80 px), each button keeps its icon and its word, side by side, but both stop growing
at 150 % and its padding is smaller (`theme.COMPACT_CONTROLS_SCALE`). The rows then hold the four
moves and the two answers each on one row at 200 % beside the panel (fr, ar, de, es, ti), 60 px
high (Arabic 82), still larger than a finger. Decided from the page's size, the text scale and the buttons'
words alone (never from the step on screen): every step of a lesson shows the same buttons at the
same places.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QPushButton, QWidget

from coach.ui.language_state import LanguageState
from coach.ui.player.qr_view import PhoneButton
from coach.ui.player.reader import Reader
from coach.ui.player.speech_controls import ListenControls
from coach.ui.player.step_layout import SPACING, control_row
from coach.ui.theme import (
    COMPACT_CONTROLS_SCALE,
    COMPACT_PADDING,
    CONTROL_TEXT,
    ICON,
    MIN_TOUCH,
    TOOL_BAR_MAX_SCALE,
    button_padding,
    px,
)

ROOM_SHARE = 5
"""The full-size controls may take a fifth of the page's height; past that they are compact."""


def step_button(role: str) -> QPushButton:
    button = QPushButton()
    button.setProperty("role", role)
    button.setAutoDefault(True)  # Enter presses the focused button, as Space does
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class StepControls(QObject):
    """The lesson page's two rows of buttons, and whether they are compact."""

    def __init__(self, page: QWidget, languages: LanguageState, reader: Reader) -> None:
        super().__init__(page)
        self._page = page
        self._scale = 100
        self.compact = False
        self.nav_row, nav = control_row()
        self.back_button = step_button("nav")
        self.listen_controls = ListenControls(languages, reader, page, own_row=False)
        self.listen_button = self.listen_controls.listen_button
        self.slow_button = self.listen_controls.slow_button
        self.next_button = step_button("primary")
        for button in (self.back_button, self.listen_button, self.slow_button, self.next_button):
            nav.addWidget(button)  # each on its own: at 200 % they wrap two by two
        self.actions_row, actions = control_row(spread=False)
        self.help_button = step_button("help")
        self.done_button = step_button("done")
        self.phone_button = PhoneButton(languages, reader)
        for button in (self.help_button, self.done_button, self.phone_button):
            actions.addWidget(button)
        for row in (self.nav_row, self.actions_row):
            row.setParent(page)  # in the page's window: the Tab order is set between the rows
        buttons = self.buttons()
        for first, second in zip(buttons, buttons[1:]):
            QWidget.setTabOrder(first, second)
        for watched in (page, self.nav_row, self.actions_row):
            watched.installEventFilter(self)  # the page resized, or a button's word changed

    def buttons(self) -> list[QPushButton]:
        """In the Tab order: the moves, then the answers."""
        return [self.back_button, self.listen_button, self.slow_button, self.next_button,
                self.help_button, self.done_button, self.phone_button]

    def set_scale(self, scale: int) -> None:
        self._scale = scale
        self.fit()

    def full_icon(self) -> QSize:
        """The icons' size at full size: the window's, with the text (a practice's buttons keep it)."""
        side = px(ICON, self._scale)
        return QSize(side, side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def fit(self) -> None:
        """Compact or full size, from the room the full-size rows would take in the page."""
        compact = (self._scale > TOOL_BAR_MAX_SCALE
                   and self.full_height(self.nav_row.width()) * ROOM_SHARE > self._page.height())
        if compact != self.compact:
            self.compact = compact
            for button in self.buttons():
                button.setProperty("compact", compact)
                button.style().unpolish(button)
                button.style().polish(button)
        side = px(ICON, min(self._scale, COMPACT_CONTROLS_SCALE)) if compact else px(ICON, self._scale)
        for button in self.buttons():  # the window sizes every button's icon with the text: again here
            button.setIconSize(QSize(side, side))  # (Qt does nothing for the same size)

    def full_height(self, width: int) -> int:
        """The height the two rows take at full size in `width`, the page's spacing between them."""
        rows = [[self.back_button, self.listen_button, self.slow_button, self.next_button],
                [self.help_button, self.done_button, self.phone_button]]
        heights = [_rows_height([self.full_size(b) for b in row if not b.isHidden()], width) for row in rows]
        return sum(heights) + SPACING * (len([h for h in heights if h]) - 1)

    def full_size(self, button: QPushButton) -> QSize:
        """`button`'s size hint at full size (its hint now, when not compact)."""
        hint = button.sizeHint()
        if not self.compact:
            return hint
        text, has_icon = button.text(), not button.icon().isNull()
        font = QFont(button.font())
        font.setPixelSize(px(CONTROL_TEXT.get(str(button.property("role")), 18), self._scale))
        now_icon, full_icon = button.iconSize(), self.full_icon()

        def content(metrics: QFontMetrics, icon: QSize) -> QSize:
            """What QPushButton sizes around (its word, its icon beside), at least the style's min-height
            and min-width (which are of the contents, inside padding and border)."""
            words = metrics.size(Qt.TextFlag.TextShowMnemonic, text) if text else QSize(0, 0)
            if has_icon:
                words = QSize(words.width() + icon.width() + 4, max(words.height(), icon.height()))
            return words.expandedTo(QSize(MIN_TOUCH, MIN_TOUCH))

        grown = content(QFontMetrics(font), full_icon) - content(button.fontMetrics(), now_icon)
        full_pad, compact_pad = button_padding(self._scale), COMPACT_PADDING
        grown += QSize(2 * (full_pad[1] - compact_pad[1]), 2 * (full_pad[0] - compact_pad[0]))
        return hint + grown


def _rows_height(sizes: list[QSize], width: int, spacing: int = 12) -> int:
    """The height items of these sizes take in `width`, each row filled in turn (as `FlowLayout`)."""
    total, row_height, used = 0, 0, -spacing
    rows = 0
    for size in sizes:
        if used >= 0 and used + spacing + size.width() > width:
            total += row_height
            rows, row_height, used = rows + 1, 0, -spacing
        used += spacing + size.width()
        row_height = max(row_height, size.height())
    if not sizes:
        return 0
    return total + row_height + rows * spacing
