"""A practice web page: a simulated site's header, labelled fields and one button.

Used by "type it in" and "the code arrives by SMS". Nothing typed here leaves the
widget: no history, no input-method memory, cleared when the step is left.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.domain.exercises import Strength, password_strength
from coach.ui.player.exercises.base import press_button
from coach.ui.widgets import NarrowLineEdit

_METER_COLOURS = {0: "#c92a2a", 1: "#c92a2a", 2: "#e8590c", 3: "#2f9e44", 4: "#1e7a3c"}


class StrengthMeter(QWidget):
    """Four bars that fill as the password grows stronger, and the word for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strength = Strength.TOO_WEAK
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.bars = _Bars(self)
        self.word = QLabel()
        self.word.setProperty("role", "small")
        row.addWidget(self.bars, 1)
        row.addWidget(self.word)

    def set_strength(self, strength: Strength, word: str) -> None:
        self.strength = strength
        self.word.setText(word)
        self.setAccessibleName(word)
        self.bars.update()


class _Bars(QWidget):
    def __init__(self, meter: StrengthMeter) -> None:
        super().__init__(meter)
        self._meter = meter

    def sizeHint(self) -> QSize:  # noqa: N802
        em = self.fontMetrics().height()
        return QSize(em * 8, max(10, em // 2))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        gap = 6
        width = (self.width() - 3 * gap) / 4
        level = int(self._meter.strength)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for index in range(4):
            position = 3 - index if rtl else index
            p.setBrush(QColor(_METER_COLOURS[level] if index < level else "#dee2e6"))
            p.drawRoundedRect(QRectF(position * (width + gap), 0, width, self.height()), 4, 4)


class PracticeField(QWidget):
    """A label above a line edit; a password field adds a Show button and a strength meter."""

    def __init__(self, field_id: str, password: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_id = field_id
        self.setProperty("shown-whole", True)  # the focus in it scrolls it into view with its label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.edit = NarrowLineEdit()
        self.edit.setProperty("role", "practice-field")
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
        self.label.setBuddy(self.edit)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        layout.addLayout(row)
        self.show_button: QPushButton | None = None
        self.meter: StrengthMeter | None = None
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.show_button = press_button("nav")
            self.show_button.setCheckable(True)
            self.show_button.toggled.connect(self._reveal)
            row.addWidget(self.show_button)
            self.meter = StrengthMeter()
            layout.addWidget(self.meter)

    def _reveal(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def set_invalid(self, invalid: bool) -> None:
        self.edit.setProperty("invalid", "yes" if invalid else "no")
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def strength(self) -> Strength:
        return password_strength(self.edit.text())


class SiteBand(QFrame):
    """The site's coloured band: its made-up name, and the practice mark beside it, or under it
    when the two do not fit on one line (200 % text beside the worker's panel: side by side, the
    name wrapped into four lines and pushed the fields out of sight)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "practice-band")
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(12, 6, 12, 6)
        self.site = QLabel()
        self.site.setProperty("role", "practice-site")
        self.site.setWordWrap(True)
        self.mark = QLabel()
        self.mark.setProperty("role", "practice-mark")
        self.mark.setWordWrap(True)
        self._row.addWidget(self.site, 1)
        self._row.addWidget(self.mark)

    def stacked(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def event(self, event: QEvent) -> bool:
        # A resize, or a label's new text or font (which asks its parent for a new layout).
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._fit()
        return super().event(event)

    def _fit(self) -> None:
        margins = self._row.contentsMargins()
        one_line = (self.site.fontMetrics().horizontalAdvance(self.site.text())
                    + self.mark.fontMetrics().horizontalAdvance(self.mark.text())
                    + self._row.spacing() + margins.left() + margins.right())
        direction = (QBoxLayout.Direction.LeftToRight if one_line <= self.width()
                     else QBoxLayout.Direction.TopToBottom)
        if self._row.direction() != direction:
            self._row.setDirection(direction)


class PracticeForm(QFrame):
    """The simulated site: its name in a coloured band, a "practice" mark, fields, a button."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "practice-page")
        # Never shorter than its fields need (Maximum squeezed each line edit by a few pixels).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 16)
        layout.setSpacing(8)  # 3 fields and the button in 478 px in Arabic at 100 %
        self.band = SiteBand()
        self.site, self.practice_mark = self.band.site, self.band.mark
        layout.addWidget(self.band)
        self._fields_layout = QVBoxLayout()
        self._fields_layout.setContentsMargins(24, 0, 24, 0)
        self._fields_layout.setSpacing(8)
        layout.addLayout(self._fields_layout)
        self.button = press_button("primary")
        """The site's button, under the fields (or kept in sight by the view: `pin_action`)."""
        self.button.clicked.connect(self.submitted)
        self.button_row = QHBoxLayout()
        self.button_row.setContentsMargins(24, 0, 24, 0)
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.button)
        layout.addLayout(self.button_row)
        self.fields: list[PracticeField] = []

    def add_field(self, field_id: str, password: bool = False) -> PracticeField:
        field = PracticeField(field_id, password)
        field.edit.returnPressed.connect(self.submitted)
        self._fields_layout.addWidget(field)
        self.fields.append(field)
        return field

    def add_widget(self, widget: QWidget) -> None:
        self._fields_layout.addWidget(widget)

    def answers(self) -> dict[str, str]:
        return {field.field_id: field.edit.text() for field in self.fields}

    def clear(self) -> None:
        """Forget every answer (practice data is never kept)."""
        for field in self.fields:
            field.edit.clear()
