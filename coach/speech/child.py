"""The speech child process: `python -m coach.speech.child`. The only module that imports pyttsx3.

It reads requests from stdin, one JSON line each, and answers each on stdout, as
coach/speech/protocol.py describes; logs go to stderr. It owns one pyttsx3 engine for
its whole life, synthesises every utterance to a WAV file in the speech cache and
never plays sound itself: the parent plays the file, and kills this process when it
does not answer in time (see client.py and docs/speech.md).
"""

from __future__ import annotations

import os
import sys
import time
import wave

from coach.speech import engines
from coach.speech.lazylog import LazyLogger
from coach.speech.protocol import BAD_REQUEST, ENGINE_ERROR, NO_VOICE, PROTOCOL_VERSION, decode, encode
from coach.speech.voices import Voice, choose_voice, engine_languages

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from typing import Any, BinaryIO

log = LazyLogger("coach.speech.child")

TRIM_EVERY = 50
"""The cache is trimmed at start and after this many new utterances."""
FINISH_TIMEOUT_S = 20.0
"""The longest wait for the engine to finish one utterance after `runAndWait` returned."""
class Speaker:
    """One pyttsx3 engine, its voices, and synthesis into the cache (espeak-ng: espeak.EspeakSpeaker).

    When the engine cannot start (no espeak-ng library, no SAPI), `error` says why,
    `voices` is empty and `speak` answers an "engine" error.
    """

    writes_when_done = False
    """True when `synthesise` writes its target only once the utterance is whole (espeak-ng's
    samples are kept until then); pyttsx3's engines write the file as they go."""

    def __init__(self, driver: str | None = None) -> None:
        self.engine: Any = None
        self.name = "none"
        self.error = ""
        self.detail = ""
        """What the engine is, for people: "espeak-ng 1.52.0 (espeakng-loader)"."""
        self.voices: list[Voice] = []
        self.default_rate = 200
        self.word_events: list[tuple[int, int, int]] = []
        self.word_timings = False
        self._stored = 0
        import threading  # not at the top: espeak-ng's speaker (espeak.py) needs none

        self._finished = threading.Event()
        try:
            import pyttsx3

            self.engine = pyttsx3.init(driver)
            self.name = str(self.engine.driver_name)
            self.default_rate = int(self.engine.getProperty("rate") or 200)
            self.voices = self._read_voices()
        except Exception as exc:  # any failure of the engine's own start-up
            self.engine, self.name = None, "none"
            self.error = f"the speech engine {driver or ''} could not start: {exc}".replace("  ", " ")
            log.error("%s", self.error)
            return
        try:
            self.engine.connect("finished-utterance", lambda **_: self._finished.set())
        except Exception:
            pass
        log.info("engine %s: %d voices, rate %d, word timings %s", self.name, len(self.voices),
                 self.default_rate, "yes" if self.word_timings else "no")

    def _read_voices(self) -> list[Voice]:
        voices = []
        for raw in self.engine.getProperty("voices") or ():
            voice_id = str(raw.id)
            languages = engine_languages(self.name, getattr(raw, "languages", None), voice_id)
            voices.append(Voice(voice_id, str(raw.name or voice_id), languages, self.name))
        return voices

    def speak(self, text: str, lang: str, rate: float, private: bool = False,
              voice: Voice | None = None) -> dict[str, Any]:
        """The answer to a "speak" request (without its id), with `voice` or the best for `lang`.

        A `private` text (client data: "what we recorded about you") is never looked up
        nor stored in the cache: it is synthesised under a random name in the private
        folder (`cache.private_dir()`), which the parent deletes once it has read it.
        """
        from coach.speech import cache  # here: `coach speak` writes its WAV without the cache (Speakers.write)
        from coach.speech.words import align_words

        if self.engine is None:
            return {"ok": False, "error": ENGINE_ERROR, "message": self.error}
        voice = voice or choose_voice(lang, self.voices)
        if voice is None:
            return {"ok": False, "error": NO_VOICE, "message": f"no voice for {lang}"}
        key = cache.cache_key(self.name, voice.id, rate, text)
        if not private:
            hit = cache.lookup(key)
            if hit is not None:
                return _speak_answer(hit)
        tmp = cache.new_temp_wav(cache.private_dir() if private else None)
        try:
            started = time.perf_counter()
            duration_ms = self.synthesise(text, voice, rate, tmp)
            words = align_words(text, self.word_events) if self.word_timings else ()
            if private:
                utterance = cache.private_utterance(tmp, voice.id, duration_ms, words)
            else:
                utterance = cache.store(key, tmp, voice.id, duration_ms, words)
            log.info("spoke %d characters with %s in %.0f ms", len(text), voice.id,
                     (time.perf_counter() - started) * 1000)
        except Exception as exc:
            try:
                self.engine.endLoop()
            except Exception:
                pass
            try:
                os.unlink(tmp)
            except OSError:
                pass
            log.exception("synthesis failed")
            return {"ok": False, "error": ENGINE_ERROR, "message": f"synthesis failed: {exc}"}
        if not private:
            self._stored += 1
            if self._stored % TRIM_EVERY == 0:
                cache.trim()
        return _speak_answer(utterance)

    def synthesise(self, text: str, voice: Voice, rate: float, target: str) -> int:
        """Write `text` spoken by `voice` into `target` and return its duration; ValueError if unusable.

        pyttsx3's `runAndWait` may return before the engine is done: it queues its own
        end-of-loop command, which can run before the first synthesis callback (seen with
        espeak-ng in a fresh process, nearly always for a 200-character text). So this
        waits for the engine's "finished-utterance" notification — sent after the WAV is
        written — before reading the file; a WAV written after we gave up would otherwise
        be left behind. Engines that finish inside `runAndWait` have set it already.
        """
        self.word_events.clear()
        self._finished.clear()
        self.engine.setProperty("voice", voice.id)
        self.engine.setProperty("rate", max(1, round(self.default_rate * rate)))
        self.engine.save_to_file(text, target)
        self.engine.runAndWait()
        deadline = time.monotonic() + FINISH_TIMEOUT_S
        notifies = self.name == "espeak"  # others may finish without a notification we see
        while not self._finished.wait(0.01):
            if (not notifies and _usable_wav(target)) or time.monotonic() > deadline:
                break
        if not self._finished.is_set() and not _usable_wav(target):
            try:
                self.engine.stop()
            except Exception:
                pass
            raise ValueError("the engine did not finish the utterance in time")
        return wav_duration_ms(target)


