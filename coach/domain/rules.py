"""The desk's rules, each stated once: the CLI and the panel only word them.

Qt-free and i18n-free: each check returns or raises a value that says which rule
was broken, and every caller turns that into a sentence in its user's language.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

MIN_PASSPHRASE = 8
"""A new or changed records passphrase has at least this many characters."""

MAX_NOTE = 2000
"""A worker's note has at most this many characters."""


class PassphraseProblem(StrEnum):
    EMPTY = "empty"
    HAS_NUL = "has-nul"
    TOO_SHORT = "too-short"


def passphrase_problem(passphrase: str, new: bool = True) -> PassphraseProblem | None:
    """What is wrong with `passphrase`, or None. `new=False` skips the length rule (an old one unlocks).

    >>> passphrase_problem("short")
    <PassphraseProblem.TOO_SHORT: 'too-short'>
    """
    if not passphrase:
        return PassphraseProblem.EMPTY
    if "\x00" in passphrase:
        return PassphraseProblem.HAS_NUL
    if new and len(passphrase) < MIN_PASSPHRASE:
        return PassphraseProblem.TOO_SHORT
    return None


class PeriodReversed(ValueError):
    """A period whose end comes before its start."""

    def __init__(self, start: date, end: date) -> None:
        super().__init__(f"the period ends ({end}) before it starts ({start})")
        self.start, self.end = start, end


def check_period(start: date, end: date) -> None:
    """PeriodReversed unless `start` <= `end` (both days are included in a period)."""
    if end < start:
        raise PeriodReversed(start, end)
