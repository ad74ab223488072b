"""Read as Orca reads it: every control and every focus stop on each screen has a name.

The real `coach` runs under Xvfb with Qt's AT-SPI bridge; the tree is read through pyatspi.
The worker's panel (its gate: no records yet) is beside every client screen.
"""

from __future__ import annotations

import pytest
from harness import CoachUnderReader, Tree
from walk import Strings, finish_lesson, open_lesson, pick_language


def unnamed(tree: Tree) -> list[str]:
    """Interactive nodes and focus stops on screen that a screen reader would read as nothing."""
    nodes = {n.path: n for n in tree.interactive() + tree.focus_stops()}
    return [n.label() for n in nodes.values() if not n.name.strip()]


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_no_unnamed_control_or_focus_stop_on_any_screen(start_coach, client: str) -> None:
    """Picker, library, step and end screen, each with the panel's gate: every control is named."""
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr")
    problems: dict[str, list[str]] = {}
    tree = app.wait_for("push button", words.endonym())
    assert tree.find("password text", words.w("Passphrase")), "the panel's gate is not on screen"
    problems["picker"] = unnamed(tree)
    tree = pick_language(app, words)
    problems["library"] = unnamed(tree)
    opened = open_lesson(app, words, tree)
    problems["step"] = unnamed(opened.tree)
    described = opened.pack.translate(opened.lesson.steps[0].picture_description, client)
    picture = opened.tree.one("image", words.c("Picture"))
    assert picture.description == described
    tree = finish_lesson(app, words, opened)
    problems["end"] = unnamed(tree)
    assert {screen: found for screen, found in problems.items() if found} == {}
