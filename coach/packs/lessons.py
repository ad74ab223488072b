"""Read lessons/*.toml: each lesson's title, skills, links and steps."""

from __future__ import annotations

from typing import Any

from coach.domain.pack import Lesson, Link, Step, freeze
from coach.domain.problems import Phrase
from coach.domain.steps import COMMON_STEP_FIELDS, step_kind, step_kinds
from coach.i18n.countries import is_country, normalize_country
from coach.i18n.languages import is_known, normalize_tag
from coach.i18n.ui_strings import N_
from coach.packs.exercises import read_exercise
from coach.packs.fields import THE_LESSON, Field, Report, TomlSource, check_fields, check_id, read_toml
from coach.packs.manifest import FileRef, Manifest, Sources
from coach.packs.resources import PackResources

LESSONS_FOLDER = "lessons"
MAX_LESSONS = 200
"""The most lesson files a pack may hold (the built-in packs have at most 12): more is refused."""
MAX_STEPS = 200
"""The most steps a lesson may hold (the built-in lessons have at most 10): more is refused."""

LESSON_FIELDS = {
    "id": Field("text", required=True),
    "title": Field("text", required=True),
    "icon": Field("text"),
    "skills": Field("texts", required=True),
    "links": Field("tables"),
    "steps": Field("tables", required=True),
}
LINK_FIELDS = {
    "title": Field("text", required=True),
    "url": Field("text", required=True),
    "countries": Field("texts"),
}
_COMMON_FIELDS = {
    "id": Field("text", required=True),
    "kind": Field("text", required=True),
    "text": Field("text", required=True),
    "picture": Field("text", required=True),
    "picture_description": Field("text", required=True),
    "audio": Field("table"),
    "links": Field("tables"),
}
assert set(_COMMON_FIELDS) == COMMON_STEP_FIELDS


def lesson_files(resources: PackResources, report: Report, sources: Sources | None = None) -> list[str]:
    """The lesson files, in file-name order; other files in lessons/ get a warning."""
    files = []
    for path in resources.list(LESSONS_FOLDER):
        if path.endswith(".toml"):
            files.append(path)
        elif not path.rsplit("/", 1)[-1].startswith("."):
            report.warning(path, None, N_("ignored: lesson files must end in .toml"))
    if not files:
        report.error(LESSONS_FOLDER, None, N_("the pack has no lessons (no lessons/*.toml file)"))
    if len(files) > MAX_LESSONS:
        # Translators: {count} and {limit} are numbers of lesson files (always more than 200 and 200).
        report.error(LESSONS_FOLDER, None, N_("the pack has {count} lesson files; the limit is {limit}"),
                     count=len(files), limit=MAX_LESSONS)
        files = files[:MAX_LESSONS]  # the others are not read: the check stays short
        if sources is not None:
            sources.cut_short = True
    return files


def read_lesson(
    resources: PackResources, path: str, manifest: Manifest, report: Report, sources: Sources
) -> Lesson | None:
    """Read and check one lesson file; None when it cannot be parsed at all."""
    try:
        raw = resources.read_bytes(path)
    except OSError as exc:
        # Translators: {error} is the system's reason, in English.
        report.error(path, None, N_("cannot read the lesson: {error}"), error=str(exc))
        return None
    source = read_toml(raw, path, report)
    if source is None:
        return None
    values = check_fields(source.data, LESSON_FIELDS, source, "", THE_LESSON, report)
    lesson_id = values.get("id", "")
    sources.id_lines[path] = source.line("id")
    if lesson_id:
        check_id(lesson_id, source, "id", "lesson", report)
    context = f"lesson/{lesson_id}"
    title = sources.text(f"{context}/title", values.get("title"), source, "title", True)
    for skill_id in values.get("skills", []):
        sources.skill_uses.append((skill_id, path, source.line("skills")))
    links = _links(values.get("links", []), "links", source, context, report, sources)
    steps = _steps(values.get("steps", []), source, context, manifest, report, sources)
    icon = values.get("icon", "")
    if icon:
        sources.refs.append(FileRef(icon, path, source.line("icon"), "icon"))
    elif steps:
        icon = steps[0].picture  # the library shows the first step's picture
    return Lesson(
        id=lesson_id,
        title=title,
        icon=icon,
        skills=tuple(values.get("skills", ())),
        steps=steps,
        links=links,
        file=path,
    )


def _links(tables: list[dict[str, Any]], key: str, source: TomlSource, context: str,
           report: Report, sources: Sources) -> tuple[Link, ...]:
    """The [[links]] of a lesson (`key` "links") or of a step (`key` "steps[2].links")."""
    return tuple(_link(table, index, key, source, context, report, sources) for index, table in enumerate(tables))


def _link(table: dict[str, Any], index: int, key: str, source: TomlSource, context: str,
          report: Report, sources: Sources) -> Link:
    prefix = f"{key}[{index}]"
    # Translators: {number} is the link's position in the lesson, from 1.
    owner = Phrase.create(N_("link {number}"), number=index + 1)
    values = check_fields(table, LINK_FIELDS, source, prefix, owner, report)
    url = values.get("url", "")
    if url and not url.lower().startswith(("https://", "http://")):
        report.error(
            source.relative_path, source.line(f"{prefix}.url"),
            N_('link {number}: url "{url}" must start with https:// or http://'),
            number=index + 1, url=url,
        )
    countries: list[str] = []
    for code in values.get("countries", []):
        country = normalize_country(code)
        if not is_country(country):
            report.error(
                source.relative_path, source.line(f"{prefix}.countries"),
                # Translators: {country} is what the trainer wrote; FR and CH are examples of ISO 3166 codes.
                N_('link {number}: "{country}" is not a country code (two letters, such as FR or CH)'),
                number=index + 1, country=code,
            )
        elif country in countries:
            report.warning(
                source.relative_path, source.line(f"{prefix}.countries"),
                N_('link {number}: country "{country}" is listed twice'), number=index + 1, country=country,
            )
        else:
            countries.append(country)
    title = sources.text(f"{context}/link/{index + 1}/title", values.get("title"), source, f"{prefix}.title", True)
    return Link(title, url, tuple(countries))


