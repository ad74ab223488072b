"""What we recorded about you: everything stored about the client, in their language, read aloud.

Large type, one line per kind of entry with a picture, dates written the client's
way (Babel, the client's locale), and the worker's notes marked as written in the
worker's language (they are not translated). When it appears its title takes the focus
(a screen reader reads it, the record as its description); Back gives the focus back to
the control that opened it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from coach.domain.autonomy import AutonomyLevel
from coach.i18n.formats import day, number
from coach.i18n.languages import display_name
from coach.ui.icons import icon
from coach.ui.language_state import LanguageState
from coach.ui.theme import colours
from coach.ui.widgets import scrolling_page

ENTRY_ICONS = {"name": "worker", "code": "lock", "language": "language", "consent": "done", "visits": "home",
               "level": "face-alone", "note": "packs"}
"""The picture beside each kind of entry."""


def client_date(text: str | None, tag: str) -> str:
    """An ISO date or time from the records, as the client's language writes a date ("3 décembre 2026")."""
    return day(str(text), tag) if text else "-"


def _language_name(tag: str, reader_tag: str, standalone: bool = True) -> str:
    try:
        return display_name(tag, reader_tag, standalone=standalone)
    except ValueError:
        return tag


def record_entries(about: dict, skill_names: dict[str, str], _: Callable[[str], str],
                   reader_tag: str) -> list[tuple[str, str]]:
    """Everything stored about a client as (kind, line), in the language of `_` (screen, speech, PDF)."""
    client = about.get("client") or {}
    if not client:
        return []
    entries = [
        ("name", _("Your name here: {pseudonym}").format(pseudonym=client.get("pseudonym", ""))),
        ("code", _("Your code: {code}").format(code=client.get("code") or "-")),
    ]
    language = client.get("language") or ""
    if language:
        entries.append(("language", _("Your language: {language}").format(
            language=_language_name(language, reader_tag))))
    if client.get("consent_given"):
        entries.append(("consent", _("You agreed on {date}.").format(
            date=client_date(client.get("consent_date"), reader_tag))))
    visits = about.get("visits") or []
    if visits:
        entries.append(("visits", _("Visits: {count}. The last one: {date}.").format(
            count=number(len(visits), reader_tag), date=client_date(visits[-1].get("started"), reader_tag))))
    else:
        entries.append(("visits", _("Visits: {count}").format(count=number(0, reader_tag))))
    latest: dict[str, int] = {}
    for rating in about.get("ratings") or []:  # in time order: the last one wins
        if rating.get("by") == "worker":
            latest[rating["skill"]] = int(rating["level"])
    for skill, level in latest.items():
        entries.append(("level", _("{skill}: {level}").format(
            skill=skill_names.get(skill, skill), level=_(AutonomyLevel(level).label))))
    for note in about.get("notes") or []:
        written_in = note.get("language") or ""
        if written_in:
            line = _("A note from the worker, written in {language} on {date}: {text}").format(
                language=_language_name(written_in, reader_tag, standalone=False),
                date=client_date(note.get("at"), reader_tag),
                text=note.get("text", ""))
        else:
            line = _("A note from the worker, written on {date} in the worker's language: {text}").format(
                date=client_date(note.get("at"), reader_tag), text=note.get("text", ""))
        entries.append(("note", line))
    return entries


def record_lines(about: dict, skill_names: dict[str, str], _: Callable[[str], str], reader_tag: str) -> list[str]:
    """The same entries as plain lines (the PDF export)."""
    return [line for _kind, line in record_entries(about, skill_names, _, reader_tag)]


class AboutPage(QWidget):
    back = Signal()
    say = Signal(str)

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._about: dict = {}
        self._skill_names: dict[str, str] = {}
        self._high_contrast = False
        self._opener: QWidget | None = None
        self.scroll_area, layout = scrolling_page(self, (32, 24, 32, 24), 12)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard starts here, then Back, Listen
        layout.addWidget(self.title)
        self.entries = QGridLayout()
        self.entries.setHorizontalSpacing(16)
        self.entries.setVerticalSpacing(12)
        self.entries.setColumnStretch(1, 1)
        layout.addLayout(self.entries)
        layout.addStretch(1)
        self.rows: list[tuple[QLabel, QLabel]] = []
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
        self.back_button.clicked.connect(self._go_back)
        self.listen_button.clicked.connect(self.read_aloud)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is not None and not self.isAncestorOf(focus):
            self._opener = focus
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go_back(self) -> None:
        opener, self._opener = self._opener, None
        self.back.emit()
        try:
            if opener is not None and opener.isVisible() and opener.isEnabled():
                opener.setFocus(Qt.FocusReason.OtherFocusReason)
        except RuntimeError:  # the opener was deleted meanwhile (its screen rebuilt)
            pass

    def show_record(self, about: dict, skill_names: dict[str, str]) -> None:
        """`about` is Records.about_client(); `skill_names` gives skill titles in the client's language."""
        self._about, self._skill_names = about, skill_names
        self.retranslate()

    def spoken_text(self) -> str:
        return "\n".join([self.title.text(), *(text.text() for _picture, text in self.rows)])

    def read_aloud(self) -> None:
        self.say.emit(self.spoken_text())

    def set_high_contrast(self, high: bool) -> None:
        self._high_contrast = high
        self.retranslate()

    def _show_entries(self, entries: list[tuple[str, str]]) -> None:
        for picture, text in self.rows:
            picture.deleteLater()
            text.deleteLater()
        self.rows = []
        ink = colours(self._high_contrast).icon
        for index, (kind, line) in enumerate(entries):
            picture = QLabel()
            picture.setPixmap(icon(ENTRY_ICONS.get(kind, "done"), ink).pixmap(40, 40))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(line)
            text.setWordWrap(True)
            text.setProperty("role", "record-line")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.entries.addWidget(picture, index, 0)
            self.entries.addWidget(text, index, 1)
            self.rows.append((picture, text))

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
        self._show_entries(record_entries(self._about, self._skill_names, _, client_tag))
        self.title.setAccessibleName(self.title.text())
        self.title.setAccessibleDescription(" ".join(text.text() for _picture, text in self.rows))
