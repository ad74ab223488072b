"""`coach voices` and `coach speak`: what the app will say, from the command line."""

from __future__ import annotations

from coach.speech.protocol import NO_VOICE, NORMAL_RATE, SLOW_RATE
from coach.speech.voices import Voice, choose_voice

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from typing import TextIO


def coach_languages() -> list[str]:
    """Coach's languages (the registry's order), then the interface's and the installed packs' others."""
    from coach.i18n.languages import SUPPORTED_TAGS
    from coach.i18n.ui_strings import available_ui_languages
    from coach.packs.loader import load_library
    from coach.paths import app_dirs, builtin_packs_dir

    tags = list(SUPPORTED_TAGS)
    tags.extend(tag for tag in available_ui_languages() if tag not in tags)
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


def voice_for(tag: str) -> Voice | None:
    """The voice the application would read `tag` with on this computer (None: no voice, or no engine)."""
    from coach.speech.client import SpeechClient, SpeechError

    try:
        with SpeechClient() as speech:
            voices = speech.voices()
            order = tuple(engine.name for engine in speech.engines)
    except SpeechError:
        return None
    return choose_voice(tag, voices, order)


def voices_command(out: TextIO, err: TextIO) -> int:
    """List the engines, then each language with its names and the engine and voice that read it, or "no voice"."""
    from coach.speech.client import SpeechClient, SpeechError

    from coach.i18n.ui_strings import command_line_strings

    strings = command_line_strings()
    _, ngettext = strings.gettext, strings.ngettext
    tags = coach_languages()
    try:
        with SpeechClient() as speech:
            voices = speech.voices()
            engines = speech.engines
    except SpeechError as exc:
        print("coach voices: " + _("speech is not available: {reason}").format(reason=exc), file=err)
        voices, engines = [], ()
    order = tuple(engine.name for engine in engines)
    rows = []
    for tag in tags:
        english, own = _names(tag)
        voice = choose_voice(tag, voices, order)
        rows.append((tag, english, own, f"{voice.engine}: {voice.id} ({voice.name})" if voice else _("no voice")))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    if not engines:
        print(_("speech engine: none"), file=out)
    for engine in engines:
        count = sum(1 for voice in voices if voice.engine == engine.name)
        timings = _("word highlighting") if engine.word_timings else _("no word highlighting")
        voices_text = ngettext("{count} voice", "{count} voices", count).format(count=count)
        print(_("speech engine {name}: {detail}, {voices}, {timings}").format(
            name=engine.name, detail=engine.detail, voices=voices_text, timings=timings), file=out)
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3],
              file=out)
    return 0


def _(message: str) -> str:
    """`message` in the environment's language: the catalog is read when a message is shown, not before.

    With no language asked for (LANG=C, POSIX or nothing set) that is the message as
    written, as `command_line_strings` answers then, without importing gettext.
    """
    from coach.i18n.tags import environment_language

    if environment_language() is None:
        return message
    from coach.i18n.ui_strings import command_line_strings

    return command_line_strings().gettext(message)


def speak_command(lang: str, text: str, out_path: str, slow: bool, out: TextIO, err: TextIO) -> int:
    """Write what the app would say for `text` in `lang` to `out_path` (a WAV file).

    The sentence is synthesised in this process, not through the speech child: the
    child guards the window against a hung or crashed engine, which a command line does
    not need, and a second Python with its own start-up would double the time. Only
    what this needs is imported (see docs/performance.md, "`coach speak`").
    """
    from coach.i18n.tags import is_supported, normalize_tag

    if not is_supported(lang):  # Coach's own languages are known; another tag is Babel's to judge
        from coach.i18n.languages import is_known

        if not is_known(lang):
            print("coach speak: " + _("unknown language tag {tag!r}").format(tag=lang), file=err)
            return 2
    tag = normalize_tag(lang)
    from coach.speech import engines
    from coach.speech.child import Speakers
    from coach.speech.lazylog import silence

    silence("coach.speech.child")  # the failure is told below, once
    try:
        answer = Speakers(engines.driver_names()).write(text, tag, SLOW_RATE if slow else NORMAL_RATE, out_path)
    except OSError as exc:
        print("coach speak: " + _("cannot write {path}: {reason}").format(path=out_path, reason=exc), file=err)
        return 1
    if not answer.get("ok"):
        if answer.get("error") == NO_VOICE:
            print("coach speak: " + _("no voice is installed for {tag}; see docs/speech.md to add one").format(tag=tag),
                  file=err)
        else:
            print(f"coach speak: {answer.get('message', '')}", file=err)
        return 1
    print(_("{path}: {seconds:.2f} s, voice {voice}").format(
        path=out_path, seconds=answer["duration_ms"] / 1000, voice=answer["voice"]), file=out)
    return 0

