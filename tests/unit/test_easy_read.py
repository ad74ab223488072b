"""The Easy-to-Read sentence and word rules, by example and by property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.packs.easy_read import (
    ERROR_ABOVE,
    LINE_BREAKS,
    WARN_ABOVE,
    long_sentences,
    sentence_spans,
    sentences,
    word_count,
    words,
)

# Words made of letters from several scripts, never holding a sentence end or a space.
WORD = st.text(alphabet="abcdéçàABCxyzابتثجሀለሐመابپچжщю", min_size=1, max_size=8)
NUMBER = st.integers(min_value=0, max_value=10_000).map(str)
ENDS = st.sampled_from([".", "!", "?", "…", "؟", "።", "፧", "۔", "\n", "?!", "..."])


@pytest.mark.parametrize(("text", "expected"), [
    ("Ouvrez le site. Touchez le bouton !", ["Ouvrez le site", "Touchez le bouton"]),
    ("Tapez 1.5 puis 3.000 euros.", ["Tapez 1.5 puis 3.000 euros"]),
    ("Attendez... Puis touchez.", ["Attendez", "Puis touchez"]),
    ("هل تريد المتابعة؟ نعم", ["هل تريد المتابعة", "نعم"]),
    ("ስልኩን ክፈት። ቁጥሩን ጻፍ፧", ["ስልኩን ክፈት", "ቁጥሩን ጻፍ"]),
    ("Line one\nLine two\u2028Three", ["Line one", "Line two", "Three"]),
    ("", []),
    (" . ! ", []),
])
def test_sentence_examples(text: str, expected: list[str]) -> None:
    """Sentences end at . ! ? … ؟ ። ፧ ۔ and line breaks, not at decimal points."""
    assert sentences(text) == expected


@pytest.mark.parametrize(("sentence", "count"), [
    ("Touchez « Mon compte »", 3),
    ("Tapez le code 1234", 4),
    ("ሰላም፡ዓለም", 2),
    ("Tapez — puis attendez", 3),
    ("   ", 0),
])
def test_word_examples(sentence: str, count: int) -> None:
    """Words are split on white space and ፡; digits count; lone punctuation does not."""
    assert word_count(sentence) == count


def test_limits_warning_and_error() -> None:
    """13 words is a warning, 21 an error, 12 nothing."""
    assert long_sentences(" ".join(["mot"] * WARN_ABOVE)) == []
    (warning,) = long_sentences(" ".join(["mot"] * (WARN_ABOVE + 1)))
    assert not warning.is_error and warning.limit == WARN_ABOVE
    (error,) = long_sentences(" ".join(["mot"] * (ERROR_ABOVE + 1)))
    assert error.is_error and error.word_count == ERROR_ABOVE + 1


@given(st.lists(WORD | NUMBER, min_size=1, max_size=30))
def test_words_joined_by_spaces_are_counted(pieces: list[str]) -> None:
    """Any list of words joined by spaces is one sentence of that many words."""
    text = " ".join(pieces)
    assert sentences(text) == [text]
    assert word_count(text) == len(pieces)


@given(st.lists(st.lists(WORD, min_size=1, max_size=25), min_size=1, max_size=6), ENDS)
def test_sentences_split_at_every_end(groups: list[list[str]], end: str) -> None:
    """Sentences joined by an end mark split back into the same sentences and word counts."""
    text = f"{end} ".join(" ".join(group) for group in groups) + end
    assert [word_count(s) for s in sentences(text)] == [len(group) for group in groups]


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_decimal_numbers_never_split(whole: int, fraction: int) -> None:
    """A number such as 12.5 stays inside its sentence, as one word."""
    text = f"Payez {whole}.{fraction} euros"
    assert sentences(text) == [text]
    assert words(text)[1] == f"{whole}.{fraction}"


@given(st.text(max_size=200))
def test_sentences_never_hold_an_end_mark(text: str) -> None:
    """No sentence keeps an end mark, except a point between two digits; none is blank."""
    for sentence in sentences(text):
        assert sentence == sentence.strip() and sentence
        for index, char in enumerate(sentence):
            if char == ".":
                assert 0 < index < len(sentence) - 1
                assert sentence[index - 1].isdigit() and sentence[index + 1].isdigit()
            else:
                assert char not in "!?…؟።፧۔" + LINE_BREAKS


@given(st.text(max_size=200))
def test_long_sentences_agree_with_word_count(text: str) -> None:
    """long_sentences reports exactly the sentences over the warning limit."""
    expected = [s for s in sentences(text) if word_count(s) > WARN_ABOVE]
    assert [found.sentence for found in long_sentences(text)] == expected


@given(st.text(max_size=200))
def test_sentence_spans_cover_the_sentences(text: str) -> None:
    """Spans are trimmed, ordered, disjoint, and together hold every visible character."""
    spans = sentence_spans(text)
    pieces = [text[a:a + n] for a, n in spans]
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert all(spans[i][0] + spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    assert "".join("".join(piece.split()) for piece in pieces) == "".join(text.split())


def test_sentence_spans_keep_decimals_and_scripts() -> None:
    """Decimal points do not end a sentence; Arabic question marks do."""
    text = "Ouvrez 1.5 fois. مرحبا؟ نعم."
    assert [text[a:a + n] for a, n in sentence_spans(text)] == ["Ouvrez 1.5 fois.", "مرحبا؟", "نعم."]
