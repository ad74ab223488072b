"""The language picker offers all ten of Coach's languages, in the brief's order, each in its own script."""

from __future__ import annotations

from dataclasses import replace

from coach.packs.loader import Library
from coach.settings import Settings

TEN = ("fr", "de", "it", "en", "ar", "fa", "uk", "ti", "es", "tr")
OWN_NAMES = ["Français", "Deutsch", "Italiano", "English", "العربية", "فارسی", "Українська", "ትግርኛ", "Español",
             "Türkçe"]
IN_FRENCH = ["Français", "Allemand", "Italien", "Anglais", "Arabe", "Persan", "Ukrainien", "Tigrigna", "Espagnol",
             "Turc"]


def test_ten_languages_in_the_picker(qtbot, make_window, library: Library) -> None:
    """A pack in the ten languages: ten buttons, own names (CLDR) on top, the worker's names (French) below."""
    demo = library.pack("demo")
    ten = Library(packs=(replace(demo, languages=TEN),))
    window = make_window(Settings(client_language="", worker_language="fr"), lib=ten)
    buttons = window.picker.buttons
    assert [b.language.tag for b in buttons][:10] == list(TEN)
    assert [b.endonym.text() for b in buttons][:10] == OWN_NAMES
    assert [b.translated.text() for b in buttons][:10] == IN_FRENCH
    assert len({(b.width(), b.height()) for b in buttons}) == 1, "every tile is as large as the largest (rows line up)"
    tigrinya = buttons[TEN.index("ti")]
    tigrinya.click()
    assert window.languages.client.tag == "ti", "for this visit; the client's language is never saved"
