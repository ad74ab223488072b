"""A Babel extractor for lesson files, so the ordinary `pybabel extract` reads packs.

Registered as the entry point `coach_pack` of the group `babel.extractors`; a pack's
`babel.cfg` (written by `coach pack new`) says which files it reads:

    [coach_pack: pack.toml]
    [coach_pack: lessons/**.toml]

    pybabel extract -F babel.cfg -o locales/ID.pot .

Each text comes out with the msgctxt Coach looks it up by (`lesson/LESSON/step/STEP/text`,
see docs/pack-format.md), the line where the trainer wrote it, and for a picture
description a comment naming the picture, exactly as `coach pack extract` writes them.
The file is read by the pack's own readers, so what is extracted is what Coach shows.
A mistake in the file is printed as `file:line: error: message`, and the texts that
could be read are still extracted.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from coach.domain.pack import FORMAT_VERSION, Text
from coach.packs.extract import exercise_pictures
from coach.packs.fields import Report, TomlSource
from coach.packs.lessons import LESSONS_FOLDER, read_lesson
from coach.packs.locator import TomlLocator
from coach.packs.manifest import Manifest, Sources, read_manifest
from coach.packs.resources import MANIFEST

Extracted = tuple[int, str, tuple[str, str], list[str]]


class _FileAndManifest:
    """The resources the readers need: this one file, and the pack's manifest when found."""

    def __init__(self, relative: str, data: bytes, manifest_file: Path | None) -> None:
        self._files = {relative: data}
        self._manifest_file = manifest_file

    def read_bytes(self, relative_path: str) -> bytes:
        if relative_path in self._files:
            return self._files[relative_path]
        if relative_path == MANIFEST and self._manifest_file is not None:
            return self._manifest_file.read_bytes()
        raise FileNotFoundError(relative_path)


def _unknown_manifest() -> Manifest:
    """The manifest of a lesson read on its own: no languages, so no language checks."""
    return Manifest("", "", Text("pack/title", ""), None, "", (), "", (), "", (), FORMAT_VERSION,
                    TomlSource(MANIFEST, {}, TomlLocator("")))


def _pack_manifest(path: Path | None) -> Path | None:
    """pack.toml of the pack holding lessons/NAME.toml at `path`, if there is one."""
    if path is None or path.parent.name != LESSONS_FOLDER:
        return None
    manifest = path.parent.parent / MANIFEST
    return manifest if manifest.is_file() else None


def texts_of_file(data: bytes, file_name: str | None) -> tuple[list[Extracted], Report]:
    """The texts of one pack file (pack.toml or a lesson) as Babel wants them, and its problems."""
    path = Path(file_name) if file_name else None
    is_manifest = path is not None and path.name == MANIFEST
    relative = MANIFEST if is_manifest else f"{LESSONS_FOLDER}/{path.name if path else 'lesson.toml'}"
    manifest_file = _pack_manifest(path)
    resources = _FileAndManifest(relative, data, manifest_file)
    report = Report(str(path.parent.parent if manifest_file else path.parent) if path else "")
    sources = Sources()
    pictures: dict[str, str] = {}
    if is_manifest:
        read_manifest(resources, report, sources)  # type: ignore[arg-type]
    else:
        manifest = None
        if manifest_file is not None:
            manifest = read_manifest(resources, Report(report.location), Sources())  # type: ignore[arg-type]
        lesson = read_lesson(resources, relative, manifest or _unknown_manifest(),  # type: ignore[arg-type]
                             report, sources)
        if lesson is not None:
            pictures = {step.picture_description.context: step.picture for step in lesson.steps}
            pictures.update(exercise_pictures([lesson]))
    found: list[Extracted] = []
    for text in sources.texts:
        if not text.text.source:
            continue
        picture = pictures.get(text.text.context)
        comments = [f"Describes the picture {picture}"] if picture else []
        found.append((text.line, "pgettext", (text.text.context, text.text.source), comments))
    return found, report


def extract_pack_file(
    fileobj: IO[bytes], keywords: Mapping[str, Any] | Collection[str], comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's extractor interface: yield (line, "pgettext", (msgctxt, text), comments)."""
    found, report = texts_of_file(fileobj.read(), getattr(fileobj, "name", None))
    for problem in report.problems:
        if problem.is_error:
            print(problem, file=sys.stderr)
    yield from found
