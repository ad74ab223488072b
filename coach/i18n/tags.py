"""Coach's language tags and their spelling, without the registry's names (languages.py).

Kept apart so that what needs only the tags (`coach speak` deciding that "fr" is a
language, the interface catalogs' file names, the environment's language) imports
neither the registry's table nor `gettext`; languages.py and ui_strings.py re-export
what they always offered.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from collections.abc import Mapping

# Interface and built-in content languages, in the order of the product brief.
SUPPORTED_TAGS: tuple[str, ...] = (
    "fr", "de", "it", "en", "ar", "fa", "fa-AF", "uk", "ti", "es", "tr", "ps", "so",
)

NOT_LANGUAGES = frozenset({"root", "und", "mul", "mis", "zxx"})
"""Tags CLDR knows that name no language a client speaks: root locale, undetermined,
multiple, uncoded, no linguistic content."""


def normalize_tag(tag: str) -> str:
    """"fa_af" -> "fa-AF": BCP 47 spelling, as used in files and settings."""
    parts = tag.replace("_", "-").split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest])


def is_supported(tag: str) -> bool:
    """True when `tag`, in any spelling ("FA_af"), is one of Coach's own languages (known to the registry)."""
    return normalize_tag(tag) in SUPPORTED_TAGS


_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, as a tag ("fr_FR.UTF-8" -> "fr-FR"), or None for English.

    The first variable set, in gettext's order: LANGUAGE (its first entry: it is a list
    such as "fr:en"), LC_ALL, LC_MESSAGES, LANG. "C" and "POSIX" mean English.
    """
    environ = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        value = environ.get(name, "")
        if name == "LANGUAGE":
            value = next((part for part in value.split(":") if part), "")
        if not value:
            continue
        tag = value.split(".", 1)[0].split("@", 1)[0]
        if tag in ("C", "POSIX", ""):
            return None
        return tag.replace("_", "-")
    return None
