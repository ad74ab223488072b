"""Read a pack's translations, locales/LANG.po, and check them against the pack's texts.

A catalog is named by its language tag: `ar.po`, `fa-AF.po` or `fa_AF.po`. Only
entries with a non-empty, non-fuzzy msgstr are used. Problems carry the .po file's
line numbers (the line of the entry's msgid), so Poedit or an editor can jump there.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

from coach.domain.pack import Catalog
from coach.domain.problems import Phrase, Value
from coach.i18n.languages import is_known, normalize_tag
from coach.i18n.ui_strings import N_
from coach.packs.fields import Report
from coach.packs.manifest import MANIFEST, Manifest, TextSource
from coach.packs.resources import PackResources

LOCALES_FOLDER = "locales"
PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}|%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[sd]")
_REVIEWED = re.compile(r'^"X-Coach-Reviewed:\s*([^\\"]*)', re.MULTILINE | re.IGNORECASE)
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(.*)$")
# Possessive quantifiers: no backtracking, so one long line costs linear time and no
# memory (the former `(?:[^"\\\n]|\\.)*` took 19 s and 1.2 GB on one 10 MB line).
_QUOTED = r'"(?:[^"\\\n]++|\\.)*+"[ \t\r]*+'
_BAD_LINE = re.compile(
    # A line that is neither blank, a comment, a keyword with a string, nor a string.
    rf"^(?![ \t\r]*$|[ \t]*#|[ \t]*(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+{_QUOTED}$"
    rf"|[ \t]*{_QUOTED}$).*$",
    re.MULTILINE,
)


@dataclass
class LoadedCatalog:
    """A catalog with, for the checks, the file it came from and each entry's line."""

    catalog: Catalog
    file: str
    lines: dict[tuple[str, str], int | None] = field(default_factory=dict)


def placeholders(text: str) -> Counter[str]:
    """The placeholders of `text`, counted: "{name}", "{}", "%s", "%(name)s", "%d"."""
    return Counter(PLACEHOLDER.findall(text))


def _may_have_placeholders(text: str) -> bool:
    """False when `text` surely has none (every placeholder has "{" or "%"): a cheap pre-test."""
    return "{" in text or "%" in text


def _placeholder_message(source: Counter[str], translation: Counter[str]) -> Phrase:
    """'translation has placeholders {code} but the source has {name}', or with "no"/"none"."""
    def spell(found: Counter[str]) -> str:
        return " ".join(sorted(found.elements()))

    if not translation:
        # Translators: {wanted} lists placeholders of a pack's text, such as "{code}" or "%s".
        return Phrase.create(N_("translation has no placeholders but the source has {wanted}"),
                             wanted=spell(source))
    if not source:
        # Translators: {found} lists placeholders of a pack's translation, such as "{code}" or "%s".
        return Phrase.create(N_("translation has placeholders {found} but the source has none"),
                             found=spell(translation))
    # Translators: {found} and {wanted} list placeholders, such as "{code}" or "%s".
    return Phrase.create(N_("translation has placeholders {found} but the source has {wanted}"),
                         found=spell(translation), wanted=spell(source))


def _syntax_problem(text: str) -> tuple[int, str, dict[str, Value]] | None:
    """(line, message template, its values) for the first line that is not .po syntax, else None."""
    bad = _BAD_LINE.search(text)
    if bad is None:
        return None
    number = text.count("\n", 0, bad.start()) + 1
    line = bad.group(0).strip()
    match = _KEYWORD.match(line)
    if not match and not line.startswith('"'):
        # Translators: {text} is the start of the faulty line of the pack's .po file.
        return number, N_("unknown keyword in line: {text}"), {"text": line[:40]}
    return number, N_("text must be in double quotes and end with a double quote on the same line"), {}


def syntax_problem(text: str) -> tuple[int, str] | None:
    """(line, message in English) for the first line that is not valid .po syntax, else None.

    Babel's reader forgives unterminated strings and reports some mistakes without a
    line, so this small pass finds them first, with the exact line. One regular
    expression scans the whole file, which keeps it fast for big catalogs.
    """
    found = _syntax_problem(text)
    return None if found is None else (found[0], Phrase.create(found[1], **found[2]).render())


def catalog_files(resources: PackResources) -> list[str]:
    return [path for path in resources.list(LOCALES_FOLDER) if path.endswith(".po")]


