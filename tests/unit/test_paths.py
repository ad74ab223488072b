"""Where Coach keeps things: COACH_HOME, the per-user folders, and the built-in resources."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from coach import paths
from coach.paths import AppDirs, app_dirs, assets_dir, builtin_packs_dir, locales_dir, resource_dir

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
