"""A failure shown to the worker (the FailureBar, the one failure path) is announced to the
screen reader in the worker's language: a level not saved because another program holds
the records, and a settings file found damaged at start.

Read as AT-SPI object:announcement events, the ones Orca speaks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from harness import CoachUnderReader, Desktop, Heard, Node, Tree
from test_atspi_panel import PASSPHRASE, open_records
from walk import Strings, open_lesson, pick_language

from coach.paths import app_dirs
from coach.records.records import Records


@contextmanager
def records_held_by_another_program(app: CoachUnderReader) -> Iterator[None]:
    """A second connection holds the write lock, as a second Coach or a backup tool would."""
    other = Records.open(app_dirs({"COACH_HOME": str(app.home)}).data / "records.db", PASSPHRASE)
    other.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.conn.execute("ROLLBACK")
        other.close()


def level_button(tree: Tree, number: int) -> Node:
    """The first skill's level `number` in the panel (whatever its role: check box or radio button)."""
    found = [n for n in tree.on_screen() if n.name.startswith(f"{number} · ") and "Action" in n.interfaces]
    if not found:
        raise LookupError(f"no level {number} on screen")
    return found[0]


def locked_message(words: Strings) -> str:
    what = words.w("The autonomy level was not saved.")
    why = words.w("the records are in use by another program (another Coach?): close it, then try again")
    return f"{words.w('Something was not saved')}. {what} {why}"


@pytest.mark.parametrize(("client", "worker"), [("ar", "fr"), ("fr", "ar")])
def test_a_level_not_saved_is_announced_in_the_workers_language(start_coach, client: str, worker: str) -> None:
    words = Strings(client, worker)
    app: CoachUnderReader = start_coach(desk_language=client, worker_language=worker)
    heard = Heard(app)
    start = open_records(app, words)
    app.press(start.one("push button", words.w("Anonymous visit")))
    open_lesson(app, words, pick_language(app, words))
    tree = app.wait_until(lambda: app.tree() if any(n.name.startswith("3 · ") for n in app.tree().on_screen())
                          else None, "the lesson's levels in the panel")
    with records_held_by_another_program(app):
        app.press(level_button(tree, 3))
        heard.wait_for(locked_message(words), timeout=60)  # SQLite waits its busy timeout (5 s) first
    shown = app.tree().find(name=words.w("Something was not saved"))
    assert shown and {n.language for n in shown} == {worker}, "the bar and its title, in the worker's language"


@pytest.mark.parametrize("worker", ["fr", "ar"])
def test_a_damaged_settings_file_is_announced_once_the_window_is_up(desktop: Desktop, coach_home: Path,
                                                                   worker: str) -> None:
    """Told while the window is being built, before anything could hear it: announced when the bar shows."""
    words = Strings("fr", worker)
    app = CoachUnderReader(desktop, coach_home, ["--worker-lang", worker], {}, settings_text="{ not json")
    try:
        kept = app_dirs({"COACH_HOME": str(coach_home)}).settings_file.with_suffix(".json.bad")
        told = words.w("The settings file was damaged. It is kept as {name}; Coach uses its usual "
                       "settings for now: choose the languages and the text size again.").format(name=kept)
        Heard(app).wait_for(f"{words.w('Something was not saved')}. {told}")
    finally:
        app.close()
