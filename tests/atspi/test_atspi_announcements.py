"""What changes without a focus move is announced: a new step, the help on its way, the
end screen's "Well done" (after the focus lands on "Other lessons").

Read as AT-SPI object:announcement events, the ones Orca speaks.
"""

from __future__ import annotations

import pytest
from harness import CoachUnderReader
from walk import Strings, finish_lesson, open_lesson, pick_language


class Heard:
    """Every announcement Coach made so far, kept across the reader's drains."""

    def __init__(self, app: CoachUnderReader) -> None:
        self.app = app
        self.said: list[str] = []

    def wait_for(self, expected: str) -> None:
        def heard() -> bool:
            self.said += self.app.announcements()
            return expected in self.said
        self.app.wait_until(heard, f"the announcement {expected!r} (heard: {self.said})")


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_new_step_help_and_end_screen_are_announced(start_coach, client: str) -> None:
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr")
    heard = Heard(app)
    opened = open_lesson(app, words, pick_language(app, words))
    steps = opened.lesson.steps
    first = opened.pack.translate(steps[0].text, client)
    heard.wait_for(f"{words.step_counter(1, len(steps))}. {first}")

    app.press(opened.tree.one("push button", words.c("I need help")))
    heard.wait_for(words.c("Someone is coming to help you."))

    app.press(opened.tree.one("push button", words.c("Next")))
    second = opened.pack.translate(steps[1].text, client)
    heard.wait_for(f"{words.step_counter(2, len(steps))}. {second}")

    finish_lesson(app, words, opened, on_step=2)
    heard.wait_for(f"{words.c('Well done! You finished the lesson.')} {words.c('How did it go?')}")
    assert app.focused() is not None and app.focused().name == words.c("Other lessons")
