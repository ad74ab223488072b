"""Numbers and dates follow each of the ten languages (Babel's CLDR data)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.i18n.formats import day, number
from coach.i18n.languages import SUPPORTED_TAGS

TEN = ("fr", "de", "it", "en", "ar", "fa", "uk", "ti", "es", "tr")


@pytest.mark.parametrize(("tag", "written"), [
    ("fr", "1\u202f234,5"), ("de", "1.234,5"), ("it", "1.234,5"), ("en", "1,234.5"), ("es", "1.234,5"),
    ("tr", "1.234,5"), ("uk", "1\xa0234,5"), ("ti", "1,234.5"),
])
def test_decimal_sign_and_grouping(tag: str, written: str) -> None:
    """The decimal sign and the thousands separator are each language's own."""
    assert number(1234.5, tag) == written


@pytest.mark.parametrize(("tag", "written"), [
    ("fr", "2 décembre 2026"), ("de", "2. Dezember 2026"), ("it", "2 dicembre 2026"), ("en", "December 2, 2026"),
    ("es", "2 de diciembre de 2026"), ("tr", "2 Aralık 2026"), ("uk", "2 грудня 2026\u202fр."),
    ("ar", "2 ديسمبر 2026"), ("fa", "2 دسامبر 2026"), ("ti", "ታሕሳስ 2, 2026"),
])
def test_days_are_written_out(tag: str, written: str) -> None:
    """A day is written out with the month's name, in the language's order (no 12/02 ambiguity)."""
    assert day(date(2026, 12, 2), tag) == written


def test_day_accepts_iso_strings_and_keeps_anything_else() -> None:
    """The records store ISO strings; a date-time gives its day; a string that is no date stays as it is."""
    assert day("2026-12-02T10:30:00", "fr") == day(datetime(2026, 12, 2, 23, 0), "fr") == "2 décembre 2026"
    assert day("", "fr") == "" and day("soon", "fr") == "soon"


def test_every_supported_language_and_odd_tags_work() -> None:
    """Every registry language has formats; an unknown region falls back to the language, an unknown tag to English."""
    for tag in SUPPORTED_TAGS:
        assert day(date(2026, 1, 5), tag) and number(1234.5, tag)
    assert number(1234.5, "fr-XX") == number(1234.5, "fr")
    assert day(date(2026, 1, 5), "qq") == "January 5, 2026"


@given(st.integers(min_value=-999, max_value=999), st.sampled_from(TEN))
def test_small_whole_numbers_are_the_same_as_babel_writes_them(value: int, tag: str) -> None:
    """The shortcut for -999..999 (no Babel) writes exactly what Babel writes."""
    from babel.numbers import format_decimal

    assert number(value, tag) == format_decimal(value, locale=tag.replace("-", "_"))
