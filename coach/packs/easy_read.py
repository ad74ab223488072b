"""Easy-to-Read sentence rules: split a text into sentences and count their words.

The rules, the same for every language and script:

* A sentence ends at `.` `!` `?` `…` (Latin and most scripts), `؟` (Arabic question
  mark), `۔` (Urdu full stop), `።` and `፧` (Ethiopic full stop and question mark),
  and at every line break. A run of them ("?!", "...") is one end.
* A `.` between two digits is a decimal point ("1.5", "3.000"), not an end.
* Words are separated by white space and by the Ethiopic wordspace `፡`. A word is
  any piece holding at least one letter or digit, so "12", "2024" and "SMS" count
  and a lone "«" or "—" does not.
* Over 12 words in a sentence is a warning, over 20 an error.

Pure functions, no I/O: the checker applies them to every client-facing text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WARN_ABOVE = 12
"""A sentence with more words than this gets a warning."""
ERROR_ABOVE = 20
"""A sentence with more words than this is an error."""

SENTENCE_ENDS = ".!?…؟።፧۔"
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character Python's str.splitlines() breaks lines at."""
_END = re.compile(rf"(?:(?<!\d)\.|\.(?!\d)|[!?…؟።፧۔{LINE_BREAKS}])+")
_WORD_SEPARATOR = re.compile(r"[\s፡]+")


def sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, without their end marks; empty ones dropped.

    >>> sentences("Open the site. Tap 1.5 times!")
    ['Open the site', 'Tap 1.5 times']
    """
    return [part.strip() for part in _END.split(text) if part.strip()]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, length) of each sentence of `text`, end marks included, by the same rules.

    >>> sentence_spans("Open it. Tap!")
    [(0, 8), (9, 4)]
    """
    spans, start = [], 0
    for end in _END.finditer(text):
        piece = text[start:end.end()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, len(piece.strip())))
        start = end.end()
    rest = text[start:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        spans.append((start + lead, len(rest.strip())))
    return spans


def words(sentence: str) -> list[str]:
    """The words of `sentence`: pieces between spaces (or ፡) with a letter or digit.

    >>> words("Touchez « Mon compte »")
    ['Touchez', 'Mon', 'compte']
    """
    return [piece for piece in _WORD_SEPARATOR.split(sentence) if any(c.isalnum() for c in piece)]


def word_count(sentence: str) -> int:
    return len(words(sentence))


@dataclass(frozen=True)
class LongSentence:
    """A sentence over the Easy-to-Read limit; `is_error` when over ERROR_ABOVE words."""

    sentence: str
    word_count: int

    @property
    def is_error(self) -> bool:
        return self.word_count > ERROR_ABOVE

    @property
    def limit(self) -> int:
        return ERROR_ABOVE if self.is_error else WARN_ABOVE

    def quoted(self, width: int = 48) -> str:
        """The sentence, cut to `width` characters with "…" when longer."""
        return self.sentence if len(self.sentence) <= width else self.sentence[: width - 1].rstrip() + "…"

    def describe(self, width: int = 48) -> str:
        """Plain English: 'a sentence of 14 words (Easy-to-Read: at most 12): "Ouvrez …"'."""
        return f'a sentence of {self.word_count} words (Easy-to-Read: at most {self.limit}): "{self.quoted(width)}"'


def long_sentences(text: str) -> list[LongSentence]:
    """Every sentence of `text` with more than WARN_ABOVE words, in order."""
    found = []
    for sentence in sentences(text):
        count = word_count(sentence)
        if count > WARN_ABOVE:
            found.append(LongSentence(sentence, count))
    return found
