"""What changes without a focus move is announced: a new step, the help on its way, the
end screen's "Well done" (after the focus lands on "Other lessons"). With a screen reader
running, each step is said once: by the screen reader (the announcement; Coach's voice
waits for Listen), or, if the worker's menu says so, by Coach's voice (the announcement is
then only the step's number).

Read as AT-SPI object:announcement events, the ones Orca speaks.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from harness import CoachUnderReader, Desktop, Heard, Reader
from walk import Strings, finish_lesson, open_lesson, pick_language


@pytest.fixture
def screen_reader(desktop: Desktop) -> Iterator[None]:
    """The accessibility bus says a screen reader runs (as Orca says it), for this test only."""
    reader = Reader(desktop.env)
    reader.ask("screen_reader", enabled=True)
    try:
        yield
    finally:
        reader.ask("screen_reader", enabled=False)
        reader.close()


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


@pytest.mark.parametrize("client", ["fr", "ar"])
def test_with_a_screen_reader_the_screen_reader_reads_each_step_once(start_coach, screen_reader,
                                                                   client: str) -> None:
    """Coach's reading aloud is on, and so is a screen reader: the step is announced whole,
    and Coach's voice does not start by itself (Listen never became Stop)."""
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr", auto_read=True)
    heard = Heard(app)
    opened = open_lesson(app, words, pick_language(app, words))
    steps = opened.lesson.steps
    app.press(opened.tree.one("push button", words.c("Next")))
    second = f"{words.step_counter(2, len(steps))}. {opened.pack.translate(steps[1].text, client)}"
    heard.wait_for(second)
    app.press(opened.tree.one("push button", words.c("I need help")))
    heard.wait_for(words.c("Someone is coming to help you."))  # everything before it has been sent
    # (Coach's voice would have started right after the announcement, in the same call.)
    assert not heard.renamed(words.c("Stop"), after=second), "Coach's voice read the step too"


def test_with_coachs_voice_chosen_the_announcement_is_the_steps_number_only(start_coach, screen_reader) -> None:
    """The worker's menu: 'With a screen reader, Coach's voice reads the steps too'."""
    words = Strings("ar", "fr")
    app: CoachUnderReader = start_coach(desk_language="ar", worker_language="fr", auto_read=True,
                                        voice_with_screen_reader=True)
    heard = Heard(app)
    opened = open_lesson(app, words, pick_language(app, words))
    app.press(opened.tree.one("push button", words.c("Next")))
    number = words.step_counter(2, len(opened.lesson.steps))
    heard.wait_for(number)
    app.wait_until(lambda: heard.renamed(words.c("Stop"), after=number),
                   "Coach's voice reading the step (Listen became Stop)")
