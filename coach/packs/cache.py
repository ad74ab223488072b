"""A persistent cache of pack load results, so the library opens without re-reading packs.

Reading 100 packs of 20 lessons in 10 languages means parsing about 2,000 TOML files
and 900 gettext catalogs: seconds. Packs rarely change, so `load_library` keeps what
loading each pack gave in one file per pack under `default_cache_dir()` and reuses it
while the pack is unchanged.

An entry is used only when all of these are exactly what they were when it was
written, otherwise the pack is loaded normally and the entry rewritten:

* the pack's fingerprint: for a folder, every file's path inside the pack, size,
  modification and change times (ns) and inode; for a .zip, the same for the zip;
* the location as given and as an absolute path, and whether the pack is built in;
* Coach's version, the pack format version, the step kinds registered, Python's
  version, and the size and times of the code that reads packs (so a developer's
  edit to the readers, or a Babel upgrade, empties the cache too).

A pack whose files changed in the last `RACY_SECONDS` is not stored: a change within
the file system's timestamp granularity could otherwise go unseen ("racy" files, as
git calls them). Valid packs are stored with their warnings; broken packs with their
problems only, so a broken pack (a zip bomb, a pathological file) costs its full
check once, not at every start, and is read again as soon as one of its files changes.

The cache never makes loading fail: a missing, truncated, corrupt or foreign file, or a
folder that cannot be written, only means a normal load. Files are written to a
temporary name and moved into place with `os.replace`, so a reader never sees half a
file. Entries are JSON data (coach.packs.cache_codec), never pickles: the cache folder
may be on a shared stick (`COACH_HOME`), and whoever writes there must not be able to
run code in Coach. The cache holds pack contents only, never client data.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType

from coach.digests import blake2b_hex
from coach.domain.pack import Catalog, Pack, Resources, Step
from coach.domain.problems import Problem
from coach.packs import cache_codec as codec
from coach.packs.cache_keys import MAGIC, Fingerprint, environment, fingerprint
from coach.paths import app_dirs

log = logging.getLogger(__name__)

SUFFIX = ".json"
RACY_SECONDS = 2.0
"""Packs with a file changed more recently than this are loaded but not stored."""
MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""A larger entry is neither written nor read (a planted huge file is a miss, not a stall)."""


def default_cache_dir() -> Path:
    """Where the application keeps the pack cache: `app_dirs().cache / "packs"` (honours COACH_HOME)."""
    return app_dirs().cache / "packs"


