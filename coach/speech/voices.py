"""Voice choice: which installed voice speaks a language tag (pure code, no pyttsx3).

Engines describe their voices' languages in their own ways; the normalizers below turn
each into BCP 47 tags, and `choose_voice` ranks the voices for a tag:

1. a voice for exactly that tag ("fa-AF" == "fa_af"), else
2. a voice of the same language, best first: the bare language ("fr"), then its home
   region ("fr-FR"), then language-region tags without script or private use ("fr-BE"),
   then anything else ("fa-Latn"); ties go to the smallest voice id, so the choice is
   the same on every run (with several engines, the first engine listed that speaks
   the language at all is chosen first: the system's voices before espeak-ng), else
3. None: never a voice of another language. Tigrinya is not read with an Amharic voice.

>>> voices = [Voice("roa/fr-be", "French (Belgium)", ("fr-BE",), "espeak"),
...           Voice("roa/fr", "French (France)", ("fr-FR",), "espeak")]
>>> choose_voice("fr-CA", voices).id
'roa/fr'
>>> choose_voice("ti", voices) is None
True

`re` is imported by the SAPI5 and macOS normalizers alone: espeak-ng's voices and the
choice need none, and `re` with `enum` is a quarter of espeak-ng's own time for `coach
speak` (docs/performance.md).
"""

from __future__ import annotations

from coach.values import Value, set_fields

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


class Voice(Value):
    """An installed voice: the engine's id, a display name and BCP 47 language tags (a frozen value)."""

    __slots__ = ("id", "name", "languages", "engine")
    id: str
    name: str
    languages: tuple[str, ...]
    engine: str

    def __init__(self, id: str, name: str, languages: tuple[str, ...], engine: str) -> None:  # noqa: A002
        set_fields(self, id=id, name=name, languages=languages, engine=engine)


# Languages whose own code differs from the tag Coach uses for them.
_ALIASES = {"prs": "fa-AF", "iw": "he", "in": "id", "ji": "yi"}


def _subtag(part: str) -> bool:
    """One to eight ASCII letters and digits."""
    return 1 <= len(part) <= 8 and part.isascii() and part.isalnum()


def canonical_tag(raw: str) -> str | None:
    """BCP 47 spelling of a tag, or None when `raw` is not one: "EN_gb-X-RP" -> "en-GB-x-rp".

    Language lower case, script title case, region upper case, everything after a
    singleton ("x-…") lower case. Dari's own code "prs" becomes Coach's "fa-AF".
    """
    parts = raw.strip().replace("_", "-").split("-")
    if not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3 or not all(_subtag(p) for p in parts):
        return None
    out = [parts[0].lower()]
    extension = False
    for part in parts[1:]:
        if extension or len(part) == 1:
            extension = True
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    alias = _ALIASES.get(out[0])
    if alias:
        alias_parts = alias.split("-")
        out = alias_parts + [p for p in out[1:] if p not in alias_parts]
    return "-".join(out)


def _base(tag: str) -> str:
    return tag.split("-", 1)[0]


def _rank(wanted: str, offered: str) -> int | None:
    """How well tag `offered` speaks `wanted` (both canonical): 0 best, None not at all."""
    if offered.casefold() == wanted.casefold():
        return 0
    base = _base(wanted)
    if _base(offered) != base:
        return None
    if offered == base:
        return 1
    if offered.casefold() == f"{base}-{base}".casefold():
        return 2
    rest = offered.split("-")[1:]
    if len(rest) == 1 and (len(rest[0]) == 2 or rest[0].isdigit()):
        return 3
    return 4


def choose_voice(tag: str, voices: Iterable[Voice], engines: Sequence[str] = ()) -> Voice | None:
    """The best voice for language `tag`, or None when no voice speaks that language.

    With several engines, the one listed first in `engines` that speaks the language
    at all wins (engines not listed come last): the system's own voices sound far
    better than espeak-ng's, so they go first, and espeak-ng speaks the rest. Within
    an engine, the ranks above decide, then the smallest voice id.
    """
    wanted = canonical_tag(tag)
    if wanted is None:
        return None
    best: tuple[int, int, str] | None = None
    chosen: Voice | None = None
    for voice in voices:
        ranks = [r for r in (_rank(wanted, t) for t in voice.languages) if r is not None]
        if not ranks:
            continue
        engine = engines.index(voice.engine) if voice.engine in engines else len(engines)
        key = (engine, min(ranks), voice.id)
        if best is None or key < best:
            best, chosen = key, voice
    return chosen


def _tags(raw: Iterable[str]) -> tuple[str, ...]:
    """Canonical tags of `raw`, invalid ones dropped, duplicates removed, order kept."""
    result: list[str] = []
    for item in raw:
        tag = canonical_tag(item)
        if tag and tag not in result:
            result.append(tag)
    return tuple(result)


# ---------------------------------------------------------------------------------------
# espeak-ng: pyttsx3 gives ["fr-fr"]; the C library gives b"\x05fr-be\x00\x0afr\x00\x00"
# (a priority byte before each language, each ended by a NUL).


