"""Print or save a take-home sheet: the worker's dialog, in the worker's language.

The sheet is made and drawn on a background thread (coach.ui.tasks), so the window
never waits for it: "Save as PDF" writes a file without any printer, "Print" goes
through the system's print dialog and then draws onto the printer off the GUI thread.
A failure is said in the dialog, and a half-written file is never left behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QMarginsF, QStandardPaths, Qt, QTime
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.handouts.sheet import Sheet
from coach.ui.handouts.render import MARGIN_MM, paint_sheet, write_sheet_pdf
from coach.ui.language_state import LanguageState, direction, use_script_font
from coach.ui.tasks import TaskRunner
from coach.ui.worker_dialogs import save_file

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SheetOptions:
    """What the worker ticked in."""

    worker_language: bool = False
    notes: bool = False
    history: bool = False
    next_appointment: datetime | None = None


SheetMaker = Callable[[SheetOptions], Sheet]
"""Builds the sheet (on the background thread) from the options."""


class HandoutDialog(QDialog):
    """One sheet: its options, then Print… or Save as PDF…."""

    def __init__(self, languages: LanguageState, runner: TaskRunner, title: str, make: SheetMaker,
                 file_stem: str, kinds: frozenset[str] = frozenset(), parent: QWidget | None = None) -> None:
        """`kinds` names the options offered beyond the worker's language: "notes", "history", "appointment"."""
        super().__init__(parent)
        self._runner, self._make, self._file_stem = runner, make, file_stem
        self._languages = languages
        worker = languages.worker
        _ = languages.worker_strings().gettext
        self._ = _
        self.setLayoutDirection(direction(worker))
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setProperty("role", "section")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.worker_language = QCheckBox(_("Also in my language ({language})").format(language=worker.endonym))
        self.worker_language.setVisible(worker.tag != languages.client.tag)
        layout.addWidget(self.worker_language)
        self.notes = QCheckBox(_("Add my notes about the person"))
        self.history = QCheckBox(_("Add the levels of each visit"))
        self.appointment = QCheckBox(_("Next appointment:"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addDays(7))
        self.when.setTime(QTime(QDateTime.currentDateTime().time().hour(), 0))
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        self.appointment.toggled.connect(self.when.setEnabled)
        for box, kind in ((self.notes, "notes"), (self.history, "history")):
            box.setVisible(kind in kinds)
            layout.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self.appointment)
        row.addWidget(self.when, 1)
        self.appointment.setVisible("appointment" in kinds)
        self.when.setVisible("appointment" in kinds)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(_("Print…"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.close_button = QPushButton(_("Close"))
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(True)
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        self.save_button.setDefault(True)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.accept)
        use_script_font(self, worker)
        self.setMinimumWidth(460)

    def options(self) -> SheetOptions:
        when: datetime | None = None
        if self.appointment.isChecked() and self.appointment.isVisible():
            chosen = self.when.dateTime()
            when = datetime.fromtimestamp(chosen.toSecsSinceEpoch())  # local time, as typed
        return SheetOptions(self.worker_language.isChecked() and self.worker_language.isVisible(),
                            self.notes.isChecked() and self.notes.isVisible(),
                            self.history.isChecked() and self.history.isVisible(), when)

    # -- saving and printing -----------------------------------------------------------
    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path = save_file(self, self._languages, self._("Save as PDF"), str(Path(folder) / self._file_stem),
                         self._("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, path: Path) -> int:
        """Make and write the sheet in the background; returns the task's ticket."""
        options, make = self.options(), self._make
        self._busy(self._("Making the sheet…"))
        return self._runner.run(lambda: write_sheet_pdf(make(options), path),
                                done=lambda pages: self._finished(self._("Saved: {path}").format(path=path)),
                                failed=self._failed)

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
        printer.setDocName(self._file_stem)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw the sheet onto `printer` in the background (QPainter may paint a printer off the GUI thread)."""
        options, make = self.options(), self._make
        self._printer = printer  # kept alive until the task is done
        self._busy(self._("Sending the sheet to the printer…"))
        return self._runner.run(lambda: paint_sheet(make(options), printer),
                                done=lambda pages: self._finished(self._("Sent to the printer.")),
                                failed=self._failed)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)

    def _finished(self, text: str) -> None:
        self.status.setText(text)
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
        self.unsetCursor()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):  # a full disk, a folder one may not write in, a refused printer
            reason = error.strerror or str(error)
            self._finished(self._("The sheet was not made: {reason}").format(reason=reason))
            return
        # A fault in Coach, not the person's problem: its traceback goes to the log.
        log.error("making a take-home sheet failed", exc_info=error)
        self._finished(self._("The sheet was not made because of a fault in Coach; it is noted in the log."))
