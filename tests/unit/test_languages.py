"""The language registry: own names, direction, tag spelling and names in other languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.i18n.languages import SUPPORTED_TAGS, display_name, is_known, language, normalize_tag, supported_languages


@pytest.mark.parametrize(
    ("tag", "endonym", "english"),
    [
        ("fr", "Français", "French"),
        ("ar", "العربية", "Arabic"),
        ("fa", "فارسی", "Persian"),
        ("fa-AF", "دری", "Dari"),
        ("ti", "ትግርኛ", "Tigrinya"),
        ("uk", "Українська", "Ukrainian"),
    ],
)
def test_endonyms(tag: str, endonym: str, english: str) -> None:
    """Each language is named in itself (Dari as "دری", not "فارسی") and in English."""
    entry = language(tag)
    assert (entry.endonym, entry.english_name) == (endonym, english)


@pytest.mark.parametrize("tag", ["ar", "fa", "fa-AF", "ps"])
def test_right_to_left(tag: str) -> None:
    """Arabic, Persian, Dari and Pashto are written right to left and use an Arabic-script font."""
    assert language(tag).rtl
    assert language(tag).fonts[0] == "Noto Sans Arabic"


@pytest.mark.parametrize("tag", [t for t in SUPPORTED_TAGS if t not in ("ar", "fa", "fa-AF", "ps")])
def test_left_to_right(tag: str) -> None:
    """Every other supported language is written left to right."""
    assert not language(tag).rtl


def test_tigrinya_uses_an_ethiopic_font() -> None:
    """Tigrinya's fonts carry the Ethiopic script."""
    assert language("ti").fonts[0] == "Noto Sans Ethiopic"


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("fa_af", "fa-AF"), ("EN", "en"), ("fa-AF", "fa-AF"), ("pt_br", "pt-BR"), ("zh-hant-tw", "zh-Hant-TW"),
     ("es-419", "es-419")],
)
def test_normalize_tag(raw: str, tag: str) -> None:
    """Tags are spelled the BCP 47 way: lowercase language, Title script, UPPERCASE region, "-"."""
    assert normalize_tag(raw) == tag


@given(st.from_regex(r"[A-Za-z]{2,3}([-_]([A-Za-z]{4}|[A-Za-z]{2}|[0-9]{3}))*", fullmatch=True))
def test_normalize_tag_is_idempotent(raw: str) -> None:
    """Normalizing an already normal tag changes nothing, and "_" never survives."""
    once = normalize_tag(raw)
    assert normalize_tag(once) == once
    assert "_" not in once


def test_language_accepts_any_spelling() -> None:
    """language("fa_af") and language("FA-af") are the fa-AF entry."""
    assert language("fa_af") == language("FA-af") == language("fa-AF")
    assert language("fa_af").tag == "fa-AF"
    assert language("fa_af").babel_id == "fa_AF"
    assert language("fa_af").base == "fa"


@pytest.mark.parametrize("tag", ["xx", "zz-ZZ", "", "en-", "qaa"])
def test_unknown_tag_raises_value_error_naming_it(tag: str) -> None:
    """An unknown tag raises ValueError whose message quotes the tag."""
    with pytest.raises(ValueError, match=f"unknown language tag {tag!r}"):
        language(tag)
    assert not is_known(tag)


def test_supported_languages_follow_the_brief() -> None:
    """The registry offers the brief's languages, in its order, all known to Babel."""
    tags = [entry.tag for entry in supported_languages()]
    assert tags == list(SUPPORTED_TAGS)
    assert tags[:5] == ["fr", "de", "it", "en", "ar"]
    assert all(is_known(tag) for tag in tags)


@pytest.mark.parametrize(
    ("tag", "reader", "name"),
    [("ar", "fr", "Arabe"), ("fr", "en", "French"), ("fa-AF", "en", "Dari"), ("de", "fr", "Allemand"),
     ("en", "ar", "الإنجليزية")],
)
def test_display_name(tag: str, reader: str, name: str) -> None:
    """A language's name written in another language, with a capital where the script has one."""
    assert display_name(tag, reader) == name


@pytest.mark.parametrize("reader", SUPPORTED_TAGS)
def test_display_name_of_every_pair_is_not_empty(reader: str) -> None:
    """Every supported language can name every supported language."""
    for tag in SUPPORTED_TAGS:
        assert display_name(tag, reader).strip()


@pytest.mark.parametrize("raw", ["fr", "FA_af", "fa-af", "ti", "so", "de", "xx", "root", "pt", "fr-FR"])
def test_is_supported_agrees_with_the_registry(raw: str) -> None:
    """`coach speak` trusts tags.is_supported before asking Babel: a supported tag is always a known one."""
    from coach.i18n.tags import is_supported

    assert is_supported(raw) == (normalize_tag(raw) in SUPPORTED_TAGS)
    if is_supported(raw):
        assert is_known(raw)
