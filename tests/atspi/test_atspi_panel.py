"""The worker's panel once the records are open (created at the gate through the bus): every
control named, and the items of a closed combo box neither showing nor focused (a reader
would read them as if on screen)."""

from __future__ import annotations

import pytest
from harness import CoachUnderReader, Tree, tab_walk
from test_atspi_names import unnamed
from walk import Strings, pick_language

PASSPHRASE = "a long desk passphrase"


def hidden_but_showing(tree: Tree) -> list[str]:
    """Nodes inside a combo box that is closed, yet saying 'showing' or 'focused'."""
    closed = [n for n in tree if n.role == "combo box" and "expanded" not in n.states]
    return [n.label() + " " + ",".join(sorted(n.states & {"showing", "focused"})) for n in tree
            for box in closed if n.path[: len(box.path)] == box.path and n.path != box.path
            and n.role in ("menu item", "list item") and n.states & {"showing", "focused"}]


def open_records(app: CoachUnderReader, words: Strings) -> Tree:
    """Create the desk's records at the gate, as the worker would: the panel's visit start."""
    gate = app.wait_for("password text", words.w("Passphrase"))
    app.type_into(gate.one("text", words.w("Your name")), "Sam")
    app.type_into(gate.one("password text", words.w("Passphrase")), PASSPHRASE)
    app.type_into(gate.one("password text", words.w("Passphrase again")), PASSPHRASE)
    app.press(gate.one("push button", words.w("Create the records")))

    def visit_start() -> Tree | None:
        tree = app.tree()
        return tree if tree.find("combo box") else None
    opened: Tree = app.wait_until(visit_start, "the panel's visit start (with its combo box)", timeout=60)
    return opened


@pytest.mark.parametrize("worker", ["fr", "ar"])
def test_the_open_panel_has_no_unnamed_control_or_focus_stop(start_coach, worker: str) -> None:
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language=worker)
    assert unnamed(open_records(app, Strings("fr", worker))) == []


def test_a_closed_combo_box_shows_no_items(start_coach) -> None:
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language="fr")
    open_records(app, Strings("fr", "fr"))
    assert hidden_but_showing(app.tree(hidden=True)) == []


def test_the_desk_details_country_list_shows_no_items_while_closed(start_coach) -> None:
    """The desk dialog (from the worker's menu) has the panel's combo box fix too."""
    words = Strings("fr", "fr")
    app: CoachUnderReader = start_coach(desk_language="fr", worker_language="fr")
    pick_language(app, words)
    arrow = words.w("Worker's menu")
    if not any(node.name == arrow for node in tab_walk(app, 40)):
        raise AssertionError(f"Tab never reached {arrow!r}")
    app.key("Down", "alt")
    entry = words.w("Desk details…")
    for _ in range(20):  # down the menu to it, as Orca's user goes (a menu is not in the tree)
        focused = app.wait_focus("an entry of the worker's menu", lambda node: "menu" in node.role)
        if focused.name == entry:
            break
        app.key("Up")  # from the menu's top, its last entries are nearest going up
        app.wait_until(lambda: getattr(app.focused(), "name", focused.name) != focused.name,
                       "the focus to move in the menu")
    else:
        raise AssertionError(f"{entry!r} not reached in the worker's menu")
    app.key("Return")
    app.wait_until(lambda: app.tree().find("combo box"), "the desk dialog's country list")
    assert hidden_but_showing(app.tree(hidden=True)) == []
