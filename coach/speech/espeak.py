"""espeak-ng in synchronous mode: one utterance at a time on the calling thread, no queue.

pyttsx3's espeak driver starts espeak-ng in its asynchronous mode, where a new voice or
rate and the text are commands queued for espeak's own thread, and the WAV is written
from that thread's callback. Fresh processes raced there: about one utterance in 16
came out at the driver's rate (200 words a minute) instead of the one asked for
(175), so the same sentence had two lengths; and the WAV was written on espeak's thread
while the child waited for a notification (1 cold `coach speak` in 23 failed with "the
engine wrote no usable WAV file"). Here `espeak_Synth` returns
only when the whole utterance has been synthesised: the voice and rate are set, the
samples and word events collected, and the WAV written, in that order, every time.

The library is the one `engines.load_espeak` loads (the bundled espeak-ng 1.52 where
the wheel exists), called through espeak_api.py's bindings; pyttsx3 is not imported.
"""

from __future__ import annotations

import ctypes
import os
import wave

from coach.paths import cache_folder
from coach.speech import engines
from coach.speech.child import Speaker
from coach.speech.espeak_api import EE_OK, EVENT_LIST_TERMINATED, EVENT_WORD, EspeakApi
from coach.speech.espeak_voices import FILE_NAME as VOICES_FILE
from coach.speech.espeak_voices import cached_voices
from coach.speech.lazylog import LazyLogger
from coach.speech.voices import Voice

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from typing import Any

log = LazyLogger("coach.speech.child")

ESPEAK_NORMAL_RATE = 175
"""espeak-ng's own default speed in words per minute, the app's normal speed."""
BUFFER_MS = 500
"""How much audio espeak-ng hands over per callback."""


class EspeakSpeaker(Speaker):
    """A `Speaker` for espeak-ng without pyttsx3's engine; `error` says why when it cannot start."""

    writes_when_done = True

    def __init__(self) -> None:  # no super().__init__: that starts a pyttsx3 engine
        self.engine: Any = None
        self.name = "none"
        self.error = ""
        self.detail = ""
        self.voices: list[Voice] = []
        self.default_rate = ESPEAK_NORMAL_RATE
        self.word_events: list[tuple[int, int, int]] = []
        self.word_timings = False
        self._stored = 0
        self._samples: list[bytes] = []
        try:
            library = engines.load_espeak()
            api = library.api
            self.sample_rate = api.initialize_synchronous(BUFFER_MS)
            if self.sample_rate <= 0:
                raise RuntimeError("espeak_Initialize failed (is its data folder there?)")
            api.set_synth_callback(self._on_synth)
            self.voices = cached_voices(api, os.path.join(cache_folder(), VOICES_FILE))
        except Exception as exc:  # no library, no data, a binding that differs
            self.error = f"the speech engine espeak could not start: {exc}"
            log.error("%s", self.error)
            return
        self.engine, self.name, self.word_timings = api, engines.ESPEAK, True
        self.detail = f"espeak-ng {library.version} ({library.source})".replace("  ", " ")
        log.info("engine espeak (synchronous): %d voices, rate %d", len(self.voices), self.default_rate)

    def _on_synth(self, wav: Any, numsamples: int, events: Any) -> int:
        """espeak-ng's callback, on this thread during `Synth`: keep the samples and the word events."""
        i = 0
        while events[i].type != EVENT_LIST_TERMINATED:
            if events[i].type == EVENT_WORD:
                # text_position counts characters from 1 (CHARS_UTF8): minus 1 is a str index
                self.word_events.append((events[i].text_position - 1, events[i].length,
                                         events[i].audio_position))
            i += 1
        if numsamples > 0:
            self._samples.append(ctypes.string_at(wav, numsamples * ctypes.sizeof(ctypes.c_short)))
        return 0

    def synthesise(self, text: str, voice: Voice, rate: float, target: str) -> int:
        """Write `text` spoken by `voice` at `rate` (1.0 = normal) into `target`; its duration in ms."""
        api: EspeakApi = self.engine
        self.word_events.clear()
        self._samples = []
        if api.set_voice(voice.id) != EE_OK:
            raise ValueError(f"espeak-ng cannot load the voice {voice.id}")
        api.set_rate(max(1, round(self.default_rate * rate)))
        status = api.synth(text)
        if status != EE_OK:
            raise ValueError(f"espeak-ng refused the text (error {status})")
        samples = b"".join(self._samples)
        self._samples = []
        if not samples:
            raise ValueError("espeak-ng gave no audio for the text")
        # The file first: a wave writer given a path it cannot open is left half made, to complain when collected.
        with open(target, "wb") as file, wave.open(file, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(samples)
        return round(len(samples) // 2 * 1000 / self.sample_rate)  # what wav_duration_ms reads back
