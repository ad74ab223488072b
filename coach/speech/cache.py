"""The speech cache: one WAV file and one sidecar per (engine, voice, rate, text).

    <cache>/speech/<key>.wav     the audio
    <cache>/speech/<key>.words   "coach-speech 2", the voice, the duration in ms, then one
                                 "start length time_ms" line per word: the words' timings

`key` is the SHA-256 of the four values, so the same sentence read by the same voice at
the same speed is synthesised once. Files are written to a temporary name and moved
into place (`os.replace`), the WAV first, so a sidecar is only ever beside a complete
WAV: a lookup trusts an entry whose sidecar reads, and treats anything else as missing.
A lookup refreshes the sidecar's modification time; `trim` removes the entries used
least recently until the folder is under its size cap.

The sidecar is lines of text, not JSON, and paths are strings, not `pathlib`: `json`
and `pathlib` both import `re` (with `enum`), and `pathlib` `urllib.parse` and
`ipaddress` too: about 8 ms of each `coach speak`, which is let have twice espeak-ng's
own 10 (docs/performance.md, "`coach speak`"). Before 2026-12 the sidecars were
`<key>.json` under another key: `trim` removes those entries as orphans.

The cache holds lesson texts only. Client data read aloud ("what we recorded about
you") is `private`: synthesised under a random name into `private_dir()`, never
keyed by its text, never looked up, and deleted by the parent as soon as it has read
the audio into memory (`discard_private`); `wipe_private` empties the folder at visit
end, at erasure, when speech stops and when a child starts. Both folders are 0700 and
every file 0600, whatever the umask.
"""

from __future__ import annotations

import os
import time
from stat import S_ISREG

from coach.digests import sha256 as _sha256
from coach.paths import cache_folder
from coach.speech.lazylog import LazyLogger
from coach.speech.protocol import Utterance, WordTiming

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TypeAlias

    StrPath: TypeAlias = str | os.PathLike[str]

log = LazyLogger(__name__)

MAX_CACHE_BYTES = 200 * 1024 * 1024
"""The speech cache's size cap: about 80 hours of 22 kHz mono speech."""
SIDECAR = ".words"
"""The suffix of an entry's sidecar (voice, duration, word timings)."""
SIDECAR_FORMAT = "coach-speech 2"
"""The sidecar's first line."""


def cache_dir() -> str:
    """The speech cache folder (created on demand): `app_dirs().cache / "speech"`."""
    return os.path.join(cache_folder(), "speech")


def private_dir() -> str:
    """The folder of private utterances (client data), emptied after each is read."""
    return os.path.join(cache_folder(), "speech-private")


def _owner_only_folder(folder: StrPath) -> str:
    folder = os.fspath(folder)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def private_utterance(synthesised_wav: StrPath, voice: str, duration_ms: int,
                      words: Iterable[WordTiming]) -> Utterance:
    """The Utterance of a private WAV, left where it was written (in `private_dir()`)."""
    return Utterance(wav=os.fspath(synthesised_wav), voice=voice, duration_ms=int(duration_ms), words=tuple(words),
                     cached=False, private=True)


def discard_private(wav: StrPath) -> None:
    """Delete a private utterance's file (once read); only files inside `private_dir()`."""
    path = os.fspath(wav)
    if os.path.realpath(os.path.dirname(path)) == os.path.realpath(private_dir()):
        try:
            os.unlink(path)
        except OSError:
            pass


def wipe_private() -> int:
    """Delete every private utterance (visit end, erasure, speech stop, child start); how many."""
    folder = private_dir()
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        try:
            os.unlink(os.path.join(folder, name))
            removed += 1
        except OSError:
            pass
    return removed


def cache_key(engine: str, voice: str, rate: float, text: str) -> str:
    """The hex SHA-256 naming the files of one utterance; rate is rounded to 1/1000.

    The values are joined by NUL characters, which an engine's name, a voice's id and a
    formatted rate never hold: only the text, last, may, so no two utterances share a key.
    """
    material = "\0".join((engine, voice, f"{rate:.3f}", text))
    return _sha256(material.encode("utf-8")).hexdigest()


def wav_path(key: str, folder: StrPath | None = None) -> str:
    return os.path.join(folder or cache_dir(), f"{key}.wav")


def sidecar_path(key: str, folder: StrPath | None = None) -> str:
    return os.path.join(folder or cache_dir(), f"{key}{SIDECAR}")


def sidecar_text(voice: str, duration_ms: int, words: Iterable[WordTiming]) -> str:
    """What an entry's sidecar holds; ValueError for a voice id that would not read back."""
    if "\n" in voice or "\r" in voice:
        raise ValueError(f"a voice id on two lines: {voice!r}")
    lines = [SIDECAR_FORMAT, voice, str(int(duration_ms))]
    lines.extend(f"{int(w.start)} {int(w.length)} {int(w.time_ms)}" for w in words)
    return "\n".join(lines) + "\n"


