"""Pack translations: locales/LANG.po read with Babel and checked against the pack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.packs.catalogs import placeholders, syntax_problem
from coach.packs.loader import load_pack

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "packs" / "minimal"
DIAL = ('msgctxt "lesson/call/step/dial/text"\n'
        'msgid "Tapez le numéro."\n')


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(MINIMAL, target)
    return target


def ar_po(pack: Path) -> Path:
    return pack / "locales" / "ar.po"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, marker: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if marker in line)


def problems(pack: Path, deep: bool = True) -> list[str]:
    return [str(p) for p in load_pack(pack, deep=deep).problems]


def test_reviewed_header_is_read(pack: Path) -> None:
    """X-Coach-Reviewed: no marks the catalog unreviewed; yes (or no header) marks it reviewed."""
    result = load_pack(pack)
    assert result.pack is not None and result.pack.catalogs["ar"].reviewed is False
    edit(ar_po(pack), "X-Coach-Reviewed: no", "X-Coach-Reviewed: yes")
    result = load_pack(pack)
    assert result.pack is not None and result.pack.catalogs["ar"].reviewed is True


def test_fuzzy_and_empty_translations_are_not_used(pack: Path) -> None:
    """A fuzzy or empty msgstr falls back to the source and counts as untranslated."""
    edit(ar_po(pack), DIAL, "#, fuzzy\n" + DIAL)
    edit(ar_po(pack), 'msgstr "لوحة مفاتيح الهاتف."', 'msgstr ""')
    result = load_pack(pack)
    assert result.pack is not None
    step = result.pack.lesson("call").steps[1]
    assert result.pack.translate(step.text, "ar") == "Tapez le numéro."
    assert result.pack.translate(step.picture_description, "ar") == "Le clavier du téléphone."
    assert [str(p) for p in result.problems] == [
        f"{pack}/locales/ar.po: warning: 2 of 9 texts are not translated yet; they will be shown in the source language"
    ]


def test_regional_catalog_name_is_normalised(pack: Path) -> None:
    """fa_AF.po is the catalog of "fa-AF", and Persian-script Dari is served from it."""
    edit(pack / "pack.toml", 'languages = ["fr", "ar"]', 'languages = ["fr", "ar", "fa-AF"]')
    shutil.copy(ar_po(pack), pack / "locales" / "fa_AF.po")
    result = load_pack(pack)
    assert result.pack is not None, result.problems
    assert set(result.pack.catalogs) == {"ar", "fa-AF"}
    assert result.pack.catalog_for("fa_AF") is result.pack.catalogs["fa-AF"]


def test_catalog_language_not_in_manifest(pack: Path) -> None:
    """A catalog for a language the manifest does not list is an error."""
    shutil.copy(ar_po(pack), pack / "locales" / "de.po")
    assert problems(pack) == [
        f"{pack}/locales/de.po: error: catalog for \"de\", which is not in the manifest's languages"
    ]


def test_unknown_catalog_tag(pack: Path) -> None:
    """A catalog named by an unknown language tag is an error."""
    shutil.copy(ar_po(pack), pack / "locales" / "klingon.po")
    assert problems(pack) == [
        f'{pack}/locales/klingon.po: error: "klingon" is not a known language tag; name catalogs like ar.po or fa-AF.po'
    ]


def test_syntax_error_has_the_po_line(pack: Path) -> None:
    """An unterminated string or a stray line in a .po file is reported at its line."""
    edit(ar_po(pack), 'msgstr "اكتب الرقم."', 'msgstr "اكتب الرقم.')
    line = line_of(ar_po(pack), 'msgstr "اكتب الرقم.')
    assert problems(pack) == [
        f"{pack}/locales/ar.po:{line}: error: bad .po syntax: "
        "text must be in double quotes and end with a double quote on the same line"
    ]


def test_syntax_problem_finds_unknown_keywords() -> None:
    """syntax_problem names the first line that is not .po syntax."""
    assert syntax_problem('msgid "a"\nmsgstr "b"\n') is None
    assert syntax_problem('# comment\nmsgid "a"\nmsgtsr "b"\n') == (3, 'unknown keyword in line: msgtsr "b"')
    assert syntax_problem('msgid "a \\" b"\nmsgstr ""\n"more"\n') is None


def test_placeholders_found() -> None:
    """The placeholder rule knows {name}, {}, {0}, %s, %(name)s and %d, and not "50 %"."""
    assert sorted(placeholders("{name} {} {0} %s %(count)d %d 50 % off").elements()) == sorted(
        ["{name}", "{}", "{0}", "%s", "%(count)d", "%d"]
    )


def test_missing_placeholder_is_an_error(pack: Path) -> None:
    """A translation that drops the source's placeholder is an error at its msgid line."""
    edit(pack / "lessons/01-call.toml", 'text = "Tapez le numéro."', 'text = "Tapez le numéro {number}."')
    edit(ar_po(pack), 'msgid "Tapez le numéro."', 'msgid "Tapez le numéro {number}."')
    line = line_of(ar_po(pack), 'msgid "Tapez le numéro {number}."')
    assert problems(pack) == [
        f"{pack}/locales/ar.po:{line}: error: translation has no placeholders but the source has {{number}}"
    ]


def test_changed_source_makes_translation_obsolete(pack: Path) -> None:
    """When the source text changes, the old entry is reported as out of date and not used."""
    edit(pack / "lessons/01-call.toml", 'text = "Tapez le numéro."', 'text = "Tapez le numéro de votre ami."')
    line = line_of(ar_po(pack), 'msgid "Tapez le numéro."')
    assert problems(pack) == [
        f"{pack}/locales/ar.po: warning: 1 of 9 texts are not translated yet; "
        "they will be shown in the source language",
        f'{pack}/locales/ar.po:{line}: warning: obsolete translation: the source text of '
        '"lesson/call/step/dial/text" has changed; update from the .pot',
    ]


def test_long_translated_sentence_is_reported_at_its_po_line(pack: Path) -> None:
    """Easy-to-Read limits apply to translations too, reported at the .po line."""
    long_arabic = " ".join(["كلمة"] * 21)
    edit(ar_po(pack), 'msgstr "اكتب الرقم."', f'msgstr "{long_arabic}."')
    line = line_of(ar_po(pack), 'msgid "Tapez le numéro."')
    (problem,) = problems(pack)
    assert problem.startswith(
        f'{pack}/locales/ar.po:{line}: error: translation of step "dial" has a sentence of 21 words '
        "(Easy-to-Read: at most 20)"
    )
    assert problems(pack, deep=False) == []


def test_source_language_catalog_is_ignored(pack: Path) -> None:
    """A catalog for the source language is ignored with a warning."""
    shutil.copy(ar_po(pack), pack / "locales" / "fr.po")
    assert problems(pack) == [f'{pack}/locales/fr.po: warning: catalog for the source language "fr" is not used']