def espeak_languages(raw: str | bytes | Sequence[str | bytes] | None) -> tuple[str, ...]:
    """Tags of an espeak-ng voice: ["fr-fr"] -> ("fr-FR",); b"\\x05fr-be" -> ("fr-BE",)."""
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str | bytes) else list(raw)
    names: list[str] = []
    for item in items:
        text = item.decode("utf-8", errors="ignore") if isinstance(item, bytes) else str(item)
        for chunk in text.split("\0"):
            names.append(chunk.lstrip("".join(chr(c) for c in range(32))))
    return _tags(n for n in names if n)


# ---------------------------------------------------------------------------------------
# SAPI5: a voice token's "Language" attribute lists hex LCIDs, "409;9" or "40c". pyttsx3
# 2.99 turns the first into "en-US", or "Unknown Locale: 1164" (decimal) when Python's
# table lacks it. Only Coach's languages are listed; other LCIDs fall back to their
# primary language (the low 10 bits) when that is listed, and are ignored otherwise.

SAPI_LCIDS: dict[int, str] = {
    0x040C: "fr-FR", 0x080C: "fr-BE", 0x0C0C: "fr-CA", 0x100C: "fr-CH",
    0x0407: "de-DE", 0x0807: "de-CH", 0x0C07: "de-AT",
    0x0410: "it-IT", 0x0810: "it-CH",
    0x0409: "en-US", 0x0809: "en-GB", 0x0C09: "en-AU", 0x1009: "en-CA", 0x1809: "en-IE", 0x4009: "en-IN",
    0x0401: "ar-SA", 0x0C01: "ar-EG", 0x1401: "ar-DZ", 0x1801: "ar-MA", 0x3801: "ar-AE",
    0x0429: "fa-IR",
    0x048C: "fa-AF",  # Dari ("prs-AF" for Windows)
    0x0422: "uk-UA",
    0x0473: "ti-ET", 0x0873: "ti-ER",
    0x0C0A: "es-ES", 0x040A: "es-ES", 0x080A: "es-MX",
    0x041F: "tr-TR",
    0x0463: "ps-AF",
    0x0477: "so-SO",
}
# Primary language ids (LCID & 0x3FF), which SAPI also lists alone ("409;9").
SAPI_PRIMARY: dict[int, str] = {
    0x0C: "fr", 0x07: "de", 0x10: "it", 0x09: "en", 0x01: "ar", 0x29: "fa", 0x8C: "fa-AF",
    0x22: "uk", 0x73: "ti", 0x0A: "es", 0x1F: "tr", 0x63: "ps", 0x77: "so",
}


def lcid_tag(lcid: int) -> str | None:
    """Coach's tag for a Windows LCID: 0x40C -> "fr-FR", 0x9 -> "en", unknown -> None."""
    return SAPI_LCIDS.get(lcid) or SAPI_PRIMARY.get(lcid & 0x3FF)


def sapi5_languages(raw: str | Sequence[str] | None) -> tuple[str, ...]:
    """Tags of a SAPI5 voice: "409;9" -> ("en-US", "en"); "Unknown Locale: 1164" -> ("fa-AF",)."""
    if raw is None:
        return ()
    import re

    items = [raw] if isinstance(raw, str) else list(raw)
    tags: list[str] = []
    for item in items:
        item = item.strip()
        unknown = re.fullmatch(r"Unknown Locale:\s*(\d+)", item)
        if unknown:
            tag = lcid_tag(int(unknown.group(1)))
            tags.extend([tag] if tag else [])
        elif re.fullmatch(r"[0-9A-Fa-f]{1,4}(\s*;\s*[0-9A-Fa-f]{1,4})*", item):
            for part in item.split(";"):
                tag = lcid_tag(int(part, 16))
                tags.extend([tag] if tag else [])
        else:
            tags.append(item)  # pyttsx3 already made it "en-US"
    return _tags(tags)


# ---------------------------------------------------------------------------------------
# macOS: NSSpeechSynthesizer gives a locale "fr_FR", AVSpeechSynthesisVoice a language
# "fr-FR"; identifiers such as "com.apple.voice.compact.fr-FR.Thomas" also carry it.

_ID_LOCALE = r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})+"


def macos_languages(raw: str | Sequence[str | None] | None, voice_id: str = "") -> tuple[str, ...]:
    """Tags of a macOS voice: ["fr_FR"] -> ("fr-FR",); else from the id's "fr-FR" part."""
    items = [raw] if isinstance(raw, str) else [r for r in (raw or ()) if r]
    tags = _tags(items)
    if tags:
        return tags
    import re

    return _tags(part for part in voice_id.split(".") if re.fullmatch(_ID_LOCALE, part))


def engine_languages(engine: str, raw: object, voice_id: str = "") -> tuple[str, ...]:
    """Tags of a voice as pyttsx3's driver `engine` ("espeak", "sapi5", "nsss", "avspeech") gives them."""
    if engine == "espeak":
        return espeak_languages(raw)  # type: ignore[arg-type]
    if engine == "sapi5":
        return sapi5_languages(raw)  # type: ignore[arg-type]
    if engine in ("nsss", "avspeech"):
        return macos_languages(raw, voice_id)  # type: ignore[arg-type]
    items = [raw] if isinstance(raw, str) else list(raw or ())  # type: ignore[call-overload]
    return _tags(str(i) for i in items)
