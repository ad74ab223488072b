"""Reading aloud: asks the speech service for audio, plays it, follows the words.

Recorded audio from the pack wins over synthesis. While audio plays (AudioOut),
`word_changed` tells which part of the text is being spoken (a word when the engine
gives word timings, else the sentence), within FOLLOW_INTERVAL_MS of the audio.
Stop is instant: the sound stops and any answer still on its way is dropped.
"""

from __future__ import annotations

import bisect
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from coach.digests import sha256
from coach.paths import app_dirs
from coach.records.private import write_private
from coach.speech.cache import discard_private
from coach.speech.protocol import NORMAL_RATE, SLOW_RATE, Utterance, WordTiming
from coach.ui.speech_service import SpeechService

if TYPE_CHECKING:
    from coach.ui.player.audio_out import AudioOut

FOLLOW_INTERVAL_MS = 40


class ReaderState(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    PLAYING = "playing"
    NO_VOICE = "no-voice"
    FAILED = "failed"


def sentence_timings(text: str, duration_ms: int) -> tuple[WordTiming, ...]:
    """Without word timings: each sentence starts in proportion to the characters before it."""
    from coach.packs.easy_read import sentence_spans  # its rules compile when first read, not at start

    spans = sentence_spans(text) or [(0, len(text))]
    total = max(1, len(text))
    return tuple(WordTiming(start, length, duration_ms * start // total) for start, length in spans)


class Reader(QObject):
    state_changed = Signal(str)
    word_changed = Signal(int, int)
    """(start, length) in the text being read; (-1, 0) when nothing is highlighted."""

    def __init__(self, speech: SpeechService | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speech = speech
        self._audio_out: AudioOut | None = None
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_INTERVAL_MS)
        self._follow.timeout.connect(self._follow_words)
        self._token = 0
        self._state = ReaderState.IDLE
        self._text = ""
        self._timings: tuple[WordTiming, ...] = ()
        self._starts: list[int] = []
        self._current = -1
        self.last_error = ""
        if speech is not None:
            speech.ready.connect(self._on_ready)
            speech.unavailable.connect(self._on_unavailable)
            speech.failed.connect(self._on_failed)

    @property
    def _audio(self) -> AudioOut:
        """The audio output, made (with QtMultimedia) at the first sound, or by `prepare`."""
        if self._audio_out is None:
            from coach.ui.player.audio_out import AudioOut

            self._audio_out = AudioOut(self)
            self._audio_out.started.connect(self._on_started)
            self._audio_out.finished.connect(self._on_finished)
            self._audio_out.failed.connect(self._on_audio_failed)
        return self._audio_out

    def prepare(self) -> None:
        """Load the audio output now (after the first frame), so the first Listen does not wait for it."""
        _ = self._audio

    @property
    def state(self) -> ReaderState:
        return self._state

    @property
    def text(self) -> str:
        return self._text

    def read(self, text: str, lang: str, slow: bool = False, recorded: Path | None = None,
             private: bool = False) -> None:
        """Read `text` aloud in `lang`: the recorded file when given, else a synthetic voice.

        `private=True` for client data (their record): the speech never enters the speech
        cache, and its file is deleted as soon as the audio is in memory.
        """
        self.stop()
        self._text = text
        if recorded is not None:
            self._play(str(recorded), ())
            return
        if self._speech is None:
            self._set_state(ReaderState.NO_VOICE)
            return
        self._set_state(ReaderState.LOADING)
        rate = SLOW_RATE if slow else NORMAL_RATE
        self._token = self._speech.speak(text, lang, rate, private=True) if private else \
            self._speech.speak(text, lang, rate)

    def stop(self) -> None:
        """Stop now: silence, no highlight, and any answer still on its way is dropped."""
        if self._speech is not None and self._state is ReaderState.LOADING:
            self._speech.cancel()
        self._token = -1
        self._follow.stop()
        if self._audio_out is not None:
            self._audio_out.stop()
        self._highlight(-1)
        self._set_state(ReaderState.IDLE)

    # -- speech answers -----------------------------------------------------------
    def _on_ready(self, token: int, utterance: Utterance) -> None:
        if token != self._token:
            if utterance.private:
                discard_private(utterance.wav)
            return
        timings = utterance.words or sentence_timings(self._text, utterance.duration_ms)
        self._play(utterance.wav, timings)
        if utterance.private:
            discard_private(utterance.wav)  # AudioOut holds the samples in memory now

    def _on_unavailable(self, token: int, _lang: str) -> None:
        if token == self._token:
            self._set_state(ReaderState.NO_VOICE)

    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.last_error = message
            self._set_state(ReaderState.FAILED)

    # -- playing ------------------------------------------------------------------
    def _play(self, path: str, timings: tuple[WordTiming, ...]) -> None:
        self._timings = tuple(sorted(timings, key=lambda w: w.time_ms))
        self._starts = [w.time_ms for w in self._timings]
        self._set_state(ReaderState.PLAYING)
        self._audio.play(path)

    def _on_started(self) -> None:
        self._follow.start()
        self._follow_words()

    def _on_finished(self) -> None:
        if self._state is ReaderState.PLAYING:
            self._follow.stop()
            self._highlight(-1)
            self._set_state(ReaderState.IDLE)

    def _on_audio_failed(self, message: str) -> None:
        if self._state is ReaderState.PLAYING:
            self.last_error = message
            self._follow.stop()
            self._highlight(-1)
            self._set_state(ReaderState.FAILED)

    def _follow_words(self) -> None:
        """Highlight the timing whose start is the latest before the estimated position."""
        if not self._starts:
            return
        self._highlight(bisect.bisect_right(self._starts, self._audio.position_ms()) - 1)

    def _highlight(self, index: int) -> None:
        if index == self._current:
            return
        self._current = index
        if 0 <= index < len(self._timings):
            timing = self._timings[index]
            self.word_changed.emit(timing.start, timing.length)
        else:
            self.word_changed.emit(-1, 0)

    def _set_state(self, state: ReaderState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)


def recorded_audio_file(data: bytes, suffix: str) -> Path:
    """A pack's recorded audio as a file QtMultimedia can open (zips hold no files)."""
    folder = app_dirs().cache / "recorded"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (sha256(data).hexdigest()[:32] + suffix)
    if not path.exists():
        write_private(path, data)  # a unique temporary file: two Coach windows never share one
    return path
