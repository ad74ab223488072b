"""Walked by keyboard alone through the accessibility bus, in fr and ar: a new client's
consent, what we recorded about them, a level recorded in the panel, and a pack installed
from a file on the packs screen. Keys come from the AT-SPI registry as Orca's would; text
is typed into fields through EditableText (what a reader's user types); the focus is read
from Qt's focus events. Where it was hard is in docs/accessibility.md (the keyboard walk).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from harness import CoachUnderReader, Node
from test_atspi_panel import open_records
from walk import Strings, named, tab_until

from coach.packs.archive import build
from coach.packs.skeleton import write_skeleton


def level(number: int) -> Callable[[Node], bool]:
    """A level of the panel, whatever its role (check box, radio button)."""
    return lambda node: node.name.startswith(f"{number} · ")


def checked_levels(app: CoachUnderReader) -> list[str]:
    return [n.name for n in app.tree().on_screen() if n.name[:1].isdigit() and " · " in n.name
            and "checked" in n.states]


@pytest.mark.parametrize(("client", "worker"), [("fr", "fr"), ("ar", "fr")])
def test_consent_about_and_a_level_by_keyboard(start_coach, client: str, worker: str) -> None:
    words = Strings(client, worker)
    app: CoachUnderReader = start_coach(desk_language=client, worker_language=worker)
    open_records(app, words)

    # A new client: pseudonym, then "Ask for consent"; the question takes the focus, in the client's language.
    field, _ = tab_until(app, "the pseudonym field", named(words.w("Pseudonym")))
    app.type_into(field, "Nour")
    tab_until(app, "Ask for consent", named(words.w("Ask for consent")))
    app.key("Return")
    question = app.wait_focus("the consent question",
                              lambda n: words.c("May we keep a record of your learning?") in n.name)
    assert question.language == client
    _, presses = tab_until(app, "Yes", named(words.c("Yes")))
    assert presses == 3, "Listen, No, Yes"
    app.key("Return")
    app.wait_focus("the first lesson of the library", lambda n: n.role == "push button" and n.name != words.c("Yes"))

    # What we recorded about the client: F6 to the panel (48 Tab presses away through the library).
    app.key("F6")
    app.wait_focus("a control of the panel", lambda n: n.language == worker and n.name != words.c("Lessons"))
    opener, _ = tab_until(app, "What we recorded about you", named(words.w("What we recorded about you")), 20)
    app.key("Return")
    title = app.wait_focus("the record's title", lambda n: n.role == "label" and n.name == words.c(
        "What we recorded about you"))
    assert "Nour" in title.description and title.language == client
    tab_until(app, "Back", named(words.c("Back")), 3)
    app.key("Return")
    back = app.wait_focus("the focus back on the panel's button",
                          lambda n: n.role == "push button" and n.name == opener.name)
    assert back.language == worker

    # A lesson, then its level: F6 to the page, Enter on the first lesson, F6 to the panel, Tab to a level.
    app.key("F6", "shift")
    tile = app.wait_focus("the library again", lambda n: n.role == "push button" and n.language == client
                          and n.path != back.path)  # moved: in fr-fr the panel's button is in the client's language too
    app.key("Return")
    app.wait_focus("the lesson's first step", named(words.c("Next")))
    app.key("3")
    app.wait_until(lambda: [name for name in checked_levels(app) if name.startswith("3 · ")],
                   "level 3 recorded by the key 3 on the lesson's page")
    heard: list[str] = []

    def level_announced() -> bool:  # "<skill> · DigComp <codes>: 3 · <level>": the focus is on the page
        heard.extend(app.announcements())
        return any(" · DigComp " in said and ": 3 · " in said for said in heard)

    app.wait_until(level_announced, "the level recorded by the key, announced")
    app.key("F6")
    # In the panel's part of the tree (the worker's language alone says nothing when it is the client's too).
    fork = next(i for i, (a, b) in enumerate(zip(opener.path, tile.path, strict=False)) if a != b)
    app.wait_focus("back in the panel", lambda n: n.path[:fork + 1] == opener.path[:fork + 1] and n.role != "label")
    first, _ = tab_until(app, "the first level", level(1), 40)
    app.key("space")
    try:
        app.wait_until(lambda: checked_levels(app) == [first.name], f"{first.name!r} alone checked by Space")
    except AssertionError:
        raise AssertionError(f"DIAG checked={checked_levels(app)} focused={app.focused()}")


@pytest.fixture
def coachpack(tmp_path: Path) -> Path:
    folder = tmp_path / "src" / "centre-social"
    write_skeleton(folder, language="fr")
    return build(folder).path


@pytest.mark.parametrize("worker", ["fr", "ar"])
def test_a_pack_installed_from_a_file_by_keyboard(start_coach, coachpack: Path, worker: str) -> None:
    """Lesson packs, Enter; Install a pack…, Enter; the file's name, Enter; Install; OK: the new pack listed."""
    words = Strings("fr", worker)
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language=worker)
    tab_until(app, "Lesson packs", named(words.w("Lesson packs")))
    app.key("Return")
    app.wait_focus("Install a pack… (the packs screen's one control)", named(words.w("Install a pack")))
    app.key("Return")  # did nothing: only Space pressed it
    field = app.wait_focus("the file dialog's name field", lambda n: n.role in ("text", "entry"))
    app.type_into(field, str(coachpack))
    app.key("Return")
    question = app.wait_focus("the question's Install button",
                              lambda n: n.role == "push button" and n.name == words.w("Install"))
    assert question.language == worker
    app.key("Return")
    ok = app.wait_focus("OK on 'Pack installed'", named(words.w("OK")))
    assert ok.language == worker
    app.key("Return")
    app.wait_focus("the focus back on Install a pack… (it was on nothing)", named(words.w("Install a pack")))
    assert app.tree().find("label", "Mon pack de leçons"), "the new pack is on the packs screen"
