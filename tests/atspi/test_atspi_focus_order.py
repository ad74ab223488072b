"""Tab follows the reading order on the step screen: the top bar, the page, then the panel;
on a practice step the practice's controls come first in the page, so Next follows them.

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


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_on_a_practice_step_the_practice_comes_first_in_the_page_and_next_soon_after(start_coach,
                                                                                 client: str) -> None:
    """The practice's controls were appended after the panel (built when the step shows): Next was
    18 Tab presses from the first choice. Now: top bar, practice, Back … Next …, panel; both ways."""
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr")
    opened = open_lesson(app, words, pick_language(app, words))
    steps = opened.lesson.steps
    practice = next(index for index, step in enumerate(steps) if step.exercise is not None)
    for step in range(1, practice + 1):
        tree = app.wait_for("label", words.step_counter(step, len(steps)))
        app.press(tree.one("push button", words.c("Next")))
    app.wait_for("label", words.step_counter(practice + 1, len(steps)))
    onward = "Finish" if practice == len(steps) - 1 else "Next"
    page = [words.c(message) for message in ("Back", "Listen", "Slower", onward, "I need help", "I did it")]
    panel = [words.w(message) for message in GATE]
    first = app.wait_focus("the focus in the practice", lambda node: node.name not in page + panel)

    stops = cycle(app)
    at = next(index for index, node in enumerate(stops) if node.path == first.path)
    forward = [n.name for n in stops[at:] + stops[:at]]  # from where the focus starts
    controls = forward.index(page[0])
    ours = forward[:controls]
    assert not set(ours) & set(page + panel), forward
    rest = forward[controls:]
    assert rest[: len(page)] == page, forward
    after = [name for name in rest[len(page):] if name != words.c("Open on your phone")]
    assert after[: len(panel)] == panel, forward
    top_bar = after[len(panel):]
    assert top_bar[0] == words.c("Lessons") and words.w("Worker's panel") in top_bar, forward
    assert forward.index(words.c(onward)) == len(ours) + 3, "Next right after the practice, Back, Listen, Slower"

    backward = [n.name for n in cycle(app, "shift")]
    start = backward.index(forward[-1])
    assert list(reversed(backward[start:] + backward[:start])) == forward
