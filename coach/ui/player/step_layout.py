"""How a step's screen shares its height: the controls always fit, the picture gives up space first.

A lesson, end or consent screen has a header, a body and its controls. The controls
(Back, Listen, Next, "I need help", "I did it") are never in a scroll area: at 200 %
text on a small screen they wrap onto more rows but stay inside the window. The body
puts the picture above the text; when space runs short the picture shrinks to a
small minimum first, and only then does the text scroll, inside its own area. A practice
that would be cut under its texts (to be scrolled before it can be done) gets the whole
height instead, its texts beside it at the start of the reading direction, when the body
is wide enough.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from coach.ui.flow_layout import FlowLayout

SPACING = 12
BESIDE_MIN_WIDTH = 700
"""Narrower than this, texts beside the visual would be a few words a line: they stay above it."""
BESIDE_TEXT_SHARE = 0.4
BESIDE_TEXT_MIN = 280


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
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

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
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        # An exercise in the picture's place needs more room than a picture to stay usable.
        self._visual_minimum = max(self._base_minimum, self._visual.minimumSizeHint().height())
        width, height = self.width(), self.height()
        scrollbar = self.text_area.verticalScrollBar().sizeHint().width()
        needed = self.texts_needed(width)
        if needed + SPACING + self._visual_minimum <= height:
            text_height = needed
        else:  # the picture is at its smallest: the text scrolls in what is left
            needed = self.texts_needed(max(1, width - scrollbar))
            first_line = min(needed, self._first_line_height())
            text_height = max(first_line, min(needed, height - SPACING - self._visual_minimum))
            text_height = min(text_height, height)
        visual_height = max(0, height - text_height - SPACING)
        if self._beside_is_better(width, height, visual_height):
            self._place_beside(width, height)
            return
        self._visual.setGeometry(0, 0, width, visual_height)
        self.text_area.setGeometry(0, height - text_height, width, text_height)

    def _beside_is_better(self, width: int, height: int, visual_height: int) -> bool:
        """A practice cut under its texts (it would have to be scrolled to be done) in a body
        wide enough: the texts go beside it instead."""
        practice = self._visual_minimum > self._base_minimum
        if not (self._beside_when_short and practice) or width < BESIDE_MIN_WIDTH:
            return False  # a picture may shrink; beside a picture, texts at 200 % were cut mid-line
        return visual_height < min(self._visual.sizeHint().height(), height)  # cut, it must be scrolled to be done

    def _place_beside(self, width: int, height: int) -> None:
        """The texts in a column at the reading side's start, the visual in the rest, both full height."""
        text_width = max(BESIDE_TEXT_MIN, round(width * BESIDE_TEXT_SHARE))
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
