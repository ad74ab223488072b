"""The .coachpack file: one versioned zip of a pack, with the SHA-256 of every file.

    coach pack build centre-social        -> centre-social-1.2.0.coachpack

Inside, the pack's files sit at the zip's root (pack.toml, lessons/…, pictures/…,
locales/…) beside `coachpack.json`, written first:

    {"coachpack": 1, "id": "centre-social", "version": "1.2.0",
     "files": {"pack.toml": {"size": 412, "sha256": "9f86d0…"}, …}}

Installing checks every entry against that list (docs/pack-format.md, "Sharing a
pack"). A build is reproducible: the same files give the same bytes (sorted entries,
fixed times). Hidden files and compiled `.mo` catalogs (Coach reads the `.po` files)
stay out; a symbolic link is refused, since it could point anywhere.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from coach.domain.problems import Problem
from coach.packs.loader import load_pack

ARCHIVE_MANIFEST = "coachpack.json"
ARCHIVE_FORMAT = 1
SUFFIX = ".coachpack"
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)
_LEFT_OUT_SUFFIXES = (".mo", ".coachpack", ".pyc")
_LEFT_OUT_NAMES = frozenset({"__pycache__", "Thumbs.db", "desktop.ini"})
_VERSION = re.compile(r"^(\d+)(?:\.(\d+))*$")


class BuildError(ValueError):
    """The pack cannot be built, with the reason in plain words."""


def parse_version(text: str) -> tuple[int, ...] | None:
    """(1, 2, 0) for "1.2.0"; None when `text` is not numbers separated by dots."""
    if not _VERSION.match(text or ""):
        return None
    return tuple(int(part) for part in text.split("."))


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version `a` is older than, the same as, or newer than `b` ("1.10" > "1.9")."""
    left, right = parse_version(a), parse_version(b)
    if left is None or right is None:
        raise ValueError(f"cannot compare versions {a!r} and {b!r}")
    width = max(len(left), len(right))
    left, right = left + (0,) * (width - len(left)), right + (0,) * (width - len(right))
    return (left > right) - (left < right)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shipped_files(folder: Path) -> list[str]:
    """The pack paths that go into the archive, sorted; raises BuildError for a link."""
    found: list[str] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        parts = relative.parts
        if any(part.startswith(".") or part in _LEFT_OUT_NAMES for part in parts):
            continue
        if path.is_symlink():
            raise BuildError(f"{path} is a symbolic link; copy the file itself into the pack")
        if path.is_file() and not path.name.endswith(_LEFT_OUT_SUFFIXES):
            found.append(relative.as_posix())
    return found


@dataclass(frozen=True)
class Built:
    """A pack archive written: where, for which pack, and the problems found (warnings only)."""

    path: Path
    pack_id: str
    version: str
    files: int
    warnings: tuple[Problem, ...]


def archive_bytes(folder: Path, pack_id: str, version: str) -> tuple[bytes, int]:
    """The .coachpack of the pack files in `folder`, and how many files it holds."""
    names = shipped_files(folder)
    contents = {name: (folder / name).read_bytes() for name in names}
    listing = {
        "coachpack": ARCHIVE_FORMAT, "id": pack_id, "version": version,
        "files": {name: {"size": len(data), "sha256": sha256(data)} for name, data in contents.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in [(ARCHIVE_MANIFEST, json.dumps(listing, indent=1, sort_keys=True).encode()),
                           *contents.items()]:
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, readable by all
            archive.writestr(info, data)
    return buffer.getvalue(), len(names)


def build(folder: Path, out: Path | None = None) -> Built:
    """Check the pack in `folder` fully and write its .coachpack (default: ID-VERSION.coachpack beside it).

    Raises BuildError when the pack has errors (they are in the message), its version
    is not numbers and dots, or a file is a link.
    """
    if not folder.is_dir():
        raise BuildError(f"{folder} is not a pack folder")
    result = load_pack(folder, deep=True)
    if result.pack is None:
        lines = "\n".join(str(p) for p in result.errors)
        raise BuildError(f"{lines}\n{folder}: not built: fix the errors above first")
    pack = result.pack
    pack.resources.close()
    if parse_version(pack.version) is None:
        raise BuildError(f'{folder}/pack.toml: version "{pack.version}" must be numbers and dots, like "1.2.0", '
                         "so that Coach can tell a newer version from an older one")
    data, count = archive_bytes(folder, pack.id, pack.version)
    target = out or folder.resolve().parent / f"{pack.id}-{pack.version}{SUFFIX}"
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    partial.replace(target)
    return Built(target, pack.id, pack.version, count, result.warnings)


def build_command(path: str, out: str | None, stream: TextIO) -> int:
    """`coach pack build DIR [--out FILE]`: print the warnings and what was written. 0 or 1."""
    try:
        built = build(Path(path), Path(out) if out else None)
    except (BuildError, OSError) as exc:
        print(exc, file=stream)
        return 1
    for problem in built.warnings:
        print(problem, file=stream)
    print(f"wrote {built.path}: {built.pack_id} version {built.version}, {built.files} files", file=stream)
    return 0
