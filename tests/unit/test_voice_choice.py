"""Voice choice: engine data to BCP 47 tags, and the ranked fallback exact -> same language -> none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.speech.voices import (
    Voice,
    canonical_tag,
    choose_voice,
    engine_languages,
    espeak_languages,
    lcid_tag,
    macos_languages,
    sapi5_languages,
)

# (id, name, languages) as pyttsx3 2.99 reports them with espeak-ng 1.51 (a subset).
ESPEAK_RAW = [
    ("gmw/af", "Afrikaans", ["af"]), ("sem/am", "Amharic", ["am"]), ("sem/ar", "Arabic", ["ar"]),
    ("gmw/de", "German", ["de"]), ("gmw/en-029", "English (Caribbean)", ["en-029"]),
    ("gmw/en", "English (Great Britain)", ["en-gb"]), ("gmw/en-gb-x-rp", "English (RP)", ["en-gb-x-rp"]),
    ("gmw/en-us", "English (America)", ["en-us"]), ("roa/es", "Spanish (Spain)", ["es"]),
    ("roa/es-419", "Spanish (Latin America)", ["es-419"]), ("ira/fa", "Persian", ["fa"]),
    ("ira/fa-latn", "Persian (Pinglish)", ["fa-latn"]), ("roa/fr-be", "French (Belgium)", ["fr-be"]),
    ("roa/fr-ch", "French (Switzerland)", ["fr-ch"]), ("roa/fr", "French (France)", ["fr-fr"]),
    ("roa/it", "Italian", ["it"]), ("trk/tr", "Turkish", ["tr"]), ("zle/uk", "Ukrainian", ["uk"]),
    ("iro/chr", "Cherokee ", ["chr-US-Qaaa-x-west"]),
]
ESPEAK = [Voice(i, n, espeak_languages(langs), "espeak") for i, n, langs in ESPEAK_RAW]

# SAPI5 tokens: (id, description, the "Language" attribute as the registry holds it).
SAPI_RAW = [
    (r"HKEY_LOCAL_MACHINE\...\TTS_MS_EN-US_ZIRA_11.0", "Microsoft Zira Desktop", "409;9"),
    (r"HKEY_LOCAL_MACHINE\...\TTS_MS_EN-GB_HAZEL_11.0", "Microsoft Hazel Desktop", "809"),
    (r"HKEY_LOCAL_MACHINE\...\TTS_MS_FR-FR_HORTENSE_11.0", "Microsoft Hortense Desktop", "40c"),
    (r"HKEY_LOCAL_MACHINE\...\TTS_MS_FR-CA_CAROLINE_11.0", "Microsoft Caroline", "c0c"),
    (r"HKEY_LOCAL_MACHINE\...\TTS_MS_AR-EG_HODA_11.0", "Microsoft Hoda", "c01"),
    (r"HKEY_LOCAL_MACHINE\...\TTS_MS_JA-JP_HARUKA_11.0", "Microsoft Haruka", "411"),
    (r"HKEY_LOCAL_MACHINE\...\TTS_PRS_AF", "A Dari voice", "48c"),
]
SAPI = [Voice(i, n, sapi5_languages(lang), "sapi5") for i, n, lang in SAPI_RAW]

# macOS: NSSpeechSynthesizer (locale "fr_FR") and AVSpeech (language "fr-FR") voices.
MAC_RAW = [
    ("com.apple.voice.compact.fr-CA.Amelie", "Amélie", ["fr_CA"]),
    ("com.apple.voice.compact.fr-FR.Thomas", "Thomas", ["fr_FR"]),
    ("com.apple.voice.compact.ar-001.Maged", "Maged", ["ar-001"]),
    ("com.apple.eloquence.de-DE.Reed", "Reed", [None]),
    ("com.apple.speech.synthesis.voice.Albert", "Albert", ["en_US"]),
    ("com.apple.voice.compact.tr-TR.Yelda", "Yelda", []),
]
MAC = [Voice(i, n, macos_languages(langs, i), "nsss") for i, n, langs in MAC_RAW]


def chosen(tag: str, voices: list[Voice]) -> str | None:
    voice = choose_voice(tag, voices)
    return voice.id if voice else None


@pytest.mark.parametrize(("tag", "voice"), [
    ("fr", "roa/fr"), ("fr-FR", "roa/fr"), ("fr-BE", "roa/fr-be"), ("fr_be", "roa/fr-be"), ("fr-CA", "roa/fr"),
    ("en", "gmw/en"), ("en-US", "gmw/en-us"), ("en-GB", "gmw/en"), ("ar", "sem/ar"), ("de", "gmw/de"),
    ("es", "roa/es"), ("es-MX", "roa/es"), ("it", "roa/it"), ("uk", "zle/uk"), ("tr", "trk/tr"),
    ("fa", "ira/fa"), ("fa-AF", "ira/fa"), ("prs", "ira/fa"),
    ("ti", None), ("ps", None), ("so", None), ("xx", None), ("", None), ("not a tag", None),
])
def test_espeak_choice(tag: str, voice: str | None) -> None:
    """espeak-ng voices: exact tag, else the same language (home region, no script), never another language."""
    assert chosen(tag, ESPEAK) == voice


def test_tigrinya_never_falls_back_to_amharic() -> None:
    """Tigrinya and Amharic share a script but not a language: no voice rather than the wrong one."""
    assert chosen("ti", ESPEAK) is None
    assert chosen("ti-ER", ESPEAK) is None
    assert chosen("am", ESPEAK) == "sem/am"


def test_dari_takes_a_persian_voice_but_not_pinglish() -> None:
    """fa-AF has no voice of its own in espeak-ng; Persian in Arabic script is the same language."""
    assert chosen("fa-AF", ESPEAK) == "ira/fa"
    assert chosen("fa-AF", [v for v in ESPEAK if v.id != "ira/fa"]) == "ira/fa-latn"


@pytest.mark.parametrize(("tag", "voice"), [
    ("en", "TTS_MS_EN-US_ZIRA_11.0"), ("en-GB", "TTS_MS_EN-GB_HAZEL_11.0"), ("en-US", "TTS_MS_EN-US_ZIRA_11.0"),
    ("fr", "TTS_MS_FR-FR_HORTENSE_11.0"), ("fr-CA", "TTS_MS_FR-CA_CAROLINE_11.0"),
    ("fr-CH", "TTS_MS_FR-FR_HORTENSE_11.0"), ("ar", "TTS_MS_AR-EG_HODA_11.0"), ("fa-AF", "TTS_PRS_AF"),
    ("fa", "TTS_PRS_AF"), ("ti", None), ("de", None),
])
def test_sapi5_choice(tag: str, voice: str | None) -> None:
    """SAPI5 voices described by hex LCIDs: "409;9" (en-US and en) wins "en" because it also lists bare "en"."""
    assert (chosen(tag, SAPI) or "").rsplit("\\", 1)[-1] == (voice or "")


@pytest.mark.parametrize(("tag", "voice"), [
    ("fr", "com.apple.voice.compact.fr-FR.Thomas"), ("fr-CA", "com.apple.voice.compact.fr-CA.Amelie"),
    ("ar", "com.apple.voice.compact.ar-001.Maged"), ("de", "com.apple.eloquence.de-DE.Reed"),
    ("en", "com.apple.speech.synthesis.voice.Albert"), ("tr", "com.apple.voice.compact.tr-TR.Yelda"),
    ("ti", None), ("fa-AF", None),
])
def test_macos_choice(tag: str, voice: str | None) -> None:
    """macOS voices: locale from the attributes, else from the identifier."""
    assert chosen(tag, MAC) == voice


def test_espeak_language_formats() -> None:
    """pyttsx3's list, the C library's priority-prefixed bytes, and several languages at once."""
    assert espeak_languages(["fr-fr"]) == ("fr-FR",)
    assert espeak_languages(b"\x05fr-be") == ("fr-BE",)
    assert espeak_languages(b"\x05fr-be\x00\x0afr\x00\x00") == ("fr-BE", "fr")
    assert espeak_languages([b"\x02en-gb-x-rp"]) == ("en-GB-x-rp",)
    assert espeak_languages(["chr-US-Qaaa-x-west"]) == ("chr-US-Qaaa-x-west",)
    assert espeak_languages(["es-419"]) == ("es-419",)
    assert espeak_languages(None) == () and espeak_languages([]) == ()


def test_sapi5_language_formats() -> None:
    """Hex LCID lists, primary ids alone, pyttsx3's "en-US" and "Unknown Locale: N", unknown ids ignored."""
    assert sapi5_languages("409;9") == ("en-US", "en")
    assert sapi5_languages("40c") == ("fr-FR",)
    assert sapi5_languages("48C") == ("fa-AF",)
    assert sapi5_languages("473") == ("ti-ET",)
    assert sapi5_languages("463") == ("ps-AF",)
    assert sapi5_languages("477") == ("so-SO",)
    assert sapi5_languages("3401") == ("ar",)  # ar-KW is not listed: its primary language is
    assert sapi5_languages("411") == ()  # Japanese is not one of Coach's languages
    assert sapi5_languages(["en-US"]) == ("en-US",)
    assert sapi5_languages(["Unknown Locale: 1164"]) == ("fa-AF",)
    assert sapi5_languages(["Unknown Locale: 1041"]) == ()
    assert lcid_tag(0x0809) == "en-GB" and lcid_tag(0x7777) is None


