"""Plays one audio file at a time, with an exact position and a Stop that never waits.

WAV files (every synthesised utterance, and recorded WAVs) go straight to a
QAudioSink from memory: no decoder thread to join, so Stop is immediate, and the
position is what the sound card has played. On a computer without a sound card the
same file is "played" against a clock, so the words are still followed on screen.
Other recorded formats (OGG, MP3) go through QMediaPlayer, which decodes them.

QMediaPlayer is not used for WAV because its stop() occasionally blocked the GUI
thread for good in our UI tests (Qt 6.11, FFmpeg backend, no audio device).
"""

from __future__ import annotations

import wave
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QElapsedTimer, QIODevice, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioOutput, QAudioSink, QMediaDevices, QMediaPlayer

_SAMPLE_FORMATS = {1: QAudioFormat.SampleFormat.UInt8, 2: QAudioFormat.SampleFormat.Int16,
                   4: QAudioFormat.SampleFormat.Int32}


class AudioOut(QObject):
    started = Signal()
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        self._player: QMediaPlayer | None = None
        self._clock = QElapsedTimer()
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.timeout.connect(self._finish)
        self.playing = False
        self.source = ""
        """The file being played (or last played)."""

    def play(self, path: str) -> None:
        self.stop()
        self.source = path
        try:
            with wave.open(path, "rb") as source:
                fmt = QAudioFormat()
                fmt.setSampleRate(source.getframerate())
                fmt.setChannelCount(source.getnchannels())
                fmt.setSampleFormat(_SAMPLE_FORMATS.get(source.getsampwidth(), QAudioFormat.SampleFormat.Unknown))
                frames = source.readframes(source.getnframes())
                duration_ms = round(1000 * source.getnframes() / max(1, source.getframerate()))
        except (OSError, EOFError, wave.Error):
            self._play_with_decoder(path)  # not a plain WAV: let FFmpeg decode it
            return
        device = QMediaDevices.defaultAudioOutput()
        self.playing = True
        if device.isNull() or not device.isFormatSupported(fmt):
            self._clock.start()  # no sound card: follow the words against the clock
            self._end.start(duration_ms)
            self.started.emit()
            return
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(frames))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.stateChanged.connect(self._on_sink_state)
        self._sink.start(self._buffer)
        self._clock.start()
        self.started.emit()

    def stop(self) -> None:
        """Silence now. Nothing here waits for another thread."""
        self.playing = False
        self._end.stop()
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.stateChanged.disconnect(self._on_sink_state)
            sink.stop()
            sink.deleteLater()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if self._player is not None:
            self._player.playbackStateChanged.disconnect(self._on_player_state)
            self._player.pause()  # not stop(): see the module's docstring
            self._player.deleteLater()
            self._player = None

    def position_ms(self) -> int:
        if self._sink is not None:
            return self._sink.processedUSecs() // 1000
        if self._player is not None:
            return self._player.position()
        return self._clock.elapsed() if self.playing else 0

    def _finish(self) -> None:
        if self.playing:
            self.stop()
            self.finished.emit()

    def _on_sink_state(self, state: QAudio.State) -> None:
        if state == QAudio.State.IdleState:  # the buffer is played out
            self._finish()
        elif state == QAudio.State.StoppedState and self._sink is not None:
            error = self._sink.error()
            if error != QAudio.Error.NoError:
                self.stop()
                self.failed.emit(f"audio output error: {error.name}")

    def _play_with_decoder(self, path: str) -> None:
        if not Path(path).is_file():
            self.failed.emit(f"no audio file {path}")
            return
        player = QMediaPlayer(self)
        player.setAudioOutput(QAudioOutput(player))
        player.playbackStateChanged.connect(self._on_player_state)
        player.errorOccurred.connect(lambda _error, message: self.failed.emit(message))
        self._player = player
        self.playing = True
        player.setSource(QUrl.fromLocalFile(path))
        player.play()
        self.started.emit()

    def _on_player_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.StoppedState:
            self._finish()
