"""The client's autonomy levels per skill across visits, as a small line chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from coach.records.models import RatingPoint


class ProgressChart(QChartView):
    """One line per skill (the worker's levels), 0 "done for" to 3 "autonomous"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(self._chart.margins() * 0)
        self.setChart(self._chart)
        self.series: dict[str, QLineSeries] = {}

    def show_history(self, history: Mapping[str, Sequence[RatingPoint]], names: Mapping[str, str],
                     date_label: str, level_label: str) -> None:
        """Draw `history` (skill -> points); `names` gives each skill's title in the worker's language."""
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.series.clear()
        times = QDateTimeAxis()
        times.setFormat("dd/MM/yy")
        times.setTitleText(date_label)
        levels = QValueAxis()
        levels.setRange(0, 3)
        levels.setTickCount(4)
        levels.setLabelFormat("%d")
        levels.setTitleText(level_label)
        chart.addAxis(times, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(levels, Qt.AlignmentFlag.AlignLeft)
        first = last = None
        for skill, points in history.items():
            worker_points = [p for p in points if str(p.by) == "worker"]
            if not worker_points:
                continue
            line = QLineSeries()
            line.setName(names.get(skill, skill))
            line.setPointsVisible(True)
            for point in worker_points:
                moment = QDateTime.fromSecsSinceEpoch(int(point.at.timestamp()))
                line.append(moment.toMSecsSinceEpoch(), int(point.level))
                first = moment if first is None or moment < first else first
                last = moment if last is None or moment > last else last
            chart.addSeries(line)
            line.attachAxis(times)
            line.attachAxis(levels)
            self.series[skill] = line
        if first is not None and last is not None:
            times.setRange(first.addDays(-1), last.addDays(1))
        self.setAccessibleDescription(
            "; ".join(f"{names.get(s, s)}: {' → '.join(str(int(p.level)) for p in pts if str(p.by) == 'worker')}"
                      for s, pts in history.items())
        )
