"""The packs screen, for workers and trainers: what loaded, and what did not and why.

It follows the worker's language; problems are shown as `coach pack check` prints
them (file:line: severity: message), in the worker's language and rendered again on
every language change, selectable so a trainer can copy them. When it is shown the
focus goes to "Install a pack…", its one control (also after an install rebuilt it: the
focus would otherwise be on nothing once the "installed" message closes).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from coach.domain.pack import Pack
from coach.packs.loader import BrokenPack
from coach.ui.language_state import LanguageState, direction, use_script_font
from coach.ui.widgets import scrolling_page


class PacksPage(QWidget):
    install_requested = Signal()
    """The worker asked to install a pack from a .coachpack file."""

    def __init__(
        self, languages: LanguageState, packs: Sequence[Pack], broken: Sequence[BrokenPack],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._languages = languages
        self._packs = list(packs)
        self._broken = list(broken)
        scroll, self._layout = scrolling_page(self, (32, 24, 32, 24), 16)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self._install_button(), 0, Qt.AlignmentFlag.AlignLeading)
        self._cards: list[tuple[QFrame, QLabel, QLabel, QPlainTextEdit | None, Pack | BrokenPack]] | None = None
        self._stale = True
        self._layout.addStretch(1)
        self.retranslate()

    @property
    def cards(self) -> list[tuple[QFrame, QLabel, QLabel, QPlainTextEdit | None, Pack | BrokenPack]]:
        """One card per pack, made when the page is first shown (a desk with 300 packs seldom opens it)."""
        if self._cards is None:
            self._cards = []
            items: list[Pack | BrokenPack] = [*self._broken, *self._packs]
            for index, item in enumerate(items):
                self._layout.insertWidget(2 + index, self._card(item))
            self._stale = True
        if self._stale:
            self._stale = False
            self._card_texts()
        return self._cards

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.cards  # built and in the worker's language before the first frame
        super().showEvent(event)
        if not event.spontaneous():  # shown by Coach, not the window coming back from minimised
            self.install_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _install_button(self) -> QPushButton:
        self.install_button = QPushButton()
        self.install_button.setObjectName("install-pack")
        self.install_button.setProperty("role", "nav")
        self.install_button.setAutoDefault(True)  # Enter presses it, as Space does (it did nothing)
        self.install_button.clicked.connect(self.install_requested)
        return self.install_button

    @property
    def problem_count(self) -> int:
        return len(self._broken)

    def _card(self, item: Pack | BrokenPack) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        heading = QLabel()
        heading.setProperty("role", "section")
        heading.setWordWrap(True)
        detail = QLabel()
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(detail)
        problems = None
        if not isinstance(item, Pack):
            problems = QPlainTextEdit()
            problems.setReadOnly(True)
            problems.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            problems.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(problems)
        assert self._cards is not None
        self._cards.append((card, heading, detail, problems, item))
        return card

    def retranslate(self) -> None:
        worker = self._languages.worker
        _ = self._languages.worker_strings().gettext
        self.setLayoutDirection(direction(worker))
        use_script_font(self, worker)
        self.title.setText(_("Lesson packs"))
        self.install_button.setText(_("Install a pack…"))
        self.install_button.setAccessibleName(_("Install a pack"))
        self.install_button.setAccessibleDescription(
            _("Choose a .coachpack file to check and install. You can also drop the file on the window."))
        self._stale = True
        if self.isVisible():
            self.cards  # the cards' texts now; else when the page is shown

    def _card_texts(self) -> None:
        worker = self._languages.worker
        _ = self._languages.worker_strings().gettext
        ngettext = self._languages.worker_strings().ngettext
        for _card, heading, detail, problems, item in self._cards or []:
            if isinstance(item, Pack):
                heading.setText(item.translate(item.title, worker.tag))
                lessons = ngettext("{count} lesson", "{count} lessons", len(item.lessons)).format(
                    count=len(item.lessons)
                )
                detail.setText(
                    _("Version {version} · {lessons} · languages: {languages} · {origin}").format(
                        version=item.version, lessons=lessons, languages=", ".join(item.languages),
                        origin=_("built in") if item.builtin else item.location,
                    )
                )
            else:
                errors = sum(1 for p in item.problems if p.is_error)
                heading.setText(_("Not loaded: {location}").format(location=item.location))
                detail.setText(
                    ngettext(
                        "This pack has {count} error. The other packs work normally.",
                        "This pack has {count} errors. The other packs work normally.",
                        errors,
                    ).format(count=errors)
                )
                if problems is not None:
                    problems.setPlainText("\n".join(p.render(_) for p in item.problems))
                    problems.ensurePolished()
                    lines = max(2, min(10, len(item.problems)))
                    problems.setFixedHeight(problems.fontMetrics().lineSpacing() * lines + 24)
                    problems.setAccessibleName(_("Problems found in this pack"))
                    problems.setAccessibleDescription(_("Each line says the file, the line and the problem."))