def read_sidecar(text: str) -> tuple[str, int, tuple[WordTiming, ...]]:
    """(voice, duration_ms, words) of a sidecar's text; ValueError when it is not one."""
    lines = text.split("\n")
    if len(lines) < 4 or lines[0] != SIDECAR_FORMAT or lines[-1] != "" or not lines[1]:
        raise ValueError("not a speech cache sidecar")
    words = []
    for line in lines[3:-1]:
        start, length, time_ms = line.split(" ")  # ValueError unless three fields
        words.append(WordTiming(int(start), int(length), int(time_ms)))
    return lines[1], int(lines[2]), tuple(words)


def lookup(key: str, folder: StrPath | None = None) -> Utterance | None:
    """The cached utterance for `key` (cached=True), or None when missing or damaged."""
    wav, sidecar = wav_path(key, folder), sidecar_path(key, folder)
    try:
        with open(sidecar, encoding="utf-8") as handle:
            voice, duration_ms, words = read_sidecar(handle.read())
        wav_stat = os.stat(wav)
        if not S_ISREG(wav_stat.st_mode) or wav_stat.st_size <= 44:
            return None
    except (OSError, ValueError):
        return None
    try:
        os.utime(sidecar)  # recently used: trimmed last
    except OSError:
        pass
    return Utterance(wav=wav, voice=voice, duration_ms=duration_ms, words=words, cached=True)


_NEW_FILE_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _new_file(folder: StrPath, suffix: str) -> tuple[int, str]:
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
    raise FileExistsError(f"no unused temporary file name in {os.fspath(folder)}")


def atomic_write(path: StrPath, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in its folder and a rename: never half a file."""
    path = os.fspath(path)
    fd, tmp = _new_file(os.path.dirname(path) or ".", os.path.splitext(path)[1])
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


def new_temp_wav(folder: StrPath | None = None) -> str:
    """A fresh, empty, owner-only temporary file in the cache folder for an engine to write into."""
    fd, tmp = _new_file(_owner_only_folder(folder or cache_dir()), ".wav")
    os.close(fd)
    return tmp


def store(key: str, synthesised_wav: StrPath, voice: str, duration_ms: int, words: Iterable[WordTiming],
          folder: StrPath | None = None) -> Utterance:
    """Move a finished WAV into the cache under `key`, write its sidecar; the new Utterance."""
    folder = _owner_only_folder(folder or cache_dir())
    words = tuple(words)
    text = sidecar_text(voice, duration_ms, words)
    wav = wav_path(key, folder)
    os.replace(synthesised_wav, wav)
    atomic_write(sidecar_path(key, folder), text.encode("utf-8"))
    return Utterance(wav=wav, voice=voice, duration_ms=int(duration_ms), words=words, cached=False)


_PARTS = (".wav", SIDECAR, ".json")
"""The files of an entry, with the JSON sidecars of Coach before 2026-12 (never complete now)."""


def trim(max_bytes: int = MAX_CACHE_BYTES, folder: StrPath | None = None) -> int:
    """Delete least recently used entries until the folder holds at most `max_bytes`.

    Also removes orphans (a WAV without sidecar or the reverse, an entry of the old
    JSON format) and temporary files older than an hour. Returns the number of bytes freed.
    """
    folder = os.fspath(folder or cache_dir())
    try:
        listing = list(os.scandir(folder))
    except OSError:
        return 0
    entries: dict[str, dict[str, os.stat_result]] = {}
    freed = 0
    now = time.time()
    for entry in listing:
        try:
            stat = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if entry.name.startswith(".tmp-"):
            if now - stat.st_mtime > 3600:
                freed += _remove(entry.path, stat.st_size)
            continue
        stem, suffix = os.path.splitext(entry.name)
        if suffix in _PARTS:
            entries.setdefault(stem, {})[suffix] = stat
    total = 0
    complete: list[tuple[float, str, int]] = []
    for key, parts in entries.items():
        if parts.keys() != {".wav", SIDECAR}:
            if all(now - s.st_mtime > 3600 for s in parts.values()):  # not one being written now
                for suffix, stat in parts.items():
                    freed += _remove(os.path.join(folder, f"{key}{suffix}"), stat.st_size)
            continue
        size = sum(s.st_size for s in parts.values())
        total += size
        complete.append((parts[SIDECAR].st_mtime, key, size))
    complete.sort()
    for _, key, size in complete:
        if total <= max_bytes:
            break
        _remove(sidecar_path(key, folder), 0)  # the sidecar first: the entry is gone at once
        _remove(wav_path(key, folder), 0)
        total -= size
        freed += size
    if freed:
        log.info("speech cache: freed %d bytes", freed)
    return freed


def _remove(path: str, size: int) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return size
