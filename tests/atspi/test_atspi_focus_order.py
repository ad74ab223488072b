"""Tab follows the reading order on the step screen: the top bar, the page, then the panel.

Read through the accessibility bus: the focus events Qt sends as Tab and Shift+Tab are
pressed, the keys coming from the AT-SPI registry as Orca's would.
"""

from __future__ import annotations

import pytest
from harness import CoachUnderReader, Node, tab_walk
from walk import Strings, finish_lesson, open_lesson, pick_language

PAGE = ("Listen", "Slower", "Next", "I need help", "I did it")
"""The step screen's controls on the first step (Back is off there), in reading order."""
GATE = ("Your name", "Passphrase", "Passphrase again", "Create the records", "Visit without records")


def cycle(app: CoachUnderReader, *modifiers: str) -> list[Node]:
    """Every focus stop met pressing Tab (or Shift+Tab) until the focus comes back."""
    seen: list[Node] = []
    for node in tab_walk(app, 60, *modifiers):
        if seen and node.path == seen[0].path:
            return seen
        seen.append(node)
    raise AssertionError(f"the focus never came back to {seen[0].label()}: {[n.name for n in seen]}")


def from_top_bar(stops: list[Node], page: list[str], panel: list[str]) -> list[str]:
    """The stops' names, starting with the first top-bar control after the panel."""
    names = [n.name for n in stops]
    for index, name in enumerate(names):
        if name not in page and name not in panel and names[index - 1] in panel:
            return names[index:] + names[:index]
    raise AssertionError(f"no top-bar control right after the panel in {names}")


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_tab_goes_top_bar_then_page_then_panel_both_ways(start_coach, client: str) -> None:
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr")
    open_lesson(app, words, pick_language(app, words))
    page = [words.c(message) for message in PAGE]
    panel = [words.w(message) for message in GATE]
    app.wait_focus("a focus on the step screen", lambda node: node.name in page)

    forward = from_top_bar(cycle(app), page, panel)
    top_bar = forward[: len(forward) - len(page) - len(panel)]
    assert forward == top_bar + page + panel
    assert words.w("Worker's panel") in top_bar
    assert top_bar[0] == words.c("Lessons")

    backward = [n.name for n in cycle(app, "shift")]
    start = backward.index(forward[-1])
    assert list(reversed(backward[start:] + backward[:start])) == forward


def test_on_the_end_screen_a_face_is_three_shift_tabs_away_and_enter_chooses_it(start_coach) -> None:
    """From 'Other lessons' (where the focus lands), Shift+Tab reaches the faces; Enter picks one."""
    words = Strings("fr", "fr")
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language="fr")
    opened = open_lesson(app, words, pick_language(app, words))
    finish_lesson(app, words, opened)
    app.wait_focus("the focus on 'Other lessons'", lambda node: node.name == words.c("Other lessons"))
    alone = words.c("Alone")
    met = [node.name for node in tab_walk(app, 3, "shift")]
    assert met[-1] == alone, met
    app.key("Return")
    app.wait_until(lambda: "checked" in app.tree().one(name=alone).states, f"{alone!r} checked by Enter")
