"""How a step's screen shares its height: the controls always fit, the picture gives up space first.

A lesson, end or consent screen has a header, a body and its controls. The controls
(Back, Listen, Next, "I need help", "I did it") are never in a scroll area: at 200 %
text on a small screen they wrap onto more rows but stay inside the window. The body
puts the picture above the text; when space runs short the picture shrinks to a
small minimum first, and only then does the text scroll, inside its own area.

On the lesson screen (`beside_when_short`) a picture is not shrunk below what can still be
recognised (`PICTURE_MIN`: a phone's screen and the button to touch on it), and a practice
is not cut under its texts (to be scrolled before it can be done): either gets the whole
height instead, its texts beside it at the start of the reading direction, when the body
is wide enough; in a narrow body the picture keeps that minimum and the texts scroll.

Where the texts scroll, a fade and a round arrow at the column's bottom edge (`MoreBelow`, as
under a practice) show that they go on, and the word being read is kept in view above them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from coach.ui.flow_layout import FlowLayout
from coach.ui.player.more_below import MoreBelow
from coach.ui.player.speech_controls import SpokenText

SPACING = 12
BESIDE_MIN_WIDTH = 700
"""Narrower than this, texts beside the visual would be a few words a line: they stay above it."""
BESIDE_TEXT_SHARE = 0.4
"""Beside a practice, the texts take this share of the width (the practice needs the rest)."""
BESIDE_PICTURE_TEXT_SHARE = 0.5
"""Beside a picture, half: a 4:3 picture nearly the body's full height still fits in the rest."""
BESIDE_TEXT_MIN = 280
PICTURE_MIN = 160
"""A step's picture is not shrunk below this height (or half the body, if that is less):
at 72 px, the 200 % text and the worker's line left a phone picture a thumbnail."""