def read_catalogs(
    resources: PackResources, manifest: Manifest, texts: Iterable[TextSource], report: Report
) -> list[LoadedCatalog]:
    """Every usable catalog of the pack, with problems noted in `report`."""
    # Each key maps to itself, built from the pack's own strings: every catalog then
    # shares them instead of holding copies (less memory, smaller cache entries).
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    for t in texts:
        key = (t.text.context, t.text.source)
        keys.setdefault(key, key)
    contexts = {context for context, _ in keys}
    loaded: list[LoadedCatalog] = []
    named: set[str] = set()  # languages with a catalog file, usable or not
    for path in catalog_files(resources):
        tag = normalize_tag(path.rsplit("/", 1)[-1][: -len(".po")])
        named.add(tag)
        if not is_known(tag):
            report.error(path, None, N_('"{tag}" is not a known language tag; name catalogs like ar.po or fa-AF.po'),
                         tag=tag)
            continue
        if tag == manifest.source_language:
            report.warning(path, None, N_('catalog for the source language "{tag}" is not used'), tag=tag)
            continue
        if manifest.languages and tag not in manifest.languages:
            report.error(path, None, N_('catalog for "{tag}", which is not in the manifest\'s languages'), tag=tag)
            continue
        if any(c.catalog.language == tag for c in loaded):
            report.error(path, None, N_('a second catalog for "{tag}" (such as fa-AF.po and fa_AF.po); keep only one'),
                         tag=tag)
            continue
        entry = _read_one(resources, path, tag, keys, contexts, report)
        if entry is not None:
            loaded.append(entry)
    for tag in manifest.languages:
        if tag != manifest.source_language and tag not in named:
            report.warning(
                MANIFEST, manifest.source.line("languages"),
                # Translators: {file} is the missing catalog file, such as locales/ar.po.
                N_('"{tag}" is in languages but has no catalog ({file}); the source texts will be shown'),
                tag=tag, file=f"{LOCALES_FOLDER}/{tag}.po",
            )
    return loaded


def _read_one(resources: PackResources, path: str, tag: str, keys: dict[tuple[str, str], tuple[str, str]],
              contexts: set[str], report: Report) -> LoadedCatalog | None:
    try:
        raw = resources.read_bytes(path)
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        # Translators: {error} is the system's reason, in English.
        report.error(path, None, N_("cannot read the catalog as UTF-8 text: {error}"), error=str(exc))
        return None
    bad = _syntax_problem(text)
    if bad is not None:
        report.error(path, bad[0], N_("bad .po syntax: {detail}"), detail=Phrase.create(bad[1], **bad[2]))
        return None
    # Imported here: a library served from the cache never parses a catalog (10 ms saved).
    from babel.messages.pofile import PoFileError, read_po

    try:
        po = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        # Babel's description of the mistake, in English: data, not translated.
        report.error(path, exc.lineno + 1 if exc.lineno else None, N_("bad .po syntax: {detail}"),
                     detail=str(exc.args[0]))
        return None
    reviewed = _REVIEWED.search(text)
    result = LoadedCatalog(
        Catalog(tag, {}, reviewed=not (reviewed and reviewed.group(1).strip().lower() == "no")), path
    )
    messages: dict[tuple[str, str], str] = {}
    untranslated = len(keys)
    for message in po:
        if not message.id or not isinstance(message.id, str) or not isinstance(message.string, str):
            continue  # the header, or a plural entry (packs have none)
        key = keys.get((message.context or "", message.id))
        line = message.lineno
        if key is None:
            key = (message.context or "", message.id)
            if message.fuzzy:
                continue
            if key[0] in contexts:
                report.warning(
                    path, line,
                    # Translators: {context} is the msgctxt naming where the text is used.
                    N_('obsolete translation: the source text of "{context}" has changed; update from the .pot'),
                    context=key[0],
                )
            else:
                report.warning(path, line, N_('obsolete translation: the pack has no text "{context}" any more'),
                               context=key[0])
            continue
        if message.fuzzy or not message.string:
            continue
        untranslated -= 1
        if _may_have_placeholders(message.id) or _may_have_placeholders(message.string):
            want, got = placeholders(message.id), placeholders(message.string)
            if want != got:
                mismatch = _placeholder_message(want, got)
                report.error(path, line, mismatch.template, **dict(mismatch.params))
        messages[key] = message.string
        result.lines[key] = line
    if untranslated:
        report.warning(
            path, None,
            N_("{count} of {total} texts are not translated yet; they will be shown in the source language"),
            count=untranslated, total=len(keys),
        )
    result.catalog = Catalog(tag, MappingProxyType(messages), reviewed=result.catalog.reviewed)
    return result
