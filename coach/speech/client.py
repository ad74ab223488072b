"""A blocking, Qt-free supervisor of the speech child, for the CLI, tests and benchmarks.

    with SpeechClient() as speech:
        utterance = speech.speak("Bonjour.", "fr")      # -> protocol.Utterance
        print(utterance.wav, utterance.duration_ms)

Each request waits at most `deadline` seconds for its answer. When the child does not
answer in time, or dies, the client kills it, starts a new one and sends the request
once more; a second failure raises `SpeechError`. An error answer from the child
("no-voice", "bad-request", "engine") raises `SpeechError` with that reason at once.
The child's log lines (stderr) go to the logger "coach.speech.child".
"""

from __future__ import annotations

import contextlib
import logging
import queue
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from coach.speech.protocol import (
    ANSWER_DEADLINE_S,
    NORMAL_RATE,
    PROTOCOL_VERSION,
    START_DEADLINE_S,
    Utterance,
    answer_deadline_s,
    child_command,
    decode,
    encode,
    utterance_from,
)
from coach.speech.voices import Voice

log = logging.getLogger(__name__)
child_log = logging.getLogger("coach.speech.child")


@dataclass(frozen=True)
class Engine:
    """A speech engine the child runs: pyttsx3's driver name and what it is."""

    name: str
    detail: str
    """For people: "espeak-ng 1.52.0 (espeakng-loader)", "sapi5"."""
    word_timings: bool


class SpeechError(Exception):
    """Speech failed. `reason`: "no-voice", "bad-request", "engine", "timeout", "crashed" or "start"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class _Failure(Exception):
    """The child did not answer (timeout) or died (crashed): worth one restart."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class _Child:
    """One running child process, with threads reading its stdout (answers) and stderr (logs)."""

    def __init__(self, command: Sequence[str], env: Mapping[str, str] | None) -> None:
        self.process = subprocess.Popen(
            list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=dict(env) if env is not None else None,
        )
        self.answers: queue.Queue[bytes | None] = queue.Queue()
        assert self.process.stdout is not None and self.process.stderr is not None
        threading.Thread(target=self._read_answers, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._read_logs, args=(self.process.stderr,), daemon=True).start()

    def _read_answers(self, stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            for line in stream:
                self.answers.put(line)
        self.answers.put(None)  # end of output: the child is gone

    @staticmethod
    def _read_logs(stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            for line in stream:
                child_log.debug("%s", line.decode("utf-8", errors="replace").rstrip())

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(encode(message))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise _Failure("crashed", f"the speech process has stopped ({self._status()})") from exc

    def receive(self, request_id: int, deadline: float) -> dict[str, Any]:
        """The answer to `request_id`, waiting until the monotonic time `deadline`."""
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self.answers.get(timeout=max(remaining, 0))
            except queue.Empty:
                raise _Failure("timeout", "the speech process did not answer in time") from None
            if line is None:
                raise _Failure("crashed", f"the speech process has stopped ({self._status()})")
            try:
                answer = decode(line)
            except ValueError:
                log.warning("ignoring a line that is not a protocol answer: %r", line[:200])
                continue
            if answer.get("id") == request_id:
                return answer
            log.warning("ignoring an answer to request %r", answer.get("id"))

    def _status(self) -> str:
        code = self.process.poll()
        return "still running" if code is None else f"exit status {code}"

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=2)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.close()  # type: ignore[union-attr]


class SpeechClient:
    """Starts, talks to and supervises one speech child process (see the module docstring)."""

    def __init__(self, command: Sequence[str] | None = None, *, deadline: float = ANSWER_DEADLINE_S,
                 start_deadline: float = START_DEADLINE_S, env: Mapping[str, str] | None = None) -> None:
        self.command = list(command) if command is not None else child_command()
        self.deadline = deadline
        self.start_deadline = start_deadline
        self.env = env
        self.engine = ""
        self.engines: tuple[Engine, ...] = ()
        """Every engine the child started, best voices first (from its "hello")."""
        self.restarts = 0
        self._child: _Child | None = None
        self._next_id = 0

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> SpeechClient:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        """The running child's process id (for tests that kill or stop it)."""
        return self._child.process.pid if self._child else None

    def start(self) -> None:
        """Start the child (if not running) and greet it; raises SpeechError("start") on failure."""
        if self._child is not None:
            return
        try:
            child = _Child(self.command, self.env)
        except OSError as exc:
            raise SpeechError("start", f"cannot start the speech process {self.command}: {exc}") from exc
        self._child = child
        try:
            hello = self._exchange({"op": "hello"}, self.start_deadline)
        except _Failure as exc:
            self._discard()
            raise SpeechError("start", f"the speech process did not start: {exc}") from exc
        if hello.get("protocol") != PROTOCOL_VERSION:
            self._discard()
            raise SpeechError("start", f"the speech process speaks protocol {hello.get('protocol')!r}, "
                                       f"not {PROTOCOL_VERSION}")
        self.engine = str(hello.get("engine", ""))
        self.engines = tuple(Engine(str(e.get("name", "")), str(e.get("detail", e.get("name", ""))),
                                    e.get("words") == "yes")
                             for e in hello.get("engines", ()) if isinstance(e, dict))
        if hello.get("message"):
            log.warning("speech engine: %s", hello["message"])

    def close(self) -> None:
        """Ask the child to quit; kill it if it does not within a second."""
        child, self._child = self._child, None
        if child is None:
            return
        with contextlib.suppress(_Failure):
            self._next_id += 1
            child.send({"id": self._next_id, "op": "quit"})
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.process.wait(timeout=1)
        child.kill()

    def _discard(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.kill()

    # -- requests ----------------------------------------------------------------------

    def _exchange(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        assert self._child is not None
        self._next_id += 1
        request = {"id": self._next_id, **message}
        self._child.send(request)
        return self._child.receive(self._next_id, time.monotonic() + timeout)

    def request(self, op: str, **fields: Any) -> dict[str, Any]:
        """Send one request and return the successful answer; restarts the child once if needed."""
        for attempt in (1, 2):
            self.start()
            try:
                message = {"op": op, **fields}
                answer = self._exchange(message, self.deadline + answer_deadline_s(message) - ANSWER_DEADLINE_S)
                break
            except _Failure as exc:
                log.warning("speech process failed (%s); %s", exc,
                            "restarting it" if attempt == 1 else "giving up")
                self._discard()
                if attempt == 2:
                    raise SpeechError(exc.reason, f"{exc} (after one restart)") from exc
                self.restarts += 1
        if not answer.get("ok"):
            raise SpeechError(str(answer.get("error", "engine")), str(answer.get("message", "speech failed")))
        return answer

    def voices(self) -> list[Voice]:
        """The engine's voices (empty when the engine could not start)."""
        answer = self.request("voices")
        return [Voice(str(v["id"]), str(v.get("name", v["id"])), tuple(v.get("languages", ())),
                      str(v.get("engine", self.engine))) for v in answer.get("voices", ())]

    def speak(self, text: str, lang: str, rate: float = NORMAL_RATE, private: bool = False) -> Utterance:
        """Synthesise `text` in language `lang` (or take it from the cache): its WAV and timings.

        `private=True` for client data: never cached; the caller deletes the WAV once read
        (`coach.speech.cache.discard_private`). Raises SpeechError("no-voice") when no
        installed voice speaks `lang`.
        """
        fields: dict[str, Any] = {"text": text, "lang": lang, "rate": rate}
        if private:
            fields["private"] = True
        answer = self.request("speak", **fields)
        try:
            return utterance_from(answer)
        except ValueError as exc:
            raise SpeechError("engine", str(exc)) from exc
