"""The language registry: each language's name in itself, direction and fonts.

Names and directions come from Babel's CLDR data, so they are right in every script;
the few values CLDR cannot give (Dari's own name, the fonts that carry a script)
are written here. For the supported languages the CLDR facts are kept in a small
table in the cache folder (see name_table.py), so a normal start needs no Babel.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from coach.i18n.name_table import build_table, load_table, save_table
from coach.i18n.tags import NOT_LANGUAGES, SUPPORTED_TAGS, normalize_tag
from coach.paths import app_dirs


@dataclass(frozen=True)
class Language:
    """A language Coach can show: tag ("fa-AF"), names, direction and fonts."""

    tag: str
    endonym: str
    english_name: str
    rtl: bool
    fonts: tuple[str, ...]
    """Font families that carry the script, best first (fontconfig picks the rest)."""

    @property
    def base(self) -> str:
        return self.tag.split("-", 1)[0]

    @property
    def babel_id(self) -> str:
        """The tag as Babel and gettext spell it: "fa_AF"."""
        return self.tag.replace("-", "_")


_ENDONYM_OVERRIDES = {"fa-AF": "دری"}
_ENGLISH_OVERRIDES = {"fa-AF": "Dari"}
_SCRIPT_FONTS = {
    "Arab": ("Noto Sans Arabic", "Noto Naskh Arabic"),
    "Ethi": ("Noto Sans Ethiopic", "Abyssinica SIL"),
}
_LANGUAGE_SCRIPT = {"ar": "Arab", "fa": "Arab", "ps": "Arab", "ur": "Arab", "ti": "Ethi", "am": "Ethi"}


@cache
def _table() -> dict[str, Any]:
    path = app_dirs().cache / "languages.json"
    table = load_table(path, SUPPORTED_TAGS)
    if table is None:
        table = build_table(SUPPORTED_TAGS, _describe, _names_in)
        save_table(path, table)
    return table


def _locale(tag: str):  # -> babel.Locale
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(normalize_tag(tag).replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown language tag {tag!r}") from exc


def _describe(tag: str) -> tuple[str, str, bool]:
    """(own name, English name, right-to-left) from CLDR, with this module's overrides."""
    locale = _locale(tag)
    endonym = _ENDONYM_OVERRIDES.get(tag) or locale.get_language_name(locale) or tag
    english = _ENGLISH_OVERRIDES.get(tag) or locale.get_language_name("en") or tag
    return endonym[:1].upper() + endonym[1:], english, locale.character_order == "right-to-left"


def _names_in(reader: str) -> dict[str, str]:
    """Every supported language's name as written in `reader`, as CLDR writes it."""
    names = _locale(reader).languages
    result = {}
    for tag in SUPPORTED_TAGS:
        babel_id = tag.replace("-", "_")
        if tag == "fa-AF":
            name = names.get("fa_AF") or names.get("prs")
        else:
            name = names.get(babel_id) or names.get(tag.split("-", 1)[0])
        result[tag] = name or _ENGLISH_OVERRIDES.get(tag) or _describe(tag)[1]
    return result


@cache
def language(tag: str) -> Language:
    """The registry entry for `tag`; raises ValueError for a tag Babel does not know."""
    tag = normalize_tag(tag)
    known = _table()["languages"].get(tag) if tag in SUPPORTED_TAGS else None
    endonym, english, rtl = known if known else _describe(tag)
    script = _LANGUAGE_SCRIPT.get(tag.split("-", 1)[0], "")
    return Language(
        tag=tag, endonym=endonym, english_name=english, rtl=rtl, fonts=_SCRIPT_FONTS.get(script, ("Noto Sans",))
    )


def is_known(tag: str) -> bool:
    """True for a tag naming a real language Babel knows ("ar", "fa-AF"); False for "root", "und"."""
    if normalize_tag(tag).split("-", 1)[0].lower() in NOT_LANGUAGES:
        return False
    try:
        language(tag)
    except ValueError:
        return False
    return True


def supported_languages() -> tuple[Language, ...]:
    return tuple(language(tag) for tag in SUPPORTED_TAGS)


def display_name(tag: str, in_language: str, standalone: bool = True) -> str:
    """The name of language `tag` written in `in_language`: ("ar", "fr") -> "Arabe".

    Standalone names (a button, a list) start with a capital; inside a sentence
    (`standalone=False`) the name is as CLDR writes it: "arabe" in French.
    """
    lang, reader = language(tag), language(in_language)
    if lang.tag in SUPPORTED_TAGS and reader.tag in SUPPORTED_TAGS:
        name = _table()["names"][reader.tag][lang.tag]
    else:
        names = _locale(reader.tag).languages
        name = names.get(lang.babel_id) or names.get(lang.base) or lang.english_name
    return name[:1].upper() + name[1:] if standalone else name
