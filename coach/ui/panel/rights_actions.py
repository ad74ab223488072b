"""The client's rights, asked for on the visit page: see their record, export it, erase it.

The panel's part of it: the questions to the worker, the work on the records thread
(through the panel's RecordsAccess) and what the page says afterwards. Writing the
export itself is coach/ui/panel/rights.py, loaded only for an export. It knows the panel
only through what it is given (`RightsActions.__init__`), not through its attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from coach.ui.language_state import LanguageState

if TYPE_CHECKING:
    from coach.records.records import Records
    from coach.ui.panel.failure_bar import FailureBar
    from coach.ui.panel.records_access import RecordsAccess

CurrentClient = Callable[[], "tuple[int, int | None] | None"]
"""(client id, worker id) of the visit under way with a known client; None without one."""


class RightsActions:
    """What the visit page's rights buttons do, for the current client."""

    def __init__(self, parent: QWidget, languages: LanguageState, access: RecordsAccess, failures: FailureBar,
                 current_client: CurrentClient, skill_names: Callable[[str], dict[str, str]],
                 say: Callable[[str], None], end_visit: Callable[[], None],
                 show_about: Callable[[dict[str, Any]], None]) -> None:
        """`say` writes a line under the rights buttons; `show_about` shows the client their record."""
        self._parent = parent
        self._languages = languages
        self._access = access
        self._failures = failures
        self._current_client = current_client
        self._skill_names = skill_names
        self._say = say
        self._end_visit = end_visit
        self._show_about = show_about

    def about(self) -> None:
        """Have the client shown what the records keep about them."""
        current = self._current_client()
        if current is None:
            return
        client_id = current[0]
        _ = self._languages.worker_strings().gettext
        self._access.call(lambda r: r.about_client(client_id), _("The client's record could not be read."),
                          self._show_about)

    def choose_export_folder(self) -> None:
        """Ask the worker where to save the record, then export it there."""
        from coach.ui.worker_dialogs import choose_folder  # dialogs (and their enums) load when asked

        _ = self._languages.worker_strings().gettext
        folder = choose_folder(self._parent, self._languages, _("Where to save the record"), str(Path.home()))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Export the current client's record (JSON and PDF) into `folder`, off the GUI thread."""
        from coach.ui.panel.rights import export_record  # PDF writing loads only for an export

        current = self._current_client()
        if current is None:
            return
        _ = self._languages.worker_strings().gettext
        client_id, worker_id = current
        names_in = self._skill_names

        def work(records: Records) -> tuple[Path, Path]:
            client = records.client(client_id)
            reader = client.language if client is not None and client.language else "fr"
            return export_record(records, client_id, folder, names_in(reader), worker_id)

        self._say(_("Saving the record…"))
        self._access.call(work, _("The record was not exported."), self._exported, failed=self._export_failed)

    def _exported(self, paths: tuple[Path, Path]) -> None:
        _ = self._languages.worker_strings().gettext
        self._say(_("Saved: {files}").format(files=", ".join(str(p) for p in paths)))

    def _export_failed(self, error: BaseException) -> None:
        _ = self._languages.worker_strings().gettext
        self._say("")
        self._failures.report(_("The record was not exported."), error)

    def confirm_erase(self) -> None:
        """Ask the worker to confirm, then erase the client."""
        from coach.ui.worker_dialogs import ask_worker

        _ = self._languages.worker_strings().gettext
        if ask_worker(self._parent, self._languages, _("Erase this client?"),
                      _("The pseudonym, the code and the notes are deleted for good. Anonymous counts stay. Erase?")):
            self.erase_current()

    def erase_current(self) -> None:
        """Erase the current client on request, then end the visit."""
        current = self._current_client()
        if current is None:
            return
        client_id, worker_id = current
        self._end_visit()
        _ = self._languages.worker_strings().gettext
        self._access.call(lambda r: r.erase_client(client_id, worker_id),
                          _("The client was NOT erased. Try again, or erase them from the records later."))
