"""The right roles, read through the bus (issue 12 item 5), in French and Arabic.

The three faces of the end screen and the four levels of the panel are radio buttons in a
group named by their question (or their skill); the arrow keys move to the next one and
choose it, and the reader is told by a focus event on it. The step's sentence exposes the
Text interface. The progress chart has a name, and its levels are a table once "Show as a
table" is pressed.
"""

from __future__ import annotations

import pytest
from harness import CoachUnderReader, Node, Tree
from test_atspi_panel import open_records
from walk import Strings, finish_lesson, open_lesson, pick_language

from coach.domain.autonomy import AutonomyLevel, SelfRating


def parent_of(tree: Tree, node: Node) -> Node:
    return next(n for n in tree if n.path == node.path[:-1])


def grab_focus(app: CoachUnderReader, node: Node) -> Node:
    """Put the focus on `node` as a reader's user may (Component.grabFocus); the focus event's node."""
    assert app.reader.ask("grab_focus", pid=app.process.pid, path=list(node.path))["done"], node.label()
    return app.wait_focus(f"the focus on {node.label()}", lambda n: n.path == node.path)


def checked(tree: Tree, names: list[str]) -> list[str]:
    return [name for name in names if "checked" in tree.one("radio button", name).states]


def next_key(rtl: bool) -> str:
    """The arrow that goes on in reading order."""
    return "Left" if rtl else "Right"


def arrow_through(app: CoachUnderReader, names: list[str], rtl: bool) -> None:
    """From the first choice: Down then the reading-order arrow check the second then the third; Up
    goes back to the second. Each move is a focus event on the new choice, checked."""
    tree = app.tree()
    first = grab_focus(app, tree.one("radio button", names[0]))
    assert first.role == "radio button" and "checked" not in first.states
    for key, expected in (("Down", names[1]), (next_key(rtl), names[2]), ("Up", names[1])):
        app.key(key)
        focus = app.wait_focus(f"{key} to focus {expected!r}", lambda n, e=expected: n.name == e)
        assert focus.role == "radio button"
        app.wait_until(lambda e=expected: checked(app.tree(), names) == [e], f"{key} to check {expected!r} alone")


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_the_faces_are_radio_buttons_in_the_questions_group(start_coach, client: str) -> None:
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr")
    opened = open_lesson(app, words, pick_language(app, words))
    step_text = opened.pack.translate(opened.lesson.steps[0].text, client)
    sentences = opened.tree.find("label", step_text)
    assert any("Text" in n.interfaces and n.text == step_text for n in sentences), \
        f"the step's sentence has no Text interface: {[(n.interfaces, n.text) for n in sentences]}"
    tree = finish_lesson(app, words, opened)
    names = [words.c(rating.label) for rating in (SelfRating.NOT_YET, SelfRating.WITH_HELP, SelfRating.ALONE)]
    faces = [tree.one("radio button", name) for name in names]
    groups = {parent_of(tree, face).path for face in faces}
    assert len(groups) == 1, "the faces are not in one group"
    group = parent_of(tree, faces[0])
    assert (group.role, group.name) == ("panel", words.c("How did it go?"))
    assert {face.language for face in faces} | {group.language} == {client}, "the faces' language"
    assert all(n.language == client for n in sentences), "the step sentence's language"
    assert checked(tree, names) == []
    arrow_through(app, names, rtl=client == "ar")


@pytest.mark.parametrize("worker", ["fr", "ar"])
def test_the_levels_are_radio_buttons_in_the_skills_group(start_coach, worker: str) -> None:
    words = Strings("fr", worker)
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language=worker)
    start = open_records(app, words)
    app.press(start.one("push button", words.w("Anonymous visit")))
    opened = open_lesson(app, words, pick_language(app, words))
    names = [words.w("{number} · {level}").format(number=level.number, level=words.w(level.label))
             for level in AutonomyLevel]
    tree = app.wait_for("radio button", names[0])
    levels = [tree.one("radio button", name) for name in names]
    assert len({parent_of(tree, level).path for level in levels}) == 1, "the levels are not in one group"
    group = parent_of(tree, levels[0])
    skill = opened.pack.skill(opened.lesson.skills[0])
    assert group.role == "panel"
    assert group.name.startswith(opened.pack.translate(skill.title, worker)), group.name
    assert {level.language for level in levels} | {group.language} == {worker}, "the levels' language"
    assert checked(tree, names) == []
    arrow_through(app, names[:3], rtl=worker == "ar")


def test_the_chart_is_named_and_reads_as_a_table(start_coach) -> None:
    """A client's visit: a level recorded, then "Show as a table": a table of that level."""
    words = Strings("fr", "fr")
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language="fr")
    start = open_records(app, words)
    app.type_into(start.one("text", words.w("Pseudonym")), "Samir")
    app.press(start.one("push button", words.w("Ask for consent")))
    consent = app.wait_for("push button", words.c("Yes"))
    app.press(consent.one("push button", words.c("Yes")))
    tree = app.wait_for("label", words.w("Progress across visits"))
    assert [n.role for n in tree.find(name=words.w("Progress across visits"))
            if n.role not in ("label", "table")], "the chart has no name"

    def client_screen() -> Tree | None:
        now = app.tree()
        return now if now.find("push button", words.endonym()) or now.find("label", words.c("Choose a lesson")) \
            else None
    tree = app.wait_until(client_screen, "the picker or the library after consent")
    library = tree if tree.find("label", words.c("Choose a lesson")) else pick_language(app, words)
    opened = open_lesson(app, words, library)
    alone = words.w("{number} · {level}").format(number=4, level=words.w(AutonomyLevel(3).label))
    app.press(app.wait_for("radio button", alone).one("radio button", alone))
    app.wait_until(lambda: checked(app.tree(), [alone]) == [alone], "the level recorded")
    toggle = next(n for n in app.tree() if n.name == words.w("Show as a table")
                  and n.role in ("check box", "toggle button"))
    app.press(toggle)
    table = app.wait_for("table", words.w("Progress across visits")).one("table", words.w("Progress across visits"))

    def cells() -> list[str]:
        return [n.name for n in app.tree() if n.path[: len(table.path)] == table.path and n.role == "table cell"]
    app.wait_until(lambda: alone in cells(), f"a cell {alone!r} in the table (cells: {cells()})")
    skill = opened.pack.translate(opened.pack.skill(opened.lesson.skills[0]).title, "fr")
    headers = [n.name for n in app.tree() if n.path[: len(table.path)] == table.path and "header" in n.role]
    assert skill in headers, headers
