"""The sign that a step's text or a practice goes on below the edge of its place (200 % text beside
the worker's panel).

While more of the text or practice is below its scroll area's bottom edge, that edge fades into the
window's colour and a round arrow pointing down sits at the end of the scroll bar (on the side
where the reading ends; beside a form's fields, in its margin, not over them): what is cut off
is seen to go on. A click or a tap on the arrow scrolls on; the keyboard needs none (the focus brings each
field into view; a screen reader reads the whole text). The fade lets clicks through to what is under it;
neither takes the focus. The arrow is a button with a name in the client's language (`retranslate`),
pressable from a screen reader's list of controls but not on the Tab path.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from coach.ui.theme import MIN_TOUCH, Colours, colours


class _Fade(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.colour = QColor(colours(False).window)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        gradient = QLinearGradient(0, 0, 0, self.height())
        clear = QColor(self.colour)
        clear.setAlpha(0)
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(0.8, self.colour)
        QPainter(self).fillRect(self.rect(), gradient)


class _Arrow(QAbstractButton):
    def __init__(self, cue: MoreBelow, parent: QWidget) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fill, self.ink = QColor(colours(False).accent), QColor(colours(False).accent_text)
        self.pressed.connect(cue.scroll_on)  # on the press, as before: a tap need not be held still

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.fill)
        circle = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.drawEllipse(circle)
        size = circle.width()
        pen = QPen(self.ink, max(3.0, size / 10))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        centre = circle.center()
        half, drop = size * 0.22, size * 0.12
        chevron = QPainterPath(QPointF(centre.x() - half, centre.y() - drop))
        chevron.lineTo(QPointF(centre.x(), centre.y() + drop + size * 0.06))
        chevron.lineTo(QPointF(centre.x() + half, centre.y() - drop))
        p.drawPath(chevron)


class MoreBelow(QObject):
    """Keeps the fade and the arrow over `area`'s viewport's bottom edge, shown while more is below."""

    def __init__(self, area: QScrollArea, keep_clear: bool = False) -> None:
        super().__init__(area)
        self._area = area
        self._keep_clear = keep_clear
        self._placing = False
        """Give the arrow a strip of its own under the text while the text scrolls (a step's text column:
        over it, the arrow hid the end of the last line seen), rather than over the area's content."""
        self.fade = _Fade(area)
        # Above the scroll bar, which the area keeps above its other children: beside it, in its parent.
        self.arrow = _Arrow(self, area.parentWidget() or area)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.refresh)
        bar.rangeChanged.connect(self.refresh)
        area.viewport().installEventFilter(self)
        area.installEventFilter(self)
        self.refresh()

    def set_colours(self, c: Colours) -> None:
        self.fade.colour = QColor(c.window)
        self.arrow.fill, self.arrow.ink = QColor(c.accent), QColor(c.accent_text)
        self.fade.update()
        self.arrow.update()

    def retranslate(self, gettext: Callable[[str], str]) -> None:
        """The arrow's name for a screen reader, in the client's language."""
        _ = gettext
        self.arrow.setAccessibleName(_("Scroll down to see more"))

    def shown(self) -> bool:
        return not self.arrow.isHidden()

    def scroll_on(self) -> None:
        """On by what fits above the fade: what was under it comes to the top."""
        bar = self._area.verticalScrollBar()
        bar.setValue(bar.value() + max(bar.singleStep(), self._area.viewport().height() - self.fade.height()))

    def show_part(self, widget: QWidget, where: Callable[[], QRect]) -> None:
        """Scroll so that the part of `widget` `where()` gives (the word being read) is in view above the
        fade, if it is not; `where` (a text layout) is asked only when the area scrolls at all."""
        content, bar = self._area.widget(), self._area.verticalScrollBar()
        if content is None or bar.maximum() == 0 or not content.isAncestorOf(widget):
            return
        part = where()
        if part.isEmpty():
            return
        top = widget.mapTo(content, part.topLeft()).y()
        bottom = top + part.height()
        view = self._area.viewport().height()
        below = bar.value() + view - (self.fade.height() if bar.value() < bar.maximum() else 0)
        if top < bar.value():
            bar.setValue(top)
        elif bottom > below:
            bar.setValue(min(top, bottom - view + self.fade.height()))

    def _clear_strip(self, side: int) -> int:
        """With `keep_clear`, the room kept for the arrow while the content is taller than the area (so,
        whatever is scrolled, while it scrolls at all): a strip under the text as tall as the arrow, or, in
        an area too short to give up that height (a line or two under a practice), a strip beside the text
        at the reading's end, where the arrow and the scroll bar are. Returns the strip under the text."""
        area, content = self._area, self._area.widget()
        now = area.viewportMargins()
        if not self._keep_clear or content is None or self._placing:
            return now.bottom()
        width = area.viewport().width()
        needed = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        room = area.contentsRect().height()
        wanted = QMargins()
        if needed > room and room >= 3 * side:
            wanted.setBottom(side)
        elif needed > room:
            beside = max(0, side - area.verticalScrollBar().sizeHint().width())
            if area.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                wanted.setLeft(beside)
            else:
                wanted.setRight(beside)
        if wanted != now:
            self._placing = True
            try:
                area.setViewportMargins(wanted)  # lays the area out again: the range follows
            finally:
                self._placing = False
        return wanted.bottom()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.FontChange):
            self.refresh()
        return False

    def refresh(self, *_args: int) -> None:
        area, bar = self._area, self._area.verticalScrollBar()
        text = area.font().pixelSize()  # the text's size (a script's line height would be half as much again)
        side = max(MIN_TOUCH, round(text * 1.4))
        strip = self._clear_strip(side)
        more = bar.value() < bar.maximum()
        self.fade.setVisible(more)
        self.arrow.setVisible(more)
        if not more:
            return
        port = area.viewport().geometry()
        fade = min(port.height() // 6, side // 2)
        self.fade.setGeometry(QRect(port.left(), port.bottom() + 1 - fade, port.width(), fade))
        # At the end of the scroll bar, over its own arrow down (which does the same), as far from
        # the practice's middle as it can be.
        rtl = area.layoutDirection() == Qt.LayoutDirection.RightToLeft
        corner = QPoint(0 if rtl else area.width() - side, port.bottom() + 1 + strip - side)
        holder = self.arrow.parentWidget()
        if holder is not None and holder is not area:
            corner = area.mapTo(holder, corner)
        self.arrow.setGeometry(QRect(corner, QSize(side, side)))
        self.fade.raise_()
        self.arrow.raise_()