def test_macos_language_formats() -> None:
    """Locale identifiers with underscores, language tags, and identifiers that carry the locale."""
    assert macos_languages(["fr_FR"]) == ("fr-FR",)
    assert macos_languages("ar-001") == ("ar-001",)
    assert macos_languages([None], "com.apple.voice.compact.fr-FR.Thomas") == ("fr-FR",)
    assert macos_languages([], "com.apple.ttsbundle.Thomas-compact") == ()
    assert engine_languages("avspeech", ["it-IT"], "x") == ("it-IT",)
    assert engine_languages("espeak", ["fr-fr"]) == ("fr-FR",)


def test_canonical_tags() -> None:
    """BCP 47 casing; Dari's ISO code becomes Coach's fa-AF; rubbish is refused."""
    assert canonical_tag("fa_af") == "fa-AF"
    assert canonical_tag("SR-latn-rs") == "sr-Latn-RS"
    assert canonical_tag("prs") == "fa-AF" and canonical_tag("prs-AF") == "fa-AF"
    assert canonical_tag("en-GB-X-RP") == "en-GB-x-rp"
    for bad in ("", "f", "français", "fr--FR", "12", "fr FR", "Unknown Locale: 1"):
        assert canonical_tag(bad) is None


ALL_VOICES = ESPEAK + SAPI + MAC
tags = st.sampled_from(["fr", "fr-FR", "fr-CA", "de", "it", "en", "en-US", "ar", "fa", "fa-AF", "uk", "ti",
                        "es", "tr", "ps", "so", "am", "zz"])


