"""The worker's side panel: unlock the records, start a visit, record it, lock it.

It lives beside the player and follows the worker's language and direction. The
player tells it what the client does (`handle_event`, `show_step`); it asks the
window to show client-facing screens (consent, "what we recorded about you").
Every records call goes through `RecordsAccess` (the records thread); every failure
is shown by the one `FailureBar` above the pages.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QScrollArea, QVBoxLayout, QWidget

from coach.domain.autonomy import SelfRating
from coach.domain.pack import Lesson, Pack
from coach.i18n.languages import Language
from coach.ui.language_state import LanguageState, direction, speak_as, use_script_font
from coach.ui.panel.failure_bar import FailureBar
from coach.ui.panel.gate import RecordsGate
from coach.ui.panel.page_fit import PageStack, refit_now, size_to_shown
from coach.ui.panel.records_access import RecordsAccess
from coach.ui.panel.rights_actions import RightsActions

if TYPE_CHECKING:
    from coach.domain.practice import ExerciseResult
    from coach.domain.progress import PlayerEvent
    from coach.records.records import Records
    from coach.ui.panel.lock_view import LockView
    from coach.ui.panel.practice_results import PracticeResults
    from coach.ui.panel.visit_start import VisitStart
    from coach.ui.panel.visit_view import VisitView
    from coach.visit import VisitSession

log = logging.getLogger(__name__)
BUSY_DELAY_MS = 250
"""The busy bar shows only for work the worker would notice."""


class SidePanel(QWidget):
    consent_needed = Signal(str)
    """(language tag): show the consent question to the client in that language."""
    about_needed = Signal(dict)
    """Records.about_client() of the current client, to show to the client."""
    worker_named = Signal(str)
    visit_changed = Signal()
    visit_ended = Signal()
    """A visit ended: the next client starts on the language picker."""

    def __init__(self, languages: LanguageState, records_path: Path, offered: Sequence[Language],
                 packs: Sequence[Pack] = (), worker_name: str = "", retention_months: int = 12,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self.packs = list(packs)
        self.retention_months = retention_months
        self.access = RecordsAccess(records_path, self)
        self.worker_id: int | None = None
        self.worker_name = worker_name
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
        self.failures = FailureBar(languages)
        outer.addWidget(self.failures)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", with no percentage to promise
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setVisible(False)
        outer.addWidget(self.busy)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(self.access.busy))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # Everything in the panel wraps or shrinks to its width: never scroll sideways.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No focus stop of its own (an unnamed "filler" to a screen reader): Tab reaches
        # the controls inside, and the area scrolls to each.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll_area, 1)
        self.stack = PageStack()
        self.scroll_area.setWidget(self.stack)
        self.gate = RecordsGate(languages, records_path.exists, worker_name)
        self.stack.addWidget(self.gate)
        # Every page but the gate is built when first wanted: the panel starts on the gate. The
        # desk has the visit page built right after the first frame (`prepare_visit`): built at
        # the first lesson instead, its layout requests reached the panel one event-loop pass
        # later, during whatever came next (tests/ui/test_switch_scope.py saw them in a
        # client's language switch).
        self._offered = list(offered)
        self._start: VisitStart | None = None
        self._visit: VisitView | None = None
        self._practice: PracticeResults | None = None
        self._lock_view: LockView | None = None
        self.stack.currentChanged.connect(self._page_changed)
        self._page_changed()
        self.rights = RightsActions(self, languages, self.access, self.failures, self._current_client,
                                    self.skill_names, lambda text: self.visit.rights_status.setText(text),
                                    self.end_visit, self.about_needed.emit)
        self.access.failed.connect(self.failures.report)
        self.access.busy_changed.connect(self._busy_changed)
        self.gate.submitted.connect(self._unlock_records)
        self.gate.skipped.connect(self.start_unrecorded)
        self.retranslate()

    def _words(self):
        return self._languages.worker_strings().gettext

    # -- pages built on first use -------------------------------------------------------
    def _add_page(self, page: QWidget) -> None:
        """A page built late: in the stack (not shown yet), in the worker's words."""
        self.stack.addWidget(page)
        page.retranslate()  # type: ignore[attr-defined]  # every page of the panel has one

    @property
    def start(self) -> VisitStart:
        """Starting a visit: anonymous, a known client (search) or a new one."""
        if self._start is None:
            from coach.ui.panel.visit_start import VisitStart

            start = self._start = VisitStart(self._languages, self._offered)
            start.anonymous.connect(lambda: self.start_visit(None))
            start.client_chosen.connect(self.start_visit)
            start.new_client.connect(self._ask_consent)
            start.search_requested.connect(self._search)
            self._add_page(start)
        return self._start

    @property
    def visit(self) -> VisitView:
        """The visit: the step, help asked, levels, note, chart, the client's rights."""
        if self._visit is None:
            from coach.ui.panel.practice_results import PracticeResults
            from coach.ui.panel.visit_view import VisitView

            visit = self._visit = VisitView(self._languages)
            self._practice = PracticeResults(self._languages)  # the lesson's exercise results, above the levels
            visit.insert_before_levels(self._practice)
            self._practice.confirmed.connect(self._confirm_practice)
            visit.level_chosen.connect(self._rate)
            visit.note_saved.connect(self._note)
            visit.end_requested.connect(self.end_visit)
            visit.lock_requested.connect(self.lock)
            visit.about_requested.connect(self.rights.about)
            visit.export_requested.connect(self.rights.choose_export_folder)
            visit.erase_requested.connect(self.rights.confirm_erase)
            self._add_page(visit)
        return self._visit

    def prepare_visit(self) -> None:
        """Build the visit page now (the desk calls it once the window is on screen), not at the first lesson."""
        _ = self.visit

    @property
    def practice(self) -> PracticeResults:
        _ = self.visit
        assert self._practice is not None  # built with the visit page
        return self._practice

    @property
    def lock_view(self) -> LockView:
        """The lock screen over the records."""
        if self._lock_view is None:
            from coach.ui.panel.lock_view import LockView

            self._lock_view = LockView(self._languages)
            self._lock_view.submitted.connect(self._verify_lock)
            self._lock_view.set_busy(self.access.busy)
            self._add_page(self._lock_view)
        return self._lock_view

    @property
    def unlocked(self) -> bool:
        """The records are open (they may be hidden behind the lock screen)."""
        return self.access.is_open

    # -- pages ----------------------------------------------------------------------
    def _page_changed(self, _index: int = 0) -> None:
        """Each page starts at its top, and the stack is as tall as the page shown."""
        size_to_shown(self.stack, self.scroll_area)

    def _fit_page(self) -> None:
        """The page's texts changed (a step, help asked, practice): its new height now, one frame."""
        refit_now(self.stack, self.scroll_area)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)
        self.gate.set_busy(busy)
        if self._lock_view is not None:
            self._lock_view.set_busy(busy)

    # -- records ------------------------------------------------------------------
    def _unlock_records(self, name: str, passphrase: str, creating: bool) -> None:
        self.access.open(passphrase, creating, lambda: self._on_opened(name), self.gate.refused)

    def _on_opened(self, worker_name: str) -> None:
        _ = self._words()
        self.gate.opened()
        self.worker_name = worker_name
        months = self.retention_months
        self.access.call(lambda r: r.worker(worker_name).id, _("Your name could not be saved with the records."),
                         self._worker_known)
        self.access.call(lambda r: r.backup_if_due(), _("Today's automatic backup of the records was not made."))
        self.access.call(lambda r: r.retention_sweep(months), _("Old clients could not be anonymised today."),
                         lambda swept: log.info("retention: %d clients anonymised", swept) if swept else None)
        self.worker_named.emit(worker_name)
        self.start.reset()
        self.stack.setCurrentWidget(self.start)

    def _worker_known(self, worker_id: int) -> None:
        self.worker_id = worker_id

    def close_records(self) -> None:
        """At quit: end the visit, then close the records and wait for every write to reach the disk."""
        self.end_visit()
        self.access.shut_down()

    # -- visits -------------------------------------------------------------------
    def start_unrecorded(self) -> None:
        """Help someone without the passphrase: the panel works, nothing is stored."""
        from coach.visit import UnrecordedStore, VisitSession  # the visit's modules: not before the first frame

        self._begin(VisitSession(UnrecordedStore(), 0, None), None, "", None, recorded=False)

    def start_visit(self, client_id: int | None) -> None:
        if not self.unlocked:
            return
        _ = self._words()
        language, worker_name = self._languages.client.tag, self.worker_name

        def work(records: Records) -> tuple[int, str, Any]:
            visit = records.start_visit(records.worker(worker_name).id, client_id, language)
            who, history = "", None
            if client_id is not None:
                client = records.client(client_id)
                who = f"{client.pseudonym} · {client.code}" if client is not None else ""
                history = records.ratings_history(client_id)
            return visit.id, who, history

        self.access.call(work, _("The visit could not be started."),
                         lambda found: self._begin(self._recorded_session(found[0], client_id), client_id,
                                                   found[1], found[2], recorded=True))

    def _recorded_session(self, visit_id: int, client_id: int | None) -> VisitSession:
        from coach.ui.panel.visit_store import QueuedVisitStore
        from coach.visit import VisitSession

        store = QueuedVisitStore(self.access, self._languages, note_saved=self.visit.note_was_saved,
                                 rated=self._refresh_chart)
        return VisitSession(store, visit_id, client_id)

    def _begin(self, session: VisitSession, client_id: int | None, who: str, history: Any, recorded: bool) -> None:
        self.session = session
        self.visit.set_visit(who, client_id is None, recorded=recorded)
        if history is not None:
            self.visit.chart.show_history(history, self.skill_names())
        self.stack.setCurrentWidget(self.visit)
        if self._pack is not None and self._lesson is not None:
            self.visit.set_skills(self._pack, self._lesson.skills)
            self._show_activity()
        self.visit_changed.emit()

    def end_visit(self) -> None:
        had_visit = self.session is not None
        if self.session is not None:
            self.session.end()
            self.session = None
        if self.unlocked:
            self.start.reset()
            self.stack.setCurrentWidget(self.start)
        else:
            self.gate.reset()
            self.stack.setCurrentWidget(self.gate)
        self.visit_changed.emit()
        if had_visit:
            self.visit_ended.emit()

    def _ask_consent(self, pseudonym: str, language: str, channels: list) -> None:
        self._pending_client = (pseudonym, language, list(channels))
        self.consent_needed.emit(language)

    def consent_answered(self, given: bool) -> None:
        """The client's answer: yes creates the client and starts the visit; no keeps nothing."""
        pending, self._pending_client = self._pending_client, None
        if pending is None or not self.unlocked:
            return
        if not given:
            self.start_visit(None)  # an anonymous visit: no name is kept
            return
        from coach.ui.player.consent_page import CONSENT_SCOPE

        pseudonym, language, channels = pending
        worker_id = self.worker_id
        _ = self._words()

        def work(records: Records) -> int:
            client = records.create_client(pseudonym, language, channels, True, CONSENT_SCOPE)
            records.audit("consent", f"client {client.id}: {CONSENT_SCOPE}", worker_id)
            return client.id

        self.access.call(work, _("The new client was not saved; nothing about them is kept."), self.start_visit)

    def _search(self, text: str) -> None:
        _ = self._words()
        self.access.call(lambda r: r.find_clients(text), _("The search for a client did not work."),
                         self.start.show_results, key="search")

    # -- what the client does -----------------------------------------------------------
    def handle_event(self, event: PlayerEvent) -> None:
        if self.session is None:
            return
        self.session.handle(event)
        self._show_activity()
        self._fit_page()

    def handle_exercise(self, pack_id: str, lesson_id: str, result: ExerciseResult) -> None:
        """An exercise's counts changed on the client's screen: shown now, recorded on the worker's click."""
        if self.session is None:
            return
        self.session.note_exercise(pack_id, lesson_id, result)
        if self._pack is not None and self._lesson is not None and (self._pack.id, self._lesson.id) == (pack_id,
                                                                                                      lesson_id):
            self._show_practice()
            self._fit_page()

    def _show_practice(self) -> None:
        activity = None
        if self.session is not None and self._pack is not None and self._lesson is not None:
            activity = self.session.lessons.get((self._pack.id, self._lesson.id))
        self.practice.show_lesson(self._lesson if self.session is not None else None,
                                  activity.exercises if activity is not None else {})

    def _confirm_practice(self, level: int) -> None:
        """The worker confirmed the suggested level: it is chosen for each of the lesson's skills."""
        for box in self.visit.skill_levels:
            box.choose(level)

    def show_step(self, pack: Pack | None, lesson: Lesson | None, index: int) -> None:
        """The step on the client's screen, in the worker's language."""
        self._pack, self._lesson, self._index = pack, lesson, index
        _ = self._words()
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
        self._show_activity()
        self._show_practice()
        self._fit_page()

    def _show_activity(self) -> None:
        """Help asked and "I did it", per step of the lesson on screen, from the visit (their one owner)."""
        if self._lesson is None or self._pack is None:
            return
        numbers = {step.id: index + 1 for index, step in enumerate(self._lesson.steps)}
        activity = self.session.lessons.get((self._pack.id, self._lesson.id)) if self.session else None
        self.visit.show_activity(activity.help_by_step if activity else {},
                                 activity.did_it_by_step if activity else {}, numbers)

    def self_rated(self, answer: str) -> None:
        if self.session is None or self._pack is None or self._lesson is None:
            return
        pack = self._pack
        skills = [(f"{pack.id}/{s}", ",".join(pack.skill(s).digcomp)) for s in self._lesson.skills]
        self.session.rate_self(pack.id, self._lesson.id, skills, answer)
        _ = self._words()
        self.visit.show_self_rating(_(SelfRating.from_key(answer).label))

    def choose_level(self, level: int) -> bool:
        return self.session is not None and not self.locked and self.visit.choose_level(level)

    def _rate(self, skill: str, digcomp: str, level: int) -> None:
        if self.session is not None:
            self.session.rate(skill, digcomp, level)
            if self._pack is not None and self._lesson is not None and skill.startswith(f"{self._pack.id}/"):
                self.session.record_practice(self._pack.id, self._lesson.id)  # with the level, never before

    def _refresh_chart(self) -> None:
        if self.session is None or self.session.client_id is None:
            return
        client_id = self.session.client_id
        _ = self._words()
        self.access.call(lambda r: r.ratings_history(client_id), _("The progress chart could not be drawn."),
                         lambda history: self.visit.chart.show_history(history, self.skill_names()), key="chart")

    def _note(self, text: str) -> None:
        if self.session is not None:
            self.session.note(text, self._languages.worker.tag)

    # -- rights -------------------------------------------------------------------
    def _current_client(self) -> tuple[int, int | None] | None:
        if self.session is None or self.session.client_id is None:
            return None
        return self.session.client_id, self.worker_id

    def export_to(self, folder: Path) -> None:
        """Export the current client's record (JSON and PDF) into `folder`, off the GUI thread."""
        self.rights.export_to(folder)

    def erase_current(self) -> None:
        """Erase the current client on request, then end the visit."""
        self.rights.erase_current()

    # -- locking ------------------------------------------------------------------
    def lock(self) -> None:
        if not self.unlocked or self.locked:
            return
        self.locked = True
        self._before_lock = self.stack.currentWidget()
        self.lock_view.reset()
        self.stack.setCurrentWidget(self.lock_view)
        self.lock_view.passphrase.setFocus()

    def _verify_lock(self, passphrase: str) -> None:
        self.access.verify(passphrase, self.unlock, self.lock_view.refused)

    def unlock(self) -> None:
        self.locked = False
        self.lock_view.reset()
        self.stack.setCurrentWidget(self._before_lock or self.start)

    # -- language -------------------------------------------------------------------
    def skill_names(self, tag: str | None = None) -> dict[str, str]:
        """Every pack's skill titles ("pack/skill" -> title) in `tag` (default: the worker's language)."""
        tag = tag or self._languages.worker.tag
        return {f"{pack.id}/{skill.id}": pack.translate(skill.title, tag)
                for pack in self.packs for skill in pack.skills}

    def retranslate(self) -> None:
        worker = self._languages.worker
        self.setLayoutDirection(direction(worker))
        speak_as(self, worker)
        use_script_font(self, worker)
        self.failures.retranslate()
        _ = self._words()
        self.busy.setAccessibleName(_("Working on the records…"))
        for page in (self.gate, self._start, self._visit, self._lock_view):
            if page is not None:
                page.retranslate()
        if self._pack is not None and self._lesson is not None:
            self.show_step(self._pack, self._lesson, self._index)
