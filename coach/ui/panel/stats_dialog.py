"""Figures for funders from the menu: a date range, then a CSV with nothing identifying in it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coach.records.errors import RecordsError, describe
from coach.ui.language_state import LanguageState

if TYPE_CHECKING:
    from coach.records.records import Records


def write_figures(records: Records, path: Path, date_from: date, date_to: date) -> None:
    """The CSV of coach.records.stats for [date_from, date_to]; ValueError when the range is reversed."""
    if date_to < date_from:
        raise ValueError("the period ends before it starts")
    records.write_stats_csv(path, date_from, date_to)


class StatsDialog(QDialog):
    def __init__(self, languages: LanguageState, records: Records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _ = languages.worker_strings().gettext
        self._records = records
        self._ = _
        self.setWindowTitle(_("Figures for funders"))
        layout = QVBoxLayout(self)
        explain = QLabel(_("Visits per month, languages, lessons done and changes of autonomy level. "
                           "No pseudonym, code or note is in the file."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate(today.year(), 1, 1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setMinimumHeight(48)
        form.addRow(_("From"), self.date_from)
        form.addRow(_("To"), self.date_to)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _save(self) -> None:
        _ = self._
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        name = f"coach-figures-{start.isoformat()}-{end.isoformat()}.csv"
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Save the figures"), str(Path.home() / name), "CSV (*.csv)")
        if not target:
            return
        try:
            write_figures(self._records, Path(target), start, end)
        except (RecordsError, ValueError, OSError) as exc:
            self.status.setText(_("The figures could not be saved: {reason}").format(reason=describe(exc, _)))
            return
        self.status.setText(_("Saved: {files}").format(files=target))
