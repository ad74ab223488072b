"""The speech cache: one WAV file and one JSON sidecar per (engine, voice, rate, text).

    <cache>/speech/<key>.wav    the audio
    <cache>/speech/<key>.json   {"voice": "roa/fr", "duration_ms": 1920, "words": [[0, 7, 40], ...]}

`key` is the SHA-256 of the four values, so the same sentence read by the same voice at
the same speed is synthesised once. Files are written to a temporary name and moved
into place (`os.replace`), the WAV first, so a sidecar is only ever beside a complete
WAV: a lookup trusts an entry whose sidecar reads, and treats anything else as missing.
A lookup refreshes the sidecar's modification time; `trim` removes the entries used
least recently until the folder is under its size cap.

The cache holds lesson texts only. Client data read aloud ("what we recorded about
you") is `private`: synthesised under a random name into `private_dir()`, never
keyed by its text, never looked up, and deleted by the parent as soon as it has read
the audio into memory (`discard_private`); `wipe_private` empties the folder at visit
end, at erasure, when speech stops and when a child starts. Both folders are 0700 and
every file 0600, whatever the umask.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from coach.digests import sha256 as _sha256
from coach.paths import app_dirs
from coach.speech.lazylog import LazyLogger
from coach.speech.protocol import Utterance, WordTiming

log = LazyLogger(__name__)

MAX_CACHE_BYTES = 200 * 1024 * 1024
"""The speech cache's size cap: about 80 hours of 22 kHz mono speech."""


def cache_dir() -> Path:
    """The speech cache folder (created on demand): `app_dirs().cache / "speech"`."""
    return app_dirs().cache / "speech"


def private_dir() -> Path:
    """The folder of private utterances (client data), emptied after each is read."""
    return app_dirs().cache / "speech-private"


def _owner_only_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def private_utterance(synthesised_wav: Path, voice: str, duration_ms: int,
                      words: Iterable[WordTiming]) -> Utterance:
    """The Utterance of a private WAV, left where it was written (in `private_dir()`)."""
    return Utterance(wav=str(synthesised_wav), voice=voice, duration_ms=int(duration_ms), words=tuple(words),
                     cached=False, private=True)


def discard_private(wav: str | Path) -> None:
    """Delete a private utterance's file (once read); only files inside `private_dir()`."""
    path = Path(wav)
    if path.parent.resolve() == private_dir().resolve():
        try:
            path.unlink()
        except OSError:
            pass


def wipe_private() -> int:
    """Delete every private utterance (visit end, erasure, speech stop, child start); how many."""
    folder = private_dir()
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for path in entries:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def cache_key(engine: str, voice: str, rate: float, text: str) -> str:
    """The hex SHA-256 naming the files of one utterance; rate is rounded to 1/1000."""
    material = json.dumps([engine, voice, f"{rate:.3f}", text], ensure_ascii=False)
    return _sha256(material.encode("utf-8")).hexdigest()


def wav_path(key: str, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"{key}.wav"


def sidecar_path(key: str, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"{key}.json"


def lookup(key: str, folder: Path | None = None) -> Utterance | None:
    """The cached utterance for `key` (cached=True), or None when missing or damaged."""
    wav, sidecar = wav_path(key, folder), sidecar_path(key, folder)
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        if not wav.is_file() or wav.stat().st_size <= 44:
            return None
        words = tuple(WordTiming(int(s), int(n), int(t)) for s, n, t in data["words"])
        utterance = Utterance(wav=str(wav), voice=str(data["voice"]), duration_ms=int(data["duration_ms"]),
                              words=words, cached=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.utime(sidecar)  # recently used: trimmed last
    except OSError:
        pass
    return utterance


_NEW_FILE_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _new_file(folder: Path, suffix: str) -> tuple[int, str]:
    """(descriptor, path) of a new owner-only file ".tmp-<random><suffix>" in `folder`, as `tempfile.mkstemp`.

    The same flags and mode as mkstemp (created here or an error, never an existing
    file, 0600), without importing `tempfile`: with `shutil`, `bz2`, `lzma` and `random`
    it is about 3 ms of every `coach speak` (docs/performance.md).
    """
    for _ in range(100):
        path = os.path.join(folder, f".tmp-{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(path, _NEW_FILE_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no unused temporary file name in {folder}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in its folder and a rename: never half a file."""
    fd, tmp = _new_file(path.parent, path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def new_temp_wav(folder: Path | None = None) -> Path:
    """A fresh, empty, owner-only temporary file in the cache folder for an engine to write into."""
    folder = _owner_only_folder(folder or cache_dir())
    fd, tmp = _new_file(folder, ".wav")
    os.close(fd)
    return Path(tmp)


def store(key: str, synthesised_wav: Path, voice: str, duration_ms: int, words: Iterable[WordTiming],
          folder: Path | None = None) -> Utterance:
    """Move a finished WAV into the cache under `key`, write its sidecar; the new Utterance."""
    folder = _owner_only_folder(folder or cache_dir())
    words = tuple(words)
    wav = wav_path(key, folder)
    os.replace(synthesised_wav, wav)
    sidecar = {"voice": voice, "duration_ms": int(duration_ms),
               "words": [[w.start, w.length, w.time_ms] for w in words]}
    atomic_write(sidecar_path(key, folder), json.dumps(sidecar, ensure_ascii=False).encode("utf-8"))
    return Utterance(wav=str(wav), voice=voice, duration_ms=int(duration_ms), words=words, cached=False)


def trim(max_bytes: int = MAX_CACHE_BYTES, folder: Path | None = None) -> int:
    """Delete least recently used entries until the folder holds at most `max_bytes`.

    Also removes orphans (a WAV without sidecar or the reverse) and temporary files
    older than an hour. Returns the number of bytes freed.
    """
    folder = folder or cache_dir()
    if not folder.is_dir():
        return 0
    entries: dict[str, dict[str, os.stat_result]] = {}
    freed = 0
    now = time.time()
    for path in folder.iterdir():
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.name.startswith(".tmp-"):
            if now - stat.st_mtime > 3600:
                freed += _remove(path, stat.st_size)
            continue
        if path.suffix in (".wav", ".json"):
            entries.setdefault(path.stem, {})[path.suffix] = stat
    total = 0
    complete: list[tuple[float, str, int]] = []
    for key, parts in entries.items():
        if len(parts) != 2:
            if all(now - s.st_mtime > 3600 for s in parts.values()):  # not one being written now
                for suffix, stat in parts.items():
                    freed += _remove(folder / f"{key}{suffix}", stat.st_size)
            continue
        size = sum(s.st_size for s in parts.values())
        total += size
        complete.append((parts[".json"].st_mtime, key, size))
    complete.sort()
    for _, key, size in complete:
        if total <= max_bytes:
            break
        _remove(folder / f"{key}.json", 0)  # the sidecar first: the entry is gone at once
        _remove(folder / f"{key}.wav", 0)
        total -= size
        freed += size
    if freed:
        log.info("speech cache: freed %d bytes", freed)
    return freed


def _remove(path: Path, size: int) -> int:
    try:
        path.unlink()
    except OSError:
        return 0
    return size
