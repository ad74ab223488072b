"""Read pack.toml, the manifest: the pack's id, title, languages and skills."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.domain.pack import FORMAT_VERSION, Skill, Text
from coach.domain.problems import Phrase
from coach.i18n.languages import is_known, normalize_tag
from coach.i18n.ui_strings import N_
from coach.packs.fields import THE_MANIFEST, Field, Report, TomlSource, check_fields, check_id, read_toml
from coach.packs.resources import MANIFEST, PackResources
# The readers' notes live in sources.py (light, for the pack cache); named here as before.
from coach.packs.sources import FileRef, Sources
from coach.packs.sources import TextSource as TextSource

DIGCOMP_IDS = frozenset(
    f"{area}.{n}" for area, count in ((1, 3), (2, 6), (3, 4), (4, 4), (5, 4)) for n in range(1, count + 1)
)
"""The 21 competences of the EU DigComp 2.2 framework, "1.1" to "5.4"."""

MAX_SKILLS = 200
"""The most skills a pack may declare (the built-in packs have at most 12): more is refused."""

MANIFEST_FIELDS = {
    "format": Field("integer", required=True),
    "id": Field("text", required=True),
    "version": Field("text", required=True),
    "title": Field("text", required=True),
    "description": Field("text"),
    "source_language": Field("text", required=True),
    "languages": Field("texts", required=True),
    "license": Field("text", required=True),
    "authors": Field("texts", required=True),
    "icon": Field("text"),
    "skills": Field("tables", required=True),
}
SKILL_FIELDS = {
    "id": Field("text", required=True),
    "title": Field("text", required=True),
    "digcomp": Field("texts", required=True),
}


@dataclass(frozen=True)
class Manifest:
    """The manifest's values (placeholders where the file had mistakes)."""

    id: str
    version: str
    title: Text
    description: Text | None
    source_language: str
    languages: tuple[str, ...]
    license: str
    authors: tuple[str, ...]
    icon: str
    skills: tuple[Skill, ...]
    format_version: int
    source: TomlSource


def read_manifest(resources: PackResources, report: Report, sources: Sources) -> Manifest | None:
    """Read and check pack.toml; None when it cannot be read or is of a newer format."""
    try:
        raw = resources.read_bytes(MANIFEST)
    except OSError as exc:
        # Translators: {error} is the system's reason, in English.
        report.error(MANIFEST, None, N_("cannot read the manifest: {error}"), error=str(exc))
        return None
    source = read_toml(raw, MANIFEST, report)
    if source is None:
        return None
    data = source.data
    version = data.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        report.error(
            MANIFEST, source.line("format"),
            N_("pack format {version} is newer than this Coach understands ({supported}); "
               "update Coach to use this pack"),
            version=version, supported=FORMAT_VERSION,
        )
        return None
    values = check_fields(data, MANIFEST_FIELDS, source, "", THE_MANIFEST, report)
    if "format" in values and values["format"] < 1:
        report.error(MANIFEST, source.line("format"), N_("format must be {supported}, not {found}"),
                     supported=FORMAT_VERSION, found=values["format"])
    pack_id = values.get("id", "")
    sources.id_lines[MANIFEST] = source.line("id")
    if pack_id:
        check_id(pack_id, source, "id", "pack", report)
    source_language, languages = _languages(values, source, report)
    description = None
    if "description" in values:
        description = sources.text("pack/description", values["description"], source, "description", False)
    return Manifest(
        id=pack_id,
        version=values.get("version", ""),
        title=sources.text("pack/title", values.get("title"), source, "title", True),
        description=description,
        source_language=source_language,
        languages=languages,
        license=values.get("license", ""),
        authors=tuple(values.get("authors", ())),
        icon=_icon(values, source, sources),
        skills=_skills(values.get("skills", []), source, report, sources),
        format_version=values.get("format", FORMAT_VERSION),
        source=source,
    )


def _icon(values: dict[str, Any], source: TomlSource, sources: Sources) -> str:
    icon = values.get("icon", "")
    if icon:
        sources.refs.append(FileRef(icon, MANIFEST, source.line("icon"), "icon"))
    return icon


def _languages(values: dict[str, Any], source: TomlSource, report: Report) -> tuple[str, tuple[str, ...]]:
    """The source language and the offered languages, normalised ("fa_af" -> "fa-AF")."""
    languages: list[str] = []
    for tag in values.get("languages", []):
        normal = normalize_tag(tag)
        if not is_known(normal):
            # Translators: "languages" and "source_language" are field names of pack.toml: keep them.
            report.error(MANIFEST, source.line("languages"), N_('unknown language tag "{tag}" in languages'), tag=tag)
        elif normal in languages:
            report.warning(MANIFEST, source.line("languages"), N_('language "{tag}" is listed twice in languages'),
                           tag=tag)
        else:
            languages.append(normal)
    source_language = ""
    if "source_language" in values:
        tag = values["source_language"]
        source_language = normalize_tag(tag)
        if not is_known(source_language):
            report.error(MANIFEST, source.line("source_language"),
                         N_('unknown language tag "{tag}" in source_language'), tag=tag)
        elif "languages" in values and source_language not in languages:
            report.error(
                MANIFEST, source.line("source_language"),
                N_('source_language "{tag}" is not in languages; list every language, the source included'),
                tag=tag,
            )
    return source_language, tuple(languages)


def _skills(tables: list[dict[str, Any]], source: TomlSource, report: Report, sources: Sources) -> tuple[Skill, ...]:
    skills: list[Skill] = []
    first_line: dict[str, int] = {}
    if len(tables) > MAX_SKILLS:
        report.error(source.relative_path, source.line(f"skills[{MAX_SKILLS}]"),
                     # Translators: {count} and {limit} are numbers of skills (always more than 200 and 200).
                     N_("the pack has {count} skills; the limit is {limit}"), count=len(tables), limit=MAX_SKILLS)
        tables = tables[:MAX_SKILLS]  # the others are not read: the check stays short
        sources.cut_short = True
    for index, table in enumerate(tables):
        prefix = f"skills[{index}]"
        if isinstance(table.get("id"), str):
            # Translators: {skill} is a skill's id, as written in pack.toml.
            owner = Phrase.create(N_('skill "{skill}"'), skill=table["id"])
        else:
            # Translators: {number} is the skill's position in pack.toml, from 1.
            owner = Phrase.create(N_("skill {number}"), number=index + 1)
        values = check_fields(table, SKILL_FIELDS, source, prefix, owner, report)
        skill_id = values.get("id", "")
        if skill_id:
            check_id(skill_id, source, f"{prefix}.id", "skill", report)
            if skill_id in first_line:
                report.error(
                    MANIFEST, source.line(f"{prefix}.id"),
                    N_('skill id "{id}" is used twice (first at line {line})'),
                    id=skill_id, line=first_line[skill_id],
                )
            else:
                first_line[skill_id] = source.line(f"{prefix}.id")
        for competence in values.get("digcomp", []):
            if competence not in DIGCOMP_IDS:
                report.error(
                    MANIFEST, source.line(f"{prefix}.digcomp"),
                    N_('{owner}: "{competence}" is not a DigComp 2.2 competence (1.1 to 1.3, 2.1 to 2.6, '
                       "3.1 to 3.4, 4.1 to 4.4, 5.1 to 5.4)"),
                    owner=owner, competence=competence,
                )
        title = sources.text(f"skill/{skill_id}/title", values.get("title"), source, f"{prefix}.title", False)
        skills.append(Skill(skill_id, title, tuple(values.get("digcomp", ()))))
    return tuple(skills)
