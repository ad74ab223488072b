"""All ten languages spoken by the real engines: plausible WAV lengths and word timings on the written words."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.speech.client import SpeechClient
from coach.speech.protocol import Utterance

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]

# One Easy-to-Read step sentence per language, as a step would say it.
SENTENCES = {
    "fr": "Touchez le bouton vert pour ouvrir les messages.",
    "de": "Tippen Sie auf den grünen Knopf, um die Nachrichten zu öffnen.",
    "it": "Tocca il pulsante verde per aprire i messaggi.",
    "en": "Touch the green button to open the messages.",
    "ar": "اضغط على الزر الأخضر لفتح الرسائل.",
    "fa": "دکمه سبز را لمس کنید تا پیام\u200cها باز شوند.",
    "uk": "Натисніть зелену кнопку, щоб відкрити повідомлення.",
    "ti": "ሰላም፣ እንኳዕ ብደሓን መጻእኩም። ናይ ስልኪ ቁጽሪ ኣእትዉ።",
    "es": "Toque el botón verde para abrir los mensajes.",
    "tr": "Mesajları açmak için yeşil düğmeye dokunun.",
}
VOICES = {"fr": "roa/fr", "de": "gmw/de", "it": "roa/it", "en": "gmw/en", "ar": "sem/ar", "fa": "ira/fa",
          "uk": "zle/uk", "ti": "sem/ti", "es": "roa/es", "tr": "trk/tr"}


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpeechClient]:
    """One child for the module, with its own empty speech cache."""
    env = {**os.environ, "COACH_HOME": str(tmp_path_factory.mktemp("coach-home"))}
    with SpeechClient(env=env) as client:
        yield client


def written_words(text: str) -> list[str]:
    """The words a reader sees, punctuation (Latin, Arabic, Ethiopic) removed; a ZWNJ stays inside."""
    return [w for w in ("".join(c for c in word if unicodedata.category(c)[0] in "LMN" or c == "\u200c")
                        for word in text.split()) if w]


def check(text: str, utterance: Utterance) -> None:
    with wave.open(utterance.wav) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    words = written_words(text)
    # espeak-ng speaks 2 to 4 words a second at its normal speed.
    assert len(words) / 4 <= seconds <= len(words) / 1.5 + 1, (seconds, len(words))
    assert [text[w.start:w.start + w.length] for w in utterance.words] == words
    times = [w.time_ms for w in utterance.words]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert times[0] < 300 and times[-1] < utterance.duration_ms - 200


@pytest.mark.parametrize("lang", list(SENTENCES))
def test_every_language_speaks_with_word_timings(speech: SpeechClient, lang: str) -> None:
    """Each language by its own voice (never another language's), every written word timed, in order."""
    utterance = speech.speak(SENTENCES[lang], lang)
    assert utterance.voice == VOICES[lang]
    check(SENTENCES[lang], utterance)


def test_the_engine_is_espeak_ng_152_from_the_wheel(speech: SpeechClient) -> None:
    """On Linux x86-64, the bundled libespeak-ng 1.52 (the first with Tigrinya), with word timings."""
    assert [(e.name, e.detail, e.word_timings) for e in speech.engines] == [
        ("espeak", "espeak-ng 1.52.0 (espeakng-loader)", True)]


def test_coach_speak_in_every_language(tmp_path: Path) -> None:
    """`coach speak` writes a WAV of plausible length for each of the ten languages."""
    env = {**os.environ, "COACH_HOME": str(tmp_path / "home")}
    for lang, text in SENTENCES.items():
        out = tmp_path / f"{lang}.wav"
        done = subprocess.run([sys.executable, "-m", "coach", "speak", "--lang", lang, "--text", text,
                               "--out", str(out)], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (lang, done.stderr)
        printed = re.fullmatch(r".+: (\d+\.\d\d) s, voice (\S+)\n", done.stdout)
        assert printed and printed.group(2) == VOICES[lang], done.stdout
        with wave.open(str(out)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
        words = len(written_words(text))
        assert words / 4 <= seconds <= words / 1.5 + 1, (lang, seconds)
