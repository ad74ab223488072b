"""`coach voices` and `coach speak` from a fresh COACH_HOME, with the real espeak-ng."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import wave
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def coach(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "coach", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=60)


def test_voices_lists_interface_and_pack_languages(coach_home: Path) -> None:
    """Each language with its English and own name and the voice, or "no voice"."""
    done = coach("voices", home=coach_home)
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines()[1:]}
    assert done.stdout.startswith("speech engine espeak: espeak-ng 1.52.0 (espeakng-loader), ")
    assert {"en", "fr", "ar"} <= lines.keys()
    assert "French" in lines["fr"] and "Français" in lines["fr"] and "espeak: roa/fr" in lines["fr"]
    assert "Arabic" in lines["ar"] and "العربية" in lines["ar"] and "espeak: sem/ar" in lines["ar"]
    assert "Tigrinya" in lines["ti"] and "ትግርኛ" in lines["ti"] and "espeak: sem/ti" in lines["ti"]
    assert lines["ps"].endswith("no voice") and lines["so"].endswith("no voice")
    assert all(line.endswith(")") or line.endswith("no voice") for line in lines.values())


def test_speak_writes_the_wav(coach_home: Path, tmp_path: Path) -> None:
    """The WAV is what the app would say; the path and duration are printed; --slow is longer."""
    out, slow = tmp_path / "bonjour.wav", tmp_path / "slow.wav"
    done = coach("speak", "--lang", "fr", "--text", "Bonjour, comment allez-vous ?", "--out", str(out),
                 home=coach_home)
    assert done.returncode == 0, done.stderr
    with wave.open(str(out)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    printed = re.fullmatch(r"(.+): (\d+\.\d\d) s, voice roa/fr\n", done.stdout)
    assert printed and printed.group(1) == str(out), done.stdout
    assert abs(float(printed.group(2)) - seconds) <= 0.011
    assert coach("speak", "--lang", "fr", "--text", "Bonjour, comment allez-vous ?", "--out", str(slow), "--slow",
                 home=coach_home).returncode == 0
    assert slow.stat().st_size > out.stat().st_size


def test_speak_without_voice_or_with_unknown_tag(coach_home: Path, tmp_path: Path) -> None:
    """Pashto: a clear message and status 1; an unknown tag: status 2; no file either way."""
    out = tmp_path / "x.wav"
    no_voice = coach("speak", "--lang", "ps", "--text", "سلام", "--out", str(out), home=coach_home)
    assert no_voice.returncode == 1 and "no voice" in no_voice.stderr and "ps" in no_voice.stderr
    unknown = coach("speak", "--lang", "qq-zz", "--text", "x", "--out", str(out), home=coach_home)
    assert unknown.returncode == 2 and "unknown language" in unknown.stderr
    assert not out.exists()