@dataclass(frozen=True)
class Entry:
    """What loading a pack gave, in the form stored: enough to rebuild its LoadResult.

    For a valid pack, the pack without its open resources and without its catalogs;
    each catalog is kept as the bytes of its section (`CatalogBlob`) over the pack's
    shared message keys (`keys`, bytes too), and turned back into a `Catalog` only
    when its language is first asked for. For a broken pack (`pack` None), only its
    problems: the verdict is remembered while its files are unchanged.
    """

    pack: Pack | None
    problems: tuple[Problem, ...]
    pack_id: str | None
    manifest_id_line: int | None
    keys: bytes = b"[]"
    catalogs: tuple[CatalogBlob, ...] = ()

    @classmethod
    def of(cls, pack: Pack | None, problems: tuple[Problem, ...], pack_id: str | None,
           manifest_id_line: int | None) -> Entry:
        if pack is None:
            return cls(None, problems, pack_id, manifest_id_line)
        index: dict[tuple[str, str], int] = {}
        blobs = []
        for catalog in pack.catalogs.values():
            indices = [index.setdefault(key, len(index)) for key in catalog.messages]
            values = list(catalog.messages.values())
            blobs.append(CatalogBlob(catalog.language, catalog.reviewed, codec.dumps([indices, values])))
        stored = replace(pack, resources=_NotOpened(), catalogs={})
        return cls(stored, problems, pack_id, manifest_id_line, codec.dumps([list(k) for k in index]), tuple(blobs))

    def restore(self, resources: Resources, reread: Callable[[str], tuple[Step, ...]] | None = None) -> Pack:
        """The pack again, reading from `resources`, with catalogs and steps decoded on first use.

        `reread(lesson_id)` gives a lesson's steps from the pack's files should the stored
        ones be refused when first read (cache_codec.StoredSteps).
        """
        assert self.pack is not None, "a broken pack has nothing to restore"
        catalogs = LazyCatalogs(self.keys, self.catalogs) if self.catalogs else {}
        if reread is not None:
            for lesson in self.pack.lessons:
                if isinstance(lesson.steps, codec.StoredSteps):
                    lesson.steps.reread = partial(reread, lesson.id)
        return replace(self.pack, resources=resources, catalogs=catalogs)

    def encode(self) -> bytes:
        """The body line and the sections (see coach.packs.cache_codec)."""
        sections = [self.keys, *(blob.data for blob in self.catalogs)]
        offsets = []
        position = 0
        for section in sections:
            offsets.append([position, len(section)])
            position += len(section)
        body = {
            "pack": None if self.pack is None else codec.encode_pack(self.pack),
            "problems": [codec.encode_problem(p) for p in self.problems],
            "pack_id": self.pack_id, "manifest_id_line": self.manifest_id_line,
            "keys": offsets[0],
            "catalogs": [[b.language, b.reviewed, *offsets[i + 1]] for i, b in enumerate(self.catalogs)],
        }
        return codec.dumps(body) + b"\n" + b"".join(sections)

    @classmethod
    def decode(cls, data: bytes) -> Entry:
        """The entry `encode` wrote; cache_codec.Refused (a ValueError) for anything else."""
        line, _, sections = data.partition(b"\n")
        body = codec.loads(line)
        if not isinstance(body, dict):
            raise codec.Refused("the body is an object")

        def section(where: object) -> bytes:
            start, length = (codec.whole(v) for v in codec.items(where))
            if start < 0 or length < 0 or start + length > len(sections):
                raise codec.Refused("a section outside the file")
            return sections[start:start + length]

        pack_id, line_number = body["pack_id"], body["manifest_id_line"]
        if pack_id is not None:
            codec.text(pack_id)
        if line_number is not None:
            codec.whole(line_number)
        blobs = []
        for item in codec.items(body["catalogs"]):
            language, reviewed, start, length = codec.items(item)
            if not isinstance(reviewed, bool):
                raise codec.Refused("reviewed is true or false")
            blobs.append(CatalogBlob(codec.text(language), reviewed, section([start, length])))
        pack = None if body["pack"] is None else codec.decode_pack(body["pack"], _NotOpened())
        return cls(pack, tuple(codec.decode_problem(p) for p in codec.items(body["problems"])),
                   pack_id, line_number, section(body["keys"]), tuple(blobs))


class _NotOpened:
    """The resources of a stored pack: none, until `Entry.restore` opens the pack again."""

    def read_bytes(self, relative_path: str) -> bytes:
        raise RuntimeError("a cached pack must be restored before its files are read")

    def exists(self, relative_path: str) -> bool:
        raise RuntimeError("a cached pack must be restored before its files are read")

    def close(self) -> None:
        """Nothing is open."""


@dataclass(frozen=True)
class CatalogBlob:
    """One stored catalog: its language, review mark, and its section: JSON [key indices, texts]."""

    language: str
    reviewed: bool
    data: bytes

    def decode(self, keys: list[tuple[str, str]]) -> Catalog:
        indices, values = codec.items(codec.loads(self.data))
        texts = [codec.text(value) for value in codec.items(values)]
        messages = dict(zip(map(keys.__getitem__, codec.items(indices)), texts, strict=True))
        return Catalog(self.language, MappingProxyType(messages), reviewed=self.reviewed)


