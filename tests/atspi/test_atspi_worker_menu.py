"""The worker's menu opens from the keyboard, as Orca's user opens it: Tab to its arrow,
then Alt+Down or Shift+F10; the menu's first entry takes the focus. Escape closes it and
the focus is heard back on the arrow (a focus event: Qt sent none, the reader stayed on
the closed menu's entry)."""

from __future__ import annotations

import pytest
from harness import CoachUnderReader, tab_walk
from walk import Strings, pick_language


@pytest.mark.parametrize(("client", "keys"), [("fr", ("Down", "alt")), ("ar", ("F10", "shift"))])
def test_the_workers_menu_opens_from_the_keyboard(start_coach, client: str, keys: tuple[str, ...]) -> None:
    words = Strings(client, "fr")
    app: CoachUnderReader = start_coach(desk_language=client, worker_language="fr")
    pick_language(app, words)
    arrow = words.w("Worker's menu")
    for node in tab_walk(app, 40):
        if node.name == arrow:
            break
    else:
        raise AssertionError(f"Tab never reached {arrow!r}")
    app.key(*keys)
    entry = app.wait_focus("an entry of the worker's menu to take the focus",
                           lambda node: node.role in ("menu item", "check menu item", "radio menu item", "menu"))
    assert entry.name
    app.key("Escape")
    back = app.wait_focus("the focus back on the worker's menu arrow after Escape",
                          lambda node: node.name == arrow)
    assert back.role == "push button" and "focused" in back.states
    assert not app.tree().find(role="menu item"), "the menu closed"
