"""`coach records init|backup|restore|check|stats|passwd`: the records from the command line.

The passphrase comes from `COACH_PASSPHRASE` (for scripts) or a prompt; a new one
from `COACH_NEW_PASSPHRASE` or a prompt asked twice. Exit codes: 0 done, 1 refused
or failed (the message says why), 2 wrong usage (argparse).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TextIO

from coach.domain.rules import MIN_PASSPHRASE, PeriodReversed, check_period, passphrase_problem
from coach.i18n.ui_strings import command_line_strings
from coach.records.errors import NoRecords, RecordsDamaged, RecordsError, RecordsExist, describe

Prompt = Callable[[str], str]


class _Stop(Exception):
    """A refusal already worded for the user."""


def records_command(action: str, options: Mapping[str, object], out: TextIO, err: TextIO,
                    environ: Mapping[str, str] | None = None, prompt: Prompt = getpass.getpass) -> int:
    """Run one `coach records` action; `options` holds the parsed arguments (file, date_from, date_to, out)."""
    _ = command_line_strings().gettext
    environ = os.environ if environ is None else environ
    try:
        return _ACTIONS[action](options, out, environ, prompt)
    except _Stop as stop:
        print("coach records: " + str(stop), file=err)
    except (RecordsError, OSError) as exc:
        print("coach records: " + describe(exc, _), file=err)
    return 1


def _passphrase(environ: Mapping[str, str], prompt: Prompt) -> str:
    _ = command_line_strings().gettext
    if environ.get("COACH_PASSPHRASE"):
        return environ["COACH_PASSPHRASE"]
    return _ask(prompt, _("Passphrase: "))


def _new_passphrase(environ: Mapping[str, str], prompt: Prompt, variable: str) -> str:
    _ = command_line_strings().gettext
    if environ.get(variable):
        chosen = environ[variable]
    else:
        chosen = _ask(prompt, _("New passphrase: "))
        if _ask(prompt, _("Repeat the new passphrase: ")) != chosen:
            raise _Stop(_("the two passphrases differ; nothing was changed"))
    if passphrase_problem(chosen) is not None:
        raise _Stop(_("the passphrase must have at least {count} characters; nothing was changed")
                    .format(count=MIN_PASSPHRASE))
    return chosen


def _ask(prompt: Prompt, question: str) -> str:
    _ = command_line_strings().gettext
    try:
        answer = prompt(question)
    except (EOFError, KeyboardInterrupt):
        answer = ""
    if not answer:
        raise _Stop(_("no passphrase given: type it, or set COACH_PASSPHRASE"))
    return answer


def open_records(environ: Mapping[str, str] | None = None, prompt: Prompt = getpass.getpass):
    """The desk's records, opened with the passphrase from COACH_PASSPHRASE or a prompt (for other commands)."""
    return _open(os.environ if environ is None else environ, prompt)


def _open(environ: Mapping[str, str], prompt: Prompt):
    from coach.records.records import Records
    from coach.records.store import records_path

    path = records_path()
    if not path.is_file():
        raise NoRecords(path)
    return Records.open(path, _passphrase(environ, prompt))


def _init(options, out, environ, prompt) -> int:
    from coach.records.records import Records, empty_leftover
    from coach.records.store import records_path

    _ = command_line_strings().gettext
    path = records_path()
    if path.exists() and not empty_leftover(path):
        raise RecordsExist(path)
    Records.create(path, _new_passphrase(environ, prompt, "COACH_PASSPHRASE")).close()
    print(_("records created at {path}").format(path=path), file=out)
    print(_("keep the passphrase safe: without it nobody, not even you, can open the records"), file=out)
    return 0


def _backup(options, out, environ, prompt) -> int:
    _ = command_line_strings().gettext
    with _open(environ, prompt) as records:
        written = records.backup()
    print(_("backup written: {path}").format(path=written), file=out)
    return 0


def _restore(options, out, environ, prompt) -> int:
    from coach.records.backup import restore
    from coach.records.store import records_path

    _ = command_line_strings().gettext
    source = Path(str(options["file"]))
    if not source.is_file():
        raise _Stop(_("no backup file at {path}").format(path=source))
    try:
        kept = restore(source, _passphrase(environ, prompt), records_path())
    except RecordsDamaged as exc:
        raise _Stop(_("the backup is damaged; nothing was changed: {problems}").format(
            problems="; ".join(exc.problems[:5]))) from None
    print(_("records restored from {backup}").format(backup=source), file=out)
    if kept != records_path():
        print(_("the previous records are kept as {path}").format(path=kept), file=out)
    return 0


def _check(options, out, environ, prompt) -> int:
    from coach.records.schema import SCHEMA_VERSION

    _ = command_line_strings().gettext
    try:
        with _open(environ, prompt) as records:
            problems = records.check()
    except RecordsDamaged as damaged:
        for problem in damaged.problems:
            print(_("problem: {problem}").format(problem=problem), file=out)
        raise
    for problem in problems:
        print(_("problem: {problem}").format(problem=problem), file=out)
    if problems:
        return 1
    print(_("the records are sound (schema {version})").format(version=SCHEMA_VERSION), file=out)
    return 0


def _stats(options, out, environ, prompt) -> int:
    _ = command_line_strings().gettext
    start, end = options["date_from"], options["date_to"]
    assert isinstance(start, date) and isinstance(end, date)
    try:
        check_period(start, end)
    except PeriodReversed:
        raise _Stop(_("the period ends ({end}) before it starts ({start})").format(start=start, end=end)) from None
    target = Path(str(options["out"]))
    with _open(environ, prompt) as records:
        figures = records.write_stats_csv(target, start, end)
    print(_("{visits} visits from {start} to {end}; figures written to {path}")
          .format(visits=figures.visits, start=start, end=end, path=target), file=out)
    return 0


def _passwd(options, out, environ, prompt) -> int:
    _ = command_line_strings().gettext
    with _open(environ, prompt) as records:
        records.change_passphrase(_new_passphrase(environ, prompt, "COACH_NEW_PASSPHRASE"))
    print(_("passphrase changed; backups made before keep the old one"), file=out)
    return 0


_ACTIONS = {"init": _init, "backup": _backup, "restore": _restore, "check": _check, "stats": _stats,
            "passwd": _passwd}
