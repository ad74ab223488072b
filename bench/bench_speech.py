"""Benchmark: from Listen to the first audio, with an empty and with a warm speech cache.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_speech.py [--runs 9]

It drives the real player pieces: the speech service (QProcess) talking to the real
speech child (espeak-ng in its synchronous mode), and the reader playing through AudioOut.
"Listen" is Reader.read(); "audio playing" is the moment the audio output starts
(the WAV is read and handed to QAudioSink, or to the silent clock on a machine with
no sound card, like this one). Target
(shared/PRODUCT.md): 150 ms with an empty cache, 30 ms warm. The child is started
and warmed up before measuring, as the app does at start. Prints median, min and max.

`--first N` also starts N fresh processes (each its own new child and empty cache)
that press Listen `--head-start` ms after the child's start, all with the same
sentence, and counts the lengths of the WAVs they got (issue 13: the same text at the
same rate has one length, always; pyttsx3's asynchronous driver gave two).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCES = [
    "Touchez le bouton vert pour appeler.",
    "Appuyez sur le bouton sur le côté du téléphone.",
    "Glissez votre doigt du bas vers le haut.",
    "Touchez le nom de la personne à appeler.",
    "Parlez quand la personne répond.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--first", type=int, default=0, metavar="N",
                        help="also N fresh processes: Listen pressed right after the speech child is started")
    parser.add_argument("--head-start", type=int, default=0, metavar="MS",
                        help="with --first: Listen pressed this long after the child was started")
    parser.add_argument("--one-first", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first:
        first_listens(args.first, args.head_start)
    home = tempfile.mkdtemp(prefix="coach-bench-speech-")
    os.environ["COACH_HOME"] = home

    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from coach.ui.player.reader import Reader, ReaderState
    from coach.ui.speech_service import SpeechService

    app = QApplication(sys.argv[:1])
    speech = SpeechService()
    speech.start()
    reader = Reader(speech)
    clock = QElapsedTimer()
    marks: dict[str, float] = {}

    def wait(condition, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the reader did not start playing")
            QCoreApplication.processEvents()
            time.sleep(0.0005)

    reader._audio.started.connect(lambda: marks.setdefault("playing", clock.nsecsElapsed() / 1e6))

    def listen(text: str) -> float:
        marks.clear()
        clock.start()
        reader.read(text, "fr")
        wait(lambda: "playing" in marks or reader.state in (ReaderState.FAILED, ReaderState.NO_VOICE))
        if reader.state in (ReaderState.FAILED, ReaderState.NO_VOICE):
            raise RuntimeError(f"no audio: {reader.state} {reader.last_error}")
        reader.stop()
        return marks["playing"]

    if args.one_first:  # one fresh process: Listen at once, as a client pressing it as the window appears
        started = time.monotonic()
        wait(lambda: time.monotonic() - started >= args.head_start / 1000)  # events run meanwhile
        try:
            ms = listen(SENTENCES[0])  # a new home, so an empty cache: synthesised here
            wavs = list((Path(home) / "cache" / "speech").glob("*.wav"))
            with wave.open(str(wavs[0])) as spoken:
                print(f"{ms:.1f} {spoken.getnframes()}")
        except (RuntimeError, TimeoutError, IndexError) as exc:
            print(f"FAILED {exc!r}")
        speech.stop()
        shutil.rmtree(home, ignore_errors=True)
        return
    listen("Bonjour.")  # warm-up: the child's first synthesis loads the voice
    cold = [listen(f"{SENTENCES[i % len(SENTENCES)]} {i}") for i in range(args.runs)]
    warm = [listen(f"{SENTENCES[i % len(SENTENCES)]} {i}") for i in range(args.runs)]
    for name, runs in (("empty cache", cold), ("warm cache", warm)):
        print(f"Listen -> audio playing, {name}: median {statistics.median(runs):.0f} ms, min {min(runs):.0f}, "
              f"max {max(runs):.0f} ({len(runs)} runs)")
    speech.stop()
    app.quit()
    shutil.rmtree(home, ignore_errors=True)


def first_listens(runs: int, head_start_ms: int) -> None:
    """Listen right after start, each in a fresh process (a new child, an empty cache): median, min, max, failures.

    `head_start_ms`: how long after the child's start Listen is pressed (0: at once).
    """
    import subprocess

    times: list[float] = []
    failures: list[str] = []
    lengths: set[int] = set()
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--one-first", "--head-start", str(head_start_ms)],
                              capture_output=True, text=True,
                              env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
        answer = (done.stdout.strip().splitlines() or [f"FAILED exit {done.returncode}"])[-1]
        if answer.startswith("FAILED"):
            failures.append(answer)
        else:
            ms, frames = answer.split()
            times.append(float(ms))
            lengths.add(int(frames))
    if times:
        print(f"first Listen {head_start_ms} ms after the child's start: median {statistics.median(times):.0f} ms, "
              f"min {min(times):.0f}, max {max(times):.0f} ({len(times)} runs)")
    print(f"first Listen failures: {len(failures)} of {runs}" + "".join(f"\n  {f}" for f in failures))
    print(f"WAV lengths of the same sentence in {len(times)} fresh children: {len(lengths)} distinct"
          + (f" ({sorted(lengths)} frames)" if len(lengths) > 1 else ""))


if __name__ == "__main__":
    main()
