"""The speech cache: keys, atomic entries, damaged sidecars, and trimming the least recently used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.paths import app_dirs
from coach.speech import cache
from coach.speech.protocol import WordTiming

WAV_BYTES = b"RIFF" + b"\0" * 100


def put(key: str, folder: Path | None = None, size: int = 100) -> None:
    tmp = Path(cache.new_temp_wav(folder))
    tmp.write_bytes(b"RIFF" + b"\0" * size)
    cache.store(key, tmp, "roa/fr", 1234, [WordTiming(0, 7, 40)], folder)


def test_key_depends_on_engine_voice_rate_and_text() -> None:
    """Each of the four values changes the key; rates equal to 1/1000 share it."""
    base = cache.cache_key("espeak", "roa/fr", 1.0, "Bonjour.")
    others = {cache.cache_key("sapi5", "roa/fr", 1.0, "Bonjour."), cache.cache_key("espeak", "roa/fr-be", 1.0,
              "Bonjour."), cache.cache_key("espeak", "roa/fr", 0.75, "Bonjour."),
              cache.cache_key("espeak", "roa/fr", 1.0, "Bonjour !")}
    assert base not in others and len(others) == 4
    assert cache.cache_key("espeak", "roa/fr", 1.0000001, "Bonjour.") == base
    assert len(base) == 64 and int(base, 16) >= 0


def test_folder_is_in_coach_cache() -> None:
    """The speech cache lives in Coach's cache folder (COACH_HOME in tests)."""
    assert Path(cache.cache_dir()) == app_dirs().cache / "speech"
    assert Path(cache.private_dir()) == app_dirs().cache / "speech-private"


def test_store_then_lookup() -> None:
    """A stored entry comes back as a cached Utterance with its words; no temporary file is left."""
    put("a" * 64)
    hit = cache.lookup("a" * 64)
    assert hit is not None and hit.cached and hit.voice == "roa/fr" and hit.duration_ms == 1234
    assert hit.words == (WordTiming(0, 7, 40),) and hit.wav == cache.wav_path("a" * 64)
    assert not [p for p in Path(cache.cache_dir()).iterdir() if p.name.startswith(".tmp-")]
    assert Path(cache.sidecar_path("a" * 64)).read_text(encoding="utf-8") == "coach-speech 2\nroa/fr\n1234\n0 7 40\n"
    assert cache.lookup("b" * 64) is None


def test_damaged_entries_are_missing() -> None:
    """A sidecar that is not one, lacks a line, or whose WAV is gone or empty: lookup gives None."""
    damages = {
        "1": lambda side, wav: side.write_text('{"voice": "v", "duration_ms": 1, "words": []}'),
        "2": lambda side, wav: side.write_text("coach-speech 2\nroa/fr\n"),
        "3": lambda side, wav: side.write_text("coach-speech 2\nroa/fr\n1234\n1 2\n"),
        "4": lambda side, wav: wav.unlink(),
        "5": lambda side, wav: wav.write_bytes(b""),
        "6": lambda side, wav: side.unlink(),
        "7": lambda side, wav: side.write_text("coach-speech 2\nroa/fr\n1234\n0 7 40"),  # cut: no last line end
        "8": lambda side, wav: side.write_text("coach-speech 2\nroa/fr\nlong\n"),
        "9": lambda side, wav: side.write_bytes(b"coach-speech 2\n\xff\n1\n"),
        "10": lambda side, wav: side.write_text("coach-speech 1\nroa/fr\n1234\n"),
    }
    for key, damage in damages.items():
        put(key)
        damage(Path(cache.sidecar_path(key)), Path(cache.wav_path(key)))
        assert cache.lookup(key) is None, key


@given(st.text().filter(lambda s: s and "\n" not in s and "\r" not in s), st.integers(0, 10**7),
       st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**4), st.integers(0, 10**7)), max_size=50))
def test_a_sidecar_reads_back_what_was_written(voice: str, duration_ms: int, words: list[tuple[int, int, int]]) -> None:
    timings = tuple(WordTiming(*word) for word in words)
    assert cache.read_sidecar(cache.sidecar_text(voice, duration_ms, timings)) == (voice, duration_ms, timings)


def test_a_voice_id_on_two_lines_is_refused() -> None:
    with pytest.raises(ValueError):
        cache.sidecar_text("roa/fr\nroa/de", 1, ())


def test_trim_removes_least_recently_used_first(tmp_path: Path) -> None:
    """Over the cap, the entries looked up longest ago go first; a lookup protects an entry."""
    folder = tmp_path / "speech"
    for i, key in enumerate(["old", "mid", "new"]):
        put(key, folder, size=1000)
        past = time.time() - 1000 + i * 100
        os.utime(cache.sidecar_path(key, folder), (past, past))
    assert cache.lookup("old", folder) is not None  # used just now: the most recent
    entry_size = sum(p.stat().st_size for p in folder.glob("new.*"))
    assert sorted(p.name for p in folder.glob("new.*")) == ["new.wav", "new.words"]
    freed = cache.trim(max_bytes=2 * entry_size, folder=folder)
    assert freed == entry_size
    assert cache.lookup("mid", folder) is None
    assert cache.lookup("old", folder) is not None and cache.lookup("new", folder) is not None
    assert cache.trim(max_bytes=10**9, folder=folder) == 0


def test_trim_removes_stale_orphans_and_temporaries(tmp_path: Path) -> None:
    """Old temporary files and half entries go; fresh ones (being written) stay."""
    folder = tmp_path / "speech"
    folder.mkdir()
    old = time.time() - 7200
    for name in (".tmp-old.wav", "orphan.wav", "lonely.words", "format-1.wav", "format-1.json"):
        (folder / name).write_bytes(b"x" * 10)
        os.utime(folder / name, (old, old))
    (folder / ".tmp-fresh.wav").write_bytes(b"x")
    cache.trim(folder=folder)
    assert sorted(p.name for p in folder.iterdir()) == [".tmp-fresh.wav"]
    assert cache.trim(folder=tmp_path / "absent") == 0


def test_temporary_files_are_new_owner_only_and_never_an_existing_file(tmp_path: Path) -> None:
    """What tempfile.mkstemp gave: a fresh ".tmp-" name each time, mode 0600 whatever the umask."""
    old_umask = os.umask(0)
    try:
        made = {cache.new_temp_wav(tmp_path) for _ in range(20)}
    finally:
        os.umask(old_umask)
    assert len(made) == 20
    for path in map(Path, made):
        assert path.parent == tmp_path and path.name.startswith(".tmp-") and path.suffix == ".wav"
        assert path.stat().st_size == 0 and (path.stat().st_mode & 0o777) == 0o600


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "entry.json"
    target.write_bytes(b"old")
    cache.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]
