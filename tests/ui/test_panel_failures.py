"""Every records failure reaches the worker, worded, in the worker's language; no records work on the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from panel_helpers import PASSPHRASE, settle, unlock, with_records
from PySide6.QtWidgets import QApplication

from coach.records.records import Records
from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk



@pytest.fixture
def desk(make_desk):
    return make_desk(Settings(client_language="ar", worker_language="fr", auto_read=False))


def test_a_locked_database_is_told_to_the_worker_and_nothing_escapes(qtbot, desk) -> None:
    """Another program holds the file: the level is not saved, and the panel says so in French."""
    panel, window = desk.panel, desk.window
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    other = Records.open(records_path(), PASSPHRASE)
    other.conn.execute("BEGIN IMMEDIATE")  # holds the write lock, as a second Coach would
    try:
        panel.visit.skill_levels[0].buttons[2].click()
        assert window.isEnabled() and not panel.failures.isVisible(), "the click returns at once"
        settle(qtbot, desk, timeout=20000)  # SQLite waits its busy timeout, then gives up
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    assert panel.failures.isVisible()
    message = panel.failures.messages[0]
    assert message.startswith("Le niveau d'autonomie n'a pas été enregistré.")
    assert "utilisés par un autre programme" in message
    assert panel.failures.accessibleDescription() == message
    panel.failures.close_button.click()
    assert not panel.failures.isVisible()


def test_a_bug_is_logged_with_its_traceback_and_said_as_a_bug(qtbot, desk, monkeypatch, caplog) -> None:
    """A TypeError in the records is not dressed up as the worker's mistake, and never reaches Qt."""
    def broken(self, *args, **kwargs):
        raise TypeError("a bug")

    monkeypatch.setattr(Records, "add_note", broken)
    panel = desk.panel
    client = with_records(lambda r: r.create_client("Nour", "ar", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    panel.visit.note.setPlainText("Sait envoyer un SMS.")
    with caplog.at_level(logging.ERROR):
        panel.visit.save_note.click()
        settle(qtbot, desk)
    assert panel.visit.note.toPlainText() == "Sait envoyer un SMS.", "the note stays in the box"
    message = panel.failures.messages[0]
    assert message.startswith("La note n'a pas été enregistrée") and "problème inattendu" in message
    bug = [r for r in caplog.records if r.levelno == logging.ERROR and r.exc_info]
    assert bug and bug[0].exc_info[0] is TypeError


def test_records_work_never_runs_on_the_gui_thread(qtbot, desk, monkeypatch) -> None:
    """Writes, searches, the chart, about, export and erasure all run on the records thread."""
    gui = threading.current_thread()
    threads: dict[str, threading.Thread] = {}
    for name in ("start_visit", "record_step", "record_help", "record_did_it", "rate", "add_note", "find_clients",
                 "ratings_history", "about_client", "erase_client", "client"):
        original = getattr(Records, name)

        def spy(self, *args, _name=name, _original=original, **kwargs):
            threads[_name] = threading.current_thread()
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Records, name, spy)
    panel, window = desk.panel, desk.window
    client = with_records(lambda r: r.create_client("Yara", "fr", [], True, "learning-record"))
    threads.clear()
    panel.start.search.setText("yar")
    panel.start.search.returnPressed.emit()
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    window.lesson.help_button.click()
    window.lesson.done_button.click()
    panel.visit.skill_levels[0].buttons[1].click()
    panel.visit.note.setPlainText("Note.")
    panel.visit.save_note.click()
    panel.visit.about_button.click()
    settle(qtbot, desk)
    panel.erase_current()
    settle(qtbot, desk)
    QApplication.processEvents()
    assert client.id and set(threads) >= {"start_visit", "record_step", "record_help", "record_did_it", "rate",
                                          "add_note", "find_clients", "ratings_history", "about_client",
                                          "erase_client"}
    assert all(thread is not gui for thread in threads.values()), threads


def test_unlocking_on_a_full_disk_tells_the_worker_the_disk_is_full(qtbot, make_window, tmp_path, monkeypatch) -> None:
    """On a real size-limited disk (skipped where none can be mounted), the gate says the disk is full."""
    from small_disk import fill, small_disk

    with small_disk(tmp_path / "disk") as disk:
        monkeypatch.setenv("COACH_HOME", str(disk / "home"))
        with Records.create(records_path(), PASSPHRASE):
            pass
        fill(disk)
        window = make_window(Settings(client_language="ar", worker_language="fr", auto_read=False))
        desk = VisitDesk(window, records_path())
        try:
            assert not desk.panel.gate.creating
            unlock(qtbot, desk)
            assert not desk.panel.unlocked
            error = desk.panel.gate.error.text()
            assert "disque est plein" in error and "phrase de passe" not in error
        finally:
            desk.close()
