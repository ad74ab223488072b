"""Word timings: turn an engine's raw word events into clean spans of the text (pure code).

espeak-ng reports a word event as (character position, length, audio time). The raw
events are close to, but not exactly, the words a reader sees: "l'écran" gives one
event of length 1 ("l"), a number gives one event per spoken part ("2024" -> three),
an emoji gives events for its spoken name, and the position after a sentence can jump
back. `align_words` maps each event to the word of the text it falls in, so the
player highlights whole, written words, in order, each once.

A word is a run of letters, marks and digits, joined by inner apostrophes or hyphens
("l'écran", "peut-être", "là-bas") or by Persian's zero-width non-joiner ("پیام‌ها");
marks count, so Arabic with vowel signs and decomposed accents stay whole.
"""

from __future__ import annotations

import bisect
import unicodedata

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from collections.abc import Iterable

from coach.speech.protocol import WordTiming

_JOINERS = "'’-‐\u200c\u200d"
"""Inside a word: apostrophes and hyphens, and the zero-width (non-)joiner that Persian
writes inside words ("پیام‌ها", messages: one word, one highlight)."""


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of `text`: "l'écran, là" -> [(0, 7), (9, 11)]."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if not _is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n:
            if _is_word_char(text[i]):
                i += 1
            elif text[i] in _JOINERS and i + 1 < n and _is_word_char(text[i + 1]) and i > start:
                i += 1
            else:
                break
        spans.append((start, i))
    return spans


def align_words(text: str, events: Iterable[tuple[int, int, int]]) -> tuple[WordTiming, ...]:
    """Word timings from raw events (start index, length, time in ms), in time order.

    Each event is moved to the word its [start, start + length) touches first; events
    that touch no word, repeat the previous word or go backwards are dropped; times never
    decrease.

    >>> align_words("Ouvrez l'écran.", [(0, 6, 0), (7, 1, 226)])
    (WordTiming(start=0, length=6, time_ms=0), WordTiming(start=7, length=7, time_ms=226))
    """
    spans = word_spans(text)
    ends = [end for _, end in spans]
    result: list[WordTiming] = []
    last_index = -1
    last_time = 0
    for start, length, time_ms in sorted(events, key=lambda e: e[2]):
        if start < 0 or start >= len(text):
            continue
        # The first word ending after `start`: the word containing it, or the next one.
        index = bisect.bisect_right(ends, start)
        if index >= len(spans) or spans[index][0] >= start + max(length, 1):
            continue
        if index <= last_index:
            continue
        word_start, word_end = spans[index]
        last_time = max(last_time, int(time_ms))
        result.append(WordTiming(word_start, word_end - word_start, last_time))
        last_index = index
    return tuple(result)
