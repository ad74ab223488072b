"""A visit's writes, queued to the records thread (the `VisitStore` a `VisitSession` writes to).

The session keeps the visit's state in memory for the panel; each write goes to the
records in order, on the records thread. One that fails reaches the panel's failure
bar with what was not saved, in the worker's language.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.ui.language_state import LanguageState
from coach.ui.panel.records_access import RecordsAccess


class QueuedVisitStore:
    """Implements coach.visit.VisitStore on top of RecordsAccess."""

    def __init__(self, access: RecordsAccess, languages: LanguageState,
                 note_saved: Callable[[], None] | None = None,
                 rated: Callable[[], None] | None = None) -> None:
        self._access = access
        self._languages = languages
        self._note_saved = note_saved
        self._rated = rated

    def _words(self) -> Callable[[str], str]:
        return self._languages.worker_strings().gettext

    def record_step(self, visit_id: int, pack_id: str, lesson_id: str, step_index: int, step_id: str,
                    language: str = "") -> None:
        _ = self._words()
        self._access.call(lambda r: r.record_step(visit_id, pack_id, lesson_id, step_index, step_id, language),
                          _("The step the client reached was not saved."))

    def record_help(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        _ = self._words()
        self._access.call(lambda r: r.record_help(visit_id, pack_id, lesson_id, step_id),
                          _("The client's request for help was not saved."))

    def record_did_it(self, visit_id: int, pack_id: str, lesson_id: str, step_id: str) -> None:
        _ = self._words()
        self._access.call(lambda r: r.record_did_it(visit_id, pack_id, lesson_id, step_id),
                          _("The client's \"I did it\" was not saved."))

    def record_finished(self, visit_id: int, pack_id: str, lesson_id: str, seconds: int) -> None:
        _ = self._words()
        self._access.call(lambda r: r.record_finished(visit_id, pack_id, lesson_id, seconds),
                          _("The end of the lesson was not saved."))

    def record_exercises(self, visit_id: int, pack_id: str, lesson_id: str,
                         results: dict[str, dict[str, int | bool]]) -> None:
        _ = self._words()
        self._access.call(lambda r: r.record_exercises(visit_id, pack_id, lesson_id, results),
                          _("The practice results were not saved."))

    def rate(self, visit_id: int, skill: str, digcomp: str, level: int, by: str) -> None:
        _ = self._words()
        what = _("The autonomy level was not saved.") if by == "worker" else _("The client's own rating was not saved.")
        self._access.call(lambda r: r.rate(visit_id, skill, digcomp, level, by), what,
                          lambda _result: self._rated() if self._rated and by == "worker" else None)

    def add_note(self, visit_id: int, text: str, language: str = "") -> None:
        _ = self._words()
        self._access.call(lambda r: r.add_note(visit_id, text, language), _("The note was not saved; it is still in the box."),
                          lambda _result: self._note_saved() if self._note_saved else None)

    def end_visit(self, visit_id: int) -> None:
        _ = self._words()
        self._access.call(lambda r: r.end_visit(visit_id), _("The end of the visit was not saved."))
