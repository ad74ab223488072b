"""The player's side of speech: supervises the speech child process with QProcess.

The child (coach.speech.child) alone imports pyttsx3 and answers the line-based
protocol of coach.speech.protocol. This service never blocks the GUI thread: it
writes requests, reads answers when Qt says there is output, and keeps a deadline
per request. A child that crashes, or does not answer within DEADLINE_MS, is killed
and started again, and the request is sent once more; the client only notices a
short delay. A newer request makes older ones stale: their answers are dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from coach.speech.cache import discard_private, wipe_private
from coach.speech.protocol import (
    ANSWER_DEADLINE_S,
    NORMAL_RATE,
    START_DEADLINE_S,
    answer_deadline_s,
    child_command,
    decode,
    encode,
    utterance_from,
)

log = logging.getLogger(__name__)

DEADLINE_MS = round(ANSWER_DEADLINE_S * 1000)
START_DEADLINE_MS = round(START_DEADLINE_S * 1000)
STALL_MS = 250
"""A deadline timeout this late means the GUI thread, not the child, was busy."""
RESTART_BUDGET = 3
"""Restarts allowed within RESTART_WINDOW_S before the engine is taken as broken."""
RESTART_WINDOW_S = 30.0


@dataclass
class _Pending:
    token: int
    message: dict
    retried: bool = False


class SpeechService(QObject):
    """Ask for `speak(text, lang)`; get `ready`, `unavailable` or `failed` with its token."""

    ready = Signal(int, object)
    """(token, Utterance): the WAV is in the cache, with word timings when known."""
    unavailable = Signal(int, str)
    """(token, language tag): no voice speaks this language on this computer."""
    failed = Signal(int, str)
    """(token, message): the engine could not say it, even after a restart."""
    engine_ready = Signal(str)

    def __init__(self, command: Sequence[str] | None = None,
                 deadline_ms: int = DEADLINE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._command = list(command or child_command())
        self._deadline_ms = deadline_ms
        self._process: QProcess | None = None
        self._buffer = b""
        self._next_id = 0
        self._pending: dict[int, _Pending] = {}
        self._latest_token = 0
        self._engine = ""
        self.restarts = 0
        self._restart_times: list[float] = []
        self._broken_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_deadline)
        self._armed_at = 0.0
        self._armed_ms = 0

    # -- public -------------------------------------------------------------------
    @property
    def engine(self) -> str:
        return self._engine

    def start(self) -> None:
        """Start the child now (otherwise it starts on the first request)."""
        if self._process is None:
            self._spawn()

    def speak(self, text: str, lang: str, rate: float = NORMAL_RATE, private: bool = False) -> int:
        """Ask for `text` in `lang`; returns the token its answer will carry.

        `private=True` for client data: the child keeps it out of the speech cache, and
        the receiver of `ready` deletes the WAV once read (`cache.discard_private`).
        """
        self._latest_token += 1
        token = self._latest_token
        message = {"op": "speak", "text": text, "lang": lang, "rate": rate}
        if private:
            message["private"] = True
        self._send(message, token, deadline=self._speak_deadline(message))
        return token

    def _speak_deadline(self, message: dict) -> int:
        extra = answer_deadline_s(message) - ANSWER_DEADLINE_S
        return self._deadline_ms + round(extra * 1000)

    def forget_private(self) -> None:
        """Delete every private utterance's file (visit end, erasure): no client speech stays on disk."""
        self.cancel()
        wipe_private()

    def cancel(self) -> None:
        """Forget every request in flight: their answers will be dropped."""
        self._latest_token += 1

    def stop(self) -> None:
        """Ask the child to quit and stop supervising it."""
        process, self._process = self._process, None
        self._timer.stop()
        self._pending.clear()
        wipe_private()
        if process is None:
            return
        process.finished.disconnect()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.write(encode({"id": 0, "op": "quit"}))
            process.closeWriteChannel()
            if not process.waitForFinished(500):
                process.kill()
                process.waitForFinished(500)

    # -- child process ------------------------------------------------------------
    def _spawn(self) -> None:
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._on_output)
        process.readyReadStandardError.connect(self._on_stderr)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self._buffer = b""
        process.start(self._command[0], self._command[1:])
        self._send({"op": "hello"}, 0, deadline=START_DEADLINE_MS)

    def _restart(self, reason: str) -> None:
        now = time.monotonic()
        self._restart_times = [t for t in self._restart_times if now - t < RESTART_WINDOW_S] + [now]
        if len(self._restart_times) > RESTART_BUDGET:
            self._give_up(f"the speech engine keeps failing ({reason})")
            return
        log.warning("speech child %s; restarting it", reason)
        self.restarts += 1
        old, self._process = self._process, None
        if old is not None:
            old.finished.disconnect()
            old.kill()
            old.waitForFinished(1000)
            old.deleteLater()
        retry = [p for p in self._pending.values() if p.message.get("op") == "speak" and not p.retried]
        given_up = [p for p in self._pending.values() if p.message.get("op") == "speak" and p.retried]
        self._pending.clear()
        self._timer.stop()
        for pending in given_up:
            if pending.token == self._latest_token:
                self.failed.emit(pending.token, f"the speech engine stopped answering ({reason})")
        self._spawn()
        for pending in retry:
            if pending.token == self._latest_token:
                self._send(pending.message, pending.token, retried=True,
                           deadline=self._speak_deadline(pending.message))

    def _give_up(self, message: str) -> None:
        """Stop restarting for a while: say so for the current request instead of looping."""
        log.error("%s; speech is off for %d s", message, RESTART_WINDOW_S)
        self._broken_since = time.monotonic()
        old, self._process = self._process, None
        if old is not None:
            old.finished.disconnect()
            old.kill()
            old.deleteLater()
        for pending in self._pending.values():
            if pending.token == self._latest_token and pending.message.get("op") == "speak":
                self.failed.emit(pending.token, message)
        self._pending.clear()
        self._timer.stop()

    def _send(self, message: dict, token: int, retried: bool = False, deadline: int | None = None) -> None:
        if self._broken_since is not None:
            if time.monotonic() - self._broken_since < RESTART_WINDOW_S:
                if message.get("op") == "speak":
                    QTimer.singleShot(0, lambda: self.failed.emit(token, "the speech engine is not working"))
                return
            self._broken_since = None
            self._restart_times.clear()
        if self._process is None:
            self._spawn()
        self._next_id += 1
        request = {**message, "id": self._next_id}
        self._pending[self._next_id] = _Pending(token, message, retried)
        assert self._process is not None
        self._process.write(encode(request))
        # QProcess writes from the event loop; hand the line to the pipe now, so a GUI
        # thread busy right after this call does not keep the request from the child.
        self._process.waitForBytesWritten(0)
        wanted = deadline or self._deadline_ms
        if not self._timer.isActive() or (deadline and deadline > self._timer.remainingTime()):
            self._arm(wanted)

    # -- answers ------------------------------------------------------------------
    def _on_output(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if line.strip():
                self._on_answer(line)

    def _on_answer(self, line: bytes) -> None:
        try:
            answer = decode(line)
        except ValueError:
            log.warning("speech child wrote a line that is not protocol: %r", line[:200])
            return
        request_id = answer.get("id")
        pending = self._pending.pop(request_id, None) if isinstance(request_id, int) else None
        if pending is None:
            return
        if self._pending:
            self._arm(self._deadline_ms)  # the next answer gets a full deadline
        else:
            self._timer.stop()
        if pending.message.get("op") == "hello":
            self._engine = str(answer.get("engine", ""))
            self.engine_ready.emit(self._engine)
            return
        if pending.token != self._latest_token:
            if answer.get("private") is True:
                discard_private(str(answer.get("wav", "")))  # nobody will read it
            return  # stale: the client has moved on
        if answer.get("ok"):
            try:
                self.ready.emit(pending.token, utterance_from(answer))
            except ValueError as exc:
                self.failed.emit(pending.token, str(exc))
        elif answer.get("error") == "no-voice":
            self.unavailable.emit(pending.token, str(pending.message.get("lang", "")))
        else:
            self.failed.emit(pending.token, str(answer.get("message") or answer.get("error")))

    def _on_stderr(self) -> None:
        if self._process is not None:
            text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace").strip()
            if text:
                log.info("speech child: %s", text)

    def _arm(self, ms: int) -> None:
        """(Re)start the deadline, noting when, so a late timeout (a busy GUI thread) is recognised."""
        self._armed_at, self._armed_ms = time.monotonic(), ms
        self._timer.start(ms)

    def _on_deadline(self) -> None:
        """The child's time is up, unless its answer is already waiting or the GUI thread was the one held up.

        While the GUI thread is busy nobody reads the pipe: an answer the child wrote
        during a long stall is read here first. A timeout that comes more than STALL_MS
        after it was due means the GUI thread was blocked meanwhile; the child (its own
        process) may be just finishing, so its full deadline starts again from now
        instead of a kill. Only a deadline that passes while the GUI thread is free
        restarts the child.
        """
        if self._process is not None:
            self._process.waitForReadyRead(0)
            self._on_output()
        if not self._pending:
            return
        late_ms = (time.monotonic() - self._armed_at) * 1000 - self._armed_ms
        if late_ms > STALL_MS:
            log.info("the GUI thread was held up %.0f ms past the speech deadline: the child gets its time again",
                     late_ms)
            self._arm(self._armed_ms)
            return
        self._restart("did not answer in time")

    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._restart(f"exited with code {code}")

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.error("cannot start the speech child %s", " ".join(self._command))
            for pending in list(self._pending.values()):
                if pending.token == self._latest_token and pending.message.get("op") == "speak":
                    self.failed.emit(pending.token, "the speech engine cannot start")
            self._pending.clear()
            self._timer.stop()
            self._process = None


