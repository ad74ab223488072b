"""The worker's side panel: unlock, start a visit, record levels, see help requests, lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.visit_desk import VisitDesk
from panel_helpers import PASSPHRASE, settle, stored, unlock, with_records


@pytest.fixture
def desk(make_desk):
    """A French worker's window with the panel, records created and unlocked."""
    return make_desk(Settings(client_language="fr", worker_language="fr", auto_read=False))


def test_wrong_passphrase_says_so(qtbot, make_window, desk) -> None:
    """A second desk with the wrong passphrase is refused with a message; nothing opens."""
    desk.close()
    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=False))
    second = VisitDesk(window, records_path())
    gate = second.panel.gate
    assert not gate.creating
    gate.name.setText("Camille")
    gate.passphrase.setText("not the passphrase")
    gate.open_button.click()
    settle(qtbot, second)
    assert not second.panel.unlocked
    assert "phrase de passe" in gate.error.text()
    second.close()


def test_anonymous_visit_records_counts_only(qtbot, desk) -> None:
    """An anonymous visit starts in one click, records a level, and keeps no note field."""
    panel, window = desk.panel, desk.window
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    assert panel.session is not None and panel.session.anonymous
    assert panel.stack.currentWidget() is panel.visit
    assert not panel.visit.note.isVisible()
    window.open_lesson("demo", "unlock-phone")
    panel.visit.skill_levels[0].buttons[3].click()
    assert panel.session.levels == {"demo/unlock-phone": 3}
    settle(qtbot, desk)
    assert stored("SELECT client_id, level, rated_by FROM ratings") == [(None, 3, "worker")]


def test_client_visit_with_consent(qtbot, desk) -> None:
    """Creating a client shows the consent question in the client's language; yes starts the visit."""
    panel, window = desk.panel, desk.window
    start = panel.start
    start.pseudonym.setText("Amal")
    start.language.setCurrentIndex(start.language.findData("ar"))
    start.create_button.click()
    assert window.stack.currentWidget() is desk.consent
    assert window.languages.client.tag == "ar"
    assert any("\u0600" <= ch <= "\u06ff" for ch in desk.consent.text.plain_text())
    desk.consent.yes_button.click()
    settle(qtbot, desk)
    session = panel.session
    assert session is not None and session.client_id is not None
    client = with_records(lambda records: records.client(session.client_id))
    assert client.pseudonym == "Amal" and client.consent_given and client.language == "ar"
    assert "Amal" in panel.visit.who.text() and client.code in panel.visit.who.text()
    assert panel.visit.note.isVisibleTo(panel)


def test_find_a_known_client(qtbot, desk) -> None:
    """Typing part of the pseudonym or the code lists the client; Enter starts their visit."""
    client = with_records(lambda records: records.create_client("Bilal", "fr", ["sms"], True, "learning-record"))
    start = desk.panel.start
    start.search.setText("bil")
    start.search.returnPressed.emit()
    settle(qtbot, desk)
    assert desk.panel.session is not None and desk.panel.session.client_id == client.id
    desk.panel.end_visit()
    settle(qtbot, desk)
    start.search.setText(client.code.lower())
    start.refresh_results()
    settle(qtbot, desk)
    assert start.results.count() == 1