def _usable_wav(path: str) -> bool:
    try:
        return wav_duration_ms(path) > 0
    except (ValueError, OSError):
        return False


class Speakers:
    """Every engine the child could start, best voices first, and the choice between them.

    Each language goes to the voice `choose_voice` ranks best over all engines' voices;
    between equally good voices the earlier engine wins (the system's own voices before
    espeak-ng, see engines.driver_names). With no engine at all, `error` says why.
    """

    def __init__(self, drivers: list[str]) -> None:
        from coach.speech.espeak import EspeakSpeaker  # it builds on Speaker, defined here

        started = [EspeakSpeaker() if driver == engines.ESPEAK else Speaker(driver) for driver in drivers]
        self.speakers = [s for s in started if s.engine is not None]
        self.voices: list[Voice] = [v for s in self.speakers for v in s.voices]
        self.order = tuple(s.name for s in self.speakers)
        self.name = self.order[0] if self.order else "none"
        self.error = "; ".join(s.error for s in started if s.error) if not self.speakers else ""

    def engines(self) -> list[dict[str, str]]:
        return [{"name": s.name, "detail": s.detail or s.name, "words": "yes" if s.word_timings else "no"}
                for s in self.speakers]

    def speak(self, text: str, lang: str, rate: float, private: bool = False) -> dict[str, Any]:
        chosen = self._choose(lang)
        if isinstance(chosen, dict):
            return chosen
        speaker, voice = chosen
        return speaker.speak(text, lang, rate, private=private, voice=voice)

    def write(self, text: str, lang: str, rate: float, target: str) -> dict[str, Any]:
        """Say `text` into the WAV file `target` as `speak` would (`coach speak`); the answer, without "wav".

        Not through the speech cache: for one sentence its key, sidecar, word timings and
        copy cost a process as much as a hit saved (docs/performance.md, "`coach speak`").
        espeak-ng writes `target` once the utterance is whole, so a failed synthesis leaves
        it as it was; an engine that writes as it goes speaks into the cache, and its
        finished WAV is copied. Raises OSError when `target` cannot be written.
        """
        chosen = self._choose(lang)
        if isinstance(chosen, dict):
            return chosen
        speaker, voice = chosen
        if not speaker.writes_when_done:
            answer = speaker.speak(text, lang, rate, voice=voice)
            if answer.get("ok"):
                _copy(answer["wav"], target)
            return answer
        try:
            duration_ms = speaker.synthesise(text, voice, rate, target)
        except OSError:
            raise
        except Exception as exc:  # the engine's failure, as `speak` answers it
            return {"ok": False, "error": ENGINE_ERROR, "message": f"synthesis failed: {exc}"}
        return {"ok": True, "voice": voice.id, "duration_ms": duration_ms}

    def _choose(self, lang: str) -> tuple[Speaker, Voice] | dict[str, Any]:
        """The speaker and voice for `lang`, or the error answer when there is none."""
        if not self.speakers:
            return {"ok": False, "error": ENGINE_ERROR, "message": self.error}
        voice = choose_voice(lang, self.voices, self.order)
        if voice is None:
            return {"ok": False, "error": NO_VOICE, "message": f"no voice for {lang}"}
        return next(s for s in self.speakers if s.name == voice.engine), voice


