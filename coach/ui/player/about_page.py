"""What we recorded about you: everything stored about the client, in their language, read aloud."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coach.domain.autonomy import AutonomyLevel
from coach.i18n.formats import day, number
from coach.i18n.languages import display_name
from coach.ui.language_state import LanguageState
from coach.ui.widgets import scrolling_page


class AboutPage(QWidget):
    back = Signal()
    say = Signal(str)

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._about: dict = {}
        self._skill_names: dict[str, str] = {}
        scroll, layout = scrolling_page(self, (32, 24, 32, 24), 12)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setProperty("role", "notice-text")
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        row = QHBoxLayout()
        self.back_button = QPushButton()
        self.listen_button = QPushButton()
        for button in (self.back_button, self.listen_button):
            button.setProperty("role", "nav")
            button.setAutoDefault(True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.listen_button)
        layout.addLayout(row)
        self.back_button.clicked.connect(self.back)
        self.listen_button.clicked.connect(lambda: self.say.emit(f"{self.title.text()}\n{self.body.text()}"))
        self.retranslate()

    def show_record(self, about: dict, skill_names: dict[str, str]) -> None:
        """`about` is Records.about_client(); `skill_names` gives skill titles in the client's language."""
        self._about, self._skill_names = about, skill_names
        self.retranslate()

    def retranslate(self) -> None:
        _ = self._languages.client_strings().gettext
        client_tag = self._languages.client.tag
        self.title.setText(_("What we recorded about you"))
        self.back_button.setText(_("Back"))
        self.back_button.setAccessibleName(_("Back"))
        self.back_button.setAccessibleDescription(_("Go back to where you were."))
        self.listen_button.setText(_("Listen"))
        self.listen_button.setAccessibleName(_("Listen"))
        self.listen_button.setAccessibleDescription(_("Hear all of this read aloud."))
        self.body.setText("\n".join(record_lines(self._about, self._skill_names, _, client_tag)))
        self.body.setAccessibleName(self.body.text())


def record_lines(about: dict, skill_names: dict[str, str], _: Callable[[str], str], reader_tag: str) -> list[str]:
    """Everything stored about a client, one line each, in the language of `_` (for screen and PDF)."""
    client = about.get("client") or {}
    if not client:
        return []
    lines = [
        _("Your name here: {pseudonym}").format(pseudonym=client.get("pseudonym", "")),
        _("Your code: {code}").format(code=client.get("code") or "-"),
    ]
    language = client.get("language") or ""
    if language:
        try:
            lines.append(_("Your language: {language}").format(language=display_name(language, reader_tag)))
        except ValueError:
            lines.append(_("Your language: {language}").format(language=language))
    if client.get("consent_given"):
        lines.append(_("You agreed on {date}.").format(date=day(str(client.get("consent_date", "")), reader_tag)))
    visits = about.get("visits") or []
    lines.append(_("Visits: {count}").format(count=number(len(visits), reader_tag)))
    latest: dict[str, int] = {}
    for rating in about.get("ratings") or []:  # in time order: the last one wins
        if rating.get("by") == "worker":
            latest[rating["skill"]] = int(rating["level"])
    for skill, level in latest.items():
        name = skill_names.get(skill, skill)
        lines.append(_("{skill}: {level}").format(skill=name, level=_(AutonomyLevel(level).label)))
    for note in about.get("notes") or []:
        lines.append(_("Note: {text}").format(text=note.get("text", "")))
    return lines
