"""Take-home sheets and the desk's details, in the worker's menu.

"Take-home sheet of this lesson" needs no records; "What I can do now" needs an
unlocked visit with a known client, "Visit summary" any visit in progress (even one
made without records: it is built from the visit in memory). Sheets are made on a
background thread of their own ("sheets"), never on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from coach.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the sheets, their dialogs and printing load when a sheet is asked for
    from coach.handouts.desk import Desk
    from coach.ui.desk_dialog import DeskDialog
    from coach.ui.handouts.dialog import HandoutDialog, SheetOptions
    from coach.ui.player.main_window import MainWindow


class HandoutsMenu(QObject):
    """Adds the sheets and "Desk details…" to `window`'s worker menu; `panel` gives the visit."""

    def __init__(self, window: MainWindow, panel: object | None = None) -> None:
        super().__init__(window)
        self.window, self.panel = window, panel
        self.runner = TaskRunner("sheets", self)
        menu = window.worker_menu
        menu.addSeparator()
        self.lesson_action = QAction(menu)
        self.skills_action = QAction(menu)
        self.visit_action = QAction(menu)
        self.desk_action = QAction(menu)
        for action, slot in ((self.lesson_action, self.lesson_sheet), (self.skills_action, self.skills_sheet),
                             (self.visit_action, self.visit_sheet), (self.desk_action, self.desk_details)):
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.aboutToShow.connect(self.update_actions)
        window.languages.worker_changed.connect(lambda _tag: self.retranslate())
        self.dialog: HandoutDialog | DeskDialog | None = None
        self.retranslate()
        self.update_actions()

    # -- what is there to print ---------------------------------------------------------
    def _session(self):
        return getattr(self.panel, "session", None)

    def _access(self):
        """The panel's RecordsAccess (the records thread) when the records are open."""
        access = getattr(self.panel, "access", None)
        return access if access is not None and getattr(access, "is_open", False) else None

    def update_actions(self) -> None:
        session = self._session()
        self.lesson_action.setEnabled(self.window.lesson_in_player() is not None)
        self.skills_action.setEnabled(session is not None and session.client_id is not None
                                      and self._access() is not None)
        self.visit_action.setEnabled(session is not None)

    def retranslate(self) -> None:
        _ = self.window.languages.worker_strings().gettext
        self.lesson_action.setText(_("Take-home sheet of this lesson…"))
        self.skills_action.setText(_("“What I can do now” sheet…"))
        self.visit_action.setText(_("Visit summary sheet…"))
        self.desk_action.setText(_("Desk details…"))

    def _languages(self) -> tuple[str, str]:
        languages = self.window.languages
        return languages.client.tag, languages.worker.tag

    def _desk(self) -> Desk:
        from coach.handouts.desk import Desk

        return Desk.from_settings(self.window.settings)

    def _open(self, title: str, make, stem: str, kinds: frozenset[str] = frozenset()) -> HandoutDialog:
        from coach.ui.handouts.dialog import HandoutDialog

        self.dialog = HandoutDialog(self.window.languages, self.runner, title, make, stem, kinds, self.window)
        self.dialog.open()
        return self.dialog

    # -- the sheets ------------------------------------------------------------------------
    def lesson_sheet(self) -> HandoutDialog | None:
        from coach.handouts.lesson_sheet import lesson_sheet

        shown = self.window.lesson_in_player()
        if shown is None:
            return None
        pack, lesson = shown
        client, worker = self._languages()
        desk = self._desk()
        _ = self.window.languages.worker_strings().gettext

        def make(options: SheetOptions):
            return lesson_sheet(pack, lesson, client, worker if options.worker_language else None, desk)

        title = _("Take-home sheet: {lesson}").format(lesson=pack.translate(lesson.title, worker))
        return self._open(title, make, f"{lesson.id}-{client}.pdf")

    def skills_sheet(self) -> None:
        """Read the client's record on the records thread, then open the sheet's dialog."""
        session, access = self._session(), self._access()
        if session is None or session.client_id is None or access is None:
            return
        client_id = session.client_id
        _ = self.window.languages.worker_strings().gettext
        access.call(lambda records: records.about_client(client_id), _("The client's record could not be read."),
                    self._open_skills_sheet)

    def _open_skills_sheet(self, about: dict) -> HandoutDialog:
        from coach.handouts.skills_sheet import skills_sheet

        client, worker = self._languages()
        desk, packs = self._desk(), self.window.packs
        _ = self.window.languages.worker_strings().gettext

        def make(options: SheetOptions):
            return skills_sheet(about, packs, client, worker if options.worker_language else None, desk,
                                include_notes=options.notes, include_history=options.history)

        code = (about.get("client") or {}).get("code") or "client"
        return self._open(_("“What I can do now” sheet"), make, f"{code}-can-do-{client}.pdf",
                          frozenset({"notes", "history"}))

    def visit_sheet(self) -> HandoutDialog | None:
        from coach.handouts.visit_sheet import VisitDigest, visit_sheet

        session = self._session()
        if session is None:
            return None
        packs = self.window.packs
        digest = VisitDigest.from_session(session, packs, datetime.now())
        client, worker = self._languages()
        desk = self._desk()
        _ = self.window.languages.worker_strings().gettext

        def make(options: SheetOptions):
            return visit_sheet(digest, packs, client, worker if options.worker_language else None, desk,
                               options.next_appointment)

        return self._open(_("Visit summary sheet"), make, f"visit-{digest.day:%Y-%m-%d}-{client}.pdf",
                          frozenset({"appointment"}))

    def desk_details(self) -> DeskDialog:
        from coach.ui.desk_dialog import DeskDialog

        dialog = DeskDialog(self.window.languages, self.window.settings, self.window)
        dialog.accepted.connect(lambda: self.window.update_settings(**dialog.changes()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def close(self) -> None:
        self.runner.stop()
