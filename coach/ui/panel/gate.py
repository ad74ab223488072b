"""Unlocking the records: create the desk's passphrase on first start, unlock later.

Worker-facing, in the worker's language. The form checks what it can (a name, the
passphrase typed twice, the length rule of coach.domain.rules) and emits
`submitted`; the panel opens the records on the records thread and answers with
`opened()` or `refused(error)`. A wrong passphrase says so and touches nothing.
"Visit without records" lets a desk help someone before anyone knows the
passphrase: nothing is stored then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coach.domain.rules import MIN_PASSPHRASE, PassphraseProblem, passphrase_problem
from coach.records.errors import WrongPassphrase
from coach.ui.accessibility import announce
from coach.ui.language_state import LanguageState
from coach.ui.widgets import NarrowLineEdit, WrappingButton
from coach.ui.panel.failure_bar import failure_text


STILL_OPENING_MS = 4000
"""How long "Opening the records…" shows before the worker is told why it may take minutes."""


def password_field(password: bool = True) -> QLineEdit:
    field = NarrowLineEdit()
    if password:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumHeight(48)
    return field


def refusal_text(error: BaseException, not_done: str, _: Callable[[str], str]) -> str:
    """Why the records stayed closed, worded for the worker: the same words at the gate and the lock."""
    if isinstance(error, WrongPassphrase):
        return _("This passphrase is not the right one. Nothing was changed.")
    return failure_text(not_done, error, _)


def passphrase_message(problem: PassphraseProblem, _: Callable[[str], str]) -> str:
    """A broken passphrase rule, worded for the worker."""
    if problem is PassphraseProblem.TOO_SHORT:
        return _("Choose a passphrase of at least {count} characters.").format(count=MIN_PASSPHRASE)
    if problem is PassphraseProblem.HAS_NUL:
        return _("The passphrase contains a character that cannot be used.")
    return _("Write the passphrase first.")


class RecordsGate(QWidget):
    """Emits `submitted(worker_name, passphrase, creating)` or `skipped()`."""

    submitted = Signal(str, str, bool)
    skipped = Signal()

    def __init__(self, languages: LanguageState, records_exist: Callable[[], bool], worker_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._records_exist = records_exist
        self._busy = False
        # An opening that lasts is most likely the one-off update of the records after a new
        # Coach (minutes at tens of thousands of clients): say so, rather than only "Opening…".
        self._still_opening = QTimer(self)
        self._still_opening.setSingleShot(True)
        self._still_opening.setInterval(STILL_OPENING_MS)
        self._still_opening.timeout.connect(self._tell_still_opening)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        self.explain = QLabel()
        self.name_label = QLabel()
        self.name = password_field(password=False)
        self.name.setText(worker_name)
        self.passphrase_label = QLabel()
        self.passphrase = password_field()
        self.again_label = QLabel()
        self.again = password_field()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.status = QLabel()
        self.status.setProperty("role", "small")
        self.open_button = WrappingButton()
        self.open_button.setProperty("role", "primary")
        self.open_button.setAutoDefault(True)
        self.skip_button = WrappingButton()
        self.skip_button.setAutoDefault(True)
        for widget in (self.title, self.explain, self.name_label, self.name, self.passphrase_label,
                       self.passphrase, self.again_label, self.again, self.error, self.status, self.open_button,
                       self.skip_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
        self.name_label.setBuddy(self.name)
        self.passphrase_label.setBuddy(self.passphrase)
        self.again_label.setBuddy(self.again)
        self.open_button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        self.again.returnPressed.connect(self.submit)
        self.skip_button.clicked.connect(self.skipped)
        self.retranslate()

    @property
    def creating(self) -> bool:
        return not self._records_exist()

    def reset(self) -> None:
        self._still_opening.stop()
        self.passphrase.clear()
        self.again.clear()
        self.error.clear()
        self.status.clear()
        self.retranslate()
        (self.passphrase if self.name.text() else self.name).setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        _ = self._languages.worker_strings().gettext
        name, passphrase = self.name.text().strip(), self.passphrase.text()
        creating = self.creating
        if not name:
            self._fail(_("Write your name first: it goes with what you record."), self.name)
            return
        if creating and passphrase != self.again.text():
            self._fail(_("The two passphrases are not the same."), self.again)
            return
        problem = passphrase_problem(passphrase, new=creating)
        if problem is not None:
            self._fail(passphrase_message(problem, _), self.passphrase)
            return
        self.error.clear()
        self.status.setText(_("Creating the records…") if creating else _("Opening the records…"))
        if not creating:
            self._still_opening.start()
        self.submitted.emit(name, passphrase, creating)

    def _tell_still_opening(self) -> None:
        if not self._busy:
            return
        _ = self._languages.worker_strings().gettext
        message = _("Still opening the records. The first time after Coach is updated, they are brought up to "
                    "date, once: this can take a few minutes. Do not close Coach.")
        self.status.setText(message)
        announce(self.status, message)

    def opened(self) -> None:
        """The records are open: forget the passphrase typed."""
        self._still_opening.stop()
        self.passphrase.clear()
        self.again.clear()
        self.error.clear()
        self.status.clear()

    def refused(self, error: BaseException) -> None:
        """The records did not open (wrong passphrase, damaged file, full disk…)."""
        _ = self._languages.worker_strings().gettext
        self._still_opening.stop()
        self.status.clear()
        self._fail(refusal_text(error, _("The records were not opened."), _), self.passphrase)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            self._still_opening.stop()
        self.open_button.setEnabled(not busy)

    def _fail(self, message: str, focus: QLineEdit) -> None:
        self.error.setText(message)
        self.error.setAccessibleName(message)
        focus.setFocus()
        focus.selectAll()
        announce(self.error, message, assertive=True)  # the focus stays in the field: say why

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        creating = self.creating
        self.title.setText(_("Set the desk's passphrase") if creating else _("Unlock the records"))
        self.explain.setText(
            _("The records are encrypted on this computer. Choose a passphrase of at least {count} characters. "
              "Without it, nobody can read them: keep it safe.").format(count=MIN_PASSPHRASE)
            if creating else _("Write the desk's passphrase to record this visit.")
        )
        self.name_label.setText(_("Your name"))
        self.passphrase_label.setText(_("Passphrase"))
        self.again_label.setText(_("Passphrase again"))
        self.again_label.setVisible(creating)
        self.again.setVisible(creating)
        self.open_button.setText(_("Create the records") if creating else _("Unlock"))
        self.skip_button.setText(_("Visit without records"))
        for widget, label, description in (
            (self.name, self.name_label.text(), _("Your name, kept with the levels you record.")),
            (self.passphrase, self.passphrase_label.text(), _("The desk's passphrase.")),
            (self.again, self.again_label.text(), _("The same passphrase again, to avoid typing mistakes.")),
            (self.open_button, self.open_button.text(), self.explain.text()),
            (self.skip_button, self.skip_button.text(), _("Help the client now; nothing about this visit is stored.")),
        ):
            widget.setAccessibleName(label)
            widget.setAccessibleDescription(description)
