"""The `coach` command: the application by default, and tools for trainers.

    coach                          start the application
    coach pack check PATH...       validate lesson packs
    coach pack extract PATH        write a pack's translation template (.pot)
    coach pack status [DIR...]     per pack and language: translated, reviewed, recorded, voiced, too long
    coach pack new DIR             start a pack that works at once
    coach pack init|update|compile DIR [--lang TAG]   a pack's catalogs, with Babel
    coach pack build DIR           one versioned .coachpack file to share
    coach pack install FILE        check and install a .coachpack; coach pack remove ID
    coach preview DIR              the player on a pack, reloaded as its files change
    coach screenshot ...           render the real window to a PNG, off screen
    coach voices                   list languages and the voice that reads each
    coach speak --lang TAG --text TEXT --out FILE.wav   write what the app would say
    coach records init|backup|restore FILE|check|passwd   the encrypted records
    coach records stats --from DATE --to DATE --out FILE.csv  figures for funders
    coach handout --pack ID --lesson ID --lang TAG --out FILE.pdf   a lesson's take-home sheet
    coach handout --client CODE [--sheet skills|visit] --out FILE.pdf  a person's sheet (records)

Heavy modules (Qt above all) are imported inside the command that needs them, so
`coach pack check` starts fast and works where Qt cannot load. `coach speak` in its
plain form skips even argparse (see `speak_arguments`): it is a voice for scripts and
trainers, and Python's own start-up is already most of what it may cost.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from datetime import date

SPEAK_OPTIONS = ("--lang", "--text", "--out")


def speak_arguments(argv: Sequence[str]) -> tuple[str, str, str, bool] | None:
    """(lang, text, out, slow) when `argv` is a plain `speak --lang L --text T --out F [--slow]`, else None.

    Each option once, spelled in full, as `--lang L` or `--lang=L`, in any order; a value
    given apart that starts with "-" is left to argparse, as is anything else (help, a
    missing or repeated option, an abbreviation, a global option before `speak`), so
    every message and status stays argparse's own.
    """
    if not argv or argv[0] != "speak":
        return None
    values: dict[str, str] = {}
    slow = False
    i = 1
    while i < len(argv):
        name, equals, value = argv[i].partition("=")
        if argv[i] == "--slow" and not slow:
            slow, i = True, i + 1
            continue
        if name not in SPEAK_OPTIONS or name in values:
            return None
        if not equals:
            if i + 1 == len(argv) or argv[i + 1].startswith("-"):
                return None
            value, i = argv[i + 1], i + 1
        values[name] = value
        i += 1
    if len(values) != len(SPEAK_OPTIONS):
        return None
    return values["--lang"], values["--text"], values["--out"], slow


def _parse_size(value: str) -> tuple[int, int]:
    import argparse

    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {value!r}") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"size {value} is too small (at least 320x240)")
    return width, height


def _parse_scale(value: str) -> int:
    import argparse

    try:
        percent = int(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"scale must be a percentage such as 150, not {value!r}") from None
    if not 100 <= percent <= 200:
        raise argparse.ArgumentTypeError(f"scale must be between 100 and 200, not {percent}")
    return percent


def _parse_date(value: str) -> date:
    import argparse
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date looks like 2026-01-31, not {value!r}") from None


def _add_records_commands(commands: argparse._SubParsersAction) -> None:
    records = commands.add_parser("records", help="the encrypted records: init, backup, restore, check, stats")
    actions = records.add_subparsers(dest="records_command", metavar="ACTION", required=True)
    actions.add_parser("init", help="create the records and set the desk's passphrase")
    actions.add_parser("backup", help="write an encrypted backup now (the newest 7 are kept)")
    restore = actions.add_parser("restore", help="replace the records with a backup")
    restore.add_argument("file", metavar="FILE", help="a backup file (records-*.db)")
    actions.add_parser("check", help="check the records' integrity and schema version")
    stats = actions.add_parser("stats", help="figures for funders as CSV, with nothing identifying")
    stats.add_argument("--from", dest="date_from", type=_parse_date, required=True, metavar="DATE",
                       help="first day, such as 2026-01-01")
    stats.add_argument("--to", dest="date_to", type=_parse_date, required=True, metavar="DATE",
                       help="last day, included")
    stats.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV file to write")
    actions.add_parser("passwd", help="change the desk's passphrase")


# -- trainers' toolchain: pack new|init|update|compile|build|install|remove, preview ------------
def _add_pack_tool_commands(pack_commands: argparse._SubParsersAction) -> None:
    new = pack_commands.add_parser("new", help="create a working pack skeleton in a new folder")
    new.add_argument("path", metavar="DIR", help="the new pack's folder (absent or empty)")
    new.add_argument("--id", dest="pack_id", help="the pack's id (default: from the folder's name)")
    new.add_argument("--lang", default="en", metavar="TAG", help="the language you write in (default en)")
    for name, text in (("init", "start a language's catalog, locales/TAG.po, from the template"),
                       ("update", "refresh the template and merge it into the catalogs"),
                       ("compile", "check the catalogs, report fuzzy entries, write locales/TAG.mo")):
        action = pack_commands.add_parser(name, help=text)
        action.add_argument("path", metavar="DIR", help="a pack folder")
        action.add_argument("--lang", metavar="TAG", required=name == "init",
                            help="the catalog's language" + ("" if name == "init" else " (default: every one)"))
    build = pack_commands.add_parser("build", help="write one versioned .coachpack file of a pack")
    build.add_argument("path", metavar="DIR", help="a pack folder")
    build.add_argument("--out", metavar="FILE", help="the file to write (default: ID-VERSION.coachpack beside DIR)")
    install = pack_commands.add_parser("install", help="check a .coachpack, show what it holds, install it")
    install.add_argument("file", metavar="FILE", help="a .coachpack file")
    install.add_argument("--allow-downgrade", action="store_true", help="install an older version over a newer one")
    install.add_argument("--lang", metavar="TAG", help="language of the messages (default: from the environment)")
    remove = pack_commands.add_parser("remove", help="take an installed pack away (the records are kept)")
    remove.add_argument("pack_id", metavar="ID", help="the pack's id")
    remove.add_argument("--lang", metavar="TAG", help="language of the messages (default: from the environment)")


def _pack_tool_command(args: argparse.Namespace) -> int | None:
    """Run a toolchain pack command; None when `args` names another one."""
    if args.pack_command == "new":
        from coach.packs.skeleton import new_command

        return new_command(args.path, args.pack_id, args.lang, sys.stdout)
    if args.pack_command in ("init", "update", "compile"):
        from coach.packs import translation

        if args.pack_command == "init":
            return translation.init_command(args.path, args.lang, sys.stdout)
        if args.pack_command == "update":
            return translation.update_command(args.path, args.lang, sys.stdout)
        return translation.compile_command(args.path, args.lang, sys.stdout)
    if args.pack_command == "build":
        from coach.packs.archive import build_command

        return build_command(args.path, args.out, sys.stdout)
    if args.pack_command in ("install", "remove"):
        from coach.packs import install_commands

        if args.pack_command == "install":
            return install_commands.install_command(args.file, args.allow_downgrade, sys.stdout, args.lang)
        return install_commands.remove_command(args.pack_id, sys.stdout, args.lang)
    return None


def _add_preview_command(commands: argparse._SubParsersAction) -> None:
    preview = commands.add_parser("preview", help="the player on a pack folder, reloaded as its files change")
    preview.add_argument("path", metavar="DIR", help="a pack folder")
    _add_language_options(preview)
# -- end of the trainers' toolchain -------------------------------------------------------------


def _add_handout_command(commands: argparse._SubParsersAction) -> None:
    handout = commands.add_parser(
        "handout", help="write a take-home sheet as PDF: a lesson's, or a person's from the records")
    handout.add_argument("--pack", metavar="ID", help="the lesson's pack id")
    handout.add_argument("--lesson", metavar="ID", help="the lesson id in that pack")
    handout.add_argument("--client", metavar="CODE",
                         help="a person's code (such as K7P2): their sheet from the records (passphrase as for "
                              "coach records)")
    handout.add_argument("--sheet", choices=["skills", "visit"], default="skills",
                         help="with --client: 'skills' is \"What I can do now\" (default), 'visit' the summary of "
                              "a visit")
    handout.add_argument("--visit", type=int, metavar="ID", help="with --sheet visit: which visit (default the last)")
    handout.add_argument("--lang", metavar="TAG", help="the client's language (with --client: default theirs)")
    handout.add_argument("--worker-lang", metavar="TAG", help="also write each text in the worker's language")
    handout.add_argument("--with-notes", action="store_true", help="with --client: put the worker's notes on it")
    handout.add_argument("--with-history", action="store_true",
                         help="with --client: put each skill's levels over the visits on it")
    handout.add_argument("--next-appointment", metavar="WHEN", help="with --sheet visit: such as '2026-12-09 14:00'")
    handout.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")


def _add_language_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", help="the client's language tag, such as fr or ar")
    parser.add_argument("--worker-lang", help="the worker's language tag")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="coach", description="Digital skills lessons, read aloud.")
    _add_language_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the application (the default)")
    _add_language_options(run)

    pack = commands.add_parser("pack", help="tools for lesson packs")
    pack_commands = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    check = pack_commands.add_parser("check", help="validate packs; print file:line: problems")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a pack folder or .zip")
    check.add_argument("--lang", metavar="TAG",
                       help="language of the messages, such as fr or ar (default: from LANGUAGE, LC_ALL, "
                            "LC_MESSAGES or LANG; else English)")
    status = pack_commands.add_parser(
        "status", help="per pack and language: texts translated and reviewed, steps recorded, voiced, too long")
    status.add_argument("paths", nargs="*", metavar="DIR",
                        help="a pack folder or .zip (default: the built-in and installed packs)")
    status.add_argument("--lang", metavar="TAG", help="language of the output, such as fr or ar (default: as check)")
    extract = pack_commands.add_parser("extract", help="write locales/ID.pot from a pack's texts")
    extract.add_argument("path", metavar="PATH", help="a pack folder")
    _add_pack_tool_commands(pack_commands)
    _add_preview_command(commands)

    shot = commands.add_parser("screenshot", help="render the real window to a PNG file")
    shot.add_argument("--pack", help="pack id (with --screen library: scrolled to that pack)")
    shot.add_argument("--preview", metavar="DIR", help="show only the pack folder DIR, as `coach preview` does")
    shot.add_argument("--lesson", help="lesson id in that pack")
    shot.add_argument("--step", type=int, default=1, help="step number, from 1 (default 1)")
    shot.add_argument("--screen", choices=["languages", "library", "lesson", "end", "packs"],
                      help="which screen to show (default: lesson if --lesson, else library)")
    shot.add_argument("--lang", default="fr", help="the client's language (default fr)")
    shot.add_argument("--worker-lang", help="also show the step in the worker's language")
    shot.add_argument("--size", type=_parse_size, default=(1280, 800), help="WxH (default 1280x800)")
    shot.add_argument("--scale", type=_parse_scale, default=100, help="text size, 100 to 200 (default 100)")
    shot.add_argument("--contrast", choices=["normal", "high"], default="normal")
    shot.add_argument("--out", required=True, help="the PNG file to write")

    commands.add_parser("voices", help="list the languages of the interface and packs with their voices")
    speak = commands.add_parser("speak", help="write what the app would say to a WAV file")
    speak.add_argument("--lang", required=True, help="language tag, such as fr or ar")
    speak.add_argument("--text", required=True, help="the text to say")
    speak.add_argument("--out", required=True, help="the WAV file to write")
    speak.add_argument("--slow", action="store_true", help="the slower speed of the Slower button")
    _add_records_commands(commands)
    _add_handout_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    speak = speak_arguments(arguments)
    if speak is not None:
        from coach.collector import rest_during_start, resume

        rest_during_start()  # the whole command: no garbage worth a collection (collector.py)
        try:
            from coach.speech.commands import speak_command

            return speak_command(*speak, sys.stdout, sys.stderr)
        finally:
            resume()
    args = build_parser().parse_args(arguments)
    if args.command in (None, "run"):
        from coach.collector import resume_after_start
        from coach.gui_start import before_qt

        before_qt()  # the collector at rest, the Qt-free modules first
        from coach.ui.app import run_app

        try:
            return run_app(getattr(args, "lang", None), getattr(args, "worker_lang", None))
        finally:
            resume_after_start()  # also when run_app refused to start (a bad tag, no Qt)
    if args.command == "pack":
        status = _pack_tool_command(args)
        if status is not None:
            return status
        if args.pack_command == "check":
            from coach.packs.check import check_command

            return check_command(args.paths, sys.stdout, lang=args.lang)
        if args.pack_command == "status":
            from coach.packs.status import status_command

            return status_command(args.paths, sys.stdout, sys.stderr, lang=args.lang)
        from coach.packs.extract import extract_command

        return extract_command(args.path, sys.stdout)
    if args.command == "preview":
        from coach.ui.preview import preview_command

        return preview_command(args.path, args.lang, args.worker_lang)
    if args.command == "screenshot":
        from coach.ui.screenshot import screenshot_command

        return screenshot_command(args)
    if args.command == "voices":
        from coach.speech.commands import voices_command

        return voices_command(sys.stdout, sys.stderr)
    if args.command == "speak":
        from coach.speech.commands import speak_command

        return speak_command(args.lang, args.text, args.out, args.slow, sys.stdout, sys.stderr)
    if args.command == "records":
        from coach.records.commands import records_command

        return records_command(args.records_command, vars(args), sys.stdout, sys.stderr)
    if args.command == "handout":
        from coach.handouts.commands import handout_command

        return handout_command(vars(args), sys.stdout, sys.stderr)
    return 2


def run() -> int:
    """The `coach` script's entry point ([project.scripts]): `main()`, and for `coach speak` a quick end.

    Once the plain `coach speak` has written its WAV and its line there is nothing left
    but the interpreter's own clean-up at exit, which tears down every module it
    imported: about 2 ms more than a bare interpreter's on this machine, for a command
    that takes 40 (docs/performance.md, "`coach speak`"). So that form flushes stdout and
    stderr and ends with `os._exit`: the same output, files and status. Only when
    nothing asked for work at exit: the fast path imports neither `threading` (threads
    to join) nor `logging` (handlers to flush at exit) unless something went wrong, and
    then the exit is the usual one. `main()` itself, as tests and `python -m coach`
    call it, always returns.
    """
    status = main()
    if speak_arguments(sys.argv[1:]) is not None and not {"threading", "logging"} & sys.modules.keys():
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed or broken stream: the usual exit reports it
            return status
        import os

        os._exit(status)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
