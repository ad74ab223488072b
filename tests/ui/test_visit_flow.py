"""A visit as a help desk lives it: language per visit, consent, the client's record, did-it, the chart."""

from __future__ import annotations

import json

import pytest
from panel_helpers import settle, stored, unlock, with_records
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton

from coach.domain.autonomy import AutonomyLevel
from coach.settings import Settings, load_settings
from coach.ui.player.main_window import MainWindow


@pytest.fixture
def desk(make_desk):
    return make_desk(Settings(desk_language="fr", worker_language="fr", auto_read=False))


def test_a_restart_opens_on_the_language_picker_in_the_desks_language(qtbot, library, tmp_path) -> None:
    """The next client never lands in the previous client's language, even after a restart."""
    path = tmp_path / "settings.json"
    first = MainWindow(list(library.packs), [], Settings(desk_language="fr"), path)
    qtbot.addWidget(first)
    assert first.stack.currentWidget() is first.picker
    next(b for b in first.picker.buttons if b.language.tag == "ar").click()
    assert first.languages.client.tag == "ar"
    again = MainWindow(list(library.packs), [], load_settings(path), path)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.picker
    assert again.languages.client.tag == "fr", "the picker speaks the desk's language, not the last client's"


def test_the_end_of_a_visit_brings_the_language_picker_back(qtbot, desk) -> None:
    """When the worker ends a visit, the next client starts by choosing their language."""
    window, panel = desk.window, desk.panel
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    window.set_client_language("ar")
    window.open_lesson("demo", "unlock-phone")
    panel.visit.end_button.click()
    settle(qtbot, desk)
    assert window.stack.currentWidget() is window.picker
    assert window.languages.client.tag == "fr"


