"""coach/values.py: the frozen value classes of the speak path behave as the frozen dataclasses they replace."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from coach.paths import AppDirs
from coach.speech.protocol import Utterance, WordTiming
from coach.speech.voices import Voice


def test_equality_hash_and_repr_come_from_the_fields() -> None:
    a, b = WordTiming(0, 6, 0), WordTiming(start=0, length=6, time_ms=0)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != WordTiming(0, 6, 1)
    assert repr(a) == "WordTiming(start=0, length=6, time_ms=0)"
    assert a != (0, 6, 0), "a value, not a tuple"
    voice = Voice("roa/fr", "French", ("fr",), "espeak")
    assert repr(voice) == "Voice(id='roa/fr', name='French', languages=('fr',), engine='espeak')"
    assert voice != AppDirs(Path("a"), Path("b"), Path("c"), Path("d")), "values of other classes are never equal"


def test_defaults_and_keywords_as_before() -> None:
    utterance = Utterance("a.wav", "roa/fr", 1200)
    assert (utterance.words, utterance.cached, utterance.private) == ((), False, False)
    assert Utterance(wav="a.wav", voice="roa/fr", duration_ms=1200, private=True).private


def test_fields_cannot_be_changed_or_added() -> None:
    timing = WordTiming(0, 6, 0)
    with pytest.raises(AttributeError):
        timing.start = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        timing.other = 3  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del timing.start
    assert timing.start == 0


def test_pickle_and_copy_keep_the_value() -> None:
    utterance = Utterance("a.wav", "roa/fr", 1200, (WordTiming(0, 6, 0),), cached=True)
    assert pickle.loads(pickle.dumps(utterance)) == utterance
    assert copy.deepcopy(utterance) == utterance and copy.copy(utterance) == utterance
    dirs = AppDirs(Path("/d"), Path("/c"), Path("/g"), Path("/l"))
    assert pickle.loads(pickle.dumps(dirs)).packs == Path("/d/packs")
