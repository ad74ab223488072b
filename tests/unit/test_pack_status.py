"""`coach pack status`: per pack and language, texts translated and reviewed, steps recorded, voiced, too long."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from coach.packs.loader import load_pack
from coach.packs.status import LanguageStatus, pack_status, render, status_command

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "data" / "packs" / "minimal"

# The minimal pack in fr (source) and ar (complete, not reviewed), plus Pashto (one text,
# reviewed), with a recording of the first step in Arabic and a long Arabic sentence.
PASHTO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ps\\n"

msgctxt "pack/title"
msgid "Téléphoner"
msgstr "ټیلیفون کول"
'''
LONG_ARABIC = "اكتب الرقم كاملا على لوحة المفاتيح ثم انتظر قليلا قبل أن تضغط على الزر الأخضر للاتصال."


def write_wav(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(22050)
        wav.writeframes(b"\0\0" * 2205)


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "minimal"
    shutil.copytree(MINIMAL, folder)
    manifest = folder / "pack.toml"
    manifest.write_text(manifest.read_text().replace('languages = ["fr", "ar"]', 'languages = ["fr", "ar", "ps"]'))
    lesson = folder / "lessons" / "01-call.toml"
    lesson.write_text(lesson.read_text().replace(
        'picture_description = "L\'écran d\'accueil avec l\'icône du téléphone."',
        'picture_description = "L\'écran d\'accueil avec l\'icône du téléphone."\naudio = { ar = "audio/ar/open.wav" }',
        1))
    write_wav(folder / "audio" / "ar" / "open.wav")
    catalog = folder / "locales" / "ar.po"
    catalog.write_text(catalog.read_text().replace('msgstr "اكتب الرقم."', f'msgstr "{LONG_ARABIC}"'))
    (folder / "locales" / "ps.po").write_text(PASHTO)
    return folder


def test_figures_per_language(pack_dir: Path) -> None:
    """Source complete and reviewed; Arabic complete, unreviewed, one recording, one long step; Pashto silent."""
    pack = load_pack(pack_dir).pack
    assert pack is not None
    voices = {"fr": True, "ar": True, "ps": False}
    texts = len([t for t in (pack.title, pack.description) if t]) + 1 + 1 + 1 + 2 * 2  # pack, skill, lesson, link, steps
    statuses = {s.language: s for s in pack_status(pack, voices.get)}
    steps = sum(len(lesson.steps) for lesson in pack.lessons)
    assert statuses["fr"] == LanguageStatus("fr", True, texts, texts, texts, steps, 0, steps, 0, 0)
    ar = statuses["ar"]
    assert (ar.translated, ar.reviewed, ar.recorded, ar.voiced, ar.silent, ar.over_limit) == (
        ar.texts, 0, 1, steps - 1, 0, 1)
    ps = statuses["ps"]
    assert (ps.translated, ps.reviewed, ps.recorded, ps.voiced, ps.silent, ps.over_limit) == (1, 1, 0, 0, steps, 0)


def test_unknown_voices_are_question_marks(pack_dir: Path) -> None:
    """When speech cannot start, the voice columns say "?" instead of a guess."""
    pack = load_pack(pack_dir).pack
    assert pack is not None
    statuses = pack_status(pack, lambda tag: None)
    assert all(s.voiced is None and s.silent is None for s in statuses)
    lines = render(pack, statuses, __import__("gettext").NullTranslations())
    assert lines[0].startswith("minimal (") and "1 lesson" in lines[0]
    assert lines[1].split() == ["language", "translated", "reviewed", "recorded", "system", "voice", "silent", "over",
                                "12", "words"]
    assert lines[2].split()[:2] == ["fr", "(source)"] and lines[2].split()[-3:-1] == ["?", "?"]


@pytest.mark.integration
def test_command_with_real_voices_and_a_broken_pack(pack_dir: Path, coach_home: Path) -> None:
    """The real speech child: Arabic voiced, Pashto silent; a broken pack is reported and gives status 1."""
    broken = REPO / "tests" / "data" / "broken_packs" / "placeholder-mismatch"
    out, err = io.StringIO(), io.StringIO()
    assert status_command([str(pack_dir), str(broken)], out, err) == 1
    rows = {line.split()[0]: line.split() for line in out.getvalue().splitlines()[2:]}
    assert rows["fr"][1:] == ["(source)", "9/9", "9/9", "0/2", "2/2", "0", "0"]
    assert rows["ar"][1:] == ["9/9", "0/9", "1/2", "1/2", "0", "1"]
    assert rows["ps"][1:] == ["1/9", "1/9", "0/2", "0/2", "2", "0"]
    assert "placeholder-mismatch" in err.getvalue() and "1 pack could not be loaded" in err.getvalue()


@pytest.mark.integration
def test_cli_default_is_the_library_and_speaks_french(coach_home: Path) -> None:
    """`coach pack status` without DIR lists the built-in packs; --lang fr gives French headings."""
    env = {**os.environ, "COACH_HOME": str(coach_home)}
    done = subprocess.run([sys.executable, "-m", "coach", "pack", "status", "--lang", "fr"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "demo (" in done.stdout and "langue" in done.stdout
