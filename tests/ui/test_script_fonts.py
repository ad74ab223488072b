"""The client's script fonts reach what shows the client's text, after a switch and after a pick.

The library gives them to its titles (not to every tile's button and picture), and to the
sections it builds later; the picker has them when it is shown again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from coach.settings import Settings


def first_family(widget) -> str:
    return widget.font().families()[0]


def test_a_pick_gives_the_library_its_script_and_the_picker_gets_it_when_shown(qtbot, make_window) -> None:
    window = make_window(Settings(client_language="", worker_language="fr"))
    arabic = next(b for b in window.picker.buttons if b.language.tag == "ar")
    arabic.click()
    QApplication.processEvents()
    section = next(s for s in window.library.sections if s.built)
    labels = [window.library.title, *section.texts()]
    assert {first_family(label) for label in labels} == {"Noto Sans Arabic"}
    assert first_family(section.tiles[0].title) == "Noto Sans Arabic"
    window.show_languages()
    QApplication.processEvents()
    assert first_family(window.picker.title) == "Noto Sans Arabic"
    tigrinya = next(b for b in window.picker.buttons if b.language.tag == "ti")
    tigrinya.click()
    QApplication.processEvents()
    assert {first_family(label) for label in [window.library.title, *section.texts()]} == {"Noto Sans Ethiopic"}
    window.show_languages()
    QApplication.processEvents()
    assert first_family(window.picker.title) == "Noto Sans Ethiopic"
    assert first_family(window.picker.buttons[0].endonym) == "Noto Sans", "each name keeps its own script"
