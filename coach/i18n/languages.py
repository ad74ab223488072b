"""The language registry: each language's name in itself, direction and fonts.

Names and directions come from Babel's CLDR data, so they are right in every script;
the few values CLDR cannot give (Dari's own name, the fonts that carry a script)
are written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError


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


# Interface and built-in content languages, in the order of the product brief.
SUPPORTED_TAGS: tuple[str, ...] = (
    "fr", "de", "it", "en", "ar", "fa", "fa-AF", "uk", "ti", "es", "tr", "ps", "so",
)

_ENDONYM_OVERRIDES = {"fa-AF": "دری"}
_ENGLISH_OVERRIDES = {"fa-AF": "Dari"}
_SCRIPT_FONTS = {
    "Arab": ("Noto Sans Arabic", "Noto Naskh Arabic"),
    "Ethi": ("Noto Sans Ethiopic", "Abyssinica SIL"),
}
_LANGUAGE_SCRIPT = {"ar": "Arab", "fa": "Arab", "ps": "Arab", "ur": "Arab", "ti": "Ethi", "am": "Ethi"}


def normalize_tag(tag: str) -> str:
    """"fa_af" -> "fa-AF": BCP 47 spelling, as used in files and settings."""
    parts = tag.replace("_", "-").split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest])


@cache
def language(tag: str) -> Language:
    """The registry entry for `tag`; raises ValueError for a tag Babel does not know."""
    tag = normalize_tag(tag)
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown language tag {tag!r}") from exc
    endonym = _ENDONYM_OVERRIDES.get(tag) or locale.get_language_name(locale) or tag
    english = _ENGLISH_OVERRIDES.get(tag) or locale.get_language_name("en") or tag
    script = _LANGUAGE_SCRIPT.get(locale.language, "")
    return Language(
        tag=tag,
        endonym=endonym[:1].upper() + endonym[1:],
        english_name=english,
        rtl=locale.character_order == "right-to-left",
        fonts=_SCRIPT_FONTS.get(script, ("Noto Sans",)),
    )


def is_known(tag: str) -> bool:
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
    names = Locale.parse(reader.babel_id).languages
    if lang.tag == "fa-AF":
        name = names.get("fa_AF") or names.get("prs") or lang.english_name
    else:
        name = names.get(lang.babel_id) or names.get(lang.base) or lang.english_name
    return name[:1].upper() + name[1:] if standalone else name
