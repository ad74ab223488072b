"""`coach pack init|update|compile DIR [--lang TAG]`: the usual Babel steps for a pack.

    coach pack extract DIR            locales/ID.pot from the pack's texts
    coach pack init DIR --lang uk     locales/uk.po from the template (and "uk" in languages)
    coach pack update DIR [--lang uk] the template merged into the catalogs (new, fuzzy, obsolete)
    coach pack compile DIR [--lang uk] check the catalogs, report fuzzy entries, write locales/uk.mo

The catalogs stay ordinary gettext files that Poedit and Weblate open as they are.
Coach reads the `.po` files themselves and never uses a fuzzy or empty entry; the
`.mo` files are the standard compiled form (fuzzy entries left out) for other tools.
`update` keeps the `X-Coach-Reviewed` header line, which Babel would drop.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from coach.i18n.languages import is_known, normalize_tag
from coach.packs.catalogs import LOCALES_FOLDER, catalog_files
from coach.packs.extract import extract_command
from coach.packs.loader import load_pack
from coach.packs.locator import TomlLocator
from coach.packs.resources import MANIFEST, FolderResources

NOT_REVIEWED_LINE = '"X-Coach-Reviewed: no\\n"\n'
_REVIEWED_LINE = re.compile(r'^"X-Coach-Reviewed:[^"]*"\n', re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class CatalogCounts:
    """How far one catalog is: translated, untranslated and fuzzy entries, and obsolete ones."""

    translated: int
    untranslated: int
    fuzzy: int
    obsolete: int

    def describe(self) -> str:
        parts = [f"{self.translated} translated", f"{self.untranslated} not translated", f"{self.fuzzy} fuzzy"]
        if self.obsolete:
            parts.append(f"{self.obsolete} obsolete")
        return ", ".join(parts)


def counts(catalog: BabelCatalog) -> CatalogCounts:
    translated = untranslated = fuzzy = 0
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy += 1
        elif message.string:
            translated += 1
        else:
            untranslated += 1
    return CatalogCounts(translated, untranslated, fuzzy, len(catalog.obsolete))


def babel_locale(tag: str) -> Locale | None:
    """Babel's locale for a Coach language tag ("fa-AF" -> fa_AF), or None if Babel has none."""
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _template_path(folder: Path, out: TextIO) -> Path | None:
    """Refresh locales/ID.pot with `coach pack extract`; its path, or None when the pack has errors."""
    if extract_command(str(folder), out) != 0:
        return None
    result = load_pack(folder)
    assert result.pack is not None  # extract succeeded, so the pack loads
    if result.pack.resources is not None:
        result.pack.resources.close()
    return folder / LOCALES_FOLDER / f"{result.pack.id}.pot"


def _read(path: Path, tag: str | None = None) -> BabelCatalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=babel_locale(tag) if tag else None)


def _write(path: Path, catalog: BabelCatalog, reviewed_line: str = "") -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True)
    text = buffer.getvalue().decode("utf-8")
    if reviewed_line:
        text = text.replace('"Content-Transfer-Encoding: 8bit\\n"\n',
                            f'"Content-Transfer-Encoding: 8bit\\n"\n{reviewed_line}', 1)
    path.write_text(text, encoding="utf-8")


def _catalog_paths(folder: Path, lang: str | None) -> list[tuple[str, Path]]:
    """(tag, path) of the pack's catalogs, or of the one for `lang`."""
    found = []
    for relative in catalog_files(FolderResources(folder)):
        tag = normalize_tag(relative.rsplit("/", 1)[-1][: -len(".po")])
        if lang is None or tag == normalize_tag(lang):
            found.append((tag, folder / relative))
    return found


