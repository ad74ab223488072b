"""The interface's own strings: gettext catalogs in locales/, loaded per language.

Catalogs are read straight from the .po files and compiled in memory (a few
milliseconds), so a translator's edit shows at the next start with no build step.
Code never translates at import time: it asks `ui_strings(tag)` for a translations
object and calls its `gettext`, usually bound to `_`, when it sets a text:

    _ = ui_strings("ar").gettext
    button.setText(_("Next"))
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from coach.i18n.languages import normalize_tag
from coach.paths import locales_dir

DOMAIN = "coach"


def catalog_path(tag: str, root: Path | None = None) -> Path:
    """locales/<ll_CC>/LC_MESSAGES/coach.po for the language `tag`."""
    folder = normalize_tag(tag).replace("-", "_")
    return (root or locales_dir()) / folder / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_ui_languages(root: Path | None = None) -> tuple[str, ...]:
    """Tags of the languages that have an interface catalog, plus the source, English."""
    base = root or locales_dir()
    tags = {"en"}
    for po in base.glob(f"*/LC_MESSAGES/{DOMAIN}.po"):
        tags.add(normalize_tag(po.parent.parent.name))
    return tuple(sorted(tags))


@cache
def ui_strings(tag: str, root: Path | None = None) -> gettext.NullTranslations:
    """The interface translations for `tag`, falling back to its base language, then English."""
    tag = normalize_tag(tag)
    candidates = [tag] if "-" not in tag else [tag, tag.split("-", 1)[0]]
    for candidate in candidates:
        path = catalog_path(candidate, root)
        if path.is_file():
            return _compile(path)
    return gettext.NullTranslations()


def _compile(po_path: Path) -> gettext.GNUTranslations:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it (translated later, at call time)."""
    return message
