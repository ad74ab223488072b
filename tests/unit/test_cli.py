"""The `coach` command line: help, `pack check`, argument errors and `coach screenshot`."""

from __future__ import annotations

import functools
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import build_parser

REPO = Path(__file__).resolve().parents[2]


def coach(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COACH_HOME": str(home), "LANGUAGE": "en"}
    return subprocess.run([sys.executable, "-m", "coach", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)


@functools.cache
def qt_importable() -> bool:
    """Whether PySide6 imports, asked of a child process so this test process stays free of Qt."""
    probe = subprocess.run([sys.executable, "-c", "import PySide6.QtGui, PySide6.QtWidgets"], capture_output=True)
    return probe.returncode == 0


needs_qt = pytest.mark.skipif(not qt_importable(), reason="PySide6 cannot be imported")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG file's IHDR chunk, without any picture library."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


# --- help and pack check ------------------------------------------------------------------


def test_help(coach_home: Path) -> None:
    """`python -m coach --help` exits 0 and lists the run, pack and screenshot commands."""
    result = coach("--help", home=coach_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: coach")
    for command in ("run", "pack", "screenshot"):
        assert command in result.stdout


def test_pack_check_demo(coach_home: Path) -> None:
    """`coach pack check lessons/demo` exits 0 and prints only a one-line summary."""
    result = coach("pack", "check", "lessons/demo", home=coach_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 pack checked: all valid, no warnings.\n"
    assert result.stderr == ""


def test_pack_check_broken_pack_exits_1(coach_home: Path) -> None:
    """A pack with an error gives `file:line: error:` lines, a summary, and exit code 1."""
    result = coach("pack", "check", "tests/data/broken_packs/missing-field", home=coach_home)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("tests/data/broken_packs/missing-field/lessons/01-call.toml:")
    assert ": error: " in lines[0]
    assert lines[-1].startswith("1 pack checked: 1 error")


def test_pack_check_needs_a_path(coach_home: Path) -> None:
    """`coach pack check` with no path is a usage error (exit 2)."""
    result = coach("pack", "check", home=coach_home)
    assert result.returncode == 2
    assert "PATH" in result.stderr


# --- argument errors (no subprocess needed: the parser imports no Qt) ----------------------


def parse_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["screenshot", "--out", "x.png", *args])
    assert exit_info.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("abc", "size must look like 1280x800, not 'abc'"),
        ("800", "size must look like 1280x800, not '800'"),
        ("800x600x2", "size must look like 1280x800, not '800x600x2'"),
        ("wide", "size must look like 1280x800, not 'wide'"),
        ("100x100", "size 100x100 is too small (at least 320x240)"),
        ("800x200", "size 800x200 is too small (at least 320x240)"),
    ],
)
def test_bad_size(capsys: pytest.CaptureFixture[str], size: str, message: str) -> None:
    """A malformed or too small --size is an argparse error (exit 2) saying what is expected."""
    assert f"argument --size: {message}" in parse_error(capsys, "--size", size)


@pytest.mark.parametrize(
    ("scale", "message"),
    [
        ("big", "scale must be a percentage such as 150, not 'big'"),
        ("150.5", "scale must be a percentage such as 150, not '150.5'"),
        ("250", "scale must be between 100 and 200, not 250"),
        ("50%", "scale must be between 100 and 200, not 50"),
    ],
)
def test_bad_scale(capsys: pytest.CaptureFixture[str], scale: str, message: str) -> None:
    """A --scale that is not a percentage from 100 to 200 is an argparse error (exit 2)."""
    assert f"argument --scale: {message}" in parse_error(capsys, "--scale", scale)


def test_good_size_and_scale_spellings() -> None:
    """--size accepts 1280X800 and --scale accepts 150%; the defaults are 1280x800 and 100."""
    args = build_parser().parse_args(["screenshot", "--out", "x.png", "--size", "1024X768", "--scale", "150%"])
    assert (args.size, args.scale) == ((1024, 768), 150)
    args = build_parser().parse_args(["screenshot", "--out", "x.png"])
    assert (args.size, args.scale, args.step, args.lang, args.contrast) == ((1280, 800), 100, 1, "fr", "normal")


def test_bad_size_from_the_command_line(coach_home: Path) -> None:
    """The real command reports a bad --size on stderr with exit code 2."""
    result = coach("screenshot", "--out", "x.png", "--size", "10x10", home=coach_home)
    assert result.returncode == 2
    assert "coach screenshot: error: argument --size: size 10x10 is too small" in result.stderr


# --- coach screenshot ---------------------------------------------------------------------


@needs_qt
def test_screenshot_of_a_step_in_arabic(tmp_path: Path, coach_home: Path) -> None:
    """A step in Arabic is written as an 800x600 PNG, and the desk's settings file is not created."""
    out = tmp_path / "step.png"
    result = coach("screenshot", "--pack", "demo", "--lesson", "unlock-phone", "--step", "2", "--lang", "ar",
                   "--out", str(out), "--size", "800x600", home=coach_home)
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (800, 600)
    assert not (coach_home / "config" / "settings.json").exists()
    assert not list(coach_home.rglob("settings*.json"))


@needs_qt
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # the built-in content packs are listed beside the demo
        (["--pack", "nope", "--lesson", "unlock-phone"], "no pack 'nope' is loaded (loaded: *demo*)"),
        (["--pack", "demo", "--lesson", "nope"], "pack 'demo' has no lesson 'nope' (lessons: unlock-phone, "
                                                 "call-someone)"),
        (["--pack", "demo", "--lesson", "unlock-phone", "--step", "9"],
         "lesson 'unlock-phone' has steps 1 to 4, not 9"),
        (["--pack", "demo", "--lesson", "unlock-phone", "--step", "0"],
         "lesson 'unlock-phone' has steps 1 to 4, not 0"),
    ],
    ids=["pack", "lesson", "step-too-big", "step-zero"],
)
def test_screenshot_unknown_pack_lesson_or_step(tmp_path: Path, coach_home: Path, args: list[str],
                                                expected: str) -> None:
    """An unknown pack, lesson or step exits 2 with a message naming the valid choices, and writes no file."""
    out = tmp_path / "none.png"
    result = coach("screenshot", *args, "--out", str(out), home=coach_home)
    assert result.returncode == 2
    pattern = re.escape(f"coach screenshot: {expected}").replace(re.escape("*"), "[^)]*")
    assert re.search(pattern, result.stderr), result.stderr
    assert not out.exists()