def _copy(source: str, destination: str) -> None:
    """Copy a WAV of the cache to `destination` (shutil, with its archive modules, is not needed for that)."""
    with open(source, "rb") as wav:
        data = wav.read()
    with open(destination, "wb") as copy:
        copy.write(data)


def _speak_answer(utterance: Any) -> dict[str, Any]:
    answer = {"ok": True, "wav": utterance.wav, "voice": utterance.voice, "duration_ms": utterance.duration_ms,
              "cached": utterance.cached, "words": [[w.start, w.length, w.time_ms] for w in utterance.words]}
    if utterance.private:
        answer["private"] = True
    return answer


def wav_duration_ms(path: str) -> int:
    """The length of a WAV file in ms; raises ValueError when it is empty or not a WAV."""
    try:
        with wave.open(path, "rb") as wav:
            frames, framerate = wav.getnframes(), wav.getframerate()
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"the engine wrote no usable WAV file ({exc})") from exc
    if frames == 0 or framerate == 0:
        raise ValueError("the engine wrote an empty WAV file")
    return round(frames * 1000 / framerate)


def answer(speaker: Speakers, line: bytes) -> dict[str, Any]:
    """The answer (with its id) to one request line."""
    try:
        request = decode(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return {"id": None, "ok": False, "error": BAD_REQUEST, "message": f"not a JSON object: {exc}"}
    request_id = request.get("id")
    op = request.get("op")
    if not isinstance(request_id, int) or isinstance(request_id, bool):
        return {"id": request_id, "ok": False, "error": BAD_REQUEST, "message": "id must be an integer"}
    if op == "hello":
        result: dict[str, Any] = {"ok": True, "engine": speaker.name, "protocol": PROTOCOL_VERSION}
        if speaker.error:
            result["message"] = speaker.error
        result["engines"] = speaker.engines()
    elif op == "voices":
        result = {"ok": True, "voices": [{"id": v.id, "name": v.name, "languages": list(v.languages),
                                          "engine": v.engine} for v in speaker.voices]}
    elif op == "speak":
        text, lang, rate = request.get("text"), request.get("lang"), request.get("rate", 1.0)
        if not isinstance(text, str) or not text.strip():
            result = {"ok": False, "error": BAD_REQUEST, "message": "text must be a non-empty string"}
        elif not isinstance(lang, str) or not lang:
            result = {"ok": False, "error": BAD_REQUEST, "message": "lang must be a language tag"}
        elif isinstance(rate, bool) or not isinstance(rate, int | float) or not 0.25 <= rate <= 4:
            result = {"ok": False, "error": BAD_REQUEST, "message": "rate must be a number from 0.25 to 4"}
        else:
            private = {"private": True} if request.get("private") is True else {}
            result = speaker.speak(text, lang, float(rate), **private)
    elif op == "quit":
        result = {"ok": True}
    else:
        result = {"ok": False, "error": BAD_REQUEST, "message": f"unknown op {op!r}"}
    return {"id": request_id, **result}


def _protocol_stream() -> BinaryIO:
    """Keep the real stdout for protocol lines only; everything else printed goes to stderr.

    pyttsx3's espeak driver prints "Audio saved to …" on stdout, and a C library may
    write to file descriptor 1: both would corrupt the protocol. So the protocol gets a
    duplicate of descriptor 1, and descriptor 1 and `sys.stdout` then point at stderr.
    """
    sys.stdout.flush()
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return os.fdopen(protocol_fd, "wb", buffering=0)


def main() -> int:
    import logging

    out = _protocol_stream()
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="coach.speech.child: %(message)s")
    from coach.speech import cache

    speaker = Speakers(engines.driver_names())
    try:
        cache.trim()
        cache.wipe_private()  # what a crashed visit may have left
    except OSError:
        pass
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        reply = answer(speaker, line)
        try:
            out.write(encode(reply))
        except BrokenPipeError:
            return 0
        if reply.get("ok") is True and decode(line).get("op") == "quit":
            return 0
    return 0


if __name__ == "__main__":
    # espeak.py builds on this module's Speaker: it imports this very module, not a second
    # copy of it (which ran this file again, 5 ms of the child's start, with classes of its own).
    sys.modules.setdefault("coach.speech.child", sys.modules[__name__])
    raise SystemExit(main())
