"""The worker's side panel: unlock the records, start a visit, record it, lock it.

It lives beside the player and follows the worker's language and direction. The
player tells it what the client does (`handle_event`, `show_step`); it asks the
window to show client-facing screens (consent, "what we recorded about you").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.domain.pack import Lesson, Pack
from coach.domain.progress import PlayerEvent
from coach.i18n.languages import Language
from coach.records.errors import RecordsError, describe
from coach.ui.language_state import LanguageState, direction, use_script_font
from coach.ui.panel.gate import RecordsGate
from coach.ui.panel.lock_view import LockView
from coach.ui.panel.rights import export_record
from coach.ui.panel.visit_start import VisitStart
from coach.ui.panel.visit_view import VisitView
from coach.visit import UnrecordedStore, VisitSession

if TYPE_CHECKING:
    from coach.records.records import Records

log = logging.getLogger(__name__)


class SidePanel(QWidget):
    consent_needed = Signal(str)
    """(language tag): show the consent question to the client in that language."""
    about_needed = Signal(dict)
    """Records.about_client() of the current client, to show to the client."""
    worker_named = Signal(str)
    visit_changed = Signal()

    def __init__(self, languages: LanguageState, records_path: Path, offered: Sequence[Language],
                 packs: Sequence[Pack] = (), worker_name: str = "", retention_months: int = 12,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.packs = list(packs)
        self.retention_months = retention_months
        self.records_path = records_path
        self.records: Records | None = None
        self.worker_id: int | None = None
        self.session: VisitSession | None = None
        self.locked = False
        self._pending_client: tuple[str, str, list[str]] | None = None
        self._pack: Pack | None = None
        self._lesson: Lesson | None = None
        self._index = 0
        self._before_lock: QWidget | None = None
        self.setMinimumWidth(380)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Everything in the panel wraps or shrinks to its width: never scroll sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        self.stack = QStackedWidget()
        scroll.setWidget(self.stack)
        self.gate = RecordsGate(languages, records_path, worker_name)
        self.start = VisitStart(languages, offered)
        self.visit = VisitView(languages)
        self.lock_view = LockView(languages)
        for page in (self.gate, self.start, self.visit, self.lock_view):
            self.stack.addWidget(page)
        self.gate.opened.connect(self._on_opened)
        self.gate.skipped.connect(self.start_unrecorded)
        self.start.anonymous.connect(lambda: self.start_visit(None))
        self.start.client_chosen.connect(self.start_visit)
        self.start.new_client.connect(self._ask_consent)
        self.visit.level_chosen.connect(self._rate)
        self.visit.note_saved.connect(self._note)
        self.visit.end_requested.connect(self.end_visit)
        self.visit.lock_requested.connect(self.lock)
        self.visit.about_requested.connect(self._about)
        self.visit.export_requested.connect(self._choose_export_folder)
        self.visit.erase_requested.connect(self._confirm_erase)
        self.lock_view.unlocked.connect(self.unlock)
        self.retranslate()

    # -- records ------------------------------------------------------------------
    def _on_opened(self, records: Records, worker_name: str) -> None:
        self.records = records
        self.lock_view.path = records.path
        self.worker_id = records.worker(worker_name).id
        self.worker_named.emit(worker_name)
        try:
            records.backup_if_due()
        except (RecordsError, OSError) as exc:  # a failed backup must not stop the visit
            log.error("automatic backup failed: %s", exc)
        try:
            swept = records.retention_sweep(self.retention_months, worker_id=self.worker_id)
            if swept:
                log.info("retention: %d clients anonymised", swept)
        except (RecordsError, ValueError) as exc:
            log.error("retention sweep failed: %s", exc)
        self.start.records = records
        self.start.reset()
        self.stack.setCurrentWidget(self.start)

    def close_records(self) -> None:
        self.end_visit()
        if self.records is not None:
            self.records.close()
            self.records = None

    # -- visits -------------------------------------------------------------------
    def start_unrecorded(self) -> None:
        """Help someone without the passphrase: the panel works, nothing is stored."""
        self._begin(VisitSession(UnrecordedStore(), 0, None), None)

    def start_visit(self, client_id: int | None) -> None:
        if self.records is None or self.worker_id is None:
            return
        try:
            visit = self.records.start_visit(self.worker_id, client_id, self._languages.client.tag)
        except (RecordsError, ValueError) as exc:
            log.error("cannot start a visit: %s", exc)
            return
        self._begin(VisitSession(self.records, visit.id, client_id), client_id)

    def _begin(self, session: VisitSession, client_id: int | None) -> None:
        self.session = session
        who = ""
        if client_id is not None and self.records is not None:
            client = self.records.client(client_id)
            if client is not None:
                who = f"{client.pseudonym} · {client.code}"
                self.visit.chart.show_history(self.records.ratings_history(client_id), self.skill_names(),
                                              *self._chart_labels())
        self.visit.set_visit(who, client_id is None)
        if isinstance(session.store, UnrecordedStore):
            _ = self._languages.worker_strings().gettext
            self.visit.who.setText(_("Visit not recorded"))
        self.stack.setCurrentWidget(self.visit)
        if self._pack is not None and self._lesson is not None:
            self.visit.set_skills(self._pack, self._lesson.skills)
        self.visit_changed.emit()

    def end_visit(self) -> None:
        if self.session is not None:
            try:
                self.session.end()
            except (RecordsError, ValueError) as exc:
                log.error("cannot end the visit: %s", exc)
            self.session = None
        if self.records is not None:
            self.start.reset()
            self.stack.setCurrentWidget(self.start)
        else:
            self.gate.reset()
            self.stack.setCurrentWidget(self.gate)
        self.visit_changed.emit()

    def _ask_consent(self, pseudonym: str, language: str, channels: list) -> None:
        self._pending_client = (pseudonym, language, list(channels))
        self.consent_needed.emit(language)

    def consent_answered(self, given: bool) -> None:
        """The client's answer: yes creates the client and starts the visit; no keeps nothing."""
        pending, self._pending_client = self._pending_client, None
        if pending is None or self.records is None:
            return
        if not given:
            self.start_visit(None)  # an anonymous visit: no name is kept
            return
        from coach.ui.player.consent_page import CONSENT_SCOPE

        pseudonym, language, channels = pending
        client = self.records.create_client(pseudonym, language, channels, True, CONSENT_SCOPE)
        self.records.audit("consent", f"client {client.id}: {CONSENT_SCOPE}", self.worker_id)
        self.start_visit(client.id)

    # -- what the client does -----------------------------------------------------------
    def handle_event(self, event: PlayerEvent) -> None:
        if self.session is None:
            return
        try:
            self.session.handle(event)
        except (RecordsError, ValueError) as exc:
            log.error("cannot record %s: %s", event.kind, exc)
        activity = self.session.lessons.get((event.pack_id, event.lesson_id))
        if activity is not None and self._lesson is not None:
            numbers = {step.id: index + 1 for index, step in enumerate(self._lesson.steps)}
            self.visit.show_help(activity.help_by_step, numbers)

    def show_step(self, pack: Pack | None, lesson: Lesson | None, index: int) -> None:
        """The step on the client's screen, in the worker's language."""
        self._pack, self._lesson, self._index = pack, lesson, index
        _ = self._languages.worker_strings().gettext
        if pack is None or lesson is None:
            self.visit.show_step("", "")
            self.visit.set_skills(None, ())
            return
        worker = self._languages.worker.tag
        step = lesson.steps[index]
        header = _("{lesson} · step {number} of {count}").format(
            lesson=pack.translate(lesson.title, worker), number=index + 1, count=len(lesson.steps))
        self.visit.show_step(header, pack.translate(step.text, worker))
        self.visit.set_skills(pack, lesson.skills)
        if self.session is not None:
            activity = self.session.lessons.get((pack.id, lesson.id))
            numbers = {s.id: i + 1 for i, s in enumerate(lesson.steps)}
            self.visit.show_help(activity.help_by_step if activity else {}, numbers)

    def self_rated(self, answer: str, label: str) -> None:
        if self.session is None or self._pack is None or self._lesson is None:
            return
        skills = [(f"{self._pack.id}/{s}", ",".join(self._pack.skill(s).digcomp)) for s in self._lesson.skills]
        try:
            self.session.rate_self(self._pack.id, self._lesson.id, skills, answer)
        except (RecordsError, ValueError) as exc:
            log.error("cannot record the client's rating: %s", exc)
        self.visit.show_self_rating(label)

    def choose_level(self, level: int) -> bool:
        return self.session is not None and not self.locked and self.visit.choose_level(level)

    def _rate(self, skill: str, digcomp: str, level: int) -> None:
        if self.session is None:
            return
        try:
            self.session.rate(skill, digcomp, level)
        except (RecordsError, ValueError) as exc:
            log.error("cannot record level %s for %s: %s", level, skill, exc)
            return
        if self.session.client_id is not None and self.records is not None:
            self.visit.chart.show_history(self.records.ratings_history(self.session.client_id),
                                          self.skill_names(), *self._chart_labels())

    def _note(self, text: str) -> None:
        if self.session is None:
            return
        try:
            self.session.note(text)
        except (RecordsError, ValueError) as exc:
            log.error("cannot save the note: %s", exc)
            return
        self.visit.note_was_saved()

    def _about(self) -> None:
        if self.session is not None and self.session.client_id is not None and self.records is not None:
            self.about_needed.emit(self.records.about_client(self.session.client_id))

    # -- rights -------------------------------------------------------------------
    def _choose_export_folder(self) -> None:
        _ = self._languages.worker_strings().gettext
        folder = QFileDialog.getExistingDirectory(self, _("Where to save the record"), str(Path.home()))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> tuple[Path, Path] | None:
        """Export the current client's record (JSON and PDF) into `folder`."""
        _ = self._languages.worker_strings().gettext
        if self.session is None or self.session.client_id is None or self.records is None:
            return None
        try:
            client = self.records.client(self.session.client_id)
            reader = client.language if client is not None and client.language else self._languages.client.tag
            paths = export_record(self.records, self.session.client_id, folder, self.skill_names(reader),
                                  self.worker_id)
        except (RecordsError, ValueError, OSError) as exc:
            self.visit.rights_status.setText(_("The record could not be saved: {reason}").format(
                reason=describe(exc, _)))
            return None
        self.visit.rights_status.setText(_("Saved: {files}").format(files=", ".join(p.name for p in paths)))
        return paths

    def _confirm_erase(self) -> None:
        _ = self._languages.worker_strings().gettext
        answer = QMessageBox.question(
            self, _("Erase this client?"),
            _("The pseudonym, the code and the notes are deleted for good. Anonymous counts stay. Erase?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.erase_current()

    def erase_current(self) -> None:
        """Erase the current client on request, then end the visit."""
        if self.session is None or self.session.client_id is None or self.records is None:
            return
        client_id = self.session.client_id
        self.end_visit()
        try:
            self.records.erase_client(client_id, self.worker_id)
        except (RecordsError, ValueError) as exc:
            log.error("cannot erase client %s: %s", client_id, exc)

    # -- locking ------------------------------------------------------------------
    def lock(self) -> None:
        if self.records is None or self.locked:
            return
        self.locked = True
        self._before_lock = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.lock_view)
        self.lock_view.passphrase.setFocus()

    def unlock(self) -> None:
        self.locked = False
        self.stack.setCurrentWidget(self._before_lock or self.start)

    # -- language -------------------------------------------------------------------
    def skill_names(self, tag: str | None = None) -> dict[str, str]:
        """Every pack's skill titles ("pack/skill" -> title) in `tag` (default: the worker's language)."""
        tag = tag or self._languages.worker.tag
        return {f"{pack.id}/{skill.id}": pack.translate(skill.title, tag)
                for pack in self.packs for skill in pack.skills}

    def _chart_labels(self) -> tuple[str, str]:
        _ = self._languages.worker_strings().gettext
        return _("Date"), _("Level")

    def retranslate(self) -> None:
        worker = self._languages.worker
        self.setLayoutDirection(direction(worker))
        use_script_font(self, worker)
        for page in (self.gate, self.start, self.visit, self.lock_view):
            page.retranslate()
        if self._pack is not None and self._lesson is not None:
            self.show_step(self._pack, self._lesson, self._index)


