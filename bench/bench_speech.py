"""Benchmark: from Listen to the first audio, with an empty and with a warm speech cache.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_speech.py [--runs 9]

It drives the real player pieces: the speech service (QProcess) talking to the real
speech child (pyttsx3 + espeak-ng), and the reader playing through QtMultimedia.
"Listen" is Reader.read(); "audio playing" is the moment the audio output starts
(the WAV is read and handed to QAudioSink, or to the silent clock on a machine with
no sound card, like this one). Target
(shared/PRODUCT.md): 150 ms with an empty cache, 30 ms warm. The child is started
and warmed up before measuring, as the app does at start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

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
    args = parser.parse_args()
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

    listen("Bonjour.")  # warm-up: the child's first synthesis loads the voice
    cold = [listen(f"{SENTENCES[i % len(SENTENCES)]} {i}") for i in range(args.runs)]
    warm = [listen(f"{SENTENCES[i % len(SENTENCES)]} {i}") for i in range(args.runs)]
    for name, runs in (("empty cache", cold), ("warm cache", warm)):
        print(f"Listen -> audio playing, {name}: median {statistics.median(runs):.0f} ms")
    speech.stop()
    app.quit()


if __name__ == "__main__":
    main()
