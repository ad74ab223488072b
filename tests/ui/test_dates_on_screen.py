"""Dates on the client's screens are written out in the client's language (Babel), not as ISO strings."""

from __future__ import annotations

import gettext

import pytest

from coach.ui.player.about_page import record_lines

ABOUT = {"client": {"pseudonym": "Amal", "code": "K7", "consent_given": True,
                    "consent_date": "2026-12-02T10:15:00"},
         "visits": [{"started": "2026-11-20T09:00:00"}, {"started": "2026-12-02T10:00:00"}]}


@pytest.mark.parametrize(("tag", "written"), [
    ("fr", "2 décembre 2026"), ("de", "2. Dezember 2026"), ("ar", "2 ديسمبر 2026"), ("ti", "ታሕሳስ 2, 2026"),
])
def test_consent_day_in_the_clients_language(tag: str, written: str) -> None:
    """"What we recorded about you" gives the day of consent as the client's language writes it."""
    lines = record_lines(ABOUT, {}, gettext.NullTranslations().gettext, tag)
    assert f"You agreed on {written}." in lines
    assert f"Visits: 2. The last one: {written}." in lines
