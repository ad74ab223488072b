"""Where Coach keeps things: data, cache, settings and the built-in resources.

`COACH_HOME` (an environment variable) overrides every writable folder, so tests,
kiosks and portable installs keep everything in one place; platformdirs gives the
usual per-user folders otherwise (imported only then: with its `tempfile` and
`typing` it is a few milliseconds of every start of `coach speak`).
"""

from __future__ import annotations

import os
from pathlib import Path

from coach.values import Value, set_fields

APP_NAME = "coach"
_PACKAGE_DIR = Path(__file__).resolve().parent


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


def app_dirs(environ: dict[str, str] | None = None) -> AppDirs:
    """Return the folders to use, honouring `COACH_HOME` when it is set.

    >>> app_dirs({"COACH_HOME": "/tmp/c"}).cache
    PosixPath('/tmp/c/cache')
    """
    env = os.environ if environ is None else environ
    home = env.get("COACH_HOME")
    if home:
        root = Path(home).expanduser()
        return AppDirs(root / "data", root / "cache", root / "config", root / "logs")
    import platformdirs

    return AppDirs(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resource_dir(name: str) -> Path:
    """A read-only resource folder shipped with Coach: lessons, locales or assets.

    An installed wheel carries them in coach/_data/; a source checkout (editable
    install) has them at the top of the repository.
    """
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / name


def builtin_packs_dir() -> Path:
    return resource_dir("lessons")


def locales_dir() -> Path:
    return resource_dir("locales")


def assets_dir() -> Path:
    return resource_dir("assets")
