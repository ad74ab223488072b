"""The interface's own strings: gettext catalogs in locales/, loaded per language.

Catalogs are read straight from the .po files, so a translator's edit shows at the
next start with no build step. The compiled form is kept in the cache folder, named
after the .po file's size and time, so a normal start skips Babel's .po parser.
Code never translates at import time: it asks `ui_strings(tag)` for a translations
object and calls its `gettext`, usually bound to `_`, when it sets a text:

    _ = ui_strings("ar").gettext
    button.setText(_("Next"))
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

from coach.i18n.tags import environment_language, normalize_tag
from coach.paths import app_dirs, locales_dir

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
    """The catalog at `po_path`, from the compiled copy in the cache when it is current."""
    stat = po_path.stat()
    name = f"{po_path.parent.parent.name}-{stat.st_size}-{stat.st_mtime_ns}.mo"
    cached = app_dirs().cache / "locales" / name
    try:
        with cached.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, ValueError, UnicodeDecodeError):
        pass  # missing, or damaged: compile again
    data = _mo_bytes(po_path)
    _store(cached, data)
    return gettext.GNUTranslations(io.BytesIO(data))


def _mo_bytes(po_path: Path) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _store(path: Path, data: bytes) -> None:
    """Write the compiled catalog atomically, dropping older copies of the same language."""
    import tempfile  # here, not at the top: with shutil, bz2, lzma and random, for a rare write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(path.name.split("-", 1)[0] + "-*.mo"):
            old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        import logging

        logging.getLogger(__name__).info("cannot cache the compiled catalog %s: %s", path, exc)


def command_line_strings(lang: str | None = None) -> gettext.NullTranslations:
    """For command-line tools: the catalog for `lang`, or for the environment's language (like any gettext program)."""
    tag = lang if lang else environment_language()
    if not tag:
        return gettext.NullTranslations()
    try:
        return ui_strings(tag)
    except (OSError, ValueError):  # an odd tag, a damaged catalog: English rather than nothing
        return gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it (translated later, at call time)."""
    return message
