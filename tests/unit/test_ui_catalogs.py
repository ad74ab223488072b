"""The interface catalogs: the template matches the code, and fr/en/ar are complete."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from coach.i18n.ui_strings import available_ui_languages, catalog_path, ui_strings
from coach.paths import locales_dir

REPO = locales_dir().parent
COMPLETE_LANGUAGES = ["fr", "en", "ar"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def code_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO), method_map=[("coach/**.py", "python")]
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def read(path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_template_lists_every_string_of_the_code() -> None:
    """locales/coach.pot is up to date: `pybabel extract` would find nothing new or gone."""
    template = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read(locales_dir() / "coach.pot") if m.id}
    assert code_messages() == template, (
        "run: pybabel extract -F babel.cfg --sort-by-file -o locales/coach.pot . (see docs/translating.md)"
    )


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_catalog_is_complete_and_keeps_placeholders(language: str) -> None:
    """Every message is translated, none is fuzzy, and placeholders match the source."""
    catalog = read(catalog_path(language))
    ids = set()
    for message in catalog:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        ids.add(source)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: {source!r} is not translated"
        assert not message.fuzzy, f"{language}: {source!r} is fuzzy"
        wanted = set(PLACEHOLDER.findall(" ".join(message.id if isinstance(message.id, tuple) else [source])))
        for text in strings:
            extra = set(PLACEHOLDER.findall(text)) - wanted
            assert not extra, f"{language}: {source!r} has unknown placeholders {extra}"
    assert ids == code_messages()


def test_runtime_lookup_and_fallbacks() -> None:
    """ui_strings translates, falls back from a regional tag, and leaves unknown languages in English."""
    assert ui_strings("fr").gettext("Next") == "Suivant"
    assert ui_strings("fr-CA").gettext("Next") == "Suivant"
    assert ui_strings("so").gettext("Next") == "Next"
    assert ui_strings("ar").ngettext("{count} lesson", "{count} lessons", 3) != "{count} lessons"
    assert {"fr", "en", "ar"} <= set(available_ui_languages())
