"""The pack cache of load_library: same results as a full load, never stale, never fatal."""

from __future__ import annotations

import importlib.util
import os
import pickle
import shutil
import sys
import zipfile
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest

from coach.domain.pack import Pack, Resources
from coach.packs import cache as pack_cache
from coach.packs import cache_keys
from coach.packs import loader
from coach.packs.cache import LazyCatalogs, default_cache_dir
from coach.packs.cache_keys import fingerprint
from coach.packs.check import check_paths
from coach.packs.loader import Library, load_library

REPO = Path(__file__).resolve().parents[2]
BROKEN = REPO / "tests" / "data" / "broken_packs"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_packs", REPO / "bench" / "generate_packs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_packs", module)
    spec.loader.exec_module(module)
    return module


generate_packs = _generator()


@pytest.fixture(autouse=True)
def trust_fresh_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test a moment ago may be cached (the racy guard has its own test)."""
    monkeypatch.setattr(pack_cache, "RACY_SECONDS", -60.0)


@pytest.fixture
def library_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """A built-in folder with one generated pack, an installed one with two packs and a zip."""
    builtin, installed = tmp_path / "builtin", tmp_path / "installed"
    generate_packs.generate(builtin, packs=1, lessons=2, steps=2, languages=3)
    generate_packs.generate(tmp_path / "gen", packs=4, lessons=2, steps=2, languages=3)
    installed.mkdir()
    for name in ("pack-002", "pack-003"):
        shutil.move(tmp_path / "gen" / name, installed / name)
    with zipfile.ZipFile(installed / "zipped.zip", "w") as archive:
        for path in sorted((tmp_path / "gen" / "pack-004").rglob("*")):
            if path.is_file():
                archive.write(path, f"pack-004/{path.relative_to(tmp_path / 'gen' / 'pack-004').as_posix()}")
    shutil.copytree(BROKEN / "missing-picture", installed / "zz-broken")
    return builtin, installed


class LoadSpy:
    """Records which packs were really read (not taken from the cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loaded: list[str] = []
        real = loader.load_pack

        def spy(path: Path | str, **options: bool) -> loader.LoadResult:
            self.loaded.append(Path(path).name)
            return real(path, **options)

        monkeypatch.setattr(loader, "load_pack", spy)


def comparable(library: Library) -> tuple[object, ...]:
    """The library with each pack's open resources replaced by their kind and place."""
    def plain(pack: Pack) -> tuple[object, ...]:
        resources = pack.resources
        where = getattr(resources, "root", None) or getattr(resources, "path", None)
        return replace(pack, resources=cast(Resources, None)), type(resources).__name__, where, dict(pack.catalogs)

    return tuple(plain(p) for p in library.packs), library.broken, library.warnings


def test_warm_load_equals_cold_load(library_dirs: tuple[Path, Path], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A load from the cache gives the same library as reading every pack, without reading them."""
    builtin, installed = library_dirs
    uncached = load_library(builtin, installed, cache_dir=None)
    first = load_library(builtin, installed, cache_dir=tmp_path / "cache")
    spy = LoadSpy(monkeypatch)
    warm = load_library(builtin, installed, cache_dir=tmp_path / "cache")
    assert spy.loaded == []  # a broken pack's verdict is remembered too
    assert comparable(warm) == comparable(first) == comparable(uncached)
    assert [p.id for p in warm.packs] == ["pack-001", "pack-002", "pack-003", "pack-004"]
    assert warm.broken and warm.broken[0].problems == uncached.broken[0].problems
    assert warm.warnings  # the generated packs have untranslated texts: their warnings are kept


def test_warm_packs_read_their_files_and_translate(library_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    """Cached packs open their folder or zip again and translate like freshly read ones."""
    builtin, installed = library_dirs
    cold = load_library(builtin, installed, cache_dir=None)
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    warm = load_library(builtin, installed, cache_dir=tmp_path / "cache")
    for cold_pack, warm_pack in zip(cold.packs, warm.packs, strict=True):
        assert isinstance(warm_pack.catalogs, LazyCatalogs)
        assert type(warm_pack.resources) is type(cold_pack.resources)
        lesson = warm_pack.lessons[0]
        assert warm_pack.resources.read_bytes(lesson.steps[0].picture).startswith(b"<svg")
        for language in ("fr", "en", "de", "ar", "en-GB"):
            assert warm_pack.has_language(language) == cold_pack.has_language(language)
            assert warm_pack.is_reviewed(language) == cold_pack.is_reviewed(language)
            for text in (warm_pack.title, lesson.title, lesson.steps[1].text):
                assert warm_pack.translate(text, language) == cold_pack.translate(text, language)


@pytest.mark.parametrize("changed", ["lessons/01-lesson-1.toml", "locales/en.po", "pictures/lesson-1-step-1.svg"])
def test_touching_a_file_invalidates_that_pack_only(library_dirs: tuple[Path, Path], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, changed: str) -> None:
    """A new modification time on a lesson, a catalog or a picture makes only its pack be read again."""
    builtin, installed = library_dirs
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    os.utime(installed / "pack-003" / changed, (1_800_000_000, 1_800_000_000))
    spy = LoadSpy(monkeypatch)
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    assert spy.loaded == ["pack-003"]


def test_changed_contents_are_seen(library_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    """An edited lesson title and an edited translation show after the next load."""
    builtin, installed = library_dirs
    cache_dir = tmp_path / "cache"
    load_library(builtin, installed, cache_dir=cache_dir)
    lesson = installed / "pack-002" / "lessons" / "01-lesson-1.toml"
    text = lesson.read_text(encoding="utf-8")
    old_title = text.split("\n")[1]
    lesson.write_text(text.replace(old_title, 'title = "Un titre tout neuf"', 1), encoding="utf-8")
    catalog = installed / "pack-003" / "locales" / "en.po"
    po = catalog.read_text(encoding="utf-8")
    old = po.split('msgctxt "pack/title"\n', 1)[1].split("\n")[1]
    catalog.write_text(po.replace(old, 'msgstr "A brand new title"', 1), encoding="utf-8")
    library = load_library(builtin, installed, cache_dir=cache_dir)
    assert library.pack("pack-002").lessons[0].title.source == "Un titre tout neuf"
    pack = library.pack("pack-003")
    assert pack.translate(pack.title, "en") == "A brand new title"
    assert comparable(library) == comparable(load_library(builtin, installed, cache_dir=None))


def test_replaced_zip_is_read_again(library_dirs: tuple[Path, Path], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A zipped pack is fingerprinted by the zip itself: a new zip in its place is read again."""
    builtin, installed = library_dirs
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    archive = installed / "zipped.zip"
    data = archive.read_bytes()
    archive.unlink()
    archive.write_bytes(data)
    spy = LoadSpy(monkeypatch)
    library = load_library(builtin, installed, cache_dir=tmp_path / "cache")
    assert spy.loaded == ["zipped.zip"]
    assert library.pack("pack-004").lessons


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign", "other-version"])
def test_damaged_cache_files_are_ignored_and_rewritten(library_dirs: tuple[Path, Path], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    """Corrupt, truncated, empty, foreign or other-version cache files mean a normal load, then a fresh entry."""
    builtin, installed = library_dirs
    cache_dir = tmp_path / "cache"
    expected = comparable(load_library(builtin, installed, cache_dir=None))
    load_library(builtin, installed, cache_dir=cache_dir)
    entries = sorted(cache_dir.glob("*.json"))
    assert len(entries) == 5
    for entry in entries:
        data = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x80\x05not a pickle at all" * 10)
        elif damage == "truncated":
            entry.write_bytes(data[: len(data) * 2 // 3])
        elif damage == "empty":
            entry.write_bytes(b"")
        elif damage == "foreign":
            entry.write_bytes(pickle.dumps({"something": "else"}) + pickle.dumps([1, 2, 3]))
    if damage == "other-version":
        monkeypatch.setattr(cache_keys, "__version__", "99.0")
    spy = LoadSpy(monkeypatch)
    assert comparable(load_library(builtin, installed, cache_dir=cache_dir)) == expected
    assert sorted(spy.loaded) == ["pack-001", "pack-002", "pack-003", "zipped.zip", "zz-broken"]
    spy.loaded.clear()
    assert comparable(load_library(builtin, installed, cache_dir=cache_dir)) == expected
    assert spy.loaded == []  # the entries were written again


def test_unwritable_cache_folder_still_loads(library_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    """A cache "folder" that cannot be created (a file is in the way) changes nothing but speed."""
    builtin, installed = library_dirs
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("in the way", encoding="utf-8")
    expected = comparable(load_library(builtin, installed, cache_dir=None))
    assert comparable(load_library(builtin, installed, cache_dir=blocker / "packs")) == expected
    assert comparable(load_library(builtin, installed, cache_dir=blocker)) == expected
    assert blocker.read_text(encoding="utf-8") == "in the way"


def test_deep_checks_never_use_the_cache(library_dirs: tuple[Path, Path], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`deep=True` and `coach pack check` neither read nor write cache entries."""
    builtin, installed = library_dirs
    cache_dir = tmp_path / "cache"
    load_library(builtin, installed, cache_dir=cache_dir)
    before = {p.name: p.read_bytes() for p in cache_dir.iterdir()}

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cache was used")

    monkeypatch.setattr(pack_cache.PackCache, "get", refuse)
    monkeypatch.setattr(pack_cache.PackCache, "put", refuse)
    deep = load_library(builtin, installed, deep=True, cache_dir=cache_dir)
    assert [p.id for p in deep.packs] == ["pack-001", "pack-002", "pack-003", "pack-004"]
    assert not [p for p in check_paths([str(installed / "pack-002")]) if p.is_error]
    assert {p.name: p.read_bytes() for p in cache_dir.iterdir()} == before


def test_recently_changed_packs_are_not_stored(library_dirs: tuple[Path, Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A pack with a file changed within RACY_SECONDS is loaded but not stored (its times are not yet trusted)."""
    builtin, installed = library_dirs
    monkeypatch.setattr(pack_cache, "RACY_SECONDS", 3600.0)
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*.json"))


def test_removed_packs_leave_the_cache(library_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    """Entries of packs that are gone are removed, so the cache does not grow forever."""
    builtin, installed = library_dirs
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    shutil.rmtree(installed / "pack-002")
    load_library(builtin, installed, cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*.json"))) == 4  # the broken pack's verdict too


def test_default_cache_is_under_coach_home(library_dirs: tuple[Path, Path], coach_home: Path) -> None:
    """Without cache_dir, load_library caches in app_dirs().cache / "packs", which honours COACH_HOME."""
    builtin, installed = library_dirs
    assert default_cache_dir() == coach_home / "cache" / "packs"
    load_library(builtin, installed)
    assert len(list(default_cache_dir().glob("*.json"))) == 5


def test_fingerprint_follows_every_file(tmp_path: Path) -> None:
    """Adding, removing or resizing any file changes a folder's fingerprint; a linked folder gives none."""
    folder = tmp_path / "pack"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "x.txt").write_text("1", encoding="utf-8")
    first = fingerprint(folder)
    assert first is not None and fingerprint(folder) == first
    (folder / "b.txt").write_text("2", encoding="utf-8")
    second = fingerprint(folder)
    assert second is not None and second.digest != first.digest
    (folder / "b.txt").unlink()
    (folder / "a" / "x.txt").write_text("12", encoding="utf-8")
    third = fingerprint(folder)
    assert third is not None and third.digest not in (first.digest, second.digest)
    (folder / "link").symlink_to(folder / "a", target_is_directory=True)
    assert fingerprint(folder) is None
    assert fingerprint(tmp_path / "missing") is None


class Planted:
    """A pickle that runs code when unpickled: what an attacker would plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_is_refused_and_runs_nothing(library_dirs: tuple[Path, Path], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14 item 1: a pickle under the entry's predictable name (old or new suffix) never runs."""
    builtin, installed = library_dirs
    cache_dir = tmp_path / "cache"
    expected = comparable(load_library(builtin, installed, cache_dir=None))
    load_library(builtin, installed, cache_dir=cache_dir)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Planted(marker))
    for entry in cache_dir.glob("*.json"):
        entry.write_bytes(payload + payload)
        entry.with_suffix(".pickle").write_bytes(payload + payload)
    spy = LoadSpy(monkeypatch)
    assert comparable(load_library(builtin, installed, cache_dir=cache_dir)) == expected
    assert not marker.exists()
    assert len(spy.loaded) == 5  # every entry refused: every pack read again


def test_a_forged_entry_with_the_right_header_but_wrong_types_is_a_miss(
        library_dirs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builtin, installed = library_dirs
    cache_dir = tmp_path / "cache"
    expected = comparable(load_library(builtin, installed, cache_dir=None))
    load_library(builtin, installed, cache_dir=cache_dir)
    for entry in cache_dir.glob("*.json"):
        header, _, _ = entry.read_bytes().partition(b"\n")
        entry.write_bytes(header + b'\n{"pack": {"id": 7}, "problems": [[1,2,3]], "pack_id": null,'
                          b' "manifest_id_line": "x", "keys": [0, 99999], "catalogs": [["fr", 1, 0, 5]]}\n')
    spy = LoadSpy(monkeypatch)
    assert comparable(load_library(builtin, installed, cache_dir=cache_dir)) == expected
    assert len(spy.loaded) == 5


def test_option_values_survive_the_cache() -> None:
    """What TOML gives (and freeze makes of it) comes back equal and of the same type."""
    from datetime import date, datetime, time
    from types import MappingProxyType

    from coach.packs.cache_codec import decode_value, encode_value, loads

    value = MappingProxyType({"a": [1, 2.5, "x", True, None], "b": (1, {"c": date(2026, 1, 2)}),
                              "t": datetime(2026, 1, 2, 3, 4), "h": time(5, 6), "n": float("inf")})
    back = decode_value(loads(pack_cache.codec.dumps(encode_value(value))))
    assert back == value and isinstance(back, MappingProxyType) and isinstance(back["b"], tuple)


def test_the_cache_key_is_the_same_in_every_process() -> None:
    """Each start is a new process with new string hashes: the key must not follow them."""
    import subprocess

    code = "from coach.packs.cache_keys import environment; print(environment())"
    keys = {subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 7)}
    assert len(keys) == 1


def test_built_in_packs_keep_their_exercises_links_and_countries(tmp_path: Path) -> None:
    """A warm start gives the built-in packs as read: practice steps stay exercises (not
    plain pictures), and step and lesson links keep the countries they serve."""
    builtin = REPO / "lessons"
    uncached = load_library(builtin, tmp_path / "none", cache_dir=None)
    load_library(builtin, tmp_path / "none", cache_dir=tmp_path / "cache")
    warm = load_library(builtin, tmp_path / "none", cache_dir=tmp_path / "cache")
    steps = [step for pack in warm.packs for lesson in pack.lessons for step in lesson.steps]
    assert {type(step.exercise).__name__ for step in steps} >= {
        "TouchExercise", "ChooseExercise", "TypeInExercise", "SmsCodeExercise", "OrderExercise"}
    assert any(link.countries for pack in warm.packs for lesson in pack.lessons for link in lesson.links)
    assert comparable(warm) == comparable(uncached)


def test_a_forged_exercise_cannot_name_another_class() -> None:
    from coach.packs.cache_codec import Refused, decode_exercise

    with pytest.raises(Refused):
        decode_exercise(["Path", "/etc"])
    with pytest.raises(Refused):
        decode_exercise(["Area", "1", 2, 3, 4])  # a field of the wrong type
    with pytest.raises(Refused):
        decode_exercise(["Text", "ctx", "text"])  # a part, not an exercise
