"""Reading one pack from its files: the manifest, the lessons, the catalogs and every check.

`coach.packs.loader.load_pack` calls this when a pack is not taken from the pack cache;
it is a module of its own so that a start with every pack cached never loads the TOML
and catalog readers, the checks and the picture safety check.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from coach.domain.pack import Lesson, Pack
from coach.i18n.ui_strings import N_
from coach.packs.bounded_zip import ZipRefused
from coach.packs.catalogs import LoadedCatalog, read_catalogs
from coach.packs.exercises import check_exercises
from coach.packs.fields import Report
from coach.packs.files import check_files
from coach.packs.lessons import lesson_files, read_lesson
from coach.packs.loader import LoadResult, sorted_problems
from coach.packs.manifest import Manifest, Sources, read_manifest
from coach.packs.resources import NotAPackError, PackResources, open_resources
from coach.packs.validate import check_easy_read, check_skills, check_texts

NOT_A_PACK = N_("not a lesson pack (no pack.toml)")
NO_SUCH_PATH = N_("no such file or folder")
NOT_A_ZIPPED_PACK = N_("not a lesson pack (no pack.toml at the zip's root or in its single top folder)")


def read_pack(path: Path, report: Report, *, builtin: bool, deep: bool) -> LoadResult:
    """`load_pack`'s work: open the pack, read every file, run the checks, assemble the `Pack`."""
    location = report.location
    if not path.exists() and not path.is_symlink():
        report.error("", None, NO_SUCH_PATH)
        return LoadResult(None, sorted_problems(report.problems), location)
    try:
        resources = open_resources(path)
    except NotAPackError as exc:
        if str(exc) == "no pack.toml":
            report.error("", None, NOT_A_PACK)
        elif str(exc) == "no pack.toml at the zip's root or in its single top folder":
            report.error("", None, NOT_A_ZIPPED_PACK)
        else:
            report.error("", None, N_("not a lesson pack ({reason})"), reason=str(exc))
        return LoadResult(None, sorted_problems(report.problems), location)
    except ZipRefused as exc:
        # Translators: {reason} says, in English, which entry of the zip broke which bound.
        report.error("", None, N_("the zip is refused, nothing was read from it: {reason}"), reason=str(exc))
        return LoadResult(None, sorted_problems(report.problems), location)
    except (OSError, zipfile.BadZipFile) as exc:
        # Translators: {error} is the system's reason, in English.
        report.error("", None, N_("cannot open the pack: {error}"), error=str(exc))
        return LoadResult(None, sorted_problems(report.problems), location)
    sources = Sources()
    manifest = read_manifest(resources, report, sources)
    if manifest is None:
        resources.close()
        return LoadResult(None, sorted_problems(report.problems), location, None, sources)
    lessons, all_read = _read_lessons(resources, manifest, report, sources)
    check_skills(manifest, sources, report, all_lessons_read=all_read and not sources.cut_short)
    check_files(sources.refs, resources, report, deep=deep)
    catalogs = [] if sources.cut_short else read_catalogs(resources, manifest, sources.texts, report)
    check_exercises(lessons, manifest, catalogs, sources, resources, report, deep=deep)
    check_texts(sources.texts, catalogs, report)
    if deep:
        check_easy_read(sources.texts, catalogs, report)
    problems = sorted_problems(report.problems)
    pack_id = manifest.id or None
    if report.has_errors:
        resources.close()
        return LoadResult(None, problems, location, pack_id, sources)
    pack = _assemble(manifest, lessons, catalogs, resources, location, builtin)
    return LoadResult(pack, problems, location, pack_id, sources)


def _read_lessons(
    resources: PackResources, manifest: Manifest, report: Report, sources: Sources
) -> tuple[list[Lesson], bool]:
    """The lessons in file-name order, and whether every lesson file could be parsed."""
    lessons: list[Lesson] = []
    all_read = True
    first_file: dict[str, str] = {}
    for path in lesson_files(resources, report, sources):
        lesson = read_lesson(resources, path, manifest, report, sources)
        if lesson is None:
            all_read = False
            continue
        if lesson.id and lesson.id in first_file:
            report.error(path, sources.id_lines.get(path), N_('lesson id "{id}" is already used by {file}'),
                         id=lesson.id, file=first_file[lesson.id])
            continue
        if lesson.id:
            first_file[lesson.id] = path
        lessons.append(lesson)
    return lessons, all_read


def _assemble(manifest: Manifest, lessons: list[Lesson], catalogs: list[LoadedCatalog],
              resources: PackResources, location: str, builtin: bool) -> Pack:
    return Pack(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        source_language=manifest.source_language,
        languages=manifest.languages,
        license=manifest.license,
        authors=manifest.authors,
        skills=manifest.skills,
        lessons=tuple(lessons),
        resources=resources,
        location=location,
        icon=manifest.icon,
        description=manifest.description,
        catalogs={c.catalog.language: c.catalog for c in catalogs},
        builtin=builtin,
        format_version=manifest.format_version,
    )
