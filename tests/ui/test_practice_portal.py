"""The practice portal end to end, with the worker's panel: results shown, level suggested, recorded on a click."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from panel_helpers import settle as wait_records
from panel_helpers import unlock, with_records
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from coach.domain.autonomy import AutonomyLevel
from coach.packs.loader import Library, load_library
from coach.paths import builtin_packs_dir
from coach.records.store import records_path
from coach.settings import Settings
from coach.ui.player.exercises.choose import ChooseView
from coach.ui.player.exercises.order import OrderView
from coach.ui.player.exercises.sms_code import SmsCodeView
from coach.ui.player.exercises.touch import TouchView
from coach.ui.player.exercises.type_in import TypeInView
from coach.ui.visit_desk import VisitDesk

ANSWERS = {
    "e-mail": "nom@exemple.fr", "password": "Lune-Soleil-2024!", "last-name": "Diallo", "first-name": "Awa",
    "birth-date": "12/03/1980", "street": "5 rue de la Paix", "postcode": "75011", "city": "Paris",
    "children": "2",
}


@pytest.fixture(scope="session")
def portal_library(tmp_path_factory) -> Library:
    builtin = tmp_path_factory.mktemp("portal-desk")
    shutil.copytree(builtin_packs_dir() / "practice-portal", builtin / "practice-portal")
    return load_library(builtin, Path("/nonexistent-coach-packs"))


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def solve(view) -> None:
    """Give the right answer the way a client would (mouse and keys on the real widgets)."""
    if isinstance(view, TouchView):
        (target,) = view.shown_targets()
        QTest.mouseClick(view.area, Qt.MouseButton.LeftButton, pos=view.area.area_rect(target).center().toPoint())
    elif isinstance(view, ChooseView):
        right = next(i for i, choice in enumerate(view.exercise.choices) if choice.right)
        QTest.mouseClick(view.buttons[right], Qt.MouseButton.LeftButton)
    elif isinstance(view, TypeInView):
        for field_id, field in view.inputs.items():
            field.edit.clear()
            QTest.mouseClick(field.edit, Qt.MouseButton.LeftButton)  # the focus in the field, as a finger puts it
            QTest.keyClicks(field.edit, ANSWERS[field_id])
        QTest.keyClick(next(iter(view.inputs.values())).edit, Qt.Key.Key_Return)
    elif isinstance(view, SmsCodeView):
        QTest.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
        code = re.search(r"\d{6}", view.phone.banner_text()).group(0)
        QTest.mouseClick(view.phone.banner, Qt.MouseButton.LeftButton)
        QTest.mouseClick(view.field.edit, Qt.MouseButton.LeftButton)
        QTest.keyClicks(view.field.edit, code)
        QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)
    elif isinstance(view, OrderView):
        for item in range(len(view.places)):
            if view.cards[item].isVisible():  # not placed yet
                QTest.mouseClick(view.cards[item], Qt.MouseButton.LeftButton)
    settle()
    assert view.done, (type(view).__name__, view.feedback_text(), getattr(view, "code", None),
                       getattr(getattr(view, "field", None), "edit", None) and view.field.edit.text())


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_portal_end_to_end_with_the_panel(qtbot, make_window, portal_library, lang: str) -> None:
    window = make_window(Settings(client_language=lang, worker_language="fr", auto_read=False), lib=portal_library)
    desk = VisitDesk(window, records_path())
    unlock(qtbot, desk)
    panel = desk.panel
    client = with_records(lambda records: records.create_client("Awa", lang, [], True, "learning-record"))
    panel.start_visit(client.id)
    wait_records(qtbot, desk)
    visit_id = panel.session.visit_id

    def results(lesson_id: str) -> dict:
        wait_records(qtbot, desk)
        return with_records(lambda records: records.exercise_results(visit_id, pack.id, lesson_id))

    pack = portal_library.packs[0]
    suggested = {}
    for lesson in pack.lessons:
        window.open_lesson(pack.id, lesson.id)
        settle()
        for index, step in enumerate(lesson.steps):
            view = window.lesson.exercise
            assert (view is None) == (step.exercise is None)
            if view is not None:
                if (lesson.id, step.id) == ("create-account", "e-mail-password"):
                    QTest.mouseClick(view.inputs["e-mail"].edit, Qt.MouseButton.LeftButton)
                    QTest.keyClicks(view.inputs["e-mail"].edit, "pas-une-adresse")
                    QTest.mouseClick(view.form.button, Qt.MouseButton.LeftButton)  # wrong once: a hint
                    assert view.feedback_text()
                if (lesson.id, step.id) == ("benefit-form", "children"):
                    window.lesson.help_button.click()
                solve(view)
            if index < len(lesson.steps) - 1:
                window.lesson.next_button.click()
                settle()
        lines = panel.practice.exercise_lines()
        assert panel.practice.isVisible() and len(lines) == sum(1 for s in lesson.steps if s.exercise)
        assert results(lesson.id) == {}, "nothing recorded before the worker"
        suggested[lesson.id] = panel.practice.suggested
        if lesson.id == "create-account":
            assert "Étape 3 : réussi après 2 essais, 1 indice" in lines, lines
            assert panel.practice.suggested is AutonomyLevel.HELP_IF_NEEDED
            assert "Autonome, aide si besoin" in panel.practice.suggestion.text()
        panel.practice.confirm_button.click()
        settle()
        stored = results(lesson.id)
        assert set(stored) == {s.id for s in lesson.steps if s.exercise is not None}
        assert all(counts["solved"] for counts in stored.values())
        if lesson.id == "create-account":
            assert stored["e-mail-password"] == {"attempts": 2, "hints": 1, "help": 0, "solved": True}
        skills = {f"{pack.id}/{s}" for s in lesson.skills}
        levels = dict(with_records(lambda records: list(records.conn.execute(
            "SELECT skill, level FROM ratings WHERE visit_id = ? AND rated_by = 'worker'", (visit_id,)))))
        assert {skill: levels[skill] for skill in skills} == {skill: int(suggested[lesson.id]) for skill in skills}
        window.lesson.next_button.click()  # to the end screen
        settle()
    assert suggested == {"create-account": AutonomyLevel.HELP_IF_NEEDED, "log-in-code": AutonomyLevel.AUTONOMOUS,
                         "benefit-form": AutonomyLevel.GUIDED, "add-document": AutonomyLevel.AUTONOMOUS}
    typed = "".join(ANSWERS.values())
    dumped = "\n".join(str(row) for row in with_records(lambda r: list(r.conn.execute("SELECT * FROM activity"))))
    assert "Diallo" not in dumped and "75011" not in dumped and typed not in dumped, "practice data is never stored"
    desk.close()


def test_another_level_records_the_results_too(qtbot, make_window, portal_library) -> None:
    """The worker may pick another level than the suggestion: one click, and the results go with it."""
    window = make_window(Settings(client_language="fr", worker_language="fr", auto_read=False), lib=portal_library)
    desk = VisitDesk(window, records_path())
    unlock(qtbot, desk)
    panel = desk.panel
    panel.start.anonymous_button.click()
    wait_records(qtbot, desk)
    window.open_lesson("practice-portal", "create-account", 1)
    settle()
    view = window.lesson.exercise
    QTest.mouseClick(view.area, Qt.MouseButton.LeftButton, pos=view.area.to_widget(QPointF(5, 5)).toPoint())
    settle()
    assert panel.practice.exercise_lines()[0].startswith("Étape 2 : pas encore réussi, 1 essai, 1 indice")
    visit_id = panel.session.visit_id

    def results() -> dict:
        wait_records(qtbot, desk)
        return with_records(lambda records: records.exercise_results(visit_id, "practice-portal", "create-account"))

    assert results() == {}
    panel.visit.skill_levels[0].buttons[1].click()
    stored = results()
    assert stored == {"touch-create": {"attempts": 1, "hints": 1, "help": 0, "solved": False}}
    desk.close()
