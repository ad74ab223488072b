"""`coach handout`: a take-home sheet as PDF from the command line.

    coach handout --pack ID --lesson ID --lang TAG [--worker-lang TAG] --out FILE.pdf
    coach handout --client CODE [--sheet skills|visit] [--visit ID] [--lang TAG]
                  [--worker-lang TAG] [--with-notes] [--with-history]
                  [--next-appointment "2026-12-09 14:00"] --out FILE.pdf

A client's sheets read the encrypted records: the passphrase comes from
COACH_PASSPHRASE or a prompt, as for `coach records`. The desk's name, address,
opening hours and country come from the settings. Exit codes: 0 written, 1 refused
or failed (the message says why), 2 wrong usage.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TextIO

from coach.handouts.desk import Desk
from coach.handouts.sheet import Sheet
from coach.i18n.languages import is_known, normalize_tag
from coach.i18n.ui_strings import command_line_strings


class HandoutError(Exception):
    """A refusal already worded for the user."""


def handout_command(options: Mapping[str, object], out: TextIO, err: TextIO,
                    environ: Mapping[str, str] | None = None,
                    prompt: Callable[[str], str] = getpass.getpass) -> int:
    """Run `coach handout` with the parsed `options` (see build_parser in coach.cli)."""
    from coach.records.errors import RecordsError, describe

    _ = command_line_strings().gettext
    environ = os.environ if environ is None else environ
    try:
        sheet = _sheet(options, environ, prompt)
        target = Path(str(options["out"]))
        if not target.parent.is_dir():
            raise HandoutError(_("no folder {folder} to write the sheet in").format(folder=target.parent))
        from coach.ui.handouts.render import write_sheet_pdf
        from coach.ui.handouts.headless import headless_gui

        with headless_gui():
            pages = write_sheet_pdf(sheet, target)
    except HandoutError as refusal:
        print("coach handout: " + str(refusal), file=err)
        return 1
    except (RecordsError, OSError) as exc:
        print("coach handout: " + describe(exc, _), file=err)
        return 1
    print(command_line_strings().ngettext("{path}: {count} page written", "{path}: {count} pages written", pages)
          .format(path=target, count=pages), file=out)
    return 0


def _language(value: object, what: str) -> str | None:
    _ = command_line_strings().gettext
    if value is None:
        return None
    tag = normalize_tag(str(value))
    if not is_known(tag):
        raise HandoutError(_("unknown language tag {tag!r} for {option}").format(tag=str(value), option=what))
    return tag


def _desk() -> Desk:
    from coach.paths import app_dirs
    from coach.settings import load_settings

    return Desk.from_settings(load_settings(app_dirs().settings_file))


def _packs():
    from coach.packs.loader import load_library
    from coach.paths import app_dirs, builtin_packs_dir

    return load_library(builtin_packs_dir(), app_dirs().packs).packs


def _sheet(options: Mapping[str, object], environ: Mapping[str, str], prompt: Callable[[str], str]) -> Sheet:
    _ = command_line_strings().gettext
    language = _language(options.get("lang"), "--lang")
    worker = _language(options.get("worker_lang"), "--worker-lang")
    packs = _packs()
    if options.get("client"):
        return _client_sheet(options, packs, language, worker, environ, prompt)
    pack_id, lesson_id = options.get("pack"), options.get("lesson")
    if not pack_id or not lesson_id or language is None:
        raise HandoutError(_("give --pack, --lesson and --lang for a lesson's sheet, or --client for a person's"))
    from coach.handouts.lesson_sheet import lesson_sheet

    pack = next((p for p in packs if p.id == pack_id), None)
    if pack is None:
        raise HandoutError(_("no lesson pack {pack!r}; installed: {packs}").format(
            pack=pack_id, packs=", ".join(p.id for p in packs) or "-"))
    try:
        lesson = pack.lesson(str(lesson_id))
    except KeyError:
        raise HandoutError(_("the pack {pack!r} has no lesson {lesson!r}; it has: {lessons}").format(
            pack=pack_id, lesson=lesson_id, lessons=", ".join(x.id for x in pack.lessons))) from None
    return lesson_sheet(pack, lesson, language, worker, _desk())


def _client_sheet(options, packs, language, worker, environ, prompt) -> Sheet:
    from coach.records.commands import open_records

    _ = command_line_strings().gettext
    code = str(options["client"]).strip().upper()
    appointment = _appointment(options.get("next_appointment"))
    with open_records(environ, prompt) as records:
        client = next((c for c in records.find_clients(code) if (c.code or "").upper() == code), None)
        if client is None:
            raise HandoutError(_("no person with the code {code}").format(code=code))
        about = records.about_client(client.id)
    reader = language or client.language or "fr"
    desk = _desk()
    if options.get("sheet") == "visit":
        from coach.handouts.visit_sheet import VisitDigest, visit_sheet

        try:
            visit = options.get("visit")
            digest = VisitDigest.from_about(about, visit if isinstance(visit, int) else None)
        except ValueError:
            raise HandoutError(_("no such visit for the person {code}").format(code=code)) from None
        return visit_sheet(digest, packs, reader, worker, desk, appointment)
    from coach.handouts.skills_sheet import skills_sheet

    return skills_sheet(about, packs, reader, worker, desk, include_notes=bool(options.get("with_notes")),
                        include_history=bool(options.get("with_history")))


def _appointment(value: object) -> datetime | None:
    _ = command_line_strings().gettext
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise HandoutError(_("an appointment looks like 2026-12-09 14:00, not {value!r}").format(
            value=str(value))) from None
