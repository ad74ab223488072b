"""The roles Coach gives a screen reader, read from Qt's accessibility interfaces (issue 12 item 5).

The bus itself is read in tests/atspi/test_atspi_roles.py; here the same interfaces, cheaply:
faces and levels are radio buttons in named groups whose arrows choose, the step sentence's
Text interface follows the highlighted word, the chart's table holds its levels, and a closed
combo box's items are neither on screen nor focused.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from coach.domain.autonomy import AutonomyLevel
from coach.records.models import RatingPoint
from coach.ui import accessibility
from coach.ui.accessibility import QuietComboBox
from coach.ui.language_state import LanguageState
from coach.ui.panel.chart import ProgressChart
from coach.ui.player.end_screen import EndPage
from coach.ui.player.speech_controls import SpokenText


@pytest.fixture(autouse=True)
def coach_interfaces() -> None:
    accessibility.install()


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    QApplication.processEvents()
    return widget


def interface(widget: QWidget):
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_the_faces_are_radio_buttons_that_arrows_choose(qtbot, client: str) -> None:
    page = EndPage(LanguageState(client, "fr"))
    page.setLayoutDirection(Qt.LayoutDirection.RightToLeft if client == "ar" else Qt.LayoutDirection.LeftToRight)
    shown(qtbot, page)
    page.show_for("Une leçon")
    rated: list[str] = []
    page.self_rated.connect(rated.append)
    faces = list(page.faces.values())
    group = interface(page.faces_row)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == page.question.text()
    assert [interface(face).role() for face in faces] == [QAccessible.Role.RadioButton] * 3
    assert [interface(face).parent().object() for face in faces] == [page.faces_row] * 3
    faces[0].setFocus()
    qtbot.waitUntil(faces[0].hasFocus)
    forward = Qt.Key.Key_Left if client == "ar" else Qt.Key.Key_Right
    QTest.keyClick(faces[0], forward)
    assert QApplication.focusWidget() is faces[1] and faces[1].isChecked()
    assert interface(faces[1]).state().checked and not interface(faces[0]).state().checked
    QTest.keyClick(faces[1], Qt.Key.Key_Down)
    QTest.keyClick(faces[2], Qt.Key.Key_Down)  # around the end, to the first
    assert QApplication.focusWidget() is faces[0] and faces[0].isChecked()
    assert rated == ["with-help", "alone", "not-yet"]
    QTest.keyClick(faces[0], Qt.Key.Key_Space)  # Space still chooses the focused face
    assert faces[0].isChecked() and not faces[2].isChecked()


def test_the_levels_are_radio_buttons_in_the_skills_group(qtbot, make_desk) -> None:
    from coach.settings import Settings
    from panel_helpers import settle

    desk = make_desk(Settings(desk_language="fr", worker_language="fr", auto_read=False))
    desk.panel.start.anonymous_button.click()
    settle(qtbot, desk)
    desk.window.open_lesson("demo", "call-someone")
    box = desk.panel.visit.skill_levels[0]
    group = interface(box)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == box.title.text()
    chosen: list[int] = []
    box.chosen.connect(lambda _key, _codes, level: chosen.append(level))
    levels = box.buttons
    assert [interface(b).role() for b in levels] == [QAccessible.Role.RadioButton] * 4
    assert interface(levels[0]).text(QAccessible.Text.Name) == levels[0].text_shown()
    qtbot.waitUntil(lambda: all(b.isVisible() for b in levels))  # a box added to the panel shows next turn
    levels[1].setFocus()
    qtbot.waitUntil(levels[1].hasFocus)
    QTest.keyClick(levels[1], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is levels[2] and box.chosen_level() == 2
    QTest.keyClick(levels[2], Qt.Key.Key_Up)
    assert box.chosen_level() == 1 and chosen == [2, 1]
    assert interface(levels[1]).state().checked


def test_the_step_text_has_a_text_interface_whose_caret_follows_the_word(qtbot) -> None:
    text = SpokenText()
    shown(qtbot, text)
    text.set_plain_text("Touchez le bouton vert.")
    readable = interface(text).textInterface()
    assert readable is not None
    assert readable.characterCount() == len("Touchez le bouton vert.")
    assert readable.text(0, 7) == "Touchez" and readable.text(8, 10) == "le"
    text.highlight(11, 6)
    assert readable.cursorPosition() == 11 and readable.text(11, 17) == "bouton"
    text.highlight(-1, 0)
    assert readable.cursorPosition() == 0


def test_the_chart_reads_as_a_table_of_its_levels(qtbot) -> None:
    chart = ProgressChart(LanguageState("fr", "fr"))
    shown(qtbot, chart)
    first, second = datetime(2026, 11, 2, 10, tzinfo=timezone.utc), datetime(2026, 11, 9, 10, tzinfo=timezone.utc)
    history = {
        "demo/call": [RatingPoint(first, AutonomyLevel(1), "worker"), RatingPoint(second, AutonomyLevel(3), "worker")],
        "demo/sms": [RatingPoint(second, AutonomyLevel(0), "worker")],
    }
    chart.show_history(history, {"demo/call": "Appeler", "demo/sms": "Écrire un SMS"})
    assert not chart.table.isVisible() and chart.view.isVisible()
    chart.as_table.click()
    assert chart.table.isVisible() and not chart.view.isVisible()
    table = chart.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == ["Appeler", "Écrire un SMS"]
    assert table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in range(2)] for r in range(2)]
    assert cells == [["2 · Avec accompagnement", "non noté"], ["4 · Autonome", "1 · Fait à la place de la personne"]], cells
    assert interface(table).role() == QAccessible.Role.Table
    assert interface(table).text(QAccessible.Text.Name) == "Progrès au fil des visites"


def test_a_closed_combo_box_has_no_item_on_screen_or_focused(qtbot) -> None:
    combo = QuietComboBox()
    combo.addItems(["français", "العربية", "English"])
    combo.setCurrentIndex(1)
    shown(qtbot, combo)
    listing = interface(combo).child(0)
    items = [listing.child(i) for i in range(listing.childCount())]
    assert [(item.state().invisible, item.state().focused) for item in items] == [(True, False)] * 3
    combo.showPopup()
    assert [item.state().focused for item in items] == [False, True, False]
    assert not any(item.state().invisible for item in items)
    combo.hidePopup()
    assert [(item.state().invisible, item.state().focused) for item in items] == [(True, False)] * 3
    assert combo.currentText() == "العربية"
