"""The line-based JSON protocol between Coach and its speech child process.

One JSON object per line, UTF-8, in both directions. Every request carries an `id`
(an integer chosen by the parent); the child answers each request exactly once, in
order, with the same `id`. The child writes nothing else on stdout (logs go to
stderr), so a parent can read answers line by line.

Requests (parent -> child):

    {"id": 1, "op": "hello"}
        -> {"id": 1, "ok": true, "engine": "espeak", "protocol": 1}
        -> {"id": 1, "ok": true, "engine": "none", "protocol": 1, "message": "…"}
           when the engine cannot start (then "voices" is [] and every "speak" an
           "engine" error with that message)
    {"id": 2, "op": "voices"}
        -> {"id": 2, "ok": true, "voices": [{"id": "roa/fr", "name": "French",
            "languages": ["fr"]}, ...]}                      (languages as BCP 47 tags)
    {"id": 3, "op": "speak", "text": "Bonjour.", "lang": "fr", "rate": 1.0}
        -> {"id": 3, "ok": true, "wav": "/…/cache/speech/ab12….wav",
            "voice": "roa/fr", "duration_ms": 1920, "cached": false,
            "words": [[0, 7, 40], ...]}
        -> {"id": 3, "ok": false, "error": "no-voice", "message": "no voice for ti"}
    {"id": 5, "op": "speak", "text": "…", "lang": "fr", "rate": 1.0, "private": true}
        -> {"id": 5, "ok": true, "wav": "/…/cache/speech-private/.tmp-x1y2.wav", ...,
            "private": true}
           client data ("what we recorded about you"): never looked up nor stored in
           the cache; a randomly named WAV in the owner-only private folder, which the
           parent deletes as soon as it has read it into memory
    {"id": 4, "op": "quit"}       -> {"id": 4, "ok": true}, then the child exits

`rate` is relative to the engine's normal speed (0.75 is the "slower" button).
`words` lists [start, length, time_ms]: the word at text[start:start + length]
(Python string indices) begins `time_ms` after the start of the audio. It is empty
when the engine gives no word timing; the player then highlights the sentence.
WAV files live in the speech cache, named by a hash of (engine, voice, rate, text),
with a sidecar beside each holding the voice, the duration and the words (cache.py); a request
already in the cache is answered without synthesis (`"cached": true`).

Errors: "no-voice" (nothing speaks this language), "bad-request" (malformed or
unknown op), "engine" (the engine failed; the message says how). A parent that gets
no answer within its deadline kills the child and starts a new one: ANSWER_DEADLINE_S
for an answer, START_DEADLINE_S for the "hello" of a child just started. On end of
input the child exits with status 0. `child_command()` is the command that starts it.
"""

from __future__ import annotations

import sys

from coach.values import Value, set_fields

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from typing import Any

PROTOCOL_VERSION = 1
NORMAL_RATE = 1.0
SLOW_RATE = 0.75

ANSWER_DEADLINE_S = 1.5
"""How long a parent waits for an answer before it kills the child. espeak-ng answers
a step's sentence in about 20 ms; this leaves room for a slow engine and a busy machine
while replacing a hung child within 2 s (deadline + restart + the request again)."""
PER_CHARACTER_S = 0.004
"""Added to ANSWER_DEADLINE_S per character of a "speak" text: a long text (a client's
record with its notes, up to a few thousand characters) takes longer to synthesise,
and must not be killed for it (espeak-ng does about 2,000 characters a second here)."""
START_DEADLINE_S = 10.0
"""How long a parent waits for the "hello" of a child it has just started (Python's
start and the engine's initialisation; a cold disk can be slow)."""

NO_VOICE = "no-voice"
BAD_REQUEST = "bad-request"
ENGINE_ERROR = "engine"


def answer_deadline_s(message: dict[str, Any]) -> float:
    """How long to wait for the answer to `message`: longer for a long text to speak."""
    text = message.get("text")
    return ANSWER_DEADLINE_S + (len(text) * PER_CHARACTER_S if isinstance(text, str) else 0.0)


def child_command() -> list[str]:
    """The command that starts the speech child with this interpreter."""
    return [sys.executable, "-m", "coach.speech.child"]


class WordTiming(Value):
    """A word of the spoken text and when it starts in the audio (a frozen value: coach/values.py says why)."""

    __slots__ = ("start", "length", "time_ms")
    start: int
    length: int
    time_ms: int

    def __init__(self, start: int, length: int, time_ms: int) -> None:
        set_fields(self, start=start, length=length, time_ms=time_ms)


class Utterance(Value):
    """A synthesised text: its WAV file and, when the engine gives them, word timings (a frozen value)."""

    __slots__ = ("wav", "voice", "duration_ms", "words", "cached", "private")
    wav: str
    voice: str
    duration_ms: int
    words: tuple[WordTiming, ...]
    cached: bool
    private: bool
    """Client data: the WAV is in the private folder, to be deleted once read (never cached)."""

    def __init__(self, wav: str, voice: str, duration_ms: int, words: tuple[WordTiming, ...] = (),
                 cached: bool = False, private: bool = False) -> None:
        set_fields(self, wav=wav, voice=voice, duration_ms=duration_ms, words=words, cached=cached, private=private)


def encode(message: dict[str, Any]) -> bytes:
    """One protocol line: compact JSON, UTF-8, newline-terminated."""
    import json  # here, not above: `coach speak` uses this module's values and never a line (cache.py says why)

    return (json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def decode(line: bytes | str) -> dict[str, Any]:
    """Parse one protocol line; raises ValueError when it is not a JSON object."""
    import json

    message = json.loads(line)
    if not isinstance(message, dict):
        raise ValueError("a protocol line must be a JSON object")
    return message


def utterance_from(answer: dict[str, Any]) -> Utterance:
    """The Utterance of a successful "speak" answer; raises ValueError when malformed."""
    try:
        words = tuple(WordTiming(int(s), int(n), int(t)) for s, n, t in answer.get("words", ()))
        return Utterance(
            wav=str(answer["wav"]), voice=str(answer.get("voice", "")),
            duration_ms=int(answer.get("duration_ms", 0)), words=words, cached=bool(answer.get("cached")),
            private=answer.get("private") is True,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"malformed speak answer: {answer!r}") from exc
