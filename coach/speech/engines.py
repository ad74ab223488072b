"""Which speech engines the child starts, and which espeak-ng library pyttsx3 loads.

Imported by the child process only (it imports pyttsx3 lazily, inside functions).

The system's engine speaks first where it has a voice (SAPI5 on Windows, the macOS
voices); espeak-ng covers every other language. espeak-ng comes from the
`espeakng-loader` wheel where one exists for the machine (Linux x86-64, Windows x86-64,
macOS arm64): it bundles libespeak-ng 1.52 with its data, which speaks Tigrinya
(Debian 12's 1.51 does not) and needs no system package on Windows or macOS. Elsewhere,
or when the wheel is missing or broken, pyttsx3 loads the system's libespeak-ng.

pyttsx3's espeak driver binds libespeak-ng when `pyttsx3.drivers._espeak` is first
imported: `load_library()` tries fixed names (`libespeak-ng.so.1`, Homebrew's
dylib, `C:\\Program Files\\eSpeak NG\\…`) with `ctypes.cdll.LoadLibrary` and binds every
function to the first that opens. `use_bundled_espeak` imports that module once with
`LoadLibrary` answering the bundled library's path, and points `ESPEAK_DATA_PATH` at
the bundled data (espeak-ng reads it when pyttsx3 calls `espeak_Initialize` with no
path). Everything else — voices, synthesis to WAV, the word events — is pyttsx3's own.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("coach.speech.child")

ESPEAK = "espeak"
SYSTEM_DRIVERS = {"win32": "sapi5", "darwin": "nsss"}
"""pyttsx3's driver for the system's own voices; Linux has none but espeak-ng."""


@dataclass(frozen=True)
class EspeakLibrary:
    """The libespeak-ng that pyttsx3's espeak driver is bound to."""

    source: str
    """"espeakng-loader" (the bundled 1.52 and its data) or "system"."""
    path: str
    version: str
    """As the library reports it (`espeak_Info`), such as "1.52.0"; "" when unknown."""


def driver_names(environ: dict[str, str] | None = None, platform: str | None = None) -> list[str]:
    """pyttsx3 drivers to start, best voices first.

    `COACH_SPEECH_DRIVER` (a comma-separated list such as "espeak" or "sapi5,espeak")
    overrides the platform's choice: the system driver, then espeak-ng.
    """
    environ = dict(os.environ) if environ is None else environ
    chosen = [name.strip() for name in environ.get("COACH_SPEECH_DRIVER", "").split(",") if name.strip()]
    if chosen:
        return list(dict.fromkeys(chosen))
    system = SYSTEM_DRIVERS.get(platform or sys.platform)
    return [system, ESPEAK] if system else [ESPEAK]


def bundled_espeak_paths() -> tuple[Path, Path] | None:
    """(library, data folder) of the espeakng-loader wheel, or None when it is not installed or incomplete."""
    try:
        import espeakng_loader
    except ImportError:
        return None
    try:
        library, data = Path(espeakng_loader.get_library_path()), Path(espeakng_loader.get_data_path())
    except Exception as exc:  # the package's own checks (its data folder is missing)
        log.warning("espeakng-loader is installed but unusable (%s): using the system's espeak-ng", exc)
        return None
    if not library.is_file() or not (data / "phontab").is_file():
        log.warning("espeakng-loader lacks %s or its data: using the system's espeak-ng", library)
        return None
    return library, data


_loaded: EspeakLibrary | None = None


def load_espeak() -> EspeakLibrary:
    """Bind pyttsx3's espeak driver to the bundled libespeak-ng if there is one, else the system's.

    Call before `pyttsx3.init("espeak")`; later calls answer the library already bound.
    Raises what pyttsx3 raises when no libespeak-ng can be loaded at all.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    bundled = bundled_espeak_paths()
    if bundled is not None and "pyttsx3.drivers._espeak" not in sys.modules:
        try:
            _loaded = _bind_bundled(*bundled)
            return _loaded
        except Exception as exc:
            sys.modules.pop("pyttsx3.drivers._espeak", None)
            log.warning("cannot load the bundled espeak-ng %s (%s): using the system's", bundled[0], exc)
    from pyttsx3.drivers import _espeak

    _loaded = EspeakLibrary("system", str(getattr(_espeak.dll, "_name", "")), _version(_espeak))
    return _loaded


def _bind_bundled(library: Path, data: Path) -> EspeakLibrary:
    ctypes.CDLL(str(library))  # fails here, clearly, if the library cannot load on this machine
    loader = ctypes.cdll
    original = loader.LoadLibrary

    def load_bundled(name: str) -> ctypes.CDLL:
        return original(str(library))

    os.environ["ESPEAK_DATA_PATH"] = str(data.parent)  # espeak-ng looks for <this>/espeak-ng-data
    loader.LoadLibrary = load_bundled  # type: ignore[method-assign]
    try:
        from pyttsx3.drivers import _espeak
    finally:
        loader.LoadLibrary = original  # type: ignore[method-assign]
    return EspeakLibrary("espeakng-loader", str(library), _version(_espeak))


def _version(espeak_module: object) -> str:
    try:
        raw = espeak_module.Info(None)  # type: ignore[attr-defined]
    except Exception:
        return ""
    return raw.decode("ascii", errors="replace") if isinstance(raw, bytes) else str(raw or "")
