"""Touch the right place: the step's picture, with target areas only the rules know.

A touch or click inside a target is right. Elsewhere gets a gentle spoken hint; from
the second wrong touch on, the targets pulse. With the keyboard, the arrow keys move
a ring over the picture (in steps of a twelfth of it) and Enter or Space touches
there. In right-to-left languages the picture and its targets are mirrored, unless
the pack says `mirror = false`.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.domain.exercises import Area, TouchExercise
from coach.domain.pack import Text
from coach.ui.icons import is_svg, render_picture, svg_renderer
from coach.ui.player.exercises.base import ExerciseContext, ExerciseView
from coach.ui.theme import colours

STEPS = 12
"""The keyboard ring moves by 1/STEPS of the picture's width or height."""


def picture_extent(data: bytes) -> QSize:
    """The picture's own units, in which targets are written: an SVG's viewBox, else pixels."""
    if is_svg(data):
        renderer = svg_renderer(data)
        if renderer is None:
            return QSize()
        box = renderer.viewBoxF()
        return QSize(round(box.width()), round(box.height())) if not box.isEmpty() else renderer.defaultSize()
    from PySide6.QtGui import QImage

    return QImage.fromData(data).size()


class TouchArea(QWidget):
    """The picture as large as fits; reports touches in the picture's own units."""

    touched = Signal(float, float)

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._extent = picture_extent(data)
        self._pixmap: QPixmap | None = None
        self._cache: tuple[int, int, bool] | None = None
        self.mirrored = False
        self.targets: tuple[Area, ...] = ()
        self.show_targets = False
        self.solved = False
        self.cursor_at = QPointF(self._extent.width() / 2, self._extent.height() / 2)
        self.keyboard_used = False
        self._pulse = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(900)
        self._animation.setLoopCount(3)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._animation.valueChanged.connect(self._on_pulse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def extent(self) -> QSize:
        return self._extent

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 220)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 140)

    def pulse(self) -> None:
        """Make the targets pulse a few times (a visual cue only; nothing waits for it)."""
        self.show_targets = True
        self._animation.stop()
        self._animation.start()

    def _on_pulse(self, value: object) -> None:
        self._pulse = float(value)  # type: ignore[arg-type]
        self.update()

    # -- geometry -------------------------------------------------------------------
    def picture_rect(self) -> QRectF:
        """Where the picture is drawn in the widget."""
        if self._extent.isEmpty():
            return QRectF()
        shown = QSize(self._extent).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF((self.width() - shown.width()) / 2, (self.height() - shown.height()) / 2,
                      shown.width(), shown.height())

    def to_picture(self, point: QPointF) -> QPointF | None:
        rect = self.picture_rect()
        if rect.isEmpty() or not rect.contains(point):
            return None
        scale = self._extent.width() / rect.width()
        return QPointF((point.x() - rect.x()) * scale, (point.y() - rect.y()) * scale)

    def to_widget(self, point: QPointF) -> QPointF:
        rect = self.picture_rect()
        scale = rect.width() / max(1, self._extent.width())
        return QPointF(rect.x() + point.x() * scale, rect.y() + point.y() * scale)

    def area_rect(self, area: Area) -> QRectF:
        top_left = self.to_widget(QPointF(area.x, area.y))
        scale = self.picture_rect().width() / max(1, self._extent.width())
        return QRectF(top_left.x(), top_left.y(), area.width * scale, area.height * scale)

    # -- input ------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.to_picture(event.position())
        if point is not None:
            self.cursor_at = point
            self.touched.emit(point.x(), point.y())

    def event(self, event: QEvent) -> bool:
        # The arrows move the ring here; the lesson page's arrow shortcuts must not take them.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and event.key() in (
            Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        width, height = self._extent.width(), self._extent.height()
        moves = {
            Qt.Key.Key_Left: (-width / STEPS, 0), Qt.Key.Key_Right: (width / STEPS, 0),
            Qt.Key.Key_Up: (0, -height / STEPS), Qt.Key.Key_Down: (0, height / STEPS),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dx, dy = moves[key]
            self.keyboard_used = True
            self.cursor_at = QPointF(min(max(self.cursor_at.x() + dx, 0), width),
                                     min(max(self.cursor_at.y() + dy, 0), height))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.keyboard_used = True
            self.update()
            self.touched.emit(self.cursor_at.x(), self.cursor_at.y())
        else:
            super().keyPressEvent(event)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        rect = self.picture_rect()
        if rect.isEmpty():
            return
        key = (round(rect.width()), round(rect.height()), self.mirrored)
        if self._cache != key:
            pixmap = render_picture(self._data, rect.size().toSize(), ratio=self.devicePixelRatioF())
            if self.mirrored and not pixmap.isNull():
                ratio = pixmap.devicePixelRatio()
                pixmap = pixmap.transformed(QTransform.fromScale(-1, 1))
                pixmap.setDevicePixelRatio(ratio)
            self._pixmap, self._cache = pixmap, key
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._pixmap is not None:
            painter.drawPixmap(rect.topLeft(), self._pixmap)
        c = colours(False)
        if self.show_targets or self.solved:
            colour = QColor(c.done if self.solved else "#e8590c")
            grow = 0 if self.solved else 6 * self._pulse
            for area in self.targets:
                shape = self.area_rect(area).adjusted(-grow, -grow, grow, grow)
                painter.setPen(QPen(colour, 5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(shape, 10, 10)
        if self.keyboard_used or self.hasFocus():
            centre = self.to_widget(self.cursor_at)
            radius = max(14.0, rect.width() / STEPS / 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffffff"), 7))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QPen(QColor(c.focus if self.hasFocus() else c.accent), 4))
            painter.drawEllipse(centre, radius, radius)
        if self.hasFocus():
            painter.setPen(QPen(QColor(c.focus), 4))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))


class TouchView(ExerciseView):
    """The touch exercise: a TouchArea and the shared feedback line."""

    def __init__(self, context: ExerciseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        exercise = context.step.exercise
        assert isinstance(exercise, TouchExercise)
        self.exercise = exercise
        self.area = TouchArea(context.picture(context.step.picture))
        self.area.touched.connect(self.touch)
        self.body.addWidget(self.area, 1)
        self._wrong = 0
        self.retranslate(context)

    def hint_text(self) -> Text:
        return self.exercise.hint

    def touch(self, x: float, y: float) -> None:
        """A touch at (x, y) in the picture's units, as the client sees the picture."""
        if self.done:
            return
        width = self.area.extent.width()
        if self.exercise.is_right(x, y, width, self.context.rtl):
            self.right()
        else:
            self._wrong += 1
            self.wrong()

    def on_hint(self) -> None:
        if self._wrong >= 2:  # from the second wrong touch on, show where
            self.area.pulse()

    def ask_hint(self) -> None:
        super().ask_hint()
        self.area.pulse()

    def on_solved(self) -> None:
        self.area.solved = True
        self.area.update()

    def shown_targets(self) -> tuple[Area, ...]:
        return self.exercise.shown_targets(self.area.extent.width(), self.context.rtl)

    def retranslate(self, context: ExerciseContext) -> None:
        super().retranslate(context)
        self.area.mirrored = context.rtl and self.exercise.mirror
        self.area.targets = self.shown_targets()
        description = context.text(context.step.picture_description)
        self.area.setAccessibleName(context.gettext("Picture to touch"))
        self.area.setAccessibleDescription(
            description + " " + context.gettext("Arrow keys move the ring; Enter touches.")
        )
        self.area.update()

    def first_focus(self) -> QWidget:
        return self.area
