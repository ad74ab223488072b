"""Word timings: espeak-ng's raw word events become whole written words, in order, each once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coach.speech.protocol import WordTiming
from coach.speech.words import align_words, word_spans


def words_of(text: str, timings: tuple[WordTiming, ...]) -> list[str]:
    return [text[w.start:w.start + w.length] for w in timings]


def test_word_spans_keep_apostrophes_hyphens_and_marks() -> None:
    """Elisions, hyphenated words, decomposed accents and Arabic vowel signs stay one word."""
    text = "l'écran, peut-être e\u0301te\u0301 « ici » كَتَبَ 2024 !"
    assert [text[a:b] for a, b in word_spans(text)] == [
        "l'écran", "peut-être", "e\u0301te\u0301", "ici", "كَتَبَ", "2024"]


def test_french_events_as_espeak_gives_them() -> None:
    """Events recorded from espeak-ng 1.51: "l'" of length 1 becomes "l'écran"; repeats and jumps back drop."""
    text = "😀 Le code 2024 est peut-être « ici ». Deuxième phrase, là-bas."
    raw = [(0, 1, 0), (1, 1, 321), (2, 2, 597), (5, 4, 699), (10, 4, 922), (11, 4, 1032), (11, 4, 1201),
           (15, 3, 1618), (19, 4, 1711), (31, 3, 2183), (38, 8, 2663), (47, 6, 3022), (37, 0, 3511),
           (55, 2, 3555)]
    timings = align_words(text, raw)
    assert words_of(text, timings) == ["Le", "code", "2024", "est", "peut-être", "ici", "Deuxième", "phrase",
                                      "là-bas"]
    assert [w.time_ms for w in timings] == [597, 699, 922, 1618, 1711, 2183, 2663, 3022, 3555]


def test_arabic_events() -> None:
    """Arabic positions are character indices like any other text."""
    text = "افتح الشاشة الرئيسية ثم المس أيقونة الرسائل."
    raw = [(0, 4, 0), (5, 6, 336), (12, 8, 890), (21, 2, 1664), (24, 4, 1982), (29, 6, 2361), (36, 7, 2878)]
    assert words_of(text, align_words(text, raw)) == text.rstrip(".").split()


def test_persian_zero_width_non_joiner_is_inside_a_word() -> None:
    """"پیام‌ها" (messages) is one word with a ZWNJ: espeak-ng gives one event; the whole word lights up."""
    text = "تا پیام‌ها باز شوند."
    assert [text[a:b] for a, b in word_spans(text)] == ["تا", "پیام‌ها", "باز", "شوند"]
    raw = [(0, 2, 0), (3, 4, 193), (11, 3, 697), (15, 4, 996)]  # espeak-ng 1.52, ira/fa
    assert words_of(text, align_words(text, raw)) == ["تا", "پیام‌ها", "باز", "شوند"]


def test_events_outside_the_text_are_ignored() -> None:
    """Negative or too large positions, and events between words, give nothing."""
    assert align_words("Bonjour.", [(-1, 3, 0), (50, 2, 10), (7, 1, 20)]) == ()


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-5, 50), st.integers(-1, 10), st.integers(0, 5000))))
def test_timings_are_words_in_order(text: str, raw: list[tuple[int, int, int]]) -> None:
    """Whatever the events: each timing is a distinct word of the text, positions and times increase."""
    timings = align_words(text, raw)
    spans = word_spans(text)
    assert all((w.start, w.start + w.length) in spans for w in timings)
    assert [w.start for w in timings] == sorted({w.start for w in timings})
    assert [w.time_ms for w in timings] == sorted(w.time_ms for w in timings)