class StepBody(QWidget):
    """A visual (the picture, or an exercise) above a column of texts that scrolls only when it must."""

    def __init__(self, visual: QWidget, texts: list[QWidget], visual_minimum: int = 72,
                 parent: QWidget | None = None, beside_when_short: bool = False) -> None:
        super().__init__(parent)
        self._beside_when_short = beside_when_short
        self._visual_minimum = self._base_minimum = visual_minimum
        self._visual = visual
        visual.setParent(self)
        self.text_area = QScrollArea(self)
        self.text_area.setWidgetResizable(True)
        self.text_area.setFrameShape(QFrame.Shape.NoFrame)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._texts = QWidget()
        column = self._column = QVBoxLayout(self._texts)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        for widget in texts:
            column.addWidget(widget)
        column.addStretch(1)  # beside the visual, the texts stay together at the top
        self.text_area.setWidget(self._texts)
        self._texts.installEventFilter(self)
        self.more_below = MoreBelow(self.text_area, keep_clear=True)
        """The sign, over the column's bottom edge, that the texts go on below it."""
        for widget in texts:
            if isinstance(widget, SpokenText):  # Listen's word, below the edge, comes into view
                widget.highlight_moved.connect(lambda w=widget: self.more_below.show_part(w, w.span_rect))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._keys_from: list[QWidget] = []

    def scroll_by_keys(self, buttons: Sequence[QWidget]) -> None:
        """Down and Up, on any of `buttons` (the step's own), scroll the texts by a line while they are cut,
        in place of Qt's moving the focus to the next or previous button (Tab does that too). No stop is
        added to the Tab path: the texts hold nothing to press. A practice's area scrolls itself."""
        self._keys_from = list(buttons)
        for button in buttons:
            button.installEventFilter(self)

    def _scroll_by_key(self, event: QKeyEvent) -> bool:
        bar, key = self.text_area.verticalScrollBar(), event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if not plain or key not in (Qt.Key.Key_Down, Qt.Key.Key_Up) or bar.maximum() == 0:
            return False
        first = self._column.itemAt(0)
        widget = first.widget() if first is not None else None
        line = widget.fontMetrics().lineSpacing() if widget is not None else bar.singleStep()
        bar.setValue(bar.value() + (line if key == Qt.Key.Key_Down else -line))
        return True

    @property
    def visual(self) -> QWidget:
        return self._visual

    def set_visual(self, widget: QWidget) -> None:
        """Show `widget` in the picture's place (practice exercises use this)."""
        if widget is self._visual:
            return
        self._visual.hide()
        self._visual = widget
        widget.setParent(self)
        widget.show()
        self._place()

    def texts_needed(self, width: int) -> int:
        """The height the texts need at `width`, all lines shown."""
        layout = self._column
        return layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._texts and event.type() == QEvent.Type.LayoutRequest:
            self._place()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and watched in self._keys_from:
            return self._scroll_by_key(event)
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        # An exercise in the picture's place needs more room than a picture to stay usable.
        self._visual_minimum = max(self._base_minimum, self._visual.minimumSizeHint().height())
        width, height = self.width(), self.height()
        practice = self._visual_minimum > self._base_minimum
        minimum = self._visual_minimum
        if self._beside_when_short and not practice:
            minimum = max(minimum, min(PICTURE_MIN, height // 2))  # recognisable, not a thumbnail
        scrollbar = self.text_area.verticalScrollBar().sizeHint().width()
        needed = self.texts_needed(width)
        if needed + SPACING + minimum <= height:
            text_height = needed
        else:  # the picture is at its smallest: the text scrolls in what is left
            needed = self.texts_needed(max(1, width - scrollbar))
            first_line = min(needed, self._first_line_height())
            text_height = max(first_line, min(needed, height - SPACING - minimum))
            text_height = min(text_height, height)
        visual_height = max(0, height - text_height - SPACING)
        if self._beside_is_better(width, height, visual_height, practice):
            self._place_beside(width, height, BESIDE_TEXT_SHARE if practice else BESIDE_PICTURE_TEXT_SHARE)
            return
        self._visual.setGeometry(0, 0, width, visual_height)
        self.text_area.setGeometry(0, height - text_height, width, text_height)

    def _beside_is_better(self, width: int, height: int, visual_height: int, practice: bool) -> bool:
        """On the lesson screen, in a body wide enough: a practice cut under its texts (it would
        have to be scrolled to be done), or a picture at its minimum under texts that still
        scroll, gets the full height with the texts beside it."""
        if not self._beside_when_short or width < BESIDE_MIN_WIDTH:
            return False
        if practice:
            return visual_height < min(self._visual.sizeHint().height(), height)  # cut, it must be scrolled
        return self.texts_needed(width) + SPACING + min(PICTURE_MIN, height // 2) > height

    def _place_beside(self, width: int, height: int, text_share: float) -> None:
        """The texts in a column at the reading side's start, the visual in the rest, both full height."""
        text_width = max(BESIDE_TEXT_MIN, round(width * text_share))
        visual_width = max(0, width - text_width - SPACING)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        text_x, visual_x = (width - text_width, 0) if rtl else (0, text_width + SPACING)
        self.text_area.setGeometry(text_x, 0, text_width, height)
        self._visual.setGeometry(visual_x, 0, visual_width, height)

    def _first_line_height(self) -> int:
        """At least the first line of the text stays readable, even if the picture must go."""
        first = self._column.itemAt(0)
        widget = first.widget() if first is not None else None
        return widget.fontMetrics().lineSpacing() + 8 if widget is not None else 0

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, self._visual.sizeHint().height() + SPACING + self.texts_needed(400))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self._visual_minimum)


def control_row(spread: bool = True) -> tuple[QWidget, FlowLayout]:
    """A row of big buttons that wraps onto more rows instead of leaving the window.

    `spread`: the first at the start, the last at the end (Back · Listen · Next);
    otherwise the buttons are centred together ("I need help" beside "I did it").
    """
    holder = QWidget()
    row = FlowLayout(holder, spacing=12)
    row.set_spread(spread)
    row.set_centred(not spread)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return holder, row
