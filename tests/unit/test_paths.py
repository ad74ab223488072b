"""Where Coach keeps things: COACH_HOME, the per-user folders, and the built-in resources."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from coach import paths
from coach.paths import AppDirs, app_dirs, assets_dir, builtin_packs_dir, cache_folder, locales_dir, resource_dir

REPO = Path(__file__).resolve().parents[2]


def test_coach_home_overrides_every_folder(tmp_path: Path) -> None:
    """With COACH_HOME set, data, cache, config and logs all live under it."""
    dirs = app_dirs({"COACH_HOME": str(tmp_path)})
    assert dirs == AppDirs(tmp_path / "data", tmp_path / "cache", tmp_path / "config", tmp_path / "logs")
    assert dirs.packs == tmp_path / "data" / "packs"
    assert dirs.settings_file == tmp_path / "config" / "settings.json"


def test_coach_home_from_the_environment(coach_home: Path) -> None:
    """app_dirs() without arguments reads COACH_HOME from os.environ."""
    assert app_dirs().data == coach_home / "data"
    assert app_dirs().settings_file == coach_home / "config" / "settings.json"


def test_coach_home_expands_the_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """COACH_HOME=~/x means the x folder in the user's home."""
    monkeypatch.setenv("HOME", str(tmp_path))
    assert app_dirs({"COACH_HOME": "~/portable"}).config == tmp_path / "portable" / "config"


def test_app_dirs_creates_nothing(tmp_path: Path) -> None:
    """Asking where the folders are does not create them."""
    app_dirs({"COACH_HOME": str(tmp_path / "home")})
    assert not (tmp_path / "home").exists()


@pytest.mark.parametrize("environ", [{}, {"COACH_HOME": ""}], ids=["unset", "empty"])
def test_without_coach_home_platformdirs_folders_are_used(environ: dict[str, str]) -> None:
    """Without COACH_HOME (or with it empty) the usual per-user folders of platformdirs are used."""
    dirs = app_dirs(environ)
    assert dirs.data == Path(platformdirs.user_data_dir("coach", appauthor=False))
    assert dirs.cache == Path(platformdirs.user_cache_dir("coach", appauthor=False))
    assert dirs.config == Path(platformdirs.user_config_dir("coach", appauthor=False))
    assert dirs.logs == Path(platformdirs.user_log_dir("coach", appauthor=False))
    assert dirs.packs == dirs.data / "packs"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are a Linux convention")
def test_without_coach_home_xdg_folders_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """On Linux, with COACH_HOME unset, the XDG variables decide where data, cache and config go."""
    monkeypatch.delenv("COACH_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    dirs = app_dirs()
    assert dirs.data == tmp_path / "share" / "coach"
    assert dirs.packs == tmp_path / "share" / "coach" / "packs"
    assert dirs.cache == tmp_path / "cache" / "coach"
    assert dirs.config == tmp_path / "config" / "coach"
    assert dirs.settings_file == tmp_path / "config" / "coach" / "settings.json"
    assert dirs.logs.is_relative_to(tmp_path)


def test_resources_are_found_in_the_source_checkout() -> None:
    """In a source checkout, lessons, locales and assets are the folders at the top of the repository."""
    assert builtin_packs_dir() == REPO / "lessons"
    assert locales_dir() == REPO / "locales"
    assert assets_dir() == REPO / "assets"
    assert (builtin_packs_dir() / "demo" / "pack.toml").is_file()
    assert (locales_dir() / "coach.pot").is_file()


def test_bundled_resources_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An installed wheel's coach/_data/NAME folder is used before the checkout's folder."""
    package = tmp_path / "coach"
    (package / "_data" / "lessons").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert resource_dir("lessons") == package / "_data" / "lessons"
    assert resource_dir("locales") == tmp_path / "locales"


def _platformdirs_folders() -> AppDirs:
    return AppDirs(Path(platformdirs.user_data_dir("coach", appauthor=False)),
                   Path(platformdirs.user_cache_dir("coach", appauthor=False)),
                   Path(platformdirs.user_config_dir("coach", appauthor=False)),
                   Path(platformdirs.user_log_dir("coach", appauthor=False)))


_XDG = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


@pytest.mark.parametrize("variables", [
    {},
    {"XDG_CACHE_HOME": "{tmp}/cache"},
    {"XDG_DATA_HOME": "{tmp}/share/", "XDG_CONFIG_HOME": "{tmp}/config", "XDG_STATE_HOME": "{tmp}/state",
     "XDG_CACHE_HOME": "{tmp}//cache"},
    {"XDG_DATA_HOME": "", "XDG_STATE_HOME": ""},
    {"XDG_CACHE_HOME": "relative/cache"},  # left to platformdirs
    {"XDG_CONFIG_HOME": "   "},  # left to platformdirs
    {"HOME": "{tmp}/home/"},
    {"HOME": "relative-home"},  # left to platformdirs
], ids=["unset", "cache", "all", "empty", "relative", "blank", "home-slash", "relative-home"])
def test_the_folders_are_platformdirs_folders_in_every_environment(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variables: dict[str, str]) -> None:
    """Whether worked out from the XDG rules (a plain Linux environment) or asked of platformdirs, the same folders."""
    monkeypatch.delenv("COACH_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    for name in _XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    assert app_dirs() == _platformdirs_folders()
    assert Path(cache_folder()) == app_dirs().cache  # the speech modules' string, without pathlib


def test_the_cache_folder_string_is_the_cache_folder(tmp_path: Path) -> None:
    for home in (str(tmp_path / "c"), str(tmp_path) + "//c/", "~/coach-home"):
        assert Path(cache_folder({"COACH_HOME": home})) == app_dirs({"COACH_HOME": home}).cache


_PROBE = """
import sys
from coach.paths import app_dirs
print(app_dirs().cache, "platformdirs" in sys.modules)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rules are worked out on Linux only")
def test_a_plain_linux_environment_needs_no_platformdirs(tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items() if name != "COACH_HOME" and not name.startswith("XDG_")}
    env["HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == [str(tmp_path / ".cache" / "coach"), "False"], done.stderr
