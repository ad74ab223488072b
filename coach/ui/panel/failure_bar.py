"""The one place the worker is told that something was not saved or not done.

Every records failure in the panel comes here, worded in the worker's language:
what was not done, why (coach.records.errors.describe, shared with the CLI) and
what to do. An unexpected error (a bug, not bad luck) is logged with its traceback
and said as such; it never reaches Qt as an exception, and it is never dressed up
as the worker's mistake. Each new failure is also announced to assistive technology
(assertive: it interrupts), in the worker's language, since it appears without moving the
focus; one told before the window was up is announced once the bar is first shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coach.records.errors import RecordsError, describe
from coach.ui.accessibility import announce
from coach.ui.language_state import LanguageState
from coach.ui.widgets import WrappingButton

log = logging.getLogger(__name__)
MAX_SHOWN = 3


class _Told(Exception):
    """Stands for a message that came already worded."""


def is_expected(error: BaseException) -> bool:
    """Bad luck the worker can act on (records refused, disk, permissions), as opposed to a bug."""
    return isinstance(error, (RecordsError, OSError))


def failure_text(what: str, error: BaseException, _) -> str:
    """`what` was not done because of `error`, in one sentence or two, through gettext `_`."""
    if is_expected(error):
        reason = describe(error, _) if isinstance(error, Exception) else str(error)
    else:
        log.error("unexpected error: %s", what, exc_info=error)
        reason = _("Coach met an unexpected problem. It is written in Coach's log; please tell "
                   "the person who looks after this computer.")
    return f"{what} {reason}".strip()


class FailureBar(QFrame):
    """A red card above the panel's pages: the newest failures, until the worker closes it."""

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.setProperty("role", "failure")
        self._messages: list[str] = []
        self._unheard = False
        """A failure was told while the bar was not on screen: announce it when it shows."""
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setProperty("role", "error")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        self.close_button = WrappingButton()
        self.close_button.setAutoDefault(True)
        self.close_button.clicked.connect(self.clear)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.setVisible(False)
        self.retranslate()

    def report(self, what: str, error: BaseException) -> None:
        """Tell the worker that `what` failed because of `error` (a bug is also logged with its traceback)."""
        _ = self._languages.worker_strings().gettext
        self._messages.insert(0, failure_text(what, error, _) if not isinstance(error, _Told) else what)
        del self._messages[MAX_SHOWN:]
        self._render()
        if self.isVisible():
            self._announce()
        else:
            self._unheard = True
            self.setVisible(True)  # shown now if the window is up (showEvent), else with it

    def tell(self, message: str) -> None:
        """A problem already worded (a damaged settings file, …)."""
        self.report(message, _Told())

    def clear(self) -> None:
        self._messages.clear()
        self.setVisible(False)

    @property
    def messages(self) -> list[str]:
        """The lines shown, newest first (worded when they happened, in the worker's language)."""
        return list(self._messages)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._unheard:
            # After the show has been told to assistive technology, so the announcement follows it.
            QTimer.singleShot(0, self._announce)

    def _announce(self) -> None:
        """Say the newest failure, in the worker's language (the text's own: the panel's)."""
        self._unheard = False
        if self._messages and self.isVisible():
            announce(self.text, f"{self.title.text()}. {self._messages[0]}", assertive=True)

    def _render(self) -> None:
        lines = self.messages
        self.text.setText("\n\n".join(lines))
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(" ".join(lines))

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        self.title.setText(_("Something was not saved"))
        self.close_button.setText(_("Close this message"))
        self.close_button.setAccessibleName(self.close_button.text())
        if self._messages:
            self._render()
