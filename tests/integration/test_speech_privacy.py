"""Issue 14 items 2 and 11 with the real child and espeak-ng: long texts in a fresh child, nothing
half written left behind, owner-only files, and client data never in the persistent speech cache."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.speech import cache
from coach.speech.client import SpeechClient
from coach.speech.protocol import SLOW_RATE

pytestmark = pytest.mark.integration

LONG = ("Bonjour, ceci est une phrase assez longue pour tester la synthèse vocale du coach. " * 3)[:200]
RECORD = "Ce que nous avons noté sur vous\nVotre nom ici : Zainab Q.\nVotre code : K7P2\nNote : elle a un fils."


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def every_file(folder: str | Path) -> list[Path]:
    return [p for p in Path(folder).rglob("*")] if Path(folder).exists() else []


@pytest.mark.parametrize("attempt", range(3))
def test_a_long_text_in_a_fresh_child_succeeds_and_leaves_nothing_half_written(attempt: int, umask_022: None) -> None:
    """Each run is a new child (its first utterance), as in `coach speak`."""
    with SpeechClient() as speech:
        utterance = speech.speak(LONG, "fr", SLOW_RATE if attempt % 2 else 1.0)
    assert utterance.duration_ms > 8000 and not utterance.cached
    files = every_file(cache.cache_dir())
    assert not [p for p in files if p.name.startswith(".tmp-")]
    for path in files:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert stat.S_IMODE(os.stat(cache.cache_dir()).st_mode) == 0o700


def test_private_speech_never_reaches_the_speech_cache(umask_022: None) -> None:
    """A client's record read aloud: no file keyed by its text, nothing after it is read, twice over."""
    with SpeechClient() as speech:
        first = speech.speak(RECORD, "fr", private=True)
        assert first.private and not first.cached
        path = Path(first.wav)
        assert path.parent == Path(cache.private_dir()) and path.is_file()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(os.stat(cache.private_dir()).st_mode) == 0o700
        cache.discard_private(path)
        assert not path.exists()
        again = speech.speak(RECORD, "fr", private=True)
        assert not again.cached and again.wav != first.wav
        speech.speak("Touchez le bouton vert.", "fr")  # a lesson text is cached as before
    key = cache.cache_key("espeak", first.voice, 1.0, RECORD)
    assert not os.path.exists(cache.wav_path(key)) and not os.path.exists(cache.sidecar_path(key))
    assert cache.wipe_private() == 1 and not os.listdir(cache.private_dir())
    assert no_client_data_in(Path(cache.cache_dir()).parent, RECORD)


def no_client_data_in(folder: Path, text: str) -> bool:
    """No file under `folder` holds the text, a line of it, or the cache key of it."""
    needles = [line.encode("utf-8") for line in text.splitlines() if len(line) > 8]
    keys = {cache.cache_key("espeak", voice, rate, text) for voice in ("roa/fr",) for rate in (1.0, SLOW_RATE)}
    for path in every_file(folder):
        if path.is_file():
            data = path.read_bytes()
            if any(needle in data for needle in needles) or path.stem in keys:
                return False
            if hashlib.sha256(data).hexdigest() in keys:
                return False
    return True
