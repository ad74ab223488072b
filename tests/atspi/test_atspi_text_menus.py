"""A worker's text field's own menu (Undo, Cut, Copy, Paste, Select all), opened from the
keyboard on the real X11 bus as Orca's user opens it: the Menu key or Shift+F10. Beside an
Arabic client it is in the worker's French. X11 turns the Menu key into a context-menu event
for the window, not a key: the worker heard Qt's menu in the client's Arabic before."""

from __future__ import annotations

import pytest
from harness import CoachUnderReader
from walk import Strings, named, tab_until

FRENCH_EDIT_MENU = {"Annuler", "Rétablir", "Couper", "Copier", "Coller", "Supprimer", "Tout sélectionner"}


@pytest.mark.parametrize("keys", [("Menu",), ("F10", "shift")])
def test_a_worker_field_s_menu_opens_from_the_keyboard_in_the_worker_s_language(
        start_coach, keys: tuple[str, ...]) -> None:
    words = Strings("ar", "fr")
    app: CoachUnderReader = start_coach(desk_language="ar", worker_language="fr")
    gate = app.wait_for("text", words.w("Your name"))
    app.type_into(gate.one("text", words.w("Your name")), "Sam")
    tab_until(app, "the gate's name field", named(words.w("Your name")))
    app.key(*keys)
    entry = app.wait_focus("an entry of the field's menu to take the focus", lambda node: node.role == "menu item")
    assert entry.name.replace("&", "").split("\t")[0] in FRENCH_EDIT_MENU, entry.name
    app.key("Escape")
    back = app.wait_focus("the focus back on the name field", named(words.w("Your name")))
    assert back.role == "text"