class LazyCatalogs(Mapping[str, Catalog]):
    """A pack's catalogs by language, each decoded the first time it is asked for.

    The library needs one or two languages of each pack at a time; decoding all of
    them for 100 packs would cost time and memory for nothing. Safe to share between
    threads: two threads decoding one language at once get equal catalogs. A section
    that does not decode gives no translations (the source texts), never an exception
    in the middle of a lesson.
    """

    def __init__(self, keys: bytes, blobs: tuple[CatalogBlob, ...]) -> None:
        self._keys_data = keys
        self._keys: list[tuple[str, str]] | None = None
        self._blobs = {blob.language: blob for blob in blobs}
        self._decoded: dict[str, Catalog] = {}

    def _message_keys(self) -> list[tuple[str, str]]:
        if self._keys is None:
            pairs = (codec.items(pair) for pair in codec.items(codec.loads(self._keys_data)))
            self._keys = [(codec.text(context), codec.text(message)) for context, message in pairs]
        return self._keys

    def __getitem__(self, language: str) -> Catalog:
        catalog = self._decoded.get(language)
        if catalog is None:
            blob = self._blobs[language]
            try:
                decoded = blob.decode(self._message_keys())
            except (ValueError, IndexError, TypeError) as exc:
                log.info("a pack cache catalog (%s) cannot be decoded: %s", language, exc)
                decoded = Catalog(language, MappingProxyType({}), reviewed=blob.reviewed)
            catalog = self._decoded.setdefault(language, decoded)
        return catalog

    def __contains__(self, language: object) -> bool:
        return language in self._blobs

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __repr__(self) -> str:
        return f"LazyCatalogs({list(self._blobs)!r})"


class PackCache:
    """The cache folder of one library; every failure is a miss, never an exception."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.environment = environment()
        self.used: set[str] = set()
        self._writable = True

    def _file(self, location: str, builtin: bool) -> tuple[Path, tuple[str, ...]]:
        identity = (location, os.path.abspath(location), "builtin" if builtin else "installed")
        name = blake2b_hex("\0".join(identity).encode("utf-8", "surrogateescape"), digest_size=16)
        self.used.add(name + SUFFIX)
        return self.folder / (name + SUFFIX), identity

    def _header(self, identity: tuple[str, ...], print_: Fingerprint) -> bytes:
        return codec.dumps([MAGIC, self.environment, *identity, print_.digest]) + b"\n"

    def get(self, location: str, builtin: bool, print_: Fingerprint) -> Entry | None:
        """The stored entry for this pack in this state, or None.

        The header is compared byte for byte before anything else is decoded, and
        what follows is data (JSON), decoded with its types checked: a planted,
        foreign or damaged entry is a miss, never code run.
        """
        file, identity = self._file(location, builtin)
        header = self._header(identity, print_)
        try:
            with open(file, "rb") as stream:
                if stream.read(len(header)) != header:
                    return None
                data = stream.read(MAX_ENTRY_BYTES + 1)
        except OSError:
            return None
        if len(data) > MAX_ENTRY_BYTES:
            return None
        try:
            return Entry.decode(data)
        except (ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
            log.debug("ignoring the pack cache entry %s: %s", file, exc)
            return None

    def storable(self, print_: Fingerprint, started_ns: int) -> bool:
        """False when the folder cannot be written, or a file of the pack changed too recently
        (within RACY_SECONDS of `started_ns`, the time the fingerprint was taken) to trust its times."""
        return self._writable and print_.newest_ns <= started_ns - int(RACY_SECONDS * 1e9)

    def put(self, location: str, builtin: bool, print_: Fingerprint, entry: Entry, started_ns: int) -> None:
        """Store `entry` as the pack's state at `print_`, if `storable`."""
        file, identity = self._file(location, builtin)
        if not self.storable(print_, started_ns):
            return
        try:
            data = self._header(identity, print_) + entry.encode()
        except (TypeError, ValueError) as exc:  # an odd value in a pack (an option of a new step kind...)
            log.debug("not caching %s: %s", location, exc)
            return
        if len(data) <= MAX_ENTRY_BYTES:
            self._write(file, data)

    def _write(self, file: Path, data: bytes) -> None:
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=self.folder)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
            os.replace(temporary, file)
            temporary = None
        except OSError as exc:
            self._writable = False  # one failure is enough: do not retry for every pack
            log.info("cannot write the pack cache in %s: %s", self.folder, exc)
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass

    def prune(self) -> None:
        """Remove entries of packs this library no longer has, and stray temporary files."""
        if not self._writable:
            return
        try:
            with os.scandir(self.folder) as entries:
                stale = [e.path for e in entries
                         if e.name.endswith((SUFFIX, ".pickle")) and e.name not in self.used
                         and (not e.name.startswith(".tmp-") or _older_than(e, 3600))]
            for path in stale:
                os.unlink(path)
        except OSError:
            pass


def _older_than(entry: os.DirEntry[str], seconds: float) -> bool:
    try:
        return entry.stat().st_mtime < time.time() - seconds
    except OSError:
        return False
