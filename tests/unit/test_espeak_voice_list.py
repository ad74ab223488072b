"""espeak-ng's voice list kept in the cache folder: read back while nothing changed, listed again when it did."""

from __future__ import annotations

import os
from pathlib import Path

from coach.speech.espeak_api import VoiceEntry
from coach.speech.espeak_voices import cached_voices, read_voices
from coach.speech.voices import Voice


class Library:
    """A stand-in for EspeakApi over a library file and an espeak-ng-data folder in tmp_path."""

    def __init__(self, root: Path) -> None:
        self.path = str(root / "libespeak-ng.so")
        Path(self.path).write_bytes(b"library")
        self.data = root / "espeak-ng-data"
        for folder in ("voices/!v", "lang/roa", "lang/sem"):
            (self.data / folder).mkdir(parents=True)
        self.entries = [VoiceEntry(name=b"French (France)", languages=b"\x05fr", identifier=b"roa/fr"),
                        VoiceEntry(name=b"Arabic", languages=b"\x05ar", identifier=b"sem/ar")]
        self.listed = 0

    def data_path(self) -> str:
        return str(self.data)

    def list_voices(self) -> list[VoiceEntry]:
        self.listed += 1
        return self.entries


def later(path: Path) -> None:
    """Move a file's or folder's modification time on, as adding a file to it would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_the_list_is_read_back_until_the_library_or_a_voice_folder_changes(tmp_path: Path) -> None:
    library = Library(tmp_path)
    kept = tmp_path / "cache" / "espeak-voices.json"
    first = cached_voices(library, kept)  # type: ignore[arg-type]
    assert first == [Voice("roa/fr", "French (France)", ("fr",), "espeak"), Voice("sem/ar", "Arabic", ("ar",), "espeak")]
    assert first == read_voices(library)  # type: ignore[arg-type]
    library.listed = 0
    assert cached_voices(library, kept) == first and library.listed == 0  # type: ignore[arg-type]
    for changed in (library.data / "lang" / "sem", library.data / "voices", Path(library.path)):
        later(changed)
        assert cached_voices(library, kept) == first and library.listed == 1  # type: ignore[arg-type]
        assert cached_voices(library, kept) == first and library.listed == 1  # type: ignore[arg-type]
        library.listed = 0


def test_a_new_voice_folder_or_a_damaged_file_lists_again(tmp_path: Path) -> None:
    library = Library(tmp_path)
    kept = tmp_path / "cache" / "espeak-voices.json"
    cached_voices(library, kept)  # type: ignore[arg-type]
    (library.data / "lang" / "ine").mkdir()
    library.entries.append(VoiceEntry(name=b"Persian", languages=b"\x05fa", identifier=b"ine/fa"))
    assert [v.id for v in cached_voices(library, kept)] == ["roa/fr", "sem/ar", "ine/fa"]  # type: ignore[arg-type]
    kept.write_text("{not json", encoding="utf-8")
    assert len(cached_voices(library, kept)) == 3 and library.listed == 3  # type: ignore[arg-type]
    assert len(cached_voices(library, kept)) == 3 and library.listed == 3  # type: ignore[arg-type]


def test_names_in_any_script_read_back_and_a_name_with_a_tab_is_listed_each_time(tmp_path: Path) -> None:
    """The kept list is lines of text apart by tabs: any name reads back as it was; one that holds a tab or a
    line break cannot be kept, so the list is simply read from espeak-ng at each start (never misread)."""
    library = Library(tmp_path)
    library.entries = [VoiceEntry(name="Tigrinya ትግርኛ".encode(), languages=b"\x05ti", identifier=b"sem/ti"),
                       VoiceEntry(name="فارسی (Persian)".encode(), languages=b"\x05fa", identifier=b"ira/fa")]
    kept = tmp_path / "cache" / "espeak-voices.txt"
    first = cached_voices(library, kept)  # type: ignore[arg-type]
    library.listed = 0
    assert cached_voices(library, kept) == first and library.listed == 0  # type: ignore[arg-type]
    assert [v.name for v in first] == ["Tigrinya ትግርኛ", "فارسی (Persian)"]
    library.entries.append(VoiceEntry(name=b"Odd\tname", languages=b"\x05so", identifier=b"cus/so"))
    later(library.data / "voices")
    assert len(cached_voices(library, kept)) == 3 and library.listed == 1  # type: ignore[arg-type]
    assert len(cached_voices(library, kept)) == 3 and library.listed == 2  # type: ignore[arg-type]
