"""The speech protocol: line encoding, speak answers, and the child's answers without an engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.speech import child
from coach.speech.protocol import Utterance, WordTiming, child_command, decode, encode, utterance_from
from coach.speech.voices import Voice

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                           lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=10)


@given(st.dictionaries(st.text(), json_values))
def test_encode_decode_round_trip(message: dict[str, Any]) -> None:
    """Any JSON object makes exactly one UTF-8 line and reads back equal."""
    line = encode(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode(line) == message


def test_decode_refuses_what_is_not_an_object() -> None:
    """Arrays, numbers and broken JSON raise ValueError."""
    for line in (b"[1]", b"3", b"{", b"\xff"):
        with pytest.raises(ValueError):
            decode(line)


def test_utterance_from_answer() -> None:
    """A speak answer becomes an Utterance; a malformed one raises ValueError."""
    answer = {"id": 3, "ok": True, "wav": "/c/a.wav", "voice": "roa/fr", "duration_ms": 1920, "cached": False,
              "words": [[0, 7, 40]]}
    assert utterance_from(answer) == Utterance("/c/a.wav", "roa/fr", 1920, (WordTiming(0, 7, 40),), False)
    for bad in ({"ok": True}, {**answer, "words": [[0, 7]]}, {**answer, "duration_ms": "long"}):
        with pytest.raises(ValueError):
            utterance_from(bad)


def test_child_command_uses_this_interpreter() -> None:
    """The default command runs coach.speech.child with the running Python."""
    assert child_command() == [sys.executable, "-m", "coach.speech.child"]


class StubSpeaker:
    """What `child.answer` needs of a Speaker, without pyttsx3."""

    name, error = "stub", ""
    voices = [Voice("stub/fr", "French", ("fr",), "stub")]

    def engines(self) -> list[dict[str, str]]:
        return [{"name": "stub", "detail": "a stub", "words": "no"}]

    def speak(self, text: str, lang: str, rate: float) -> dict[str, Any]:
        return {"ok": True, "said": [text, lang, rate]}


@pytest.mark.parametrize("line", [
    b"not json", b"[1, 2]", b'{"op": "hello"}', b'{"id": "1", "op": "hello"}', b'{"id": true, "op": "hello"}',
    b'{"id": 1, "op": "sing"}', b'{"id": 1, "op": "speak", "lang": "fr"}', b'{"id": 1, "op": "speak", "text": " ",'
    b' "lang": "fr"}', b'{"id": 1, "op": "speak", "text": "a", "lang": ""}',
    b'{"id": 1, "op": "speak", "text": "a", "lang": "fr", "rate": 0}',
    b'{"id": 1, "op": "speak", "text": "a", "lang": "fr", "rate": "fast"}',
])
def test_malformed_requests_get_bad_request(line: bytes) -> None:
    """Every malformed line is answered (never raised) with a "bad-request" error."""
    reply = child.answer(StubSpeaker(), line)  # type: ignore[arg-type]
    assert reply["ok"] is False and reply["error"] == "bad-request" and reply["message"]


def test_well_formed_requests() -> None:
    """hello, voices, speak (rate defaults to 1.0) and quit, each with its id."""
    speaker = StubSpeaker()
    assert child.answer(speaker, b'{"id": 1, "op": "hello"}') == {  # type: ignore[arg-type]
        "id": 1, "ok": True, "engine": "stub", "protocol": 1,
        "engines": [{"name": "stub", "detail": "a stub", "words": "no"}]}
    assert child.answer(speaker, b'{"id": 2, "op": "voices"}')["voices"] == [  # type: ignore[arg-type]
        {"id": "stub/fr", "name": "French", "languages": ["fr"], "engine": "stub"}]
    reply = child.answer(speaker, '{"id": 3, "op": "speak", "text": "é", "lang": "fr"}'.encode())  # type: ignore[arg-type]
    assert reply == {"id": 3, "ok": True, "said": ["é", "fr", 1.0]}
    assert child.answer(speaker, b'{"id": 4, "op": "quit"}') == {"id": 4, "ok": True}  # type: ignore[arg-type]


def run_child(lines: list[bytes], env: dict[str, str]) -> tuple[list[dict[str, Any]], subprocess.CompletedProcess]:
    done = subprocess.run(child_command(), input=b"".join(lines), capture_output=True, env=env, timeout=60)
    return [json.loads(line) for line in done.stdout.splitlines()], done


def test_child_without_engine_answers_engine_errors(tmp_path: Path) -> None:
    """When no engine can start, hello says why, voices is [], speak is "engine".

    Here the only engine asked for is a pyttsx3 driver (as SAPI5 is on Windows) and
    pyttsx3 fails: espeak-ng, which no longer goes through pyttsx3, is not asked for.
    """
    broken = tmp_path / "broken" / "pyttsx3"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise RuntimeError('no libespeak-ng.so.1 here')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(broken.parent), *sys.path]),
           "COACH_SPEECH_DRIVER": "sapi5"}
    answers, done = run_child([b'{"id": 1, "op": "hello"}\n', b'{"id": 2, "op": "voices"}\n',
                               b'{"id": 3, "op": "speak", "text": "Bonjour", "lang": "fr"}\n'], env)
    assert done.returncode == 0, done.stderr
    assert answers[0]["engine"] == "none" and "libespeak-ng.so.1" in answers[0]["message"]
    assert answers[1] == {"id": 2, "ok": True, "voices": []}
    assert answers[2]["error"] == "engine" and "libespeak-ng.so.1" in answers[2]["message"]
    assert b"libespeak-ng.so.1" in done.stderr


def test_child_answers_malformed_lines_and_exits_on_end_of_input() -> None:
    """A broken line gets "bad-request", the next request still works, and EOF ends the child with 0."""
    answers, done = run_child([b"{oops\n", b"\n", b'{"id": 7, "op": "quit"}\n', b'{"id": 8, "op": "hello"}\n'],
                              dict(os.environ))
    assert done.returncode == 0
    assert [a["id"] for a in answers] == [None, 7]  # nothing after quit
    assert answers[0]["error"] == "bad-request"
