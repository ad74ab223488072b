"""Read the files of a pack, whether it is a folder or a .zip, without leaving the pack.

Paths inside a pack are always written with "/" and relative to the pack's root
(the folder holding pack.toml). A path that is absolute or climbs out with ".."
is refused with `UnsafePathError`, so a pack can never make Coach read other files.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from coach.packs.bounded_zip import DEFAULT_LIMITS, BoundedZip, ZipLimits

MANIFEST = "pack.toml"


class UnsafePathError(ValueError):
    """A pack path that is absolute or leaves the pack (for example "../x.png")."""


class NotAPackError(ValueError):
    """The location holds no pack.toml (neither at its root nor in one top folder)."""


def clean_path(relative_path: str) -> str:
    """`relative_path` in canonical form ("./a//b.png" -> "a/b.png"), or UnsafePathError.

    >>> clean_path("pictures/./home.png")
    'pictures/home.png'
    """
    text = relative_path.replace("\\", "/")
    if not text or text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        raise UnsafePathError(f"{relative_path!r} is not a path inside the pack")
    parts = [part for part in PurePosixPath(text).parts if part not in ("", ".")]
    if not parts or ".." in parts:
        raise UnsafePathError(f"{relative_path!r} points outside the pack")
    return "/".join(parts)


class FolderResources:
    """The files of a pack folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._resolved_root = root.resolve()

    def _path(self, relative_path: str) -> Path:
        path = self.root / clean_path(relative_path)
        # A symbolic link anywhere on the way (a linked "pictures" folder, a linked
        # file) must not lead out of the pack either: the resolved path must be inside.
        if not path.resolve().is_relative_to(self._resolved_root):
            raise UnsafePathError(f"{relative_path!r} points outside the pack")
        return path

    def read_bytes(self, relative_path: str) -> bytes:
        return self._path(relative_path).read_bytes()

    def exists(self, relative_path: str) -> bool:
        try:
            return self._path(relative_path).is_file()
        except (UnsafePathError, OSError):
            return False

    def size(self, relative_path: str) -> int | None:
        """The file's size in bytes from the file system (cheap), or None if absent."""
        try:
            return self._path(relative_path).stat().st_size
        except (UnsafePathError, OSError):
            return None

    def list(self, folder: str) -> list[str]:
        """Files directly inside `folder` of the pack, as pack paths, sorted by name."""
        try:
            directory = self._path(folder)
            return sorted(f"{clean_path(folder)}/{p.name}" for p in directory.iterdir() if p.is_file())
        except (UnsafePathError, OSError):
            return []

    def close(self) -> None:
        """Nothing to release for a folder; present so callers need not care."""

    def __repr__(self) -> str:
        return f"FolderResources({str(self.root)!r})"


class ZipResources:
    """The files of a zipped pack: pack.toml at the zip's root or in its one top folder.

    The zip is opened through `BoundedZip`: its table of contents is checked once
    against `ZipLimits` (sizes, ratio, entry count, links, unsafe paths; `ZipRefused`
    otherwise), Finder's `__MACOSX/` and `._*` files are skipped, and reads are
    serialised so several threads (the UI's picture loader, the speech cache) may share it.
    """

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self._zip = BoundedZip(path, limits)
        names = self._zip.names()
        try:
            self.prefix = _pack_prefix(names)
        except NotAPackError:
            self._zip.close()
            raise
        self._names = {name[len(self.prefix):]: name for name in names if name.startswith(self.prefix)}

    def read_bytes(self, relative_path: str) -> bytes:
        name = self._names.get(clean_path(relative_path))
        if name is None:
            raise FileNotFoundError(f"{self.path}: no {relative_path!r} in the pack")
        return self._zip.read(name)

    def exists(self, relative_path: str) -> bool:
        try:
            return clean_path(relative_path) in self._names
        except UnsafePathError:
            return False

    def size(self, relative_path: str) -> int | None:
        """The file's uncompressed size from the zip's table of contents, or None."""
        try:
            name = self._names.get(clean_path(relative_path))
        except UnsafePathError:
            return None
        return None if name is None else self._zip.size(name)

    def list(self, folder: str) -> list[str]:
        """Files directly inside `folder` of the pack, as pack paths, sorted by name."""
        prefix = clean_path(folder) + "/"
        return sorted(n for n in self._names if n.startswith(prefix) and "/" not in n[len(prefix):])

    def close(self) -> None:
        self._zip.close()

    def __repr__(self) -> str:
        return f"ZipResources({str(self.path)!r})"


PackResources = FolderResources | ZipResources


def _pack_prefix(names: list[str]) -> str:
    """"" when pack.toml is at the zip's root, "folder/" when it is in the one top folder."""
    if MANIFEST in names:
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1:
        top = tops.pop()
        if f"{top}/{MANIFEST}" in names:
            return f"{top}/"
    raise NotAPackError("no pack.toml at the zip's root or in its single top folder")


def open_resources(path: Path) -> PackResources:
    """The resources of the pack at `path` (a folder or a .zip).

    Raises NotAPackError when there is no pack.toml, ZipRefused when the zip breaks
    a bound or holds an unsafe entry, and OSError or zipfile.BadZipFile when it
    cannot be read.
    """
    if path.is_dir():
        if not (path / MANIFEST).is_file():
            raise NotAPackError("no pack.toml")
        return FolderResources(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        return ZipResources(path)
    raise NotAPackError("no pack.toml")
