"""Load lesson packs from folders and .zip files into `Pack` values, never crashing.

    result = load_pack(Path("lessons/demo"))          # cheap checks, for the library
    result = load_pack(Path("demo.zip"), deep=True)   # full validation, for `pack check`
    library = load_library(builtin_packs_dir(), app_dirs().packs)

A pack with any error is not loaded (`LoadResult.pack` is None) and its problems say
why; warnings do not stop a pack. One broken pack never stops the others.

`load_library` keeps the results of valid packs in a cache (coach.packs.cache) and
reuses them while a pack's files are unchanged; `load_pack` never uses the cache. The
readers and checks (coach.packs.reading: TOML, catalogs, pictures) load only when a pack
is really read, so a start with every pack cached does without them.
"""

from __future__ import annotations

import gc
import logging
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from pathlib import Path

from coach.domain.pack import Pack, Step
from coach.domain.problems import Problem, Severity
from coach.i18n.ui_strings import N_
from coach.packs.bounded_zip import ZipRefused
from coach.packs.cache import Entry, PackCache, default_cache_dir
from coach.packs.cache_keys import fingerprint
from coach.packs.resources import MANIFEST, NotAPackError, open_resources
from coach.packs.sources import Sources

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadResult:
    """The outcome of loading one pack: the pack (None on any error) and every problem."""

    pack: Pack | None
    problems: tuple[Problem, ...]
    location: str
    pack_id: str | None = None
    """The id the manifest declares, even when the pack is broken (for duplicate checks)."""
    sources: Sources | None = field(default=None, compare=False, repr=False)
    """Where each text was written, for `coach pack extract`."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def load_pack(path: Path | str, *, builtin: bool = False, deep: bool = False) -> LoadResult:
    """Load the pack at `path` (a folder or a .zip), collecting problems instead of raising.

    `deep=False` (the library) checks structure, texts, translations and that files
    exist within their byte limits; `deep=True` (`coach pack check`) also decodes every
    picture and applies the Easy-to-Read limits to every client-facing text. Any
    unexpected exception becomes an error problem for this pack.
    """
    from coach.packs.fields import Report  # the readers load when a pack is really read
    from coach.packs.reading import read_pack

    location = str(path)
    report = Report(location)
    try:
        return read_pack(Path(path), report, builtin=builtin, deep=deep)
    except Exception as exc:  # a bug or an odd file must not stop the other packs
        # Translators: {error} is the program's description of what went wrong, in English.
        report.error("", None, N_("could not load the pack: {error}"), error=f"{exc.__class__.__name__}: {exc}")
        return LoadResult(None, sorted_problems(report.problems), location)


def sorted_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in the order they are shown: by file, line, then message."""
    return tuple(sorted(problems, key=Problem.sort_key))


