"""Open a zip that someone else made without letting it take the memory, the disk or a path.

A lesson pack arrives as a .zip from a trainer, a USB stick or a download. Reading it
must never cost more than a pack can reasonably hold, nor touch anything outside it:

    with BoundedZip(Path("demo.zip")) as archive:     # the table of contents is checked here
        archive.names()                               # ["pack.toml", "lessons/01.toml", ...]
        data = archive.read("pack.toml")              # at most limits.entry_size bytes
        archive.extract_to(Path("/tmp/new-pack"))     # for `coach pack install`

The table of contents is refused as a whole (`ZipRefused`, naming the entry and the
reason) before anything is decompressed when it has:

* more than `limits.entries` entries, an entry larger than `limits.entry_size`, or
  more than `limits.total_size` bytes in all (the sizes the zip declares: Python's
  zipfile never returns more bytes than declared, and `read` checks again);
* an entry that expands more than `limits.ratio` times (a "zip bomb": 1 MB that
  becomes gigabytes) once it is larger than `limits.ratio_floor` bytes;
* an absolute path ("/etc/x", "C:/x", "\\\\server\\x"), a path that climbs out
  (".."), a NUL or other control character in a name, two entries with the
  same path, a symbolic link, a device or other special file, or an encrypted entry.

What macOS Finder adds to an archive (`__MACOSX/`, `._name` resource forks,
`.DS_Store`) is skipped, not refused: such a zip is valid (`is_platform_litter`).

Nothing here imports Qt or knows about packs beyond these bounds; coach.packs.resources
reads packs through it, and the pack installer extracts through it.
"""

from __future__ import annotations

import os
import stat
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

MiB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """The most a zip may hold. The defaults are far above any real lesson pack."""

    entries: int = 5_000
    entry_size: int = 32 * MiB
    """One file's uncompressed size (a long recorded audio file fits)."""
    total_size: int = 256 * MiB
    ratio: float = 200.0
    """Uncompressed / compressed size of one entry; text compresses about 5-20 times."""
    ratio_floor: int = 1 * MiB
    """Entries smaller than this are not held to `ratio` (a 10 kB file of spaces is harmless)."""


DEFAULT_LIMITS = ZipLimits()


class ZipRefused(ValueError):
    """The zip breaks a bound or holds an unsafe entry. `entry` names it ("" for the whole zip)."""

    def __init__(self, entry: str, reason: str) -> None:
        super().__init__(f"{entry}: {reason}" if entry else reason)
        self.entry = entry
        self.reason = reason


def is_platform_litter(name: str) -> bool:
    """True for what an archiver adds beside the files: `__MACOSX/...`, `._x`, `.DS_Store`, `Thumbs.db`."""
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    if not parts:
        return False
    return (parts[0] == "__MACOSX" or parts[-1].startswith("._")
            or parts[-1] in (".DS_Store", "Thumbs.db", "desktop.ini"))


def safe_name(name: str) -> str:
    """The entry's path in canonical form ("a//./b" -> "a/b"), or ZipRefused if it is unsafe."""
    shown = printable(name)
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise ZipRefused(shown, "a control character in the name")
    text = name.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        raise ZipRefused(shown, "an absolute path")
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    if ".." in parts:
        raise ZipRefused(shown, "a path that leaves the archive")
    if not parts:
        raise ZipRefused(shown, "an empty name")
    return "/".join(parts)


def printable(name: str, limit: int = 120) -> str:
    """`name` fit for a message: control and unencodable characters escaped, at most `limit` characters."""
    text = name.encode("utf-8", "backslashreplace").decode("utf-8")
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(info: zipfile.ZipInfo) -> str | None:
    """Why this entry is not a plain file or folder, or None. Only Unix-made zips carry a mode."""
    if info.create_system != 3:
        return None
    mode = info.external_attr >> 16
    if stat.S_IFMT(mode) == 0 or stat.S_ISREG(mode) or stat.S_ISDIR(mode):  # Python writes 0o600 alone
        return None
    return "a symbolic link" if stat.S_ISLNK(mode) else "a special file (device, pipe or socket)"


def check_contents(infos: list[zipfile.ZipInfo], limits: ZipLimits = DEFAULT_LIMITS) -> dict[str, zipfile.ZipInfo]:
    """The zip's files by canonical path (folders and platform litter left out), or ZipRefused."""
    if len(infos) > limits.entries:
        raise ZipRefused("", f"{len(infos)} entries, more than the {limits.entries} allowed")
    files: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if is_platform_litter(info.filename):
            continue
        name = safe_name(info.filename)
        shown = printable(info.filename)
        kind = _kind(info)
        if kind is not None:
            raise ZipRefused(shown, kind)
        if info.flag_bits & 0x1:
            raise ZipRefused(shown, "an encrypted entry")
        if info.is_dir():
            continue
        if name in files:
            raise ZipRefused(shown, "two entries with the same path")
        if info.file_size > limits.entry_size:
            raise ZipRefused(shown, f"{info.file_size} bytes once unpacked, more than the "
                                    f"{limits.entry_size} allowed for one file")
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise ZipRefused(shown, f"expands {info.file_size // max(info.compress_size, 1)} times "
                                    f"(a zip bomb?); at most {limits.ratio:g} is allowed")
        total += info.file_size
        if total > limits.total_size:
            raise ZipRefused("", f"more than {limits.total_size} bytes once unpacked")
        files[name] = info
    return files


class BoundedZip:
    """A zip opened for reading within `limits`; safe to share between threads.

    Raises ZipRefused (see the module), zipfile.BadZipFile or OSError when opened.
    """

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        self._lock = threading.Lock()
        self._zip = zipfile.ZipFile(self.path)
        try:
            self._files = check_contents(self._zip.infolist(), limits)
        except BaseException:
            self._zip.close()
            raise

    def names(self) -> list[str]:
        """Every file's canonical path, in the archive's order."""
        return list(self._files)

    def has(self, name: str) -> bool:
        return name in self._files

    def size(self, name: str) -> int | None:
        """The declared uncompressed size of `name`, or None when there is no such file."""
        info = self._files.get(name)
        return None if info is None else info.file_size

    def read(self, name: str) -> bytes:
        """The bytes of file `name` (a canonical path); FileNotFoundError, ZipRefused or BadZipFile.

        Reads at most the declared size plus one byte, so a lying header cannot make
        it return more than the bounds checked at opening.
        """
        info = self._files.get(name)
        if info is None:
            raise FileNotFoundError(f"{self.path}: no {name!r} in the archive")
        with self._lock:
            with self._zip.open(info) as stream:
                data = stream.read(min(info.file_size, self.limits.entry_size) + 1)
        if len(data) > info.file_size:
            raise ZipRefused(printable(name), "holds more than its declared size")
        return data

    def extract_to(self, folder: Path) -> list[Path]:
        """Write every file under `folder` (made if missing) and return their paths.

        Files are written as plain files with the process's default mode; nothing is
        ever written outside `folder`, whatever the names (they were checked at opening).
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        root = folder.resolve()
        written = []
        for name in self._files:
            target = root.joinpath(*name.split("/"))
            if not target.resolve().is_relative_to(root):  # a folder of the same name made earlier
                raise ZipRefused(printable(name), "a path that leaves the archive")
            target.parent.mkdir(parents=True, exist_ok=True)
            data = self.read(name)
            with open(target, "xb") as stream:
                stream.write(data)
            written.append(target)
        return written

    def close(self) -> None:
        with self._lock:
            self._zip.close()

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"BoundedZip({os.fspath(self.path)!r})"
