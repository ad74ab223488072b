"""A visit walked through the accessibility bus: each screen reached as Orca's user reaches it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from harness import CoachUnderReader, Node, Tree, tab_walk

from coach.domain.pack import Lesson, Pack
from coach.i18n.languages import language
from coach.i18n.ui_strings import ui_strings
from coach.packs.loader import load_pack
from coach.paths import builtin_packs_dir


@dataclass(frozen=True)
class Strings:
    """Coach's own words in the client's and the worker's languages, as the tests look for them."""

    client: str
    worker: str

    def c(self, message: str) -> str:
        return ui_strings(self.client).gettext(message)

    def w(self, message: str) -> str:
        return ui_strings(self.worker).gettext(message)

    def step_counter(self, current: int, total: int) -> str:
        return self.c("Step {current} of {total}").format(current=current, total=total)

    def endonym(self) -> str:
        return language(self.client).endonym


@dataclass(frozen=True)
class OpenLesson:
    """The lesson a walk opened, and the tree of its first step."""

    pack: Pack
    lesson: Lesson
    tree: Tree


@cache
def builtin_packs() -> tuple[Pack, ...]:
    packs = []
    for folder in sorted(p for p in builtin_packs_dir().iterdir() if p.is_dir()):
        pack = load_pack(folder).pack
        if pack is not None:
            packs.append(pack)
    return tuple(packs)


def lesson_titled(title: str, client: str) -> tuple[Pack, Lesson] | None:
    for pack in builtin_packs():
        for lesson in pack.lessons:
            if pack.translate(lesson.title, client) == title:
                return pack, lesson
    return None


def pick_language(app: CoachUnderReader, words: Strings) -> Tree:
    """From the picker: the client's language, then the library."""
    tree = app.wait_for("push button", words.endonym())
    app.press(tree.one("push button", words.endonym()))
    return app.wait_for("label", words.c("Choose a lesson"))


def open_lesson(app: CoachUnderReader, words: Strings, library: Tree) -> OpenLesson:
    """The first lesson on the library's screen (the library builds only what is in reach)."""
    for tile in library.find("push button"):
        found = lesson_titled(tile.name, words.client)
        if found is not None:
            app.press(tile)
            return OpenLesson(*found, app.wait_for("push button", words.c("I need help")))
    raise AssertionError(f"no lesson on the library's screen: {[n.name for n in library.find('push button')]}")


def finish_lesson(app: CoachUnderReader, words: Strings, opened: OpenLesson, on_step: int = 1) -> Tree:
    """Next through every step from `on_step`, Finish on the last: the end screen."""
    total = len(opened.lesson.steps)
    for step in range(on_step, total):
        tree = app.wait_for("label", words.step_counter(step, total))
        app.press(tree.one("push button", words.c("Next")))
    tree = app.wait_for("label", words.step_counter(total, total))
    app.press(tree.one("push button", words.c("Finish")))
    return app.wait_for("push button", words.c("Other lessons"))


def tab_until(app: CoachUnderReader, what: str, condition: Callable[[Node], bool], presses: int = 60,
              *modifiers: str) -> tuple[Node, int]:
    """Press Tab (or Shift+Tab) until the focus is on a node that meets `condition`: it and the count."""
    for count, node in enumerate(tab_walk(app, presses, *modifiers), 1):
        if condition(node):
            return node, count
    raise AssertionError(f"{presses} Tab presses never reached {what}")


def named(name: str) -> Callable[[Node], bool]:
    return lambda node: node.name == name
