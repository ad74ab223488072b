"""The client's autonomy levels per skill across visits, as a small line chart.

One numbering everywhere: the levels are drawn 1 to 4 with their names on the
axis, as on the level buttons and keys. One point per visit date (the dates on the
axis are the visits', each written once, in the worker's way), one line per skill,
and the skills listed under the chart, where a long name wraps instead of being cut.

Its text alternative, for everyone: "Show as a table" puts in the chart's place a table
of the same levels, a visit a row and a skill a column, that a screen reader reads cell
by cell with its headers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coach.domain.autonomy import AutonomyLevel
from coach.records.models import RatingPoint
from coach.ui.language_state import LanguageState
from coach.ui.widgets import WrappingButton

LINE_COLOURS = ("#1d5fa8", "#b3411b", "#1e7a3c", "#6f42c1", "#8a6d00", "#0b7285")


def format_day(day: date, tag: str) -> str:
    """A visit's date as the worker writes it (Babel, the worker's locale)."""
    from babel.dates import format_date

    try:
        return format_date(day, format="short", locale=tag.replace("-", "_"))
    except (ValueError, LookupError):
        return day.isoformat()


class ProgressChart(QWidget):
    """The chart, and under it the skills with their colours and levels (also its text alternative)."""

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(280)
        self._chart = QChart()
        self._chart.legend().setVisible(False)  # listed below instead: a legend inside the chart gets cut
        self._chart.setMargins(self._chart.margins() * 0)
        self.view.setChart(self._chart)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as tall as its rows
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the panel's width
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.setVisible(False)
        self.as_table = WrappingButton()
        self.as_table.setCheckable(True)
        self.as_table.setAutoDefault(True)
        self.as_table.toggled.connect(self._show_as_table)
        layout.addWidget(self.as_table)
        layout.addWidget(self.view)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        self.series: dict[str, QLineSeries] = {}
        self._history: Mapping[str, Sequence[RatingPoint]] = {}
        self._names: Mapping[str, str] = {}

    def clear(self) -> None:
        self.show_history({}, {})

    def show_history(self, history: Mapping[str, Sequence[RatingPoint]], names: Mapping[str, str]) -> None:
        """Draw `history` (skill -> points); `names` gives each skill's title in the worker's language."""
        self._history, self._names = history, names
        _ = self._languages.worker_strings().gettext
        tag = self._languages.worker.tag
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.series.clear()
        worker_points = {skill: [p for p in points if str(p.by) == "worker"] for skill, points in history.items()}
        worker_points = {skill: points for skill, points in worker_points.items() if points}
        days = sorted({point.at.date() for points in worker_points.values() for point in points})
        position = {day: index for index, day in enumerate(days)}
        visits = QCategoryAxis()
        visits.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for day in days:
            visits.append(format_day(day, tag), position[day])
        visits.setRange(-0.5, max(len(days) - 0.5, 0.5))
        levels = QCategoryAxis()
        levels.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for level in AutonomyLevel:  # the axis draws HTML: long names go on two lines, never cut
            levels.append(_wrapped(f"{level.number} · {_(level.label)}"), int(level))
        levels.setRange(-0.3, 3.3)
        chart.addAxis(visits, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(levels, Qt.AlignmentFlag.AlignLeft)
        legend_rows = []
        levels_by_skill: dict[str, dict[date, int]] = {}
        for index, (skill, points) in enumerate(worker_points.items()):
            colour = LINE_COLOURS[index % len(LINE_COLOURS)]
            line = QLineSeries()
            line.setName(names.get(skill, skill))
            line.setPointsVisible(True)
            pen = line.pen()
            pen.setColor(QColor(colour))
            pen.setWidth(3)
            line.setPen(pen)
            last_per_day: dict[date, int] = {}
            for point in points:  # a visit's last level counts; one point per visit date
                last_per_day[point.at.date()] = int(point.level)
            for visit_day, day_level in sorted(last_per_day.items()):
                line.append(position[visit_day], day_level)
            chart.addSeries(line)
            line.attachAxis(visits)
            line.attachAxis(levels)
            self.series[skill] = line
            levels_by_skill[skill] = last_per_day
            steps = " → ".join(str(AutonomyLevel(value).number) for _day, value in sorted(last_per_day.items()))
            legend_rows.append((colour, names.get(skill, skill), steps))
        self.legend.setText("<br>".join(
            f'<span style="color:{colour}">■</span> {_escape(name)}: {steps}' for colour, name, steps in legend_rows)
            if legend_rows else _("No level recorded yet."))
        self.view.setAccessibleName(_("Progress across visits"))
        self.view.setAccessibleDescription("; ".join(f"{name}: {steps}" for _c, name, steps in legend_rows)
                                           or _("No level recorded yet."))
        self._fill_table(days, levels_by_skill)
        self.as_table.set_label(_("Show as a table"))
        self.as_table.setAccessibleDescription(_("The same levels as a table: a visit a row, a skill a column."))

    def _fill_table(self, days: list[date], levels_by_skill: dict[str, dict[date, int]]) -> None:
        """The chart's levels as a table: a row per visit date, a column per skill."""
        _ = self._languages.worker_strings().gettext
        tag = self._languages.worker.tag
        table = self.table
        table.clear()
        skills = list(levels_by_skill)
        table.setRowCount(len(days))
        table.setColumnCount(len(skills))
        table.setHorizontalHeaderLabels([self._names.get(skill, skill) for skill in skills])
        table.setVerticalHeaderLabels([format_day(day, tag) for day in days])
        for row, day in enumerate(days):
            for column, skill in enumerate(skills):
                value = levels_by_skill[skill].get(day)
                text = (f"{AutonomyLevel(value).number} · {_(AutonomyLevel(value).label)}" if value is not None
                        else _("not recorded"))
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        table.setAccessibleName(_("Progress across visits"))
        table.setAccessibleDescription(_("The same levels as a table: a visit a row, a skill a column."))

    def _show_as_table(self, as_table: bool) -> None:
        self.table.setVisible(as_table)
        self.view.setVisible(not as_table)

    def retranslate(self) -> None:
        self.show_history(self._history, self._names)


def _wrapped(text: str, width: int = 16) -> str:
    """`text` as HTML lines of about `width` characters (words are never split)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(_escape(line) for line in lines)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