def test_lessons_done_after_a_switch_are_recorded_in_the_new_language(qtbot, desk) -> None:
    """A client who moves from French to Arabic has the Arabic lesson recorded as Arabic."""
    window, panel = desk.window, desk.panel
    client = with_records(lambda r: r.create_client("Samir", "fr", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    window.open_lesson("demo", "unlock-phone")
    window.set_client_language("ar")
    window.open_lesson("demo", "call-someone")
    settle(qtbot, desk)
    rows = stored("SELECT lesson_id, language FROM activity ORDER BY id")
    assert rows == [("unlock-phone", "fr"), ("call-someone", "ar")]
    about = with_records(lambda r: r.about_client(client.id))
    assert [lesson["language"] for lesson in about["visits"][0]["lessons"]] == ["fr", "ar"]


def test_i_did_it_is_recorded_and_shown_next_to_the_step(qtbot, desk) -> None:
    """"I did it" appears in the panel beside the step, like "I need help", and is stored."""
    window, panel = desk.window, desk.panel
    panel.start.anonymous_button.click()
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone", 1)
    window.lesson.help_button.click()
    window.lesson.done_button.click()
    text = panel.visit.help_list.text()
    assert "Étape 2" in text and "aide 1×" in text and "réussi" in text
    settle(qtbot, desk)
    assert json.loads(stored("SELECT done_steps FROM activity")[0][0]) == {"contacts": 1}


def test_levels_are_numbered_one_to_four_everywhere(qtbot, desk) -> None:
    """Buttons, keys and the chart's axis use 1–4 with the level names; skills are listed under the chart."""
    window, panel = desk.window, desk.panel
    client = with_records(lambda r: r.create_client("Lina", "fr", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    box = panel.visit.skill_levels[0]
    assert [b.text_shown().split(" · ")[0] for b in box.buttons] == ["1", "2", "3", "4"]
    box.buttons[2].click()
    settle(qtbot, desk)
    chart = panel.visit.chart
    axis = next(a for a in chart.view.chart().axes() if a.orientation().name == "Vertical")
    labels = [label.replace("<br>", " ") for label in axis.categoriesLabels()]
    assert labels[0].startswith("1 · ") and labels[3].startswith("4 · ")
    assert "Autonome, aide si besoin" in labels[2]
    assert "Appeler quelqu'un: 3" in chart.view.accessibleDescription()
    assert "Appeler quelqu&#x27;un: 3" in chart.legend.text()


def test_consent_reads_one_sentence_per_line_with_big_answers(qtbot, desk) -> None:
    """The consent question: a picture, one sentence per line ending with the question, Yes/No ≥ 48 px."""
    panel, window = desk.panel, desk.window
    read: list[str] = []
    desk.consent.say.connect(read.append)
    panel.start.pseudonym.setText("Amal")
    panel.start.language.setCurrentIndex(panel.start.language.findData("fr"))
    panel.start.create_button.click()
    assert window.stack.currentWidget() is desk.consent
    lines = desk.consent.text.plain_text().split("\n")
    assert len(lines) >= 5 and lines[-1].endswith("?")
    assert all(len(line.split()) <= 12 for line in lines)
    assert read and read[0] == desk.consent.text.plain_text(), "read aloud on arrival"
    desk.consent.listen_button.click()
    assert len(read) == 2 and read[1].endswith("?"), "Listen repeats the whole text and the question"
    for button in (desk.consent.yes_button, desk.consent.no_button):
        assert button.width() >= 48 and button.height() >= 48
    assert desk.consent.picture.isVisible()


def test_what_we_recorded_speaks_the_clients_language_and_dates(qtbot, desk) -> None:
    """Large type, one line per entry with a picture, dates the client's way, notes marked as the worker's."""
    window, panel = desk.window, desk.panel
    client = with_records(lambda r: r.create_client("Dana", "ar", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    panel.visit.note.setPlainText("Sait ouvrir les contacts.")
    panel.visit.save_note.click()
    settle(qtbot, desk)
    window.set_client_language("ar")
    panel.visit.about_button.click()
    settle(qtbot, desk)
    about = desk.about
    assert window.stack.currentWidget() is about
    text = about.spoken_text()
    assert "Dana" in text and "2026-" not in text, "dates are written the Arabic way, not ISO"
    note_line = next(t.text() for _p, t in about.rows if "Sait ouvrir" in t.text())
    assert "الفرنسية" in note_line, "the note says it is written in French"
    assert all(not picture.pixmap().isNull() for picture, _text in about.rows)


def test_every_check_box_and_radio_button_is_a_48_pixel_target(qtbot, desk) -> None:
    """The new-client contact boxes (and every other check box) are at least 48 × 48 at 100 %."""
    desk.window.show()
    QApplication.processEvents()
    boxes = [w for w in desk.window.findChildren(QAbstractButton) if isinstance(w, (QCheckBox, QRadioButton))
             and w.isVisibleTo(desk.window)]
    assert boxes, "the new-client form has contact boxes"
    for box in boxes:
        assert box.width() >= 48 and box.height() >= 48, f"{box.text()!r} is {box.width()}×{box.height()}"


def test_level_number_is_the_one_the_worker_sees() -> None:
    """Stored 0–3, shown 1–4: one numbering for buttons, keys and chart."""
    assert [level.number for level in AutonomyLevel] == [1, 2, 3, 4]


def test_ctrl_q_ends_and_saves_the_visit_then_quits(qtbot, desk) -> None:
    """Ctrl+Q (and closing the window) end the visit in progress, save it, and close the records."""
    window, panel = desk.window, desk.panel
    client = with_records(lambda r: r.create_client("Omar", "fr", [], True, "learning-record"))
    panel.start_visit(client.id)
    settle(qtbot, desk)
    window.open_lesson("demo", "call-someone")
    panel.visit.skill_levels[0].buttons[3].click()
    qtbot.keyClick(window, Qt.Key.Key_Q, modifier=Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert not panel.unlocked
    ended = stored("SELECT ended FROM visits")
    assert ended and ended[0][0] is not None, "the visit was ended and saved before quitting"
    assert stored("SELECT level FROM ratings WHERE rated_by = 'worker'") == [(3,)]


def test_a_damaged_settings_file_is_told_to_the_worker(qtbot, make_window, tmp_path) -> None:
    """The worker sees that the settings were damaged and kept aside, on screen, not only in a log."""
    from coach.paths import app_dirs
    from coach.settings import read_settings
    from coach.ui.app import open_desk

    path = app_dirs().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    settings, aside = read_settings(path)
    assert aside == path.with_name("settings.json.bad") and aside.read_text(encoding="utf-8") == "{ not json"
    window = make_window(settings)
    desk = open_desk(window, aside)
    try:
        assert desk.panel.failures.isVisible()
        assert "settings.json.bad" in desk.panel.failures.messages[0]
    finally:
        desk.close()
