"""`coach pack extract PATH`: write the translation template locales/ID.pot.

The template lists every text of the pack with its msgctxt (see docs/pack-format.md)
and a `#:` comment naming the file and line where the trainer wrote it. Translators
start from it with msginit, msgmerge, Poedit or Weblate.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import write_po

from coach.domain.exercises import ChooseExercise, OrderExercise, exercise_texts
from coach.domain.pack import Lesson, Pack, Text
from coach.packs.catalogs import LOCALES_FOLDER
from coach.packs.loader import load_pack
from coach.packs.manifest import Sources


def pack_texts(pack: Pack) -> list[Text]:
    """Every translatable text of `pack`, in reading order (pack, skills, then lessons)."""
    texts = [pack.title]
    if pack.description is not None:
        texts.append(pack.description)
    texts.extend(skill.title for skill in pack.skills)
    for lesson in pack.lessons:
        texts.append(lesson.title)
        texts.extend(link.title for link in lesson.links)
        for step in lesson.steps:
            texts.extend((step.text, step.picture_description))
            if step.exercise is not None:
                texts.extend(exercise_texts(step.exercise))
            texts.extend(link.title for link in step.links)
    return texts


def exercise_pictures(lessons: Iterable[Lesson]) -> dict[str, str]:
    """picture_description context -> picture, for the choices and items of exercises."""
    found: dict[str, str] = {}
    for lesson in lessons:
        for step in lesson.steps:
            exercise = step.exercise
            if isinstance(exercise, ChooseExercise):
                found.update({c.picture_description.context: c.picture for c in exercise.choices
                              if c.picture_description is not None})
            elif isinstance(exercise, OrderExercise):
                found.update({i.picture_description.context: i.picture for i in exercise.items})
    return found


def template(pack: Pack, sources: Sources | None = None) -> bytes:
    """The .pot file for `pack`; with `sources`, each entry names its file and line."""
    where = {} if sources is None else {t.text.context: (t.file, t.line) for t in sources.texts}
    pictures = {step.picture_description.context: step.picture for lesson in pack.lessons for step in lesson.steps}
    pictures.update(exercise_pictures(pack.lessons))
    catalog = BabelCatalog(
        project=pack.id, version=pack.version, locale=None, fuzzy=False,
        header_comment=f"# Translation template of the lesson pack {pack.id!r}.\n"
                       "# Keep every {placeholder}; one short sentence per step.",
    )
    for text in pack_texts(pack):
        if not text.source:
            continue
        location = where.get(text.context)
        picture = pictures.get(text.context)
        catalog.add(
            text.source, "", context=text.context,
            locations=[location] if location else [],
            auto_comments=[f"Describes the picture {picture}"] if picture else [],
        )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, include_previous=False)
    return buffer.getvalue()


def _without_date(data: bytes) -> bytes:
    return b"\n".join(line for line in data.splitlines() if not line.startswith(b'"POT-Creation-Date:'))


def extract_command(path: str, out: TextIO) -> int:
    """Write PATH/locales/ID.pot from the pack at `path`; print what was written. 0 or 1."""
    folder = Path(path)
    result = load_pack(folder)
    if result.pack is None:
        for problem in result.errors:
            print(problem, file=out)
        print(f"{path}: nothing written: fix the errors above first", file=out)
        return 1
    pack = result.pack
    if not folder.is_dir():
        print(f"{path}: error: extract works on a pack folder; unzip the pack first", file=out)
        return 1
    data = template(pack, result.sources)
    target = folder / LOCALES_FOLDER / f"{pack.id}.pot"
    count = sum(1 for text in pack_texts(pack) if text.source)
    if target.is_file() and _without_date(target.read_bytes()) == _without_date(data):
        print(f"{target}: up to date ({count} texts)", file=out)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(f"wrote {target} ({count} texts)", file=out)
    return 0
