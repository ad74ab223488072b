"""Which engines the speech child starts, and where its espeak-ng comes from (no synthesis here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.speech import engines
from coach.speech.protocol import child_command


@pytest.mark.parametrize(("platform", "environ", "expected"), [
    ("linux", {}, ["espeak"]),
    ("win32", {}, ["sapi5", "espeak"]),
    ("darwin", {}, ["nsss", "espeak"]),
    ("win32", {"COACH_SPEECH_DRIVER": "espeak"}, ["espeak"]),
    ("linux", {"COACH_SPEECH_DRIVER": " sapi5, espeak ,espeak"}, ["sapi5", "espeak"]),
    ("linux", {"COACH_SPEECH_DRIVER": " , "}, ["espeak"]),
])
def test_driver_names(platform: str, environ: dict[str, str], expected: list[str]) -> None:
    """The system's voices first, then espeak-ng; COACH_SPEECH_DRIVER overrides, without repeats."""
    assert engines.driver_names(environ, platform) == expected


def test_the_wheel_is_installed_with_its_data() -> None:
    """On this platform (Linux x86-64) dev.sh installs espeakng-loader: a library and espeak-ng-data with Tigrinya."""
    found = engines.bundled_espeak_paths()
    assert found is not None
    library, data = (Path(path) for path in found)
    assert library.is_file() and (data / "phontab").is_file() and (data / "lang" / "sem" / "ti").is_file()


def _hello(env: dict[str, str]) -> dict:
    done = subprocess.run(child_command(), input=b'{"id": 1, "op": "hello"}\n', capture_output=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[0])


@pytest.mark.parametrize("broken", [
    "raise ImportError('not here')\n",
    "def get_library_path():\n    return '/nowhere/libespeak-ng.so'\n"
    "def get_data_path():\n    raise RuntimeError('data path not exists')\n",
])
def test_without_a_usable_wheel_the_system_espeak_speaks(tmp_path: Path, broken: str) -> None:
    """A missing or broken espeakng-loader is logged, and the system's libespeak-ng is used instead."""
    shim = tmp_path / "shim" / "espeakng_loader"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(broken)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shim.parent), *sys.path]),
           "COACH_HOME": str(tmp_path / "home")}
    hello = _hello(env)
    assert hello["engine"] == "espeak"
    assert [e["name"] for e in hello["engines"]] == ["espeak"]
    assert "(system)" in hello["engines"][0]["detail"]


def test_with_the_wheel_the_bundled_espeak_speaks(tmp_path: Path) -> None:
    """The child reports espeak-ng 1.52 from espeakng-loader, with word timings."""
    hello = _hello({**os.environ, "COACH_HOME": str(tmp_path / "home")})
    assert hello["engines"] == [{"name": "espeak", "detail": "espeak-ng 1.52.0 (espeakng-loader)", "words": "yes"}]
