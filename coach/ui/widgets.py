"""Small widgets the screens share: a picture that scales, a big tile, step dots."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from coach.ui.icons import picture_size, render_picture
from coach.ui.theme import MIN_TOUCH


class NarrowLineEdit(QLineEdit):
    """A line edit that may be as narrow as 8 Latin letters: Qt's own minimum width comes
    from the font's widest glyph (358 px for Noto Sans Arabic at 200 %), which pushed the
    practice forms and the worker's panel past their edge, the text cut off at the side."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("x" * 8) + 24), hint.height())


class PictureView(QWidget):
    """Shows a picture as large as its space allows, keeping its proportions."""

    def __init__(self, minimum: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = b""
        self._natural = QSize()
        self._cache_key: tuple[int, int] | None = None
        self._pixmap: QPixmap | None = None
        self._minimum = minimum
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_picture(self, data: bytes) -> None:
        self._data = data
        self._natural = picture_size(data) if data else QSize()
        self._cache_key = None
        self.updateGeometry()
        self.update()

    def has_picture(self) -> bool:
        return bool(self._data) and not self._natural.isEmpty()

    def sizeHint(self) -> QSize:  # noqa: N802
        # Modest on purpose: scroll areas size their page from the preferred heights,
        # so a tall hint would push the buttons below the fold when text is large.
        # The Expanding policy still lets the picture take all the room left.
        return QSize(self._minimum * 2, self._minimum)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._minimum, self._minimum)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._cache_key = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._data:
            return
        key = (self.width(), self.height())
        if self._cache_key != key:
            self._pixmap = render_picture(self._data, self.size(), ratio=self.devicePixelRatioF())
            self._cache_key = key
        if self._pixmap is None or self._pixmap.isNull():
            return
        shown = self._pixmap.deviceIndependentSize()
        painter = QPainter(self)
        painter.drawPixmap(
            QPointF((self.width() - shown.width()) / 2, (self.height() - shown.height()) / 2), self._pixmap
        )


class Tile(QPushButton):
    """A big pressable card: a picture above a title that wraps instead of clipping."""

    def __init__(self, picture: bytes, width: int = 220, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(True)  # Enter presses the focused button, as Space does
        # A button is fixed in height; a tile may grow to its row's tallest neighbour.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self._width = width
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.picture = PictureView(minimum=96)
        self.picture.set_picture(picture)
        self.picture.setFixedHeight(round(width * 0.6))
        self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def set_tile_width(self, width: int) -> None:
        self._width = width
        self.picture.setFixedHeight(round(width * 0.6))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self._layout
        margins = layout.contentsMargins()
        inner = self._width - margins.left() - margins.right()
        text_height = self.title.heightForWidth(inner)
        height = margins.top() + self.picture.height() + layout.spacing() + text_height + margins.bottom()
        return QSize(self._width, max(height, MIN_TOUCH))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False


class WrappingButton(QPushButton):
    """A button whose label wraps onto more lines instead of being cut: long labels in a narrow panel.

    It never gets narrower than its longest word, and is at least 48 px high.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setProperty("role", "button-label")
        inner = self.inner = QVBoxLayout(self)
        inner.setContentsMargins(10, 6, 10, 6)
        inner.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toggled.connect(self._restyle)
        if text:
            self.set_label(text)

    def set_label(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self._fit_longest_word()

    def _fit_longest_word(self) -> None:
        """Qt sizes the button from its inner layout: the label must never be narrower than a word."""
        self.label.setMinimumWidth(self._longest_word())
        self.updateGeometry()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_longest_word()

    def text_shown(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 - the label shows it, wrapped
        self.set_label(text)

    def text(self) -> str:
        return self.label.text()

    def _restyle(self, checked: bool) -> None:
        self.label.setProperty("on", checked)  # the style sheet gives a checked label the accent's ink
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def _longest_word(self) -> int:
        metrics = self.label.fontMetrics()
        return max((metrics.horizontalAdvance(word) for word in self.label.text().split()), default=0)

    def _chrome(self) -> int:
        margins = self.inner.contentsMargins()
        return margins.left() + margins.right() + 12

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # As Qt's layouts compute it (they ask the inner layout, not this method).
        return max(MIN_TOUCH, self.inner.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802
        width = min(self.label.sizeHint().width(), 240) + self._chrome()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = max(MIN_TOUCH, self.inner.totalMinimumSize().width())
        return QSize(width, self.heightForWidth(width))


class StepDots(QWidget):
    """One dot per step: done steps filled, the current one larger and ringed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._current = 0
        self._colour = QColor("#1d5fa8")
        self._empty = QColor("#767f8a")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_colours(self, filled: str, empty: str) -> None:
        self._colour, self._empty = QColor(filled), QColor(empty)
        self.update()

    def set_progress(self, current: int, count: int) -> None:
        self._current, self._count = current, count
        self.updateGeometry()
        self.update()

    def _dot(self) -> int:
        return max(12, self.fontMetrics().height() // 2)

    def sizeHint(self) -> QSize:  # noqa: N802
        dot = self._dot()
        return QSize(max(1, self._count) * dot * 2, dot * 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._count <= 0:
            return
        dot = self._dot()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = self._count * dot * 2
        start = (self.width() - total) / 2 + dot
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for index in range(self._count):
            position = self._count - 1 - index if rtl else index
            centre = QPointF(start + position * dot * 2, self.height() / 2)
            radius = dot * (0.55 if index == self._current else 0.35)
            painter.setPen(self._colour if index <= self._current else self._empty)
            painter.setBrush(self._colour if index <= self._current else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius, radius)


def refresh_layouts(root: QWidget) -> None:
    """Make every layout under `root` re-measure its widgets.

    Fonts that arrive through style sheets (text scale, script fonts) change size
    hints without always invalidating the cached height-for-width of the layouts
    around them; the page would then keep squeezing buttons to their minimum.
    """
    for widget in (root, *root.findChildren(QWidget)):
        layout = widget.layout()
        if layout is not None:
            layout.invalidate()


def scrolling_page(page: QWidget, margins: tuple[int, int, int, int] = (32, 24, 32, 24),
                   spacing: int = 16) -> tuple[QScrollArea, QVBoxLayout]:
    """Give `page` a frameless scroll area filling it; return it and the layout to fill.

    Every screen scrolls rather than clips when the text is large or the window small.
    The area itself takes no focus: Tab goes to the controls in it (the area scrolls to
    each), and a screen reader meets no unnamed "filler" stop.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    outer.addWidget(scroll)
    content = QWidget()
    scroll.setWidget(content)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    return scroll, layout
