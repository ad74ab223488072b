"""The simulated phone: one widget, drawn for Coach (no brand), that exercises drive.

It shows a home screen with app icons, a messages screen, any practice screen (a
web form) and a message arriving as a banner at the top. Its size follows the text
size (it is measured in lines of text), and its layouts mirror in right-to-left
languages like every other widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontInfo, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.ui.player.speech_controls import SpokenText
from coach.ui.theme import Colours, colours

BODY = "#2d3748"


def _em(widget: QWidget) -> int:
    return max(12, widget.fontMetrics().height())


def _size_em(widget: QWidget) -> int:
    """The text size as a line of Latin text (4/3 of the font's pixel size), the same in every script;
    Arabic fonts' lines are half as tall again, and a bezel drawn in those lines hid the messages."""
    return max(12, round(QFontInfo(widget.font()).pixelSize() * 4 / 3))


class AppIcon(QWidget):
    """One app on the home screen: a coloured square with a simple drawn sign, and its name."""

    GLYPHS = ("messages", "phone", "internet", "camera", "mail", "settings")
    COLOURS = {"messages": "#2f9e44", "phone": "#37b24d", "internet": "#1d5fa8", "camera": "#495057",
               "mail": "#e8590c", "settings": "#868e96"}

    def __init__(self, glyph: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glyph = glyph
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.square = _Glyph(glyph)
        self.name = QLabel()
        self.name.setProperty("role", "phone-small")
        self.name.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.square, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.name)


class _Glyph(QWidget):
    def __init__(self, glyph: str) -> None:
        super().__init__()
        self.glyph = glyph

    def sizeHint(self) -> QSize:  # noqa: N802
        side = round(_em(self) * 2.2)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        side = min(self.width(), self.height())
        r = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(AppIcon.COLOURS[self.glyph]))
        p.drawRoundedRect(r, side * 0.22, side * 0.22)
        p.setPen(QPen(QColor("#ffffff"), max(2.0, side / 14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        c, u = r.center(), side / 10
        if self.glyph == "messages":
            p.setBrush(QColor("#ffffff"))
            p.drawRoundedRect(QRectF(c.x() - 3 * u, c.y() - 2.2 * u, 6 * u, 4 * u), u, u)
        elif self.glyph == "phone":
            path = QPainterPath(QPointF(c.x() - 2.5 * u, c.y() - 2.5 * u))
            path.quadTo(QPointF(c.x() - 2.5 * u, c.y() + 2.5 * u), QPointF(c.x() + 2.5 * u, c.y() + 2.5 * u))
            p.drawPath(path)
        elif self.glyph == "internet":
            p.drawEllipse(c, 3 * u, 3 * u)
            p.drawLine(QPointF(c.x() - 3 * u, c.y()), QPointF(c.x() + 3 * u, c.y()))
            p.drawEllipse(c, 1.3 * u, 3 * u)
        elif self.glyph == "camera":
            p.drawRoundedRect(QRectF(c.x() - 3 * u, c.y() - 2 * u, 6 * u, 4.2 * u), u * 0.6, u * 0.6)
            p.drawEllipse(QPointF(c.x(), c.y() + 0.1 * u), 1.2 * u, 1.2 * u)
        elif self.glyph == "mail":
            p.drawRect(QRectF(c.x() - 3 * u, c.y() - 2 * u, 6 * u, 4 * u))
            p.drawPolyline([QPointF(c.x() - 3 * u, c.y() - 2 * u), QPointF(c.x(), c.y() + 0.5 * u),
                            QPointF(c.x() + 3 * u, c.y() - 2 * u)])
        else:
            p.drawEllipse(c, 2.6 * u, 2.6 * u)
            p.drawEllipse(c, 0.9 * u, 0.9 * u)


class MessageBubble(QFrame):
    """One received message: the sender in small type above its text (which can be read aloud)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "phone-bubble")
        layout = QVBoxLayout(self)
        self.from_label = QLabel()
        self.from_label.setProperty("role", "phone-small")
        self.text = SpokenText()
        self.text.setProperty("role", "phone-text")
        layout.addWidget(self.from_label)
        layout.addWidget(self.text)


class Banner(QPushButton):
    """A message arriving: its sender and text, wrapped (a button's own text would be cut)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "phone-banner")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(True)
        self.box = QVBoxLayout(self)
        self.from_label = QLabel()
        self.from_label.setProperty("role", "phone-banner-from")
        self.message = QLabel()
        self.message.setProperty("role", "phone-banner-text")
        self.message.setWordWrap(True)
        for label in (self.from_label, self.message):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.box.addWidget(label)

    def set_message(self, sender: str, text: str) -> None:
        self.from_label.setText(sender)
        self.message.setText(text)
        self.setAccessibleName(f"{sender}: {text}")
        self.updateGeometry()

    def message_text(self) -> str:
        return f"{self.from_label.text()}\n{self.message.text()}"

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.box.sizeHint().expandedTo(QSize(48, 48))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(48, 48)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(48, self.box.heightForWidth(width))


class SimulatedPhone(QFrame):
    """A phone screen in a drawn body. Exercises choose what the screen shows."""

    banner_opened = Signal()
    """The client touched the message banner (the phone then shows the messages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "phone")
        self._colours: Colours = colours(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer = QVBoxLayout(self)
        self._outer = outer
        self.status = QHBoxLayout()
        self.clock = QLabel("9:41")
        self.clock.setProperty("role", "phone-small")
        self.signal = QLabel("▂▄▆")
        self.signal.setProperty("role", "phone-small")
        self.status.addWidget(self.clock)
        self.status.addStretch(1)
        self.status.addWidget(self.signal)
        outer.addLayout(self.status)
        self.banner = Banner()
        self.banner.setVisible(False)
        self.banner.clicked.connect(self._open_banner)
        outer.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.stack.setProperty("role", "phone-screen")
        outer.addWidget(self.stack, 1)
        self.home = QWidget()
        self._grid = QGridLayout(self.home)
        self.apps = [AppIcon(glyph) for glyph in AppIcon.GLYPHS]
        self.columns = 0
        self._arrange_apps(3)
        self.stack.addWidget(self.home)
        # The phone's own minimum is the 2-column home screen's (`minimumSizeHint`), not the
        # 3-column one its layout would impose: at 200 % text that was wider than the practice.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.messages = QWidget()
        self._messages_layout = QVBoxLayout(self.messages)
        self.messages_title = QLabel()
        self.messages_title.setProperty("role", "phone-title")
        self._messages_layout.addWidget(self.messages_title)
        self._messages_layout.addStretch(1)
        self.stack.addWidget(self.messages)
        self._screen: QWidget | None = None
        self._banner_message: tuple[str, str] | None = None
        self.bubbles: list[MessageBubble] = []
        self._apply_metrics()

    # -- what the screen shows ------------------------------------------------------------
    def screen_name(self) -> str:
        current = self.stack.currentWidget()
        return "home" if current is self.home else "messages" if current is self.messages else "screen"

    def show_home(self) -> None:
        self.stack.setCurrentWidget(self.home)

    def show_messages(self, title: str, messages: list[tuple[str, str]]) -> list[MessageBubble]:
        """The messages screen with (sender, text) bubbles, newest last; returns the bubbles."""
        for bubble in self.bubbles:
            self._messages_layout.removeWidget(bubble)
            bubble.deleteLater()
        self.bubbles = []
        self.messages_title.setText(title)
        for sender, text in messages:
            bubble = MessageBubble()
            bubble.from_label.setText(sender)
            bubble.text.set_plain_text(text)
            self._messages_layout.insertWidget(self._messages_layout.count() - 1, bubble)
            self.bubbles.append(bubble)
        self.stack.setCurrentWidget(self.messages)
        return self.bubbles

    def set_screen(self, widget: QWidget) -> None:
        """Show a practice screen (a web form, a list of messages to choose from)."""
        if self._screen is not None and self._screen is not widget:
            self.stack.removeWidget(self._screen)
        self._screen = widget
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def notify(self, sender: str, text: str, on_open: Callable[[], None] | None = None) -> None:
        """A message arrives: a banner at the top of the screen, which opens the messages."""
        self._banner_message = (sender, text)
        self._on_open = on_open
        self.banner.set_message(sender, text)
        self.banner.setVisible(True)

    def banner_text(self) -> str:
        return self.banner.message_text() if self.banner.isVisibleTo(self) else ""

    def _open_banner(self) -> None:
        self.banner.setVisible(False)
        callback = getattr(self, "_on_open", None)
        if callback is not None:
            callback()
        self.banner_opened.emit()

    def set_app_names(self, names: dict[str, str]) -> None:
        for app in self.apps:
            app.name.setText(names.get(app.glyph, ""))
            app.setAccessibleName(names.get(app.glyph, ""))

    def set_high_contrast(self, high: bool) -> None:
        self._colours = colours(high)
        self.update()

    # -- size and drawing -------------------------------------------------------------------
    def _bezel(self) -> tuple[int, int]:
        em = _size_em(self)
        return round(em * 0.8), round(em * 1.6)

    def _apply_metrics(self) -> None:
        side, ends = self._bezel()
        self._outer.setContentsMargins(side, ends, side, ends)
        self.setMaximumWidth(_em(self) * 20)  # a phone, not a tablet, whatever room it is given
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._apply_metrics()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        em = _em(self)
        return QSize(em * 15, em * 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self._outer.minimumSize()
        em = _em(self)
        width = inner.width()
        if self.columns == 3:  # it may go down to two columns of apps
            width -= self._home_width(3) - self._home_width(2)
        return QSize(max(_size_em(self) * 8, width), max(em * 14, inner.height()))

    def _home_width(self, columns: int) -> int:
        app = max(icon.minimumSizeHint().width() for icon in self.apps)
        margins = self._grid.contentsMargins()
        return columns * app + (columns - 1) * max(0, self._grid.horizontalSpacing()) + margins.left() + margins.right()

    def _arrange_apps(self, columns: int) -> None:
        """The home screen's apps in rows of `columns` (3, or 2 when a row of 3 is wider than the phone)."""
        if columns == self.columns:
            return
        self.columns = columns
        for app in self.apps:
            self._grid.removeWidget(app)
        for row in range(4):
            self._grid.setRowStretch(row, 0)
        for index, app in enumerate(self.apps):
            self._grid.addWidget(app, index // columns, index % columns)
        self._grid.setRowStretch(len(self.apps) // columns, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        side, _ends = self._bezel()
        self._arrange_apps(3 if self.width() - 2 * side >= self._home_width(3) else 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        c = self._colours
        side, ends = self._bezel()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor(c.border), 2))
        p.setBrush(QColor(BODY if c.window != "#000000" else "#000000"))
        p.drawRoundedRect(body, side * 2.2, side * 2.2)
        screen = body.adjusted(side * 0.6, ends * 0.6, -side * 0.6, -ends * 0.6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(c.surface))
        p.drawRoundedRect(screen, side, side)
        p.setBrush(QColor("#4a5568"))
        slot = QRectF(body.center().x() - side * 1.5, body.top() + ends * 0.22, side * 3, ends * 0.18)
        p.drawRoundedRect(slot, slot.height() / 2, slot.height() / 2)
        bar = QRectF(body.center().x() - side * 2, body.bottom() - ends * 0.4, side * 4, ends * 0.16)
        p.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
