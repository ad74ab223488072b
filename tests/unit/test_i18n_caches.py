"""The start-up caches of the i18n layer: the CLDR name table and compiled catalogs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.i18n import languages, ui_strings
from coach.i18n.name_table import build_table, load_table, save_table
from coach.paths import app_dirs, locales_dir


@pytest.fixture
def fresh_caches():
    """Forget the in-process caches so each test reads or rebuilds the files."""
    languages._table.cache_clear()
    languages.language.cache_clear()
    ui_strings.ui_strings.cache_clear()
    yield
    languages._table.cache_clear()
    languages.language.cache_clear()
    ui_strings.ui_strings.cache_clear()


def test_table_is_written_then_reused(fresh_caches) -> None:
    """The first use writes languages.json; the next process reads the same facts from it."""
    path = app_dirs().cache / "languages.json"
    assert languages.language("ar").endonym == "العربية"
    assert path.is_file()
    table = load_table(path, languages.SUPPORTED_TAGS)
    assert table is not None and table["names"]["fr"]["ar"] == "arabe"
    languages._table.cache_clear()
    languages.language.cache_clear()
    assert languages.display_name("fa-AF", "fr") == "Dari" and languages.language("fa-AF").endonym == "دری"


@pytest.mark.parametrize("content", ["", "{not json", "[]", '{"format": 1}', '{"format": 99, "babel": "x"}'])
def test_damaged_or_foreign_table_is_rebuilt(fresh_caches, content: str) -> None:
    """A damaged, foreign or outdated table is ignored and rewritten with correct facts."""
    path = app_dirs().cache / "languages.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert languages.language("ar").rtl and not languages.language("ti").rtl
    assert load_table(path, languages.SUPPORTED_TAGS) is not None


def test_table_for_other_tags_is_not_used(tmp_path: Path) -> None:
    """A table built for another list of languages is not trusted."""
    path = tmp_path / "languages.json"
    save_table(path, build_table(("fr",), lambda t: ("Français", "French", False), lambda t: {"fr": "français"}))
    assert load_table(path, ("fr",)) is not None
    assert load_table(path, ("fr", "ar")) is None


def test_unwritable_cache_still_works(fresh_caches, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """When the cache folder cannot be created, names still come from Babel."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COACH_HOME", str(blocker))
    assert languages.display_name("ar", "fr") == "Arabe"
    assert ui_strings.ui_strings("fr").gettext("Next") == "Suivant"


def test_compiled_catalog_follows_the_po_file(fresh_caches, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An edited .po is compiled again; an unchanged one is read from the cached .mo."""
    root = tmp_path / "locales"
    shutil.copytree(locales_dir() / "fr", root / "fr")
    po = root / "fr" / "LC_MESSAGES" / "coach.po"
    assert ui_strings.ui_strings("fr", root).gettext("Next") == "Suivant"
    compiled = list((app_dirs().cache / "locales").glob("fr-*.mo"))
    assert len(compiled) == 1

    ui_strings.ui_strings.cache_clear()
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Suivant"', 'msgstr "Continuer"'), encoding="utf-8")
    assert ui_strings.ui_strings("fr", root).gettext("Next") == "Continuer"
    assert len(list((app_dirs().cache / "locales").glob("fr-*.mo"))) == 1, "the stale copy is removed"


def test_damaged_compiled_catalog_is_replaced(fresh_caches, tmp_path: Path) -> None:
    """A truncated .mo in the cache is compiled again from the .po."""
    assert ui_strings.ui_strings("ar").gettext("Next") != "Next"
    (compiled,) = (app_dirs().cache / "locales").glob("ar-*.mo")
    compiled.write_bytes(b"\x00\x01garbage")
    ui_strings.ui_strings.cache_clear()
    assert ui_strings.ui_strings("ar").gettext("Next") != "Next"