def _steps(tables: list[dict[str, Any]], source: TomlSource, context: str, manifest: Manifest,
           report: Report, sources: Sources) -> tuple[Step, ...]:
    steps: list[Step] = []
    first_line: dict[str, int] = {}
    if len(tables) > MAX_STEPS:
        report.error(source.relative_path, source.line(f"steps[{MAX_STEPS}]"),
                     # Translators: {count} and {limit} are numbers of steps (always more than 200 and 200).
                     N_("the lesson has {count} steps; the limit is {limit}"), count=len(tables), limit=MAX_STEPS)
        tables = tables[:MAX_STEPS]  # the others are not read: the check stays short
        sources.cut_short = True
    for index, table in enumerate(tables):
        prefix = f"steps[{index}]"
        raw_id = table.get("id")
        step_id = raw_id if isinstance(raw_id, str) else ""
        if step_id:
            # Translators: {step} is a step's id, as written in the lesson file.
            owner = Phrase.create(N_('step "{step}"'), step=step_id)
        else:
            # Translators: {number} is the step's position in the lesson, from 1.
            owner = Phrase.create(N_("step {number}"), number=index + 1)
        fields = dict(_COMMON_FIELDS)
        kind_name = table.get("kind")
        kind = step_kind(kind_name) if isinstance(kind_name, str) else None
        if isinstance(kind_name, str) and kind is None:
            known = ", ".join(k.name for k in step_kinds())
            report.error(
                source.relative_path, source.line(f"{prefix}.kind"),
                # Translators: {known} lists the kinds of step this Coach knows ("info, tap").
                N_('{owner} has an unknown kind "{kind}" (this Coach knows: {known})'),
                owner=owner, kind=kind_name, known=known,
            )
            # Its own fields are unknown too; do not also report each of them.
            fields.update({key: Field("any") for key in table if key not in fields})
        elif kind is not None:
            fields.update({name: Field(kind.value_kinds.get(name, "any"), required=name in kind.required_fields)
                           for name in kind.own_fields})
        values = check_fields(table, fields, source, prefix, owner, report)
        if step_id:
            check_id(step_id, source, f"{prefix}.id", "step", report)
            if step_id in first_line:
                report.error(
                    source.relative_path, source.line(f"{prefix}.id"),
                    N_('step id "{id}" is used twice in the lesson (first at line {line})'),
                    id=step_id, line=first_line[step_id],
                )
            else:
                first_line[step_id] = source.line(f"{prefix}.id")
        step_context = f"{context}/step/{step_id}"
        picture = values.get("picture", "")
        if picture:
            sources.refs.append(FileRef(picture, source.relative_path, source.line(f"{prefix}.picture"), "picture"))
        own = kind.own_fields if kind is not None else frozenset()
        exercise = None
        if kind is not None and kind.exercise:
            exercise = read_exercise(kind.name, values, source, prefix, owner, step_context, report, sources)
        steps.append(Step(
            id=step_id,
            kind=kind_name if isinstance(kind_name, str) else "",
            text=sources.text(f"{step_context}/text", values.get("text"), source, f"{prefix}.text", True),
            picture=picture,
            picture_description=sources.text(
                f"{step_context}/picture_description", values.get("picture_description"),
                source, f"{prefix}.picture_description", False,
            ),
            audio=freeze(_audio(values.get("audio", {}), source, prefix, owner, manifest, report, sources)),
            options=freeze({key: value for key, value in values.items() if key in own}),
            exercise=exercise,
            links=_links(values.get("links", []), f"{prefix}.links", source, step_context, report, sources),
        ))
    return tuple(steps)


def _audio(table: dict[str, Any], source: TomlSource, prefix: str, owner: Phrase, manifest: Manifest,
           report: Report, sources: Sources) -> dict[str, str]:
    """The recorded audio per language: {"fr": "audio/fr/open.ogg"}."""
    audio: dict[str, str] = {}
    for tag, path in table.items():
        line = source.line(f"{prefix}.audio.{tag}")
        normal = normalize_tag(tag)
        if not isinstance(path, str):
            report.error(source.relative_path, line, N_('{owner}: audio for "{tag}" must be a file path in quotes'),
                         owner=owner, tag=tag)
        elif not is_known(normal):
            report.error(source.relative_path, line, N_('{owner}: unknown language tag "{tag}" in audio'),
                         owner=owner, tag=tag)
        else:
            if manifest.languages and normal not in manifest.languages:
                report.warning(
                    source.relative_path, line,
                    N_('{owner}: audio for "{tag}", which is not in the pack\'s languages'),
                    owner=owner, tag=tag,
                )
            audio[normal] = path
            sources.refs.append(FileRef(path, source.relative_path, line, "audio"))
    return audio
