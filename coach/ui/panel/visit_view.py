"""The panel during a visit: the step, help asked, one-click levels, a note, the chart.

Everything here is in the worker's language and takes one click: the worker's
attention stays on the person, not on the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.domain.autonomy import AutonomyLevel
from coach.domain.rules import MAX_NOTE
from coach.domain.pack import Pack, Skill
from coach.ui.accessibility import ChoiceGroup, ExclusiveChoice, announce
from coach.ui.language_state import LanguageState
from coach.ui.flow_layout import FlowLayout
from coach.ui.panel.chart_slot import ChartSlot
from coach.ui.widgets import WrappingButton



def section(text_role: str = "section") -> QLabel:
    label = QLabel()
    label.setProperty("role", text_role)
    label.setWordWrap(True)
    return label


class LevelButton(ExclusiveChoice, WrappingButton):
    """One autonomy level: a radio button to a screen reader; arrows go to the next level and record it."""


class SkillLevels(ChoiceGroup, QFrame):
    """A skill's title and its four autonomy levels as one-click buttons (keys 1 to 4), two by two.

    To a screen reader: a group named by the skill, of four radio buttons.
    """

    chosen = Signal(str, str, int)
    """(skill key "pack/skill", DigComp codes, level 0–3)."""

    def __init__(self, pack: Pack, skill: Skill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.pack, self.skill = pack, skill
        self.key = f"{pack.id}/{skill.id}"
        layout = self._outer = QVBoxLayout(self)
        self.title = section("small")
        layout.addWidget(self.title)
        grid = self._grid = QGridLayout()
        grid.setSpacing(6)
        self._columns = 2
        layout.addLayout(grid)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[WrappingButton] = []
        for level in AutonomyLevel:
            button = LevelButton()
            button.label.setProperty("compact", True)
            button.inner.setContentsMargins(6, 2, 6, 2)
            button.setCheckable(True)
            button.setAutoDefault(True)
            button.setProperty("role", "level")
            self.group.addButton(button, int(level))
            grid.addWidget(button, int(level) // 2, int(level) % 2)
            self.buttons.append(button)
        self.group.idClicked.connect(self.choose)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Two columns of levels when they fit side by side, one when the panel is narrow or the text big."""
        super().resizeEvent(event)
        needed = max(button.minimumSizeHint().width() for button in self.buttons)
        room = self.contentsRect().width() - self._outer.contentsMargins().left() * 2
        columns = 2 if room >= 2 * needed + self._grid.spacing() else 1
        if columns != self._columns:
            self._columns = columns
            for level, button in enumerate(self.buttons):
                self._grid.removeWidget(button)
                self._grid.addWidget(button, level // columns, level % columns)

    def choose(self, level: int) -> None:
        self.buttons[level].setChecked(True)
        self.chosen.emit(self.key, ",".join(self.skill.digcomp), level)

    def chosen_level(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def retranslate(self, worker_tag: str, _: Callable[[str], str]) -> None:
        codes = ", ".join(self.skill.digcomp)
        self.title.setText(f"{self.pack.translate(self.skill.title, worker_tag)} · DigComp {codes}")
        self.setAccessibleName(self.title.text())
        for level, button in zip(AutonomyLevel, self.buttons, strict=True):
            label = _(level.label)
            button.set_label(_("{number} · {level}").format(number=level.number, level=label))
            button.setAccessibleDescription(
                _("Record this level for the skill (key {key}).").format(key=level.number))


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
        self.recorded = True
        self.who_text = ""
        self._activity: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        layout = self._column = QVBoxLayout(self)
        layout.setSpacing(10)
        self.who = section()
        layout.addWidget(self.who)
        header_row = QWidget()
        header = FlowLayout(header_row, spacing=8)  # side by side when they fit, one under the other if not
        self.lock_button = WrappingButton()
        self.end_button = WrappingButton()
        for button in (self.lock_button, self.end_button):
            button.setAutoDefault(True)
            header.addWidget(button)
        layout.addWidget(header_row)
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
        self.save_note = WrappingButton()
        self.save_note.setAutoDefault(True)
        self.note_status = QLabel()
        self.note_status.setProperty("role", "small")
        self.chart_title = section()
        self.chart = ChartSlot(languages)  # the chart itself is made when first shown
        self.about_button = WrappingButton()
        self.about_button.setAutoDefault(True)
        self.export_button = WrappingButton()
        self.export_button.setAutoDefault(True)
        self.erase_button = WrappingButton()
        self.erase_button.setAutoDefault(True)
        self.rights_status = QLabel()
        self.rights_status.setWordWrap(True)
        self.rights_status.setProperty("role", "small")
        for label in (self.step_title, self.step_text, self.help_title, self.help_list, self.levels_title):
            layout.addWidget(label)
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

    def insert_before_levels(self, widget: QWidget) -> None:
        """Put `widget` (the exercise results) just above the autonomy levels."""
        self._column.insertWidget(self._column.indexOf(self.levels_title), widget)

    # -- content ------------------------------------------------------------------
    def set_visit(self, who: str, anonymous: bool, recorded: bool = True) -> None:
        self.who_text, self.anonymous, self.recorded = who, anonymous, recorded
        self.note.clear()
        self.note_status.clear()
        self.rights_status.clear()
        self.show_self_rating("")
        self.chart.clear()
        self.set_skills(None, ())
        self.show_activity({}, {})
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
        """Keys 1–4: the level for the lesson's first skill. False when no skill is shown.

        The focus stays where it was (often the client's page), so the level chosen is
        announced: a blind worker hears what was recorded, in the worker's language.
        """
        if not self.skill_levels:
            return False
        box = self.skill_levels[0]
        box.choose(level)
        announce(box, f"{box.accessibleName()}: {box.buttons[level].accessibleName()}")
        return True

    def show_step(self, header: str, text: str) -> None:
        self.step_title.setText(header)
        self.step_text.setText(text)

    def show_activity(self, help_by_step: dict[str, int], did_it_by_step: dict[str, int],
                      step_numbers: dict[str, int] | None = None) -> None:
        """Per step of the lesson on screen: how often the client asked for help, and "I did it"."""
        _ = self._languages.worker_strings().gettext
        self._activity = (dict(help_by_step), dict(did_it_by_step), dict(step_numbers or {}))
        numbers = step_numbers or {}
        steps = sorted(set(help_by_step) | set(did_it_by_step), key=lambda step: numbers.get(step, 0))
        if not steps:
            self.help_list.setText(_("No help asked for yet."))
            self.help_list.setAccessibleName(self.help_title.text() + ": " + self.help_list.text())
            return
        lines = []
        for step in steps:
            parts = []
            if help_by_step.get(step):
                parts.append(_("asked for help {count}×").format(count=help_by_step[step]))
            if did_it_by_step.get(step):
                parts.append(_("✓ did it"))
            lines.append(_("Step {number}: {what}").format(number=numbers.get(step, step), what=", ".join(parts)))
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
        announce(self.note_status, self.note_status.text())

    def _limit_note(self) -> None:
        text = self.note.toPlainText()
        if len(text) > MAX_NOTE:
            self.note.setPlainText(text[:MAX_NOTE])

    def retranslate(self) -> None:
        _ = self._languages.worker_strings().gettext
        worker = self._languages.worker.tag
        if not self.recorded:
            self.who.setText(_("Visit not recorded"))
        else:
            self.who.setText(self.who_text if not self.anonymous else _("Anonymous visit"))
        self.lock_button.setText(_("Lock"))
        self.lock_button.setAccessibleName(_("Lock"))
        self.lock_button.setAccessibleDescription(_("Hide the records until the passphrase is given (Ctrl+L)."))
        self.end_button.setText(_("End visit"))
        self.end_button.setAccessibleName(_("End visit"))
        self.end_button.setAccessibleDescription(_("Close this visit and start another."))
        self.help_title.setText(_("What the client did"))
        self.show_activity(*self._activity)
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
        self.chart.retranslate()
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
