"""Speakers.write, `coach speak`'s synthesis: the app's voice and speed into the file asked for, never half a file."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from coach.speech import cache, engines
from coach.speech.child import Speakers
from coach.speech.client import SpeechClient
from coach.speech.protocol import ENGINE_ERROR

pytestmark = pytest.mark.integration

TEXT = "Touchez le bouton vert pour continuer."


@pytest.fixture
def speakers(coach_home: Path) -> Speakers:
    started = Speakers([engines.ESPEAK])
    assert started.speakers, started.error
    return started


def frames(path: Path) -> int:
    with wave.open(str(path)) as wav:
        return wav.getnframes()


def test_the_wav_is_the_one_the_window_plays_and_the_cache_is_not_used(coach_home: Path, tmp_path: Path) -> None:
    """`coach speak` and the window's speech child, each a fresh process: the same bytes; the CLI left no cache."""
    target = tmp_path / "out.wav"
    done = subprocess.run([sys.executable, "-m", "coach", "speak", "--lang", "fr", "--text", TEXT, "--out",
                           str(target)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not os.path.exists(cache.cache_dir())
    with SpeechClient() as speech:
        played = speech.speak(TEXT, "fr")
    assert not played.cached and Path(played.wav).read_bytes() == target.read_bytes()


def test_the_answer_says_the_voice_and_the_length(speakers: Speakers, tmp_path: Path) -> None:
    target = tmp_path / "out.wav"
    answer = speakers.write(TEXT, "fr", 1.0, str(target))
    assert answer == {"ok": True, "voice": "roa/fr", "duration_ms": answer["duration_ms"]}
    with wave.open(str(target)) as wav:
        assert wav.getframerate() == 22050 and wav.getnchannels() == 1
        assert answer["duration_ms"] == round(wav.getnframes() * 1000 / wav.getframerate())
    assert not os.path.exists(cache.cache_dir())


def test_a_failed_synthesis_leaves_the_file_as_it_was(speakers: Speakers, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """espeak-ng refusing the text: an engine error, and the old file untouched (not truncated, not half written)."""
    target = tmp_path / "out.wav"
    target.write_bytes(b"the trainer's earlier take")
    monkeypatch.setattr(speakers.speakers[0].engine, "synth", lambda text: 1)  # EE_INTERNAL_ERROR
    answer = speakers.write(TEXT, "fr", 1.0, str(target))
    assert answer["ok"] is False and answer["error"] == ENGINE_ERROR and "refused" in answer["message"]
    assert target.read_bytes() == b"the trainer's earlier take"


def test_a_second_speaker_in_the_process_shares_the_first_start(speakers: Speakers, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """espeak-ng is started once per process, from the data folder it was given: a later speaker works even when
    the environment no longer names that folder (started again then, espeak-ng ended the whole process)."""
    assert speakers.write(TEXT, "fr", 1.0, str(tmp_path / "first.wav"))["ok"]
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(tmp_path / "nowhere"))
    second = Speakers([engines.ESPEAK])
    assert second.speakers, second.error
    answer = second.write(TEXT, "fr", 1.0, str(tmp_path / "second.wav"))
    assert answer["ok"] and frames(tmp_path / "second.wav") > 0


def test_a_folder_that_is_not_there_is_an_os_error(speakers: Speakers, tmp_path: Path) -> None:
    """Raised, for the command to say "cannot write" (tests/unit/test_speak_fast_path.py checks its one line)."""
    with pytest.raises(OSError):
        speakers.write(TEXT, "fr", 1.0, str(tmp_path / "missing" / "out.wav"))


def test_an_engine_that_writes_as_it_goes_speaks_through_the_cache(speakers: Speakers, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """pyttsx3's engines write their file while they speak: theirs is made in the cache and copied when whole."""
    monkeypatch.setattr(speakers.speakers[0], "writes_when_done", False)
    slow = tmp_path / "slow.wav"
    answer = speakers.write(TEXT, "fr", 0.75, str(slow))
    assert answer["ok"] is True and answer["voice"] == "roa/fr"
    assert Path(answer["wav"]).parent == Path(cache.cache_dir()) and Path(answer["wav"]).read_bytes() == slow.read_bytes()
    monkeypatch.setattr(speakers.speakers[0], "writes_when_done", True)
    normal = tmp_path / "normal.wav"
    speakers.write(TEXT, "fr", 1.0, str(normal))
    assert frames(slow) > frames(normal)
