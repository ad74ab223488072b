"""`coach pack new DIR`: a working pack to start from, valid as soon as it is written.

The skeleton holds a manifest, one lesson with an information step and a practice
step, a picture, the pack's icon, a `babel.cfg` for `pybabel extract`, and the
translation template `locales/ID.pot`. Its texts are in the source language when
Coach has them in that language (English and French), else in English for the
trainer to replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from coach.i18n.languages import is_known, normalize_tag

_ID_PART = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class SkeletonTexts:
    """The example texts of a new pack, in one language."""

    title: str
    description: str
    skill: str
    lesson: str
    info: str
    info_picture: str
    practice: str
    practice_picture: str
    practice_hint: str


TEXTS = {
    "en": SkeletonTexts(
        title="My lesson pack",
        description="What the pack teaches, for the worker.",
        skill="Turn on a phone",
        lesson="Turn on the phone",
        info="Find the button on the side of the phone.",
        info_picture="A phone. The button on its side is circled in orange.",
        practice="Touch the button on the side of the phone.",
        practice_picture="A phone seen from the front, with a button on its side.",
        practice_hint="The button is on the side of the phone.",
    ),
    "fr": SkeletonTexts(
        title="Mon pack de leçons",
        description="Ce que le pack apprend, pour l'accompagnant.",
        skill="Allumer un téléphone",
        lesson="Allumer le téléphone",
        info="Trouvez le bouton sur le côté du téléphone.",
        info_picture="Un téléphone. Le bouton sur son côté est entouré en orange.",
        practice="Touchez le bouton sur le côté du téléphone.",
        practice_picture="Un téléphone vu de face, avec un bouton sur le côté.",
        practice_hint="Le bouton est sur le côté du téléphone.",
    ),
}

PHONE_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 400 300" \
width="400" height="300">
<rect width="400" height="300" rx="24" fill="#f3f6fa"/>
<rect x="140" y="20" width="120" height="260" rx="20" fill="#2d3748"/>
<rect x="150" y="42" width="100" height="216" rx="8" fill="#ffffff"/>
<rect x="260" y="90" width="8" height="44" rx="3" fill="#4a5568"/>
{highlight}</svg>
"""
HIGHLIGHT = '<circle cx="264" cy="112" r="30" fill="none" stroke="#e8590c" stroke-width="8"/>\n'

ICON_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 100 100" \
width="100" height="100">
<rect width="100" height="100" rx="20" fill="#1c7ed6"/>
<rect x="32" y="14" width="36" height="72" rx="8" fill="#ffffff"/>
<circle cx="50" cy="76" r="4" fill="#1c7ed6"/>
</svg>
"""

BABEL_CFG = """\
# pybabel extract -F babel.cfg -o locales/{id}.pot .
# reads every text of this lesson pack with Coach's extractor (coach_pack).
[coach_pack: pack.toml]
[coach_pack: lessons/**.toml]
"""


class SkeletonError(ValueError):
    """The skeleton cannot be written there, with the reason in plain words."""


def pack_id_from(name: str) -> str:
    """An id of the form `log-in` from a folder name: "Centre Social" -> "centre-social"."""
    return _ID_PART.sub("-", name.lower()).strip("-")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def manifest_text(pack_id: str, language: str, texts: SkeletonTexts) -> str:
    return f"""\
format = 1
id = {_quote(pack_id)}
version = "1.0.0"                  # raise it for each new version you share
title = {_quote(texts.title)}
description = {_quote(texts.description)}
source_language = {_quote(language)}
languages = [{_quote(language)}]                # add each language you translate into
license = "CC-BY-4.0"
authors = ["Your organisation"]
icon = "pictures/pack.svg"

[[skills]]
id = "turn-on-phone"
title = {_quote(texts.skill)}
digcomp = ["1.1"]
"""


def lesson_text(texts: SkeletonTexts) -> str:
    return f"""\
id = "turn-on-phone"
title = {_quote(texts.lesson)}
skills = ["turn-on-phone"]

[[steps]]
id = "find-button"
kind = "info"
text = {_quote(texts.info)}
picture = "pictures/phone-button.svg"
picture_description = {_quote(texts.info_picture)}

[[steps]]
id = "press-button"
kind = "touch"                     # practice: the client touches the button on the picture
text = {_quote(texts.practice)}
picture = "pictures/phone.svg"
picture_description = {_quote(texts.practice_picture)}
hint = {_quote(texts.practice_hint)}
targets = [                        # where to touch, in the picture's units (viewBox 400 x 300)
  {{ x = 248, y = 78, width = 32, height = 68 }},
]
"""


def write_skeleton(folder: Path, pack_id: str | None = None, language: str = "en") -> str:
    """Write a new pack into `folder` (absent or empty) and return its id.

    Raises SkeletonError when the folder holds files, the id is not of the form
    `log-in`, or the language tag is unknown.
    """
    tag = normalize_tag(language)
    if not is_known(tag):
        raise SkeletonError(f"unknown language tag {language!r}")
    pack_id = pack_id or pack_id_from(folder.resolve().name)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pack_id):
        raise SkeletonError(f"the pack id {pack_id!r} must use lowercase letters, digits and '-' "
                            "(like 'centre-social'); give one with --id")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SkeletonError(f"{folder} already exists and is not an empty folder; choose a new folder")
    texts = TEXTS.get(tag.split("-")[0], TEXTS["en"])
    files = {
        "pack.toml": manifest_text(pack_id, tag, texts),
        "lessons/01-turn-on-phone.toml": lesson_text(texts),
        "pictures/phone-button.svg": PHONE_SVG.format(highlight=HIGHLIGHT),
        "pictures/phone.svg": PHONE_SVG.format(highlight=""),
        "pictures/pack.svg": ICON_SVG,
        "babel.cfg": BABEL_CFG.format(id=pack_id),
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _write_template(folder)
    return pack_id


def _write_template(folder: Path) -> None:
    """locales/ID.pot, as `coach pack extract` writes it."""
    from coach.packs.extract import template
    from coach.packs.loader import load_pack

    result = load_pack(folder)
    if result.pack is None:  # the skeleton is valid; this would be a bug in this module
        raise SkeletonError("; ".join(str(p) for p in result.errors))
    target = folder / "locales" / f"{result.pack.id}.pot"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(template(result.pack, result.sources))


def new_command(path: str, pack_id: str | None, language: str, out: TextIO) -> int:
    """`coach pack new DIR`: write the skeleton, then its template; print what to do next. 0, 1 or 2."""
    folder = Path(path)
    try:
        new_id = write_skeleton(folder, pack_id, language)
    except (SkeletonError, OSError) as exc:
        print(f"coach pack new: {exc}", file=out)
        return 2 if isinstance(exc, SkeletonError) else 1
    print(f"created the lesson pack {new_id!r} in {folder}", file=out)
    print(f"wrote {folder / 'locales' / f'{new_id}.pot'}", file=out)
    print(f"next: edit {folder / 'lessons' / '01-turn-on-phone.toml'}, "
          f"then `coach pack check {folder}` and `coach preview {folder}`", file=out)
    return 0
