"""What a pack cache entry's validity depends on: the pack's files, and Coach's own (coach.packs.cache).

An entry is used only while both are exactly what they were when it was written: the
pack's `fingerprint` (every file's path, size, times and inode), and the `environment`
(Coach's version, the pack format and cache schema, the step kinds registered, Python's
version, and the size and times of the code that reads packs and of Babel's data).
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from coach import __version__
from coach.digests import blake2b_hex
from coach.domain.pack import FORMAT_VERSION
from coach.domain.steps import step_kinds

CACHE_SCHEMA = 5
"""Bump when the layout of an entry changes (2: problems keep a message template and its values;
3: JSON instead of pickles, and broken packs' verdicts; 4: steps keep their exercise and links,
links their countries; 5: a lesson's steps are one JSON text and their count, read when it opens)."""
MAGIC = "coach-pack-cache"
MAX_FILES = 20_000
"""A pack folder with more files than this has no fingerprint (it is read, never cached)."""
_CODE_PACKAGES = ("packs", "domain", "i18n")


@dataclass(frozen=True)
class Fingerprint:
    """The state of a pack's files: a digest, and the newest time of any of them (ns)."""

    digest: str
    newest_ns: int


def _row(relative: str, st: os.stat_result) -> tuple[str, int, int, int, int]:
    return (relative, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _digest(rows: list[tuple[str, int, int, int, int]]) -> str:
    return blake2b_hex(repr(rows).encode("utf-8", "surrogateescape"))


def fingerprint(path: Path) -> Fingerprint | None:
    """The fingerprint of the pack at `path` (folder or .zip); None when it cannot be taken.

    None also for a folder holding a symbolic link to a folder (its files could change
    unseen) and for anything that is neither a folder nor a file.
    """
    try:
        st = os.stat(path)
        if stat.S_ISREG(st.st_mode):
            return Fingerprint(_digest([_row("", st)]), max(st.st_mtime_ns, st.st_ctime_ns))
        if not stat.S_ISDIR(st.st_mode):
            return None
        rows: list[tuple[str, int, int, int, int]] = []
        pending = [("", os.fspath(path))]
        while pending:
            prefix, folder = pending.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((f"{prefix}{entry.name}/", entry.path))
                        continue
                    st = entry.stat()  # follows a link to a file: its target's state counts
                    if not stat.S_ISREG(st.st_mode) or len(rows) >= MAX_FILES:
                        return None
                    rows.append(_row(prefix + entry.name, st))
    except OSError:
        return None
    rows.sort()
    newest = max((max(row[2], row[3]) for row in rows), default=0)
    return Fingerprint(_digest(rows), newest)


def environment() -> str:
    """Everything besides the pack itself that a load result depends on, as one string."""
    parts = [MAGIC, str(CACHE_SCHEMA), __version__, str(FORMAT_VERSION), sys.version,
             *(kind.stable_text() for kind in step_kinds())]
    code = Path(__file__).resolve().parents[1]
    folders = [code / name for name in _CODE_PACKAGES]
    babel = find_spec("babel")
    if babel is not None and babel.origin:
        folders.append(Path(babel.origin).parent / "messages")
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                files = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
        except OSError:
            files = []
        parts += [repr(_row(f"{folder.name}/{name}", st)) for name, st in files]
    return blake2b_hex("\n".join(parts).encode("utf-8", "surrogateescape"))
