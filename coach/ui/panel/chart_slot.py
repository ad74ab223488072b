"""The progress chart's place in the visit view; the chart, and QtCharts with it, come when first shown.

The panel starts on the records gate: a chart nobody sees yet must not be built (and
drawn twice) before the window's first frame. The slot keeps what the chart is to
show and hands it over when the chart is made: when the slot is first shown, or when
anything of the chart itself is asked for (`slot.view`, `slot.series`…).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.ui.focus_chain import stop_before, tab_after
from coach.ui.language_state import LanguageState

if TYPE_CHECKING:
    from coach.records.models import RatingPoint
    from coach.ui.panel.chart import ProgressChart


class ChartSlot(QWidget):
    """Holds the `ProgressChart` once it is made; until then, what it will draw."""

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._made: ProgressChart | None = None
        self._history: Mapping[str, Sequence[RatingPoint]] = {}
        self._names: Mapping[str, str] = {}
        self._name = ""

    @property
    def chart(self) -> ProgressChart:
        """The chart, made now if it was not yet (in its place in the Tab order)."""
        if self._made is None:
            from coach.ui.panel.chart import ProgressChart

            chart = ProgressChart(self._languages)
            chart.setAccessibleName(self._name)
            chart.show_history(self._history, self._names)
            self._layout.addWidget(chart)
            anchor = stop_before(self)
            if anchor is not None:
                tab_after(anchor, chart)
            self._made = chart
        return self._made

    def __getattr__(self, name: str) -> Any:
        """Anything else is the chart's (its view, series, legend…)."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.chart, name)

    def show_history(self, history: Mapping[str, Sequence[RatingPoint]], names: Mapping[str, str]) -> None:
        self._history, self._names = history, names
        if self._made is not None:
            self._made.show_history(history, names)

    def clear(self) -> None:
        self.show_history({}, {})

    def retranslate(self) -> None:
        if self._made is not None:
            self._made.retranslate()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        """The name is the chart's: the slot is only its place (one named thing to a screen reader, not two)."""
        self._name = name
        if self._made is not None:
            self._made.setAccessibleName(name)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        _ = self.chart
        super().showEvent(event)