@given(tag=tags, voices=st.lists(st.sampled_from(ALL_VOICES), unique=True), swap_case=st.booleans())
def test_choice_is_same_language_and_independent_of_order_and_spelling(
    tag: str, voices: list[Voice], swap_case: bool
) -> None:
    """Whatever the installed voices: only the same language, the same voice in any order and spelling."""
    voice = choose_voice(tag, voices)
    spelled = tag.swapcase().replace("-", "_") if swap_case else tag
    assert choose_voice(spelled, list(reversed(voices))) == voice
    base = canonical_tag(tag).split("-")[0]  # type: ignore[union-attr]
    same_language = [v for v in voices if any(t.split("-")[0] == base for t in v.languages)]
    if same_language:
        assert voice is not None and voice in same_language
    else:
        assert voice is None


@given(st.text(max_size=30))
def test_normalizers_never_raise(text: str) -> None:
    """Any string an engine might report gives a tuple of valid tags, never an exception."""
    for result in (espeak_languages([text]), espeak_languages(text.encode()), sapi5_languages(text),
                   macos_languages([text], text)):
        assert all(canonical_tag(tag) == tag for tag in result)


# espeak-ng 1.52 (espeakng-loader) adds Tigrinya.
ESPEAK_152 = [*ESPEAK, Voice("sem/ti", "Tigrinya", espeak_languages(["ti"]), "espeak")]


def test_espeak_152_speaks_tigrinya_and_still_not_amharic_for_it() -> None:
    """With 1.52's voice Tigrinya is read in Tigrinya; Eritrean Tigrinya falls back to it."""
    assert chosen("ti", ESPEAK_152) == "sem/ti" and chosen("ti-ER", ESPEAK_152) == "sem/ti"
    assert chosen("am", ESPEAK_152) == "sem/am"


@pytest.mark.parametrize(("tag", "engine", "voice"), [
    ("fr", "sapi5", "TTS_MS_FR-FR_HORTENSE_11.0"),  # the system's voice first
    ("fr-CA", "sapi5", "TTS_MS_FR-CA_CAROLINE_11.0"),
    ("ar", "sapi5", "TTS_MS_AR-EG_HODA_11.0"),  # even when espeak-ng's tag is closer ("ar" itself)
    ("fa-AF", "sapi5", "TTS_PRS_AF"),
    ("fa", "sapi5", "TTS_PRS_AF"), ("uk", "espeak", "zle/uk"), ("ti", "espeak", "sem/ti"),  # espeak-ng fills the gaps
    ("de", "espeak", "gmw/de"), ("ps", None, None),
])
def test_engines_in_order_system_voices_first(tag: str, engine: str | None, voice: str | None) -> None:
    """Windows: SAPI5 speaks what it can, espeak-ng the rest; nothing for a language neither has."""
    got = choose_voice(tag, ESPEAK_152 + SAPI, ("sapi5", "espeak"))
    assert (got.engine if got else None, got.id.rsplit("\\", 1)[-1] if got else None) == (engine, voice)


@given(tag=tags, voices=st.lists(st.sampled_from(ESPEAK_152 + SAPI + MAC), unique=True))
def test_engine_order_only_breaks_ties_between_engines(tag: str, voices: list[Voice]) -> None:
    """The first listed engine with a voice of the language wins; within it, the same voice as alone."""
    order = ("nsss", "sapi5", "espeak")
    voice = choose_voice(tag, voices, order)
    assert choose_voice(tag, list(reversed(voices)), order) == voice
    for engine in order:
        own = [v for v in voices if v.engine == engine]
        alone = choose_voice(tag, own)
        if alone is not None:
            assert voice == alone
            break
    else:
        assert voice is None
