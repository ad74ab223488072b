"""Which speech engines the child starts, and which libespeak-ng espeak-ng speaks with.

Imported by the speech child and by `coach speak`; neither imports pyttsx3 for espeak-ng.

The system's engine speaks first where it has a voice (SAPI5 on Windows, the macOS
voices); espeak-ng covers every other language. espeak-ng comes from the
`espeakng-loader` wheel where one exists for the machine (Linux x86-64, Windows x86-64,
macOS arm64): it bundles libespeak-ng 1.52 with its data, which speaks Tigrinya
(Debian 12's 1.51 does not) and needs no system package on Windows or macOS. Elsewhere,
or when the wheel is missing or broken, the system's libespeak-ng is loaded, from the
names pyttsx3's driver tries (`libespeak-ng.so.1`, Homebrew's dylib,
`C:\\Program Files\\eSpeak NG\\…`). The bundled library reads its data from the
folder it is given at its start (espeak_api.py), and `ESPEAK_DATA_PATH` is set to it too. The calls themselves are espeak_api.py's.
"""

from __future__ import annotations

import ctypes
import os
import sys

from coach.speech.lazylog import LazyLogger
from coach.values import Value, set_fields

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

    from coach.speech.espeak_api import EspeakApi

log = LazyLogger("coach.speech.child")

ESPEAK = "espeak"
SYSTEM_DRIVERS = {"win32": "sapi5", "darwin": "nsss"}
"""pyttsx3's driver for the system's own voices; Linux has none but espeak-ng."""


class EspeakLibrary(Value):
    """The libespeak-ng espeak-ng speaks with (a frozen value; its `api` is left out of equality and repr)."""

    __slots__ = ("source", "path", "version", "api")
    source: str
    """"espeakng-loader" (the bundled 1.52 and its data) or "system"."""
    path: str
    version: str
    """As the library reports it (`espeak_Info`), such as "1.52.0"; "" when unknown."""
    api: EspeakApi

    def __init__(self, source: str, path: str, version: str, api: EspeakApi) -> None:
        set_fields(self, source=source, path=path, version=version, api=api)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values()[:3] == other._values()[:3]

    def __hash__(self) -> int:
        return hash(self._values()[:3])

    def __repr__(self) -> str:
        return f"EspeakLibrary(source={self.source!r}, path={self.path!r}, version={self.version!r})"


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


_WHEEL_LIBRARY = {"win32": "espeak-ng.dll", "darwin": "libespeak-ng.dylib"}
"""The library's name in the espeakng-loader wheel (`libespeak-ng.so` elsewhere), as its get_library_path says."""


def _find_spec(name: str) -> ModuleSpec | None:
    """`importlib.util.find_spec(name)` for a top-level module, without importing importlib.util.

    The same lookup (the module's spec if it is imported, else each finder of
    `sys.meta_path` in turn: the path finder, an editable install's finder); importlib.util
    also imports `contextlib`, which nothing else on the path of `coach speak` needs.
    """
    module = sys.modules.get(name)
    if module is not None:
        spec: ModuleSpec | None = getattr(module, "__spec__", None)
        if spec is None:
            raise ValueError(f"{name}.__spec__ is None")
        return spec
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is not None:
            spec = find(name, None)
            if spec is not None:
                return spec
    return None


def bundled_espeak_paths() -> tuple[str, str] | None:
    """(library, data folder) of the espeakng-loader wheel, or None when it is not installed or incomplete.

    The wheel's folder is found without importing the package: its __init__ imports
    `platform` (4 ms of regular expressions at every start of `coach speak` and of the
    speech child) to say what its layout says already: the library and espeak-ng-data
    beside its __init__.py.
    """
    try:
        spec = _find_spec("espeakng_loader")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = next(iter(spec.submodule_search_locations))
    library = os.path.join(folder, _WHEEL_LIBRARY.get(sys.platform, "libespeak-ng.so"))
    data = os.path.join(folder, "espeak-ng-data")
    if not os.path.isfile(library) or not os.path.isfile(os.path.join(data, "phontab")):
        log.warning("espeakng-loader lacks %s or its data: using the system's espeak-ng", library)
        return None
    return library, data


_loaded: EspeakLibrary | None = None


def load_espeak() -> EspeakLibrary:
    """Load the bundled libespeak-ng if there is one, else the system's; later calls answer the same library.

    Raises OSError when no libespeak-ng can be loaded at all.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    from coach.speech.espeak_api import EspeakApi, open_system_library

    bundled = bundled_espeak_paths()
    if bundled is not None:
        library, data = bundled
        try:
            api = EspeakApi(ctypes.CDLL(library), data_folder=os.path.dirname(data))
        except (OSError, AttributeError) as exc:  # not loadable here, or not the library it should be
            log.warning("cannot load the bundled espeak-ng %s (%s): using the system's", library, exc)
        else:
            os.environ["ESPEAK_DATA_PATH"] = os.path.dirname(data)  # espeak-ng looks for <this>/espeak-ng-data
            _loaded = EspeakLibrary("espeakng-loader", library, api.version(), api)
            return _loaded
    api = open_system_library()
    _loaded = EspeakLibrary("system", api.path, api.version(), api)
    return _loaded