def add_language(manifest: Path, tag: str) -> bool:
    """Add `tag` to `languages = [...]` in pack.toml, keeping the file as written; False if not possible."""
    text = manifest.read_text(encoding="utf-8-sig")
    line_number = TomlLocator(text).line_of("languages")
    if line_number is None:
        return False
    lines = text.splitlines(keepends=True)
    line = lines[line_number - 1]
    match = re.match(r'^(\s*languages\s*=\s*\[)([^\]#]*)(\].*)$', line, re.DOTALL)
    if match is None:
        return False
    inside = match.group(2).rstrip()
    separator = ", " if inside.strip() else ""
    lines[line_number - 1] = f'{match.group(1)}{inside}{separator}"{tag}"{match.group(3)}'
    manifest.write_text("".join(lines), encoding="utf-8")
    return True


def init_command(path: str, lang: str, out: TextIO) -> int:
    """Create locales/LANG.po from a fresh template and list LANG in the manifest. 0, 1 or 2."""
    folder = Path(path)
    tag = normalize_tag(lang)
    locale = babel_locale(tag)
    if not is_known(tag) or locale is None:
        print(f"coach pack init: unknown language tag {lang!r}", file=out)
        return 2
    pot = _template_path(folder, out)
    if pot is None:
        return 1
    target = folder / LOCALES_FOLDER / f"{tag}.po"
    existing = _catalog_paths(folder, tag)
    if existing:
        print(f"{existing[0][1]}: already exists; use `coach pack update {path} --lang {tag}`", file=out)
        return 1
    catalog = _read(pot, tag)
    catalog.locale = locale
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    _write(target, catalog, NOT_REVIEWED_LINE)  # a new translation is unreviewed until a native speaker says so
    print(f"created {target} ({counts(catalog).untranslated} texts to translate, "
          "marked not reviewed by a native speaker)", file=out)
    manifest = folder / MANIFEST
    result = load_pack(folder)
    languages = result.pack.languages if result.pack else ()
    if tag not in languages:
        if add_language(manifest, tag):
            print(f'added "{tag}" to languages in {manifest}', file=out)
        else:
            print(f'add "{tag}" to languages in {manifest} yourself', file=out)
    return 0


def update_command(path: str, lang: str | None, out: TextIO) -> int:
    """Refresh the template and merge it into the catalogs (all, or LANG's). 0 or 1."""
    folder = Path(path)
    pot = _template_path(folder, out)
    if pot is None:
        return 1
    paths = _catalog_paths(folder, lang)
    if not paths:
        which = f"for {lang!r} " if lang else ""
        print(f"{folder / LOCALES_FOLDER}: no catalog {which}to update; start one with `coach pack init`", file=out)
        return 1
    template = _read(pot)
    for tag, po in paths:
        text = po.read_text(encoding="utf-8-sig")
        reviewed = _REVIEWED_LINE.search(text)
        catalog = _read(po, tag)
        catalog.update(template, update_header_comment=False)
        _write(po, catalog, reviewed.group(0) if reviewed else "")
        print(f"updated {po}: {counts(catalog).describe()}", file=out)
    return 0


def compile_command(path: str, lang: str | None, out: TextIO) -> int:
    """Check the catalogs, report fuzzy entries, write locales/LANG.mo without them. 0 or 1."""
    folder = Path(path)
    paths = _catalog_paths(folder, lang)
    if not paths:
        which = f"for {lang!r} " if lang else ""
        print(f"{folder / LOCALES_FOLDER}: no catalog {which}to compile", file=out)
        return 1
    result = load_pack(folder)
    status = 0
    for tag, po in paths:
        relative = f"{LOCALES_FOLDER}/{po.name}"
        errors = [p for p in result.problems if p.is_error and p.file.endswith(relative)]
        for problem in errors:
            print(problem, file=out)
        if errors:
            print(f"{po}: not compiled: fix the errors above first", file=out)
            status = 1
            continue
        catalog = _read(po, tag)
        for message in catalog:
            if message.id and message.fuzzy:
                context = message.context or ""
                print(f"{po}:{message.lineno}: warning: fuzzy translation of \"{context}\" is not used; "
                      "check it and remove the fuzzy mark", file=out)
        target = po.with_suffix(".mo")
        with target.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        print(f"compiled {target}: {counts(catalog).describe()}", file=out)
    if result.pack is not None:
        result.pack.resources.close()
    return status
