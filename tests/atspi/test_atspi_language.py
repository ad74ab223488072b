"""Each element tells the screen reader its language: the client's texts the client's, the
worker's panel and tools the worker's, each language on the picker its own.

Read through AT-SPI's GetLocale, from which Orca chooses the voice.
"""

from __future__ import annotations

import pytest
from harness import CoachUnderReader, Tree
from walk import Strings, open_lesson, pick_language

from coach.i18n.languages import language


def language_of(tree: Tree, role: str, name: str) -> str:
    return tree.one(role, name).language


@pytest.mark.parametrize(("client", "worker"), [("ar", "fr"), ("fr", "ar")])
def test_client_texts_and_worker_texts_report_their_own_language(start_coach, client: str, worker: str) -> None:
    words = Strings(client, worker)
    app: CoachUnderReader = start_coach(desk_language=client, worker_language=worker, show_worker_text=True)
    picker = app.wait_for("push button", words.endonym())
    for tag in ("ar", "fr", "en"):
        assert language_of(picker, "push button", language(tag).endonym) == tag

    opened = open_lesson(app, words, pick_language(app, words))
    step = opened.tree
    instruction = opened.pack.translate(opened.lesson.steps[0].text, client)
    in_worker = opened.pack.translate(opened.lesson.steps[0].text, worker)
    found = {
        "step text": step.one("label", instruction).language,
        "the worker's line": next(n for n in step.find("label") if n.name.startswith(in_worker)).language,
        "Next": language_of(step, "push button", words.c("Next")),
        "Lessons": language_of(step, "push button", words.c("Lessons")),
        "passphrase field": language_of(step, "password text", words.w("Passphrase")),
        "panel toggle": language_of(step, "check box", words.w("Worker's panel")),
        "worker's menu": language_of(step, "push button", words.w("Worker's menu")),
    }
    assert found == {"step text": client, "the worker's line": worker, "Next": client, "Lessons": client,
                     "passphrase field": worker, "panel toggle": worker, "worker's menu": worker}