def discover(folder: Path) -> list[Path]:
    """The packs in `folder`: its sub-folders holding a pack.toml, and its .zip files.

    Sorted by name; a missing folder holds no packs.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return []
    return [
        entry for entry in entries
        if not entry.name.startswith(".")
        and ((entry.is_dir() and (entry / MANIFEST).is_file())
             or (entry.is_file() and entry.suffix.lower() == ".zip"))
    ]


@dataclass(frozen=True)
class BrokenPack:
    """A pack that could not be loaded, and why."""

    location: str
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


@dataclass(frozen=True)
class Library:
    """Every pack Coach offers: the valid ones (built-in first) and the broken ones."""

    packs: tuple[Pack, ...]
    broken: tuple[BrokenPack, ...] = ()
    warnings: tuple[Problem, ...] = ()
    """Warnings of the valid packs (a missing translation, a large picture...)."""

    def pack(self, pack_id: str) -> Pack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        raise KeyError(f"no pack {pack_id!r} in the library")


class _Default(Enum):
    CACHE = "the default cache folder"


DEFAULT_CACHE = _Default.CACHE
"""`load_library(cache_dir=DEFAULT_CACHE)`: use `default_cache_dir()`, resolved at call time."""


def load_library(builtin_dir: Path, installed_dir: Path, *, deep: bool = False,
                 cache_dir: Path | None | _Default = DEFAULT_CACHE) -> Library:
    """Load the built-in packs, then the installed ones; never raises for a bad pack.

    A pack whose id is already taken (by a built-in pack, or an installed pack found
    earlier in name order) is broken, with a message naming the first one's location.

    Valid packs are cached in `cache_dir` (by default `default_cache_dir()`, the
    "packs" folder of Coach's cache) and taken from there while their files are
    unchanged; `cache_dir=None` reads every pack. `deep=True` never uses the cache.
    """
    paths = [(p, True) for p in discover(builtin_dir)] + [(p, False) for p in discover(installed_dir)]
    # Loading makes hundreds of thousands of objects and next to no cyclic garbage: the
    # cyclic collector would only walk them again and again (a fifth of a cold load,
    # a third of a warm one). Reference counting still frees everything as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if deep or cache_dir is None:
            return library_from([load_pack(p, builtin=builtin, deep=deep) for p, builtin in paths])
        cache = PackCache(default_cache_dir() if cache_dir is DEFAULT_CACHE else cache_dir)
        results = [_load_cached(p, builtin, cache) for p, builtin in paths]
        cache.prune()
        return library_from(results)
    finally:
        if collecting:
            gc.enable()


def _load_cached(path: Path, builtin: bool, cache: PackCache) -> LoadResult:
    """`load_pack(path)` (cheap checks), taken from `cache` when the pack is unchanged."""
    location = str(path)
    started = time.time_ns()  # before the fingerprint: a change after it must not be stored
    print_ = fingerprint(path)
    if print_ is not None:
        entry = cache.get(location, builtin, print_)
        if entry is not None:
            result = _from_entry(entry, path, location)
            if result is not None:
                return result
    result = load_pack(path, builtin=builtin)
    if print_ is not None and cache.storable(print_, started):
        line = None if result.sources is None else result.sources.id_lines.get(MANIFEST)
        cache.put(location, builtin, print_, Entry.of(result.pack, result.problems, result.pack_id, line), started)
    return result


def _from_entry(entry: Entry, path: Path, location: str) -> LoadResult | None:
    """The LoadResult of a cached pack, with its files opened again; None if they cannot be.

    A broken pack's verdict is given as it was stored, without opening anything.
    """
    if entry.pack is None:
        sources = Sources()
        if entry.manifest_id_line is not None:
            sources.id_lines[MANIFEST] = entry.manifest_id_line
        return LoadResult(None, entry.problems, location, entry.pack_id, sources)
    try:
        resources = open_resources(path)
    except (NotAPackError, ZipRefused, OSError, zipfile.BadZipFile):
        return None
    sources = Sources()
    if entry.manifest_id_line is not None:
        sources.id_lines[MANIFEST] = entry.manifest_id_line
    return LoadResult(entry.restore(resources, partial(_steps_from_pack, path, entry.pack.builtin)), entry.problems,
                      location, entry.pack_id, sources)


def _steps_from_pack(path: Path, builtin: bool, lesson_id: str) -> tuple[Step, ...]:
    """A lesson's steps read from the pack's files: the cache's copy was refused (cache_codec.StoredSteps).

    Raises ValueError when the pack, unchanged since the start, no longer reads as valid.
    """
    log.warning("the pack cache's steps of lesson %s in %s were refused: reading the pack", lesson_id, path)
    result = load_pack(path, builtin=builtin)
    if result.pack is None:
        raise ValueError(f"{path}: the pack no longer reads as valid ({len(result.problems)} problems)")
    try:
        return tuple(result.pack.lesson(lesson_id).steps)
    except KeyError:
        raise ValueError(f"{path}: the pack no longer has the lesson {lesson_id!r}") from None
    finally:
        _close(result.pack)


def library_from(results: Iterable[LoadResult]) -> Library:
    """A Library from load results in priority order, applying the duplicate-id rule."""
    packs: list[Pack] = []
    broken: list[BrokenPack] = []
    warnings: list[Problem] = []
    for result, duplicate in with_duplicates(results):
        if duplicate is not None or result.pack is None:
            problems = result.problems if duplicate is None else sorted_problems((*result.problems, duplicate))
            if result.pack is not None:
                _close(result.pack)
            broken.append(BrokenPack(result.location, problems))
            continue
        packs.append(result.pack)
        warnings.extend(result.warnings)
    packs.sort(key=lambda p: (not p.builtin, p.title.source.casefold(), p.id))
    return Library(tuple(packs), tuple(broken), tuple(warnings))


def with_duplicates(results: Iterable[LoadResult]) -> list[tuple[LoadResult, Problem | None]]:
    """Each result with an error Problem when its pack id was already used by an earlier one."""
    first: dict[str, str] = {}
    paired: list[tuple[LoadResult, Problem | None]] = []
    for result in results:
        problem = None
        if result.pack_id:
            if result.pack_id in first:
                problem = Problem.create(
                    f"{result.location.rstrip('/')}/{MANIFEST}", _pack_id_line(result), Severity.ERROR,
                    N_('pack id "{id}" is already used by the pack at {location}'),
                    id=result.pack_id, location=first[result.pack_id],
                )
            else:
                first[result.pack_id] = result.location
        paired.append((result, problem))
    return paired


def _pack_id_line(result: LoadResult) -> int | None:
    return None if result.sources is None else result.sources.id_lines.get(MANIFEST)


def _close(pack: Pack) -> None:
    close = getattr(pack.resources, "close", None)
    if close is not None:
        close()
