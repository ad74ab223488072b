"""`coach pack status [DIR...]`: how far each pack is, per language.

For every pack and each of its languages: texts translated, texts reviewed by a native
speaker, steps with recorded audio, steps read by a system voice, steps that cannot be
heard at all, and steps whose text (in that language) is over the Easy-to-Read limit.
Without DIR, the built-in and installed packs. The figures are computed by
`pack_status`, pure code; the command adds the voices the speech child has.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from coach.domain.pack import Pack
from coach.i18n.ui_strings import command_line_strings
from coach.packs.easy_read import WARN_ABOVE, long_sentences
from coach.packs.extract import pack_texts


@dataclass(frozen=True)
class LanguageStatus:
    """One pack in one language."""

    language: str
    source: bool
    """True for the pack's source language (written, not translated)."""
    texts: int
    translated: int
    reviewed: int
    """Translated texts whose catalog is not marked "X-Coach-Reviewed: no"."""
    steps: int
    recorded: int
    """Steps with recorded audio in this language (or its base language)."""
    voiced: int | None
    """Steps without a recording, read by a system voice (None: the voices are not known)."""
    silent: int | None
    """Steps with neither: nothing reads them aloud (None: the voices are not known)."""
    over_limit: int
    """Steps whose text has a sentence of more than WARN_ABOVE words, in this language."""


def pack_status(pack: Pack, has_voice: Callable[[str], bool | None]) -> list[LanguageStatus]:
    """Per language of `pack`, its figures; `has_voice(tag)` is None when it is not known."""
    texts = [text for text in pack_texts(pack) if text.source]
    steps = [step for lesson in pack.lessons for step in lesson.steps]
    result = []
    for tag in pack.languages:
        source = tag == pack.source_language
        catalog = pack.catalog_for(tag)
        if source or catalog is None:
            translated = len(texts) if source else 0
            reviewed = translated
        else:
            translated = sum(1 for text in texts if catalog.messages.get((text.context, text.source)))
            reviewed = translated if catalog.reviewed else 0
        recorded = sum(1 for step in steps if step.recording(tag))
        voice = has_voice(tag)
        unrecorded = len(steps) - recorded
        voiced = None if voice is None else unrecorded if voice else 0
        silent = None if voiced is None else unrecorded - voiced
        over = sum(1 for step in steps if long_sentences(pack.translate(step.text, tag)))
        result.append(LanguageStatus(tag, source, len(texts), translated, reviewed, len(steps), recorded,
                                     voiced, silent, over))
    return result


def _voice_check(err: TextIO, strings: gettext.NullTranslations) -> Callable[[str], bool | None]:
    """has_voice for the real speech engines; answers None for everything when speech cannot start."""
    from coach.speech.client import SpeechClient, SpeechError
    from coach.speech.voices import choose_voice

    try:
        with SpeechClient() as speech:
            voices, order = speech.voices(), tuple(engine.name for engine in speech.engines)
    except SpeechError as exc:
        print("coach pack status: " + strings.gettext("speech is not available: {reason}").format(reason=exc),
              file=err)
        return lambda tag: None
    return lambda tag: choose_voice(tag, voices, order) is not None


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def render(pack: Pack, statuses: Sequence[LanguageStatus], strings: gettext.NullTranslations) -> list[str]:
    """The lines printed for one pack: a heading, then one row per language."""
    _, ngettext = strings.gettext, strings.ngettext
    texts = statuses[0].texts if statuses else 0
    steps = statuses[0].steps if statuses else 0
    lessons = len(pack.lessons)
    # Translators: the heading of one pack in `coach pack status`: "demo (lessons/demo): 2 lessons, 10 steps, 30 texts".
    heading = _("{id} ({location}): {lessons}, {steps}, {texts}").format(
        id=pack.id, location=pack.location,
        lessons=ngettext("{count} lesson", "{count} lessons", lessons).format(count=lessons),
        steps=ngettext("{count} step", "{count} steps", steps).format(count=steps),
        texts=ngettext("{count} text", "{count} texts", texts).format(count=texts))
    # Translators: column headings of `coach pack status`; keep them short.
    rows: list[tuple[str, ...]] = [(_("language"), _("translated"), _("reviewed"), _("recorded"),
                                    _("system voice"), _("silent"),
                                    _("over {count} words").format(count=WARN_ABOVE))]
    for status in statuses:
        rows.append((
            status.language + (" " + _("(source)") if status.source else ""),
            f"{status.translated}/{status.texts}",
            f"{status.reviewed}/{status.texts}",
            f"{status.recorded}/{status.steps}",
            "?" if status.voiced is None else f"{status.voiced}/{status.steps}",
            "?" if status.silent is None else str(status.silent),
            str(status.over_limit),
        ))
    return [heading, *_table(rows)]


def status_command(paths: list[str], out: TextIO, err: TextIO, lang: str | None = None) -> int:
    """Print the status of the packs at `paths` (default: built-in and installed); 1 if one cannot load."""
    from coach.packs.loader import load_library, load_pack
    from coach.paths import app_dirs, builtin_packs_dir

    strings = command_line_strings(lang)
    packs: list[Pack] = []
    broken = 0
    if paths:
        for path in paths:
            result = load_pack(path)
            if result.pack is None:
                broken += 1
                for problem in result.errors:
                    print(problem.render(strings.gettext), file=err)
            else:
                packs.append(result.pack)
    else:
        library = load_library(builtin_packs_dir(), app_dirs().packs)
        packs.extend(library.packs)
        for failed in library.broken:
            broken += 1
            for problem in failed.problems:
                if problem.is_error:
                    print(problem.render(strings.gettext), file=err)
    has_voice = _voice_check(err, strings) if packs else (lambda tag: None)
    for index, pack in enumerate(packs):
        if index:
            print(file=out)
        for line in render(pack, pack_status(pack, has_voice), strings):
            print(line, file=out)
    if broken:
        print(strings.ngettext("{count} pack could not be loaded; `coach pack check` says why",
                               "{count} packs could not be loaded; `coach pack check` says why",
                               broken).format(count=broken), file=err)
    return 1 if broken else 0
