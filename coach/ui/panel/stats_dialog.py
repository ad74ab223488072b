"""Figures for funders from the menu: a date range, then a CSV with nothing identifying in it.

The figures are computed and written on the records thread; the dialog stays
responsive and says when the file is saved or why it was not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coach.domain.rules import PeriodReversed, check_period
from coach.ui.language_state import LanguageState
from coach.ui.panel.failure_bar import failure_text
from coach.ui.panel.records_access import RecordsAccess
from coach.ui.worker_dialogs import save_file

if TYPE_CHECKING:
    from coach.records.models import Stats
    from coach.records.records import Records


def write_figures(records: Records, path: Path, date_from: date, date_to: date) -> Stats:
    """The CSV of coach.records.stats for [date_from, date_to] (PeriodReversed when reversed)."""
    check_period(date_from, date_to)
    return records.write_stats_csv(path, date_from, date_to)


class StatsDialog(QDialog):
    def __init__(self, languages: LanguageState, access: RecordsAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _ = languages.worker_strings().gettext
        self._access, self._languages = access, languages
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        start, end = self._chosen_day(self.date_from), self._chosen_day(self.date_to)
        name = f"coach-figures-{start.isoformat()}-{end.isoformat()}.csv"
        target = save_file(self, self._languages, self._("Save the figures"), str(Path.home() / name), "CSV (*.csv)")
        if target:
            self.save_to(Path(target), start, end)

    @staticmethod
    def _chosen_day(edit: QDateEdit) -> date:
        chosen = edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def save_to(self, target: Path, start: date, end: date) -> None:
        """Compute and write the figures off the GUI thread; the status line tells the outcome."""
        _ = self._
        try:
            check_period(start, end)
        except PeriodReversed:
            self.status.setText(_("The period ends before it starts: choose the dates again."))
            return
        self.status.setText(_("Counting… the file is written in a moment."))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self._access.call(lambda records: write_figures(records, target, start, end),
                          _("The figures were not saved."), lambda _stats: self._saved(target),
                          failed=self._failed)

    def _saved(self, target: Path) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.status.setText(self._("Saved: {files}").format(files=target))

    def _failed(self, error: BaseException) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.status.setText(failure_text(self._("The figures were not saved."), error, self._))
