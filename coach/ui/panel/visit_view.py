"""The panel during a visit: the step, help asked, one-click levels, a note, the chart.

Everything here is in the worker's language and takes one click: the worker's
attention stays on the person, not on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.autonomy import AutonomyLevel
from coach.domain.pack import Pack, Skill
from coach.ui.language_state import LanguageState
from coach.ui.panel.chart import ProgressChart

MAX_NOTE = 2000


def section(text_role: str = "section") -> QLabel:
    label = QLabel()
    label.setProperty("role", text_role)
    label.setWordWrap(True)
    return label


class SkillLevels(QFrame):
    """A skill's title and its four autonomy levels as one-click buttons (keys 1 to 4)."""

    chosen = Signal(str, str, int)
    """(skill key "pack/skill", DigComp codes, level 0–3)."""

    def __init__(self, pack: Pack, skill: Skill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.pack, self.skill = pack, skill
        self.key = f"{pack.id}/{skill.id}"
        layout = QVBoxLayout(self)
        self.title = section("small")
        layout.addWidget(self.title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for level in AutonomyLevel:
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(True)
            button.setProperty("role", "level")
            self.group.addButton(button, int(level))
            layout.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self.choose)

    def choose(self, level: int) -> None:
        self.buttons[level].setChecked(True)
        self.chosen.emit(self.key, ",".join(self.skill.digcomp), level)

    def retranslate(self, worker_tag: str, _: callable) -> None:
        codes = ", ".join(self.skill.digcomp)
        self.title.setText(f"{self.pack.translate(self.skill.title, worker_tag)} · DigComp {codes}")
        for level, button in zip(AutonomyLevel, self.buttons, strict=True):
            label = _(level.label)
            # A leading mark fixes the paragraph direction: Qt lays out button text in the
            # application's direction (the client's), which would move "1 ·" to the end.
            mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
            button.setText(f"{mark}{int(level) + 1} · {label}")
            button.setAccessibleName(label)
            key = int(level) + 1
            button.setAccessibleDescription(_("Record this level for the skill (key {key}).").format(key=key))


class VisitView(QWidget):
    end_requested = Signal()
    lock_requested = Signal()
    level_chosen = Signal(str, str, int)
    note_saved = Signal(str)
    about_requested = Signal()
    export_requested = Signal()
    erase_requested = Signal()

    def __init__(self, languages: LanguageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.anonymous = True
        self.who_text = ""
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.who = section()
        layout.addWidget(self.who)
        header = QHBoxLayout()
        self.lock_button = QPushButton()
        self.end_button = QPushButton()
        for button in (self.lock_button, self.end_button):
            button.setAutoDefault(True)
        header.addWidget(self.lock_button)
        header.addWidget(self.end_button)
        header.addStretch(1)
        layout.addLayout(header)
        self.step_title = section("small")
        self.step_text = QLabel()
        self.step_text.setWordWrap(True)
        self.step_text.setProperty("role", "worker-step")
        self.help_title = section()
        self.help_list = QLabel()
        self.help_list.setWordWrap(True)
        self.levels_title = section()
        self.levels_box = QVBoxLayout()
        self.self_rating = QLabel()
        self.self_rating.setWordWrap(True)
        self.note_title = section()
        self.note_hint = QLabel()
        self.note_hint.setWordWrap(True)
        self.note_hint.setProperty("role", "small")
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(110)
        self.note.setTabChangesFocus(True)
        self.save_note = QPushButton()
        self.save_note.setAutoDefault(True)
        self.note_status = QLabel()
        self.note_status.setProperty("role", "small")
        self.chart_title = section()
        self.chart = ProgressChart()
        self.about_button = QPushButton()
        self.about_button.setAutoDefault(True)
        self.export_button = QPushButton()
        self.export_button.setAutoDefault(True)
        self.erase_button = QPushButton()
        self.erase_button.setAutoDefault(True)
        self.rights_status = QLabel()
        self.rights_status.setWordWrap(True)
        self.rights_status.setProperty("role", "small")
        for widget in (self.step_title, self.step_text, self.help_title, self.help_list, self.levels_title):
            layout.addWidget(widget)
        layout.addLayout(self.levels_box)
        for widget in (self.self_rating, self.note_title, self.note_hint, self.note, self.save_note,
                       self.note_status, self.chart_title, self.chart, self.about_button, self.export_button,
                       self.erase_button, self.rights_status):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.skill_levels: list[SkillLevels] = []
        self.lock_button.clicked.connect(self.lock_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.save_note.clicked.connect(self._save_note)
        self.about_button.clicked.connect(self.about_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.erase_button.clicked.connect(self.erase_requested)
        self.note.textChanged.connect(self._limit_note)

    # -- content ------------------------------------------------------------------
    def set_visit(self, who: str, anonymous: bool) -> None:
        self.who_text, self.anonymous = who, anonymous
        self.note.clear()
        self.note_status.clear()
        self.rights_status.clear()
        self.set_skills(None, ())
        self.show_help({})
        self.retranslate()

    def set_skills(self, pack: Pack | None, skill_ids: tuple[str, ...]) -> None:
        keys = [f"{pack.id}/{s}" for s in skill_ids] if pack else []
        if keys == [box.key for box in self.skill_levels]:
            return
        for box in self.skill_levels:
            box.deleteLater()
        self.skill_levels = []
        if pack is None:
            return
        for skill_id in skill_ids:
            try:
                box = SkillLevels(pack, pack.skill(skill_id))
            except KeyError:
                continue
            box.chosen.connect(self.level_chosen)
            self.levels_box.addWidget(box)
            self.skill_levels.append(box)
        self.retranslate()

    def choose_level(self, level: int) -> bool:
        """Keys 1–4: the level for the lesson's first skill. False when no skill is shown."""
        if not self.skill_levels:
            return False
        self.skill_levels[0].choose(level)
        return True

    def show_step(self, header: str, text: str) -> None:
        self.step_title.setText(header)
        self.step_text.setText(text)

    def show_help(self, help_by_step: dict[str, int], step_numbers: dict[str, int] | None = None) -> None:
        _ = self._languages.worker_strings().gettext
        numbers = step_numbers or {}
        if not help_by_step:
            self.help_list.setText(_("No help asked for yet."))
            return
        lines = [
            _("Step {number}: {count}×").format(number=numbers.get(step, step), count=count)
            for step, count in sorted(help_by_step.items(), key=lambda item: numbers.get(item[0], 0))
        ]
        self.help_list.setText("\n".join(lines))
        self.help_list.setAccessibleName(self.help_title.text() + ": " + "; ".join(lines))

    def show_self_rating(self, label: str) -> None:
        _ = self._languages.worker_strings().gettext
        self.self_rating.setText(_("The client's own rating: {answer}").format(answer=label) if label else "")
        self.self_rating.setVisible(bool(label))

    def _save_note(self) -> None:
        text = self.note.toPlainText().strip()
        if text:
            self.note_saved.emit(text)

    def note_was_saved(self) -> None:
        _ = self._languages.worker_strings().gettext
        self.note.clear()
        self.note_status.setText(_("Note saved."))

    def _limit_note(self) -> None:
        text = self.note.toPlainText()
        if len(text) > MAX_NOTE:
            self.note.setPlainText(text[:MAX_NOTE])

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        worker = self._languages.worker.tag
        self.who.setText(self.who_text if not self.anonymous else _("Anonymous visit"))
        self.lock_button.setText(_("Lock"))
        self.lock_button.setAccessibleName(_("Lock"))
        self.lock_button.setAccessibleDescription(_("Hide the records until the passphrase is given (Ctrl+L)."))
        self.end_button.setText(_("End visit"))
        self.end_button.setAccessibleName(_("End visit"))
        self.end_button.setAccessibleDescription(_("Close this visit and start another."))
        self.help_title.setText(_("Help asked for"))
        self.levels_title.setText(_("Autonomy: one click, or keys 1 to 4"))
        for box in self.skill_levels:
            box.retranslate(worker, _)
        self.note_title.setText(_("Note"))
        self.note_hint.setText(_("A short note about the learning. Keep health, legal, money and family "
                                 "details out: the client can read everything recorded."))
        self.note.setAccessibleName(_("Note"))
        self.note.setAccessibleDescription(self.note_hint.text())
        self.save_note.setText(_("Save the note"))
        self.save_note.setAccessibleName(_("Save the note"))
        self.save_note.setAccessibleDescription(_("Add this note to the client's record."))
        self.chart_title.setText(_("Progress across visits"))
        self.chart.setAccessibleName(self.chart_title.text())
        self.about_button.setText(_("What we recorded about you"))
        self.about_button.setAccessibleName(self.about_button.text())
        self.about_button.setAccessibleDescription(_("Show the client, in their language, everything stored."))
        self.export_button.setText(_("Export the record…"))
        self.export_button.setAccessibleName(self.export_button.text())
        self.export_button.setAccessibleDescription(_("Save everything stored about this client as JSON and PDF."))
        self.erase_button.setText(_("Erase this client…"))
        self.erase_button.setAccessibleName(self.erase_button.text())
        self.erase_button.setAccessibleDescription(_("Delete the client's name, code and notes, on request."))
        for widget in (self.note_title, self.note_hint, self.note, self.save_note, self.note_status,
                       self.chart_title, self.chart, self.about_button, self.export_button, self.erase_button,
                       self.rights_status):
            widget.setVisible(not self.anonymous)