@needs_qt
def test_screenshot_unknown_language(tmp_path: Path, coach_home: Path) -> None:
    """An unknown --lang exits 2 and names the tag."""
    result = coach("screenshot", "--lang", "xx", "--out", str(tmp_path / "none.png"), home=coach_home)
    assert result.returncode == 2
    assert "unknown language tag 'xx'" in result.stderr


@needs_qt
def test_screenshot_end_screen_high_contrast_200(tmp_path: Path, coach_home: Path) -> None:
    """`--screen end` and `--contrast high --scale 200` each give a PNG that differs from the plain step."""
    base = ["--pack", "demo", "--lesson", "unlock-phone", "--size", "640x480"]
    end = tmp_path / "end.png"
    result = coach("screenshot", *base, "--screen", "end", "--out", str(end), home=coach_home)
    assert result.returncode == 0, result.stderr
    assert png_size(end) == (640, 480)
    normal, high = tmp_path / "normal.png", tmp_path / "high.png"
    assert coach("screenshot", *base, "--out", str(normal), home=coach_home).returncode == 0
    result = coach("screenshot", *base, "--contrast", "high", "--scale", "200", "--out", str(high), home=coach_home)
    assert result.returncode == 0, result.stderr
    assert png_size(high) == (640, 480)
    assert high.read_bytes() != normal.read_bytes()
    assert end.read_bytes() != normal.read_bytes()
    assert not (coach_home / "config" / "settings.json").exists()
