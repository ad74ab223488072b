"""`coach pack build|install|remove`: ship a pack as one file, and put it on a desk.

    coach pack build DIR [--out FILE]            -> ID-VERSION.coachpack beside DIR
    coach pack install FILE [--allow-downgrade]  check, show what it holds, then install
    coach pack remove ID

Messages of install and remove are in the user's language (as `coach pack check`);
the pack's title and lesson titles are shown in that language when the pack has it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from coach.domain.pack import Pack
from coach.i18n.ui_strings import command_line_strings
from coach.packs.install import InstallRefused, discard, install, open_offer, remove_pack
from coach.paths import app_dirs, builtin_packs_dir


def describe(pack: Pack, language: str, gettext: Callable[[str], str]) -> list[str]:
    """What a worker sees before installing: title, version, languages, then one line per lesson."""
    lines = [
        gettext("Pack: {title} ({id})").format(title=pack.translate(pack.title, language), id=pack.id),
        gettext("Version: {version}").format(version=pack.version),
        gettext("Languages: {languages}").format(languages=", ".join(pack.languages)),
        gettext("Lessons:"),
    ]
    lines.extend(f"  - {pack.translate(lesson.title, language)}" for lesson in pack.lessons)
    return lines


def install_command(path: str, allow_downgrade: bool, out: TextIO, lang: str | None = None) -> int:
    """Check FILE, print what it holds, install it over an older version. 0, or 1 when refused."""
    strings = command_line_strings(lang)
    _ = strings.gettext
    language = lang or "en"
    packs_dir = app_dirs().packs
    try:
        offer = open_offer(Path(path), packs_dir, builtin_packs_dir())
    except InstallRefused as exc:
        print(_("{file}: not installed: {reason}").format(file=path, reason=exc.render(_)), file=out)
        return 1
    for line in describe(offer.pack, language, _):
        print(line, file=out)
    downgrade = offer.is_downgrade
    try:
        done = install(offer, allow_downgrade=allow_downgrade)
    except InstallRefused as exc:
        print(_("{file}: not installed: {reason}").format(file=path, reason=exc.render(_)), file=out)
        if downgrade and not allow_downgrade:
            print(_("To install the older version anyway: coach pack install --allow-downgrade {file}").format(
                file=path), file=out)
        return 1
    except OSError as exc:
        discard(offer)
        print(_("{file}: not installed: {reason}").format(file=path, reason=str(exc)), file=out)
        return 1
    if done.replaced_version:
        print(_("Installed {id} {version} in place of version {old}.").format(
            id=done.pack_id, version=done.version, old=done.replaced_version), file=out)
    else:
        print(_("Installed {id} {version}.").format(id=done.pack_id, version=done.version), file=out)
    for lesson in done.lessons_dropped:
        print(_('The new version has no lesson "{id}" any more; what was recorded about it is kept.').format(
            id=lesson), file=out)
    for skill in done.skills_dropped:
        print(_('The new version has no skill "{id}" any more; the levels recorded for it are kept.').format(
            id=skill), file=out)
    return 0


def remove_command(pack_id: str, out: TextIO, lang: str | None = None) -> int:
    _ = command_line_strings(lang).gettext
    try:
        found = remove_pack(pack_id, app_dirs().packs, builtin_packs_dir())
    except InstallRefused as exc:
        print(_("not removed: {reason}").format(reason=exc.render(_)), file=out)
        return 1
    except OSError as exc:
        print(_("not removed: {reason}").format(reason=str(exc)), file=out)
        return 1
    print(_("Removed {id} {version}; the records about it are kept.").format(
        id=found.pack_id, version=found.version), file=out)
    return 0
