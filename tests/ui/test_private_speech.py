"""Issue 14 item 2: "What we recorded about you" read aloud never reaches the persistent speech cache."""

from __future__ import annotations

import os
from pathlib import Path

from fakes.fake_speech_child import fake_child_command
from panel_helpers import settle, unlock, with_records

from coach.records.store import records_path
from coach.settings import Settings
from coach.speech import cache
from coach.ui.player.main_window import MainWindow
from coach.ui.player.reader import ReaderState
from coach.ui.speech_service import SpeechService
from coach.ui.visit_desk import VisitDesk

PASSPHRASE = "correct horse battery"
NOTE = "Sait ouvrir les contacts, a peur des arnaques."


def files_holding(folder: Path, needles: list[bytes]) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


def test_the_clients_record_is_read_privately_and_nothing_stays(qtbot, library, coach_home: Path) -> None:
    speech = SpeechService(fake_child_command())
    window = MainWindow(list(library.packs), list(library.broken),
                        Settings(client_language="fr", worker_language="fr", auto_read=False), speech=speech)
    qtbot.addWidget(window)
    window.show()
    desk = VisitDesk(window, records_path())
    try:
        unlock(qtbot, desk, passphrase=PASSPHRASE)
        client = with_records(lambda records: records.create_client("Zainab Q.", "fr", [], True, "learning-record"))
        desk.panel.start_visit(client.id)
        settle(qtbot, desk)
        desk.panel.visit.note.setPlainText(NOTE)
        desk.panel.visit.save_note.click()
        settle(qtbot, desk)
        with qtbot.waitSignal(speech.ready, timeout=10000) as answer:
            desk.panel.visit.about_button.click()
        utterance = answer.args[1]
        assert utterance.private and Path(utterance.wav).parent == Path(cache.private_dir())
        qtbot.waitUntil(lambda: window.reader.state is ReaderState.PLAYING, timeout=5000)
        assert not Path(utterance.wav).exists(), "deleted once the audio is in memory"
        text = window.reader.text
        assert "Zainab Q." in text and NOTE in text
        key = cache.cache_key("fake", utterance.voice, 1.0, text)
        assert not os.path.exists(cache.wav_path(key)) and not os.path.exists(cache.sidecar_path(key))
        needles = [NOTE.encode("utf-8"), b"Zainab Q.", client.code.encode("ascii")]
        assert files_holding(coach_home / "cache", needles) == []
        # A private file the reader never got to read (a stale answer, a crash) goes at erasure.
        leftover = cache.new_temp_wav(cache.private_dir())
        desk.panel.erase_current()
        settle(qtbot, desk)
        assert not os.path.exists(leftover) and not os.listdir(cache.private_dir())
    finally:
        window.reader.stop()
        desk.close()
        speech.stop()
