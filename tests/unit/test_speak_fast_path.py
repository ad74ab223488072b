"""`coach speak` without argparse: which command lines take the fast path, and what it imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import speak_arguments


@pytest.mark.parametrize(("argv", "expected"), [
    (["speak", "--lang", "fr", "--text", "Bonjour", "--out", "a.wav"], ("fr", "Bonjour", "a.wav", False)),
    (["speak", "--out=a.wav", "--slow", "--text=-5 degrés", "--lang=ar"], ("ar", "-5 degrés", "a.wav", True)),
    (["speak", "--text", "", "--lang", "fr", "--out", "a.wav"], ("fr", "", "a.wav", False)),
    (["speak", "--text", "a=b", "--lang", "fr", "--out", "a.wav"], ("fr", "a=b", "a.wav", False)),
])
def test_plain_command_lines_take_the_fast_path(argv: list[str], expected: tuple[str, str, str, bool]) -> None:
    """Each option once, in full, in any order, `--opt value` or `--opt=value`; --slow anywhere."""
    assert speak_arguments(argv) == expected


@pytest.mark.parametrize("argv", [
    [],
    ["voices"],
    ["--lang", "fr", "speak", "--lang", "fr", "--text", "x", "--out", "a.wav"],  # a global option first
    ["speak", "--lang", "fr", "--text", "x"],  # --out missing
    ["speak", "--lang", "fr", "--text", "x", "--out"],  # its value missing
    ["speak", "--lang", "fr", "--lang", "de", "--text", "x", "--out", "a.wav"],  # repeated
    ["speak", "--slow", "--slow", "--lang", "fr", "--text", "x", "--out", "a.wav"],
    ["speak", "--la", "fr", "--text", "x", "--out", "a.wav"],  # an abbreviation
    ["speak", "--lang", "fr", "--text", "-x", "--out", "a.wav"],  # a value that looks like an option
    ["speak", "--lang", "fr", "--text", "x", "--out", "a.wav", "extra"],
    ["speak", "--help"],
    ["speak", "--slow=yes", "--lang", "fr", "--text", "x", "--out", "a.wav"],
])
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert speak_arguments(argv) is None


def test_argparse_still_answers_what_the_fast_path_leaves(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing option: argparse's own usage message and status 2."""
    from coach.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["speak", "--lang", "fr", "--text", "x"])
    assert stopped.value.code == 2
    assert "the following arguments are required: --out" in capsys.readouterr().err


_PROBE = """
import io, sys
from coach.cli import main
stdout, sys.stdout = sys.stdout, io.StringIO()  # not contextlib.redirect_stdout: contextlib is checked for below
status = main(["speak", "--lang", "fr", "--text", "Bonjour.", "--out", sys.argv[1]])
sys.stdout = stdout
modules = sorted(sys.modules)
import json  # only now: it is one of the modules checked for
print(json.dumps({"status": status, "modules": modules}))
"""

_NEVER = ("argparse", "babel", "PySide6", "pyttsx3", "espeakng_loader", "platform", "_hashlib", "coach.ui",
          "coach.packs", "dataclasses", "inspect", "typing", "logging", "tempfile", "platformdirs", "contextlib",
          "importlib.util", "coach.i18n.languages")
_NOT_IN_ENGLISH = ("re", "enum", "pathlib", "json", "urllib.parse", "ipaddress", "gettext", "coach.speech.cache",
                   "coach.digests", "coach.speech.words", "unicodedata", "_blake2")
"""What the WAV needs none of; its line needs `gettext` (with `re`) only when it is translated."""


@pytest.mark.integration
@pytest.mark.parametrize("language", ["fr", "C"])
def test_the_fast_path_imports_only_what_speaking_needs(tmp_path: Path, language: str) -> None:
    """No argparse, no Babel, no Qt, no pyttsx3, no espeakng_loader's `platform`, no OpenSSL; and none of the
    modules that cost milliseconds without being needed: dataclasses (inspect), typing, logging, tempfile, platformdirs
    (COACH_HOME is set), contextlib, importlib.util, the language registry. With its line in English, not even
    `re` (with `enum`), `pathlib` (with `urllib.parse` and `ipaddress`) or `json`, and nothing of the speech cache:
    espeak-ng's WAV is written straight to the file asked for."""
    env = {**os.environ, "COACH_HOME": str(tmp_path / "home"), "LANGUAGE": language}
    for _ in range(2):  # the first run builds the language table (with Babel) and compiles the catalog
        done = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path / "a.wav")], capture_output=True,
                              text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == 0 and (tmp_path / "a.wav").stat().st_size > 44
    imported = set(result["modules"])
    for module in _NEVER + (_NOT_IN_ENGLISH if language == "C" else ()):
        assert module not in imported, module
    assert not (tmp_path / "home" / "cache" / "speech").exists()


_SCRIPT = """
import sys
from coach.cli import run
sys.argv = ["coach", *sys.argv[1:]]
sys.exit(run())
"""


@pytest.mark.integration
def test_the_script_entry_point_ends_speak_early_with_every_line_and_status(tmp_path: Path) -> None:
    """`run` (the `coach` script) ends the plain `coach speak` with os._exit: its line and status still arrive,
    through a pipe (block-buffered), for a success and a failure alike."""
    env = {**os.environ, "COACH_HOME": str(tmp_path / "home"), "LANGUAGE": "C"}
    out = tmp_path / "a.wav"
    said = subprocess.run([sys.executable, "-c", _SCRIPT, "speak", "--lang", "fr", "--text", "Bonjour.", "--out",
                           str(out)], capture_output=True, text=True, env=env, timeout=60)
    assert (said.returncode, said.stderr) == (0, "")
    assert said.stdout.startswith(f"{out}: ") and said.stdout.endswith(", voice roa/fr\n")
    assert out.stat().st_size > 44
    failed = subprocess.run([sys.executable, "-c", _SCRIPT, "speak", "--lang", "fr", "--text", "Bonjour.", "--out",
                             str(tmp_path / "missing" / "a.wav")], capture_output=True, text=True, env=env,
                            timeout=60)
    assert failed.returncode == 1 and failed.stderr.startswith("coach speak: cannot write ")
    assert failed.stderr.count("\n") == 1, failed.stderr  # the message alone: no traceback of a half-made writer
