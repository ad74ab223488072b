"""A cached lesson's steps are decoded when first read, and a refused copy is read from the pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.packs import cache as pack_cache
from coach.packs import loader
from coach.packs.cache_codec import StoredSteps
from coach.packs.loader import load_library

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def trust_fresh_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack_cache, "RACY_SECONDS", -60.0)


def steps_of(library: loader.Library) -> list[tuple[object, ...]]:
    return [tuple(lesson.steps) for pack in library.packs for lesson in pack.lessons]


def test_cached_steps_equal_the_packs_own_and_are_counted_without_being_decoded(tmp_path: Path) -> None:
    builtin = REPO / "lessons"
    uncached = load_library(builtin, tmp_path / "none", cache_dir=None)
    load_library(builtin, tmp_path / "none", cache_dir=tmp_path / "cache")
    warm = load_library(builtin, tmp_path / "none", cache_dir=tmp_path / "cache")
    lessons = [lesson for pack in warm.packs for lesson in pack.lessons]
    assert lessons and all(isinstance(lesson.steps, StoredSteps) for lesson in lessons)
    fresh = [lesson for pack in uncached.packs for lesson in pack.lessons]
    assert [len(lesson.steps) for lesson in lessons] == [len(lesson.steps) for lesson in fresh]
    assert lessons == fresh  # a Lesson with stored steps equals one read from the pack
    assert lessons[0].steps[0] == fresh[0].steps[0] and lessons[0].steps[-1:] == fresh[0].steps[-1:]


def test_stored_steps_are_counted_before_any_is_checked() -> None:
    steps = StoredSteps(json.dumps([["not", "a", "step"], 7]), 2)
    assert len(steps) == 2  # the library's tiles count steps: no decoding, no check yet
    with pytest.raises(ValueError):  # Refused, or a list of the wrong length
        steps[0]
    steps.reread = lambda: ()
    assert steps.decoded() == () and len(steps) == 0


def test_forged_steps_behind_the_right_header_are_read_from_the_pack(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The entry is taken (its header and pack are right); its steps are refused when the lesson
    is read, and that lesson's steps come from the pack's files instead."""
    builtin = REPO / "lessons"
    expected = steps_of(load_library(builtin, tmp_path / "none", cache_dir=None))
    cache_dir = tmp_path / "cache"
    load_library(builtin, tmp_path / "none", cache_dir=cache_dir)
    for entry in cache_dir.glob("*.json"):
        header, _, rest = entry.read_bytes().partition(b"\n")
        line, _, sections = rest.partition(b"\n")
        body = json.loads(line)
        for lesson in body["pack"]["lessons"]:
            count, _steps = lesson[4]
            lesson[4] = [count, json.dumps([[7, "forged"]] * count)]  # as many steps, none of them a step
        entry.write_bytes(header + b"\n" + json.dumps(body).encode() + b"\n" + sections)
    read: list[str] = []
    real = loader.load_pack
    monkeypatch.setattr(loader, "load_pack", lambda path, **options: (read.append(Path(path).name),
                                                                      real(path, **options))[1])
    warm = load_library(builtin, tmp_path / "none", cache_dir=cache_dir)
    assert read == []  # every entry taken from the cache
    assert steps_of(warm) == expected
    assert len(read) == sum(len(pack.lessons) for pack in warm.packs)  # each lesson read from its pack
