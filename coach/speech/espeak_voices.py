"""espeak-ng's voices, listed once and kept in the cache folder until the library or its data change.

`espeak_ListVoices` reads every voice file of espeak-ng-data (141 in 1.52) and each is
turned into BCP 47 tags: about 5 ms at every start of the speech child and of
`coach speak`, for a list that changes only when espeak-ng is installed, upgraded or
given a voice. The list is kept in `<cache>/espeak-voices.txt` with what it depends on:
the library file and the data folder's voice folders (`voices`, `lang` and the folders
in them), each by size and modification time. Adding or removing a voice file changes
its folder's time; a voice file edited in place is not seen (remove the file). A
missing, damaged or outdated file is simply listed again and rewritten.

The file is lines of text: its format, what it depends on (one line), then one voice a
line, its id, name and tags apart by tabs. Not JSON: `json` imports `re`, a quarter of
espeak-ng's own time for `coach speak` (cache.py says more).
"""

from __future__ import annotations

import os

from coach.speech import engines
from coach.speech.espeak_api import EspeakApi
from coach.speech.voices import Voice, engine_languages

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from coach.speech.cache import StrPath

FORMAT = "coach-espeak-voices 2"
FILE_NAME = "espeak-voices.txt"


def read_voices(api: EspeakApi) -> list[Voice]:
    """espeak-ng's voices with the ids pyttsx3 gives them (the lower-cased identifier, "roa/fr")."""
    voices = []
    for raw in api.list_voices():
        voice_id = raw.identifier.decode("utf-8").lower()
        # `languages` is a priority byte, then the language, NUL-terminated (the first one)
        spoken = [raw.languages[1:].decode("utf-8", errors="ignore")] if raw.languages else None
        voices.append(Voice(voice_id, raw.name.decode("utf-8"), engine_languages(engines.ESPEAK, spoken, voice_id),
                            engines.ESPEAK))
    return voices


def _stamp(path: str) -> tuple[str, int, int] | tuple[str, None]:
    try:
        stat = os.stat(path)
    except OSError:
        return path, None
    return path, stat.st_size, stat.st_mtime_ns


def depends_on(library_path: str, data_path: str) -> str:
    """What the voice list is read from, on one line: the library and the voice folders, by path, size and time."""
    stamps = [_stamp(library_path)]
    for top in (os.path.join(data_path, "voices"), os.path.join(data_path, "lang")):
        stamps.append(_stamp(top))
        try:
            stamps.extend(_stamp(entry.path) for entry in sorted(os.scandir(top), key=lambda e: e.name)
                          if entry.is_dir())
        except OSError:
            pass
    return repr(stamps)  # one line: repr escapes any line break in a path


def _voice_line(voice: Voice) -> str | None:
    fields = (voice.id, voice.name, " ".join(voice.languages))
    return None if any(mark in field for field in fields for mark in "\t\n\r") else "\t".join(fields)


def _read_back(text: str, key: str) -> list[Voice] | None:
    """The voices of a kept list written for `key`; None when it is not one (outdated, damaged)."""
    lines = text.split("\n")
    if len(lines) < 3 or lines[0] != FORMAT or lines[1] != key or lines[-1] != "":
        return None
    voices = []
    for line in lines[2:-1]:
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0]:
            return None
        voices.append(Voice(fields[0], fields[1], tuple(fields[2].split()), engines.ESPEAK))
    return voices


def cached_voices(api: EspeakApi, cache_file: StrPath) -> list[Voice]:
    """The library's voices: from `cache_file` when it was written for this library and data, else listed and kept."""
    cache_file = os.fspath(cache_file)
    key = depends_on(api.path, api.data_path())
    try:
        with open(cache_file, encoding="utf-8") as handle:
            kept = _read_back(handle.read(), key)
        if kept is not None:
            return kept
    except (OSError, ValueError):
        pass  # missing or not text: list again
    voices = read_voices(api)
    lines = [_voice_line(voice) for voice in voices]
    if None in lines:  # a tab or line break in a name: not kept, listed at each start
        return voices
    text = "\n".join([FORMAT, key, *(line for line in lines if line is not None)]) + "\n"
    try:
        from coach.speech.cache import atomic_write

        os.makedirs(os.path.dirname(cache_file), exist_ok=True)
        atomic_write(cache_file, text.encode("utf-8"))
    except OSError:
        pass
    return voices
