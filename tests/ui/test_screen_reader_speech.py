"""With a screen reader running, each step is read by one voice: the screen reader's by default,
Coach's if the worker's menu says so (then the announcement is the step's number only)."""

from __future__ import annotations

from coach.settings import Settings
from coach.ui.player.reader import ReaderState


def test_a_running_screen_reader_stops_the_auto_read_unless_the_worker_chose_coachs_voice(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=True))
    speech = window.screen_reader_speech
    qtbot.waitUntil(lambda: speech.watch is not None, timeout=5000)
    actions = window.worker_menu.actions()
    assert actions[actions.index(window.auto_read_action) + 1] is speech.action, "beside 'Read each step aloud'"
    assert speech.action.text() == "Avec un lecteur d'écran, la voix de Coach lit aussi les étapes"
    assert not window.lesson.screen_reader_reads, "no screen reader: Coach reads as set"

    speech.watch.set_active(True)
    assert window.lesson.screen_reader_reads
    window.open_lesson("demo", "call-someone")
    assert window.reader.state is ReaderState.IDLE, "the screen reader reads the step; Coach waits for Listen"

    speech.action.setChecked(True)
    assert window.settings.voice_with_screen_reader is True
    assert not window.lesson.screen_reader_reads, "Coach's voice chosen: it reads the steps again"
    window.open_lesson("demo", "call-someone")
    assert window.reader.state is not ReaderState.IDLE, "read on arrival (or told there is no voice)"
    speech.watch.set_active(False)
    speech.action.setChecked(False)
    assert not window.lesson.screen_reader_reads, "the screen reader stopped: Coach reads as set"


def test_with_a_screen_reader_the_consent_question_is_read_once_and_listen_reads_it(qtbot, make_window) -> None:
    from coach.records.store import records_path
    from coach.ui.visit_desk import VisitDesk

    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=True))
    desk = VisitDesk(window, records_path())
    speech = window.screen_reader_speech
    qtbot.waitUntil(lambda: speech.watch is not None, timeout=5000)
    speech.watch.set_active(True)
    desk._show_consent("fr")
    assert window.current_page() is desk.consent
    assert window.reader.state is ReaderState.IDLE, "the screen reader reads the focused question; Coach waits"
    desk.consent.listen_button.click()
    assert window.reader.state is not ReaderState.IDLE, "Listen reads it in Coach's voice"
    window.stop_reading()
    speech.watch.set_active(False)
    desk._show_consent("fr")
    assert window.reader.state is not ReaderState.IDLE, "no screen reader: read on arrival, as always"
