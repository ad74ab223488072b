"""The real speech child with the real espeak-ng: WAV files, word timings, cache, kill, hang, no voice."""

from __future__ import annotations

import os
import signal
import unicodedata
import wave
from collections.abc import Iterator

import pytest

from coach.speech.client import SpeechClient, SpeechError
from coach.speech.protocol import ANSWER_DEADLINE_S, SLOW_RATE, Utterance

pytestmark = pytest.mark.integration

FRENCH = "Touchez l'icône verte pour ouvrir l'écran d'accueil."  # 8 words as a reader counts them
ARABIC = "اضغط على الزر الأخضر لفتح الرسائل."  # 6 words


@pytest.fixture
def speech() -> Iterator[SpeechClient]:
    with SpeechClient() as client:
        yield client


def wav_seconds(path: str) -> float:
    with wave.open(path) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        return wav.getnframes() / wav.getframerate()


def strip_punctuation(word: str) -> str:
    return "".join(c for c in word if unicodedata.category(c)[0] in "LMN" or c in "'-")


def check_utterance(text: str, utterance: Utterance) -> None:
    seconds = wav_seconds(utterance.wav)
    words = [strip_punctuation(w) for w in text.split()]
    assert 0.8 <= seconds <= 6, seconds
    assert abs(seconds * 1000 - utterance.duration_ms) <= 1
    spoken = [text[w.start:w.start + w.length] for w in utterance.words]
    assert spoken == words  # every word of the text, in order, each a Python slice
    times = [w.time_ms for w in utterance.words]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert 0 <= times[0] < times[-1] < utterance.duration_ms


def test_french_and_arabic(speech: SpeechClient) -> None:
    """French with elisions and accents, and Arabic: plausible WAV lengths, word timings on the words."""
    assert speech.engine == "espeak"
    french = speech.speak(FRENCH, "fr")
    assert french.voice == "roa/fr" and not french.cached
    check_utterance(FRENCH, french)
    arabic = speech.speak(ARABIC, "ar")
    assert arabic.voice == "sem/ar"
    check_utterance(ARABIC, arabic)


def test_second_request_comes_from_the_cache(speech: SpeechClient) -> None:
    """The same text again: cached, the same file (how much faster: bench/bench_speech.py)."""
    cold = speech.speak(FRENCH, "fr")
    warm = speech.speak(FRENCH, "fr")
    assert not cold.cached and warm.cached
    assert (warm.wav, warm.words, warm.duration_ms) == (cold.wav, cold.words, cold.duration_ms)


def test_slow_rate_is_longer_every_time(speech: SpeechClient) -> None:
    """Alternating normal and slower requests: each slower one is longer (espeak once applied rates late)."""
    for i in range(6):
        text = f"{FRENCH} {i}"
        normal, slow = speech.speak(text, "fr"), speech.speak(text, "fr", SLOW_RATE)
        assert slow.wav != normal.wav
        assert slow.duration_ms > normal.duration_ms * 1.2, (i, normal.duration_ms, slow.duration_ms)


def test_the_same_text_has_the_same_length_in_every_fresh_child(tmp_path, monkeypatch) -> None:
    """Fresh children with empty caches say one sentence at two rates: one length per rate, always.

    With pyttsx3's asynchronous espeak driver about 1 fresh child in 16 spoke at its own
    rate (200 words a minute, not 175): the same sentence came out 15% shorter.
    """
    lengths: dict[float, set[int]] = {1.0: set(), SLOW_RATE: set()}
    for i in range(6):
        monkeypatch.setenv("COACH_HOME", str(tmp_path / str(i)))
        with SpeechClient() as speech:
            for rate in lengths:
                utterance = speech.speak(FRENCH, "fr", rate)
                assert not utterance.cached
                lengths[rate].add(wave.open(utterance.wav).getnframes())
    assert all(len(found) == 1 for found in lengths.values()), lengths


def test_pashto_has_no_voice(speech: SpeechClient) -> None:
    """espeak-ng 1.52 has no Pashto voice, and Persian is not used instead: "no-voice", no restart."""
    with pytest.raises(SpeechError) as caught:
        speech.speak("سلام", "ps")
    assert caught.value.reason == "no-voice" and speech.restarts == 0


def test_a_killed_child_is_restarted(speech: SpeechClient) -> None:
    """SIGKILL the child: the next utterance restarts it and works."""
    speech.speak("Bonjour.", "fr")
    old_pid = speech.pid
    assert old_pid is not None
    os.kill(old_pid, signal.SIGKILL)
    utterance = speech.speak("Au revoir, à bientôt.", "fr")
    assert speech.pid != old_pid and speech.restarts == 1
    assert wav_seconds(utterance.wav) > 0.5


def test_a_hung_child_is_replaced() -> None:
    """SIGSTOP the child: with the app's deadline the request is answered by a new child."""
    with SpeechClient(deadline=ANSWER_DEADLINE_S) as speech:
        speech.speak("Bonjour.", "fr")
        stopped = speech.pid
        assert stopped is not None
        os.kill(stopped, signal.SIGSTOP)
        try:
            utterance = speech.speak("Le téléphone est prêt.", "fr")
        finally:
            try:
                os.kill(stopped, signal.SIGKILL)
            except ProcessLookupError:
                pass
        assert speech.pid != stopped and speech.restarts == 1
        assert utterance.words and not utterance.cached


def test_the_child_runs_its_module_once() -> None:
    """`python -m coach.speech.child` is the module espeak.py builds on, not a second copy of it."""
    import re
    import subprocess
    import sys

    from coach.speech.protocol import child_command

    done = subprocess.run([sys.executable, "-X", "importtime", *child_command()[1:]], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert "| coach.speech.espeak" in done.stderr, "the espeak-ng speaker was loaded"
    assert [line for line in done.stderr.splitlines() if re.search(r"\|\s+coach\.speech\.child$", line)] == []
