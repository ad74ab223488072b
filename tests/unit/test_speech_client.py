"""The speech client against the fake child: answers, errors, and one restart after a hang or a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from coach.speech.client import SpeechClient, SpeechError

FAKE = Path(__file__).resolve().parents[1] / "fakes" / "fake_speech_child.py"
DEADLINE = 0.6  # short, so hang tests stay fast; the fake answers in milliseconds


def client(tmp_path: Path, **env: str) -> SpeechClient:
    return SpeechClient([sys.executable, str(FAKE)], deadline=DEADLINE, env={**os.environ, **env})


def test_speak_writes_a_wav_and_the_second_time_uses_the_cache(tmp_path: Path) -> None:
    """The fake writes 250 ms per word + 200 ms, evenly timed words; the same request again is cached."""
    with client(tmp_path) as speech:
        assert speech.engine == "fake"
        first = speech.speak("Touchez le bouton vert", "fr")
        again = speech.speak("Touchez le bouton vert", "fr")
    assert not first.cached and again.cached and again.wav == first.wav
    assert first.duration_ms == 4 * 250 + 200
    with wave.open(first.wav) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        assert round(wav.getnframes() * 1000 / 22050) == first.duration_ms
    assert [w.time_ms for w in first.words] == [100, 350, 600, 850]
    assert "Touchez le bouton vert"[first.words[2].start:][:first.words[2].length] == "bouton"


def test_voices_and_no_voice_for_tigrinya(tmp_path: Path) -> None:
    """Voices carry the engine name; Tigrinya raises SpeechError("no-voice") without a restart."""
    with client(tmp_path) as speech:
        voices = speech.voices()
        with pytest.raises(SpeechError) as caught:
            speech.speak("ሰላም", "ti")
        assert speech.restarts == 0
    assert caught.value.reason == "no-voice"
    assert {v.engine for v in voices} == {"fake"} and not any(t.startswith("ti") for v in voices for t in v.languages)


def test_a_hang_is_replaced_and_the_request_succeeds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A child that does not answer is killed after the deadline (a timeout, not a crash); the new one answers."""
    once = tmp_path / "hung-once"
    with client(tmp_path, FAKE_SPEECH_HANG_ON="Attendez", FAKE_SPEECH_ONCE=str(once)) as speech:
        first_pid = speech.pid
        with caplog.at_level("WARNING", logger="coach.speech.client"):
            utterance = speech.speak("Attendez", "fr")
        assert speech.pid != first_pid and speech.restarts == 1
    assert utterance.duration_ms == 450 and once.exists()
    assert [r.getMessage() for r in caplog.records] == [
        "speech process failed (the speech process did not answer in time); restarting it"]


def test_a_crash_is_replaced_and_the_request_succeeds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A child that dies mid-request is restarted at once: seen as a crash, not waited for as a timeout."""
    once = tmp_path / "crashed-once"
    with client(tmp_path, FAKE_SPEECH_CRASH_ON="Boum", FAKE_SPEECH_ONCE=str(once)) as speech:
        with caplog.at_level("WARNING", logger="coach.speech.client"):
            assert speech.speak("Boum", "fr").duration_ms == 450
        assert speech.restarts == 1
        assert len(caplog.records) == 1 and "has stopped" in caplog.records[0].getMessage()
        assert speech.speak("Encore", "fr").duration_ms == 450


@pytest.mark.parametrize(("variable", "reason"), [("FAKE_SPEECH_HANG_ON", "timeout"),
                                                  ("FAKE_SPEECH_CRASH_ON", "crashed")])
def test_two_failures_raise_speech_error(tmp_path: Path, variable: str, reason: str) -> None:
    """When the restarted child fails too, SpeechError says why; the client still works afterwards."""
    with client(tmp_path, **{variable: "Jamais"}) as speech:
        with pytest.raises(SpeechError) as caught:
            speech.speak("Jamais", "fr")
        assert caught.value.reason == reason and "after one restart" in str(caught.value)
        assert speech.speak("Bonjour", "fr").duration_ms == 450


def test_a_child_that_cannot_start_raises(tmp_path: Path) -> None:
    """A missing program or one that exits at once gives SpeechError("start")."""
    for command in ([str(tmp_path / "no-such-program")], [sys.executable, "-c", "pass"]):
        with pytest.raises(SpeechError) as caught:
            SpeechClient(command).start()
        assert caught.value.reason == "start"


def test_close_ends_the_child(tmp_path: Path) -> None:
    """Leaving the context ends the child process."""
    with client(tmp_path) as speech:
        process = speech._child.process  # type: ignore[union-attr]
    assert process.wait(timeout=5) == 0
    assert speech.pid is None


def test_the_fake_speaks_bad_request_and_quits_on_end_of_input() -> None:
    """The fake answers a malformed line and exits 0 at EOF, like the real child."""
    done = subprocess.run([sys.executable, str(FAKE)], input=b"nope\n", capture_output=True, timeout=30)
    assert done.returncode == 0 and b'"bad-request"' in done.stdout
