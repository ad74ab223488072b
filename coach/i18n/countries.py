"""Countries a help desk can be in: ISO 3166 codes and their names, from CLDR (Babel).

A desk chooses its country in settings; pack links name the countries they serve
(`countries = ["FR"]`). Babel is imported only when a country is looked up, so a
start whose packs have no per-country link never loads it.
"""

from __future__ import annotations

from functools import cache

FIRST_COUNTRIES: tuple[str, ...] = ("FR", "CH")
"""Offered first in the desk's settings: the countries whose services the built-in packs link to."""

# CLDR territory codes that are not countries: the EU, the euro area, the UN,
# "outlying Oceania", pseudo-locales and "unknown region".
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def normalize_country(code: str) -> str:
    """"ch" -> "CH": codes are written upper case in settings and in packs."""
    return code.strip().upper()


@cache
def country_codes() -> frozenset[str]:
    """Every two-letter ISO 3166 code CLDR names."""
    from babel import Locale

    return frozenset(code for code in Locale("en").territories
                     if isinstance(code, str) and len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)


def is_country(code: str) -> bool:
    return normalize_country(code) in country_codes()


def country_name(code: str, in_language: str) -> str:
    """The country's name written in `in_language`: ("CH", "fr") -> "Suisse"; the code if unknown."""
    from babel import Locale, UnknownLocaleError

    code = normalize_country(code)
    try:
        names = Locale.parse(in_language.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError):
        names = Locale("en").territories
    return names.get(code) or Locale("en").territories.get(code) or code


def countries_in_order(in_language: str) -> list[tuple[str, str]]:
    """(code, name) for every country: `FIRST_COUNTRIES`, then the rest by name in `in_language`."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(in_language.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError):
        names = Locale("en").territories
    named = {code: names.get(code) or code for code in country_codes()}
    rest = sorted((code for code in named if code not in FIRST_COUNTRIES), key=lambda c: named[c].casefold())
    return [(code, named[code]) for code in (*FIRST_COUNTRIES, *rest)]