def test_level_with_a_click_and_with_a_key(qtbot, desk) -> None:
    """One click records a level; keys 1–4 do too, unless the focus is in a text field; visits chart."""
    panel, window = desk.panel, desk.window
    client = with_records(lambda records: records.create_client("Chloé", "fr", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    panel.visit.skill_levels[0].buttons[1].click()
    window.lesson.next_button.setFocus()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_4)  # as a keyboard does: through the window
    settle(qtbot, desk)
    levels = [row[0] for row in stored("SELECT level FROM ratings ORDER BY id")]
    assert levels == [3], "within one visit a new click replaces the worker's level"
    assert panel.visit.skill_levels[0].buttons[3].isChecked()
    panel.visit.note.setFocus()
    qtbot.keyClick(panel.visit.note, Qt.Key.Key_2)
    assert panel.visit.note.toPlainText() == "2", "a digit typed in the note stays in the note"
    settle(qtbot, desk)
    assert [row[0] for row in stored("SELECT level FROM ratings")] == [3]
    panel.end_visit()
    panel.start_visit(client.id)  # a second visit adds a point to the chart
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    panel.visit.skill_levels[0].buttons[2].click()
    settle(qtbot, desk)
    history = with_records(lambda records: records.ratings_history(client.id))
    assert [int(point.level) for point in history["demo/phone-call"]] == [3, 2]
    assert "demo/phone-call" in panel.visit.chart.series


def test_help_request_appears_in_the_panel(qtbot, desk) -> None:
    """The client's "I need help" shows in the panel at once, and is recorded."""
    panel, window = desk.panel, desk.window
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone", 2)
    assert "3" in panel.visit.step_title.text()
    window.lesson.help_button.click()
    window.lesson.help_button.click()
    assert "3" in panel.visit.help_list.text() and "2" in panel.visit.help_list.text()
    settle(qtbot, desk)
    helps = stored("SELECT help_requests FROM activity")
    assert helps and '"person-name": 2' in helps[0][0].replace(" ", "").replace('":', '": ')


def test_note_and_what_we_recorded(qtbot, desk) -> None:
    """A note is saved; the client's own view lists it, in the client's language."""
    panel, window = desk.panel, desk.window
    client = with_records(lambda records: records.create_client("Dana", "fr", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    panel.visit.note.setPlainText("Sait ouvrir les contacts.")
    panel.visit.save_note.click()
    settle(qtbot, desk)
    assert panel.visit.note.toPlainText() == ""
    panel.visit.about_button.click()
    settle(qtbot, desk)
    assert window.stack.currentWidget() is desk.about
    assert "Sait ouvrir les contacts." in desk.about.spoken_text()
    assert "Dana" in desk.about.spoken_text()


def test_lock_and_unlock(qtbot, desk) -> None:
    """Ctrl+L hides the records; only the passphrase shows them again."""
    panel, window = desk.panel, desk.window
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    qtbot.keyClick(window, Qt.Key.Key_L, modifier=Qt.KeyboardModifier.ControlModifier)
    assert panel.locked and panel.stack.currentWidget() is panel.lock_view
    assert not panel.choose_level(2), "no level can be recorded while locked"
    panel.lock_view.passphrase.setText("wrong one")
    panel.lock_view.button.click()
    settle(qtbot, desk)
    assert panel.locked
    assert panel.lock_view.error.text() == "Cette phrase de passe n'est pas la bonne. Rien n'a été modifié.", "as at the gate"
    panel.lock_view.passphrase.setText(PASSPHRASE)
    panel.lock_view.button.click()
    settle(qtbot, desk)
    assert not panel.locked and panel.stack.currentWidget() is panel.visit


def test_idle_time_locks(qtbot, desk) -> None:
    """No input for the configured time locks the records by itself."""
    desk._lock_after_s = 0.01
    desk._last_input -= 1
    desk._check_idle()
    assert desk.panel.locked


def test_panel_can_be_hidden_for_the_client(qtbot, desk) -> None:
    """The panel toggle gives the client the whole screen, and brings the panel back."""
    desk.toggle.click()
    assert not desk.panel.isVisible()
    desk.toggle.click()
    assert desk.panel.isVisible()


def test_export_and_erase(qtbot, desk, tmp_path) -> None:
    """Export writes the JSON and a PDF in the client's language; erase leaves no pseudonym or note."""
    panel = desk.panel
    client = with_records(lambda records: records.create_client("Élodie", "ar", ["phone"], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    panel.visit.note.setPlainText("Sait déverrouiller seule.")
    panel.visit.save_note.click()
    panel.export_to(tmp_path)
    settle(qtbot, desk)
    json_path, = tmp_path.glob("*.json")
    pdf_path, = tmp_path.glob("*.pdf")
    assert "Élodie" in json_path.read_text(encoding="utf-8")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert json_path.name in panel.visit.rights_status.text()
    panel.erase_current()
    settle(qtbot, desk)
    assert panel.session is None
    tables = [name for (name,) in stored("SELECT name FROM sqlite_master WHERE type = 'table'")]
    dump = "\n".join(repr(row) for table in tables for row in stored(f'SELECT * FROM "{table}"'))
    assert "Élodie" not in dump and "Sait déverrouiller" not in dump
    actions = [row[2] for row in with_records(lambda records: records.audit_log())]
    assert "erase" in " ".join(actions) and "export" in " ".join(actions)


def test_player_mirrors_beside_a_french_panel(qtbot, desk) -> None:
    """Switching the client to Arabic mirrors the player; the French panel stays left-to-right, on the right."""
    window, panel = desk.window, desk.panel
    window.set_client_language("ar")
    window.open_lesson("demo", "unlock-phone", 1)
    QApplication.processEvents()
    lesson = window.lesson

    def centre(widget) -> int:
        return widget.mapTo(window, widget.rect().center()).x()

    assert lesson.isRightToLeft() and not panel.isRightToLeft()
    assert centre(lesson.back_button) > centre(lesson.next_button)
    assert centre(panel) > centre(lesson)
    window.set_client_language("fr")
    QApplication.processEvents()
    assert centre(lesson.back_button) < centre(lesson.next_button)


def test_gate_words_refusals_in_the_workers_language(qtbot, make_window) -> None:
    """A short passphrase and a wrong one are refused in French, and nothing is created or opened."""
    window = make_window(Settings(client_language="ar", worker_language="fr", auto_read=False))
    desk = VisitDesk(window, records_path())
    gate = desk.panel.gate
    gate.name.setText("Camille")
    gate.passphrase.setText("court")
    gate.again.setText("court")
    gate.open_button.click()
    assert "caractères" in gate.error.text() and not records_path().exists()
    gate.passphrase.setText(PASSPHRASE)
    gate.again.setText(PASSPHRASE)
    gate.open_button.click()
    settle(qtbot, desk)
    desk.close()
    second = VisitDesk(make_window(Settings(client_language="fr", worker_language="fr")), records_path())
    second.panel.gate.name.setText("Camille")
    second.panel.gate.passphrase.setText("pas la bonne phrase")
    second.panel.gate.open_button.click()
    settle(qtbot, second)
    assert not second.panel.unlocked and "phrase de passe" in second.panel.gate.error.text()
    second.close()
