"""A fake speech child: the protocol of coach/speech/protocol.py without any speech engine.

Start it instead of the real child, with this interpreter and this file's path:

    command = [sys.executable, str(FAKE_CHILD)]       # or fake_child_command()
    SpeechClient(command)                             # or the UI's QProcess, same list

It answers "hello" (engine "fake"), "voices" (one voice per Coach language except
Tigrinya), "speak" and "quit". For "speak" it writes a real WAV file into the speech
cache (COACH_HOME applies): 16-bit mono 22050 Hz, a quiet 440 Hz tone, 250 ms per word
plus 200 ms, with evenly spaced word timings (word i starts at 100 + 250 * i ms); the
same request a second time is answered from the cache ("cached": true). "ti" has no
voice ("no-voice").

Environment variables, for tests:
    FAKE_SPEECH_HANG_ON=TEXT    never answer a "speak" request for exactly TEXT
    FAKE_SPEECH_CRASH_ON=TEXT   exit with status 3 on a "speak" request for exactly TEXT
    FAKE_SPEECH_ONCE=PATH       hang or crash only when file PATH does not exist yet (it is
                                created first), so the restarted child then succeeds
    FAKE_SPEECH_DELAY_MS=N      wait N ms before each "speak" answer
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
import time
import wave
from pathlib import Path

FAKE_CHILD = Path(__file__).resolve()
RATE = 22050
VOICE_TAGS = ("fr-FR", "de-DE", "it-IT", "en-GB", "ar", "fa", "uk", "es", "tr", "ps", "so")


def fake_child_command() -> list[str]:
    """The command that starts this fake child with the running interpreter."""
    return [sys.executable, str(FAKE_CHILD)]


def _voices() -> list[dict]:
    return [{"id": f"fake/{tag.lower()}", "name": f"Fake {tag}", "languages": [tag]} for tag in VOICE_TAGS]


def _voice_for(lang: str) -> str | None:
    base = lang.replace("_", "-").split("-")[0].lower()
    for tag in VOICE_TAGS:
        if tag.split("-")[0].lower() == base:
            return f"fake/{tag.lower()}"
    return None


def _words(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, char in enumerate(text + " "):
        if char.isspace():
            if start is not None:
                spans.append((start, i - start))
            start = None
        elif start is None:
            start = i
    return spans


def _write_wav(path: str, duration_ms: int) -> None:
    frames = RATE * duration_ms // 1000
    samples = (int(600 * math.sin(2 * math.pi * 440 * i / RATE)) for i in range(frames))
    with wave.open(path, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", s) for s in samples))


def _misbehave(text: str) -> None:
    hang, crash = os.environ.get("FAKE_SPEECH_HANG_ON"), os.environ.get("FAKE_SPEECH_CRASH_ON")
    if text not in (hang, crash):
        return
    once = os.environ.get("FAKE_SPEECH_ONCE")
    if once:
        if os.path.exists(once):
            return
        Path(once).touch()
    if text == crash:
        sys.exit(3)
    while True:
        time.sleep(3600)


def _speak(request: dict) -> dict:
    from coach.speech import cache
    from coach.speech.protocol import WordTiming

    text, lang, rate = request.get("text"), request.get("lang"), request.get("rate", 1.0)
    if not isinstance(text, str) or not text.strip() or not isinstance(lang, str):
        return {"ok": False, "error": "bad-request", "message": "text and lang are required"}
    _misbehave(text)
    delay = int(os.environ.get("FAKE_SPEECH_DELAY_MS", "0"))
    if delay:
        time.sleep(delay / 1000)
    voice = _voice_for(lang)
    if voice is None:
        return {"ok": False, "error": "no-voice", "message": f"no voice for {lang}"}
    private = request.get("private") is True  # as the real child: never looked up nor stored
    key = cache.cache_key("fake", voice, float(rate), text)
    hit = None if private else cache.lookup(key)
    if hit is not None:
        return {"ok": True, "wav": hit.wav, "voice": hit.voice, "duration_ms": hit.duration_ms, "cached": True,
                "words": [[w.start, w.length, w.time_ms] for w in hit.words]}
    spans = _words(text)
    per_word = round(250 / float(rate))
    duration_ms = per_word * len(spans) + 200
    words = [[start, length, 100 + per_word * i] for i, (start, length) in enumerate(spans)]
    tmp = cache.new_temp_wav(cache.private_dir() if private else None)
    _write_wav(tmp, duration_ms)
    if private:
        return {"ok": True, "wav": str(tmp), "voice": voice, "duration_ms": duration_ms, "cached": False,
                "words": words, "private": True}
    stored = cache.store(key, tmp, voice, duration_ms, (WordTiming(*w) for w in words))
    return {"ok": True, "wav": stored.wav, "voice": voice, "duration_ms": duration_ms, "cached": False,
            "words": words}


def main() -> int:
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        try:
            request = json.loads(line)
            assert isinstance(request, dict)
        except (ValueError, AssertionError):
            answer = {"id": None, "ok": False, "error": "bad-request", "message": "not a JSON object"}
        else:
            op = request.get("op")
            if op == "hello":
                result = {"ok": True, "engine": "fake", "protocol": 1}
            elif op == "voices":
                result = {"ok": True, "voices": _voices()}
            elif op == "speak":
                result = _speak(request)
            elif op == "quit":
                result = {"ok": True}
            else:
                result = {"ok": False, "error": "bad-request", "message": f"unknown op {op!r}"}
            answer = {"id": request.get("id"), **result}
        out.write((json.dumps(answer, ensure_ascii=False) + "\n").encode("utf-8"))
        out.flush()
        if answer.get("ok") and request.get("op") == "quit":
            return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
