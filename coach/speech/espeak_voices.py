"""espeak-ng's voices, listed once and kept in the cache folder until the library or its data change.

`espeak_ListVoices` reads every voice file of espeak-ng-data (141 in 1.52) and each is
turned into BCP 47 tags: about 5 ms at every start of the speech child and of
`coach speak`, for a list that changes only when espeak-ng is installed, upgraded or
given a voice. The list is kept as JSON in `<cache>/espeak-voices.json` with what it
depends on: the library file and the data folder's voice folders (`voices`, `lang` and
the folders in them), each by size and modification time. Adding or removing a voice
file changes its folder's time; a voice file edited in place is not seen (remove the
JSON file). A missing, damaged or outdated file is simply listed again and rewritten.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from coach.speech import engines
from coach.speech.espeak_api import EspeakApi
from coach.speech.voices import Voice, engine_languages

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1
FILE_NAME = "espeak-voices.json"


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


def _stamp(path: Path) -> list[Any]:
    try:
        stat = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def depends_on(library_path: str, data_path: str) -> list[Any]:
    """What the voice list is read from: the library and the voice folders, by path, size and time."""
    stamps = [FORMAT, _stamp(Path(library_path))]
    data = Path(data_path)
    for top in (data / "voices", data / "lang"):
        stamps.append(_stamp(top))
        try:
            stamps.extend(_stamp(Path(entry.path)) for entry in sorted(os.scandir(top), key=lambda e: e.name)
                          if entry.is_dir())
        except OSError:
            pass
    return stamps


def cached_voices(api: EspeakApi, cache_file: Path) -> list[Voice]:
    """The library's voices: from `cache_file` when it was written for this library and data, else listed and kept."""
    key = depends_on(api.path, api.data_path())
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data["depends_on"] == key:
            return [Voice(str(i), str(name), tuple(str(tag) for tag in tags), engines.ESPEAK)
                    for i, name, tags in data["voices"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing, damaged or of another format: list again
    voices = read_voices(api)
    text = json.dumps({"depends_on": key, "voices": [[v.id, v.name, list(v.languages)] for v in voices]},
                      ensure_ascii=False)
    try:
        from coach.speech.cache import atomic_write

        cache_file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cache_file, text.encode("utf-8"))
    except OSError:
        pass
    return voices
