"""A step's recorded audio plays instead of a synthetic voice."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

from fakes.fake_speech_child import fake_child_command

from coach.packs.loader import load_library
from coach.settings import Settings
from coach.ui.player.main_window import MainWindow
from coach.ui.player.reader import ReaderState
from coach.ui.speech_service import SpeechService

MINIMAL = Path(__file__).resolve().parent.parent / "data" / "packs" / "minimal"


def write_wav(path: Path, milliseconds: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x00\x01" * (16 * milliseconds))


def test_recorded_audio_wins_over_synthesis(qtbot, tmp_path: Path, demo_builtin_dir: Path) -> None:
    """With audio recorded for French, Listen plays that file and asks no engine."""
    pack = tmp_path / "packs" / "minimal"
    shutil.copytree(MINIMAL, pack)
    write_wav(pack / "audio" / "fr" / "open.wav", 900)
    lesson = pack / "lessons" / "01-call.toml"
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace(
            'picture_description = "L\'écran d\'accueil avec l\'icône du téléphone."',
            'picture_description = "L\'écran d\'accueil avec l\'icône du téléphone."\n'
            'audio = { fr = "audio/fr/open.wav" }',
            1,
        ),
        encoding="utf-8",
    )
    library = load_library(demo_builtin_dir, tmp_path / "packs", cache_dir=None)
    assert not library.broken, library.broken
    speech = SpeechService(fake_child_command())
    asked = []
    speech.ready.connect(lambda token, utterance: asked.append(utterance))
    window = MainWindow(list(library.packs), [], Settings(client_language="fr", auto_read=False), speech=speech)
    qtbot.addWidget(window)
    window.show()
    pack_id = next(p.id for p in library.packs if not p.builtin)
    window.open_lesson(pack_id, "call")
    window.lesson.listen_button.click()
    qtbot.waitUntil(lambda: window.reader.state is ReaderState.PLAYING, timeout=5000)
    source = Path(window.reader._audio.source)
    assert source.read_bytes() == (pack / "audio" / "fr" / "open.wav").read_bytes()
    assert asked == [], "no synthesis was requested"
    qtbot.waitUntil(lambda: window.reader.state is ReaderState.IDLE, timeout=5000)

    window.lesson.next_button.click()  # the next step has no recording: the voice reads it
    window.lesson.listen_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=8000)
    speech.stop()


def test_recorded_audio_file_is_whole_owner_only_and_leaves_no_temporary(tmp_path: Path, monkeypatch) -> None:
    """Two Coach windows (the app and `coach preview`) may copy the same recording at once:
    each writes its own temporary file, so neither can rename the other's half-written one."""
    from coach.ui.player.reader import recorded_audio_file

    monkeypatch.setenv("COACH_HOME", str(tmp_path / "home"))
    data = b"RIFF" + bytes(range(256)) * 64
    path = recorded_audio_file(data, ".wav")
    assert path.read_bytes() == data
    assert path.stat().st_mode & 0o777 == 0o600
    assert recorded_audio_file(data, ".wav") == path
    assert [p.name for p in path.parent.iterdir()] == [path.name]
