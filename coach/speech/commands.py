"""`coach voices` and `coach speak`: what the app will say, from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TextIO

from coach.i18n.ui_strings import command_line_strings
from coach.speech.client import SpeechClient, SpeechError
from coach.speech.protocol import NORMAL_RATE, SLOW_RATE
from coach.speech.voices import choose_voice


def coach_languages() -> list[str]:
    """The interface's languages, then the installed packs' languages not already listed."""
    from coach.i18n.ui_strings import available_ui_languages
    from coach.packs.loader import load_library
    from coach.paths import app_dirs, builtin_packs_dir

    tags = list(available_ui_languages())
    for pack in load_library(builtin_packs_dir(), app_dirs().packs).packs:
        tags.extend(tag for tag in pack.languages if tag not in tags)
    return tags


def _names(tag: str) -> tuple[str, str]:
    from coach.i18n.languages import language

    try:
        entry = language(tag)
    except ValueError:
        return tag, tag
    return entry.english_name, entry.endonym


def voices_command(out: TextIO, err: TextIO) -> int:
    """List each language with its names and the voice Coach will use, or "no voice"."""
    _ = command_line_strings().gettext
    tags = coach_languages()
    try:
        with SpeechClient() as speech:
            voices = speech.voices()
            engine = speech.engine
    except SpeechError as exc:
        print("coach voices: " + _("speech is not available: {reason}").format(reason=exc), file=err)
        voices, engine = [], "none"
    rows = []
    for tag in tags:
        english, own = _names(tag)
        voice = choose_voice(tag, voices)
        rows.append((tag, english, own, f"{voice.id} ({voice.name})" if voice else _("no voice")))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print(_("speech engine: {engine}, {count} voices").format(engine=engine, count=len(voices)), file=out)
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3],
              file=out)
    return 0


def speak_command(lang: str, text: str, out_path: str, slow: bool, out: TextIO, err: TextIO) -> int:
    """Write what the app would say for `text` in `lang` to `out_path` (a WAV file)."""
    from coach.i18n.languages import is_known, normalize_tag

    _ = command_line_strings().gettext
    if not is_known(lang):
        print("coach speak: " + _("unknown language tag {tag!r}").format(tag=lang), file=err)
        return 2
    tag = normalize_tag(lang)
    try:
        with SpeechClient() as speech:
            utterance = speech.speak(text, tag, SLOW_RATE if slow else NORMAL_RATE)
    except SpeechError as exc:
        if exc.reason == "no-voice":
            print("coach speak: " + _("no voice is installed for {tag}; see docs/speech.md to add one").format(tag=tag),
                  file=err)
        else:
            print(f"coach speak: {exc}", file=err)
        return 1
    destination = Path(out_path)
    try:
        shutil.copyfile(utterance.wav, destination)
    except OSError as exc:
        print("coach speak: " + _("cannot write {path}: {reason}").format(path=destination, reason=exc), file=err)
        return 1
    print(_("{path}: {seconds:.2f} s, voice {voice}").format(
        path=destination, seconds=utterance.duration_ms / 1000, voice=utterance.voice), file=out)
    return 0
