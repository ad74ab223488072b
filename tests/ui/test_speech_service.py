"""The player's speech supervisor: a crashed or hung child is replaced, the GUI never waits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fakes.fake_speech_child import fake_child_command

from coach.speech.protocol import Utterance
from coach.ui.speech_service import DEADLINE_MS, SpeechService


@pytest.fixture
def service(qtbot):
    made = []

    def build(**kwargs) -> SpeechService:
        speech = SpeechService(fake_child_command(), **kwargs)
        made.append(speech)
        return speech

    yield build
    for speech in made:
        speech.stop()


def test_speak_answers_with_a_wav(qtbot, service) -> None:
    """A request is answered asynchronously with a WAV file and word timings."""
    speech = service()
    with qtbot.waitSignal(speech.ready, timeout=8000) as answer:
        token = speech.speak("Touchez le bouton vert.", "fr")
    got_token, utterance = answer.args
    assert got_token == token and isinstance(utterance, Utterance)
    assert Path(utterance.wav).is_file() and len(utterance.words) == 4
    assert speech.engine == "fake"


def test_no_voice_is_reported(qtbot, service) -> None:
    """A language without a voice gives `unavailable`, not an error."""
    speech = service()
    with qtbot.waitSignal(speech.unavailable, timeout=8000) as answer:
        speech.speak("ሰላም", "ti")
    assert answer.args[1] == "ti"


def test_a_crashed_child_is_restarted(qtbot, service, monkeypatch, tmp_path) -> None:
    """The child dies on a request; a new child answers it, and the caller only waits a little."""
    monkeypatch.setenv("FAKE_SPEECH_CRASH_ON", "Crash here.")
    monkeypatch.setenv("FAKE_SPEECH_ONCE", str(tmp_path / "once"))
    speech = service()
    speech.start()
    with qtbot.waitSignal(speech.ready, timeout=8000):
        speech.speak("Crash here.", "fr")
    assert speech.restarts == 1


def test_a_hung_child_is_replaced(qtbot, service, monkeypatch, tmp_path) -> None:
    """A child that stops answering is killed and replaced; the request is answered by the new one."""
    monkeypatch.setenv("FAKE_SPEECH_HANG_ON", "Hang here.")
    monkeypatch.setenv("FAKE_SPEECH_ONCE", str(tmp_path / "once"))
    speech = service()
    with qtbot.waitSignal(speech.engine_ready, timeout=8000):
        speech.start()
    with qtbot.waitSignal(speech.ready, timeout=DEADLINE_MS + 8000):
        speech.speak("Hang here.", "fr")
    assert speech.restarts == 1


@pytest.mark.parametrize(("delay_ms", "stall_s"), [(0, 1.0), (2500, 2.0)])
def test_a_busy_gui_thread_never_gets_the_child_killed(qtbot, service, monkeypatch, delay_ms: int,
                                                       stall_s: float) -> None:
    """The GUI thread blocked well past the deadline: the answer written meanwhile, or half a
    second after the stall (a child slowed down too, as when the GUI's work takes the CPU),
    is used; the child is not restarted: its deadline counts again from the end of the stall.

    Before, the deadline timer fired when the GUI thread came back, before the answer
    waiting in the pipe was read, and the child was killed (issue 13).
    """
    monkeypatch.setenv("FAKE_SPEECH_DELAY_MS", str(delay_ms))
    speech = service(deadline_ms=1000)
    with qtbot.waitSignal(speech.engine_ready, timeout=8000):
        speech.start()
    with qtbot.waitSignal(speech.ready, timeout=8000):
        speech.speak("Touchez le bouton vert.", "fr")
        time.sleep(stall_s)  # the GUI thread busy, as during a long layout: no event is processed
    assert speech.restarts == 0


def test_stale_answers_are_dropped(qtbot, service) -> None:
    """Only the latest request is answered: a newer request makes older ones stale."""
    speech = service()
    answers = []
    speech.ready.connect(lambda token, utterance: answers.append(token))
    speech.speak("Première phrase.", "fr")
    latest = speech.speak("Deuxième phrase.", "fr")
    qtbot.waitUntil(lambda: bool(answers), timeout=8000)
    qtbot.wait(200)
    assert answers == [latest]


def test_a_child_that_keeps_dying_is_given_up(qtbot, service, monkeypatch) -> None:
    """A child that crashes on every request is not restarted forever: the request fails."""
    monkeypatch.setenv("FAKE_SPEECH_CRASH_ON", "Always.")
    speech = service()
    with qtbot.waitSignal(speech.failed, timeout=20000) as failure:
        speech.speak("Always.", "fr")
    assert "speech engine" in failure.args[1]
    assert speech.restarts <= 3
