"""Where Coach keeps things: data, cache, settings and the built-in resources.

`COACH_HOME` (an environment variable) overrides every writable folder, so tests,
kiosks and portable installs keep everything in one place; platformdirs gives the
usual per-user folders otherwise. On Linux, in a plain environment, those are the XDG
Base Directory folders, worked out here as platformdirs works them out, because
importing platformdirs (its Linux module imports `tempfile`, with `shutil`, `bz2`,
`lzma` and `random`) was about 8 ms of every desk's `coach speak` (docs/performance.md).
For the same reason `pathlib` (with `re`, `urllib.parse` and `ipaddress`, about 8 ms) is
imported by the functions that answer a `Path`, not by this module: `cache_folder` gives
the speech cache's parent as a string without it.
"""

from __future__ import annotations

import os
import sys

from coach.values import Value, set_fields

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "coach"
_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))
_FOLDERS = ("data", "cache", "config", "logs")


class AppDirs(Value):
    """The writable folders of one Coach installation (a frozen value: coach/values.py says why not a dataclass)."""

    __slots__ = ("data", "cache", "config", "logs")
    data: Path
    cache: Path
    config: Path
    logs: Path

    def __init__(self, data: Path, cache: Path, config: Path, logs: Path) -> None:
        set_fields(self, data=data, cache=cache, config=config, logs=logs)

    @property
    def packs(self) -> Path:
        """Installed (non built-in) lesson packs, one folder or .zip each."""
        return self.data / "packs"

    @property
    def records_file(self) -> Path:
        """The desk's records (coach.records.store.records_path; named here so the window's start needs no SQLCipher)."""
        return self.data / "records.db"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"


_XDG_HOMES = (("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config"),
              ("XDG_STATE_HOME", ".local/state"))


def _xdg_folders() -> tuple[str, str, str, str] | None:
    """Linux's per-user folders as platformdirs gives them, when the environment is plain; else None.

    Plain: not Android, HOME absolute, and each XDG_*_HOME unset, empty or absolute.
    Every platformdirs 4 release then answers `$XDG_DATA_HOME/coach` (or
    `$HOME/.local/share/coach`), the same for the cache (`.cache`) and the settings
    (`.config`), and `<state>/coach/log` for the logs (`.local/state`), as the XDG Base
    Directory rules say. Anything else (a relative path, no HOME, Android, another
    system) is left to platformdirs itself (tests/unit/test_paths.py compares both).
    Like platformdirs, this reads os.environ.
    """
    environ = os.environ
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel") or "ANDROID_DATA" in environ:
        return None
    home = environ.get("HOME", "")
    if not os.path.isabs(home):
        return None
    bases = []
    for variable, default in _XDG_HOMES:
        value = environ.get(variable, "")
        if value and not os.path.isabs(value):
            return None
        bases.append(os.path.join(value or os.path.join(home, default), APP_NAME))
    data, cache, config, state = bases
    return data, cache, config, os.path.join(state, "log")


def app_dirs(environ: dict[str, str] | None = None) -> AppDirs:
    """Return the folders to use, honouring `COACH_HOME` when it is set.

    >>> app_dirs({"COACH_HOME": "/tmp/c"}).cache
    PosixPath('/tmp/c/cache')
    """
    from pathlib import Path

    folders = _writable_folders(environ)
    if folders is not None:
        return AppDirs(*(Path(folder) for folder in folders))
    import platformdirs

    return AppDirs(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def _writable_folders(environ: dict[str, str] | None) -> tuple[str, str, str, str] | None:
    """(data, cache, config, logs) from `COACH_HOME` or the plain XDG folders; None: platformdirs must say."""
    env = os.environ if environ is None else environ
    home = env.get("COACH_HOME")
    if home:
        root = os.path.expanduser(home)
        data, cache, config, logs = (os.path.join(root, name) for name in _FOLDERS)
        return data, cache, config, logs
    return _xdg_folders()


def cache_folder(environ: dict[str, str] | None = None) -> str:
    """`app_dirs().cache` as a string, without importing pathlib where no platformdirs is needed (`coach speak`)."""
    folders = _writable_folders(environ)
    return folders[1] if folders is not None else str(app_dirs(environ).cache)


def resource_dir(name: str) -> Path:
    """A read-only resource folder shipped with Coach: lessons, locales or assets.

    An installed wheel carries them in coach/_data/; a source checkout (editable
    install) has them at the top of the repository.
    """
    from pathlib import Path

    package = Path(_PACKAGE_DIR)
    bundled = package / "_data" / name
    if bundled.is_dir():
        return bundled
    return package.parent / name


def builtin_packs_dir() -> Path:
    return resource_dir("lessons")


def locales_dir() -> Path:
    return resource_dir("locales")


def assets_dir() -> Path:
    return resource_dir("assets")
