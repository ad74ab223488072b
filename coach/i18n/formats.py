"""Numbers and dates as each language writes them, from Babel's CLDR data.

    number(1234.5, "fr") -> "1 234,5"     number(1234.5, "de") -> "1.234,5"
    day(date(2026, 12, 2), "fr") -> "2 décembre 2026"
    day(date(2026, 12, 2), "uk") -> "2 грудня 2026 р." (with a narrow no-break space)

Digits stay the Latin ones (Babel formats with the "latn" numbering system), as the
lessons write them. Whole numbers from -999 to 999, which is nearly every number the
interface shows (step 3 of 10, 4 visits), look the same in every locale, so they are
written without loading Babel. An unknown tag falls back to its base language, then
to English; these functions never raise for a tag.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any


@cache
def _locale(tag: str) -> Any:  # -> babel.Locale
    from babel import Locale, UnknownLocaleError

    for candidate in (tag.replace("-", "_"), tag.split("-", 1)[0], "en"):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def number(value: float, tag: str) -> str:
    """`value` with the decimal sign and digit grouping of language `tag`."""
    if isinstance(value, int) and -1000 < value < 1000:
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(tag))


def day(value: date | datetime | str, tag: str) -> str:
    """The calendar day of `value` written out in language `tag` ("2 décembre 2026").

    A string is read as an ISO date or date-time ("2026-12-02", "2026-12-02T10:00:00");
    one that is not is returned as it is.
    """
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return str(value)
    if isinstance(value, datetime):
        value = value.date()
    from babel.dates import format_date

    return format_date(value, "long", locale=_locale(tag))
