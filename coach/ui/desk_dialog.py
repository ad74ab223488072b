"""The desk's details, set by the worker: country (which links), name, address, opening hours.

In the worker's language. The name, address and hours go on every take-home sheet;
the country picks the pack links the client is shown (France and Switzerland first).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coach.i18n.countries import countries_in_order
from coach.settings import DESK_TEXT_LIMIT, Settings
from coach.ui.accessibility import QuietComboBox
from coach.ui.language_state import LanguageState, direction, use_script_font
from coach.ui.widgets import NarrowLineEdit


class DeskDialog(QDialog):
    def __init__(self, languages: LanguageState, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        worker = languages.worker
        _ = languages.worker_strings().gettext
        self.setLayoutDirection(direction(worker))
        self.setWindowTitle(_("Desk details"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("These details are printed on the take-home sheets. "
                         "The country chooses the links to real services shown to clients."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.country = QuietComboBox()  # a closed list: its items not read as on screen
        self.country.addItem(_("No country chosen (only links for every country)"), "")
        for code, name in countries_in_order(worker.tag):
            self.country.addItem(name, code)
        self.country.setCurrentIndex(max(0, self.country.findData(settings.desk_country)))
        self.name = NarrowLineEdit(settings.desk_name)
        self.name.setMaxLength(DESK_TEXT_LIMIT)
        self.address = QPlainTextEdit(settings.desk_address)
        self.hours = QPlainTextEdit(settings.desk_hours)
        self.hours.setPlaceholderText(_("Monday to Friday, 9:00 to 12:00"))
        for box in (self.address, self.hours):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 16)
        rows = ((_("Country"), self.country), (_("Name of the desk"), self.name), (_("Address"), self.address),
                (_("Opening hours"), self.hours))
        for label, field in rows:
            form.addRow(label, field)
            field.setAccessibleName(label)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        use_script_font(self, worker)
        self._strings = _
        self.setMinimumWidth(520)
        self.country.setFocus(Qt.FocusReason.OtherFocusReason)

    def changes(self) -> dict[str, str]:
        """The fields as `Settings` names them, to pass to update_settings."""
        return {
            "desk_country": str(self.country.currentData() or ""),
            "desk_name": self.name.text().strip(),
            "desk_address": self.address.toPlainText().strip(),
            "desk_hours": self.hours.toPlainText().strip(),
        }

    def _accept_if_valid(self) -> None:
        _ = self._strings
        too_long = [name for name, value in self.changes().items() if len(value) > DESK_TEXT_LIMIT]
        if too_long:
            self.problem.setText(_("The address and the opening hours have at most {count} characters each.")
                                 .format(count=DESK_TEXT_LIMIT))
            self.problem.setVisible(True)
            return
        self.accept()
